"""The Methodik page and the code side by side: every case of the code's table
(status_rules.CASES) is stated by exactly one rule of the page, in the order the code tries
them, with the status the code gives; and each case is reached by the code as stated."""

import datetime as dt
import re

import pytest
from django.utils import translation

from leitstand.monitoring import status_rules, vocabulary
from leitstand.monitoring.status_rules import Series, TargetInput, judge_target

D = dt.date
UP = dict(unit="percent", comparator="at_least")

# one input per case, as the page describes it: (target, series, as-of day)
EXAMPLES = {
    "no_value": (TargetInput(None, "percent", "at_least", D(2030, 1, 1)), [], D(2026, 1, 1)),
    "no_indicator": (TargetInput(50, deadline=D(2030, 1, 1), **UP), [], D(2026, 1, 1)),
    "no_deadline": (TargetInput(50, deadline=None, **UP),
                    [Series("Quote", "percent", ((D(2024, 1, 1), 10),))], D(2026, 1, 1)),
    "unit_mismatch": (TargetInput(50, deadline=D(2030, 1, 1), **UP),
                      [Series("Anzahl", "count", ((D(2024, 1, 1), 10),))], D(2026, 1, 1)),
    "no_observation": (TargetInput(50, deadline=D(2030, 1, 1), **UP),
                       [Series("Quote", "percent", ((D(2027, 1, 1), 10),))], D(2026, 1, 1)),
    # a single value that already meets the target: achieved, not "no data"
    "met": (TargetInput(50, deadline=D(2030, 1, 1), **UP),
            [Series("Quote", "percent", ((D(2025, 1, 1), 55),))], D(2026, 1, 1)),
    # met at the deadline, missed later: stays achieved
    "met_at_deadline": (TargetInput(50, deadline=D(2025, 1, 1), **UP),
                        [Series("Quote", "percent", ((D(2024, 6, 1), 52), (D(2025, 6, 1), 40)))],
                        D(2026, 1, 1)),
    "missed": (TargetInput(50, deadline=D(2025, 1, 1), **UP),
               [Series("Quote", "percent", ((D(2024, 6, 1), 30), (D(2025, 6, 1), 60)))],
               D(2025, 3, 1)),
    "too_few": (TargetInput(50, deadline=D(2030, 1, 1), **UP),
                [Series("Quote", "percent", ((D(2025, 1, 1), 20),))], D(2026, 1, 1)),
    "on_track": (TargetInput(50, deadline=D(2030, 1, 1), **UP),
                 [Series("Quote", "percent", ((D(2022, 1, 1), 20), (D(2025, 1, 1), 35)))],
                 D(2026, 1, 1)),
    "at_risk": (TargetInput(50, deadline=D(2030, 1, 1), **UP),
                [Series("Quote", "percent", ((D(2022, 1, 1), 20), (D(2025, 1, 1), 21)))],
                D(2026, 1, 1)),
}


def test_every_case_of_the_code_is_stated_by_one_rule_in_the_codes_order():
    stated = [case for rule in status_rules.RULES for case in rule.cases]
    assert stated == [case for case, _ in status_rules.CASES]


@pytest.mark.parametrize("case,status", status_rules.CASES)
def test_the_code_reaches_each_case_as_the_page_states_it(case, status):
    target, series, as_of = EXAMPLES[case]
    verdict = judge_target(target, series, as_of)
    assert (verdict.case, verdict.status) == (case, status)
    rule = next(r for r in status_rules.RULES if case in r.cases)
    with translation.override("de"):
        text = str(rule.text)
        # the rule names the status this case gives, in the page's words
        assert f"„{vocabulary.label(status)}“" in text, (case, text)
    with translation.override("en"):
        assert f"“{vocabulary.label(status)}”" in str(rule.text), case


def test_the_tolerance_on_the_page_is_the_codes():
    rule = next(r for r in status_rules.RULES if "met" in r.cases)
    shown = f"{status_rules.TOLERANCE * 100:g}"
    with translation.override("en"):
        assert f"within {shown} % tolerance" in str(rule.text)
    with translation.override("de"):
        assert f"mit {shown.replace('.', ',')} % Toleranz" in str(rule.text)


@pytest.mark.parametrize("language,prefix", [("de", ""), ("en", "/en")])
def test_the_page_shows_every_rule_in_order(client, db, language, prefix):
    html = client.get(prefix + "/methodik/").content.decode()
    with translation.override(language):
        texts = [str(r.title) for r in status_rules.RULES]
    positions = [html.find(f">{t}</dt>") for t in texts]
    assert -1 not in positions and positions == sorted(positions)
    assert re.search(r"leitstand-status/\d", html).group(0) == status_rules.RULESET
