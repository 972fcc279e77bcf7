"""Writes that touch several rows or models: importing observations.

``observations_import`` reads a file in two passes. The first pass reads and checks every row and
spools the resolved rows to a temporary file; if anything is wrong it stops and writes nothing. The
second pass writes, inside one transaction: new observations in bulk (``COPY`` on PostgreSQL), changed
ones updated with a history record of the value before and after. A dry run does the same and rolls
back, so the preview is exactly what the import would do. An import that would change nothing rolls
back too and leaves no trace, so the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from django.db import connection, transaction
from django.db.models import QuerySet
from tqdm import tqdm

from veikart.indicators.importers import FileError, reader_for
from veikart.indicators.importers.resolve import Problem, Resolver
from veikart.indicators.models import Indicator, Observation, ObservationImport

CHUNK = 10_000
MAX_CHANGES_SHOWN = 50
_INSERT_COLUMNS = (
    "indicator_id",
    "period",
    "period_key",
    "breakdown_key",
    "value",
    "status",
    "note",
    "source_import_id",
    "is_illustrative",
)


@dataclass
class Change:
    indicator: str
    period: str
    breakdown_key: str
    old: Decimal
    new: Decimal


@dataclass
class ImportReport:
    file_name: str
    file_format: str = ""
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    changes: list[Change] = field(default_factory=list)
    per_indicator: dict[str, int] = field(default_factory=dict)
    import_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    @property
    def written(self) -> bool:
        return self.import_id is not None


def _sha256(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: stream.read(1 << 20), b""):
        digest.update(block)
    stream.seek(0)
    return digest.hexdigest()


def _spooled_chunks(spool) -> Iterator[list[tuple]]:
    spool.seek(0)
    while True:
        try:
            yield pickle.load(spool)  # noqa: S301 - our own temporary file, written just above
        except EOFError:
            return


def observations_import(
    *,
    stream: BinaryIO,
    file_name: str,
    indicator_code: str | None = None,
    file_format: str | None = None,
    indicators: QuerySet[Indicator] | None = None,
    user=None,
    dry_run: bool = False,
    show_progress: bool = False,
) -> ImportReport:
    """Import the observations in ``stream`` (a seekable binary file) and report what happened.

    ``indicators`` limits the file to those indicators (see ``permissions.importable_indicators``):
    a row for any other is a problem. None (the command line) allows every indicator.
    Nothing is written when the report has problems, when ``dry_run`` is set, or when the file would
    change nothing; otherwise ``report.import_id`` names the ``ObservationImport`` record.
    """
    report = ImportReport(file_name=file_name, dry_run=dry_run)
    checksum = _sha256(stream)
    try:
        reader = reader_for(stream, file_name=file_name, file_format=file_format)
    except FileError as error:
        report.problems.append(Problem("file", str(error)))
        report.problem_count = 1
        return report
    report.file_format = reader.format_name
    resolver = Resolver(reader, indicator_code=indicator_code, indicators=indicators)
    with tempfile.TemporaryFile() as spool:
        try:
            chunk: list[tuple] = []
            rows = tqdm(reader.rows(), desc="Checking", unit=" rows", disable=not show_progress, mininterval=0.5)
            for resolved in resolver.resolve(rows):
                chunk.append(resolved)
                if len(chunk) >= CHUNK:
                    pickle.dump(chunk, spool, protocol=pickle.HIGHEST_PROTOCOL)
                    chunk = []
            if chunk:
                pickle.dump(chunk, spool, protocol=pickle.HIGHEST_PROTOCOL)
        except FileError as error:
            resolver.problem("file", str(error))
        report.file_format = reader.format_name
        report.rows = resolver.rows
        report.per_indicator = resolver.per_indicator
        if resolver.problem_count == 0 and sum(resolver.per_indicator.values()) == 0:
            resolver.problem("file", "The file holds no observations.")
        report.problems, report.problem_count = resolver.problems, resolver.problem_count
        if not report.ok:
            return report
        _write(spool, report, checksum=checksum, user=user, show_progress=show_progress)
    return report


def _write(spool, report: ImportReport, *, checksum: str, user, show_progress: bool) -> None:
    codes = list(report.per_indicator)
    indicator_ids = dict(Indicator.objects.filter(code__in=codes).values_list("pk", "code"))
    with transaction.atomic():
        record = ObservationImport.objects.create(
            file_name=report.file_name[:300],
            file_format=report.file_format,
            sha256=checksum,
            imported_by=user if user is not None and user.is_authenticated else None,
            rows=report.rows,
        )
        # An indicator with no observations yet needs no comparison: every row is new.
        fresh = {pk for pk in indicator_ids if not Observation.objects.filter(indicator_id=pk).exists()}
        total = sum(report.per_indicator.values())
        with tqdm(total=total, desc="Writing", unit=" rows", disable=not show_progress, mininterval=0.5) as bar:
            for chunk in _spooled_chunks(spool):
                new = [row for row in chunk if row[0] in fresh]
                rest = [row for row in chunk if row[0] not in fresh]
                if rest:
                    more_new, changed = _compare(rest, report, indicator_ids)
                    new.extend(more_new)
                    _update(changed, record, user)
                _insert(new, record.pk)
                report.created += len(new)
                bar.update(len(chunk))
        if report.dry_run or report.created + report.updated == 0:
            transaction.set_rollback(True)
            return
        record.created, record.updated, record.unchanged = report.created, report.updated, report.unchanged
        record.save(update_fields=["created", "updated", "unchanged"])
        report.import_id = record.pk


def _compare(rows: list[tuple], report: ImportReport, codes: dict[int, str]) -> tuple[list[tuple], list]:
    """Split rows into new ones and existing observations whose value, status or note differ."""
    new, changed = [], []
    by_indicator: dict[int, list[tuple]] = {}
    for row in rows:
        by_indicator.setdefault(row[0], []).append(row)
    for indicator_id, group in by_indicator.items():
        existing = {
            (period, breakdown_key): (pk, value, status, note)
            for pk, period, breakdown_key, value, status, note in Observation.objects.filter(
                indicator_id=indicator_id,
                period_key__in={row[2] for row in group},
                breakdown_key__in={row[3] for row in group},
            ).values_list("pk", "period", "breakdown_key", "value", "status", "note")
        }
        for row in group:
            _indicator_id, period, _key, breakdown_key, value, status, note = row
            found = existing.get((period, breakdown_key))
            if found is None:
                new.append(row)
                continue
            pk, old_value, old_status, old_note = found
            differs = old_value != value or (status is not None and old_status != status)
            differs = differs or (note is not None and old_note != note)
            if not differs:
                report.unchanged += 1
                continue
            if len(report.changes) < MAX_CHANGES_SHOWN:
                report.changes.append(Change(codes[indicator_id], period, breakdown_key, old_value, value))
            changed.append((pk, value, status, note))
            report.updated += 1
    return new, changed


def _update(changed: list, record: ObservationImport, user) -> None:
    """Correct observations, keeping a history record of the state before (if none yet) and after."""
    if not changed:
        return
    history = Observation.history.model
    by_pk = Observation.objects.in_bulk([pk for pk, *_rest in changed])
    objects = [by_pk[pk] for pk, *_rest in changed]
    with_history = set(history.objects.filter(id__in=[o.pk for o in objects]).values_list("id", flat=True))
    before = [obs for obs in objects if obs.pk not in with_history]
    if before:
        Observation.history.bulk_history_create(before, default_change_reason="Before correction")
    for pk, value, status, note in changed:
        obs = by_pk[pk]
        obs.value = value
        if status is not None:
            obs.status = status
        if note is not None:
            obs.note = note
        obs.source_import = record
    Observation.objects.bulk_update(objects, ["value", "status", "note", "source_import"], batch_size=500)
    Observation.history.bulk_history_create(
        objects,
        update=True,
        default_user=user if user is not None and user.is_authenticated else None,
        default_change_reason=f"Import: {record.file_name}"[:100],
    )


def _copy_text(text: str) -> str:
    """Escape a value for PostgreSQL's COPY text format."""
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


