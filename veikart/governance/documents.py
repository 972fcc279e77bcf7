"""Making a meeting's pack and minutes as tagged PDFs, and telling whether the stored ones are current.

Which documents a meeting has: the **pack** (the summons with the agenda, each case's background,
proposed decision, attachments and links, and the portfolio table of the snapshot a case cites) from
the moment the meeting is summoned; the **minutes** (the minutes' text and each case's decision,
dissent, review date and follow-up actions) once it is held, titled as draft minutes until they are
approved. Each comes in two versions (``MeetingDocument.Audience``):

- **public**: an exempt case shows only its number, its type, its legal basis and, where allowed, its
  title; linked goals, items and indicators only where published; a cited snapshot by its title only
  (a snapshot holds unpublished reports, so its table is for the body: see
  ``permissions.can_read_portfolio_snapshots``);
- **restricted**: everything, for those who read the body's papers (``Body.objects.readable_by``).

``document_source`` collects, as plain JSON data, everything one version shows; its SHA-256
(``source_hash``) is stored with the file, so the file is current exactly while the papers still give
that hash. The template renders from that data only (plus the snapshot's frozen rows, which its hash
in the data vouches for), so nothing reaches a PDF that the hash does not cover. The papers are always
in bokmål, the language they are written in, whatever the reader's language.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from veikart.core.pdf import render_pdf_document
from veikart.indicators.models import Indicator
from veikart.reporting.snapshot_models import PortfolioSnapshot, content_hash
from veikart.reporting.snapshots import frozen_items
from veikart.roadmap.models import RoadmapItem, render_markdown
from veikart.strategy.models import Goal, SubGoal

from .document_models import MeetingDocument, document_path
from .models import Body, Case, Meeting

logger = logging.getLogger(__name__)

# Raised when a template changes what a document shows, so every stored document is made again.
FORMAT = "veikart.meeting-document/1"
# The language the papers are written in, and so the language of the PDF.
PAPERS_LANGUAGE = "nb"

Kind = MeetingDocument.Kind
Audience = MeetingDocument.Audience

TEMPLATES = {Kind.PACK: "governance/pdf/pack.html", Kind.MINUTES: "governance/pdf/minutes.html"}


def kinds_of(meeting: Meeting) -> list[str]:
    """The documents ``meeting`` has: none while a draft, the pack once summoned, the minutes too once held."""
    if meeting.state == Meeting.State.DRAFT:
        return []
    if meeting.is_held:
        return [Kind.PACK, Kind.MINUTES]
    return [Kind.PACK]


def audience_for(user: Any, meeting: Meeting) -> str:
    """The version ``user`` gets: restricted for readers of the body's papers, else public."""
    if Body.objects.readable_by(user).filter(pk=meeting.body_id).exists():
        return Audience.RESTRICTED
    return Audience.PUBLIC


# --- The source: what one version shows, as plain data ----------------------------------------------


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _links(case: Case, public: bool) -> dict[str, list[str]]:
    """What the case concerns, as names; in the public version only what the public may see."""
    goals, sub_goals = Goal.objects.filter(cases=case), SubGoal.objects.filter(cases=case)
    items, indicators = RoadmapItem.objects.filter(cases=case), Indicator.objects.filter(cases=case)
    if public:
        goals, sub_goals = goals.published(), sub_goals.published()
        items, indicators = items.published(), indicators.published()
    return {
        "goals": [str(goal) for goal in goals.order_by("number")],
        "sub_goals": [f"{sub_goal.code} {sub_goal.title}" for sub_goal in sub_goals.order_by("code")],
        "roadmap_items": [item.title for item in items.order_by("title", "pk")],
        "indicators": [indicator.name for indicator in indicators.order_by("code")],
    }


def _case_source(case: Case, kind: str, audience: str) -> dict[str, Any]:
    papers = audience == Audience.RESTRICTED or not case.is_exempt
    data: dict[str, Any] = {
        "number": case.number,
        "year": case.year,
        "kind": case.kind,
        "standing": case.standing,
        "title": case.title if papers or case.title_is_public else None,
        "duration": case.duration_minutes,
        "is_exempt": case.is_exempt,
        "exemption_basis": case.exemption_basis if case.is_exempt else "",
        "papers": papers,
    }
    if not papers:
        return data
    data.update(
        background=case.background,
        proposed_decision=case.proposed_decision,
        attachments=[
            {"title": attachment.title, "size": attachment.size, "sha256": attachment.sha256}
            for attachment in case.attachments.order_by("pk")
        ],
        links=_links(case, public=audience == Audience.PUBLIC),
    )
    if kind == Kind.PACK:
        data["snapshots"] = [
            {
                "id": snapshot.pk,
                "title": snapshot.title,
                "taken_at": _iso(snapshot.taken_at),
                # The table comes from the frozen document, which this hash vouches for.
                "content_hash": snapshot.content_hash if audience == Audience.RESTRICTED else None,
            }
            for snapshot in case.snapshots.order_by("taken_at", "pk")
        ]
    if kind == Kind.MINUTES:
        decision = getattr(case, "decision", None)
        data["decision"] = None
        if decision is not None:
            data["decision"] = {
                "text": decision.text,
                "outcome": decision.outcome,
                "dissent": decision.dissent,
                "decided_on": _iso(decision.decided_on),
                "review_on": _iso(decision.review_on),
                # Whether an action is done goes on after the minutes are approved: not part of them.
                "follow_ups": [
                    {
                        "description": action.description,
                        "responsible": action.responsible.name,
                        "due": _iso(action.due_on),
                    }
                    for action in decision.follow_up_actions.select_related("responsible").order_by("due_on", "pk")
                ],
            }
    return data


