"""Counts the imports that run against Leitstand's layering.

The layering, lowest first: ingest < core < register < monitoring < participation; the surfaces
dashboard, api and reports sit on top and never import each other; onboarding (editors bring in
a document) sits on top beside them; accounts (staff login) sits beside participation;
operations (loaders and operations commands) and the project modules (settings, urls, cli,
wsgi) may import everything. An import is against the layering when it
names a module of an app above its own, or of another surface, or when ingest imports anything
of Leitstand outside ingest. Imports inside functions count too.

An import may carry a comment `# layering: <why>` on its line; it is still counted, and listed
with its reason. Usage: python tools/layering.py [SRC_DIR]  (default: src/leitstand of this
checkout); --quiet prints only the count; --max N exits with 1 when there are more than N
(.ci/run uses --max 0).
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

RANK = {"ingest": 0, "config": 1, "core": 1, "register": 2, "monitoring": 3,
        "participation": 4, "accounts": 4, "dashboard": 5, "api": 5, "reports": 5,
        "onboarding": 5, "operations": 6, "project": 6}
SURFACES = {"dashboard", "api", "reports"}
PROJECT_MODULES = {"settings", "urls", "cli", "wsgi", "__main__", "__init__"}


def app_of(parts: list[str]) -> str | None:
    """The app of a module path below `leitstand` (["monitoring", "rows"] -> "monitoring")."""
    if not parts:
        return None
    head = parts[0]
    if head in RANK:
        return head
    if head in PROJECT_MODULES:
        return "project"
    return None  # e.g. templates, locale, demo data


def imported_modules(tree: ast.AST, package: list[str]):
    """(line, module path below leitstand) for every import of a leitstand module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("leitstand."):
                    yield node.lineno, alias.name.split(".")[1:]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                module = base + (node.module.split(".") if node.module else [])
                yield node.lineno, module
            elif node.module and (node.module == "leitstand"
                                  or node.module.startswith("leitstand.")):
                parts = node.module.split(".")[1:]
                if not parts:  # from leitstand import config
                    for alias in node.names:
                        yield node.lineno, [alias.name]
                else:
                    yield node.lineno, parts


def against(src_app: str, dst_app: str) -> bool:
    if src_app == dst_app or src_app in ("operations", "project"):
        return False
    if src_app == "ingest":
        return True
    if src_app in SURFACES and dst_app in SURFACES:
        return True
    return RANK[dst_app] > RANK[src_app]


def violations(src: Path):
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(src)
        if "migrations" in rel.parts or "tests" in rel.parts:
            continue
        parts = list(rel.with_suffix("").parts)
        src_app = app_of(parts)
        if src_app is None:
            continue
        package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for lineno, module in imported_modules(ast.parse(text), package):
            dst_app = app_of(module)
            if dst_app is None or not against(src_app, dst_app):
                continue
            line = lines[lineno - 1]
            reason = line.split("# layering:", 1)[1].strip() if "# layering:" in line else ""
            yield (str(rel), lineno, src_app, dst_app, ".".join(module), reason)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", nargs="?",
                        default=str(Path(__file__).resolve().parents[1] / "src" / "leitstand"))
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--max", type=int, default=None, help="fail above this many")
    args = parser.parse_args(argv)
    found = list(violations(Path(args.src)))
    if not args.quiet:
        for rel, lineno, src_app, dst_app, module, reason in found:
            why = f"  # {reason}" if reason else ""
            print(f"{rel}:{lineno}: {src_app} -> {dst_app} (leitstand.{module}){why}")
        pairs = sorted({(v[2], v[3]) for v in found})
        print(f"app pairs against the layering: {len(pairs)}"
              + (": " + ", ".join(f"{a}->{b}" for a, b in pairs) if pairs else ""))
        to_surface = sum(1 for v in found if v[3] in SURFACES and v[2] not in SURFACES)
        print(f"from a lower app to a surface: {to_surface}")
    print(f"imports against the layering: {len(found)}")
    return 1 if args.max is not None and len(found) > args.max else 0


if __name__ == "__main__":
    sys.exit(main())
