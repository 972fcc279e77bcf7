"""Reminders by mail: before a period's deadline, at it, and when a report is returned.

``reminders_send`` is the daily job (``manage.py send_reminders``); ``returned_notice_send`` also runs
when the strategy office returns a report. Each mail goes to the active owner editors of the owning
organisation, in each one's language, and is enqueued as a background task. A ``ReminderSent`` row,
unique per reminder and user, is written with the enqueueing, so no reminder goes out twice, however
often the job runs.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from veikart.accounts.models import Organisation, User
from veikart.core.tasks import mail_send

from .models import PortfolioMembership, ReminderSent, ReportingPeriod, StatusReport, StatusReportTransition

logger = logging.getLogger(__name__)

Kind = ReminderSent.Kind


def _editors(organisation: Organisation) -> list[User]:
    return list(
        User.objects.filter(organisation=organisation, role=User.Role.OWNER_EDITOR, is_active=True).exclude(email="")
    )


def _send(user: User, kind: str, context: dict, **record) -> bool:
    """Record and enqueue one reminder for ``user``; False when it was sent before."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(kind=kind, user=user, **record)
            with translation.override(user.language or settings.LANGUAGE_CODE):
                context = {**context, "user": user, "site_name": settings.SITE_NAME, "workspace_url": _url()}
                subject = render_to_string(f"reporting/email/{kind}_subject.txt", context).strip()
                body = render_to_string(f"reporting/email/{kind}_body.txt", context)
            # The database task backend writes the task in this transaction: the record and the mail
            # are committed together or not at all.
            mail_send.enqueue(to=[user.email], subject=subject, body=body)
    except IntegrityError:
        return False
    logger.info("Enqueued the %s reminder to user %s (period %s)", kind, user.pk, record["period"].pk)
    return True


def _url() -> str:
    return settings.SITE_URL.rstrip("/") + reverse("ws-reporting:own-reports")


def organisations_missing_reports(period: ReportingPeriod) -> list[tuple[Organisation, int]]:
    """Organisations that own portfolio items without a submitted or approved report for ``period``, with how many."""
    done = StatusReport.objects.filter(
        period=period, item=OuterRef("item"), state__in=[StatusReport.State.SUBMITTED, StatusReport.State.APPROVED]
    )
    members = PortfolioMembership.objects.filter(since__lte=period.deadline, item__is_published=True).filter(
        ~Exists(done)
    )
    counts: dict[int, int] = {}
    for organisation_id in members.values_list("item__owners", flat=True):
        if organisation_id is not None:
            counts[organisation_id] = counts.get(organisation_id, 0) + 1
    organisations = Organisation.objects.in_bulk(list(counts))
    return [(organisations[pk], count) for pk, count in sorted(counts.items())]


def returned_notice_send(*, report_id: int) -> int:
    """Tell the owners' editors that a report was returned, with the review note; the number of mails enqueued."""
    report = StatusReport.objects.select_related("item", "period").filter(pk=report_id).first()
    if report is None or report.state != StatusReport.State.RETURNED:
        return 0
    step = report.transitions.filter(action=StatusReportTransition.Action.RETURNED).order_by("-at", "-pk").first()
    if step is None:
        return 0
    sent = 0
    for organisation in report.item.owners.all():
        for user in _editors(organisation):
            sent += _send(
                user,
                Kind.RETURNED,
                {"report": report, "note": step.note},
                period=report.period,
                organisation=organisation,
                report=report,
                transition=step,
            )
    return sent


def reminders_send(*, today: datetime.date) -> int:
    """The daily job: every reminder due on ``today`` that was not sent before; returns how many were enqueued.

    Before the deadline: from ``REPORTING_REMINDER_DAYS_BEFORE`` days before it, for open periods. At the
    deadline: from the deadline on (so a day the job did not run is caught up), while the period is open
    or closed. Both only to organisations with portfolio items still without a submitted report. Then a
    notice for every returned report whose return was not yet told.
    """
    sent = 0
    before = datetime.timedelta(days=settings.REPORTING_REMINDER_DAYS_BEFORE)
    for period in ReportingPeriod.objects.filter(
        state__in=[ReportingPeriod.State.OPEN, ReportingPeriod.State.CLOSED],
        deadline__gte=today - datetime.timedelta(days=30),
    ):
        if today >= period.deadline:
            kind = Kind.AT_DEADLINE
        elif period.state == ReportingPeriod.State.OPEN and today >= period.deadline - before:
            kind = Kind.BEFORE_DEADLINE
        else:
            continue
        for organisation, missing in organisations_missing_reports(period):
            for user in _editors(organisation):
                sent += _send(
                    user, kind, {"period": period, "missing": missing}, period=period, organisation=organisation
                )
    for report_id in StatusReport.objects.filter(state=StatusReport.State.RETURNED).values_list("pk", flat=True):
        sent += returned_notice_send(report_id=report_id)
    return sent
