"""The public side: the portfolio page, its downloads and the item page show only approved reports of
published periods about published items; no draft, submitted or returned report, and no unpublished
period, ever reaches them (nor the sitemap)."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse

from veikart.conftest import client_for
from veikart.reporting.models import ReportingPeriod, StatusArea, StatusColour, StatusReport
from veikart.reporting.services import (
    ReportContent,
    reporting_period_publish,
    status_report_approve,
    status_report_return,
    status_report_save_draft,
    status_report_submit,
)

from .conftest import make_item

SECRET = "Hemmelig utkast"


def approved(owner_editor, office, item, period, narrative, overall="green"):
    report = status_report_save_draft(
        user=owner_editor,
        item_id=item.pk,
        period_id=period.pk,
        content=ReportContent(overall=overall, narrative=narrative),
    )
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    return status_report_approve(user=office, report_id=report.pk, version=report.version)


@pytest.fixture
def every_state(owner_editor, strategy_office, strategy, organisation, period):
    """In a published period: one approved report, and one each draft, submitted and returned with the secret."""
    public = approved(
        owner_editor, strategy_office, make_item(strategy, organisation, "Godkjent tiltak"), period, "Offentlig tekst"
    )

    def secret_report(title: str) -> tuple:
        item = make_item(strategy, organisation, title)
        content = ReportContent(overall="red", narrative=SECRET)
        return item, status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)

    draft, _report = secret_report("Utkast-tiltak")
    submitted, report = secret_report("Innsendt-tiltak")
    status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    returned, report = secret_report("Returnert-tiltak")
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    status_report_return(user=strategy_office, report_id=report.pk, version=report.version, note="Mer")
    reporting_period_publish(user=strategy_office, period_id=period.pk)
    return public, [draft, submitted, returned]


def test_the_portfolio_shows_approved_reports_of_published_periods_only(every_state, anonymous_client):
    _public, hidden = every_state
    page = anonymous_client.get(reverse("reporting:portfolio")).content.decode()
    assert "Godkjent tiltak" in page
    for item in hidden:
        assert item.title not in page
    assert SECRET not in page


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_no_export_carries_an_unapproved_report(every_state, anonymous_client, fmt):
    response = anonymous_client.get(reverse("reporting:portfolio-export", kwargs={"fmt": fmt}))
    assert response.status_code == 200
    if fmt == "xlsx":
        import io

        from openpyxl import load_workbook

        values = [cell.value for row in load_workbook(io.BytesIO(response.content)).active.iter_rows() for cell in row]
        body = " ".join(str(value) for value in values if value is not None)
    else:
        body = response.content.decode("utf-8-sig")
    assert "Godkjent tiltak" in body
    assert SECRET not in body and "Utkast-tiltak" not in body
    if fmt == "json":
        assert len(json.loads(body)["items"]) == 1


def test_an_unpublished_period_is_never_public(
    owner_editor, strategy_office, item, period, anonymous_client, body_member
):
    approved(owner_editor, strategy_office, item, period, "Godkjent, men ikke publisert")
    for client in (anonymous_client, client_for(body_member)):
        assert "Godkjent, men ikke publisert" not in client.get(reverse("reporting:portfolio")).content.decode()
        assert "Godkjent, men ikke publisert" not in client.get(item.get_absolute_url()).content.decode()
    body = anonymous_client.get(reverse("reporting:portfolio-export", kwargs={"fmt": "csv"})).content.decode(
        "utf-8-sig"
    )
    assert item.title not in body


def test_the_item_page_shows_the_published_status_with_its_words_and_history(
    owner_editor, strategy_office, item, period, strategy, anonymous_client
):
    earlier = ReportingPeriod.objects.create(
        strategy=strategy,
        name="2026 T1",
        opens=datetime.date(2026, 1, 10),
        deadline=datetime.date(2026, 2, 28),
        state="open",
    )
    approved(owner_editor, strategy_office, item, earlier, "Forrige periode", overall="yellow")
    approved(owner_editor, strategy_office, item, period, "Denne perioden <script>alert(1)</script>")
    for published in (earlier, period):
        reporting_period_publish(user=strategy_office, period_id=published.pk)
    page = anonymous_client.get(item.get_absolute_url()).content.decode()
    assert "Denne perioden" in page and "<script>alert(1)" not in page
    assert "I samsvar med plan" in page and "Noe avvik" in page  # the words, not the colour alone
    portfolio = anonymous_client.get(reverse("reporting:portfolio")).content.decode()
    assert "bedre" in portfolio


def test_a_report_of_an_unpublished_item_is_not_public(owner_editor, strategy_office, strategy, organisation, period):
    hidden = make_item(strategy, organisation, "Upublisert tiltak", published=False)
    approved(owner_editor, strategy_office, hidden, period, "Tekst")
    reporting_period_publish(user=strategy_office, period_id=period.pk)
    assert not StatusReport.objects.published().exists()


def test_the_filters_narrow_the_portfolio_and_a_bad_value_is_ignored(every_state, anonymous_client):
    url = reverse("reporting:portfolio")
    assert "Godkjent tiltak" not in anonymous_client.get(url, {"status": "red"}).content.decode()
    assert "Godkjent tiltak" in anonymous_client.get(url, {"status": "green", "goal": "1"}).content.decode()
    response = anonymous_client.get(url, {"goal": "x", "period": "999999", "owner": "<b>"})
    assert response.status_code == 200


def test_the_sitemap_lists_no_report_page(every_state, anonymous_client):
    body = anonymous_client.get("/sitemap.xml").content.decode()
    assert "rapportering" not in body and SECRET not in body


def test_the_public_item_page_keeps_the_next_steps_and_risks_in_the_workspace(
    owner_editor, strategy_office, item, period, anonymous_client
):
    from veikart.reporting.services import Risk

    content = ReportContent(
        overall="red", narrative="Offentlig", next_steps="Intern plan", risks=(Risk("Intern risiko", 4, 4),)
    )
    report = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    status_report_approve(user=strategy_office, report_id=report.pk, version=report.version)
    reporting_period_publish(user=strategy_office, period_id=period.pk)
    page = anonymous_client.get(item.get_absolute_url()).content.decode()
    assert "Offentlig" in page and "Vesentlige avvik" in page
    assert "Intern plan" not in page and "Intern risiko" not in page


def test_the_header_marks_the_portfolio_as_the_current_section(anonymous_client, strategy):
    page = anonymous_client.get(reverse("reporting:portfolio")).content.decode()
    assert f'href="{reverse("reporting:portfolio")}" aria-current="page"' in page


# The status scale's words in the page's language: the seeded colours and areas carry nynorsk and English;
# a colour or area with no version in the page's language is shown in bokmål marked lang="nb".
@pytest.mark.parametrize(
    ("prefix", "colour", "area"),
    [
        ("", "I samsvar med plan", "Fremdrift og tid"),
        ("/nn", "I samsvar med plan", "Framdrift og tid"),
        ("/en", "In line with the plan", "Progress and time"),
    ],
)
def test_the_portfolio_shows_the_scale_in_the_pages_language(every_state, anonymous_client, prefix, colour, area):
    page = anonymous_client.get(prefix + reverse("reporting:portfolio")).content.decode()
    assert colour in page and area in page
    assert '<span lang="nb">I samsvar med plan</span>' not in page


def test_a_colour_with_no_english_words_is_shown_in_bokmal_marked_as_such(every_state, anonymous_client):
    StatusColour.objects.filter(key="green").update(name_en=None, definition_en=None)
    StatusArea.objects.filter(key="cost").update(name_en="")
    page = anonymous_client.get("/en" + reverse("reporting:portfolio")).content.decode()
    assert '<span lang="nb">I samsvar med plan</span>' in page
    assert '<span lang="nb">Kostnad</span>' in page


def test_the_stored_scale_keeps_bokmal_in_its_plain_columns(db):
    green = StatusColour.objects.get(key="green")
    assert (green.name, green.name_nb, green.name_nn, green.name_en) == (
        "I samsvar med plan",
        "I samsvar med plan",
        "I samsvar med plan",
        "In line with the plan",
    )


def test_the_portfolio_shows_a_page_of_items_and_counts_them_all(
    owner_editor, strategy_office, strategy, organisation, period, anonymous_client, monkeypatch
):
    from veikart.reporting import pages

    for title, colour in (("Alfa-tiltak", "green"), ("Beta-tiltak", "red"), ("Gamma-tiltak", "green")):
        approved(owner_editor, strategy_office, make_item(strategy, organisation, title), period, "Tekst", colour)
    reporting_period_publish(user=strategy_office, period_id=period.pk)
    monkeypatch.setattr(pages, "PORTFOLIO_PAGE", 2)
    url = reverse("reporting:portfolio")
    first = anonymous_client.get(url).content.decode()
    assert "Alfa-tiltak" in first and "Beta-tiltak" in first and "Gamma-tiltak" not in first
    # The count and the counts by goal cover every item, not the page.
    assert "3 tiltak med publisert status" in first
    assert "<td>2</td><td>0</td><td>1</td><td>3</td>" in first
    second = anonymous_client.get(url, {"page": "2"}).content.decode()
    assert "Gamma-tiltak" in second and "Alfa-tiltak" not in second
    # Which page is shown is no filter: the downloads are of the whole portfolio.
    assert "eksport.csv?" not in second
    # A page that does not exist shows the last one rather than an error.
    assert "Gamma-tiltak" in anonymous_client.get(url, {"page": "99"}).content.decode()


def test_a_scale_seeded_afresh_keeps_its_three_languages_and_its_history(db):
    """What the demo does in a database emptied since the migration seeded the scale (as between browser tests)."""
    from veikart.reporting.scale import COLOURS, with_translations

    seed = {**COLOURS[0], "rank": 9}
    StatusColour.objects.filter(key=seed["key"]).delete()
    colour = StatusColour.objects.create(**with_translations("colour", seed))
    assert (colour.name_nn, colour.name_en) == ("I samsvar med plan", "In line with the plan")
    assert colour.history.count() == 1
