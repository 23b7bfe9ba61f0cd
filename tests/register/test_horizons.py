import datetime as dt

from leitstand.monitoring.review import is_overdue
from leitstand.register.horizons import due_date

ADOPTED = dt.date(2019, 4, 10)


def test_short_horizon_is_due_two_years_after_adoption():
    assert due_date(ADOPTED, "short", None) == dt.date(2021, 4, 10)


def test_medium_horizon_is_due_five_years_after_adoption():
    assert due_date(ADOPTED, "medium", None) == dt.date(2024, 4, 10)


def test_long_horizon_has_no_due_date():
    assert due_date(ADOPTED, "long", None) is None


def test_explicit_deadline_wins_over_the_horizon():
    assert due_date(ADOPTED, "short", dt.date(2025, 12, 31)) == dt.date(2025, 12, 31)


def test_adoption_on_29_february_falls_back_to_28th():
    assert due_date(dt.date(2024, 2, 29), "short", None) == dt.date(2026, 2, 28)


def test_goal_past_due_is_overdue_unless_achieved_or_dropped():
    today = dt.date(2026, 1, 1)
    assert is_overdue(dt.date(2025, 1, 1), "in_progress", today)
    assert not is_overdue(dt.date(2025, 1, 1), "achieved", today)
    assert not is_overdue(dt.date(2025, 1, 1), "dropped", today)
    assert not is_overdue(dt.date(2027, 1, 1), "in_progress", today)
    assert not is_overdue(None, "in_progress", today)