def observations_bulk_insert(rows: list[tuple], *, import_id: int | None = None, illustrative: bool = False) -> None:
    """Insert new observations given as resolved rows, without history (for imports and data generators).

    The caller guarantees the rows are valid and new; the database still refuses duplicates.
    """
    _insert(rows, import_id, illustrative=illustrative)


def _insert(rows: list[tuple], import_id: int | None, *, illustrative: bool = False) -> None:
    """Insert new observations: COPY on PostgreSQL, one prepared statement for many rows elsewhere."""
    if not rows:
        return
    final = Observation.Status.FINAL.value
    table = connection.ops.quote_name(Observation._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _INSERT_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY's text format built by hand in large blocks: several times faster than row by row.
            import_text = "\\N" if import_id is None else str(import_id)
            tail = f"\t{import_text}\t{'t' if illustrative else 'f'}\n"
            lines = [
                f"{ind}\t{period}\t{key}\t{breakdown}\t{value}\t{status or final}\t"
                f"{_copy_text(note) if note else ''}{tail}"
                for ind, period, key, breakdown, value, status, note in rows
            ]
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for start in range(0, len(lines), 5000):
                    copy.write("".join(lines[start : start + 5000]))
        else:
            records = (
                (ind, period, key, breakdown, value, status or final, note or "", import_id, illustrative)
                for ind, period, key, breakdown, value, status, note in rows
            )
            placeholders = ", ".join(["%s"] * len(_INSERT_COLUMNS))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", list(records))  # noqa: S608
