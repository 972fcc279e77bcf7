"""The demo's meetings get their pack and minutes from the real task worker, and the exemption boundary
holds in them: NUIT's exempt case 4/2026 is in the restricted pack only, and a NUFA member gets the
public version of NUIT's papers."""

from __future__ import annotations

import datetime
import io

import pypdf
import pytest
from django.core.management import call_command
from django.urls import reverse

from veikart.accounts.models import User
from veikart.conftest import client_for, run_task_worker
from veikart.governance import documents
from veikart.governance.document_models import MeetingDocument
from veikart.governance.models import Body, Meeting, Membership

from .test_documents import _outline

EXEMPT_BACKGROUND = "Underlaget inneholder forhandlingsposisjoner"
EXEMPT_TITLE = "Forhandlingsposisjon i anskaffelse"

Kind, Audience = MeetingDocument.Kind, MeetingDocument.Audience


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _served(user, meeting: Meeting) -> bytes:
    url = reverse(
        "governance:meeting-pack", kwargs={"body": meeting.body.slug, "year": meeting.year, "number": meeting.number}
    )
    response = client_for(user).get(url)
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_the_worker_makes_every_demo_meetings_papers_and_the_boundary_holds(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("governance_documents", "--enqueue", verbosity=0)
    assert run_task_worker() == Meeting.objects.public().count()

    for meeting in Meeting.objects.public().select_related("body"):
        for kind in documents.kinds_of(meeting):
            for audience in Audience.values:
                document = documents.current_document(meeting, kind, audience)
                assert document is not None, (meeting.label, kind, audience)
                with document.file.open("rb") as file:
                    reader = pypdf.PdfReader(file)
                    root = reader.trailer["/Root"]
                    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
                    assert root["/Lang"] == "nb"
                    outline = _outline(reader)
                    for case in meeting.cases.all():
                        assert any(title.startswith(f"Sak {case.number}/{case.year}") for title in outline)
                assert document.page_count >= 1 and document.size > 0

    nuit_1 = Meeting.objects.get(body__slug="nuit", year=2026, number=1)
    nufa = Body.objects.get(slug="nufa")
    nufa_member = User.objects.create(username="nufa-demo-test", role=User.Role.BODY_MEMBER)
    Membership.objects.create(body=nufa, person_name="NUFA-medlem", user=nufa_member, starts=datetime.date(2024, 1, 1))
    nuit_member = User.objects.get(username="nuit-medlem")
    for user in (None, nufa_member):
        public = _text(_served(user, nuit_1))
        assert EXEMPT_BACKGROUND not in public and EXEMPT_TITLE not in public
        assert "offl. § 23" in public
    for user in (nuit_member, User.objects.get(username="strategikontor")):
        restricted = _text(_served(user, nuit_1))
        assert EXEMPT_BACKGROUND in restricted and EXEMPT_TITLE in restricted

    # The cited snapshot's portfolio table is in the body's version only (a snapshot holds unpublished reports).
    nuit_4 = Meeting.objects.get(body__slug="nuit", year=2026, number=4)
    assert "Porteføljen i øyeblikksbildet" in _text(_served(nuit_member, nuit_4))
    public_4 = _text(_served(None, nuit_4))
    assert "Porteføljen i øyeblikksbildet" not in public_4 and "Til NUIT-møte 4/2026" in public_4

    # Once made, the demo's papers are current: a second run makes nothing.
    again = [documents.meeting_documents_build(meeting.pk) for meeting in Meeting.objects.public()]
    assert all(result.made == [] for result in again)
