"""Reading JSON within bounds: size (checked by the caller), nesting depth, and a clear message for broken JSON.

``json_events`` streams the parser's ``(prefix, event, value)`` events (ijson), so a large document is
never held in memory, and refuses nesting deeper than ``Limits.max_json_depth`` (2,000 levels once
crashed an import). ``load_json`` builds a whole document for small files, after the same check. A
byte-order mark is skipped, as Windows tools may write one.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

import ijson
from django.utils.translation import gettext as _

from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import CONTROL_CHARACTERS, FileUnreadable

_BUFFER = 8 * 1024  # bytes read at a time; ijson holds the events of one buffer at once
_OPENING = ("start_map", "start_array")
_CLOSING = ("end_map", "end_array")


def _broken(error: Exception) -> FileUnreadable:
    # The parser's message may span lines (an excerpt with a pointer) and come as bytes: keep its first line.
    detail = error.args[0] if error.args else error
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    first_line = (str(detail).strip().splitlines() or [""])[0][:200]
    return FileUnreadable(_("The file is not valid JSON: %(detail)s") % {"detail": first_line})


def json_events(stream: BinaryIO, *, limits: Limits) -> Iterator[tuple[str, str, Any]]:
    """ijson's events over ``stream`` from its start; broken or too deeply nested JSON raises ``FileUnreadable``."""
    stream.seek(0)
    if stream.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
        stream.seek(0)
    depth = 0
    deepest = limits.max_json_depth
    try:
        for prefix, event, value in ijson.parse(stream, buf_size=_BUFFER):
            if (event == "string" or event == "map_key") and CONTROL_CHARACTERS.search(value):
                raise FileUnreadable(
                    _("A text in the JSON at %(place)s holds a control character (U+%(code)s), which is not text.")
                    % {"place": prefix or "/", "code": f"{ord(CONTROL_CHARACTERS.search(value).group()):04X}"}
                )
            if event in _OPENING:
                depth += 1
                if depth > deepest:
                    raise FileUnreadable(_("The JSON is nested more than %(limit)s levels deep.") % {"limit": deepest})
            elif event in _CLOSING:
                depth -= 1
            yield prefix, event, value
    except FileUnreadable:
        raise
    except (ijson.JSONError, ijson.IncompleteJSONError, UnicodeDecodeError, ValueError) as error:
        raise _broken(error) from None


def load_json(stream: BinaryIO, *, limits: Limits) -> Any:
    """The whole JSON document in ``stream`` (a small file), checked for depth first."""
    for _event in json_events(stream, limits=limits):
        pass
    stream.seek(0)
    try:
        return json.loads(stream.read().decode("utf-8-sig"))
    except (ValueError, RecursionError) as error:
        raise _broken(error) from None
