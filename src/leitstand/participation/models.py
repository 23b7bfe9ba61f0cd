"""The online dialog: consultations on a draft edition, what participants write, and
disputes of a published status.

Privacy by design: a participant is an e-mail address (kept only to send the
sign-in links and the mails they asked for) and a chosen display name; no IP
address is stored (rate limits keep a keyed hash for at most a day), and no
content names anyone but by that display name.
"""

from __future__ import annotations

import functools
import operator

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leitstand.core import text, web_links
from leitstand.core import text as typed
from leitstand.register.models import Goal, Measure, Organisation, Paragraph, Section

ACTIONS = ["read", "comment", "propose", "support"]
COMMENT_TARGETS = ("section", "paragraph", "goal", "measure", "proposal")


def exactly_one(*fields) -> models.Q:
    """A condition that exactly one of the foreign keys is set."""
    terms = [models.Q(**{f"{f}__isnull": f != chosen for f in fields}) for chosen in fields]
    return functools.reduce(operator.or_, terms)


class Consultation(models.Model):
    ANONYMISE, REMOVE = "anonymise", "remove"
    DELETION_POLICIES = [(ANONYMISE, _("keep the text, shown as from a deleted participant")),
                         (REMOVE, _("remove the text"))]
    edition = models.ForeignKey("register.Edition", on_delete=models.PROTECT,
                                related_name="consultations", verbose_name=_("edition"))
    slug = models.SlugField(unique=True, verbose_name=_("slug"))
    title = models.CharField(max_length=300, verbose_name=_("title"),
                             validators=[typed.validate_line])
    description = models.TextField(blank=True, verbose_name=_("description"),
                                   validators=typed.text_validators)
    allow_anonymous = models.BooleanField(default=False, help_text=_(
        "Comments without an e-mail address are allowed; they wait for a moderator."),
                                          verbose_name=_("allow anonymous"))
    on_account_deletion = models.CharField(max_length=10, choices=DELETION_POLICIES,
                                           default=ANONYMISE, verbose_name=_("on account deletion"))

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-id"]

    def scope_owner(self):
        """Permissions: a consultation belongs to its edition's strategy."""
        return self.edition

    def __str__(self):
        return self.title


class Phase(models.Model):
    """A time window of a consultation and the actions open in it (stored in UTC)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="phases", verbose_name=_("consultation"))
    name = models.CharField(max_length=200, verbose_name=_("name"),
                            validators=[typed.validate_line])
    starts_at = models.DateTimeField(verbose_name=_("starts at"))
    ends_at = models.DateTimeField(verbose_name=_("ends at"))
    actions = models.CharField(max_length=60, help_text=_(
        "Comma-separated: read, comment, propose, support"), verbose_name=_("actions"),
                               validators=[typed.validate_line])

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["consultation", "starts_at"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                              name="phase_ends_after_start")]

    def __str__(self):
        return self.name

    @property
    def action_list(self) -> list[str]:
        return [a for a in self.actions.split(",") if a]


class Participant(models.Model):
    """A person taking part: a verified address and a display name, or a guest session."""

    email = models.EmailField(unique=True, null=True, blank=True)
    display_name = models.CharField(max_length=40, blank=True,
                                    validators=[typed.validate_line])
    # Display names are unique per instance, compared case-folded and NFKC-normalised
    # (core.text.name_key), so that nobody can pass as another participant.
    name_key = models.CharField(_("name key"), max_length=200, null=True, blank=True,
                                unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True, verbose_name=_(
        "privacy notice acknowledged at"), help_text=_(
        "When the person confirmed having read the privacy notice (and the terms, where the "
        "operator sets them) at sign-up."))

    def __str__(self):
        return self.display_name or str(_("participant"))

    def save(self, *args, **kwargs):
        self.name_key = text.name_key(self.display_name) or None
        if kwargs.get("update_fields") and "display_name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)

    @property
    def is_guest(self) -> bool:
        return self.email is None


class ContentQuerySet(models.QuerySet):
    """The one visibility rule of the dialog's posts, for every page, count and mail."""

    def visible(self):
        """Public and counted: neither held, hidden nor removed."""
        return self.filter(state=Content.VISIBLE)

    def listed_for(self, participant):
        """What a page lists for this visitor: everything but posts held for moderation,
        of which only their author sees their own (hidden and removed posts are listed
        with their reason or "removed", without their text)."""
        if participant is None:
            return self.exclude(state=Content.HELD)
        return self.exclude(models.Q(state=Content.HELD) & ~models.Q(participant=participant))


