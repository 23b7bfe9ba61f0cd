"""Accuracy of `leitstand ingest` against hand annotations: precision, recall, F1 per field.

Part 1 (version-1 scoring): the NRW seed excerpt (read from ../shared/seeds at run time), our
county fixture in UTF-8 and cp1252, and a generated 6-page PDF whose annotations follow from
its generator.
Part 2 (corpus scoring, `bench/gold/corpus/*.yaml`, rules in `bench/gold/README.md` and
`bench/corpus_scoring.py`): the real documents of ../shared/corpus and the fixtures written
for them -- goals recall and precision, target fields, sections F1 on the sampled range and
the count of invented values/deadlines, today's figures beside the first-read figures of the
original pipeline (`bench/gold/first_read.json`).

Run: python bench/ingest_accuracy.py               (prints both tables; exits 0)
     python bench/ingest_accuracy.py --details X   (missed, false and invented goals of X)
First read: git worktree add /tmp/orig 1482b9e &&
     PYTHONPATH=/tmp/orig/src python bench/ingest_accuracy.py --record-first-read
     (measures the original pipeline on every gold file as it stands now; rerun it when an
     annotation grows -- the original pipeline never changes, so its figures stay first-read)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leitstand.ingest  # noqa: E402
from bench import corpus_scoring  # noqa: E402
from leitstand.ingest import pipeline, textlines  # noqa: E402
from leitstand.ingest.dehyphenate import join_lines  # noqa: E402
from leitstand.ingest.reader import read  # noqa: E402
from leitstand.ingest.structure import content_lines, logical_order  # noqa: E402

TARGET_FIELDS = ["value", "unit", "comparator", "deadline", "per", "baseline_year", "factor",
                 "rank"]
AIMS = {"sections": 0.95, "measures": 0.95, "explicit goals (recall)": 1.0,
        "target fields": 0.95, "money amounts": 0.95, "percentages": 0.95,
        "dehyphenation (accuracy)": 0.995}


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, predicted: set, gold: set):
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _in(rng, line):
    return rng is None or rng[0] <= line <= rng[1]


def evaluate(doc: dict, gold: dict, scores: dict, hyphen_source=None) -> None:
    predicted = [(s["line"], s["number"], s["kind"]) for s in doc["sections"]]
    expected = [tuple(x) for x in gold["sections"]]
    scores["sections"].add(set(predicted), set(expected))
    order_ok = [x for x in predicted if x in expected] == [x for x in expected if x in predicted]
    scores["section order"].add({1} if order_ok else set(), {1})
    scores["measures"].add({(m["line"], m["label"], m["status"]) for m in doc["measures"]},
                           {tuple(x) for x in gold["measures"]})
    explicit = {g["line"] for g in doc["goals"] if g["explicit"]}
    scores["explicit goals (recall)"].add(explicit & set(gold["goals"]["explicit"]),
                                          set(gold["goals"]["explicit"]))
    scores["goals"].add({g["line"] for g in doc["goals"]},
                        set(gold["goals"]["explicit"]) | set(gold["goals"]["implicit"]))
    by_line = {g["line"]: g for g in doc["goals"]}
    for line, fields in gold["targets"].items():
        target = (by_line.get(int(line)) or {"targets": [{}]})["targets"]
        target = target[0] if target else {}
        for name in TARGET_FIELDS:
            want = fields[name]
            got = target.get(name)
            same = (want == got) or (isinstance(want, (int, float)) and isinstance(got, float)
                                     and abs(want - got) < 1e-6)
            key = (line, name)
            scores["target fields"].add({key} if same else ({("wrong",) + key}
                                                            if got is not None else set()),
                                        {key})
    rng = gold.get("quantities_range")
    quantities = {(q["line"], round(q["value"], 4), q["unit"]) for q in doc["quantities"]
                  if _in(rng, q["line"])}
    wanted = {(a, round(float(b), 4), c) for a, b, c in gold["quantities"]}
    scores["quantities"].add(quantities, wanted)
    scores["money amounts"].add({q for q in quantities if q[2] == "EUR"},
                                {q for q in wanted if q[2] == "EUR"})
    scores["percentages"].add({q for q in quantities if q[2] == "percent"},
                              {q for q in wanted if q[2] == "percent"})
    orng = gold.get("organisations_range")
    found = [o for o in doc["organisations"] if any(_in(orng, n) for n in o["lines"])]
    keys = [(o["name"] + " " + " ".join(o.get("aliases", []))).lower() for o in found]
    hits = {k for k in keys if any(g[1] in k for g in gold["organisations"])}
    matched_gold = {g[1] for g in gold["organisations"] if any(g[1] in k for k in keys)}
    scores["organisations"].tp += len(matched_gold)
    scores["organisations"].fn += len(gold["organisations"]) - len(matched_gold)
    scores["organisations"].fp += len(set(keys) - hits)
    items = {i["line"] for lst in doc["lists"] for i in lst["items"]}
    scores["list items"].add(items, {i for lst in gold["lists"] for i in lst["items"]})
    if hyphen_source is not None:
        _dehyphenation(hyphen_source, gold["dehyphenation"], scores)


def _dehyphenation(path, labels, scores) -> None:
    """Each line-break hyphen of the input, joined as the pipeline joins its lines, against
    the expected word built from the two halves of the input and the hand-made label."""
    lines = logical_order(content_lines(textlines.split_lines(read(path))))
    skip = set(labels["skip"])
    for i, line in enumerate(lines[:-1]):
        raw = line.text
        if not (raw.endswith("-") and len(raw) > 1 and raw[-2].isalpha()) or \
                line.number in skip:
            continue
        left = raw.split()[-1][:-1]
        right = lines[i + 1].text.split()[0]
        if line.number in labels["keep"]:
            expected = f"{left}-{right}"
        elif line.number in labels["suspend"]:
            expected = f"{left}- {right}"
        else:
            expected = left + right
        got = join_lines([raw, lines[i + 1].text])
        ok = expected in got
        scores["dehyphenation (accuracy)"].add({line.number} if ok else set(), {line.number})


def pdf_gold(pages: int) -> dict:
    from tests.ingest.make_pdf import page_lines

    sections, measures, goals, targets, quantities = [], [], [], {}, []
    # Line 1 is page 1's running header; each page number shares its line with the next
    # page's header (the pages are joined by a form feed, which does not end a line).
    line = 1
    for n in range(1, pages + 1):
        for style, text in page_lines(n):
            line += 1
            if style == "h1":
                sections.append([line, str(n), "chapter"])
            elif style == "h2":
                number = text.split()[0]
                sections.append([line, number, "review" if "Bilanz" in text else "next_steps"])
            elif text.startswith(("a.", "b.")):
                measures.append([line, text[0], "done"])
                amounts = re.findall(r"(\d+),5 Mio\. Euro", text)
                count = re.findall(r"stellte (\d+) Server", text)
                quantities += [[line, int(a) * 1e6 + 5e5, "EUR"] for a in amounts]
                quantities += [[line, int(c), "count"] for c in count]
            elif text.startswith("Ziel:"):
                goals.append(line)
                value = int(re.search(r"mindestens (\d+)", text).group(1))
                year = int(re.search(r"Ende (\d{4})", text).group(1))
                targets[line] = {"value": value, "unit": "percent", "comparator": "at_least",
                                 "deadline": f"{year}-12-31", "per": None,
                                 "baseline_year": None, "factor": None, "rank": None}
                quantities.append([line, value, "percent"])
        line += 1  # the page number
    return {"sections": sections, "measures": measures,
            "goals": {"explicit": goals, "implicit": []}, "targets": targets,
            "quantities": quantities, "organisations": [[0, "landesamt für digitales"]],
            "lists": [], "dehyphenation": {"keep": [], "suspend": [], "skip": []}}


def version1_table() -> None:
    import tempfile

    from tests.ingest.make_pdf import write_pdf

    total = defaultdict(Score)
    rows = []
    for gold_file in sorted((ROOT / "bench/gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        path = (ROOT / gold["document"]).resolve()
        variants = [path]
        if path.name == "landkreis.txt":
            variants.append(path.with_name("landkreis_cp1252.txt"))
        for variant in variants:
            scores = defaultdict(Score)
            doc = pipeline.ingest_path(variant)
            if doc["year"] != gold["year"]:
                print(f"  {variant.name}: year {doc['year']} (expected {gold['year']})")
            evaluate(doc, gold, scores, hyphen_source=variant)
            rows.append((variant.name, scores))
            for k, v in scores.items():
                total[k].tp += v.tp
                total[k].fp += v.fp
                total[k].fn += v.fn
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "musterland.pdf"
        write_pdf(pdf, 6)
        scores = defaultdict(Score)
        evaluate(pipeline.ingest_path(pdf), pdf_gold(6), scores)
        rows.append(("generated 6-page PDF", scores))
        for k, v in scores.items():
            total[k].tp += v.tp
            total[k].fp += v.fp
            total[k].fn += v.fn
    fields = list(total)
    print(f"{'field':28} " + " ".join(f"{name[:22]:>24}" for name, _ in rows) + f" {'all':>18}")
    for field in fields:
        cells = []
        for _, scores in rows:
            p, r, f = scores[field].prf() if field in scores else (None, None, None)
            cells.append(f"{'–':>24}" if p is None or (scores[field].tp + scores[field].fn
                                                      + scores[field].fp == 0)
                         else f"P{p:.2f} R{r:.2f} F{f:.2f}".rjust(24))
        p, r, f = total[field].prf()
        aim = AIMS.get(field)
        value = r if "recall" in field else (r if "accuracy" in field else f)
        verdict = "" if aim is None else (" ok" if value >= aim else f" below aim {aim}")
        print(f"{field:28} " + " ".join(cells) + f"  P{p:.2f} R{r:.2f} F{f:.2f}{verdict}")


CORPUS_GOLD = ROOT / "bench/gold/corpus"
FIRST_READ = ROOT / "bench/gold/first_read.json"
CORPUS_AIMS = {"goals_recall": 0.9, "goals_precision": 0.9, "target_fields": 0.95,
               "sections_f1": 0.9}
COLUMNS = [("goals_recall", "recall"), ("goals_precision", "precision"),
           ("target_fields", "fields"), ("sections_f1", "sections F1"), ("invented", "invented")]


def corpus_golds() -> list[tuple[str, dict, Path]]:
    """(name, gold, document path) of every corpus annotation whose document is at hand."""
    found = []
    for gold_file in sorted(CORPUS_GOLD.glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
        if not gold.get("document"):
            continue
        path = (ROOT / gold["document"]).resolve()
        if not path.exists():
            print(f"  {gold_file.name}: skipped, {gold['document']} is not at hand")
            continue
        found.append((gold_file.stem, gold, path))
    return found


def row_reader(path: Path):
    """The input line of a goal (text documents) or its page (PDF): the cells of a goal-table
    row, which the invented-values check reads besides the goal's text (its goal cell)."""
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        return lambda goal: pages[goal["page"] - 1] if goal.get("page") else ""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    return lambda goal: lines[goal["line"] - 1] if 0 < goal["line"] <= len(lines) else ""


