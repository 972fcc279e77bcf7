"""Saved portfolio views in the workspace: saved, listed, opened and deleted by their owner only."""

from __future__ import annotations

from django.urls import reverse

from veikart.conftest import client_for
from veikart.reporting.models import SavedPortfolioView, StatusReport
from veikart.reporting.saved_views import filters_query, saved_view_save
from veikart.reporting.services import status_report_approve, status_report_save_draft, status_report_submit


def approved(owner_editor, strategy_office, item, period, content) -> StatusReport:
    report = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    return status_report_approve(user=strategy_office, report_id=report.pk, version=report.version)


def test_the_overview_shows_approved_reports_of_an_unpublished_period_to_the_strategy_office(
    owner_editor, strategy_office, body_member, item, period, content
):
    approved(owner_editor, strategy_office, item, period, content)
    for user in (strategy_office, body_member):
        page = client_for(user).get(reverse("ws-reporting:portfolio")).content.decode()
        assert item.title in page


def test_the_overview_does_not_show_a_draft(owner_editor, strategy_office, item, period, content):
    status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    page = client_for(strategy_office).get(reverse("ws-reporting:portfolio")).content.decode()
    assert item.title not in page


def test_the_overview_is_refused_to_a_user_without_a_role_and_asks_an_anonymous_visitor_to_log_in(
    outsider, anonymous_client, period
):
    assert client_for(outsider).get(reverse("ws-reporting:portfolio")).status_code == 403
    assert anonymous_client.get(reverse("ws-reporting:portfolio")).status_code == 302


def export(client, fmt: str):
    return client.get(reverse("ws-reporting:portfolio-export", kwargs={"fmt": fmt}))


def test_the_overview_downloads_what_the_viewer_may_read_published_or_not(
    owner_editor, other_owner_editor, strategy_office, item, other_item, period, content, outsider, anonymous_client
):
    """The period is not published: the public download has nothing, the workspace's has the approved report."""
    approved(owner_editor, strategy_office, item, period, content)
    status_report_save_draft(user=other_owner_editor, item_id=other_item.pk, period_id=period.pk, content=content)
    office = client_for(strategy_office)
    for fmt in ("csv", "xlsx", "json"):
        response = export(office, fmt)
        assert response.status_code == 200, fmt
    text = export(office, "csv").content.decode("utf-8-sig")
    assert item.title in text and other_item.title not in text  # a draft never leaves
    assert export(client_for(outsider), "csv").status_code == 403
    assert export(anonymous_client, "csv").status_code == 302
    assert export(office, "pdf").status_code == 404
    public = anonymous_client.get(reverse("reporting:portfolio-export", kwargs={"fmt": "csv"}))
    assert item.title not in public.content.decode("utf-8-sig")


def test_a_user_saves_the_current_filters_under_a_name_and_opens_them_again(strategy_office, period):
    client = client_for(strategy_office)
    response = client.post(
        reverse("ws-reporting:view-save"),
        {"name": "  Røde  i mål 1 ", "goal": "1", "status": "red", "period": str(period.pk), "next": "/x"},
    )
    view = SavedPortfolioView.objects.get()
    assert (view.user, view.name) == (strategy_office, "Røde i mål 1")
    assert view.query == f"period={period.pk}&goal=1&status=red"
    assert response["Location"] == f"{reverse('ws-reporting:portfolio')}?{view.query}"
    page = client.get(reverse("ws-reporting:portfolio")).content.decode()
    assert "Røde i mål 1" in page
    opened = client.get(reverse("ws-reporting:view-open", args=[view.pk]))
    assert opened["Location"].endswith(f"?{view.query}")
    assert client.get(opened["Location"]).status_code == 200


def test_saving_under_the_same_name_replaces_the_view(strategy_office, period):
    saved_view_save(user=strategy_office, name="Mine", filters={"status": "red"})
    saved_view_save(user=strategy_office, name="Mine", filters={"status": "green"})
    assert list(SavedPortfolioView.objects.values_list("query", flat=True)) == ["status=green"]


def test_a_view_without_a_name_is_not_saved(strategy_office, period):
    client_for(strategy_office).post(reverse("ws-reporting:view-save"), {"name": "", "status": "red"})
    assert not SavedPortfolioView.objects.exists()


def test_only_the_overviews_own_filters_are_kept():
    assert filters_query({"status": "red", "evil": "<script>", "owner": "", "phase": " 3 "}) == "phase=3&status=red"


def test_a_user_sees_and_opens_only_their_own_views(strategy_office, owner_editor, body_member, period):
    view = saved_view_save(user=strategy_office, name="Kontorets visning", filters={"status": "red"})
    for user in (owner_editor, body_member):
        client = client_for(user)
        assert "Kontorets visning" not in client.get(reverse("ws-reporting:portfolio")).content.decode()
        assert client.get(reverse("ws-reporting:view-open", args=[view.pk])).status_code == 404


def test_a_user_deletes_their_view_but_not_someone_elses_by_direct_post(strategy_office, owner_editor, period):
    view = saved_view_save(user=strategy_office, name="Kontorets visning", filters={"status": "red"})
    assert client_for(owner_editor).post(reverse("ws-reporting:view-delete", args=[view.pk])).status_code == 404
    assert SavedPortfolioView.objects.filter(pk=view.pk).exists()
    response = client_for(strategy_office).post(reverse("ws-reporting:view-delete", args=[view.pk]))
    assert response.status_code == 302
    assert not SavedPortfolioView.objects.exists()


def test_a_view_is_deleted_by_post_only(strategy_office, period):
    view = saved_view_save(user=strategy_office, name="Min", filters={})
    assert client_for(strategy_office).get(reverse("ws-reporting:view-delete", args=[view.pk])).status_code == 405
    assert SavedPortfolioView.objects.exists()


def test_an_outsider_cannot_save_a_view(outsider, period):
    assert client_for(outsider).post(reverse("ws-reporting:view-save"), {"name": "x"}).status_code == 403
    assert not SavedPortfolioView.objects.exists()
