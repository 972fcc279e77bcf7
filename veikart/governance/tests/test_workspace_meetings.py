"""The strategy office's governance workspace through its pages: who may do what, bad input refused
with the form re-shown as typed, a locked meeting refusing every change, attachments checked as PDFs
and served only to those who read the case's papers."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from veikart.conftest import client_for
from veikart.governance import services
from veikart.governance.models import Attachment, Body, Case, Decision, FollowUpAction, Meeting, Membership
from veikart.governance.services import CaseData, DecisionData

pytestmark = pytest.mark.django_db


def pdf_bytes(text: str = "Saksdokument") -> bytes:
    """A small, well-formed PDF document (header, objects, a cross-reference table and its trailer)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def url(name: str, *args) -> str:
    return reverse(f"ws-governance:{name}", args=args)


@pytest.fixture
def office(strategy_office):
    return client_for(strategy_office)


# --- Permission boundaries --------------------------------------------------------------------------


def _writes(meeting: Meeting, case: Case, body: Body) -> list[tuple[str, dict]]:
    return [
        (url("meeting-create"), {"body": body.pk, "date": "2030-01-10", "starts": "10:00"}),
        (url("meeting-edit", meeting.pk), {"date": "2030-01-10", "starts": "10:00"}),
        (url("meeting-move", meeting.pk, "summoned"), {}),
        (url("minutes-edit", meeting.pk), {"minutes": "Til stede: alle."}),
        (url("case-create", meeting.pk), {"kind": "information", "title": "Ny sak"}),
        (url("case-edit", case.pk), {"kind": "information", "title": "Endret"}),
        (url("case-remove", case.pk), {}),
        (url("case-move", case.pk), {"direction": "down"}),
        (url("attachment-add", case.pk), {"title": "Vedlegg"}),
        (url("decision-edit", case.pk), {"text": "Vedtatt.", "outcome": "unanimous"}),
        (url("follow-up-create", case.pk), {"description": "Gjør noe", "due_on": "2030-01-01"}),
        (url("body-edit", body.slug), {"name": "Nytt navn"}),
        (url("membership-add", body.slug), {"person_name": "Ny", "position": "member", "starts": "2026-01-01"}),
    ]


