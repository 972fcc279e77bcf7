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
from collections import defaultdict
from collections.abc import Iterator
from itertools import islice
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from veikart.roadmap.importers import OFFICIAL_COLUMNS
from veikart.roadmap.models import RoadmapItem

EXTRA_COLUMNS = ["Eiere", "Brukergrupper", "Status", "Adresse"]
_CHUNK = 2000


def _date(value: datetime.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


_FIELDS = (
    "pk",
    "title",
    "sub_goal__code",
    "grouping__name",
    "phase__name",
    "start_date",
    "end_date",
    "delivery_id",
    "status",
    "description",
    "sub_goal__goal__number",
    "updated_at",
)


def _records(queryset: QuerySet[RoadmapItem], *, relations: bool) -> Iterator[dict[str, Any]]:
    """Plain dicts of the items, in chunks (no model instances: an export of 20,000 rows stays fast).

    With ``relations``, each record also has ``owners`` and ``user_groups`` (lists of names).
    """
    rows = queryset.values_list(*_FIELDS).iterator(chunk_size=_CHUNK)
    while True:
        chunk = [dict(zip(_FIELDS, row, strict=True)) for row in islice(rows, _CHUNK)]
        if not chunk:
            return
        if relations:
            ids = [record["pk"] for record in chunk]
            owners: dict[int, list[str]] = defaultdict(list)
            for item_id, name in (
                RoadmapItem.owners.through.objects.filter(roadmapitem_id__in=ids)
                .order_by("organisation__name")
                .values_list("roadmapitem_id", "organisation__name")
            ):
                owners[item_id].append(name)
            groups: dict[int, list[str]] = defaultdict(list)
            for item_id, name in (
                RoadmapItem.user_groups.through.objects.filter(roadmapitem_id__in=ids)
                .order_by("usergroup__order", "usergroup__name")
                .values_list("roadmapitem_id", "usergroup__name")
            ):
                groups[item_id].append(name)
            for record in chunk:
                record["owners"] = owners.get(record["pk"], [])
                record["user_groups"] = groups.get(record["pk"], [])
        yield from chunk


def _item_url(base_url: str) -> str:
    return base_url + reverse("roadmap:item-detail", kwargs={"pk": 0}).replace("/0/", "/{}/")


def header(*, official_only: bool = False) -> list[str]:
    return list(OFFICIAL_COLUMNS.values()) + ([] if official_only else EXTRA_COLUMNS)


def _rows(queryset: QuerySet[RoadmapItem], *, official_only: bool, base_url: str) -> Iterator[list[Any]]:
    url = _item_url(base_url)
    statuses = dict(RoadmapItem.Status.choices)
    for record in _records(queryset, relations=not official_only):
        row: list[Any] = [
            record["title"],
            record["sub_goal__code"],
            record["grouping__name"] or "",
            record["phase__name"] or "",
            record["start_date"],
            record["end_date"],
            record["delivery_id"],
        ]
        if not official_only:
            row += [
                ", ".join(record["owners"]),
                ", ".join(record["user_groups"]),
                str(statuses.get(record["status"], record["status"])),
                url.format(record["pk"]),
            ]
        yield row


def export_csv(queryset: QuerySet[RoadmapItem], *, official_only: bool = False, base_url: str = "") -> bytes:
    """Semicolon-separated UTF-8 with a byte-order mark and ``dd.mm.yyyy`` dates, as Excel in Norway expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header(official_only=official_only))
    for row in _rows(queryset, official_only=official_only, base_url=base_url):
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
    for row in _rows(queryset, official_only=official_only, base_url=base_url):
        cells = []
        for index, value in enumerate(row):
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


def export_json(queryset: QuerySet[RoadmapItem], *, base_url: str = "") -> bytes:
    """``{"count": n, "items": [...]}`` with every public field of each item."""
    url = _item_url(base_url)
    items = [
        {
            "id": record["pk"],
            "url": url.format(record["pk"]),
            "delivery_id": record["delivery_id"] or None,
            "title": record["title"],
            "description": record["description"],
            "goal": record["sub_goal__goal__number"],
            "sub_goal": record["sub_goal__code"],
            "grouping": record["grouping__name"],
            "phase": record["phase__name"],
            "start_date": record["start_date"].isoformat() if record["start_date"] else None,
            "end_date": record["end_date"].isoformat() if record["end_date"] else None,
            "status": record["status"],
            "owners": record["owners"],
            "user_groups": record["user_groups"],
            "updated_at": record["updated_at"].isoformat(),
        }
        for record in _records(queryset, relations=True)
    ]
    return json.dumps({"count": len(items), "items": items}, ensure_ascii=False, indent=1).encode("utf-8")
