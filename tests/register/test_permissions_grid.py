"""Every state-changing URL × every role, declared as one table.

"ok": the role may submit (the form answers 200 with its errors, or the
action redirects on success); "denied": 403, or the admin hides the object
(302 to the admin index); "login": redirected to the login page.
"""

import copy
import datetime as dt
import functools

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import get_resolver, reverse

from leitstand.api import tokens
from leitstand.monitoring.models import Assessment, Observation
from leitstand.register import models as m
from tests.conftest import staff_login

ROLES = ["anonymous", "citizen", "editor_a", "editor_b", "head_a", "strategy_admin",
         "superuser"]
ADMIN_ONLY = {"anonymous": "login", "citizen": "login", "editor_a": "denied",
              "editor_b": "denied", "head_a": "denied", "strategy_admin": "ok",
              "superuser": "ok"}
UNIT_A = {**ADMIN_ONLY, "editor_a": "ok", "head_a": "ok"}
SUPERUSER_ONLY = {**ADMIN_ONLY, "strategy_admin": "denied"}


def _goal():
    return m.Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")


def _draft():
    return Assessment.objects.create(goal=_goal(), status="on_track", as_of=dt.date(2026, 1, 1),
                                     assessor="MWIDE", assessor_kind="government",
                                     evidence="Entwurf")


def _consultation():
    from tests.participation.helpers import open_consultation

    return open_consultation(m.Edition.objects.get(strategy__slug="nrw", slug="2-0"))


def _comment():
    from tests.participation.helpers import comment_on, participant

    consultation = _consultation()
    return comment_on(consultation, consultation.edition.sections.first(), participant("c"))


def _proposal():
    from leitstand.participation.models import Proposal
    from tests.participation.helpers import participant

    return Proposal.objects.create(consultation=_consultation(), participant=participant("p"),
                                   kind="new_goal", title="Mehr Daten", body="Bitte.")


def _dispute():
    from leitstand.participation.models import Dispute
    from tests.participation.helpers import participant

    return Dispute.objects.create(goal=_goal(), participant=participant("d"),
                                  disputed_status="not_assessed", body="Stimmt nicht.")


def _block():
    from leitstand.participation.models import Block
    from tests.participation.helpers import participant

    return Block.objects.create(participant=participant("b"), strategy=m.Strategy.objects.get(
        slug="nrw"), reason="Beleidigungen", blocked_by=get_user_model().objects.get(
        username="root"))


def _hidden_comment():
    comment = _comment()
    comment.state, comment.hidden_reason = "hidden", "Spam"
    comment.save()
    return comment


def _seed_model():
    from tests.conftest import need_shared

    return _ingested(need_shared("seeds/000_496e719280b7dfe2.txt"))


@functools.cache
def _ingested(path):
    from leitstand.ingest.pipeline import ingest_path

    return ingest_path(path)


def _upload():
    """A document in review for NRW whose first goal is MWIDE's (unit A)."""
    from leitstand.onboarding import services
    from leitstand.onboarding.models import Upload

    upload = Upload.objects.create(strategy=m.Strategy.objects.get(slug="nrw"),
                                   edition_label="2.1", original_name="s.txt", kind="text",
                                   state=Upload.RUNNING)
    services.import_upload(upload, copy.deepcopy(_seed_model()), "Text")
    upload.findings.filter(kind="goal").order_by("line").first().goal.responsible_units.set(
        [m.Organisation.objects.get(slug="mwide")])
    return upload


def _units_finding(upload):
    return upload.findings.get(goal__responsible_units__slug="mwide")


