"""The exchange layer: every table that moves in or out of Veikart goes through here (docs/exchange.md).

- reading: ``reading.read_table`` (CSV and XLSX as a ``Table``), ``reading.file_kind``,
  ``json_documents.json_events`` / ``load_json``, all within ``limits.Limits``;
- ``schema.Schema``: the declared columns of an import (name, aliases, required);
- ``problems``: the one ``Problem`` type and ``FileUnreadable``;
- ``previews``: preview → apply with an ``ImportRecord`` that any server process can apply;
- ``downloads``: CSV, XLSX and JSON out, never with a live formula (``neutralise``);
- ``commands.ImportCommand``: the base of import commands.
"""
