"""The annual report's workflow: create a draft for a year from a snapshot, write the narratives,
approve it with a decided council case, publish it (freezing its content).

Like ``services``: keyword-only, plain data and the acting user; ``PermissionDenied`` for anyone but
the strategy office, ``Refused`` (with a translated message for the page) for a step that may not
happen now. Each step is one transaction; publishing queues the PDF for the task worker once the
transaction has committed.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.accounts import permissions
from veikart.reporting.snapshot_models import PortfolioSnapshot, content_hash
from veikart.strategy.models import Goal, Strategy

from .annual_report import report_content
from .models import Body, Case, Decision
from .report_models import AnnualReport, GoalNarrative
from .services import Refused

logger = logging.getLogger(__name__)

NARRATIVE_MAX = 20_000


def _require_office(user: Any) -> None:
    if not permissions.can_manage_governance(user):
        raise PermissionDenied(_("Only the strategy office prepares the annual report."))


def approving_cases() -> Any:
    """The cases that may approve an annual report: cases of a council with a recorded decision."""
    return (
        Case.objects.filter(body__kind=Body.Kind.COUNCIL, decision__isnull=False)
        .select_related("body", "meeting", "decision")
        .order_by("-decision__decided_on", "-number")
    )


def annual_report_create(
    *, strategy: Strategy, year: int, snapshot: PortfolioSnapshot, by: Any, is_demo: bool = False
) -> AnnualReport:
    """A draft report on ``strategy`` for ``year`` built from ``snapshot``.

    ``Refused`` for a year outside the strategy's period or not yet begun, a year that already has a
    report, or a snapshot taken before the year began (it cannot tell of that year).
    """
    _require_office(by)
    today = timezone.localdate()
    if not strategy.period_start <= year <= strategy.period_end:
        raise Refused(_("The year must be within the strategy's period, %(period)s.") % {"period": strategy.period})
    if year > today.year:
        raise Refused(_("A report cannot be made for a year that has not begun."))
    if timezone.localtime(snapshot.taken_at).year < year:
        raise Refused(
            _("The snapshot “%(title)s” was taken before %(year)s began; choose one taken during or after the year.")
            % {"title": snapshot.title, "year": year}
        )
    if AnnualReport.objects.filter(strategy=strategy, year=year).exists():
        raise Refused(_("There is already an annual report for %(year)s.") % {"year": year})
    try:
        with transaction.atomic():
            report = AnnualReport.objects.create(
                strategy=strategy, year=year, snapshot=snapshot, created_by=by, is_demo=is_demo
            )
    except IntegrityError as error:  # two people at once: the unique constraint decides
        raise Refused(_("There is already an annual report for %(year)s.") % {"year": year}) from error
    logger.info("%s created the annual report %s for %s from snapshot %s", by.username, report.pk, year, snapshot.pk)
    return report


def goal_narrative_save(
    *, report: AnnualReport, goal: Goal, text: str, text_nn: str = "", text_en: str = "", by: Any
) -> GoalNarrative:
    """Write (or rewrite) the narrative of ``goal`` in a draft report; ``Refused`` once it is approved or
    published, for a goal of another strategy, or for a text longer than ``NARRATIVE_MAX``."""
    _require_office(by)
    if report.state != AnnualReport.State.DRAFT:
        raise Refused(_("The narratives can only be changed while the report is a draft."))
    if goal.strategy_id != report.strategy_id:
        raise Refused(_("That goal belongs to another strategy."))
    texts = {"text": text.strip(), "text_nn": text_nn.strip(), "text_en": text_en.strip()}
    if any(len(value) > NARRATIVE_MAX for value in texts.values()):
        raise Refused(_("A narrative can be at most %(count)s characters.") % {"count": NARRATIVE_MAX})
    with transaction.atomic():
        narrative, _created = GoalNarrative.objects.update_or_create(report=report, goal=goal, defaults=texts)
    logger.info("%s wrote the narrative of goal %s in annual report %s", by.username, goal.number, report.pk)
    return narrative


def annual_report_approve(*, report: AnnualReport, case: Case, by: Any) -> AnnualReport:
    """Record that the council approved the draft ``report`` in ``case``.

    ``Refused`` unless the report is a draft and the case is a case of a council (``Body.Kind.COUNCIL``)
    with its decision recorded.
    """
    _require_office(by)
    if report.state != AnnualReport.State.DRAFT:
        raise Refused(_("Only a draft report can be approved."))
    if case.body.kind != Body.Kind.COUNCIL:
        raise Refused(
            _("An annual report is approved by a case of the council, not of %(body)s.") % {"body": case.body}
        )
    if not Decision.objects.filter(case=case).exists():
        raise Refused(
            _("%(case)s has no decision yet: the report is approved once the council has decided the case.")
            % {"case": case.label}
        )
    with transaction.atomic():
        report.state = AnnualReport.State.APPROVED
        report.approved_by_case = case
        report.approved_at = timezone.now()
        report.save(update_fields=["state", "approved_by_case", "approved_at"])
    logger.info("%s recorded the approval of annual report %s in case %s", by.username, report.pk, case.pk)
    return report


def annual_report_publish(*, report: AnnualReport, by: Any) -> AnnualReport:
    """Freeze the approved ``report``'s content with its hash and publish it; from then on it never
    changes. Queues its PDF and its page in every language for the task worker. ``Refused`` unless the
    report is approved."""
    _require_office(by)
    if report.state == AnnualReport.State.PUBLISHED:
        raise Refused(_("The report is already published."))
    if report.state != AnnualReport.State.APPROVED:
        raise Refused(_("A report is published once the council has approved it."))
    case = report.approved_by_case
    with transaction.atomic():
        content = report_content(report)
        content["approval"] = {
            "body": case.body.short_name,
            "meeting": case.meeting.label,
            "case_number": case.number,
            "case_year": case.year,
            "body_slug": case.body.slug,
            "decided_on": case.decision.decided_on.isoformat(),
        }
        now = timezone.now()
        content["published_at"] = now.isoformat()
        report.content = content
        report.content_hash = content_hash(content)
        report.published_at = now
        report.state = AnnualReport.State.PUBLISHED
        report.save(update_fields=["content", "content_hash", "published_at", "state"])
        transaction.on_commit(lambda: _queue_pdf(report.pk))
    logger.info("%s published annual report %s (sha256 %s)", by.username, report.pk, report.content_hash)
    return report


def _queue_pdf(report_id: int) -> None:
    from .report_pdf import annual_report_pdf
    from .report_rendering import annual_report_pages

    annual_report_pages.enqueue(report_id=report_id)
    annual_report_pdf.enqueue(report_id=report_id)
