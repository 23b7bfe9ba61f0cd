"""Readable renderings of a document model: Markdown and a short summary."""

from __future__ import annotations


def _target_text(t: dict) -> str:
    parts = []
    if t.get("comparator"):
        parts.append({"at_least": "≥", "at_most": "≤", "exactly": "="}[t["comparator"]])
    if t.get("value") is not None:
        parts.append(f"{t['value']:g} {t.get('unit') or ''}".strip())
    if t.get("per"):
        parts.append("pro Jahr")
    if t.get("factor") is not None:
        parts.append(f"Faktor {t['factor']:g}")
    if t.get("baseline_year"):
        parts.append(f"gegenüber {t['baseline_year']}")
    if t.get("deadline"):
        parts.append(f"bis {t['deadline']}")
    return f"{t.get('metric') or '–'}: " + " ".join(parts)


def markdown(doc: dict) -> str:
    out = [f"# {doc.get('title') or doc['source']['path']}", ""]
    out.append(f"Quelle: `{doc['source']['path']}` (sha256 {doc['source']['sha256'][:12]}…), "
               f"Jahr: {doc.get('year') or 'unbekannt'}, Sprache: {doc.get('language') or '–'}")
    out += [f"\n> Warnung: {w}" for w in doc.get("warnings") or []]
    if doc.get("toc"):
        out += ["", "## Inhaltsverzeichnis (des Dokuments)", ""]
        out += [f"- {e['number'] + ' ' if e['number'] else ''}{e['title']}"
                f"{' … ' + e['page_label'] if e.get('page_label') else ''}" for e in doc["toc"]]
    for section in doc["sections"]:
        heading = "#" * min(section["level"] + 1, 6)
        number = f"{section['number']} " if section["number"] else ""
        out += ["", f"{heading} {number}{section['title']}",
                f"*{section['kind']}, Zeile {section['line']}*"]
        for goal in (g for g in doc["goals"] if g["section"] == section["id"]):
            mark = "Ziel" if goal["explicit"] else "Ziel (im Text)"
            out.append(f"- **{mark}** (Zeile {goal['line']}): {goal['text']}")
            out += [f"  - {_target_text(t)}" for t in goal["targets"]]
        for measure in (m for m in doc["measures"] if m["section"] == section["id"]):
            label = f"{measure['label']}. " if measure["label"] else ""
            group = f"[{measure['group']}] " if measure["group"] else ""
            out.append(f"- {group}{label}{measure['text']} *({measure['status'] or '–'}, "
                       f"Zeile {measure['line']})*")
        for lst in (x for x in doc["lists"] if x["section"] == section["id"]):
            if lst["title"]:
                out.append(f"\n{lst['title']}")
            out += [f"- {item['text']}" for item in lst["items"]]
    if doc["organisations"]:
        out += ["", "## Organisationen", ""]
        out += [f"- {o['name']} (Zeilen {', '.join(map(str, o['lines']))})"
                for o in doc["organisations"]]
    return "\n".join(out) + "\n"


def _place(item: dict) -> str:
    return f"p. {item['page']}" if item.get("page") else f"line {item['line']}"


def summary(doc: dict) -> str:
    """A short outline: what the document is, its chapters as a tree, its goals."""
    lines = [f"{doc['source']['path']}: {len(doc['sections'])} sections, "
             f"{len(doc['measures'])} measures, {len(doc['goals'])} goals "
             f"({sum(g['explicit'] for g in doc['goals'])} explicit), {len(doc['lists'])} lists, "
             f"{len(doc['quantities'])} quantities, {len(doc['organisations'])} organisations"]
    lines.append(f"  title: {doc.get('title') or '–'}; language: {doc.get('language', '–')}; "
                 f"format: {doc['source']['format']}; pages: {doc['source']['pages'] or '–'}; "
                 f"table of contents: {len(doc.get('toc') or [])} entries")
    lines += [f"  warning: {w}" for w in doc.get("warnings") or []]
    if doc["sections"]:
        lines.append("  outline:")
    for section in doc["sections"]:
        number = f"{section['number']} " if section["number"] else ""
        kind = f" [{section['kind']}]" if section["kind"] not in ("chapter", "other") else ""
        lines.append(f"  {'  ' * section['level']}{number}{section['title'][:80]}{kind} "
                     f"({_place(section)})")
    for goal in doc["goals"]:
        lines.append(f"  goal {_place(goal)}, line {goal['line']}: {goal['text'][:90]}")
        lines += [f"    {_target_text(t)}" for t in goal["targets"]]
    return "\n".join(lines) + "\n"
