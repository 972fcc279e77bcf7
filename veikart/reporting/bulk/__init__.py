"""A period's status reports as a spreadsheet: downloaded, filled in offline, uploaded again.

One format goes out and in (``bulk_workbook`` writes it, ``bulk_plan`` reads it), on the exchange
layer (docs/exchange.md): the sheet ``Statusrapporter`` has one row per portfolio item of the period
(the item's id and name, its owners, the period, the report's state, then what the owner writes:
the overall status, a status and a comment per area, the status in words, next steps, the expected
phase change and end date); the sheet ``Risikoer`` one row per risk; the sheet ``Veiledning`` the
scale and the words it takes. A CSV file of the first sheet's columns is read too.

What a row may do (docs/reporting.md, "Spreadsheets"):

- a row whose content equals the item's current report (or, with no report, is empty) is unchanged;
- otherwise it begins a draft, or changes the draft or returned report, through the same service the
  report form uses (``services.status_report_save_draft``), so the same rules hold;
- it is refused, with the reason, when it names an item that is not the uploader's to report on or
  not in the portfolio, when it would change a submitted or approved report, or a new report in a
  closed period; a locked or planned period refuses the file.

A column the file lacks leaves that part of every report as it is, and so does a missing risk sheet;
milestone updates are never in the file and are kept. Applying is all or nothing: one refused row and
nothing is written (``bulk_apply``), and a file applied twice changes nothing the second time.
"""

from .columns import IMPORT_KIND, MAX_ROWS, RISK_COLUMNS, SHEET_GUIDE, SHEET_REPORTS, SHEET_RISKS, report_columns
from .export import bulk_items, bulk_workbook, current_reports, download_name
from .plan import BulkPlan, PlannedReport, bulk_apply, bulk_plan

__all__ = [
    "IMPORT_KIND",
    "MAX_ROWS",
    "RISK_COLUMNS",
    "SHEET_GUIDE",
    "SHEET_REPORTS",
    "SHEET_RISKS",
    "BulkPlan",
    "PlannedReport",
    "bulk_apply",
    "bulk_items",
    "bulk_plan",
    "bulk_workbook",
    "current_reports",
    "download_name",
    "report_columns",
]
