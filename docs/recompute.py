"""Recompute the overview's numbers from the open data, without Leitstand.

    leitstand export --format csv data/
    python docs/recompute.py data/goals.csv nrw 2019

prints the same JSON shape as /api/v1/editions/<id>/summary (without "edition" and "as_of"):
the denominator and the goals by status, horizon, field of action and responsible unit.
"""

import csv
import json
import sys
from collections import Counter


def recompute(path, strategy, edition):
    with open(path, encoding="utf-8", newline="") as handle:
        goals = [g for g in csv.DictReader(handle)
                 if g["strategy"] == strategy and g["edition"] == edition]
    units = Counter(u for g in goals for u in g["responsible_units"].split(";") if u)
    return {
        "denominator": len(goals),
        "by_status": dict(sorted(Counter(g["status"] for g in goals).items())),
        "by_horizon": dict(sorted(Counter(g["horizon"] or "none" for g in goals).items())),
        "by_section": dict(sorted(Counter(g["section"] for g in goals).items())),
        "by_unit": dict(sorted(units.items())),
    }


if __name__ == "__main__":
    print(json.dumps(recompute(*sys.argv[1:4]), indent=2, ensure_ascii=False))
