"""Writes that touch several rows or models: importing observations.

``observations_import`` reads a file once, inside one transaction. Rows for indicators that have no
observations yet (the bulk of any large first import) are streamed into the database as they are
checked, through one ``COPY`` on PostgreSQL, so the database inserts while Python still reads and
checks; rows for indicators that already have data are spooled to a temporary file and, once the
whole file is known to be good, compared with what is stored: new ones inserted, changed ones
updated with a history record of the value before and after. If any row is wrong, the transaction
is rolled back and nothing is written; the report lists every problem. A dry run does all of this
and rolls back, so the preview is exactly what the import would do. An import that would change
nothing rolls back too and leaves no trace, so the same file twice changes nothing. An import that
creates or updates ``db.STATISTICS_REFRESH_ROWS`` observations or more refreshes the planner's
statistics of the observation tables once it commits.
"""

from __future__ import annotations

import json
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _
from tqdm import tqdm

from veikart.core import db
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.previews import sha256_of
from veikart.core.exchange.problems import Problem
from veikart.indicators.importers import FileError, reader_for
from veikart.indicators.importers.resolve import NewDimension, Resolver
from veikart.indicators.models import Dimension, DimensionValue, Indicator, Observation, ObservationImport
from veikart.indicators.revisions import raise_data_revision

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
    "attributes",
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
    skipped: int = 0  # rows outside the slice (``where``)
    holes: int = 0  # rows the file marks as having no value
    new_dimensions: list[NewDimension] = field(default_factory=list)  # created, or to be created in a preview

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    @property
    def written(self) -> bool:
        return self.import_id is not None


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
    limits: Limits | None = None,
    where: dict[str, str] | None = None,
    create_dimensions: bool = False,
) -> ImportReport:
    """Import the observations in ``stream`` (a seekable binary file) and report what happened.

    ``indicators`` limits the file to those indicators (see ``permissions.importable_indicators``):
    a row for any other is a problem. None (the command line) allows every indicator.
    ``where`` (dimension → code) imports one slice of a table of several measures; the other rows are
    skipped. ``create_dimensions`` creates the dimensions and values the file brings that Veikart
    lacks (listed in ``report.new_dimensions``, in a preview too) instead of reporting them.
    Nothing is written when the report has problems, when ``dry_run`` is set, or when the file would
    change nothing; otherwise ``report.import_id`` names the ``ObservationImport`` record. The file
    is read within ``limits`` (default: an upload's; the command passes ``Limits.for_commands()``).
    """
    report = ImportReport(file_name=file_name, dry_run=dry_run)
    try:
        reader = reader_for(stream, file_name=file_name, file_format=file_format, limits=limits)
    except FileError as error:
        report.problems.append(error.as_problem())
        report.problem_count = 1
        return report
    checksum = sha256_of(stream)
    report.file_format = reader.format_name
    resolver = Resolver(
        reader, indicator_code=indicator_code, indicators=indicators, where=where, create_dimensions=create_dimensions
    )
    try:
        with transaction.atomic():
            record = ObservationImport.objects.create(
                file_name=file_name[:300],
                file_format=reader.format_name,
                sha256=checksum,
                imported_by=user if user is not None and user.is_authenticated else None,
            )
            with tempfile.TemporaryFile() as spool:
                _read_and_stream(reader, resolver, report, spool, record, show_progress=show_progress)
                if report.ok:
                    _apply_spooled(spool, report, record, user=user, show_progress=show_progress)
                if report.ok and report.new_dimensions:
                    dimensions_create(report.new_dimensions)
            if not report.ok or report.dry_run or report.created + report.updated == 0:
                transaction.set_rollback(True)
                return report
            # The format is known in full only once the file is read (an XLSX names its inner layout).
            record.file_format, record.rows = report.file_format, report.rows
            record.created, record.updated, record.unchanged = report.created, report.updated, report.unchanged
            record.save(update_fields=["file_format", "rows", "created", "updated", "unchanged"])
            report.import_id = record.pk
            if report.created + report.updated >= db.STATISTICS_REFRESH_ROWS:
                db.refresh_statistics(Observation, Observation.history.model)
    except IntegrityError:
        # Only a concurrent import of the same indicators can get here: the file itself was checked.
        report.problems = [Problem(_("The data changed while the file was imported; import it again."))]
        report.problem_count, report.created, report.updated, report.import_id = 1, 0, 0, None
    return report


