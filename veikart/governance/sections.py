"""The "Decisions" section of the goal, sub-goal, roadmap item and indicator pages (registered as core
sections, so those apps import nothing of governance).

The decisions whose case is linked to the object and whose papers the viewer reads
(``Case.objects.papers_readable_by``): the public's ones for the public, and for the strategy office
and the body's members also the exempt ones, marked as such. The newest ``SHOWN``, and a link to the
decision log for the rest: one query, whatever the number.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from veikart.accounts import permissions
from veikart.core.search import kept_until_changed

from .models import Body, Decision, papers_readable_condition

LINKS = {"goal": "goals", "sub_goal": "sub_goals", "roadmap_item": "roadmap_items", "indicator": "indicators"}
# The newest decisions a page shows; the rest are in the decision log (for a goal, filtered by it).
SHOWN = 10


def decisions_concerning(link: str, obj: Any, user, *, limit: int | None = None) -> list[Decision]:
    """The decisions on cases linked to ``obj`` through the case's ``link`` field that ``user`` reads,
    newest first (the first ``limit`` of them)."""
    # Joins (``papers_readable_condition``), not ``case__in=<subquery>``: SQLite would seek every pair.
    decisions = (
        Decision.objects.visible_to(user)
        .filter(**{f"case__{link}": obj})
        .filter(papers_readable_condition(user, prefix="case__"))
        .select_related("case__meeting__body", "case__body")
        .order_by("-decided_on", "-pk")
    )
    return list(decisions if limit is None else decisions[:limit])


def _audience(user) -> str:
    """What decides which decisions ``user`` reads: the office, or the bodies they sit on (none: the public)."""
    if permissions.is_strategy_office(user):
        return "office"
    return ",".join(str(pk) for pk in sorted(Body.objects.readable_by(user).values_list("pk", flat=True)))


def section_for(page: str):
    """The section's context function for ``page`` (a key of ``LINKS``)."""
    link = LINKS[page]

    def context(request: HttpRequest, obj: Any) -> dict[str, Any] | None:
        # One more than shown, to know whether there are more, in the same query; kept until the next
        # change of a decision or case (the search revision), per audience, so the pages these sections
        # sit on pay one small read, not a join over every linked decision.
        user = request.user
        decisions = kept_until_changed(
            ("decision-section", link, obj.pk, _audience(user)),
            lambda: decisions_concerning(link, obj, user, limit=SHOWN + 1),
        )
        if not decisions:
            return None
        return {
            "decisions": decisions[:SHOWN],
            "more": len(decisions) > SHOWN,
            "log_url": reverse("governance:decision-log"),
        }

    return context
