"""The base of every import command: a file argument, ``--dry-run``, a progress bar, problems without tracebacks.

A subclass implements ``run_import(stream, file_name, dry_run, options)`` and returns a ``Problems``
(empty when the file was good) and a one-line summary. The base opens the file, refuses what the
exchange layer refuses (``FileUnreadable``, printed as a message), prints every problem with its
place, and exits non-zero when there were any; nothing is written then.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import FileUnreadable, Problems
from veikart.core.exchange.reading import check_size


class ImportCommand(BaseCommand):
    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and show what would change; write nothing.")

    @property
    def shows_progress(self) -> bool:
        """A progress bar is drawn on a terminal only (never in a pipe, a log or at verbosity 0)."""
        return self.verbosity >= 1 and self.stderr.isatty()

    def progress(self, iterable: Iterable[Any], *, description: str, total: int | None = None) -> Iterable[Any]:
        """``iterable`` with a progress bar when ``shows_progress``."""
        return tqdm(
            iterable, desc=description, total=total, unit=" rows", disable=not self.shows_progress, mininterval=0.5
        )

    def handle(self, *args, file: Path, dry_run: bool = False, **options) -> None:
        self.verbosity = options.get("verbosity", 1)
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        with file.open("rb") as stream:
            try:
                check_size(stream, limits=Limits.for_commands())
                problems, summary = self.run_import(stream, file.name, dry_run, options)
            except FileUnreadable as error:
                raise CommandError(f"{file.name}: {error.message}") from None
        if problems:
            self.print_problems(problems)
            raise CommandError(f"{problems.count} problem(s) in {file.name}; nothing was written.")
        if dry_run:
            self.stdout.write(f"Dry run: {summary} Nothing was written.")
        else:
            self.stdout.write(self.style.SUCCESS(summary))

    def print_problems(self, problems: Problems) -> None:
        for problem in problems:
            self.stderr.write(str(problem))
        if problems.not_shown:
            self.stderr.write(f"… and {problems.not_shown} more problems.")

    def run_import(self, stream: BinaryIO, file_name: str, dry_run: bool, options: dict) -> tuple[Problems, str]:
        raise NotImplementedError