def _read_and_stream(reader, resolver: Resolver, report: ImportReport, spool, record, *, show_progress: bool) -> None:
    """Check every row; stream the rows of indicators with no data yet, spool the others.

    Once a row is wrong nothing more is written (the caller rolls back), but reading goes on so
    that the report lists every problem in the file.
    """
    fresh = _lock_fresh_indicators()
    pending: list[tuple] = []
    rows = tqdm(reader.rows(), desc="Importing", unit=" rows", disable=not show_progress, mininterval=0.5)
    try:
        with ObservationWriter(import_id=record.pk) as writer:
            for resolved in resolver.resolve(rows):
                if resolver.problem_count:
                    continue
                if resolved[0] in fresh:
                    writer.add(resolved)
                    continue
                pending.append(resolved)
                if len(pending) >= CHUNK:
                    pickle.dump(pending, spool, protocol=pickle.HIGHEST_PROTOCOL)
                    pending = []
    except FileError as error:
        resolver.problem("file", error.message)
    report.created += writer.written
    if pending:
        pickle.dump(pending, spool, protocol=pickle.HIGHEST_PROTOCOL)
    report.file_format = reader.format_name
    report.rows = resolver.rows
    report.per_indicator = resolver.per_indicator
    report.skipped, report.holes = resolver.skipped, resolver.holes + reader.holes
    report.new_dimensions = list(resolver.new_dimensions.values())
    if resolver.problem_count == 0 and sum(resolver.per_indicator.values()) == 0:
        resolver.problem("file", "The file holds no observations.")
    report.problems, report.problem_count = resolver.problems, resolver.problem_count


def _apply_spooled(spool, report: ImportReport, record: ObservationImport, *, user, show_progress: bool) -> None:
    """Compare the spooled rows (indicators that had data) with what is stored; insert or correct."""
    if spool.tell() == 0:
        return
    codes = _lock_indicators(list(report.per_indicator))
    total = sum(report.per_indicator.values()) - report.created
    with tqdm(total=total, desc="Comparing", unit=" rows", disable=not show_progress, mininterval=0.5) as bar:
        for chunk in _spooled_chunks(spool):
            new, changed = _compare(chunk, report, codes)
            _update(changed, record, user)
            observations_bulk_insert(new, import_id=record.pk)
            report.created += len(new)
            bar.update(len(chunk))


def dimensions_create(planned: list[NewDimension]) -> None:
    """Create the dimensions and values an import brings, after the existing ones, in the file's order."""
    last = Dimension.objects.order_by("-position").values_list("position", flat=True).first() or 0
    for new in planned:
        if new.is_new:
            last += 1
            dimension = Dimension(code=new.code, name=new.name or new.code, position=min(last, 32767))
            dimension.full_clean()
            dimension.save()
        else:
            dimension = Dimension.objects.get(code=new.code)
        start = (dimension.values.order_by("-position").values_list("position", flat=True).first() or 0) + 1
        values = [
            DimensionValue(dimension=dimension, code=code, label=label or code, position=start + number)
            for number, (code, label) in enumerate(new.values.items())
        ]
        for value in values:
            value.full_clean(exclude=["dimension", "parent"], validate_unique=False)
        DimensionValue.objects.bulk_create(values)


def _lock_fresh_indicators() -> set[int]:
    """Lock the indicators that have no observations yet until the import commits; returns their ids.

    Their rows need no comparison, so they are written while the file is read. The lock stands in
    for a foreign-key check (see ``Observation.indicator``) and makes a second import into the same
    indicators wait for this one.
    """
    has_data = Observation.objects.filter(indicator=OuterRef("pk"))
    fresh = Indicator.objects.filter(~Exists(has_data)).order_by("pk").select_for_update(no_key=True)
    return set(fresh.values_list("pk", flat=True))


def _lock_indicators(codes: list[str]) -> dict[int, str]:
    """Lock the indicators an import writes to until it commits; returns their ids and codes.

    Observations have no foreign-key constraint (see ``Observation.indicator``), so this lock does
    what the constraint's per-row check would: the indicators cannot be deleted meanwhile. It also
    makes a second import into the same indicators wait for the first, so both never take the same
    indicator for fresh.
    """
    locked = Indicator.objects.filter(code__in=codes).order_by("pk").select_for_update(no_key=True)
    return dict(locked.values_list("pk", "code"))


