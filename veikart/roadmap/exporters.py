"""Writing roadmap items: the official export layout (CSV, XLSX) and a full JSON document.

The CSV and XLSX layouts start with the seven columns of the official export,
in its order and with its headings, so that import → export → import changes
nothing; unless ``official_only`` is set, columns the official export does not
have (owners, user groups, status, address) follow and the importer ignores them.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from veikart.roadmap.importers import OFFICIAL_COLUMNS
from veikart.roadmap.models import RoadmapItem

EXTRA_COLUMNS = ["Eiere", "Brukergrupper", "Status", "Adresse"]
_CHUNK = 2000


def _date(value: datetime.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _items(queryset: QuerySet[RoadmapItem]) -> Iterator[RoadmapItem]:
    return queryset.for_list().iterator(chunk_size=_CHUNK)


def header(*, official_only: bool = False) -> list[str]:
    return list(OFFICIAL_COLUMNS.values()) + ([] if official_only else EXTRA_COLUMNS)


def _row(item: RoadmapItem, *, official_only: bool, base_url: str) -> list[Any]:
    row: list[Any] = [
        item.title,
        item.sub_goal.code,
        item.grouping.name if item.grouping else "",
        item.phase.name if item.phase else "",
        item.start_date,
        item.end_date,
        item.delivery_id,
    ]
    if not official_only:
        row += [
            ", ".join(owner.name for owner in item.owners.all()),
            ", ".join(group.name for group in item.user_groups.all()),
            str(item.get_status_display()),
            base_url + item.get_absolute_url(),
        ]
    return row


def export_csv(queryset: QuerySet[RoadmapItem], *, official_only: bool = False, base_url: str = "") -> bytes:
    """Semicolon-separated UTF-8 with a byte-order mark and ``dd.mm.yyyy`` dates, as Excel in Norway expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header(official_only=official_only))
    for item in _items(queryset):
        row = _row(item, official_only=official_only, base_url=base_url)
        row[4], row[5] = _date(row[4]), _date(row[5])
        writer.writerow(row)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def export_xlsx(queryset: QuerySet[RoadmapItem], *, official_only: bool = False, base_url: str = "") -> bytes:
    """One sheet; dates as date cells shown ``dd.mm.yyyy``; delivery ids as text so no digit is lost."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Veikart")
    bold = Font(bold=True)
    heading = []
    for title in header(official_only=official_only):
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for item in _items(queryset):
        cells = []
        for index, value in enumerate(_row(item, official_only=official_only, base_url=base_url)):
            cell = WriteOnlyCell(sheet, value=value)
            if index in (4, 5) and value:
                cell.number_format = "DD.MM.YYYY"
            if index == 6:
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def item_as_dict(item: RoadmapItem, *, base_url: str = "") -> dict[str, Any]:
    return {
        "id": item.pk,
        "url": base_url + item.get_absolute_url(),
        "delivery_id": item.delivery_id or None,
        "title": item.title,
        "description": item.description,
        "goal": item.sub_goal.goal.number,
        "sub_goal": item.sub_goal.code,
        "grouping": item.grouping.name if item.grouping else None,
        "phase": item.phase.name if item.phase else None,
        "start_date": item.start_date.isoformat() if item.start_date else None,
        "end_date": item.end_date.isoformat() if item.end_date else None,
        "status": item.status,
        "owners": [owner.name for owner in item.owners.all()],
        "user_groups": [group.name for group in item.user_groups.all()],
        "updated_at": item.updated_at.isoformat(),
    }


def export_json(queryset: QuerySet[RoadmapItem], *, base_url: str = "") -> bytes:
    """``{"count": n, "items": [...]}`` with every public field of each item."""
    items: Iterable[dict[str, Any]] = [item_as_dict(item, base_url=base_url) for item in _items(queryset)]
    items = list(items)
    return json.dumps({"count": len(items), "items": items}, ensure_ascii=False, indent=1).encode("utf-8")
