"""Every permission rule of Veikart, in one place.

Views, templates, QuerySets and services ask these functions; nothing else
inspects roles directly. Each function takes the requesting user (possibly
anonymous) and returns a boolean, or narrows a QuerySet to what the user may act on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import QuerySet

    from veikart.accounts.models import Organisation, User


def _role(user: User | AnonymousUser) -> str | None:
    if not user.is_authenticated or not user.is_active:
        return None
    return user.role


def is_strategy_office(user: User | AnonymousUser) -> bool:
    """True for the secretariat, which maintains and publishes everything, and superusers."""
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or _role(user) == "strategy_office"))


def can_use_admin(user: User | AnonymousUser) -> bool:
    """The admin site (``/admin/``): the strategy office and superusers, nobody else.

    Decided by the role, never by ``is_staff`` alone: an owner editor, a governance body member or a user
    without a role stays out even if the flag was set on them (``User.save`` keeps it equal to this rule).
    """
    return is_strategy_office(user)


def can_administer(user: User | AnonymousUser, app_label: str) -> bool:
    """Viewing, adding, changing and deleting any model of Veikart's own apps in the admin.

    Everyone who may use the admin may do all of it; Django's own models (groups, permissions) are left
    to superusers, who are granted everything by Django itself.
    """
    if not can_use_admin(user):
        return False
    try:
        app = apps.get_app_config(app_label)
    except LookupError:
        return False
    return app.name.startswith("veikart.")


def can_grant_privileges(user: User | AnonymousUser) -> bool:
    """Making a superuser, handing out groups and model permissions, or changing a superuser: superusers only.

    Anything less would let a strategy office user raise itself or someone else above the strategy office.
    """
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def can_view_unpublished(user: User | AnonymousUser) -> bool:
    """Whether the user may see drafts and unpublished content (staff only)."""
    return bool(user.is_authenticated and user.is_active and (user.is_staff or is_strategy_office(user)))


def can_read_strategy_drafts(user: User | AnonymousUser) -> bool:
    """Unpublished strategy versions, their goals and sub-goals: staff, the strategy office and body members.

    Governance bodies discuss a version before it is published. This rule covers the
    framework only: roadmap items and indicators keep ``can_view_unpublished``.
    """
    return can_view_unpublished(user) or _role(user) == "body_member"


def can_edit_framework(user: User | AnonymousUser) -> bool:
    """Strategies, goals, sub-goals, phases and user groups: the strategy office only."""
    return is_strategy_office(user)


def can_manage_people(user: User | AnonymousUser) -> bool:
    """Organisations and users (inviting, roles, deactivating): the strategy office only."""
    return is_strategy_office(user)


def can_use_workspace(user: User | AnonymousUser) -> bool:
    """The workspace under ``/forvaltning/``: the strategy office, owner editors and governance body members.

    A logged-in user with no role (or a deactivated one) has nothing to do there.
    """
    return is_strategy_office(user) or _role(user) in ("owner_editor", "body_member")


def can_view_history(user: User | AnonymousUser) -> bool:
    """The change history with diffs is for staff."""
    return can_view_unpublished(user)


def owns(user: User | AnonymousUser, owners: Any) -> bool:
    """Whether the user's organisation is among ``owners`` (an iterable of organisations)."""
    if not user.is_authenticated or user.organisation_id is None:
        return False
    return any(owner.pk == user.organisation_id for owner in owners)


def can_edit_owned(user: User | AnonymousUser, owners: Any) -> bool:
    """Content owned by organisations (roadmap items, indicator data).

    The strategy office edits all of it; an owner editor edits only what one of
    ``owners`` (an iterable of organisations) is, and only its own organisation.
    """
    if is_strategy_office(user):
        return True
    return _role(user) == "owner_editor" and owns(user, owners)


def editable_organisation(user: User | AnonymousUser) -> Organisation | None:
    """The organisation whose owned content an owner editor may edit, else None."""
    if _role(user) != "owner_editor":
        return None
    return user.organisation


def can_author_roadmap_items(user: User | AnonymousUser) -> bool:
    """Create roadmap items and keep a list of them in the workspace: the strategy office and owner editors.

    An owner editor's new items are unpublished and owned by its organisation;
    the strategy office publishes them.
    """
    return is_strategy_office(user) or editable_organisation(user) is not None


def can_import_roadmap(user: User | AnonymousUser) -> bool:
    """Importing the official roadmap export replaces items wholesale: the strategy office only."""
    return is_strategy_office(user)


def can_edit_roadmap_framing(user: User | AnonymousUser) -> bool:
    """Sub-goal, owners and publication of a roadmap item: the strategy office only."""
    return is_strategy_office(user)


def can_read_governance_papers(user: User | AnonymousUser) -> bool:
    """The governance pages of the workspace: the strategy office, and body members.

    Which body's restricted papers a person reads is decided per body, by their memberships:
    ``veikart.governance.models.Body.objects.readable_by``.
    """
    return is_strategy_office(user) or _role(user) == "body_member"


def can_manage_governance(user: User | AnonymousUser) -> bool:
    """Bodies, memberships, meetings, cases, decisions, the annual cycle and report: the strategy office."""
    return is_strategy_office(user)


def organisation_of(user: User | AnonymousUser) -> Organisation | None:
    """The organisation the user belongs to, or None."""
    return getattr(user, "organisation", None) if user.is_authenticated else None


