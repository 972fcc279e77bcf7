"""Import the official roadmap export: ``manage.py import_roadmap FILE [--dry-run] [--strategy SLUG]``."""

from typing import BinaryIO

from django.core.management.base import CommandError

from veikart.core.exchange.commands import ImportCommand
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import Problems
from veikart.roadmap.services import roadmap_import
from veikart.strategy.models import Strategy


class Command(ImportCommand):
    help = "Import the official roadmap export (CSV or XLSX). Writes nothing if any row has a problem."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--strategy", help="Slug of the strategy to import into (default: the current one).")
        parser.add_argument("--unpublished", action="store_true", help="Leave new items unpublished.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def run_import(self, stream: BinaryIO, file_name: str, dry_run: bool, options: dict) -> tuple[Problems, str]:
        target = None
        if options["strategy"]:
            target = Strategy.objects.filter(slug=options["strategy"]).first()
            if target is None:
                raise CommandError(f"No strategy with slug {options['strategy']!r}.")

        def progress(rows):
            return rows if options["no_progress"] else self.progress(rows, description="Reading rows")

        plan = roadmap_import(
            data=stream,
            file_name=file_name,
            limits=Limits.for_commands(),
            dry_run=dry_run,
            strategy=target,
            publish_new=not options["unpublished"],
            progress=progress,
        )
        if plan.problems:
            return plan.problems, ""
        for column in plan.ignored_columns:
            self.stdout.write(f"Ignored column: {column}")
        for row in plan.updated:
            self.stdout.write(f"Row {row.row}: update “{row.title}” ({', '.join(row.changes)})")
        summary = (
            f"{'Would create' if dry_run else 'Created'} {len(plan.created)}, "
            f"{'would update' if dry_run else 'updated'} {len(plan.updated)}, "
            f"unchanged {len(plan.unchanged)}, new groupings {len(plan.new_groupings)} ({plan.rows} rows)."
        )
        return plan.problems, summary
