from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchWord(models.Model):
    """A word of the public searchable content of one kind, with how many public documents hold it.

    Kept by ``veikart.search.vocabulary`` (not edited, no history); the spelling suggestions are
    drawn from it, so it never holds a word found only in unpublished content. On PostgreSQL
    ``word`` has a trigram index (``gin_trgm_ops``); on SQLite the FTS5 table
    ``search_word_trigram`` (trigram tokenizer) indexes it, kept by triggers (migration 0001).
    """

    kind = models.CharField(max_length=40)
    word = models.CharField(max_length=60)
    # A plain integer: the vocabulary adds signed differences in one upsert.
    documents = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [models.UniqueConstraint(fields=["kind", "word"], name="search_word_unique_per_kind")]

    def __str__(self) -> str:
        return self.word
