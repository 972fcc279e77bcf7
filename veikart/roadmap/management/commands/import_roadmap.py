"""Import the official roadmap export: ``manage.py import_roadmap FILE [--dry-run]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from veikart.roadmap.importers import ImportFileError
from veikart.roadmap.services import roadmap_import
from veikart.strategy.models import Strategy


class Command(BaseCommand):
    help = "Import the official roadmap export (CSV or XLSX). Writes nothing if any row has a problem."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")
        parser.add_argument("--strategy", help="Slug of the strategy to import into (default: the current one).")
        parser.add_argument("--unpublished", action="store_true", help="Leave new items unpublished.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, file: Path, dry_run: bool, strategy: str | None, **options) -> None:
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        target = None
        if strategy:
            target = Strategy.objects.filter(slug=strategy).first()
            if target is None:
                raise CommandError(f"No strategy with slug {strategy!r}.")

        def progress(rows):
            return tqdm(rows, desc="Reading rows", unit=" rows", file=self.stderr._out, disable=options["no_progress"])

        try:
            plan = roadmap_import(
                data=data,
                filename=file.name,
                dry_run=dry_run,
                strategy=target,
                publish_new=not options["unpublished"],
                progress=progress,
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        for problem in plan.problems:
            self.stderr.write(str(problem))
        if plan.problems:
            raise CommandError(f"{len(plan.problems)} problem(s) found; nothing was imported.")
        for column in plan.ignored_columns:
            self.stdout.write(f"Ignored column: {column}")
        for row in plan.updated:
            self.stdout.write(f"Row {row.row}: update “{row.title}” ({', '.join(row.changes)})")
        verb = "Would create" if dry_run else "Created"
        self.stdout.write(
            f"{verb} {len(plan.created)}, {'would update' if dry_run else 'updated'} {len(plan.updated)}, "
            f"unchanged {len(plan.unchanged)}, new groupings {len(plan.new_groupings)} ({plan.rows} rows)."
        )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        else:
            self.stdout.write(self.style.SUCCESS("Import complete."))