def document_source(meeting: Meeting, kind: str, audience: str) -> dict[str, Any]:
    """Everything the ``audience`` version of ``meeting``'s ``kind`` shows, as JSON data.

    The audience itself is not part of it: when the two versions show the same (no exempt case, no
    snapshot table), their sources, hashes and files are the same.
    """
    cases = meeting.cases.select_related("decision").order_by("position", "number")
    with translation.override(PAPERS_LANGUAGE):
        body_name = meeting.body.name
    return {
        "format": FORMAT,
        "kind": kind,
        "meeting": {
            "label": meeting.label,
            "body": body_name,
            "body_short_name": meeting.body.short_name,
            "year": meeting.year,
            "number": meeting.number,
            "state": meeting.state,
            "starts_at": _iso(meeting.starts_at),
            "ends_at": _iso(meeting.ends_at),
            "place": meeting.place,
            "video_link": meeting.video_link,
            "minutes": meeting.minutes if kind == Kind.MINUTES else "",
            "minutes_approved_on": (
                _iso(timezone.localdate(meeting.minutes_approved_at))
                if kind == Kind.MINUTES and meeting.minutes_approved_at
                else None
            ),
        },
        "cases": [_case_source(case, kind, audience) for case in cases],
    }


def source_hash(source: dict[str, Any]) -> str:
    """SHA-256 (hex) of the source's canonical JSON (the one snapshots are hashed with)."""
    return content_hash(source)


# --- Rendering ---------------------------------------------------------------------------------------


def _markdown(text: str) -> SafeString:
    """Markdown as in the site, its headings moved one level down below the case's own (h3 → h4, h4 → h5)."""
    html = str(render_markdown(text))
    for level in (4, 3):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(f"</h{level}>", f"</h{level + 1}>")
    return mark_safe(html)  # render_markdown's sanitised HTML, only the tag names changed


def _date(value: str | None) -> datetime.date | datetime.datetime | None:
    if not value:
        return None
    return datetime.datetime.fromisoformat(value) if "T" in value else datetime.date.fromisoformat(value)


def _snapshot_table(frozen: dict[str, Any]) -> dict[str, Any]:
    """The frozen portfolio of a snapshot the restricted version shows: one row per item."""
    snapshot = PortfolioSnapshot.objects.filter(pk=frozen["id"], content_hash=frozen["content_hash"]).first()
    rows = []
    if snapshot is not None:
        for item in frozen_items(snapshot):
            report = item.data["report"] or {}
            rows.append(
                {
                    "title": item.data["title"],
                    "owners": ", ".join(item.data["owners"]),
                    "phase": item.data["phase"] or "",
                    "start_date": item.start_date,
                    "end_date": item.end_date,
                    "expected_end_date": item.expected_end_date,
                    "overall": (item.overall or {}).get("name", ""),
                    "period": report.get("period", ""),
                }
            )
    return {**frozen, "taken_at": _date(frozen["taken_at"]), "rows": rows, "found": snapshot is not None}


