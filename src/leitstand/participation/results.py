"""The results of a consultation for the strategy team: per part of the draft (section,
paragraph, goal, measure) the counts, then every comment, proposal (with supports) and
dispute with its answers, as JSON or one CSV in long format.

Texts that a moderator hid are exported as the reason, not the text; authors appear by
their display name only.
"""

from __future__ import annotations

import csv
import io

from django.db.models import Count

from leitstand.core.cells import csv_cell
from leitstand.participation.models import Comment, Content, Dispute, Proposal


def _author(item) -> str:
    if item.participant_id is None:
        return "deleted participant"
    return item.participant.display_name or "guest"


def _text(item) -> str:
    return item.hidden_reason if item.state == Content.HIDDEN else item.body


def _part(comment: Comment) -> tuple[str, str, str]:
    if comment.paragraph_id:
        p = comment.paragraph
        return "paragraph", f"{p.section.number}/line {p.source_line}", p.text[:80]
    if comment.section_id:
        return "section", comment.section.number, comment.section.title
    if comment.goal_id:
        return "goal", comment.goal.code, comment.goal.title
    if comment.measure_id:
        return "measure", comment.measure.label, comment.measure.text[:80]
    return "proposal", str(comment.proposal_id), comment.proposal.title


def collect(consultation) -> dict:
    comments = list(Comment.objects.filter(consultation=consultation).select_related(
        "participant", "section", "paragraph__section", "goal", "measure", "proposal"))
    proposals = list(Proposal.objects.filter(consultation=consultation).select_related(
        "participant", "goal", "section", "taken_up_goal__edition").annotate(
        support_count=Count("supports")).order_by("-support_count", "created_at"))
    disputes = list(Dispute.objects.filter(
        goal__edition__strategy=consultation.edition.strategy_id).select_related(
        "goal__edition", "participant").prefetch_related("answers__organisation"))
    parts: dict[tuple, dict] = {}

    def tally(kind, code, title) -> dict:
        return parts.setdefault((kind, code), {"kind": kind, "code": code, "title": title,
                                               "comments": 0, "proposals": 0, "supports": 0})

    for c in comments:
        tally(*_part(c))["comments"] += c.state == Content.VISIBLE
    for p in proposals:
        kind, code, title = (("goal", p.goal.code, p.goal.title) if p.goal_id else
                             ("section", p.section.number, p.section.title) if p.section_id
                             else ("consultation", "", consultation.title))
        entry = tally(kind, code, title)
        entry["proposals"] += p.state == Content.VISIBLE
        entry["supports"] += p.support_count
    return {
        "format": "leitstand.consultation-results/1",
        "consultation": {"slug": consultation.slug, "title": consultation.title,
                         "edition": str(consultation.edition)},
        "parts": sorted(parts.values(), key=lambda e: (e["kind"], e["code"])),
        "comments": [{"id": c.pk, "part": dict(zip(("kind", "code", "title"), _part(c),
                                                       strict=False)),
                      "reply_to": c.parent_id, "author": _author(c), "state": c.state,
                      "text": _text(c), "created_at": c.created_at.isoformat()}
                     for c in comments],
        "proposals": [{"id": p.pk, "kind": p.kind, "title": p.title, "text": _text(p),
                       "goal": p.goal.code if p.goal_id else None, "state": p.state,
                       "author": _author(p), "supports": p.support_count,
                       "created_at": p.created_at.isoformat(),
                       "taken_up_in": (f"{p.taken_up_goal.edition.label} {p.taken_up_goal.code}"
                                       if p.taken_up_goal_id else None)}
                      for p in proposals],
        "disputes": [{"id": d.pk, "goal": f"{d.goal.edition.label} {d.goal.code}",
                      "disputed_status": d.disputed_status, "text": _text(d),
                      "links": d.link_list, "created_at": d.created_at.isoformat(),
                      "answers": [{"unit": str(a.organisation), "text": a.body,
                                   "answered_at": a.answered_at.isoformat()}
                                  for a in d.answers.all()]}
                     for d in disputes],
    }


CSV_COLUMNS = ["record", "id", "part_kind", "part_code", "part_title", "reply_to", "author",
               "state", "text", "comments", "proposals", "supports", "answer", "created_at"]


def to_csv(results: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)

    def row(**values):
        writer.writerow([csv_cell(values.get(c)) for c in CSV_COLUMNS])

    for p in results["parts"]:
        row(record="part", part_kind=p["kind"], part_code=p["code"], part_title=p["title"],
            comments=p["comments"], proposals=p["proposals"], supports=p["supports"])
    for c in results["comments"]:
        row(record="comment", id=c["id"], part_kind=c["part"]["kind"],
            part_code=c["part"]["code"], part_title=c["part"]["title"], reply_to=c["reply_to"],
            author=c["author"], state=c["state"], text=c["text"], created_at=c["created_at"])
    for p in results["proposals"]:
        row(record="proposal", id=p["id"], part_kind="goal" if p["goal"] else "",
            part_code=p["goal"], part_title=p["title"], author=p["author"], state=p["state"],
            text=p["text"], supports=p["supports"], answer=p["taken_up_in"],
            created_at=p["created_at"])
    for d in results["disputes"]:
        row(record="dispute", id=d["id"], part_kind="goal", part_code=d["goal"],
            state=d["disputed_status"], text=d["text"],
            answer=" | ".join(f'{a["unit"]}: {a["text"]}' for a in d["answers"]),
            created_at=d["created_at"])
    return out.getvalue()

