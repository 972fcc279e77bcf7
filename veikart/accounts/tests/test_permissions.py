"""Each role against each permission rule, including an anonymous visitor and an outsider."""

import pytest
from django.contrib.auth.models import AnonymousUser

from veikart.accounts import permissions


@pytest.fixture
def everyone(strategy_office, owner_editor, other_owner_editor, body_member, outsider):
    return {
        "anonymous": AnonymousUser(),
        "outsider": outsider,
        "strategy_office": strategy_office,
        "owner_editor": owner_editor,
        "other_owner_editor": other_owner_editor,
        "body_member": body_member,
    }


def allowed(everyone, rule) -> set[str]:
    return {name for name, user in everyone.items() if rule(user)}


def test_only_the_strategy_office_edits_the_framework(everyone):
    assert allowed(everyone, permissions.can_edit_framework) == {"strategy_office"}


def test_only_staff_see_unpublished_content_and_history(everyone):
    assert allowed(everyone, permissions.can_view_unpublished) == {"strategy_office"}
    assert allowed(everyone, permissions.can_view_history) == {"strategy_office"}


def test_strategy_drafts_are_read_by_staff_and_body_members(everyone):
    assert allowed(everyone, permissions.can_read_strategy_drafts) == {"strategy_office", "body_member"}


def test_a_deactivated_body_member_reads_no_strategy_drafts(body_member):
    body_member.is_active = False
    assert not permissions.can_read_strategy_drafts(body_member)


def test_an_owner_editor_edits_only_what_its_organisation_owns(everyone, organisation):
    def rule(user):
        return permissions.can_edit_owned(user, [organisation])

    assert allowed(everyone, rule) == {"strategy_office", "owner_editor"}


def test_nobody_but_the_strategy_office_edits_content_without_owners(everyone):
    assert allowed(everyone, lambda user: permissions.can_edit_owned(user, [])) == {"strategy_office"}


def test_the_workspace_is_for_the_strategy_office_owner_editors_and_body_members(everyone):
    assert allowed(everyone, permissions.can_use_workspace) == {
        "strategy_office",
        "owner_editor",
        "other_owner_editor",
        "body_member",
    }


def test_roadmap_items_are_authored_by_the_strategy_office_and_owner_editors(everyone):
    assert allowed(everyone, permissions.can_author_roadmap_items) == {
        "strategy_office",
        "owner_editor",
        "other_owner_editor",
    }


def test_governance_papers_are_for_body_members_and_the_strategy_office(everyone):
    assert allowed(everyone, permissions.can_read_governance_papers) == {"strategy_office", "body_member"}


def test_a_deactivated_strategy_office_user_loses_every_right(strategy_office):
    strategy_office.is_active = False
    assert not permissions.is_strategy_office(strategy_office)
    assert not permissions.can_view_unpublished(strategy_office)


def test_a_superuser_counts_as_strategy_office(outsider):
    outsider.is_superuser = True
    assert permissions.is_strategy_office(outsider)


@pytest.fixture
def indicators(organisation, other_organisation):
    from veikart.indicators.models import Indicator
    from veikart.indicators.tests.factories import make_indicator

    make_indicator(code="OWN", responsible=organisation)
    make_indicator(code="OWN-DRAFT", responsible=organisation, published=False)
    make_indicator(code="NOBODYS")
    return Indicator.objects.all()


def test_indicator_data_is_uploaded_by_the_strategy_office_and_owner_editors_of_responsible_organisations(
    everyone, indicators
):
    assert allowed(everyone, permissions.can_import_indicator_data) == {"strategy_office", "owner_editor"}


def test_an_owner_editor_imports_only_the_indicators_its_organisation_is_responsible_for(everyone, indicators):
    importable = {
        name: sorted(permissions.importable_indicators(user, indicators).values_list("code", flat=True))
        for name, user in everyone.items()
    }
    assert importable == {
        "anonymous": [],
        "outsider": [],
        "strategy_office": ["NOBODYS", "OWN", "OWN-DRAFT"],
        "owner_editor": ["OWN", "OWN-DRAFT"],
        "other_owner_editor": [],
        "body_member": [],
    }


def test_only_the_strategy_office_uploads_a_file_for_several_indicators(everyone):
    assert allowed(everyone, permissions.can_import_several_indicators) == {"strategy_office"}