SHARED: set[str] = set()  # names of the golds whose document lies in ../shared/corpus


def score_corpus() -> dict[str, corpus_scoring.Tally]:
    tallies = {}
    for name, gold, path in corpus_golds():
        if "shared/corpus/" in gold["document"]:
            SHARED.add(name)
        doc = pipeline.ingest_path(path)
        tallies[name] = corpus_scoring.score(doc, gold, row_reader(path))
    return tallies


def _cell(value) -> str:
    if value is None:
        return "–"
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def corpus_table(tallies: dict[str, corpus_scoring.Tally]) -> None:
    first = json.loads(FIRST_READ.read_text(encoding="utf-8")) if FIRST_READ.exists() else {}
    first_docs = first.get("documents", {})
    print()
    print("Corpus scoring (bench/gold/corpus): today's figures, first read in brackets")
    print(f"{'document':44}" + "".join(f"{label:>20}" for _, label in COLUMNS) + "   goals")
    total = corpus_scoring.Tally()
    for name, tally in tallies.items():
        total.add(tally)
        today, before = tally.figures(), first_docs.get(name, {})
        cells = "".join(f"{_cell(today[key]) + ' [' + _cell(before.get(key)) + ']':>20}"
                        if before else f"{_cell(today[key]):>20}" for key, _ in COLUMNS)
        print(f"{name[:43]:44}{cells}   {tally.found}/{tally.gold} found, "
              f"{tally.output} out")
    if not tallies:
        print("  (no corpus annotations yet)")
        return
    shared, shared_first, total_first = (corpus_scoring.Tally() for _ in range(3))
    for name, tally in tallies.items():
        before = first_docs.get(name, {}).get("counts")
        if name in SHARED:
            shared.add(tally)
            if before:
                shared_first.add(corpus_scoring.Tally.from_counts(before))
        if before:
            total_first.add(corpus_scoring.Tally.from_counts(before))
    for label, group, before in (("shared corpus (../shared/corpus)", shared, shared_first),
                                 ("all", total, total_first)):
        today, then = group.figures(), before.figures() if before.gold else {}
        print(f"{label:44}" + "".join(
            f"{_cell(today[key]) + ' [' + _cell(then.get(key)) + ']':>20}" if then
            else f"{_cell(today[key]):>20}" for key, _ in COLUMNS))
    figures = shared.figures()
    verdicts = [f"{label} {'ok' if figures[key] is not None and figures[key] >= aim else 'below'}"
                f" {aim}" for key, aim in CORPUS_AIMS.items()
                for k, label in COLUMNS if k == key and figures[key] is not None]
    verdicts.append(f"invented {'ok' if total.invented == 0 else 'must be'} 0")
    print("aims on the shared corpus: " + "; ".join(verdicts))
    if first.get("measured"):
        print(f"first read: {first['measured']}")