OBJECTS = {
    "block": _block,
    "hidden_comment": _hidden_comment,
    "upload": _upload,
    "consultation": _consultation,
    "comment": _comment,
    "proposal": _proposal,
    "dispute": _dispute,
    "strategy": lambda: m.Strategy.objects.get(slug="nrw"),
    "edition": lambda: m.Edition.objects.get(strategy__slug="nrw", slug="2019"),
    "section": lambda: m.Section.objects.filter(edition__strategy__slug="nrw").first(),
    "guideline": lambda: m.Guideline.objects.filter(edition__strategy__slug="nrw").first(),
    "goal": _goal,
    "measure": lambda: m.Measure.objects.filter(responsible_units__slug="mwide").first(),
    "indicator": lambda: m.Indicator.objects.get(strategy__slug="nrw", slug="wagniskapital"),
    "organisation": lambda: m.Organisation.objects.get(slug="mwide"),
    "membership": lambda: m.Membership.objects.first(),
    "observation": lambda: Observation.objects.filter(indicator__slug="wagniskapital").first(),
    "assessment": _draft,
    "user": lambda: get_user_model().objects.get(username="editor_b"),
    "group": lambda: Group.objects.get_or_create(name="Gäste")[0],
    "goallink": lambda: m.GoalLink.objects.get(goal__code="20-12", previous__code="19-07"),
    "apitoken": lambda: tokens.create(get_user_model().objects.get(username="editor_a"),
                                      "Abgleich")[0],
}
APP = {"consultation": "participation", "assessment": "monitoring", "observation": "monitoring",
       "user": "auth", "apitoken": "api",
       "group": "auth"}
EXPECT = {
    "strategy": ADMIN_ONLY, "edition": ADMIN_ONLY, "section": ADMIN_ONLY,
    "guideline": ADMIN_ONLY, "goal": UNIT_A, "measure": UNIT_A, "indicator": UNIT_A,
    "observation": UNIT_A, "assessment": UNIT_A, "organisation": SUPERUSER_ONLY,
    "membership": SUPERUSER_ONLY, "user": SUPERUSER_ONLY, "group": SUPERUSER_ONLY,
    "goallink": UNIT_A, "consultation": ADMIN_ONLY,
    # Everyone on the staff keeps their own tokens; a superuser may revoke anyone's.
    "apitoken": {**ADMIN_ONLY, "editor_a": "ok", "strategy_admin": "denied"},
}
# Adding a goal is for strategy admins. Nobody may delete a strategy, edition or goal that
# has approved assessments: that would rewrite the public history.
NOBODY = {**ADMIN_ONLY, "strategy_admin": "denied", "superuser": "denied"}
# Any editor may open the add form; its choices hold only their own units' goals and
# indicators, and the saved object is checked again (see test_editor_cannot_add_for_another_unit).
ANY_EDITOR = {**UNIT_A, "editor_b": "ok"}
EXPECT_ADD = {"goal": ADMIN_ONLY, "measure": ANY_EDITOR, "indicator": ANY_EDITOR,
              "observation": ANY_EDITOR, "assessment": ANY_EDITOR, "goallink": ANY_EDITOR,
              "apitoken": ANY_EDITOR}
EXPECT_DELETE = {"goal": NOBODY, "strategy": NOBODY, "edition": NOBODY, "consultation": NOBODY,
                 "apitoken": NOBODY}  # a token is revoked, and its record stays

GRID = []
for model, expected in EXPECT.items():
    app = APP.get(model, "register")
    GRID.append((f"admin:{app}_{model}_add", model, EXPECT_ADD.get(model, {
        **expected, "strategy_admin": "ok" if expected is not SUPERUSER_ONLY else "denied"})))
    GRID.append((f"admin:{app}_{model}_change", model, expected))
    GRID.append((f"admin:{app}_{model}_delete", model, EXPECT_DELETE.get(model, expected)))
GRID.append(("monitoring:approve_assessment", "assessment",
             {**ADMIN_ONLY, "editor_a": "denied", "head_a": "ok"}))
# Stores nothing, but answers POST: open to every staff role.
GRID.append(("monitoring:measurability_tool", None, {**ADMIN_ONLY, "editor_a": "ok",
                                                 "editor_b": "ok", "head_a": "ok"}))
GRID.append(("monitoring:stale_goals", None, {**ADMIN_ONLY, "editor_a": "ok", "editor_b": "ok",
                                          "head_a": "ok"}))