class CommentQuerySet(ContentQuerySet):
    def counted(self):
        """What a "n comments" count counts: visible comments that a page shows, so not a
        reply below a held comment (which nobody but its author sees)."""
        return self.visible().exclude(parent__state=Content.HELD)


class Content(models.Model):
    """What comments and proposals share: an author, a state and moderation."""

    VISIBLE, HELD, HIDDEN, REMOVED = "visible", "held", "hidden", "removed"
    STATES = [(VISIBLE, _("visible")), (HELD, _("held for moderation")), (HIDDEN, _("hidden")),
              (REMOVED, _("removed"))]
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(validators=typed.text_validators)
    state = models.CharField(max_length=10, choices=STATES, default=VISIBLE)
    hidden_reason = models.TextField(blank=True,
                                     validators=typed.text_validators)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def readable_by(self, participant) -> bool:
        """A held post is its author's alone until a moderator releases it."""
        return self.state != self.HELD or (participant is not None
                                           and self.participant_id == participant.pk)


class Comment(Content):
    """A comment on exactly one part of the draft, or a reply to such a comment."""

    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="comments")
    paragraph = models.ForeignKey(Paragraph, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="comments")
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="comments")
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="comments")
    proposal = models.ForeignKey("Proposal", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="comments")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="replies")

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.CheckConstraint(condition=exactly_one(*COMMENT_TARGETS),
                                              name="comment_on_exactly_one_part")]

    def __str__(self):
        return self.body[:60]


class CommentSupport(models.Model):
    """A participant's support of a comment ("I agree"); one per person and comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="supports",
                                verbose_name=_("comment"))
    participant = models.ForeignKey(Participant, null=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("participant"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("support of a comment")
        verbose_name_plural = _("supports of comments")
        constraints = [models.UniqueConstraint(fields=["comment", "participant"],
                                               name="one_comment_support_per_person")]


class Proposal(Content):
    NEW_GOAL, CHANGE_GOAL = "new_goal", "change_goal"
    KINDS = [(NEW_GOAL, _("new goal")), (CHANGE_GOAL, _("change to a goal"))]
    kind = models.CharField(max_length=12, choices=KINDS)
    title = models.CharField(max_length=200,
                             validators=[typed.validate_line])
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="proposals")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="proposals")
    taken_up_goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="taken_up_proposals")
    taken_up_note = models.TextField(blank=True,
                                     validators=typed.text_validators)
    taken_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(
            condition=models.Q(kind="new_goal") | models.Q(goal__isnull=False)
            | models.Q(state="removed"), name="change_names_a_goal")]

    def __str__(self):
        return self.title

    @property
    def shown_title(self) -> str:
        """The title wherever the public sees it: a hidden or removed proposal's title is
        as gone as its text ("" – the page says why instead)."""
        return self.title if self.state in (self.VISIBLE, self.HELD) else ""


class Support(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    # Empty once its participant deleted their account under the "anonymise" policy: the
    # support still counts, but no longer names anyone.
    participant = models.ForeignKey(Participant, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "participant"],
                                               name="one_support_per_person")]


class Report(models.Model):
    """A participant's report of a comment or proposal, waiting in the moderation queue."""

    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="reports")
    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="reports")
    reporter = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    reason = models.TextField(validators=typed.text_validators)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(comment__isnull=False)
                                   ^ models.Q(proposal__isnull=False), name="report_one_item"),
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_comment"),
            models.UniqueConstraint(fields=["proposal", "reporter"],
                                    name="one_report_per_proposal"),
        ]