def details(tallies: dict[str, corpus_scoring.Tally], name: str) -> None:
    for doc_name, tally in tallies.items():
        if name not in doc_name:
            continue
        print(f"\n== {doc_name}")
        for gold_goal in tally.missed:
            where = gold_goal.get("page") or gold_goal.get("line")
            print(f"  missed  {where}: {gold_goal['targets'][0]}")
        for goal in tally.false_goals:
            where = goal.get("page") or goal.get("line")
            print(f"  false   {where} [{goal.get('found_by')}]: {goal['text'][:110]}")
            print(f"          {[(t['value'], t['unit'], t['deadline']) for t in goal['targets']]}")
        for where, what, got, want in tally.wrong:
            print(f"  field   {where}: {what} {got!r} (gold {want!r})")
        for where, what in tally.invented_items:
            print(f"  invented {where}: {what}")


def record_first_read(tallies: dict[str, corpus_scoring.Tally]) -> None:
    """Stores the figures of the original pipeline (on PYTHONPATH) for every gold file."""
    module = Path(leitstand.ingest.__file__).resolve()
    if module.is_relative_to(ROOT / "src"):
        sys.exit("--record-first-read measures the original pipeline: run it with "
                 "PYTHONPATH=/tmp/orig/src (git worktree add /tmp/orig 1482b9e)")
    first = json.loads(FIRST_READ.read_text(encoding="utf-8")) if FIRST_READ.exists() else {}
    first["measured"] = ("the original pipeline (commit 1482b9e, before issue 12) on the gold "
                         f"files as of {dt.date.today().isoformat()}")
    docs = first.setdefault("documents", {})
    for name, tally in tallies.items():
        docs[name] = tally.figures()
        print(f"first read of {name}: {docs[name]}")
    FIRST_READ.write_text(json.dumps(first, indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--details", metavar="NAME", help="list misses of corpus gold NAME")
    args.add_argument("--record-first-read", action="store_true")
    args.add_argument("--corpus-only", action="store_true")
    options = args.parse_args(argv)
    if options.record_first_read:
        record_first_read(score_corpus())
        return 0
    if not options.corpus_only:
        version1_table()
    tallies = score_corpus()
    corpus_table(tallies)
    if options.details:
        details(tallies, options.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
