"""Who may do what (register/permissions.py) as a table: every action for every role, over
the pure Actor and Scope – the grid in tests/register/test_permissions_grid.py checks the same
through the pages."""

import pytest

from leitstand.register.permissions import (
    ANONYMOUS,
    RULES,
    Actor,
    Scope,
    allowed,
    answering_units,
    reach,
)

STRATEGY, OTHER_STRATEGY = 1, 2
UNIT_A, UNIT_B = 10, 20
SCOPE = Scope(STRATEGY, frozenset({UNIT_A}))

ROLES = {
    "anonymous": ANONYMOUS,
    "editor_a": Actor(True, unit_ids=frozenset({UNIT_A})),
    "editor_b": Actor(True, unit_ids=frozenset({UNIT_B})),
    "head_a": Actor(True, unit_ids=frozenset({UNIT_A}), head_unit_ids=frozenset({UNIT_A})),
    "admin": Actor(True, admin_strategy_ids=frozenset({STRATEGY})),
    "other_admin": Actor(True, admin_strategy_ids=frozenset({OTHER_STRATEGY})),
    "superuser": Actor(True, superuser=True),
}
ADMIN_ONLY = {"change_strategy", "change_edition", "change_section", "change_guideline",
              "add_goal", "delete_goal", "moderate_consultation", "take_up_proposal",
              "export_results", "upload_document", "publish_edition"}
ANY_ADMIN = {"create_strategy"}  # an admin of any strategy may start another
UNIT_EDITORS = {"change_goal", "change_target", "change_measure", "change_indicator",
                "change_observation", "record_assessment", "confirm_lineage", "answer_dispute"}
HEADS = {"approve_assessment"}
SUPERUSER_ONLY = {"change_organisation", "change_membership"}
MAY = {
    "anonymous": set(),
    "editor_a": UNIT_EDITORS,
    "editor_b": set(),
    "head_a": UNIT_EDITORS | HEADS,
    "admin": ADMIN_ONLY | UNIT_EDITORS | HEADS | ANY_ADMIN,
    "other_admin": ANY_ADMIN,
    "superuser": set(RULES),
}


def test_the_table_names_every_rule():
    assert ADMIN_ONLY | UNIT_EDITORS | HEADS | SUPERUSER_ONLY | ANY_ADMIN == set(RULES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(RULES))
def test_role_and_action(role, action):
    assert allowed(ROLES[role], action, SCOPE) is (action in MAY[role])


@pytest.mark.parametrize(("role", "units"), [
    ("anonymous", set()), ("editor_a", {UNIT_A}), ("editor_b", set()),
    ("admin", {UNIT_A, UNIT_B}), ("superuser", {UNIT_A, UNIT_B}),
])
def test_in_whose_name_a_dispute_is_answered(role, units):
    two_units = Scope(STRATEGY, frozenset({UNIT_A, UNIT_B}))
    editor_b_on_a_only = answering_units(ROLES["editor_b"], SCOPE)
    assert answering_units(ROLES[role], two_units) == (
        frozenset({UNIT_B}) if role == "editor_b" else frozenset(units))
    assert editor_b_on_a_only == frozenset()


@pytest.mark.parametrize(("role", "everything", "strategies", "units"), [
    ("anonymous", False, set(), set()),
    ("editor_a", False, set(), {UNIT_A}),
    ("admin", False, {STRATEGY}, set()),
    ("superuser", True, set(), set()),
])
def test_reach(role, everything, strategies, units):
    where = reach(ROLES[role])
    assert (where.everything, set(where.strategy_ids), set(where.unit_ids)) == (
        everything, strategies, units)
