"""Counts of goals for the overview (pure functions over goal rows).

Every count carries its denominator and the goals it counts, so that the
page can link each number to exactly those goals.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field


@dataclass
class Count:
    key: str
    label: str
    codes: list = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.codes)


def count_by(rows, key_of, label_of, order=None) -> list[Count]:
    """Group rows by a key; a row with several keys (several units) counts in each."""
    groups: dict[str, Count] = OrderedDict((k, Count(k, label_of(k))) for k in (order or []))
    for row in rows:
        keys = key_of(row)
        for key in keys if isinstance(keys, (list, tuple, set, frozenset)) else [keys]:
            if key not in groups:
                groups[key] = Count(key, label_of(key))
            groups[key].codes.append(row.goal.code)
    return list(groups.values())


def assessor_table(rows, statuses) -> list[dict]:
    """Per assessor, how many of the goals they assessed they put in each status.

    This is where government and opposition counts stand side by side, each
    with its own denominator.
    """
    table: dict[str, dict] = {}
    for row in rows:
        for a in row.latest_by_assessor.values():
            name = a.assessor.split(" (")[0]  # "Landesregierung NRW (Zwischenbericht)" -> the body
            entry = table.get(name)
            if entry is None:  # the label looked up once per assessor, not per assessment
                entry = table[name] = {"assessor": name, "kind": a.get_assessor_kind_display(),
                                       "kind_code": a.assessor_kind,
                                       "counts": {s: 0 for s in statuses}, "denominator": 0}
            entry["counts"][a.status] += 1
            entry["denominator"] += 1
    # the government first (it is the kind's code that says so, not its translated label)
    return sorted(table.values(),
                  key=lambda e: (e["kind_code"] != "government", e["assessor"]))
