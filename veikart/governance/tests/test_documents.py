"""The meeting pack and minutes as PDFs: tagged, titled and bookmarked in bokmål; the public version
without an exempt case's papers; made again by the task worker when the papers change and only then;
served per viewer, never laid out in the request."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.core.cache import cache
from django.urls import reverse

from veikart.conftest import client_for, run_task_worker
from veikart.governance import documents, services
from veikart.governance.document_models import MeetingDocument
from veikart.governance.models import Meeting

EXEMPT_BACKGROUND = "Forhandlingsposisjonen er 42 millioner kroner."
OPEN_BACKGROUND = "Porteføljen har fått tre nye tiltak."

Kind, Audience = MeetingDocument.Kind, MeetingDocument.Audience


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()  # the views ask for a build once a minute per meeting


def _read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _outline(reader: pypdf.PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(entries) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(entry.title)

    walk(reader.outline)
    return titles


def _stored(meeting: Meeting, kind: str, audience: str) -> pypdf.PdfReader:
    document = MeetingDocument.objects.get(meeting=meeting, kind=kind, audience=audience)
    with document.file.open("rb") as file:
        return _read(file.read())


def _add(meeting, strategy_office, **fields) -> object:
    return services.add_case(meeting, services.CaseData(**fields), by=strategy_office)


@pytest.fixture
def summoned(nuit, make_meeting, strategy_office, django_capture_on_commit_callbacks):
    """A summoned NUIT meeting with an open case and an exempt one whose title is not public.

    Its changes are committed (as far as the test's transaction allows): their builds are enqueued,
    so a later change in the test enqueues its own.
    """
    with django_capture_on_commit_callbacks(execute=True):
        return _summoned(nuit, make_meeting, strategy_office)


def _summoned(nuit, make_meeting, strategy_office):
    meeting = make_meeting(nuit, days=7, state="draft")
    _add(
        meeting,
        strategy_office,
        title="Porteføljestatus",
        background=OPEN_BACKGROUND,
        proposed_decision="Tas til orientering.",
    )
    _add(
        meeting,
        strategy_office,
        title="Hemmelig forhandling",
        kind="discussion",
        background=EXEMPT_BACKGROUND,
        proposed_decision="NUIT drøfter saken.",
        is_exempt=True,
        exemption_basis="offl. § 23 første ledd",
        title_is_public=False,
    )
    return services.advance_meeting(meeting, "summoned", by=strategy_office)


def test_a_pack_is_tagged_with_title_language_and_a_bookmark_per_case(summoned):
    documents.meeting_documents_build(summoned.pk)
    for audience in Audience.values:
        reader = _stored(summoned, Kind.PACK, audience)
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert root["/Lang"] == "nb"
        assert reader.metadata.title == f"Innkalling {summoned.label}"
        outline = _outline(reader)
        for case in summoned.cases.all():
            assert any(title.startswith(f"Sak {case.number}/{case.year}") for title in outline), (audience, outline)


def test_the_public_pack_leaves_out_an_exempt_cases_papers_and_the_restricted_one_has_them(summoned):
    documents.meeting_documents_build(summoned.pk)
    public = _text(_stored(summoned, Kind.PACK, Audience.PUBLIC))
    restricted = _text(_stored(summoned, Kind.PACK, Audience.RESTRICTED))
    assert "Forhandlingsposisjonen" not in public and "Hemmelig forhandling" not in public
    assert "offl. § 23" in public and "Porteføljen har fått tre nye tiltak." in public
    assert "Forhandlingsposisjonen" in restricted and "Hemmelig forhandling" in restricted


def test_minutes_are_draft_until_approved_then_final(
    nuit, make_meeting, strategy_office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_meeting(nuit, days=-7, state="summoned")
        meeting = services.advance_meeting(meeting, "held", by=strategy_office)
        for case in meeting.cases.filter(kind="approval"):
            services.record_decision(case, services.DecisionData(text="Godkjent."), by=strategy_office)
    run_task_worker()
    draft = _stored(meeting, Kind.MINUTES, Audience.PUBLIC)
    assert draft.metadata.title == f"Utkast til protokoll {meeting.label}"
    assert "Godkjent." in _text(draft)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.advance_meeting(meeting, "minutes_approved", by=strategy_office)
    run_task_worker()
    final = _stored(meeting, Kind.MINUTES, Audience.PUBLIC)
    assert final.metadata.title == f"Protokoll {meeting.label}"
    assert "Utkast til protokoll" not in _text(final)


def test_a_change_to_the_papers_makes_the_documents_again_through_the_worker(
    summoned, strategy_office, django_capture_on_commit_callbacks
):
    documents.meeting_documents_build(summoned.pk)
    before = {(d.kind, d.audience): (d.source_hash, d.generated_at, d.file.name) for d in summoned.documents.all()}
    case = summoned.cases.get(is_exempt=False, title="Porteføljestatus")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.update_case(
            case,
            services.CaseData(
                title=case.title, background="Porteføljen har fått fire nye tiltak.", proposed_decision="Ok."
            ),
            by=strategy_office,
        )
    assert len(callbacks) == 1  # one build per meeting and transaction, however many rows changed
    run_task_worker()
    after = {(d.kind, d.audience): (d.source_hash, d.generated_at, d.file.name) for d in summoned.documents.all()}
    for key in before:
        assert after[key][0] != before[key][0] and after[key][2] != before[key][2]
    assert "fire nye tiltak" in _text(_stored(summoned, Kind.PACK, Audience.PUBLIC))


def test_without_a_change_nothing_is_made_again(summoned, django_capture_on_commit_callbacks):
    documents.meeting_documents_build(summoned.pk)
    before = {d.pk: d.generated_at for d in summoned.documents.all()}
    again = documents.meeting_documents_build(summoned.pk)
    assert again.made == [] and again.current == 2
    assert {d.pk: d.generated_at for d in summoned.documents.all()} == before


def test_an_exempt_change_leaves_the_public_pack_alone(summoned, strategy_office):
    documents.meeting_documents_build(summoned.pk)
    public_before = MeetingDocument.objects.get(meeting=summoned, kind=Kind.PACK, audience=Audience.PUBLIC)
    case = summoned.cases.get(is_exempt=True)
    services.update_case(
        case,
        services.CaseData(
            title=case.title,
            kind=case.kind,
            background="Ny posisjon.",
            proposed_decision=case.proposed_decision,
            is_exempt=True,
            exemption_basis=case.exemption_basis,
            title_is_public=False,
        ),
        by=strategy_office,
    )
    result = documents.meeting_documents_build(summoned.pk)
    assert [(d.kind, d.audience) for d in result.made] == [(Kind.PACK, Audience.RESTRICTED)]
    assert MeetingDocument.objects.get(pk=public_before.pk).generated_at == public_before.generated_at


def test_a_draft_meeting_has_no_documents_and_is_a_404_to_the_public(nuit, make_meeting, strategy_office, nuit_member):
    meeting = make_meeting(nuit, days=7, state="draft")
    assert documents.meeting_documents_build(meeting.pk).made == []
    url = reverse("governance:meeting-pack", kwargs={"body": "nuit", "year": meeting.year, "number": meeting.number})
    assert client_for(None).get(url).status_code == 404
    assert client_for(nuit_member).get(url).status_code == 404
    office = client_for(strategy_office).get(url)
    assert office.status_code == 404
    assert "Innkallingen lages når møtet er kalt inn." in office.content.decode()


def _url(meeting: Meeting, name: str = "governance:meeting-pack") -> str:
    return reverse(name, kwargs={"body": meeting.body.slug, "year": meeting.year, "number": meeting.number})


def _served_text(response) -> str:
    return _text(_read(b"".join(response.streaming_content)))


def test_each_viewer_gets_their_version(summoned, strategy_office, nuit_member, nufa_member, owner_editor):
    documents.meeting_documents_build(summoned.pk)
    for user, sees_exempt in (
        (None, False),
        (owner_editor, False),
        (nufa_member, False),
        (nuit_member, True),
        (strategy_office, True),
    ):
        response = client_for(user).get(_url(summoned))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            f'inline; filename="innkalling-nuit-{summoned.number}-{summoned.year}.pdf"'
        )
        assert "private" in response["Cache-Control"] and "Cookie" in response["Vary"]
        assert ("Forhandlingsposisjonen" in _served_text(response)) is sees_exempt, user


def test_a_document_not_made_yet_gets_a_page_and_a_build_never_a_render(summoned, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client_for(None).get(_url(summoned))
    assert response.status_code == 202 and response["Retry-After"] == "30"
    assert "PDF-en lages nå" in response.content.decode()
    assert not MeetingDocument.objects.exists()
    assert len(callbacks) == 1
    run_task_worker()
    assert client_for(None).get(_url(summoned))["Content-Type"] == "application/pdf"


def test_a_stale_document_is_never_served(summoned, strategy_office):
    """A case made exempt after the pack was made: its papers must not go out in the old public file."""
    documents.meeting_documents_build(summoned.pk)
    case = summoned.cases.get(title="Porteføljestatus")
    services.update_case(
        case,
        services.CaseData(title=case.title, background=OPEN_BACKGROUND, is_exempt=True, exemption_basis="offl. § 14"),
        by=strategy_office,
    )
    assert client_for(None).get(_url(summoned)).status_code == 202


def test_the_minutes_of_a_meeting_not_held_are_a_404(summoned):
    assert client_for(None).get(_url(summoned, "governance:meeting-minutes")).status_code == 404


def test_the_pending_page_speaks_the_readers_language(summoned):
    response = client_for(None).get("/nn" + _url(summoned))
    assert response.status_code == 202
    assert "PDF-en blir laga no" in response.content.decode()