# Every editor may upload; each row is then checked against the rules (tests/monitoring/
# test_bulk_update.py).
GRID.append(("monitoring:bulk_update", None, {**ADMIN_ONLY, "editor_a": "ok", "editor_b": "ok",
                                          "head_a": "ok"}))
# The dialog's team pages: moderation, results and take-up are the strategy's admins';
# a dispute is answered by the goal's responsible units (19-07: MWIDE, unit A).
GRID += [
    ("moderation:queue", "consultation", ADMIN_ONLY),
    ("moderation:results_csv", "consultation", ADMIN_ONLY),
    ("moderation:results_json", "consultation", ADMIN_ONLY),
    ("moderation:moderate", "comment", ADMIN_ONLY),
    ("moderation:take_up", "proposal", ADMIN_ONLY),
    ("moderation:answer", "dispute", UNIT_A),
    ("moderation:disputes", None, {**ADMIN_ONLY, "editor_a": "ok", "editor_b": "ok",
                                   "head_a": "ok"}),
    # The moderation desk (issue 16): open to those who moderate a consultation; answers to
    # proposals are the strategy team's; blocks are the moderators'.
    ("moderation:desk", "consultation", ADMIN_ONLY),
    ("moderation:answer_proposal", "proposal", ADMIN_ONLY),
    ("moderation:block", "consultation", ADMIN_ONLY),
    ("moderation:unblock", "block", ADMIN_ONLY),
]
# The participants' own actions: an editor's account is no participant, so every role is
# refused; who may (only the author) is tested in tests/participation/test_desk.py.
NO_STAFF = dict.fromkeys(ROLES, "denied")
GRID += [
    ("participation:withdraw", "proposal", NO_STAFF),
    ("participation:request_review", "hidden_comment", NO_STAFF),
]
# Bringing in a document: the strategy's admins upload, decide on candidates and units and
# publish; the editors of a draft goal's unit (A) open the review and decide on that goal.
GRID += [
    ("onboarding:uploads", None, ADMIN_ONLY),
    ("onboarding:progress", "upload", UNIT_A),
    ("onboarding:review", "upload", UNIT_A),
    ("onboarding:decide", "upload", UNIT_A),
    ("onboarding:accept_confident", "upload", UNIT_A),
    ("onboarding:edit", "upload", UNIT_A),
    ("onboarding:passage", "upload", ADMIN_ONLY),
    ("onboarding:unit", "upload", ADMIN_ONLY),
    ("onboarding:publish", "upload", ADMIN_ONLY),
    ("onboarding:discard", "upload", ADMIN_ONLY),
]
URL_DATA = {
    "onboarding:decide": lambda obj: {"finding": [_units_finding(obj).pk],
                                      "decision": "accepted"},
    "onboarding:passage": lambda obj: {"text": "Bis 2030 sollen 90 Prozent digital sein.",
                                       "line": "10"},
}
URL_ARGS = {
    "onboarding:edit": lambda obj: [obj.pk, _units_finding(obj).pk],
    "onboarding:unit": lambda obj: [obj.pk, obj.unit_matches.first().pk],
    "moderation:queue": lambda obj: [obj.slug],
    "moderation:results_csv": lambda obj: [obj.slug],
    "moderation:results_json": lambda obj: [obj.slug],
    "moderation:moderate": lambda obj: ["kommentar", obj.pk, "hide"],
    "moderation:desk": lambda obj: [],
    "moderation:block": lambda obj: [obj.slug, _participant_id()],
    "participation:request_review": lambda obj: ["kommentar", obj.pk],
}


def _participant_id():
    from tests.participation.helpers import participant

    return participant("blockiert").pk


def _outcome(response) -> str:
    location = response.headers.get("Location", "")
    if response.status_code == 302 and "/login/" in location:
        return "login"
    if response.status_code == 403 or (response.status_code == 302
                                       and location.rstrip("/").endswith("/admin")):
        return "denied"
    assert response.status_code in (200, 302), response.status_code
    return "ok"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name,model,expected", GRID,
                         ids=[g[0] for g in GRID])
