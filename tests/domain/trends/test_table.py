"""The Trends weeks as a table, for ``sciatica trends``."""

from __future__ import annotations

from sciatica_tui.domain.trends.series import trend_data
from sciatica_tui.domain.trends.table import TABLE_COLUMNS, weekly_table
from tests.support.trends import TODAY, TWENTY_DAYS, session


def test_the_weekly_table_fits_80_columns() -> None:
    data = trend_data(TWENTY_DAYS, [session(TODAY, 4)], [], TODAY)
    table = weekly_table(data, 4).splitlines()
    assert table[0].split() == [name for name, _ in TABLE_COLUMNS for name in name.split()]
    assert len(table) == 2 + 3  # header, rule, the three weeks since the first log
    assert table[-1].startswith("16 Nov 2026") and "4 min" in table[-1]
    assert max(len(line) for line in table) <= 80
