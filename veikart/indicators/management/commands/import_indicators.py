"""manage.py import_indicators FILE [--indicator CODE] [--dry-run] [--format FORMAT] [--where DIM=CODE]… [--create-dimensions]"""

from typing import BinaryIO

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from veikart.core.exchange.commands import ImportCommand
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import Problems
from veikart.indicators.importers import FORMATS
from veikart.indicators.importers.resolve import parse_where
from veikart.indicators.services import observations_import


class Command(ImportCommand):
    help = (
        "Import indicator observations from a tidy CSV, an Open SDG CSV, an SDMX-CSV, a JSON-stat (2.0 or 1.x) "
        "file or an XLSX workbook. Nothing is written unless the whole file is good."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--indicator", help="The code of the indicator every row belongs to.")
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

    def run_import(self, stream: BinaryIO, file_name: str, dry_run: bool, options: dict) -> tuple[Problems, str]:
        try:
            slice_ = parse_where(list(options["where"]))
        except ValueError as error:
            raise CommandError(str(error)) from None
        report = observations_import(
            stream=stream,
            file_name=file_name,
            indicator_code=options["indicator"],
            file_format=options["format"],
            dry_run=dry_run,
            limits=Limits.for_commands(),
            show_progress=self.shows_progress,
            where=slice_,
            create_dimensions=options["create_dimensions"],
        )
        if not report.ok:
            return Problems(kept=list(report.problems), count=report.problem_count), ""
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
            return Problems(), summary
        return Problems(), f"Imported {summary}" if report.written else f"Nothing to change: {summary}"
