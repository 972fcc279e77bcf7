"""Freezing the portfolio into a snapshot, reading one, and comparing two.

``portfolio_snapshot_freeze`` reads the portfolio with one query per table (memberships with their
items, owners, approved reports, their areas, the scale), builds one JSON document, hashes it and
writes the snapshot and its entry rows in one transaction. Nothing is recomputed later: the snapshot
page, the downloads and the comparison read only what was stored.

What is frozen for each item in the portfolio at the moment: its title, sub-goal, phase, dates, roadmap
status, owners and portfolio membership; its latest approved report approved by then (overall status,
each area's status and comment, status in words, next steps, expected phase and end date, the period and
revision) and its overall status in every period approved by then (the status history); and
``indicators``, the linked indicators' status and latest value (``linked_indicators``).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from veikart.accounts import permissions
from veikart.indicators.models import Indicator
from veikart.indicators.progress import Status as IndicatorStatus
from veikart.roadmap.models import RoadmapItem, render_markdown

from .benefits import linked_indicators_of
from .models import PortfolioMembership, StatusArea, StatusColour, StatusReport, StatusReportArea
from .services import Refused
from .snapshot_models import PortfolioSnapshot, PortfolioSnapshotEntry, content_hash

logger = logging.getLogger(__name__)

FORMAT = "veikart.portfolio-snapshot/1"
TITLE_MAX = 200


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def linked_indicators(item_ids: list[int], at: datetime.datetime) -> dict[int, list[dict[str, Any]]]:
    """The indicators each item is linked to (``BenefitLink``), with their status and latest value.

    Per item id, in the order of the indicators' codes: ``{"id", "code", "name", "unit", "status",
    "latest_value", "latest_period", "recent_trend_against", "note"}`` (strings, integers, booleans or
    None, so the hash stays canonical; the value as a plain decimal string). Status and value are the
    indicators app's own assessment (``indicators.progress``) of the data as it stands when the
    snapshot is taken; ``at`` says which reports count, but the indicators keep no history of their
    values to go back to. Every indicator counts, published or not: a snapshot is read only by the
    strategy office and body members. Read with one query per table.
    """
    linked = linked_indicators_of(item_ids, indicators=Indicator.objects.all())
    return {
        item_id: [
            {
                "id": row.indicator.pk,
                "code": row.indicator.code,
                "name": row.indicator.name,
                "unit": row.indicator.unit,
                "status": str(row.progress.status),
                "latest_value": _plain_number(row.progress.latest.value) if row.progress.latest else None,
                "latest_period": row.progress.latest.period if row.progress.latest else None,
                "recent_trend_against": row.progress.trend_turned,
                "note": row.note,
            }
            for row in rows
        ]
        for item_id, rows in linked.items()
    }


def _plain_number(value: float) -> str:
    """A measured value as a plain decimal string without float noise: 109.5 → "109.5", 274.0 → "274"."""
    return format(Decimal(repr(value)).normalize(), "f")


def _frozen_reports(at: datetime.datetime) -> tuple[dict[int, list[tuple[str, str | None]]], dict[int, StatusReport]]:
    """Per portfolio item: its overall status in each period as it stood at ``at`` (oldest period first),
    and its latest approved report then.

    As it stood: the highest revision approved by ``at`` (a correction approved later does not reach
    back). The 12 periods × 2,000 items are read as plain tuples; only the 2,000 reports kept are read
    as whole rows.
    """
    colours = dict(StatusColour.objects.values_list("pk", "key"))
    rows = (
        StatusReport.objects.filter(
            state=StatusReport.State.APPROVED,
            reviewed_at__lte=at,
            item__portfolio_membership__isnull=False,
        )
        .order_by("item_id", "period__opens", "period_id", "revision")
        .values_list("pk", "item_id", "period_id", "period__name", "overall_id")
    )
    by_item: dict[int, dict[int, tuple[int, str, int | None]]] = {}
    for pk, item_id, period_id, period_name, overall_id in rows.iterator(chunk_size=5000):
        by_item.setdefault(item_id, {})[period_id] = (pk, period_name, overall_id)  # a later revision replaces
    history = {
        item_id: [(name, colours.get(overall_id)) for _pk, name, overall_id in periods.values()]
        for item_id, periods in by_item.items()
    }
    latest_pks = [list(periods.values())[-1][0] for periods in by_item.values()]
    latest = {
        report.item_id: report
        for report in StatusReport.objects.filter(pk__in=latest_pks).select_related(
            "period", "overall", "expected_phase"
        )
    }
    return history, latest


def _document(title: str, at: datetime.datetime, user: Any) -> dict[str, Any]:
    day = timezone.localdate(at)
    memberships = list(
        PortfolioMembership.objects.filter(since__lte=day)
        .exclude(until__lt=day)
        .select_related("item__phase", "item__sub_goal__goal", "programme")
        .order_by("item__title", "item_id")
    )
    item_ids = {membership.item_id for membership in memberships}
    owners: dict[int, list[str]] = {}
    for item_id, name in (
        RoadmapItem.owners.through.objects.filter(roadmapitem__portfolio_membership__isnull=False)
        .order_by("organisation__name")
        .values_list("roadmapitem_id", "organisation__name")
    ):
        owners.setdefault(item_id, []).append(name)
    history, latest = _frozen_reports(at)
    areas: dict[int, list[dict[str, Any]]] = {}
    for row in (
        StatusReportArea.objects.filter(report__in=[report.pk for report in latest.values()])
        .select_related("area", "colour")
        .order_by("report_id", "area__order", "area__name")
    ):
        areas.setdefault(row.report_id, []).append(
            {"area": row.area.key, "status": row.colour.key if row.colour_id else None, "comment": row.comment}
        )
    indicators = linked_indicators(sorted(item_ids), at)

    def report_of(report: StatusReport | None) -> dict[str, Any] | None:
        if report is None:
            return None
        return {
            "id": report.pk,
            "period": report.period.name,
            "revision": report.revision,
            "overall": report.overall.key if report.overall_id else None,
            "narrative": report.narrative,
            "next_steps": report.next_steps,
            "expected_phase": report.expected_phase.name if report.expected_phase_id else None,
            "expected_end_date": _iso(report.expected_end_date),
            "approved_at": _iso(report.reviewed_at),
            "areas": areas.get(report.pk, []),
        }

    items = []
    for membership in memberships:
        item = membership.item
        items.append(
            {
                "id": item.pk,
                "title": item.title,
                "delivery_id": item.delivery_id,
                "goal": item.sub_goal.goal.number,
                "sub_goal": item.sub_goal.code,
                "phase": item.phase.name if item.phase_id else None,
                "phase_order": item.phase.order if item.phase_id else None,
                "start_date": _iso(item.start_date),
                "end_date": _iso(item.end_date),
                "roadmap_status": item.status,
                "is_published": item.is_published,
                "owners": owners.get(item.pk, []),
                "portfolio": {
                    "since": _iso(membership.since),
                    "until": _iso(membership.until),
                    "reason": membership.reason,
                    "programme": membership.programme_id,
                },
                "report": report_of(latest.get(item.pk)),
                "history": [{"period": name, "overall": overall} for name, overall in history.get(item.pk, [])],
                "indicators": indicators.get(item.pk, []),
            }
        )
    return {
        "format": FORMAT,
        "title": title,
        "taken_at": _iso(at),
        "taken_by": (user.get_full_name() or user.username) if user is not None else None,
        "scale": [
            {"key": c.key, "name": c.name, "definition": c.definition, "rank": c.rank, "colour": c.colour}
            for c in StatusColour.objects.all()
        ],
        "areas": [{"key": area.key, "name": area.name} for area in StatusArea.objects.all()],
        "items": items,
    }


def _forecast_end(entry: dict[str, Any]) -> str | None:
    report = entry["report"]
    return (report and report["expected_end_date"]) or entry["end_date"]


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def portfolio_snapshot_freeze(
    *, title: str, user: Any, at: datetime.datetime | None = None, is_demo: bool = False
) -> PortfolioSnapshot:
    """Freeze the portfolio as it stands at ``at`` (default: now) under ``title``; returns the snapshot.

    Reports count if they were approved by ``at``; items' phases, dates and owners are read as they are
    now (so ``at`` in the past is for recording a meeting's moment shortly after it, as the demo does).
    ``PermissionDenied`` for anyone but the strategy office; ``Refused`` for an empty or too long title
    or a moment in the future. The snapshot and its entries are written in one transaction, and never
    changed afterwards.
    """
    if not permissions.can_freeze_portfolio_snapshots(user):
        raise PermissionDenied(_("Only the strategy office freezes the portfolio."))
    title = " ".join(title.split())
    if not title:
        raise Refused(_("Give the snapshot a title, such as “Til NUIT-møte 3/2026”."))
    if len(title) > TITLE_MAX:
        raise Refused(_("The title can be at most %(count)s characters.") % {"count": TITLE_MAX})
    now = timezone.now()
    at = at or now
    if at > now:
        raise Refused(_("A snapshot cannot be taken of a moment that has not come yet."))
    with transaction.atomic():
        document = _document(title, at, user)
        snapshot = PortfolioSnapshot.objects.create(
            title=title,
            taken_at=at,
            taken_by=user,
            document=document,
            content_hash=content_hash(document),
            scale=document["scale"],
            item_count=len(document["items"]),
            is_demo=is_demo,
        )
        ranks = {colour["key"]: colour["rank"] for colour in document["scale"]}
        PortfolioSnapshotEntry.objects.bulk_create(
            [
                PortfolioSnapshotEntry(
                    snapshot=snapshot,
                    item_id=entry["id"],
                    title=entry["title"][:500],
                    overall_key=(entry["report"] or {}).get("overall") or "",
                    overall_rank=ranks.get((entry["report"] or {}).get("overall")),
                    period_name=(entry["report"] or {}).get("period") or "",
                    phase_name=entry["phase"] or "",
                    phase_order=entry["phase_order"],
                    start_date=_date(entry["start_date"]),
                    end_date=_date(entry["end_date"]),
                    forecast_end=_date(_forecast_end(entry)),
                )
                for entry in document["items"]
            ],
            batch_size=500,
        )
    logger.info(
        "%s froze portfolio snapshot %s (“%s”, %s items, sha256 %s)",
        user.username,
        snapshot.pk,
        title,
        snapshot.item_count,
        snapshot.content_hash,
    )
    return snapshot


# --- Reading -------------------------------------------------------------------------------------


def snapshot_for(user: Any, pk: Any) -> PortfolioSnapshot:
    """The snapshot if ``user`` may read snapshots (else ``PermissionDenied``) and it exists (else 404)."""
    if not permissions.can_read_portfolio_snapshots(user):
        raise PermissionDenied(_("Only the strategy office and governance body members read portfolio snapshots."))
    try:
        snapshot = PortfolioSnapshot.objects.filter(pk=int(pk)).select_related("taken_by").first()
    except (TypeError, ValueError):
        snapshot = None
    if snapshot is None:
        raise Http404
    return snapshot


@dataclass
class FrozenItem:
    """One item of a snapshot's document, with its statuses resolved against the frozen scale."""

    data: dict[str, Any]
    overall: dict[str, Any] | None
    areas: list[tuple[dict[str, Any], dict[str, Any] | None, str]]
    history: list[tuple[str, dict[str, Any] | None]]

    @property
    def start_date(self) -> datetime.date | None:
        return _date(self.data["start_date"])

    @property
    def end_date(self) -> datetime.date | None:
        return _date(self.data["end_date"])

    @property
    def expected_end_date(self) -> datetime.date | None:
        return _date((self.data["report"] or {}).get("expected_end_date"))

    @property
    def indicators(self) -> list[dict[str, Any]]:
        """The linked indicators as frozen, each with its status in words (``status_label``)."""
        return [
            {**frozen, "status_label": _status_label(frozen.get("status"))}
            for frozen in self.data.get("indicators", [])
        ]

    @property
    def narrative_html(self) -> SafeString:
        return render_markdown((self.data["report"] or {}).get("narrative", ""))

    @property
    def next_steps_html(self) -> SafeString:
        return render_markdown((self.data["report"] or {}).get("next_steps", ""))


def _status_label(key: str | None) -> str:
    """An indicator status key in words; a key the method no longer knows is shown as it was frozen."""
    if key in IndicatorStatus.values:
        return str(IndicatorStatus(key).label)
    return key or "–"


def frozen_items(snapshot: PortfolioSnapshot) -> list[FrozenItem]:
    """The items of the snapshot as frozen, each status resolved to the scale frozen with it (so a colour
    renamed since still shows its old words)."""
    document = snapshot.document
    scale = {colour["key"]: colour for colour in document["scale"]}
    area_names = {area["key"]: area for area in document["areas"]}
    result = []
    for entry in document["items"]:
        report = entry["report"]
        result.append(
            FrozenItem(
                data=entry,
                overall=scale.get(report["overall"]) if report else None,
                areas=[
                    (
                        area_names.get(row["area"], {"key": row["area"], "name": row["area"]}),
                        scale.get(row["status"]),
                        row["comment"],
                    )
                    for row in (report["areas"] if report else [])
                ],
                history=[(row["period"], scale.get(row["overall"])) for row in entry["history"]],
            )
        )
    return result


def export_rows(snapshot: PortfolioSnapshot) -> tuple[list[str], list[list[Any]]]:
    """The snapshot as one table (one row per item) for the XLSX download: statuses in words."""
    document = snapshot.document
    scale = {colour["key"]: colour["name"] for colour in document["scale"]}
    areas = document["areas"]
    header = [
        _("Roadmap item id"),
        _("Roadmap item"),
        _("Sub-goal"),
        _("Owners"),
        _("Phase"),
        _("Start date"),
        _("End date"),
        _("Period"),
        _("Overall status"),
        *[area["name"] for area in areas],
        _("Expected end date"),
        _("Status in words"),
        _("Linked indicators"),
    ]
    rows = []
    for entry in document["items"]:
        report = entry["report"] or {}
        by_area = {row["area"]: row for row in report.get("areas", [])}
        rows.append(
            [
                entry["id"],
                entry["title"],
                entry["sub_goal"],
                ", ".join(entry["owners"]),
                entry["phase"] or "",
                _date(entry["start_date"]),
                _date(entry["end_date"]),
                report.get("period", ""),
                scale.get(report.get("overall"), ""),
                *[scale.get((by_area.get(area["key"]) or {}).get("status"), "") for area in areas],
                _date(report.get("expected_end_date")),
                report.get("narrative", ""),
                "; ".join(
                    f"{frozen['code']}: {_status_label(frozen['status'])}, {frozen['latest_value'] or '–'}"
                    for frozen in entry["indicators"]
                ),
            ]
        )
    return header, rows


# --- Comparing -----------------------------------------------------------------------------------

ADDED, REMOVED, BETTER, WORSE, SLIPPED, EARLIER, PHASE = (
    "added",
    "removed",
    "better",
    "worse",
    "slipped",
    "earlier",
    "phase",
)


@dataclass
class ComparedItem:
    item_id: int
    title: str
    before: PortfolioSnapshotEntry | None
    after: PortfolioSnapshotEntry | None
    changes: list[str]

    before_colour: dict[str, Any] | None = None
    after_colour: dict[str, Any] | None = None

    @property
    def slip_days(self) -> int | None:
        if self.before and self.after and self.before.forecast_end and self.after.forecast_end:
            return (self.after.forecast_end - self.before.forecast_end).days
        return None

    @property
    def labels(self) -> list[str]:
        """What changed, in words."""
        words = {
            ADDED: _("Into the portfolio"),
            REMOVED: _("Out of the portfolio"),
            BETTER: _("Status better"),
            WORSE: _("Status worse"),
            PHASE: _("Phase moved"),
        }
        labels = []
        for change in self.changes:
            if change == SLIPPED:
                labels.append(_("Slipped %(days)s days") % {"days": self.slip_days})
            elif change == EARLIER:
                labels.append(_("%(days)s days earlier") % {"days": -(self.slip_days or 0)})
            else:
                labels.append(words[change])
        return labels


def snapshots_compare(before: PortfolioSnapshot, after: PortfolioSnapshot) -> list[ComparedItem]:
    """Each item of either snapshot with what changed from ``before`` to ``after``: in or out of the
    portfolio, overall status better or worse (by the rank frozen with it), the expected end later
    (slipped) or earlier, a phase move. Reads the entry rows only (two queries), changed items first."""
    scale = compared_scale(before, after)
    old = {entry.item_id: entry for entry in PortfolioSnapshotEntry.objects.filter(snapshot=before)}
    new = {entry.item_id: entry for entry in PortfolioSnapshotEntry.objects.filter(snapshot=after)}
    result = []
    for item_id in old.keys() | new.keys():
        a, b = old.get(item_id), new.get(item_id)
        changes = []
        if a is None:
            changes.append(ADDED)
        elif b is None:
            changes.append(REMOVED)
        else:
            if a.overall_rank is not None and b.overall_rank is not None and a.overall_rank != b.overall_rank:
                changes.append(BETTER if b.overall_rank < a.overall_rank else WORSE)
            if a.forecast_end and b.forecast_end and a.forecast_end != b.forecast_end:
                changes.append(SLIPPED if b.forecast_end > a.forecast_end else EARLIER)
            if a.phase_name != b.phase_name:
                changes.append(PHASE)
        result.append(
            ComparedItem(
                item_id,
                (b or a).title,
                a,
                b,
                changes,
                before_colour=scale.get(a.overall_key) if a else None,
                after_colour=scale.get(b.overall_key) if b else None,
            )
        )
    result.sort(key=lambda row: (not row.changes, row.title, row.item_id))
    return result


def compared_scale(before: PortfolioSnapshot, after: PortfolioSnapshot) -> dict[str, dict[str, Any]]:
    """The status scale to show a comparison with: each snapshot's frozen words, the later one's winning."""
    return {colour["key"]: colour for snapshot in (before, after) for colour in snapshot.scale}
