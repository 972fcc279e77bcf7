"""Content in the reader's language: nynorsk and English beside the bokmål text.

The content people read (titles, visions, descriptions, names) has a column per
language beside the bokmål one, added by django-modeltranslation from each app's
``translation.py``: ``title_nb``, ``title_nn``, ``title_en``. Bokmål is the source of
truth and always filled; the other two are optional.

Two rules keep that simple:

- **The ORM speaks bokmål in every language.** ``obj.title``, ``obj.title = ...``,
  ``Model(title=...)``, ``filter(title=...)`` and ``order_by("title")`` mean the bokmål
  column whatever language is active (``pin_orm_to_bokmal``). So importers,
  exports, the demo loader, services and forms behave as before under ``/en/``
  too, and no write of bokmål text can land in the English column.
- **Pages ask for the reader's language in one place**, ``content_in_language``
  (the ``{% content %}`` tag in ``site_tags``): the version in the page's language,
  else the bokmål text, with a flag saying it fell back so the page can mark it
  ``lang="nb"`` (WCAG 3.1.2, language of parts).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

SOURCE_LANGUAGE = "nb"


def content_languages() -> tuple[str, ...]:
    """The languages content is kept in, bokmål first."""
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


@dataclass(frozen=True)
class ContentText:
    """A content text as a page shows it: ``text`` and the language it is in."""

    text: str
    language: str

    def fell_back(self, page_language: str) -> bool:
        """Whether the text is in another language than the page, so it needs its own ``lang``."""
        return self.language != page_language


def page_language() -> str:
    """The active language reduced to one of the content languages (``nb`` when none is active)."""
    language = (translation.get_language() or SOURCE_LANGUAGE).split("-")[0]
    return language if language in content_languages() else SOURCE_LANGUAGE


def content_in_language(obj: Any, *fields: str, language: str | None = None) -> ContentText:
    """The first of ``obj``'s ``fields`` with text in ``language`` (default: the page's), else in bokmål.

    With two fields (``"short_title", "title"``) a translated title beats a bokmål short
    title, and the bokmål title stands in where there is no short title at all. A
    translation counts when it holds more than white space. With nothing in any
    language the text is empty, in bokmål. ``obj`` may be a mapping too (content as frozen in a
    snapshot's document, bokmål only).
    """
    language = language or page_language()
    if language != SOURCE_LANGUAGE:
        for field in fields:
            translated = field_value(obj, f"{field}_{language}")
            if translated and translated.strip():
                return ContentText(translated, language)
    for field in fields:
        if text := field_value(obj, field):
            return ContentText(text, SOURCE_LANGUAGE)
    return ContentText("", SOURCE_LANGUAGE)


def field_value(obj: Any, name: str) -> Any:
    """``obj``'s ``name``: an attribute of a model instance, or a key of a mapping (content frozen in a document)."""
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def language_mark(shown: ContentText, language: str | None = None) -> str:
    """The ``lang`` to put on ``shown`` in plain-text places that mark it apart (a search hit):
    its language when it fell back from ``language`` (default: the page's), else empty."""
    return shown.language if shown.text and shown.fell_back(language or page_language()) else ""


class LanguageLabel(str):
    """A plain-text label (a select's option) that knows its ``lang`` when it is not the page's."""

    lang: str | None = None


def content_label(
    obj: Any, *fields: str, prefix: str = "", suffix: str = "", language: str | None = None
) -> LanguageLabel:
    """``obj``'s text as ``content_in_language`` picks it, between ``prefix`` and ``suffix``, as a
    label for an option; ``lang`` is set when the text fell back to bokmål, so the widget marks it.
    ``language`` defaults to the page's (a caller making many labels reads it once)."""
    language = language or page_language()
    shown = content_in_language(obj, *fields, language=language)
    label = LanguageLabel(prefix + shown.text + suffix)
    if shown.fell_back(language):
        label.lang = shown.language
    return label


def content_columns(*fields: str, prefix: str = "", language: str | None = None) -> list[str]:
    """The columns a ``values()`` query reads for ``fields`` in the page's language and in bokmål
    (``title_nb``, and ``title_nn`` on a nynorsk page); ``prefix`` follows a relation (``"goal__"``).

    Lists read their labels as plain values rather than model instances, which modeltranslation
    makes several times dearer to load; ``content_row`` turns such a row back into what
    ``content_in_language`` reads. ``language`` defaults to the page's.
    """
    language = language or page_language()
    languages = (SOURCE_LANGUAGE,) if language == SOURCE_LANGUAGE else (SOURCE_LANGUAGE, language)
    return [f"{prefix}{field}_{code}" for field in fields for code in languages]


def content_row(row: Mapping[str, Any], *fields: str, prefix: str = "", language: str | None = None) -> dict[str, Any]:
    """``fields`` of a ``values()`` row read through ``content_columns`` as ``content_in_language`` reads a
    mapping: the bokmål text under the field's name, the page language's under ``<field>_<language>``."""
    language = language or page_language()
    content = {}
    for field in fields:
        content[field] = row[f"{prefix}{field}_{SOURCE_LANGUAGE}"]
        if language != SOURCE_LANGUAGE:
            content[f"{field}_{language}"] = row[f"{prefix}{field}_{language}"]
    return content


def pin_orm_to_bokmal() -> None:
    """Make modeltranslation's model layer use bokmål whatever language is active.

    Out of the box, modeltranslation maps ``obj.title`` and ``filter(title=...)`` to
    the column of the *active* language, so an import run from an English page would
    write bokmål text into ``title_en`` and an export would carry English names under
    the bokmål column. Veikart picks the reader's language only when a page shows a
    text (``content_in_language``); everywhere else the plain field name is the bokmål
    column. modeltranslation's descriptors, constructor and query rewriting all ask
    one function, ``modeltranslation.utils.get_language``, imported into three
    modules; this points those names at the default language.
    """
    from modeltranslation import fields, manager
    from modeltranslation import translator as translator_module

    def source_language() -> str:
        return settings.MODELTRANSLATION_DEFAULT_LANGUAGE

    for module in (fields, manager, translator_module):
        module.get_language = source_language


def fill_source_columns(app_label: str, fields_by_model: dict[str, tuple[str, ...]]):
    """A migration operation that copies each field's existing text into its bokmål column.

    For the migration that adds the translation columns: the text written so far is
    bokmål, and after it ``title_nb`` must hold what ``title`` held. Going back needs
    nothing, as the columns are dropped.
    """
    from django.db import migrations
    from django.db.models import F

    def fill(apps, schema_editor) -> None:
        for model_name, fields in fields_by_model.items():
            model = apps.get_model(app_label, model_name)
            model.objects.update(**{f"{field}_{SOURCE_LANGUAGE}": F(field) for field in fields})

    return migrations.RunPython(fill, migrations.RunPython.noop)


def translation_columns(*fields: str) -> list[str]:
    """The per-language columns modeltranslation adds for ``fields`` (``title_nb``, ``title_nn``, ...).

    For ``HistoricalRecords(excluded_fields=...)``: the history models are built before
    modeltranslation adds these columns, so they record the bokmål text (through the plain
    field name) and not the translations.
    """
    return [f"{field}_{language}" for field in fields for language in content_languages()]


def in_languages(*fields: str) -> list[str]:
    """``fields`` each followed by its translations, for a form's ``Meta.fields``:
    ``in_languages("title")`` is ``["title", "title_nn", "title_en"]`` (bokmål through the plain name)."""
    return [
        name for field in fields for name in (field, *(f"{field}_{language}" for language in content_languages()[1:]))
    ]


def sentence(template: str, **parts: str) -> SafeString:
    """A translated sentence (``"Edit %(strategy)s"``) around content already rendered by the
    ``content`` tag, which may mark a bokmål part: the sentence is escaped, the parts kept as they are.
    A page's ``<title>`` takes it through ``striptags``."""
    return mark_safe(conditional_escape(template) % {name: conditional_escape(part) for name, part in parts.items()})
