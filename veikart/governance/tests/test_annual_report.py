"""The annual report: the demo's published 2025 report, the frozen content, the draft boundary, the
workflow's refusals, the workspace pages by role and the PDF's structure."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from veikart.conftest import client_for, run_task_worker
from veikart.governance import report_services
from veikart.governance.models import Body, Case, Decision
from veikart.governance.report_models import AnnualReport, AnnualReportRendering, GoalNarrative, ReportFrozen
from veikart.governance.report_pdf import annual_report_pdf_bytes, pdf_path
from veikart.governance.report_rendering import annual_report_pages
from veikart.governance.services import Refused
from veikart.indicators.models import Indicator
from veikart.reporting.snapshot_models import PortfolioSnapshot, content_hash
from veikart.strategy.models import Goal, Strategy

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(demo) -> AnnualReport:
    return AnnualReport.objects.get(year=2025)


@pytest.fixture
def draft(demo, strategy_office) -> AnnualReport:
    strategy = Strategy.objects.get(slug="e-helsestrategi-2023-2030")
    snapshot = PortfolioSnapshot.objects.get(title="Til NUIT-møte 1/2026")
    return report_services.annual_report_create(strategy=strategy, year=2024, snapshot=snapshot, by=strategy_office)


def _url(year: int) -> str:
    # Written out: ``reverse`` would follow the language the previous request left active.
    return f"/styring/arsrapport/{year}/"


def test_the_demo_report_for_2025_is_published_approved_by_a_council_case_with_a_narrative_per_goal(published):
    assert published.is_published and published.hash_matches
    assert published.approved_by_case.body.kind == Body.Kind.COUNCIL
    assert published.approved_by_case.decision
    goals = published.content["goals"]
    assert [goal["number"] for goal in goals] == [1, 2, 3, 4, 5]
    assert all(goal["narrative"]["text"] for goal in goals)
    assert goals[0]["narrative"]["text_nn"] and goals[0]["narrative"]["text_en"]
    assert any(goal["indicators"] for goal in goals)
    assert sum(goal["portfolio"]["total"] for goal in goals) > 0


def test_the_public_reads_the_published_report_in_every_language(published, anonymous_client):
    for prefix, word in (("", "Årsrapport 2025"), ("/nn", "Årsrapport 2025"), ("/en", "Annual report 2025")):
        response = anonymous_client.get(prefix + _url(2025))
        assert response.status_code == 200, prefix
        text = response.content.decode()
        assert word in text
        assert "Preview, not published" not in text and "Førehandsvising" not in text
    english = anonymous_client.get("/en" + _url(2025)).content.decode()
    assert "Use of digital services for citizens grew in 2025" in english
    assert "<figure" in english and "<table" in english
    listing = anonymous_client.get(reverse("governance:annual-report-list")).content.decode()
    assert _url(2025) in listing


def test_a_published_report_refuses_every_write(published, strategy_office):
    published.state = AnnualReport.State.DRAFT
    with pytest.raises(ReportFrozen):
        published.save()
    with pytest.raises(ReportFrozen):
        AnnualReport.objects.filter(pk=published.pk).update(state="draft")
    with pytest.raises(ReportFrozen):
        AnnualReport.objects.get(pk=published.pk).delete()
    with pytest.raises(ReportFrozen):
        AnnualReport.objects.filter(pk=published.pk).delete()
    narrative = GoalNarrative.objects.filter(report=published).first()
    narrative.text = "Endret"
    with pytest.raises(ReportFrozen):
        narrative.save()
    with pytest.raises(ReportFrozen):
        GoalNarrative.objects.filter(report=published).update(text="Endret")
    with pytest.raises(Refused):
        report_services.goal_narrative_save(
            report=AnnualReport.objects.get(pk=published.pk), goal=narrative.goal, text="Endret", by=strategy_office
        )
    assert AnnualReport.objects.get(pk=published.pk).hash_matches


def test_later_changes_to_the_data_do_not_alter_the_published_report(published, anonymous_client):
    before = AnnualReport.objects.get(pk=published.pk).content_hash
    goal = Goal.objects.get(strategy=published.strategy, number=1)
    old_title = goal.title
    Goal.objects.filter(pk=goal.pk).update(title="Et helt nytt mål")
    Indicator.objects.filter(goal=goal).update(name="Omdøpt indikator")
    case = published.approved_by_case
    Decision.objects.filter(case=case).update(text="Endret vedtak")
    stored = AnnualReport.objects.get(pk=published.pk)
    assert stored.content_hash == before and stored.hash_matches
    assert content_hash(stored.content) == before
    page = anonymous_client.get(_url(2025)).content.decode()
    assert old_title in page and "Et helt nytt mål" not in page and "Omdøpt indikator" not in page


def test_a_draft_is_hidden_from_the_public_and_previewed_by_the_office_and_body_members(
    draft, anonymous_client, strategy_office, body_member, owner_editor
):
    assert anonymous_client.get(_url(2024)).status_code == 404
    assert client_for(owner_editor).get(_url(2024)).status_code == 404
    pdf_url = reverse("governance:annual-report-pdf", kwargs={"year": 2024, "pdf_year": 2024})
    assert anonymous_client.get(pdf_url).status_code == 404
    assert _url(2024) not in anonymous_client.get(reverse("governance:annual-report-list")).content.decode()
    for user in (strategy_office, body_member):
        response = client_for(user).get("/en" + _url(2024))
        assert response.status_code == 200
        assert "Preview, not published." in response.content.decode()


def test_the_workspace_pages_follow_the_roles(draft, anonymous_client, strategy_office, body_member, owner_editor):
    listing = reverse("ws-governance:report-list")
    narratives = reverse("ws-governance:report-narratives", kwargs={"pk": draft.pk})
    approve = reverse("ws-governance:report-approve", kwargs={"pk": draft.pk})
    publish = reverse("ws-governance:report-publish", kwargs={"pk": draft.pk})
    assert anonymous_client.get(listing).status_code == 302
    assert client_for(owner_editor).get(listing).status_code == 403
    member = client_for(body_member)
    assert member.get(listing).status_code == 200
    assert member.get(reverse("ws-governance:report", kwargs={"pk": draft.pk})).status_code == 200
    for url in (narratives, approve, publish):
        assert member.get(url).status_code == 403
        assert member.post(url, {}).status_code == 403
    assert member.post(listing, {"year": 2023}).status_code == 403
    office = client_for(strategy_office)
    for url in (listing, narratives, approve, publish):
        assert office.get(url).status_code == 200, url


def test_the_office_writes_narratives_approves_and_publishes_through_the_pages(draft, strategy_office):
    office = client_for(strategy_office)
    goal = Goal.objects.get(strategy=draft.strategy, number=2)
    narratives = reverse("ws-governance:report-narratives", kwargs={"pk": draft.pk})
    response = office.post(narratives, {f"goal_{goal.pk}": "Et **godt** år.", f"goal_{goal.pk}_en": "A good year."})
    assert response.status_code == 302
    assert GoalNarrative.objects.get(report=draft, goal=goal).text_en == "A good year."
    council_case = Case.objects.get(body__slug="e-helseradet", year=2026, number=5)
    approve = reverse("ws-governance:report-approve", kwargs={"pk": draft.pk})
    assert office.post(approve, {"case": council_case.pk}).status_code == 302
    assert AnnualReport.objects.get(pk=draft.pk).state == AnnualReport.State.APPROVED
    assert office.post(narratives, {f"goal_{goal.pk}": "Etterpå"}).status_code == 302
    assert GoalNarrative.objects.get(report=draft, goal=goal).text == "Et **godt** år."
    assert office.post(reverse("ws-governance:report-publish", kwargs={"pk": draft.pk})).status_code == 302
    report = AnnualReport.objects.get(pk=draft.pk)
    assert report.is_published and report.hash_matches
    assert client_for(None).get(_url(2024)).status_code == 200


def test_approval_needs_a_decided_case_of_the_council(draft, strategy_office, body_member):
    nuit_decided = Case.objects.filter(body__slug="nuit", decision__isnull=False).first()
    with pytest.raises(Refused):
        report_services.annual_report_approve(report=draft, case=nuit_decided, by=strategy_office)
    undecided = Case.objects.get(body__slug="e-helseradet", year=2026, number=5)
    Decision.objects.filter(case=undecided).delete()
    with pytest.raises(Refused):
        report_services.annual_report_approve(report=draft, case=undecided, by=strategy_office)
    council = Case.objects.filter(body__kind=Body.Kind.COUNCIL, decision__isnull=False).first()
    with pytest.raises(PermissionDenied):
        report_services.annual_report_approve(report=draft, case=council, by=body_member)
    assert AnnualReport.objects.get(pk=draft.pk).state == AnnualReport.State.DRAFT


def test_a_draft_cannot_be_published_nor_a_second_report_made_for_a_year(draft, strategy_office):
    with pytest.raises(Refused):
        report_services.annual_report_publish(report=draft, by=strategy_office)
    assert AnnualReport.objects.get(pk=draft.pk).content is None
    with pytest.raises(Refused):
        report_services.annual_report_create(
            strategy=draft.strategy, year=2024, snapshot=draft.snapshot, by=strategy_office
        )
    with pytest.raises(Refused):
        report_services.annual_report_create(
            strategy=draft.strategy, year=2031, snapshot=draft.snapshot, by=strategy_office
        )


def test_the_create_form_reports_a_refusal_on_the_page(draft, strategy_office):
    response = client_for(strategy_office).post(
        "/en" + reverse("ws-governance:report-list"),
        {"strategy": draft.strategy.pk, "year": 2024, "snapshot": draft.snapshot.pk},
    )
    assert response.status_code == 200
    assert "There is already an annual report for 2024." in response.content.decode()


def _titles(outline) -> list[str]:
    return [title for item in outline for title in (_titles(item) if isinstance(item, list) else [item.title])]


def _structure(node, found):
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, dict):
        if "/S" in node:
            found.append((str(node["/S"]), node.get("/Alt")))
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                _structure(kid, found)
    elif isinstance(node, list):
        for kid in node:
            _structure(kid, found)
    return found


def test_the_pdf_is_tagged_with_title_language_bookmarks_per_goal_and_figures_with_alt_text(published):
    reader = pypdf.PdfReader(io.BytesIO(annual_report_pdf_bytes(published)))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "nb"
    assert reader.metadata.title.startswith("Årsrapport 2025")
    headings = _titles(reader.outline)
    for number in range(1, 6):
        assert any(title.startswith(f"Mål {number}.") for title in headings), headings
    structure = _structure(root["/StructTreeRoot"], [])
    figures = [alt for tag, alt in structure if tag == "/Figure"]
    assert figures and all(alt for alt in figures)
    assert any(tag == "/Table" for tag, _alt in structure)


def test_the_worker_stores_the_pdf_and_the_page_serves_it(published, anonymous_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("governance:annual-report-pdf", kwargs={"year": 2025, "pdf_year": 2025})
    assert anonymous_client.get(url).status_code == 503
    report_services._queue_pdf(published.pk)
    assert run_task_worker() >= 1
    assert pdf_path(published).exists()
    response = anonymous_client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def _monthly_indicator() -> dict:
    values = [[f"{year}-{month:02d}", str(month)] for year in range(2015, 2025) for month in range(1, 13)]
    return {
        "code": "m",
        "name": "Månedlig",
        "unit": "",
        "direction": "higher",
        "status": "on_track",
        "latest": {"period": "2024-12", "value": "12"},
        "target": {"period": "2030", "value": "20"},
        "values": values,
        "targets": [["2030", "20"]],
    }


def test_a_long_series_is_one_line_with_its_latest_point_marked_and_the_table_has_the_year_and_the_one_before():
    from veikart.governance.report_pages import CHART_POINTS, _indicator

    view = _indicator(_monthly_indicator(), goal_number=1, year=2024, pdf=False)
    wide = str(view.chart_svg).split("</svg>")[0]
    assert wide.count("<circle") == 1 and wide.count("<polyline") == 1
    assert len(re.search(r'<polyline points="([^"]+)"', wide).group(1).split()) <= CHART_POINTS + 1
    periods = [period for period, _value, _target in view.table]
    assert periods == [f"{year}-{month:02d}" for year in (2023, 2024) for month in range(1, 13)] + ["2030"]
    assert view.url == "/indikatorer/m/"
    pdf = _indicator(_monthly_indicator(), goal_number=1, year=2024, pdf=True)
    assert str(pdf.chart_pdf_svg).count("<circle") == 1 and not pdf.url


def test_the_published_page_body_is_rendered_once_per_language_and_kept(published, anonymous_client):
    AnnualReportRendering.objects.filter(report=published).delete()
    first = anonymous_client.get(_url(2025)).content.decode()
    assert AnnualReportRendering.objects.filter(report=published, language="nb").count() == 1
    anonymous_client.get("/en" + _url(2025))
    stored = AnnualReportRendering.objects.get(report=published, language="nb")
    assert stored.content_hash == published.content_hash
    assert {r.language for r in AnnualReportRendering.objects.filter(report=published)} == {"nb", "en"}
    # The page serves what is stored (a marker put in shows) and the report's row is untouched.
    AnnualReportRendering.objects.filter(pk=stored.pk).update(html=stored.html + "<p>lagret-gjengivelse</p>")
    assert "lagret-gjengivelse" in anonymous_client.get(_url(2025)).content.decode()
    assert "<figure" in first and AnnualReport.objects.get(pk=published.pk).hash_matches
    # A rendering made by other code (another version) is not used.
    AnnualReportRendering.objects.filter(pk=stored.pk).update(version="0" * 64)
    assert "lagret-gjengivelse" not in anonymous_client.get(_url(2025)).content.decode()


def test_the_worker_renders_the_published_page_in_every_language(published):
    AnnualReportRendering.objects.filter(report=published).delete()
    annual_report_pages.call(report_id=published.pk)
    assert {r.language for r in AnnualReportRendering.objects.filter(report=published)} == {"nb", "nn", "en"}
