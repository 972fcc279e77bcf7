"""Formula injection: a text cell that a spreadsheet would run as a formula is written so it does not.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written to CSV with
a leading apostrophe, which spreadsheets show as text and hide (and so is a cell that already starts
with apostrophes and then one of those, so that it survives the way back); XLSX cells are typed as
text instead. The CSV reader removes one apostrophe again, so a value exported and imported back is
the value it was (``restore_cell``). Numbers are never neutralised: ``-0.8`` is a number, not a
formula.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(text: str) -> str:
    """``text`` made safe for a CSV cell."""
    # Apostrophes before a formula's start (``'=x``, ``''=x``) get one more, so that one can be taken off again.
    if text.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def restore_cell(text):
    """The value ``neutralise_cell`` was given; anything else is returned as it is."""
    if text.__class__ is str and text.startswith("'") and neutralise_cell(text[1:]) == text:
        return text[1:]
    return text