def test_only_the_strategy_office_creates_dimensions_from_an_uploaded_file(everyone):
    assert allowed(everyone, permissions.can_create_dimensions_on_import) == {"strategy_office"}


def test_only_the_strategy_office_manages_organisations_and_users(everyone):
    assert allowed(everyone, permissions.can_manage_people) == {"strategy_office"}


def test_only_the_strategy_office_edits_indicator_definitions_targets_and_dimensions(everyone):
    assert allowed(everyone, permissions.can_edit_indicators) == {"strategy_office"}


def test_owner_editors_have_our_indicators(everyone):
    assert allowed(everyone, permissions.can_list_own_indicators) == {"owner_editor", "other_owner_editor"}


def test_the_workspace_shows_an_owner_editor_its_own_indicators_and_published_ones(
    everyone, organisation, other_organisation
):
    from veikart.indicators.models import Indicator
    from veikart.indicators.tests.factories import make_goal, make_indicator

    goal = make_goal()
    make_indicator(code="OWN-HIDDEN", goal=goal, responsible=organisation, published=False)
    make_indicator(code="OTHER-HIDDEN", goal=goal, responsible=other_organisation, published=False)
    make_indicator(code="OTHER", goal=goal, responsible=other_organisation)

    def codes(name):
        return set(
            permissions.workspace_indicators(everyone[name], Indicator.objects.all()).values_list("code", flat=True)
        )

    assert codes("strategy_office") == {"OWN-HIDDEN", "OTHER-HIDDEN", "OTHER"}
    assert codes("owner_editor") == {"OWN-HIDDEN", "OTHER"}
    assert codes("other_owner_editor") == {"OTHER-HIDDEN", "OTHER"}
    for name in ("body_member", "outsider", "anonymous"):
        assert codes(name) == set()


def test_only_the_strategy_office_uses_the_admin_whatever_the_staff_flag_says(everyone):
    for user in everyone.values():
        user.is_staff = True
    assert allowed(everyone, permissions.can_use_admin) == {"strategy_office"}


def test_the_strategy_office_administers_veikarts_own_models_and_not_djangos(everyone):
    assert allowed(everyone, lambda user: permissions.can_administer(user, "roadmap")) == {"strategy_office"}
    assert allowed(everyone, lambda user: permissions.can_administer(user, "accounts")) == {"strategy_office"}
    assert allowed(everyone, lambda user: permissions.can_administer(user, "auth")) == set()
    assert allowed(everyone, lambda user: permissions.can_administer(user, "no_such_app")) == set()


def test_only_superusers_hand_out_privileges(everyone, outsider):
    assert allowed(everyone, permissions.can_grant_privileges) == set()
    outsider.is_superuser = True
    assert permissions.can_grant_privileges(outsider)
    assert permissions.can_use_admin(outsider)


def test_status_reports_are_written_only_by_the_owner_editors_of_the_items_owner(everyone, organisation):
    def rule(user):
        return permissions.can_write_status_report(user, [organisation])

    assert allowed(everyone, rule) == {"owner_editor"}


def test_only_the_strategy_office_reviews_status_reports_and_manages_periods(everyone):
    assert allowed(everyone, permissions.can_review_status_reports) == {"strategy_office"}
    assert allowed(everyone, permissions.can_manage_reporting_periods) == {"strategy_office"}


def test_submitted_status_reports_are_read_by_the_strategy_office_and_body_members(everyone):
    assert allowed(everyone, permissions.can_read_status_reports) == {"strategy_office", "body_member"}


def test_owner_editors_list_their_own_status_reports(everyone):
    assert allowed(everyone, permissions.can_list_own_status_reports) == {"owner_editor", "other_owner_editor"}


def test_only_the_strategy_office_freezes_portfolio_snapshots(everyone):
    assert allowed(everyone, permissions.can_freeze_portfolio_snapshots) == {"strategy_office"}


def test_portfolio_snapshots_are_read_by_the_strategy_office_and_body_members_not_owner_editors_nor_the_public(
    everyone,
):
    assert allowed(everyone, permissions.can_read_portfolio_snapshots) == {"strategy_office", "body_member"}


def test_the_indicators_an_item_is_meant_to_move_are_changed_by_those_who_may_edit_the_item(everyone, organisation):
    def rule(user):
        return permissions.can_edit_benefit_links(user, [organisation])

    assert allowed(everyone, rule) == {"strategy_office", "owner_editor"}