def test_state_changing_url_obeys_the_permission_table(client, roles, role, url_name, model,
                                                       expected):
    obj = OBJECTS[model]() if model and OBJECTS[model] else None
    args = [obj.pk] if obj is not None and not url_name.endswith("_add") else []
    if url_name in URL_ARGS:
        args = URL_ARGS[url_name](obj)
    if roles[role] is not None:
        staff_login(client, roles[role])
    data = {"post": "yes"} if url_name.endswith("_delete") else {"language": "en", "next": "/",
                                                                "reason": "Beleidigung"}
    if url_name in URL_DATA:
        data = URL_DATA[url_name](obj)
    response = client.post(reverse(url_name, args=args), data)
    assert _outcome(response) == expected[role]
    if url_name.endswith("_delete") and obj is not None:
        still_there = type(obj).objects.filter(pk=obj.pk).exists()
        assert still_there == (expected[role] != "ok")


def test_grid_covers_every_state_changing_url():
    covered = {name for name, _, _ in GRID}
    needed = {"monitoring:approve_assessment"}
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        needed |= {f"{prefix}_add", f"{prefix}_change", f"{prefix}_delete"}
    for pattern in get_resolver().url_patterns:
        namespace = getattr(pattern, "namespace", None)
        if namespace in ("monitoring", "moderation", "onboarding"):
            needed |= {f"{namespace}:{p.name}" for p in pattern.url_patterns}
    missing = needed - covered
    assert not missing, f"URLs without a permission row: {sorted(missing)}"


