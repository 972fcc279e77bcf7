"""Writing roadmap items: the official export layout (CSV, XLSX) and a full JSON document.

The CSV and XLSX layouts start with the seven columns of the official export,
in its order and with its headings (``importers.COLUMNS``), so that import →
export → import changes nothing; unless ``official_only`` is set, columns the
official export does not have (owners, user groups, status, address) follow and
the importer ignores them. The files are written by ``core.exchange.downloads``,
so no cell is ever a live formula, whatever an item is called.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from veikart.core.exchange.downloads import csv_chunks, dialect_for, json_bytes, xlsx_bytes
from veikart.roadmap.importers import OFFICIAL_COLUMNS
from veikart.roadmap.models import RoadmapItem

EXTRA_COLUMNS = [
    "Eiere",
    "Brukergrupper",
    "Status",
    "Adresse",
    # The phase and user-group names in nynorsk and English; the bokmål name where there is none.
    "Fase (nynorsk)",
    "Fase (engelsk)",
    "Brukergrupper (nynorsk)",
    "Brukergrupper (engelsk)",
]
_CHUNK = 2000


def _date(value: datetime.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


_FIELDS = (
    "pk",
    "title",
    "sub_goal__code",
    "grouping__name",
    "phase__name",
    "phase__name_nn",
    "phase__name_en",
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

    With ``relations``, each record also has ``owners`` and ``user_groups`` (lists of names) and
    ``user_groups_nn`` and ``user_groups_en`` (their translations, ``None`` where there is none).
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
            groups: dict[int, list[tuple[str, str | None, str | None]]] = defaultdict(list)
            for item_id, *names in (
                RoadmapItem.user_groups.through.objects.filter(roadmapitem_id__in=ids)
                .order_by("usergroup__order", "usergroup__name")
                .values_list("roadmapitem_id", "usergroup__name", "usergroup__name_nn", "usergroup__name_en")
            ):
                groups[item_id].append(tuple(names))
            for record in chunk:
                record["owners"] = owners.get(record["pk"], [])
                names = groups.get(record["pk"], [])
                record["user_groups"] = [name for name, _nn, _en in names]
                record["user_groups_nn"] = [nn for _name, nn, _en in names]
                record["user_groups_en"] = [en for _name, _nn, en in names]
        yield from chunk


def _item_url(base_url: str) -> str:
    return base_url + reverse("roadmap:item-detail", kwargs={"pk": 0}).replace("/0/", "/{}/")


def header(*, official_only: bool = False) -> list[str]:
    return list(OFFICIAL_COLUMNS.values()) + ([] if official_only else EXTRA_COLUMNS)


def _rows(
    queryset: QuerySet[RoadmapItem],
    *,
    official_only: bool,
    base_url: str,
    date: Callable[[datetime.date | None], str] | None = None,
) -> Iterator[list[Any]]:
    """The rows of the table; dates as ``date`` makes them (default: as they are, for date cells).

    Everything that depends on the request (the address, the status labels in the active language)
    is settled here, before the rows are read, so a streamed download writes what the page would.
    """
    url = _item_url(base_url)
    statuses = {value: str(label) for value, label in RoadmapItem.Status.choices}

    def rows() -> Iterator[list[Any]]:
        for record in _records(queryset, relations=not official_only):
            row: list[Any] = [
                record["title"],
                record["sub_goal__code"],
                record["grouping__name"] or "",
                record["phase__name"] or "",
                date(record["start_date"]) if date else record["start_date"],
                date(record["end_date"]) if date else record["end_date"],
                record["delivery_id"],
            ]
            if not official_only:
                row += [
                    ", ".join(record["owners"]),
                    ", ".join(record["user_groups"]),
                    statuses.get(record["status"], record["status"]),
                    url.format(record["pk"]),
                    record["phase__name_nn"] or record["phase__name"] or "",
                    record["phase__name_en"] or record["phase__name"] or "",
                    ", ".join(
                        nn or name for name, nn in zip(record["user_groups"], record["user_groups_nn"], strict=True)
                    ),
                    ", ".join(
                        en or name for name, en in zip(record["user_groups"], record["user_groups_en"], strict=True)
                    ),
                ]
            yield row

    return rows()


def export_csv_chunks(
    queryset: QuerySet[RoadmapItem], *, official_only: bool = False, base_url: str = ""
) -> Iterator[bytes]:
    """The CSV export, a few hundred rows at a time: as Excel in Norway expects it, in every language.

    Semicolons, UTF-8 with a byte-order mark, and ``dd.mm.yyyy`` dates as the official export has
    them (the English dialect would write ISO dates, so they are written here).
    """
    rows = _rows(queryset, official_only=official_only, base_url=base_url, date=_date)
    return csv_chunks(header(official_only=official_only), rows, dialect=dialect_for())


def export_csv(queryset: QuerySet[RoadmapItem], *, official_only: bool = False, base_url: str = "") -> bytes:
    return b"".join(export_csv_chunks(queryset, official_only=official_only, base_url=base_url))


def export_xlsx(queryset: QuerySet[RoadmapItem], *, official_only: bool = False, base_url: str = "") -> bytes:
    """One sheet; dates as date cells shown ``dd.mm.yyyy``; delivery ids and names as text cells."""
    rows = _rows(queryset, official_only=official_only, base_url=base_url)
    return xlsx_bytes(header(official_only=official_only), rows, sheet_title="Veikart", date_format="DD.MM.YYYY")


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
            "phase_nn": record["phase__name_nn"],
            "phase_en": record["phase__name_en"],
            "start_date": record["start_date"].isoformat() if record["start_date"] else None,
            "end_date": record["end_date"].isoformat() if record["end_date"] else None,
            "status": record["status"],
            "owners": record["owners"],
            "user_groups": record["user_groups"],
            "user_groups_nn": record["user_groups_nn"],
            "user_groups_en": record["user_groups_en"],
            "updated_at": record["updated_at"].isoformat(),
        }
        for record in _records(queryset, relations=True)
    ]
    return json_bytes({"count": len(items), "items": items})