class ModerationAction(models.Model):
    """Append-only log of every moderation step; each one can be reversed by another."""

    HIDE, RESTORE, RELEASE, DISMISS = "hide", "restore", "release", "dismiss"
    ACTIONS = [(HIDE, _("hidden")), (RESTORE, _("restored")), (RELEASE, _("released")),
               (DISMISS, _("report dismissed"))]
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="moderation")
    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="moderation")
    dispute = models.ForeignKey("Dispute", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="moderation")
    action = models.CharField(max_length=10, choices=ACTIONS)
    reason = models.TextField(blank=True,
                              validators=typed.text_validators)
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    previous_state = models.CharField(max_length=10,
                                      validators=[typed.validate_line])

    class Meta:
        ordering = ["-created_at", "-id"]


class Dispute(models.Model):
    """A citizen disputes a goal's published status, with evidence."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="disputes")
    participant = models.ForeignKey(Participant, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    disputed_status = models.CharField(max_length=20,
                                       validators=[typed.validate_line])
    body = models.TextField(validators=typed.text_validators)
    links = models.TextField(blank=True,
                             validators=typed.text_validators)
    state = models.CharField(max_length=10, choices=Content.STATES, default=Content.VISIBLE)
    hidden_reason = models.TextField(blank=True,
                                     validators=typed.text_validators)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def link_list(self) -> list[str]:
        return [u for u in web_links.split(self.links) if web_links.is_web_link(u)]


class DisputeAnswer(models.Model):
    """The responsible unit's official answer; answers are added, never edited."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="answers")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(validators=typed.text_validators)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["answered_at", "id"]


class Subscription(models.Model):
    """An e-mail subscription to a goal or a consultation (double opt-in)."""

    email = models.EmailField()
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="subscriptions")
    consultation = models.ForeignKey(Consultation, null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="subscriptions")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    notified_up_to = models.DateTimeField(null=True, blank=True, help_text=_(
        "News up to this time has been mailed (`leitstand notify`)."))

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(goal__isnull=False)
                                   ^ models.Q(consultation__isnull=False),
                                   name="subscription_one_subject"),
            models.UniqueConstraint(fields=["email", "goal"], name="one_goal_subscription"),
            models.UniqueConstraint(fields=["email", "consultation"],
                                    name="one_consultation_subscription"),
        ]


class SignInLink(models.Model):
    """A one-time sign-in link: only its hash is stored; it expires and works once."""

    token_hash = models.CharField(max_length=64, unique=True,
                                  validators=[typed.validate_line])
    email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)


class Notification(models.Model):
    """Something a participant is told about on their activity page (and by mail if they
    chose so): a reply to their comment, an answer to their dispute or proposal, a status
    change of a goal they follow."""

    REPLY, DISPUTE_ANSWER, PROPOSAL_ANSWER, GOAL_STATUS = (
        "reply", "dispute_answer", "proposal_answer", "goal_status")
    KINDS = [(REPLY, _("a reply to my comment")),
             (DISPUTE_ANSWER, _("an answer to my dispute")),
             (PROPOSAL_ANSWER, _("an official answer to my proposal")),
             (GOAL_STATUS, _("a status change of a goal I follow"))]
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="notifications",
                                    verbose_name=_("participant"))
    kind = models.CharField(max_length=20, choices=KINDS, verbose_name=_("kind"))
    text = models.CharField(max_length=300, verbose_name=_("text"))
    url = models.CharField(max_length=500, verbose_name=_("link"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    read_at = models.DateTimeField(null=True, blank=True, verbose_name=_("read at"))

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]


class NotificationChoice(models.Model):
    """A participant's choice for one kind of notification; without a row, both channels
    are on (what was asked for is also announced on the sign-up page)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="notification_choices",
                                    verbose_name=_("participant"))
    kind = models.CharField(max_length=20, choices=Notification.KINDS, verbose_name=_("kind"))
    by_mail = models.BooleanField(default=True, verbose_name=_("by e-mail"))
    on_page = models.BooleanField(default=True, verbose_name=_("on my activity page"))

    class Meta:
        verbose_name = _("notification choice")
        verbose_name_plural = _("notification choices")
        constraints = [models.UniqueConstraint(fields=["participant", "kind"],
                                               name="one_choice_per_kind")]