def test_approved_assessment_cannot_be_changed_even_by_a_superuser(client, roles):
    draft = _draft()
    staff_login(client, roles["head_a"])
    client.post(reverse("monitoring:approve_assessment", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.state == "approved"
    staff_login(client, roles["superuser"])
    response = client.post(reverse("admin:monitoring_assessment_change", args=[draft.pk]),
                           {"status": "achieved"})
    assert response.status_code == 403
    assert Assessment.objects.get(pk=draft.pk).status == "on_track"


def test_editor_list_shows_only_their_units_goals(client, roles):
    staff_login(client, roles["editor_b"])
    page = client.get(reverse("admin:register_goal_changelist")).content.decode()
    assert "Kompetenzplattform KI.NRW" in page  # 19-18 belongs to MKW too
    assert "Mehr Wagniskapital" not in page  # 19-07 is MWIDE's alone


def test_editor_cannot_add_for_another_unit(client, roles):
    staff_login(client, roles["editor_b"])
    goal = _goal()  # MWIDE's goal; editor_b edits for MKW
    before = Assessment.objects.count()
    response = client.post(reverse("admin:monitoring_assessment_add"), {
        "goal": goal.pk, "status": "achieved", "as_of": "2026-01-01", "assessor": "x",
        "assessor_kind": "government", "evidence": "x", "rule": "manual"})
    assert response.status_code == 200  # the form refuses the goal as an invalid choice
    assert Assessment.objects.count() == before
    mkw = m.Organisation.objects.get(slug="mkw")
    response = client.post(reverse("admin:register_measure_add"), {
        "edition": goal.edition_id, "text": "Neue Maßnahme", "status": "planned", "order": 0,
        "responsible_units": [m.Organisation.objects.get(slug="mwide").pk]})
    assert response.status_code == 403
    assert not m.Measure.objects.filter(text="Neue Maßnahme").exists()
    response = client.post(reverse("admin:register_measure_add"), {
        "edition": goal.edition_id, "text": "Eigene Maßnahme", "status": "planned", "order": 0,
        "responsible_units": [mkw.pk]})
    assert response.status_code == 302
    assert m.Measure.objects.filter(text="Eigene Maßnahme").exists()


# The participants' own URLs (issue 15): who can change what. "visitor" has no session,
# "other" is another signed-in participant, "owner" the one whose record it is. True: the
# change happens; False: it is refused or changes nothing of the owner's.
def _participants():
    from tests.participation.helpers import participant

    return participant("Olga"), participant("Otto")


def _own_proposal(owner, other):
    from leitstand.participation.models import Proposal

    proposal = Proposal.objects.create(consultation=_consultation(), participant=owner,
                                       kind="new_goal", title="Olgas Idee", body="b")
    return [proposal.pk], lambda: Proposal.objects.get(pk=proposal.pk).withdrawn_at is not None


def _own_support(owner, other):
    from leitstand.participation.models import Proposal, Support
    from tests.participation.helpers import participant

    proposal = Proposal.objects.create(consultation=_consultation(), participant=participant(
        "Paula"), kind="new_goal", title="Paulas Idee", body="b")
    Support.objects.create(proposal=proposal, participant=owner)
    return [proposal.pk], lambda: not Support.objects.filter(participant=owner).exists()


def _comment_to_support(owner, other):
    from leitstand.participation.models import CommentSupport

    comment = _comment()
    return [comment.pk], lambda: CommentSupport.objects.filter(comment=comment).exists()


def _own_subscription(owner, other):
    from leitstand.participation.models import Subscription

    subscription = Subscription.objects.create(email=owner.email, goal=_goal())
    return [subscription.pk], lambda: not Subscription.objects.filter(
        pk=subscription.pk).exists()


def _choices(owner, other):
    from leitstand.participation.models import NotificationChoice

    return [], lambda: NotificationChoice.objects.filter(participant=owner).exists()


def _stop_link(owner, other):
    from leitstand.participation import notifications
    from leitstand.participation.models import NotificationChoice

    return [notifications.stop_token(owner, "reply")], lambda: NotificationChoice.objects.filter(
        participant=owner, kind="reply", by_mail=False).exists()


OWNER_ONLY = {"visitor": False, "other": False, "owner": True}
PARTICIPANT_GRID = [
    ("participation:withdraw_proposal", _own_proposal, OWNER_ONLY),
    ("participation:withdraw_support", _own_support, OWNER_ONLY),
    ("participation:end_subscription", _own_subscription, OWNER_ONLY),
    ("participation:notification_choices", _choices, OWNER_ONLY),
    # any signed-in participant may support someone else's comment
    ("participation:support_comment", _comment_to_support,
     {"visitor": False, "other": True, "owner": True}),
    # the signed link in the mail is the permission: whoever holds it (a mail program)
    ("participation:stop_notifications", _stop_link,
     {"visitor": True, "other": True, "owner": True}),
]


@pytest.mark.parametrize("who", ["visitor", "other", "owner"])
@pytest.mark.parametrize("url_name,setup,expected", PARTICIPANT_GRID,
                         ids=[g[0] for g in PARTICIPANT_GRID])
def test_participants_change_only_what_is_theirs(client, db, who, url_name, setup, expected):
    from tests.participation.helpers import sign_in

    owner, other = _participants()
    args, changed = setup(owner, other)
    if who != "visitor":
        sign_in(client, owner if who == "owner" else other)
    response = client.post(reverse(url_name, args=args), {"next": "/"})
    assert response.status_code in (200, 302, 403), response.status_code
    assert changed() == expected[who]
    if who == "visitor" and url_name != "participation:stop_notifications":
        assert response.status_code == 403


# The participants' URLs from before issue 15, tested in tests/participation (test_safety
# and test_dialog), and pages that change nothing.
PARTICIPANT_URLS_TESTED_ELSEWHERE = {
    "consultations", "sign_in", "sign_in_link", "display_name", "sign_out", "my_data",
    "my_data_export", "delete_account", "subscribe", "confirm_subscription", "unsubscribe",
    "edit_comment", "delete_comment", "report", "support", "dispute", "consultation",
    "proposals", "discussion", "my_activity"}


def test_participant_grid_covers_every_new_url_of_the_participants():
    covered = {name for name, _, _ in PARTICIPANT_GRID}
    names = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "participation":
            names |= {f"participation:{p.name}" for p in pattern.url_patterns}
    missing = names - covered - {f"participation:{n}" for n in PARTICIPANT_URLS_TESTED_ELSEWHERE}
    assert not missing, f"participants' URLs without a row: {sorted(missing)}"
