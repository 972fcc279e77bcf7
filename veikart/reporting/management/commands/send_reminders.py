"""``manage.py send_reminders``: the daily job that enqueues the reminder mails that are due."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from veikart.reporting.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Enqueue the status-report reminders due today (before and at the deadline, returned reports); never one twice."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, date: str | None = None, **options) -> None:
        try:
            today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(f"Not a date: {date!r} (write YYYY-MM-DD).") from None
        count = reminders_send(today=today)
        self.stdout.write(f"{count} reminder(s) enqueued; the task worker (manage.py db_worker) sends them.")