def _compare(rows: list[tuple], report: ImportReport, codes: dict[int, str]) -> tuple[list[tuple], list]:
    """Split rows into new ones and existing observations whose value, status or note differ."""
    new, changed = [], []
    by_indicator: dict[int, list[tuple]] = {}
    for row in rows:
        by_indicator.setdefault(row[0], []).append(row)
    for indicator_id, group in by_indicator.items():
        existing = {
            (period, breakdown_key): (pk, value, status, note, attributes)
            for pk, period, breakdown_key, value, status, note, attributes in Observation.objects.filter(
                indicator_id=indicator_id,
                period_key__in={row[2] for row in group},
                breakdown_key__in={row[3] for row in group},
            ).values_list("pk", "period", "breakdown_key", "value", "status", "note", "attributes")
        }
        for row in group:
            _indicator_id, period, _key, breakdown_key, value, status, note, attributes = row
            found = existing.get((period, breakdown_key))
            if found is None:
                new.append(row)
                continue
            pk, old_value, old_status, old_note, old_attributes = found
            differs = old_value != value or (status is not None and old_status != status)
            differs = differs or (note is not None and old_note != note)
            differs = differs or (
                attributes is not None and (json.loads(attributes) if attributes else None) != old_attributes
            )
            if not differs:
                report.unchanged += 1
                continue
            if len(report.changes) < MAX_CHANGES_SHOWN:
                report.changes.append(Change(codes[indicator_id], period, breakdown_key, old_value, value))
            changed.append((pk, value, status, note, attributes))
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
    for pk, value, status, note, attributes in changed:
        obs = by_pk[pk]
        obs.value = value
        if status is not None:
            obs.status = status
        if note is not None:
            obs.note = note
        if attributes is not None:
            obs.attributes = json.loads(attributes) if attributes else None
        obs.source_import = record
    Observation.objects.bulk_update(objects, ["value", "status", "note", "attributes", "source_import"], batch_size=500)
    raise_data_revision(obs.indicator_id for obs in objects)
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
    if not rows:
        return
    with ObservationWriter(import_id=import_id, illustrative=illustrative) as writer:
        for row in rows:
            writer.add(row)


def _table_and_columns() -> str:
    """``table (column, …)`` of the observation columns a bulk write fills, quoted for the database."""
    columns = ", ".join(connection.ops.quote_name(c) for c in _INSERT_COLUMNS)
    return f"{connection.ops.quote_name(Observation._meta.db_table)} ({columns})"


class ObservationWriter:
    """Writes new observations as they come, without history: a context manager with ``add(row)``.

    On PostgreSQL the rows go into one ``COPY`` that stays open until the context ends, so the
    database inserts while the caller produces the next rows; the connection can run no other query
    meanwhile, and the ``COPY`` opens at the first row so the caller can still query before that.
    Elsewhere rows are inserted in batches with one prepared statement. Rows are resolved rows
    ``(indicator_id, period, period_key, breakdown_key, value, status, note, attributes)``, attributes
    as JSON text ("" or None for none).
    """

    BLOCK = 5000

    def __init__(self, *, import_id: int | None = None, illustrative: bool = False) -> None:
        self.import_id = import_id
        self.illustrative = illustrative
        self.written = 0
        self._indicators: set[int] = set()
        self._buffer: list[tuple] = []
        self._stack = ExitStack()
        self._copy = None
        self._postgresql = connection.vendor == "postgresql"

    def __enter__(self) -> ObservationWriter:
        return self

    def __exit__(self, exc_type, exc, traceback) -> bool:
        try:
            if exc_type is None:
                self._flush()
        finally:
            # Ends the COPY: completes it, or, after an error, aborts it so the transaction rolls back.
            closed = self._stack.__exit__(exc_type, exc, traceback)
        if exc_type is None:
            raise_data_revision(self._indicators)
        return bool(closed)

    def add(self, row: tuple) -> None:
        self._buffer.append(row)
        if len(self._buffer) >= self.BLOCK:
            self._flush()

    def _flush(self) -> None:
        rows, self._buffer = self._buffer, []
        if not rows:
            return
        if self._postgresql:
            self._copy_rows(rows)
        else:
            self._insert_rows(rows)
        self.written += len(rows)
        self._indicators.update({row[0] for row in rows})

    def _copy_rows(self, rows: list[tuple]) -> None:
        if self._copy is None:
            cursor = self._stack.enter_context(connection.cursor())
            self._copy = self._stack.enter_context(cursor.cursor.copy(f"COPY {_table_and_columns()} FROM STDIN"))
        final = Observation.Status.FINAL.value
        null = "\\N"  # COPY text format
        import_text = "\\N" if self.import_id is None else str(self.import_id)
        tail = f"\t{import_text}\t{'t' if self.illustrative else 'f'}\n"
        # COPY's text format built by hand in large blocks: several times faster than row by row.
        self._copy.write(
            "".join(
                f"{ind}\t{period}\t{key}\t{breakdown}\t{value}\t{status or final}\t"
                f"{_copy_text(note) if note else ''}\t{_copy_text(attributes) if attributes else null}{tail}"
                for ind, period, key, breakdown, value, status, note, attributes in rows
            )
        )

    def _insert_rows(self, rows: list[tuple]) -> None:
        final = Observation.Status.FINAL.value
        placeholders = ", ".join(["%s"] * len(_INSERT_COLUMNS))
        records = [
            (
                ind,
                period,
                key,
                breakdown,
                value,
                status or final,
                note or "",
                attributes or None,
                self.import_id,
                self.illustrative,
            )
            for ind, period, key, breakdown, value, status, note, attributes in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {_table_and_columns()} VALUES ({placeholders})", records)  # noqa: S608
