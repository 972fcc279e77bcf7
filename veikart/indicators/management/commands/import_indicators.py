"""manage.py import_indicators FILE [--indicator CODE] [--dry-run] [--format FORMAT]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from veikart.core.exchange.limits import Limits
from veikart.indicators.importers import FORMATS
from veikart.indicators.services import observations_import


class Command(BaseCommand):
    help = (
        "Import indicator observations from a tidy CSV, an Open SDG CSV, a JSON-stat 2.0 file or an XLSX workbook. "
        "Nothing is written unless the whole file is good."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--indicator", help="The code of the indicator every row belongs to.")
        parser.add_argument("--dry-run", action="store_true", help="Check and show what would change; write nothing.")
        parser.add_argument("--format", choices=sorted(FORMATS), help="The file format (default: guessed).")

    def handle(self, *args, file: Path, indicator=None, dry_run=False, format=None, **options) -> None:
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        with file.open("rb") as stream:
            report = observations_import(
                stream=stream,
                file_name=file.name,
                indicator_code=indicator,
                file_format=format,
                dry_run=dry_run,
                limits=Limits.for_commands(),
                show_progress=options.get("verbosity", 1) >= 1 and self.stderr.isatty(),
            )
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            if report.problem_count > len(report.problems):
                self.stderr.write(f"… and {report.problem_count - len(report.problems)} more problems.")
            raise CommandError(f"{report.problem_count} problem(s) in {file.name}; nothing was written.")
        for change in report.changes:
            where = change.breakdown_key or "total"
            self.stdout.write(f"{change.indicator} {change.period} [{where}]: {change.old} → {change.new}")
        summary = (
            f"{report.rows} rows ({report.file_format}): {report.created} new, {report.updated} corrected, "
            f"{report.unchanged} unchanged."
        )
        if dry_run:
            self.stdout.write(f"Dry run: {summary} Nothing was written.")
        elif report.written:
            self.stdout.write(self.style.SUCCESS(f"Imported {summary}"))
        else:
            self.stdout.write(f"Nothing to change: {summary}")
