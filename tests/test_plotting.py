"""Charts drawn with plotext: plain text for a pipe, the same in every run, and guards on
the plotext internals ``sciatica_tui.plotting`` relies on."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

from sciatica_tui.domain.trends.charts import chart_specs
from sciatica_tui.domain.trends.series import trend_data
from sciatica_tui.plotting import charts_as_text, set_plot_size, steady_plotext
from tests.support.trends import TODAY, TWENTY_DAYS, session


def test_text_charts_are_plain_without_colour() -> None:
    data = trend_data(TWENTY_DAYS, [session(TODAY, 4)], [], TODAY)
    text = charts_as_text(chart_specs(data, 4), width=80, height=15, colour=False)
    assert "\x1b[" not in text
    assert "Leg and back pain" in text and "Thigh" in text
    assert "Numbness or tingling (0-10): nothing logged in these weeks" in text


STEADY_PROBE = """
from datetime import date, timedelta
from sciatica_tui.domain.records import DailyLog, Reach
from sciatica_tui.domain.trends.charts import chart_specs
from sciatica_tui.domain.trends.series import trend_data
from sciatica_tui.plotting import charts_as_text, set_plot_size, steady_plotext

today = date(2026, 11, 21)
logs = [
    DailyLog(today - timedelta(days=i), i % 11, i % 7, pain_reach=list(Reach)[i % 6])
    for i in range(0, 600, 2)
]
specs = chart_specs(trend_data(logs, [], [], today), None)
for width in (45, 50, 57):
    print(charts_as_text(specs, width=width, height=15, colour=False))
"""


def test_charts_are_the_same_in_every_run() -> None:
    # plotext left alone places date labels by string hash order, which changes per run.
    outputs = {
        subprocess.run(
            [sys.executable, "-c", STEADY_PROBE],
            cwd=Path(__file__).resolve().parents[1],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1


# --- guards on plotext's private parts (sciatica_tui/plotting.py) ---------------------------

PLOTEXT = f"plotext {importlib.metadata.version('plotext')}"


def test_steady_plotext_still_makes_plotext_keep_the_order_of_ticks() -> None:
    """plotext drops duplicate ticks and points with its private ``_utility.no_duplicates``
    (through ``brush``), which ``steady_plotext`` replaces: when that changes, charts may
    come out differently from run to run again."""
    from plotext import _utility

    assert callable(getattr(_utility, "no_duplicates", None)), (
        f"{PLOTEXT} has no _utility.no_duplicates any more: steady_plotext patches nothing. "
        "Find how this version drops duplicate ticks, or pin plotext back."
    )
    steady_plotext()
    # Eight ticks, one of them twice: a set would keep them in some other order.
    ticks = [5, 3, 8, 1, 3, 7, 2, 6, 4]
    labels = [f"tick {tick}" for tick in ticks]
    kept = [5, 3, 8, 1, 7, 2, 6, 4]
    assert _utility.brush(ticks, labels) == [kept, [f"tick {tick}" for tick in kept]], (
        f"{PLOTEXT} no longer drops duplicates through _utility.no_duplicates: the patch in "
        "steady_plotext has no effect, and tick labels may move from run to run."
    )


def test_set_plot_size_gives_a_figure_exactly_the_size_asked() -> None:
    """``set_plot_size`` calls the figure's private ``_set_size`` because the public
    ``plotsize`` keeps a figure within the terminal size read when it was made."""
    from textual_plotext.plot import Plot

    width, height = 300, 100  # larger than any terminal the tests run in

    def drawn_size(figure: Plot) -> tuple[int, int]:
        lines = figure.uncolorize(figure.build()).splitlines()
        return max(len(line) for line in lines), len(lines)

    plain = Plot()
    plain.scatter([1, 2], [3, 4])
    plain.plotsize(width, height)
    assert drawn_size(plain) != (width, height), (
        f"{PLOTEXT}: plotsize now gives the size asked for even beyond the terminal; "
        "set_plot_size in sciatica_tui/plotting.py can drop its private _set_size call."
    )
    figure = Plot()
    assert callable(getattr(figure, "_set_size", None)), (
        f"{PLOTEXT} figures have no _set_size any more: set_plot_size (and the Trends tab's "
        "charts) need another way to size a chart beyond the terminal."
    )
    figure.scatter([1, 2], [3, 4])
    set_plot_size(figure, width, height)
    assert drawn_size(figure) == (width, height), (
        f"{PLOTEXT}: _set_size no longer sizes a figure; the Trends tab's charts would be cut."
    )
