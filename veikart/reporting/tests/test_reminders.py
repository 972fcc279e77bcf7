"""Reminder mails: due before and at the deadline and on return, in the recipient's language, never twice,
sent by a real pass of the database task worker into Django's in-memory mail box."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from veikart.conftest import run_task_worker
from veikart.reporting.models import ReminderSent
from veikart.reporting.reminders import reminders_send
from veikart.reporting.services import status_report_return, status_report_save_draft, status_report_submit


@pytest.fixture
def editor_with_mail(owner_editor):
    owner_editor.email = "eier@example.org"
    owner_editor.language = "en"
    owner_editor.save()
    return owner_editor


def test_a_reminder_before_the_deadline_goes_once_to_the_owners_editors(editor_with_mail, item, period, settings):
    settings.REPORTING_REMINDER_DAYS_BEFORE = 7
    assert reminders_send(today=period.deadline - datetime.timedelta(days=8)) == 0
    assert reminders_send(today=period.deadline - datetime.timedelta(days=7)) == 1
    assert reminders_send(today=period.deadline - datetime.timedelta(days=6)) == 0
    run_task_worker()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["eier@example.org"]
    assert "2026 T2" in mail.outbox[0].subject


def test_the_at_deadline_reminder_is_another_reminder_also_sent_once(editor_with_mail, item, period):
    reminders_send(today=period.deadline - datetime.timedelta(days=1))
    assert reminders_send(today=period.deadline) == 1
    assert reminders_send(today=period.deadline + datetime.timedelta(days=1)) == 0
    run_task_worker()
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.filter(user=editor_with_mail).count() == 2


def test_no_reminder_when_every_item_is_submitted(editor_with_mail, item, period, content):
    report = status_report_save_draft(user=editor_with_mail, item_id=item.pk, period_id=period.pk, content=content)
    status_report_submit(user=editor_with_mail, report_id=report.pk, version=report.version)
    assert reminders_send(today=period.deadline) == 0


def test_a_returned_report_is_mailed_with_its_note_in_the_recipients_language(
    editor_with_mail, strategy_office, item, period, content
):
    editor_with_mail.language = "nb"
    editor_with_mail.save()
    report = status_report_save_draft(user=editor_with_mail, item_id=item.pk, period_id=period.pk, content=content)
    report = status_report_submit(user=editor_with_mail, report_id=report.pk, version=report.version)
    status_report_return(user=strategy_office, report_id=report.pk, version=report.version, note="Kostnad mangler")
    assert reminders_send(today=period.opens) == 0  # the return enqueued its notice already
    run_task_worker()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Kostnad mangler" in message.body
    assert message.subject.startswith("Statusrapport sendt tilbake")


def test_the_daily_command_enqueues_what_is_due_and_refuses_a_bad_date(editor_with_mail, item, period):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("send_reminders", "--date", period.deadline.isoformat(), stdout=out)
    assert out.getvalue().startswith("1 ")
    call_command("send_reminders", "--date", period.deadline.isoformat(), stdout=out)
    assert run_task_worker() == 1
    with pytest.raises(CommandError):
        call_command("send_reminders", "--date", "15.06.2026")
