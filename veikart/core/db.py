"""Database upkeep shared by the apps."""

from __future__ import annotations

from django.db import connection, models, transaction

# How many rows an import must create or update before it refreshes the planner's statistics.
# Statistics that describe a table as it was before a large import (a few rows, or none) lead both
# planners to poor plans for the list pages until they are refreshed: PostgreSQL's autovacuum does
# it only on its next round once over a tenth of the table changed, SQLite never does. A refresh
# costs a sample of 30,000 rows on PostgreSQL but a full read of the table and its indexes on
# SQLite (about 1.5 s for 3.6 million observations), while a few hundred rows more or less do not
# change a plan; so small imports, such as a year's figures for a few indicators, skip it.
STATISTICS_REFRESH_ROWS = 1_000


def refresh_statistics(*models_written: type[models.Model]) -> None:
    """Run ``ANALYZE`` on the tables of ``models_written`` once the current transaction commits.

    Inside ``transaction.atomic`` the statistics are refreshed after the commit, so that they
    describe the committed rows and the import's locks are not held any longer; nothing happens if
    the transaction rolls back. Outside a transaction they are refreshed at once. A failure is
    logged and not raised: the data are committed by then, and stale statistics only cost speed.
    Works on PostgreSQL and SQLite (``sqlite_stat1``); each table is analysed on its own.
    """
    tables = list(dict.fromkeys(model._meta.db_table for model in models_written))

    def analyze() -> None:
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")

    transaction.on_commit(analyze, robust=True)