def can_import_indicator_data(user: User | AnonymousUser) -> bool:
    """The upload page for observations: the strategy office, and owner editors whose organisation is
    responsible for at least one indicator (published or not)."""
    if is_strategy_office(user):
        return True
    organisation = editable_organisation(user)
    return organisation is not None and organisation.indicators.exists()


def importable_indicators(user: User | AnonymousUser, indicators: QuerySet) -> QuerySet:
    """Of ``indicators`` (a QuerySet of indicators), those whose observations ``user`` may import.

    Every one for the strategy office; for an owner editor, those its organisation is the responsible
    organisation of, published or not (other organisations' unpublished indicators stay out of sight);
    none for anyone else.
    """
    if is_strategy_office(user):
        return indicators
    organisation = editable_organisation(user)
    if organisation is None:
        return indicators.none()
    return indicators.filter(responsible=organisation)


def can_import_several_indicators(user: User | AnonymousUser) -> bool:
    """A file whose rows name their own indicators, any of them: the strategy office only.

    Everyone else who may import chooses one of their indicators, and every row must be for it.
    """
    return is_strategy_office(user)


def can_create_dimensions_on_import(user: User | AnonymousUser) -> bool:
    """An upload that creates the dimensions and values its file brings: the strategy office only,
    since dimensions are shared by every indicator (``can_edit_indicators``)."""
    return is_strategy_office(user)


def can_edit_indicators(user: User | AnonymousUser) -> bool:
    """Indicator definitions, baselines, targets, dimensions and their publication: the strategy office only."""
    return is_strategy_office(user)


def can_list_own_indicators(user: User | AnonymousUser) -> bool:
    """The workspace's "our indicators": owner editors, for the indicators their organisation is responsible for."""
    return editable_organisation(user) is not None


def workspace_indicators(user: User | AnonymousUser, indicators: QuerySet) -> QuerySet:
    """Of ``indicators``, those ``user`` may open in the workspace.

    Every one for the strategy office; for an owner editor, those its organisation is responsible for
    (published or not) and the published ones of everyone else; none for anyone else.
    """
    if is_strategy_office(user):
        return indicators
    organisation = editable_organisation(user)
    if organisation is None:
        return indicators.none()
    return (indicators.filter(responsible=organisation) | indicators.published()).distinct()


def can_read_status_reports(user: User | AnonymousUser) -> bool:
    """Every submitted and approved status report, published or not: the strategy office and body members."""
    return is_strategy_office(user) or _role(user) == "body_member"


def can_list_own_status_reports(user: User | AnonymousUser) -> bool:
    """The workspace's "our reports": owner editors, for the portfolio items their organisation owns."""
    return editable_organisation(user) is not None


def can_write_status_report(user: User | AnonymousUser, owners: Any) -> bool:
    """Writing and submitting the status report of an item owned by ``owners`` (organisations).

    Only an owner editor of one of the owners: the strategy office reviews reports and does not write
    them, so nobody approves their own report.
    """
    return _role(user) == "owner_editor" and owns(user, owners)


def can_draft_status_report(user: User | AnonymousUser, owners: Any) -> bool:
    """Saving a draft of the status report of an item owned by ``owners``, by a spreadsheet upload.

    The owner editors of one of the owners, and the strategy office, which keys in the drafts owners
    send it as spreadsheets (``reporting.bulk``). Only an owner editor submits a draft
    (``can_write_status_report``), so the strategy office never approves a report it submitted.
    """
    return can_write_status_report(user, owners) or is_strategy_office(user)


def can_exchange_status_reports(user: User | AnonymousUser) -> bool:
    """Downloading a period's status reports as a spreadsheet and uploading it filled in.

    The strategy office (every portfolio item) and owner editors (their organisation's items only).
    """
    return is_strategy_office(user) or editable_organisation(user) is not None


def can_review_status_reports(user: User | AnonymousUser) -> bool:
    """Returning and approving submitted status reports: the strategy office only."""
    return is_strategy_office(user)


def can_edit_benefit_links(user: User | AnonymousUser, owners: Any) -> bool:
    """Declaring which indicators a roadmap item is meant to move: whoever may edit the item.

    The strategy office for every item; an owner editor for the items one of ``owners`` is its
    organisation. Body members and the public read the links but do not change them.
    """
    return can_edit_owned(user, owners)


def can_manage_reporting_periods(user: User | AnonymousUser) -> bool:
    """Creating, opening, closing, locking and publishing reporting periods: the strategy office only."""
    return is_strategy_office(user)


def can_freeze_portfolio_snapshots(user: User | AnonymousUser) -> bool:
    """Freezing the portfolio into a snapshot (case material for the governance bodies): the strategy office only.

    Nobody changes or deletes a snapshot once frozen, not even the strategy office or a superuser
    (``reporting.snapshot_models``).
    """
    return is_strategy_office(user)


def can_read_portfolio_snapshots(user: User | AnonymousUser) -> bool:
    """Frozen portfolio snapshots, their comparison and downloads: the strategy office and body members.

    Not owner editors and not the public: a snapshot holds every approved report of every owner, also
    those of periods not yet published and of unpublished items, and a part of it would no longer be
    the document its hash vouches for.
    """
    return can_read_status_reports(user)
