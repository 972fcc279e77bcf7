"""Every catalogue is complete in nb, nn and en, its compiled .mo matches the .po, and it holds the strings
that ``make messages`` puts in it."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po"))
STRING = re.compile(r'^"(.*)"$')


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file as dicts with msgid, msgid_plural and msgstr values (a small reader)."""
    entries, entry, key = [], {}, None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if entry:
                entries.append(entry)
            entry, key = {}, None
        elif line.startswith("#"):
            if line.startswith("#, ") and "fuzzy" in line:
                entry["fuzzy"] = True
            if line.startswith("#~"):
                entry["obsolete"] = True
        elif match := re.match(r"^(msgid|msgid_plural|msgctxt|msgstr(?:\[\d+\])?) (\".*\")$", line):
            key = match.group(1)
            entry[key] = ast.literal_eval(match.group(2))
        elif STRING.match(line) and key:
            entry[key] += ast.literal_eval(line)
    return [e for e in entries if e.get("msgid") and not e.get("obsolete")]


def test_there_are_catalogues_for_every_language():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {"nb", "nn", "en"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_string_is_translated_and_compiled(path):
    entries = parse_po(path)
    untranslated = [e["msgid"] for e in entries if not all(v for k, v in e.items() if k.startswith("msgstr"))]
    fuzzy = [e["msgid"] for e in entries if e.get("fuzzy")]
    assert not untranslated, f"untranslated in {path}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:10]}"
    with path.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = [
        e["msgid"]
        for e in entries
        if "msgstr" in e and "msgctxt" not in e and catalogue.gettext(e["msgid"]) != e["msgstr"]
    ]
    assert not stale, f"{path.with_suffix('.mo')} is older than its .po (run make messages): {stale[:5]}"


def test_the_shared_catalogue_holds_no_string_of_an_app_with_its_own():
    """``make messages`` puts an app's strings in the app's own catalogue only (see the Makefile)."""
    own = {path.parent.name for path in ROOT.glob("*/locale")}
    assert own >= {"roadmap", "indicators"}
    shared = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))
    assert len(shared) == 3
    for path in shared:
        references = [
            reference
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("#: ")
            for reference in line[3:].split()
        ]
        strays = [ref for ref in references if ref.startswith("veikart/") and ref.split("/")[1] in own]
        assert not strays, f"{path} has strings of apps with their own catalogue: {strays[:5]}"


@pytest.mark.parametrize(
    ("language", "roadmap", "indicators"),
    [("nb", "Veikart", "Målindikatorer"), ("nn", "Vegkart", "Målindikatorar"), ("en", "Roadmap", "Target indicators")],
)
def test_the_names_of_apps_with_their_own_catalogue_are_translated(language, roadmap, indicators):
    with translation.override(language):
        assert str(apps.get_app_config("roadmap").verbose_name) == roadmap
        assert str(apps.get_app_config("indicators").verbose_name) == indicators
