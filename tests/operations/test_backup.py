"""Backup and restore round-trip everything, history included, record by record – on the
same kind of database, and between SQLite and PostgreSQL in both directions."""

import datetime as dt

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from leitstand.operations import backup as b


def _records(database: str) -> dict:
    """Every row of every backed-up model, by model and primary key."""
    return {m._meta.label: list(m.objects.using(database).order_by("pk").values())
            for m in b.own_models()}


def _assert_same(copy: dict, original: dict, direction: str) -> None:
    for label, rows in original.items():
        assert len(copy[label]) == len(rows), (direction, label)
        for mine, theirs in zip(copy[label], rows, strict=False):
            different = {k: (mine[k], theirs[k]) for k in theirs if mine[k] != theirs[k]}
            assert not different, (direction, label, theirs.get("id"), different)


def _known_values(database: str) -> list:
    """The known values (left out of the backup, rebuilt from the history on restore)."""
    from leitstand.monitoring.models import KnownValue

    return sorted(KnownValue.objects.using(database).values_list(
        "observation_id", "version_id", "indicator_id", "date", "value", "known_from",
        "known_until"))


def _some_of_everything():
    """The demo plus history, a user, an assessment correction and participation."""
    from django.contrib.auth import get_user_model

    from leitstand.monitoring.models import Assessment
    from leitstand.monitoring.snapshots import take
    from leitstand.operations.demo import demo_files
    from leitstand.operations.loader import load_file
    from leitstand.participation.models import Comment, Consultation, Participant
    from leitstand.register.models import Goal, Membership, Organisation

    for path in demo_files():
        load_file(path)
    user = get_user_model().objects.create_user("redakteurin", password="pw-1234567890",
                                                is_staff=True)
    Membership.objects.create(user=user, organisation=Organisation.objects.get(slug="mwide"))
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    goal.title = goal.title + " (korrigiert)"
    goal.save()  # a second history record
    goal.responsible_units.add(Organisation.objects.get(slug="mkw"))  # an m2m history change
    first = Assessment.objects.filter(goal=goal).first()
    Assessment.objects.create(goal=goal, status="missed", as_of=dt.date(2026, 1, 1),
                              assessor="MWIDE", assessor_kind="government", evidence="x",
                              state="approved", approved_at=timezone.now(), replaces=first,
                              correction_reason="Zahl korrigiert", created_by=user)
    take(dt.date(2026, 11, 1))
    who = Participant.objects.create(email="p@example.org", display_name="P",
                                     verified_at=timezone.now())
    Comment.objects.create(consultation=Consultation.objects.first(), participant=who,
                           body="Hallo", goal=Consultation.objects.first().edition.goals.first())


def test_a_backup_is_readable_by_its_owner_only(db, tmp_path):
    path = tmp_path / "b.json.gz"
    path.write_text("old")
    path.chmod(0o644)
    call_command("backup", str(path))
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.stat().st_size > 1000


def test_a_restore_never_goes_over_existing_data(db, tmp_path):
    path = tmp_path / "b.json"
    call_command("backup", str(path))
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(path))
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "missing.json"))


@pytest.mark.skipif("second" not in settings.DATABASES,
                    reason="needs LEITSTAND_SECOND_DATABASE_URL (set in the PostgreSQL pass)")
@pytest.mark.django_db(databases=["default", "second"], transaction=True)
def test_round_trip_between_the_two_databases_in_both_directions(tmp_path):
    from django.db import connections

    first_kind = connections["default"].vendor
    second_kind = connections["second"].vendor
    assert {first_kind, second_kind} == {"postgresql", "sqlite"}
    _some_of_everything()
    original = _records("default")
    known = _known_values("default")
    # the demo data with its history: several hundred records of every kind
    assert sum(len(rows) for rows in original.values()) > 500
    assert original["register.HistoricalGoal"] and original["participation.Comment"]

    call_command("backup", str(tmp_path / "one.json.gz"))
    call_command("restore", str(tmp_path / "one.json.gz"), database="second")
    _assert_same(_records("second"), original, f"{first_kind} → {second_kind}")
    assert known and _known_values("second") == known

    call_command("backup", str(tmp_path / "two.json"), database="second")
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(tmp_path / "two.json"))
    _assert_same(_records("default"), original, f"{second_kind} → {first_kind}")
    assert _known_values("default") == known
    # the restored database works: new rows get new keys, not ones already taken
    from leitstand.register.models import Organisation

    new = Organisation.objects.create(slug="neu", name="Neue Stelle")
    assert new.pk > max(r["id"] for r in original["register.Organisation"])
    assert apps.get_model("register", "Goal").objects.count() == len(original["register.Goal"])
