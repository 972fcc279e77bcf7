"""manage.py load_classification DIMENSION FILE [--name NAME] [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from veikart.indicators.classifications import ClassificationError, classification_load


class Command(BaseCommand):
    help = (
        "Load a classification (county or municipality codes with labels and validity years) into a dimension "
        "from a CSV with the columns code; label; valid from; valid to. Codes in imported files then match "
        "the dimension's values by code or label."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("dimension", help="The dimension's code; created if it does not exist.")
        parser.add_argument("file", type=Path)
        parser.add_argument("--name", help="The name of a new dimension (default: its code).")
        parser.add_argument("--dry-run", action="store_true", help="Check and count; write nothing.")

    def handle(self, *args, dimension: str, file: Path, name=None, dry_run=False, **options) -> None:
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            with file.open("rb") as stream:
                result = classification_load(stream=stream, dimension_code=dimension, name=name, dry_run=dry_run)
        except ClassificationError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(
                _("%(count)s problem(s) in %(file)s; nothing was written.")
                % {
                    "count": len(error.problems),
                    "file": file.name,
                }
            ) from None
        summary = _("%(created)s new values, %(updated)s changed, %(unchanged)s unchanged in %(dimension)s.") % {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "dimension": dimension,
        }
        self.stdout.write((_("Dry run: ") if dry_run else "") + summary)
