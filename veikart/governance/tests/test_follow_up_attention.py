"""The start page's attention counts for follow-up actions: overdue, and due within 30 days."""

from __future__ import annotations

import datetime

from django.utils import timezone

from veikart.governance import services
from veikart.governance.workspace_meeting_pages import follow_up_attention


def test_open_actions_are_counted_overdue_or_due_soon_and_done_ones_not(
    nuit, make_meeting, strategy_office, organisation
):
    meeting = make_meeting(nuit, days=-30, state="held")
    case = services.add_case(meeting, services.CaseData(title="Oppfølging", kind="approval"), by=strategy_office)
    decision = services.record_decision(case, services.DecisionData(text="Vedtatt."), by=strategy_office)
    today = timezone.localdate()

    def action(days: int):
        return services.add_follow_up(
            decision,
            description=f"Frist om {days} dager",
            responsible=organisation,
            due_on=today + datetime.timedelta(days=days),
            by=strategy_office,
        )

    action(-5)
    action(-1)
    action(10)
    action(60)
    services.mark_follow_up_done(action(-3), done_on=today, by=strategy_office)
    overdue, soon = follow_up_attention(strategy_office)
    assert (overdue.count, soon.count) == (2, 1)