@pytest.mark.parametrize("persona", ["owner_editor", "nuit_member", "outsider"])
def test_only_the_strategy_office_changes_anything_in_the_governance_workspace(request, persona, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    case = meeting.cases.first()
    client = client_for(request.getfixturevalue(persona))
    before = (Meeting.objects.count(), Case.objects.count(), list(Case.objects.values_list("title", "position")))
    for address, data in _writes(meeting, case, nuit):
        assert client.post(address, data).status_code in (403, 404), address
    after = (Meeting.objects.count(), Case.objects.count(), list(Case.objects.values_list("title", "position")))
    assert after == before
    assert Body.objects.get(pk=nuit.pk).name == "Prioriteringsutvalget"


def test_an_anonymous_visitor_is_sent_to_log_in_for_every_workspace_write(anonymous_client, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    case = meeting.cases.first()
    for address, data in _writes(meeting, case, nuit):
        response = anonymous_client.post(address, data)
        assert response.status_code == 302 and "/konto/" in response["Location"], address
    assert Case.objects.filter(title="Ny sak").count() == 0


def test_the_strategy_office_opens_every_page(office, nuit, make_meeting, owner_editor):
    meeting = make_meeting(nuit, state="held")
    case = meeting.cases.first()
    for address in [
        url("meeting-list"),
        url("meeting-create"),
        url("meeting", meeting.pk),
        url("meeting-edit", meeting.pk),
        url("minutes-edit", meeting.pk),
        url("meeting-move", meeting.pk, "minutes_approved"),
        url("case-create", meeting.pk),
        url("case", case.pk),
        url("case-edit", case.pk),
        url("attachment-add", case.pk),
        url("decision-edit", case.pk),
        url("body-list"),
        url("body", nuit.slug),
        url("body-edit", nuit.slug),
        url("membership-add", nuit.slug),
        url("follow-up-list"),
    ]:
        assert office.get(address).status_code == 200, address


def test_a_body_member_reads_the_meetings_of_their_own_body_only(nuit, nufa, nuit_member, make_meeting):
    own = make_meeting(nuit, days=5, state="summoned")
    draft = make_meeting(nuit, days=6)
    other = make_meeting(nufa, days=5, state="summoned")
    client = client_for(nuit_member)
    listing = client.get(url("meeting-list")).content.decode()
    assert own.label in listing and other.label not in listing and draft.label not in listing
    assert client.get(url("meeting", own.pk)).status_code == 200
    assert client.get(url("case", own.cases.first().pk)).status_code == 200
    assert client.get(url("meeting", other.pk)).status_code == 404
    assert client.get(url("meeting", draft.pk)).status_code == 404
    assert client.get(url("case", other.cases.first().pk)).status_code == 404


def test_an_owner_editor_has_no_meeting_pages(owner_editor, nuit, make_meeting):
    meeting = make_meeting(nuit, days=5, state="summoned")
    client = client_for(owner_editor)
    assert client.get(url("meeting-list")).status_code == 403
    assert client.get(url("meeting", meeting.pk)).status_code == 403
    assert client.get(url("body-list")).status_code == 403


def test_a_body_member_sees_the_exempt_papers_of_their_own_body_and_not_of_another(
    strategy_office, nuit, nufa, nuit_member, nufa_member, make_meeting
):
    meeting = make_meeting(nuit, days=5)
    exempt = services.add_case(
        meeting,
        CaseData(
            title="Hemmelig anskaffelse",
            background="Prisene er 42 mill.",
            is_exempt=True,
            exemption_basis="offl. § 23",
            title_is_public=False,
        ),
        by=strategy_office,
    )
    services.advance_meeting(meeting, "summoned", by=strategy_office)
    own = client_for(nuit_member).get(url("case", exempt.pk)).content.decode()
    assert "Prisene er 42 mill." in own and "Hemmelig anskaffelse" in own
    # A NUFA member does not follow NUIT's meetings in the workspace at all.
    assert client_for(nufa_member).get(url("case", exempt.pk)).status_code == 404


# --- Meetings, states and bad input ---------------------------------------------------------------


def test_the_office_creates_a_meeting_with_the_standing_items(office, nuit):
    response = office.post(
        url("meeting-create"),
        {"body": nuit.pk, "date": "2030-03-05", "starts": "10:00", "ends": "12:00", "place": "Oslo"},
    )
    meeting = Meeting.objects.get(body=nuit, year=2030)
    assert response.status_code == 302 and response["Location"] == url("meeting", meeting.pk)
    assert meeting.number == 1 and meeting.place == "Oslo" and meeting.state == "draft"
    assert list(meeting.cases.values_list("standing", flat=True)) == ["agenda", "portfolio"]


def test_a_meeting_that_ends_before_it_starts_is_refused_with_what_was_typed_kept(office, nuit):
    response = office.post(
        url("meeting-create"),
        {"body": nuit.pk, "date": "2030-03-05", "starts": "12:00", "ends": "10:00", "place": "Bergen sentrum"},
    )
    assert response.status_code == 200 and "ends" in response.context["form"].errors
    assert 'value="Bergen sentrum"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_taken_meeting_number_is_refused(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    response = office.post(
        url("meeting-create"),
        {
            "body": nuit.pk,
            "date": timezone.localtime(meeting.starts_at).date().isoformat(),
            "starts": "09:00",
            "number": meeting.number,
            "place": "Trondheim",
        },
    )
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert 'value="Trondheim"' in response.content.decode()


def test_the_office_moves_a_meeting_through_its_states_after_confirming(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=-1)
    confirm = office.get(url("meeting-move", meeting.pk, "summoned"))
    assert confirm.status_code == 200 and Meeting.objects.get(pk=meeting.pk).state == "draft"
    assert 'name="csrfmiddlewaretoken"' in confirm.content.decode()
    office.post(url("meeting-move", meeting.pk, "summoned"))
    office.post(url("meeting-move", meeting.pk, "held"))
    assert Meeting.objects.get(pk=meeting.pk).state == "held"
    # Approval needs a decision on every case for approval: refused with a message, nothing moves.
    response = office.post(url("meeting-move", meeting.pk, "minutes_approved"), follow=True)
    assert Meeting.objects.get(pk=meeting.pk).state == "held"
    assert "Case" in response.content.decode() or "Sak" in response.content.decode()
    for case in meeting.cases.filter(kind="approval"):
        office.post(url("decision-edit", case.pk), {"text": "Godkjent.", "outcome": "unanimous"})
    office.post(url("meeting-move", meeting.pk, "minutes_approved"))
    assert Meeting.objects.get(pk=meeting.pk).is_locked


def test_a_move_out_of_order_is_refused(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    assert office.get(url("meeting-move", meeting.pk, "held")).status_code == 302
    office.post(url("meeting-move", meeting.pk, "held"))
    assert Meeting.objects.get(pk=meeting.pk).state == "draft"
    assert office.get(url("meeting-move", meeting.pk, "nonsense")).status_code == 404


def test_state_changes_are_post_only(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    case = meeting.cases.first()
    assert office.get(url("case-move", case.pk)).status_code == 405


# --- Cases --------------------------------------------------------------------------------------------


def test_a_taken_case_number_is_refused_on_the_number_with_the_case_kept(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    response = office.post(
        url("case-create", meeting.pk),
        {"number": 1, "kind": "approval", "title": "Veikart 2027", "background": "Lang bakgrunn."},
    )
    assert response.status_code == 200 and "number" in response.context["form"].errors
    page = response.content.decode()
    assert 'value="Veikart 2027"' in page and "Lang bakgrunn." in page
    assert not Case.objects.filter(title="Veikart 2027").exists()


def test_the_office_adds_a_case_with_links_and_an_exemption(office, nuit, make_meeting, demo_links):
    goal, item = demo_links
    meeting = make_meeting(nuit, days=3)
    response = office.post(
        url("case-create", meeting.pk),
        {
            "number": 14,
            "kind": "approval",
            "title": "Anskaffelse",
            "proposed_decision": "NUIT tilrår.",
            "duration_minutes": 20,
            "is_exempt": "on",
            "exemption_basis": "offl. § 23",
            "goals": [goal.pk],
            "roadmap_items": [item.pk],
        },
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    case = Case.objects.get(title="Anskaffelse")
    assert case.number == 14 and case.is_exempt and case.exemption_basis == "offl. § 23"
    assert list(case.goals.all()) == [goal] and list(case.roadmap_items.all()) == [item]
    # An exempt case without its legal basis is refused, the rest kept.
    response = office.post(url("case-edit", case.pk), {"kind": "approval", "title": "Anskaffelse 2", "is_exempt": "on"})
    assert "exemption_basis" in response.context["form"].errors and 'value="Anskaffelse 2"' in response.content.decode()


@pytest.fixture
def demo_links(db):
    from veikart.roadmap.models import RoadmapItem
    from veikart.strategy.models import Goal, Strategy, SubGoal

    strategy = Strategy.objects.create(
        title="Strategi", slug="strategi", period_start=2024, period_end=2030, status="adopted"
    )
    goal = Goal.objects.create(strategy=strategy, number=1, title="Mål")
    sub_goal = SubGoal.objects.create(strategy=strategy, goal=goal, code="1.1", title="Delmål")
    item = RoadmapItem.objects.create(title="Tiltak", sub_goal=sub_goal)
    return goal, item


def test_cases_are_reordered_up_and_down(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    first, second = meeting.cases.order_by("position")
    office.post(url("case-move", second.pk), {"direction": "up"})
    assert list(meeting.cases.order_by("position").values_list("pk", flat=True)) == [second.pk, first.pk]


def test_a_case_is_removed_after_confirming(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    case = meeting.cases.last()
    assert office.get(url("case-remove", case.pk)).status_code == 200 and Case.objects.filter(pk=case.pk).exists()
    office.post(url("case-remove", case.pk))
    assert not Case.objects.filter(pk=case.pk).exists()


# --- Attachments ----------------------------------------------------------------------------------


def _attach(office, case, name="notat.pdf", content=None):
    return office.post(url("attachment-add", case.pk), {"title": "Notat", "file": upload(name, content or pdf_bytes())})


def test_a_pdf_is_stored_under_a_hashed_name_and_served_with_a_safe_file_name(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    case = meeting.cases.first()
    response = _attach(office, case, name='../../etc/"notat"\r\n.pdf')
    assert response.status_code == 302
    attachment = Attachment.objects.get(case=case)
    assert attachment.file.name.startswith(f"governance/nuit/{meeting.year}/{attachment.sha256}")
    download = office.get(url("attachment", attachment.pk))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    disposition = download["Content-Disposition"]
    assert "/" not in disposition and "\r" not in disposition and "\n" not in disposition
    assert b"".join(download.streaming_content) == pdf_bytes()


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04 a workbook renamed .pdf" + b"x" * 100,
        b"Just some text, renamed .pdf",
        pdf_bytes()[:200],  # a truncated download: the header without the trailer
        b"",
    ],
    ids=["workbook", "text", "truncated", "empty"],
)
def test_a_file_that_is_not_a_readable_pdf_is_refused_whatever_its_name(office, nuit, make_meeting, content):
    meeting = make_meeting(nuit, days=3)
    case = meeting.cases.first()
    response = (
        _attach(office, case, content=content)
        if content
        else office.post(url("attachment-add", case.pk), {"title": "Notat", "file": upload("tom.pdf", b"")})
    )
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert 'value="Notat"' in response.content.decode()
    assert not Attachment.objects.exists()


def test_an_attachment_larger_than_the_upload_limit_is_refused(office, nuit, make_meeting, settings):
    settings.EXCHANGE_MAX_UPLOAD_BYTES = 100
    meeting = make_meeting(nuit, days=3)
    response = _attach(office, meeting.cases.first())
    assert "file" in response.context["form"].errors and not Attachment.objects.exists()


def test_an_error_is_in_the_pages_language(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3)
    response = office.post(
        "/en" + url("attachment-add", meeting.cases.first().pk), {"title": "Notat", "file": upload("x.pdf", b"hello")}
    )
    assert "The file is not a PDF document" in response.content.decode()


def test_a_nufa_member_cannot_download_nuits_exempt_attachment(
    office, strategy_office, nuit, nuit_member, nufa_member, anonymous_client, make_meeting
):
    meeting = make_meeting(nuit, days=3)
    exempt = services.add_case(
        meeting, CaseData(title="Unntatt", is_exempt=True, exemption_basis="offl. § 14"), by=strategy_office
    )
    public = meeting.cases.first()
    _attach(office, exempt)
    _attach(office, public, content=pdf_bytes("Offentlig"))
    secret, open_ = Attachment.objects.get(case=exempt), Attachment.objects.get(case=public)
    # A draft meeting: nobody but the office reads its papers.
    assert anonymous_client.get(url("attachment", open_.pk)).status_code == 404
    assert client_for(nuit_member).get(url("attachment", open_.pk)).status_code == 404
    services.advance_meeting(meeting, "summoned", by=strategy_office)
    assert client_for(nufa_member).get(url("attachment", secret.pk)).status_code == 404
    assert anonymous_client.get(url("attachment", secret.pk)).status_code == 404
    assert client_for(nuit_member).get(url("attachment", secret.pk)).status_code == 200
    assert anonymous_client.get(url("attachment", open_.pk)).status_code == 200
    assert client_for(nufa_member).get(url("attachment", open_.pk)).status_code == 200


def test_an_attachment_is_removed_before_approval(office, nuit, make_meeting, django_capture_on_commit_callbacks):
    meeting = make_meeting(nuit, days=3)
    case = meeting.cases.first()
    _attach(office, case)
    attachment = Attachment.objects.get()
    path = Path(attachment.file.path)
    assert office.get(url("attachment-remove", attachment.pk)).status_code == 200 and path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        office.post(url("attachment-remove", attachment.pk))
    assert not Attachment.objects.exists() and not path.exists()


# --- Decisions, minutes, the lock -----------------------------------------------------------------


def test_a_decision_on_a_meeting_not_held_is_refused_with_the_text_kept(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=3, state="summoned")
    case = meeting.cases.first()
    assert office.get(url("decision-edit", case.pk)).status_code == 302
    response = office.post(url("decision-edit", case.pk), {"text": "Vedtatt som foreslått.", "outcome": "unanimous"})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert "Vedtatt som foreslått." in response.content.decode()
    assert not Decision.objects.exists()


def test_a_decision_with_dissent_needs_the_dissent_and_a_review_date_not_before_it(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=-3, state="held")
    case = meeting.cases.first()
    response = office.post(url("decision-edit", case.pk), {"text": "Vedtatt.", "outcome": "dissent"})
    assert "dissent" in response.context["form"].errors
    response = office.post(
        url("decision-edit", case.pk),
        {"text": "Vedtatt.", "outcome": "dissent", "dissent": "NHN stemte mot.", "review_on": "2000-01-01"},
    )
    assert response.context["form"].non_field_errors() and "NHN stemte mot." in response.content.decode()
    office.post(
        url("decision-edit", case.pk),
        {"text": "Vedtatt.", "outcome": "dissent", "dissent": "NHN stemte mot.", "review_on": "2099-01-01"},
    )
    decision = Decision.objects.get(case=case)
    assert decision.dissent == "NHN stemte mot." and decision.review_on == datetime.date(2099, 1, 1)


def test_minutes_are_written_once_held_and_refused_after_approval(office, nuit, make_meeting):
    meeting = make_meeting(nuit, days=-3, state="held")
    office.post(url("minutes-edit", meeting.pk), {"minutes": "Til stede: alle."})
    assert Meeting.objects.get(pk=meeting.pk).minutes == "Til stede: alle."
    locked = make_meeting(nuit, days=-2, state="minutes_approved")
    response = office.post(url("minutes-edit", locked.pk), {"minutes": "Endret etterpå."})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert "Endret etterpå." in response.content.decode()
    assert Meeting.objects.get(pk=locked.pk).minutes == ""


def test_a_locked_meeting_refuses_every_change_through_the_views(
    office, strategy_office, nuit, make_meeting, organisation
):
    meeting = make_meeting(nuit, days=-3, state="held")
    case = meeting.cases.filter(kind="approval").first()
    services.record_decision(case, DecisionData(text="Godkjent."), by=strategy_office)
    _attach(office, case)
    attachment = Attachment.objects.get()
    make = meeting  # approve the minutes
    for other in meeting.cases.filter(kind="approval", decision__isnull=True):
        services.record_decision(other, DecisionData(text="Godkjent."), by=strategy_office)
    services.advance_meeting(make, "minutes_approved", by=strategy_office)
    snapshot = (
        list(Case.objects.values_list("pk", "title", "position")),
        Decision.objects.get(case=case).text,
        Attachment.objects.count(),
        FollowUpAction.objects.count(),
        Meeting.objects.get(pk=meeting.pk).place,
    )
    date = timezone.localtime(meeting.starts_at).date().isoformat()
    for address, data in [
        (url("meeting-edit", meeting.pk), {"date": date, "starts": "09:00", "place": "Ny"}),
        (url("minutes-edit", meeting.pk), {"minutes": "Ny"}),
        (url("case-create", meeting.pk), {"kind": "information", "title": "Ny sak"}),
        (url("case-edit", case.pk), {"kind": "information", "title": "Endret"}),
        (url("case-remove", case.pk), {}),
        (url("case-move", case.pk), {"direction": "down"}),
        (url("attachment-add", case.pk), {"title": "Nytt", "file": upload("n.pdf", pdf_bytes("Ny"))}),
        (url("attachment-remove", attachment.pk), {}),
        (url("decision-edit", case.pk), {"text": "Endret vedtak.", "outcome": "unanimous"}),
        (
            url("follow-up-create", case.pk),
            {"description": "Ny", "responsible": organisation.pk, "due_on": "2099-01-01"},
        ),
    ]:
        response = office.post(address, data)
        assert response.status_code in (200, 302), address
        if response.status_code == 200:
            assert response.context["form"].errors, address
    assert snapshot == (
        list(Case.objects.values_list("pk", "title", "position")),
        Decision.objects.get(case=case).text,
        Attachment.objects.count(),
        FollowUpAction.objects.count(),
        Meeting.objects.get(pk=meeting.pk).place,
    )
    # The forms are not even offered: their pages lead back to the meeting, which says it is read-only.
    assert office.get(url("case-edit", case.pk)).status_code == 302
    page = office.get(url("meeting", meeting.pk)).content.decode()
    assert url("case-edit", case.pk) not in page and url("case-create", meeting.pk) not in page


# --- Follow-up actions and start pages ------------------------------------------------------------


@pytest.fixture
def action(strategy_office, nuit, make_meeting, organisation):
    meeting = make_meeting(nuit, days=-40, state="held")
    case = meeting.cases.first()
    decision = services.record_decision(case, DecisionData(text="Godkjent."), by=strategy_office)
    return services.add_follow_up(
        decision,
        description="Lever plan for realisering",
        responsible=organisation,
        due_on=timezone.localdate() - datetime.timedelta(days=2),
        by=strategy_office,
    )


def test_the_office_adds_a_follow_up_action_and_a_due_date_before_the_decision_is_refused(office, action, organisation):
    case = action.decision.case
    response = office.post(
        url("follow-up-create", case.pk),
        {"description": "For tidlig", "responsible": organisation.pk, "due_on": "2000-01-01"},
    )
    assert response.context["form"].non_field_errors() and 'value="For tidlig"' in response.content.decode()
    office.post(
        url("follow-up-create", case.pk),
        {"description": "Rapporter", "responsible": organisation.pk, "due_on": "2099-01-01"},
    )
    assert FollowUpAction.objects.filter(description="Rapporter").exists()


def test_the_start_pages_show_the_overdue_follow_up_actions(action, strategy_office, owner_editor, other_owner_editor):
    for user in (strategy_office, owner_editor):
        page = client_for(user).get(reverse("workspace:start")).content.decode()
        assert "Lever plan for realisering" in page, user
    assert (
        "Lever plan for realisering"
        not in client_for(other_owner_editor).get(reverse("workspace:start")).content.decode()
    )


def test_an_owner_editor_of_the_responsible_organisation_marks_an_action_done(
    action, owner_editor, other_owner_editor, body_member
):
    assert client_for(other_owner_editor).post(url("follow-up-done", action.pk)).status_code == 404
    assert client_for(body_member).post(url("follow-up-done", action.pk)).status_code == 403
    assert FollowUpAction.objects.get(pk=action.pk).done_on is None
    client = client_for(owner_editor)
    assert client.get(url("follow-up-done", action.pk)).status_code == 200
    client.post(url("follow-up-done", action.pk))
    assert FollowUpAction.objects.get(pk=action.pk).done_on == timezone.localdate()


def test_a_body_member_sees_the_coming_meetings_of_their_bodies_on_the_start_page(
    nuit, nufa, nuit_member, make_meeting
):
    own = make_meeting(nuit, days=10, state="summoned")
    other = make_meeting(nufa, days=10, state="summoned")
    page = client_for(nuit_member).get(reverse("workspace:start")).content.decode()
    assert own.label in page and url("meeting", own.pk) in page and other.label not in page


# --- Bodies and memberships -----------------------------------------------------------------------


def test_the_office_edits_a_bodys_name_and_mandate_in_three_languages(office, nuit):
    page = office.get(url("body-edit", nuit.slug)).content.decode()
    assert 'name="mandate_nn"' in page and 'name="mandate_en"' in page
    office.post(
        url("body-edit", nuit.slug),
        {
            "name": "Prioriteringsutvalet",
            "name_nn": "Prioriteringsutvalet",
            "name_en": "Prioritisation committee",
            "mandate": "Følger opp porteføljen.",
            "mandate_nn": "",
            "mandate_en": "Follows up the portfolio.",
        },
    )
    body = Body.objects.get(pk=nuit.pk)
    assert body.name_en == "Prioritisation committee" and body.mandate_en == "Follows up the portfolio."


def test_a_membership_that_ends_before_it_starts_is_refused_with_what_was_typed_kept(office, nuit, nuit_member):
    response = office.post(
        url("membership-add", nuit.slug),
        {"person_name": "Kari Nordmann", "position": "chair", "starts": "2026-05-01", "ends": "2026-01-01"},
    )
    assert "ends" in response.context["form"].errors and 'value="Kari Nordmann"' in response.content.decode()
    office.post(
        url("membership-add", nuit.slug),
        {"person_name": "Kari Nordmann", "position": "chair", "starts": "2026-01-01", "user": nuit_member.pk},
    )
    membership = Membership.objects.get(person_name="Kari Nordmann")
    assert membership.position == "chair" and membership.user == nuit_member
    response = office.post(url("membership-end", membership.pk), {"ends": "2025-01-01"})
    assert "ends" in response.context["form"].errors
    office.post(url("membership-end", membership.pk), {"ends": "2026-06-30"})
    assert Membership.objects.get(pk=membership.pk).ends == datetime.date(2026, 6, 30)


def test_ending_a_membership_ends_reading_the_bodys_papers(office, nuit, nuit_member, make_meeting):
    meeting = make_meeting(nuit, days=5, state="summoned")
    client = client_for(nuit_member)
    assert client.get(url("meeting", meeting.pk)).status_code == 200
    membership = Membership.objects.get(user=nuit_member)
    office.post(
        url("membership-end", membership.pk), {"ends": (timezone.localdate() - datetime.timedelta(days=1)).isoformat()}
    )
    assert client.get(url("meeting", meeting.pk)).status_code == 404
