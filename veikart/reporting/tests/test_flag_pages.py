"""The flags on the public portfolio and the workspace's flags page: a flag never reveals a report that
is not approved, a period that is not published, an unpublished item or an unpublished indicator; the
filter "only flagged"; the pages in every language; no query per item."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from veikart.conftest import client_for
from veikart.indicators.tests.factories import add_observations, add_target, make_indicator
from veikart.reporting.benefits import benefit_link_add
from veikart.reporting.models import ReportingPeriod
from veikart.reporting.services import (
    ReportContent,
    reporting_period_publish,
    status_report_approve,
    status_report_save_draft,
    status_report_submit,
)

from .conftest import make_item

PLATFORM = "Helseanalyseplattform"
SLIP_WORDS = "Avhenger av «Helseanalyseplattform»"
COLOUR_WORDS = "men den koblede indikatoren"


def report(writer, office, item, period, *, overall="green", expected_end=None, approve=True):
    draft = status_report_save_draft(
        user=writer,
        item_id=item.pk,
        period_id=period.pk,
        content=ReportContent(overall=overall, narrative="Tekst", expected_end_date=expected_end),
    )
    submitted = status_report_submit(user=writer, report_id=draft.pk, version=draft.version)
    if approve:
        return status_report_approve(user=office, report_id=submitted.pk, version=submitted.version)
    return submitted


@pytest.fixture
def earlier(strategy):
    return ReportingPeriod.objects.create(
        strategy=strategy,
        name="2026 T1",
        opens=datetime.date(2026, 1, 10),
        deadline=datetime.date(2026, 2, 27),
        state=ReportingPeriod.State.OPEN,
    )


@pytest.fixture
def portfolio(strategy, organisation, other_organisation, earlier, period):
    """The platform (``organisation``) and the analysis environment that depends on it (another owner)."""
    platform = make_item(strategy, organisation, PLATFORM)
    platform.end_date = datetime.date(2028, 12, 31)
    platform.save()
    analysis = make_item(strategy, other_organisation, "Felles analysemiljø")
    analysis.start_date = datetime.date(2025, 1, 1)
    analysis.save()
    analysis.depends_on.add(platform)
    return platform, analysis


@pytest.fixture
def falling(db):
    indicator = make_indicator(code="helsenorge-besok", name="Bruk av Helsenorge: besøk")
    add_observations(indicator, {"2019": 37.2, "2020": 72.9, "2021": 140.9, "2022": 115.9, "2023": 109.5})
    add_target(indicator, "2030", 150)
    return indicator


def slipped(portfolio, earlier, period, *, owner_editor, other_owner_editor, strategy_office, approve=True):
    """Both approved in 2026 T1; in 2026 T2 the platform expects its end half a year later (approved
    unless ``approve`` is False), the analysis environment keeps its dates."""
    platform, analysis = portfolio
    for item, writer in ((platform, owner_editor), (analysis, other_owner_editor)):
        report(writer, strategy_office, item, earlier)
    report(
        owner_editor,
        strategy_office,
        platform,
        period,
        overall="yellow",
        expected_end=datetime.date(2029, 6, 30),
        approve=approve,
    )
    report(other_owner_editor, strategy_office, analysis, period)


@pytest.fixture
def writers(owner_editor, other_owner_editor, strategy_office) -> dict:
    """The platform's writer, the analysis environment's (another owner's) and the approver."""
    return {
        "owner_editor": owner_editor,
        "other_owner_editor": other_owner_editor,
        "strategy_office": strategy_office,
    }


def publish(office, *periods):
    for period in periods:
        reporting_period_publish(user=office, period_id=period.pk)


def public_page(**query) -> str:
    return Client().get(reverse("reporting:portfolio"), query).content.decode()


def flags_page(user, period, **query) -> str:
    response = client_for(user).get(reverse("ws-reporting:portfolio-flags"), {"period": period.pk, **query})
    assert response.status_code == 200
    return response.content.decode()


# --- The dependency flag ----------------------------------------------------------------------------


def test_the_public_portfolio_flags_the_dependant_of_a_slipped_item_with_the_reason(
    portfolio, earlier, period, writers, strategy_office
):
    slipped(portfolio, earlier, period, **writers)
    publish(strategy_office, earlier, period)
    page = public_page()
    assert SLIP_WORDS in page
    assert "der forventet slutt ble flyttet fra 31. desember 2028 til 30. juni 2029 i 2026 T2" in page
    assert "(1 flagget)" in public_page(flagged="on")


def test_a_pages_flags_are_those_of_the_whole_portfolio_for_its_items(
    portfolio, earlier, period, writers, strategy_office
):
    """A page reads the flags of its own items and the items they depend on, not the whole portfolio."""
    from veikart.reporting.pages import published_flags, published_periods

    slipped(portfolio, earlier, period, **writers)
    publish(strategy_office, earlier, period)
    platform, analysis = portfolio
    periods = published_periods(period.strategy)
    whole = published_flags(periods, period)
    assert whole.of(analysis.pk)
    for items in ([analysis.pk], [platform.pk], [platform.pk, analysis.pk]):
        page = published_flags(periods, period, items=items)
        assert {pk: page.of(pk) for pk in items} == {pk: whole.of(pk) for pk in items}


def test_a_slip_in_a_submitted_report_raises_no_flag_anywhere(
    portfolio, earlier, period, writers, strategy_office, body_member
):
    slipped(portfolio, earlier, period, **writers, approve=False)
    publish(strategy_office, earlier, period)
    assert SLIP_WORDS not in public_page()
    assert "30. juni 2029" not in public_page()
    assert SLIP_WORDS not in flags_page(strategy_office, period)
    assert SLIP_WORDS not in flags_page(body_member, period)


def test_a_slip_in_an_unpublished_period_is_flagged_in_the_workspace_and_never_in_public(
    portfolio, earlier, period, writers, strategy_office, body_member
):
    slipped(portfolio, earlier, period, **writers)
    publish(strategy_office, earlier)
    for query in ({}, {"period": period.pk}, {"flagged": "on"}):
        page = public_page(**query)
        assert SLIP_WORDS not in page and "30. juni 2029" not in page
    assert SLIP_WORDS in flags_page(strategy_office, period)
    assert SLIP_WORDS in flags_page(body_member, period)


def test_a_slip_of_an_unpublished_item_is_not_public(portfolio, earlier, period, writers, strategy_office):
    slipped(portfolio, earlier, period, **writers)
    publish(strategy_office, earlier, period)
    platform, _analysis = portfolio
    platform.is_published = False
    platform.save()
    page = public_page()
    assert PLATFORM not in page
    assert SLIP_WORDS in flags_page(strategy_office, period)


def test_owner_editors_and_the_public_do_not_get_the_workspace_flags(owner_editor, period):
    url = reverse("ws-reporting:portfolio-flags")
    assert client_for(owner_editor).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302


# --- The colour flag ----------------------------------------------------------------------------------


def test_a_green_report_against_a_falling_published_indicator_is_flagged_in_public(
    strategy, organisation, period, owner_editor, strategy_office, falling
):
    tool = make_item(strategy, organisation, "Helseverktøy")
    benefit_link_add(user=strategy_office, item_id=tool.pk, indicator_id=falling.pk)
    report(owner_editor, strategy_office, tool, period)
    publish(strategy_office, period)
    page = public_page()
    assert COLOUR_WORDS in page and "Fallende de siste 2 årene (siden 2021), mot utviklingen siden 2019." in page
    # The filter keeps the flagged item; "only flagged" with nothing flagged shows none.
    assert "Helseverktøy" in public_page(flagged="on")


def test_an_unpublished_indicator_raises_no_public_flag_but_the_strategy_office_sees_it(
    strategy, organisation, period, owner_editor, strategy_office, body_member, falling
):
    falling.is_published = False
    falling.save()
    tool = make_item(strategy, organisation, "Helseverktøy")
    benefit_link_add(user=strategy_office, item_id=tool.pk, indicator_id=falling.pk)
    report(owner_editor, strategy_office, tool, period)
    publish(strategy_office, period)
    assert COLOUR_WORDS not in public_page()
    assert falling.name not in public_page()
    assert COLOUR_WORDS in flags_page(strategy_office, period)
    assert COLOUR_WORDS not in flags_page(body_member, period)  # body members read published indicators only


def test_only_flagged_hides_the_items_without_a_flag(
    strategy, organisation, period, owner_editor, strategy_office, falling
):
    tool = make_item(strategy, organisation, "Helseverktøy")
    quiet = make_item(strategy, organisation, "Stille tiltak")
    benefit_link_add(user=strategy_office, item_id=tool.pk, indicator_id=falling.pk)
    report(owner_editor, strategy_office, tool, period)
    report(owner_editor, strategy_office, quiet, period)
    publish(strategy_office, period)
    assert "Stille tiltak" in public_page()
    flagged = public_page(flagged="on")
    assert "Helseverktøy" in flagged and "Stille tiltak" not in flagged
    assert "Stille tiltak" not in flags_page(strategy_office, period)
    assert "Stille tiltak" in flags_page(strategy_office, period, show="all")


def test_the_export_carries_the_flags_in_words(strategy, organisation, period, owner_editor, strategy_office, falling):
    tool = make_item(strategy, organisation, "Helseverktøy")
    benefit_link_add(user=strategy_office, item_id=tool.pk, indicator_id=falling.pk)
    report(owner_editor, strategy_office, tool, period)
    publish(strategy_office, period)
    body = Client().get(reverse("reporting:portfolio-export", args=["csv"])).content.decode("utf-8-sig")
    assert "Flagg" in body and "Rapportert «I samsvar med plan»" in body and "<span" not in body


# --- Every language, and no query per item ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("", "Avhenger av «Helseanalyseplattform»"),
        ("/nn", "Avheng av «Helseanalyseplattform»"),
        ("/en", "Depends on “Helseanalyseplattform”"),
    ],
)
def test_the_flag_pages_render_in_every_language(
    prefix, words, portfolio, earlier, period, writers, other_owner_editor, strategy_office, falling
):
    slipped(portfolio, earlier, period, **writers)
    publish(strategy_office, earlier, period)
    _platform, analysis = portfolio
    benefit_link_add(user=strategy_office, item_id=analysis.pk, indicator_id=falling.pk)
    portfolio_url = reverse("reporting:portfolio")
    urls = [
        (Client(), portfolio_url),
        (Client(), reverse("reporting:portfolio") + "?flagged=on"),
        (Client(), analysis.get_absolute_url()),
        (client_for(strategy_office), reverse("ws-reporting:portfolio-flags") + "?show=all"),
        (client_for(strategy_office), reverse("ws-reporting:benefit-links", kwargs={"item_pk": analysis.pk})),
        (client_for(other_owner_editor), reverse("ws-reporting:report-edit", args=[analysis.pk, period.pk])),
    ]
    for client, url in urls:
        response = client.get(prefix + url)
        assert response.status_code in (200, 302), url
    assert words in Client().get(prefix + portfolio_url).content.decode()


def test_the_portfolio_reads_the_flags_with_as_many_queries_for_many_items_as_for_few(
    strategy, organisation, other_organisation, period, owner_editor, strategy_office, falling
):
    def count() -> int:
        client = Client()
        client.get(reverse("reporting:portfolio"))  # warm the caches (indicator progress, sessions)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("reporting:portfolio")).status_code == 200
        return len(queries)

    previous = None

    def add(n: int) -> None:
        nonlocal previous
        for i in range(n):
            item = make_item(strategy, organisation, f"Tiltak {i} {make_item.__name__}{datetime.datetime.now()}")
            item.end_date = datetime.date(2027, 12, 31)
            item.save()
            if previous is not None:
                item.depends_on.add(previous)
            previous = item
            benefit_link_add(user=strategy_office, item_id=item.pk, indicator_id=falling.pk)
            report(owner_editor, strategy_office, item, period, expected_end=datetime.date(2028, 6, 30))

    add(2)
    publish(strategy_office, period)
    few = count()
    add(6)
    assert count() == few
