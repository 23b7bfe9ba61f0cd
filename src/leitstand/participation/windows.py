"""When a participant may do what: pure functions over phases and times.

The server asks these before every write, so the window a consultation
announces is the window it enforces, to the second.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# How long the author may still edit or delete a comment.
EDIT_WINDOW = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Window:
    name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    actions: frozenset


def current(windows, now: dt.datetime) -> Window | None:
    """The phase running at `now`: start inclusive, end exclusive."""
    return next((w for w in windows if w.starts_at <= now < w.ends_at), None)


def open_actions(windows, now: dt.datetime) -> frozenset:
    """Actions open at `now`; reading stays open once the consultation has begun."""
    phase = current(windows, now)
    if phase is not None:
        return phase.actions | {"read"}
    if any(w.starts_at <= now for w in windows):
        return frozenset({"read"})
    return frozenset()


def may_edit(created_at: dt.datetime, now: dt.datetime) -> bool:
    return now - created_at < EDIT_WINDOW


# How deep replies nest: a comment, its replies, their replies and theirs.
MAX_REPLY_DEPTH = 3


def depth_of(comment) -> int:
    """0 for a comment on the draft, 1 for a reply to it, and so on."""
    depth = 0
    while comment.parent_id:
        comment = comment.parent
        depth += 1
    return depth


def thread_parent(parent):
    """Replies nest three levels deep; a reply to a reply at the deepest level joins the
    thread of that reply's parent, so it appears right beside it."""
    if parent is None:
        return None
    return parent.parent if depth_of(parent) >= MAX_REPLY_DEPTH else parent
