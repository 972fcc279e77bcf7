"""The searchable text of each decision (``DecisionSearch``), kept by ``decision_search``."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionSearch(models.Model):
    """A decision's text in two versions, so that an exempt case never matches on its hidden papers.

    ``document`` is everything: the meeting and case numbers, the title, the background, the proposed
    decision, the decision and the dissent; it is searched only for those who read the case's papers.
    ``public_document`` is what anyone who may know of the decision reads: for a case that is not
    exempt the same text, for an exempt one only its numbers, its legal basis and, where public, its
    title. On PostgreSQL each has a ``norwegian`` vector (GIN-indexed); on SQLite the FTS5 table
    ``governance_decision_fts`` holds their Snowball stems (columns ``title``, ``body``,
    ``public_title``, ``public_body``; rowid = the decision's id). Not edited, no history.
    """

    decision = models.OneToOneField(
        "governance.Decision", on_delete=models.CASCADE, primary_key=True, related_name="search"
    )
    document = models.TextField(blank=True, default="")
    public_document = models.TextField(blank=True, default="")
    vector = SearchVectorField(null=True)
    public_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("decision search text")
        verbose_name_plural = _("decision search texts")

    def __str__(self) -> str:
        return str(self.decision_id)
