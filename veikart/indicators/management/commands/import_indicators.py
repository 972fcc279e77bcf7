"""manage.py import_indicators FILE [--indicator CODE] [--dry-run] [--format FORMAT] [--where DIM=CODE]… [--create-dimensions]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from veikart.core.exchange.limits import Limits
from veikart.indicators.importers import FORMATS
from veikart.indicators.importers.resolve import parse_where
from veikart.indicators.services import observations_import


class Command(BaseCommand):
    help = (
        "Import indicator observations from a tidy CSV, an Open SDG CSV, an SDMX-CSV, a JSON-stat (2.0 or 1.x) "
        "file or an XLSX workbook. Nothing is written unless the whole file is good."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--indicator", help="The code of the indicator every row belongs to.")
        parser.add_argument("--dry-run", action="store_true", help="Check and show what would change; write nothing.")
        parser.add_argument("--format", choices=sorted(FORMATS), help="The file format (default: guessed).")
        parser.add_argument(
            "--where",
            action="append",
            default=[],
            metavar="DIMENSION=CODE",
            help="Import only the rows with this code in this dimension (repeatable); the dimension is no breakdown.",
        )
        parser.add_argument(
            "--create-dimensions",
            action="store_true",
            help="Create the dimensions and values the file brings that do not exist yet.",
        )

    def handle(
        self,
        *args,
        file: Path,
        indicator=None,
        dry_run=False,
        format=None,
        where=(),
        create_dimensions=False,
        **options,
    ) -> None:
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            slice_ = parse_where(list(where))
        except ValueError as error:
            raise CommandError(str(error)) from None
        with file.open("rb") as stream:
            report = observations_import(
                stream=stream,
                file_name=file.name,
                indicator_code=indicator,
                file_format=format,
                dry_run=dry_run,
                limits=Limits.for_commands(),
                show_progress=options.get("verbosity", 1) >= 1 and self.stderr.isatty(),
                where=slice_,
                create_dimensions=create_dimensions,
            )
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            if report.problem_count > len(report.problems):
                self.stderr.write(f"… and {report.problem_count - len(report.problems)} more problems.")
            raise CommandError(f"{report.problem_count} problem(s) in {file.name}; nothing was written.")
        for new in report.new_dimensions:
            if new.is_new:
                self.stdout.write(_("New dimension %(code)s (%(name)s):") % {"code": new.code, "name": new.name})
            else:
                self.stdout.write(_("New values of dimension %(code)s:") % {"code": new.code})
            for code, label in new.values.items():
                self.stdout.write(f"  {code}: {label}")
        for change in report.changes:
            where_ = change.breakdown_key or "total"
            self.stdout.write(f"{change.indicator} {change.period} [{where_}]: {change.old} → {change.new}")
        summary = (
            f"{report.rows} rows ({report.file_format}): {report.created} new, {report.updated} corrected, "
            f"{report.unchanged} unchanged."
        )
        if report.skipped or report.holes:
            summary += " " + _("%(skipped)s outside the slice, %(holes)s without a value (skipped).") % {
                "skipped": report.skipped,
                "holes": report.holes,
            }
        if dry_run:
            self.stdout.write(f"Dry run: {summary} Nothing was written.")
        elif report.written:
            self.stdout.write(self.style.SUCCESS(f"Imported {summary}"))
        else:
            self.stdout.write(f"Nothing to change: {summary}")
