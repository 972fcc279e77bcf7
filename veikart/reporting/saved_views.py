"""Saved portfolio views: a user's named filter sets of the workspace portfolio overview.

A view belongs to the user who saved it; nobody else lists, opens or deletes it
(``SavedPortfolioView.objects.of(user)`` is the one place that says so). What is kept is the
overview's own filters as a URL query (``period``, ``goal``, ``sub_goal``, ``owner``, ``phase``,
``status``), nothing else the address held; a filter that no longer matches anything (a period
since deleted) is ignored by the overview as any unknown value is.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

FILTER_KEYS = ("period", "goal", "sub_goal", "owner", "phase", "status")
MAX_VIEWS_PER_USER = 50


class SavedPortfolioViewQuerySet(models.QuerySet):
    def of(self, user: Any) -> SavedPortfolioViewQuerySet:
        """The views ``user`` saved; none for an anonymous visitor."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user)


class SavedPortfolioView(models.Model):
    """A named set of filters of the workspace portfolio overview, saved by one user for themself."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=gettext_lazy("user"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(gettext_lazy("name"), max_length=100)
    query = models.CharField(gettext_lazy("filters"), max_length=500, blank=True)
    created_at = models.DateTimeField(gettext_lazy("created"), auto_now_add=True)
    updated_at = models.DateTimeField(gettext_lazy("updated"), auto_now=True)

    objects = SavedPortfolioViewQuerySet.as_manager()

    class Meta:
        app_label = "reporting"
        ordering = ["name", "pk"]
        verbose_name = gettext_lazy("saved portfolio view")
        verbose_name_plural = gettext_lazy("saved portfolio views")
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="saved_portfolio_view_name_per_user")]

    def __str__(self) -> str:
        return self.name


class TooManyViews(Exception):
    """The user has ``MAX_VIEWS_PER_USER`` views already; ``message`` says so."""

    def __init__(self) -> None:
        self.message = _("You have %(count)s saved views, the most there can be; delete one first.") % {
            "count": MAX_VIEWS_PER_USER
        }
        super().__init__(self.message)


def filters_query(data: QueryDict | dict[str, Any]) -> str:
    """The overview's filters in ``data`` as a URL query, in a fixed order; empty values and other keys left out."""
    kept = QueryDict(mutable=True)
    for key in FILTER_KEYS:
        value = str(data.get(key) or "").strip()[:50]
        if value:
            kept[key] = value
    return kept.urlencode()


def saved_view_save(*, user: Any, name: str, filters: QueryDict | dict[str, Any]) -> SavedPortfolioView:
    """Save ``filters`` under ``name`` for ``user``; a view of the same name is replaced. ``TooManyViews`` past the limit."""
    name = " ".join(name.split())[:100]
    query = filters_query(filters)
    view = SavedPortfolioView.objects.of(user).filter(name=name).first()
    if view is None and SavedPortfolioView.objects.of(user).count() >= MAX_VIEWS_PER_USER:
        raise TooManyViews
    if view is None:
        view = SavedPortfolioView(user=user, name=name)
    view.query = query
    view.full_clean(exclude=["user"])
    view.save()
    logger.info("%s saved the portfolio view %s (%s): %s", user.username, view.pk, view.name, query or "no filters")
    return view


def saved_view_delete(*, user: Any, view_id: int) -> bool:
    """Delete ``user``'s view ``view_id``; False when ``user`` has no such view (someone else's included)."""
    view = SavedPortfolioView.objects.of(user).filter(pk=view_id).first()
    if view is None:
        return False
    view.delete()
    logger.info("%s deleted the portfolio view %s (%s)", user.username, view_id, view.name)
    return True
