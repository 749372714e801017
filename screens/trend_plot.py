"""``TrendPlot``: a ``PlotextPlot`` that draws a ``ChartSpec`` only when it is on screen and
remembers each drawing.

Imported only when the first chart is shown: importing it imports plotext.

Why not the plain widget: ``PlotextPlot.render`` rebuilds the plot and parses plotext's ANSI
output with Rich on every render, which made switching ranges miss its time budget. Here a
chart is re-plotted inside ``render`` (so charts scrolled out of view cost nothing), plotext's
output (only 24-bit colour codes) is turned straight into Textual ``Content``, and the result
is kept per chart, size and theme, so going back to a range already seen is instant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.text import Text
from textual.app import RenderResult
from textual.color import Color
from textual.content import Content, Span
from textual.style import Style
from textual_plotext import PlotextPlot

from sciatica_tui.text_charts import PlotColour, draw_chart
from sciatica_tui.trend_series import ChartSpec, ColourRole

_SGR = re.compile(r"\x1b\[([0-9;]*)m")
# Drawings kept per plot: three ranges at a couple of sizes is plenty.
_KEPT = 12

RGB = tuple[int, int, int]


class UnexpectedCode(ValueError):
    """plotext wrote an escape code the fast reader does not know."""


def ansi_to_content(ansi: str) -> Content:
    """plotext's output as Textual ``Content``.

    plotext only writes resets and 24-bit colours (``38;2;r;g;b`` and ``48;2;r;g;b``) when
    every colour is RGB, as they are here; anything else raises ``UnexpectedCode``.
    """
    styles: dict[tuple[RGB | None, RGB | None], Style] = {}
    pieces: list[str] = []
    spans: list[Span] = []
    position = 0
    foreground: RGB | None = None
    background: RGB | None = None
    for index, part in enumerate(_SGR.split(ansi)):
        if index % 2:
            codes = part.split(";")
            if codes in (["0"], [""]):
                foreground = background = None
            elif len(codes) == 5 and codes[1] == "2" and codes[0] in ("38", "48"):
                rgb = (int(codes[2]), int(codes[3]), int(codes[4]))
                if codes[0] == "38":
                    foreground = rgb
                else:
                    background = rgb
            else:
                raise UnexpectedCode(part)
        elif part:
            pieces.append(part)
            end = position + len(part)
            if foreground or background:
                key = (foreground, background)
                style = styles.get(key)
                if style is None:
                    style = styles[key] = Style(
                        background=Color(*background) if background else None,
                        foreground=Color(*foreground) if foreground else None,
                    )
                spans.append(Span(position, end, style))
            position = end
    return Content("".join(pieces), spans)


class TrendPlot(PlotextPlot):
    """One Trends chart."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        """An empty chart; ``show`` gives it something to draw."""
        super().__init__(id=id, classes=classes)
        self._spec: ChartSpec | None = None
        self._colours: Mapping[ColourRole, PlotColour] = {}
        self._drawn: dict[tuple[int, int, int, str], RenderResult] = {}
        self.draws = 0
        """How many times the chart was actually re-plotted (tests and benchmarks)."""

    def show(self, spec: ChartSpec, colours: Mapping[ColourRole, PlotColour]) -> None:
        """Draw ``spec`` in ``colours`` (re-plotted when next on screen), then refresh."""
        if colours != self._colours:
            self._drawn.clear()
        self._spec = spec
        self._colours = dict(colours)
        self.refresh()

    def forget(self) -> None:
        """Drop the kept drawings (the data changed)."""
        self._drawn.clear()

    def render(self) -> RenderResult:
        """The chart at the current size and theme, re-plotted only when not kept."""
        spec = self._spec
        if spec is None:
            return ""
        width, height = self.size
        theme = self.app.theme
        key = (id(spec), width, height, theme)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._replot(spec, width, height, theme)
            if len(self._drawn) >= _KEPT:
                self._drawn.clear()
            self._drawn[key] = drawn
        return drawn

    def _replot(self, spec: ChartSpec, width: int, height: int, theme: str) -> RenderResult:
        plt = self.plt
        draw_chart(plt, spec, self._colours, title=False)
        plt.plotsize(width, height)
        # textual-plotext's own render makes this call too (its issue #5): without it a
        # resized plot keeps its old size.
        plt._set_size(width, height)
        if self.theme == "auto":
            plt.theme(f"textual-auto-{theme}")  # registered by PlotextPlot on mount
        else:
            plt.theme(self.theme)
        self.draws += 1
        ansi = plt.build()
        try:
            return ansi_to_content(ansi)
        except UnexpectedCode:
            return Text.from_ansi(ansi)