def _context(source: dict[str, Any]) -> dict[str, Any]:
    """The template's context: the source with its Markdown rendered, dates parsed and labels resolved."""
    meeting = dict(source["meeting"])
    for name in ("starts_at", "ends_at", "minutes_approved_on"):
        meeting[name] = _date(meeting[name])
    meeting["minutes_html"] = _markdown(meeting["minutes"])
    cases = []
    for data in source["cases"]:
        case = {**data, "kind_label": Case.Kind(data["kind"]).label}
        if data["papers"]:
            case["background_html"] = _markdown(data["background"])
            case["proposed_decision_html"] = _markdown(data["proposed_decision"])
            case["has_links"] = any(data["links"].values())
            case["snapshots"] = [
                _snapshot_table(frozen) if frozen["content_hash"] else {**frozen, "taken_at": _date(frozen["taken_at"])}
                for frozen in data.get("snapshots", [])
            ]
            decision = data.get("decision")
            if decision:
                case["decision"] = {
                    **decision,
                    "text_html": _markdown(decision["text"]),
                    "review_on": _date(decision["review_on"]),
                    "follow_ups": [{**action, "due": _date(action["due"])} for action in decision["follow_ups"]],
                }
        cases.append(case)
    kind, label = source["kind"], meeting["label"]
    if kind == Kind.PACK:
        title = translation.gettext("Summons %(meeting)s") % {"meeting": label}
    elif meeting["state"] == Meeting.State.MINUTES_APPROVED:
        title = translation.gettext("Minutes %(meeting)s") % {"meeting": label}
    else:
        title = translation.gettext("Draft minutes %(meeting)s") % {"meeting": label}
    return {
        "document_title": title,
        "document_language": PAPERS_LANGUAGE,
        "meeting": meeting,
        "cases": cases,
        "has_exempt_papers": any(case["is_exempt"] and case["papers"] for case in cases),
        "is_draft_minutes": kind == Kind.MINUTES and meeting["state"] != Meeting.State.MINUTES_APPROVED,
    }


def render_document(source: dict[str, Any]) -> tuple[bytes, int]:
    """The PDF of ``source`` (its bytes and page count), laid out in the papers' language."""
    with translation.override(PAPERS_LANGUAGE):
        rendered = render_pdf_document(TEMPLATES[source["kind"]], _context(source))
    return rendered.data, rendered.page_count


# --- Building and storing ---------------------------------------------------------------------------


def _file_exists(document: MeetingDocument) -> bool:
    return bool(document.file.name) and document.file.storage.exists(document.file.name)


def current_document(meeting: Meeting, kind: str, audience: str) -> MeetingDocument | None:
    """The stored document if it is current (made from the papers as they are now, its file present), else None.

    A stale document is never returned: the papers may since have been made exempt.
    """
    document = MeetingDocument.objects.filter(meeting=meeting, kind=kind, audience=audience).first()
    if document is None or kind not in kinds_of(meeting):
        return None
    if document.source_hash != source_hash(document_source(meeting, kind, audience)) or not _file_exists(document):
        return None
    return document


@dataclass
class BuildResult:
    """What ``meeting_documents_build`` did: the documents made, and how many were current already."""

    made: list[MeetingDocument]
    current: int


def meeting_documents_build(meeting_id: int, *, force: bool = False) -> BuildResult:
    """Make every document of the meeting that is missing or not current (all of them with ``force``).

    A version whose source is the same as another's just made shares its file, so it is laid out once.
    Documents a meeting no longer has (none do, as meetings only move on) are left alone. A meeting
    that no longer exists makes nothing.
    """
    result = BuildResult(made=[], current=0)
    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    if meeting is None:
        return result
    for kind in kinds_of(meeting):
        laid_out: dict[str, tuple[bytes, int]] = {}
        for audience in Audience.values:
            source = document_source(meeting, kind, audience)
            digest = source_hash(source)
            stored = MeetingDocument.objects.filter(meeting=meeting, kind=kind, audience=audience).first()
            if not force and stored is not None and stored.source_hash == digest and _file_exists(stored):
                result.current += 1
                continue
            if digest not in laid_out:
                laid_out[digest] = render_document(source)
            data, pages = laid_out[digest]
            result.made.append(_store(meeting, kind, audience, digest, data, pages))
    return result


def _store(meeting: Meeting, kind: str, audience: str, digest: str, data: bytes, pages: int) -> MeetingDocument:
    """Write the file under its content's hash (once, however many versions share it) and record it."""
    field = MeetingDocument._meta.get_field("file")
    document = MeetingDocument(meeting=meeting, kind=kind, audience=audience)
    name = document_path(document, f"{hashlib.sha256(data).hexdigest()}.pdf")
    if not field.storage.exists(name):
        name = field.storage.save(name, ContentFile(data))
    with transaction.atomic():
        previous = MeetingDocument.objects.select_for_update().filter(meeting=meeting, kind=kind, audience=audience)
        old_name = previous.values_list("file", flat=True).first()
        document, _created = MeetingDocument.objects.update_or_create(
            meeting=meeting,
            kind=kind,
            audience=audience,
            defaults={
                "file": name,
                "source_hash": digest,
                "generated_at": timezone.now(),
                "page_count": pages,
                "size": len(data),
            },
        )
    if old_name and old_name != name and not MeetingDocument.objects.filter(file=old_name).exists():
        field.storage.delete(old_name)
    logger.info("Made the %s %s of %s (%d pages, %d bytes)", audience, kind, meeting.label, pages, len(data))
    return document
