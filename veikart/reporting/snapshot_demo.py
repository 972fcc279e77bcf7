"""Demo snapshots: the portfolio frozen for two NUIT meetings, one after 2026 T1 was published and one
after the first approvals of 2026 T2, so the comparison has status changes to show.

Idempotent: a demo snapshot with the same title is never frozen again (and could not be changed).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from .snapshot_models import PortfolioSnapshot
from .snapshots import portfolio_snapshot_freeze

# title, moment (UTC): each after the approvals it is meant to hold.
SNAPSHOTS = [
    ("Til NUIT-møte 1/2026", datetime.datetime(2026, 3, 25, 9, 0, tzinfo=datetime.UTC)),
    ("Til NUIT-møte 4/2026", datetime.datetime(2026, 11, 30, 9, 0, tzinfo=datetime.UTC)),
]


def load(office) -> None:
    """Freeze the demo snapshots as ``office`` (the demo strategy office user); nothing without it."""
    if office is None:
        return
    for title, at in SNAPSHOTS:
        if PortfolioSnapshot.objects.filter(title=title, is_demo=True).exists():
            continue
        # On a clock before the meeting (a test machine), the moment is now: never the future.
        portfolio_snapshot_freeze(title=title, user=office, at=min(at, timezone.now()), is_demo=True)
