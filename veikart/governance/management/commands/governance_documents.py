"""``manage.py governance_documents``: make every meeting's pack and minutes now.

What is current is left alone (``--force`` makes everything again); ``--enqueue`` leaves the work to
the task worker instead. The worker normally does this by itself after each change to the papers
(``document_refresh``); the command is for after a restore, a change of the templates, or to have
everything in place before the site opens.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from veikart.governance import document_refresh, documents
from veikart.governance.models import Meeting


class Command(BaseCommand):
    help = "Make the meeting packs and minutes (PDF) of every summoned or held meeting that are not current."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--force", action="store_true", help="Make every document again, current or not.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Enqueue the builds for the task worker instead of making them now."
        )

    def handle(self, *args, force: bool = False, enqueue: bool = False, **options) -> None:
        meetings = Meeting.objects.public().select_related("body").order_by("starts_at", "pk")
        if enqueue:
            for meeting in meetings:
                document_refresh.enqueue_build(meeting.pk)
            self.stdout.write(
                f"{meetings.count()} meeting(s) enqueued; the task worker (manage.py db_worker) makes them."
            )
            return
        made = current = 0
        for meeting in meetings:
            result = documents.meeting_documents_build(meeting.pk, force=force)
            made, current = made + len(result.made), current + result.current
            if result.made and options["verbosity"] > 1:
                self.stdout.write(f"{meeting.label}: {len(result.made)} made")
        self.stdout.write(f"{made} document(s) made, {current} current.")
