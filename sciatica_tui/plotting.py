"""Drawing ``ChartSpec``s with plotext, for the Trends tab and ``sciatica trends``.

``draw_chart`` works on any plotext figure: the Trends tab hands it the figure inside a
``PlotextPlot`` widget, ``charts_as_text`` a bare plotext one. plotext itself is imported
only when a chart is first drawn, so importing this module stays cheap.

This is the one module that reaches into plotext's private parts (``steady_plotext`` and
``set_plot_size``); tests/test_plotting.py fails, naming the installed version, when plotext
changes them. pyproject.toml pins the plotext versions that were tested.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sciatica_tui.domain.trends.chart_spec import ChartSpec, ColourRole

# A plotext colour: a name, a 0-255 code or an RGB triple.
PlotColour = str | int | tuple[int, int, int]

# The terminal's own colours for ``sciatica trends`` (the app uses its theme's instead).
TERMINAL_COLOURS: dict[ColourRole, PlotColour] = {
    "primary": "blue+",
    "secondary": "magenta+",
    "accent": "cyan+",
    "warning": "orange+",
    "success": "green+",
    "error": "red+",
}


def draw_chart(
    plt: Any,
    spec: ChartSpec,
    colours: Mapping[ColourRole, PlotColour],
    *,
    title: bool = True,
    legend: bool = True,
) -> None:
    """Clear the plotext figure ``plt`` and draw ``spec`` on it (with its title and legend
    inside the chart unless ``title`` / ``legend`` is False: plotext draws its legend over the
    top left corner, where the first weeks' high pain would be)."""
    plt.clear_figure()
    if title:
        plt.title(spec.title)
    for series in spec.series:
        colour = colours[series.colour]
        if not legend:
            series = replace(series, label=None)
        common = {
            "marker": series.marker,
            "color": colour,
            "label": series.label,
            "yside": series.yside,
        }
        if series.kind == "scatter":
            plt.scatter(series.xs, series.ys, **common)
        elif series.kind == "line":
            plt.plot(series.xs, series.ys, **common)
        elif series.kind == "area":
            plt.plot(series.xs, series.ys, fillx=True, **common)
        else:
            plt.bar(series.xs, series.ys, width=0.5, reset_ticks=False, **common)
    plt.xlim(spec.x.low, spec.x.high)
    plt.xticks(list(spec.x.ticks), list(spec.x.labels))
    plt.ylim(spec.y.low, spec.y.high)
    plt.yticks(list(spec.y.ticks), list(spec.y.labels))
    if spec.y_right is not None and any(s.yside == "right" for s in spec.series):
        plt.ylim(spec.y_right.low, spec.y_right.high, yside="right")
        plt.yticks(list(spec.y_right.ticks), list(spec.y_right.labels), yside="right")


def steady_plotext() -> None:
    """Make plotext draw the same chart the same way in every run.

    plotext drops duplicate ticks and points through a ``set``, so where it puts the date
    labels under a chart (and which overlapping one it drops) follows Python's string hashing,
    which changes from run to run. Its own source keeps the order-keeping version in a
    comment; use that one. Called when plotext is first needed, never at import."""
    from plotext import _utility

    def no_duplicates(data: Any) -> list[Any]:
        return list(dict.fromkeys(data))

    _utility.no_duplicates = no_duplicates


def set_plot_size(plt: Any, width: int, height: int) -> None:
    """Size the plotext figure ``plt`` to exactly ``width`` by ``height`` cells.

    plotext's public ``plotsize`` shrinks a figure to the terminal size it read when the
    figure was made (80 by 23 when there is no terminal), so a larger chart would be cut
    short; the figure's private ``_set_size`` takes the size as given. textual-plotext's own
    ``render`` makes the same call (its issue #5)."""
    plt.plotsize(width, height)
    plt._set_size(width, height)


def charts_as_text(specs: Sequence[ChartSpec], *, width: int, height: int, colour: bool) -> str:
    """Every chart drawn as text, one under the other; without ANSI colours unless
    ``colour`` (for a terminal)."""
    import plotext

    steady_plotext()

    drawn = []
    for spec in specs:
        if not spec.has_data:  # an empty frame says less than its title does
            drawn.append(spec.title)
            continue
        draw_chart(plotext, spec, TERMINAL_COLOURS)
        plotext.plotsize(width, height)
        plotext.theme("pro" if colour else "clear")
        text = plotext.build()
        drawn.append(text if colour else plotext.uncolorize(text))
    plotext.clear_figure()
    return "\n\n".join(drawn) + "\n"
