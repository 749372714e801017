"""``TrendPlot``: a ``PlotextPlot`` that draws a ``ChartSpec`` only when it is on screen and
remembers each drawing.

Imported only when the first chart is shown: importing it imports plotext.

Why not the plain widget: ``PlotextPlot.render`` rebuilds the plot and parses plotext's ANSI
output with Rich on every render, which made switching ranges miss its time budget. Here a
chart is re-plotted only when a line of it is asked for (so charts scrolled out of view cost
nothing), plotext's output (only 24-bit colour codes) is turned straight into the lines
Textual draws (``Strip``s, through ``render_line``), and the result is kept per chart, size
and theme, so going back to a range already seen costs no plotting and no conversion.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.app import RenderResult
from textual.color import Color
from textual.content import Content, Span
from textual.strip import Strip
from textual.style import Style
from textual_plotext import PlotextPlot

from sciatica_tui.domain.trends.chart_spec import ChartSpec, ColourRole
from sciatica_tui.plotting import PlotColour, draw_chart, set_plot_size, steady_plotext

_SGR = re.compile(r"\x1b\[([0-9;]*)m")
# Drawings kept per plot: three ranges at a couple of sizes is plenty.
_KEPT = 12

RGB = tuple[int, int, int]
# A stretch of text and its colours (foreground, background), as plotext wrote it.
Run = tuple[str, RGB | None, RGB | None]


class UnexpectedCode(ValueError):
    """plotext wrote an escape code the fast reader does not know."""


def ansi_runs(ansi: str) -> list[Run]:
    """plotext's output as stretches of text with their colours.

    plotext only writes resets and 24-bit colours (``38;2;r;g;b`` and ``48;2;r;g;b``) when
    every colour is RGB, as they are here; anything else raises ``UnexpectedCode``.
    """
    runs: list[Run] = []
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
            runs.append((part, foreground, background))
    return runs


def ansi_to_content(ansi: str) -> Content:
    """plotext's output as Textual ``Content`` (what ``render`` returns)."""
    styles: dict[tuple[RGB | None, RGB | None], Style] = {}
    pieces: list[str] = []
    spans: list[Span] = []
    position = 0
    for text, foreground, background in ansi_runs(ansi):
        pieces.append(text)
        end = position + len(text)
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


def ansi_to_strips(ansi: str, width: int, height: int) -> list[Strip]:
    """plotext's output as ``height`` lines of exactly ``width`` cells, ready to draw."""
    styles: dict[tuple[RGB | None, RGB | None], RichStyle] = {}
    lines: list[list[Segment]] = [[]]
    for text, foreground, background in ansi_runs(ansi):
        key = (foreground, background)
        style = styles.get(key)
        if style is None:
            style = styles[key] = RichStyle(
                color=RichColor.from_rgb(*foreground) if foreground else None,
                bgcolor=RichColor.from_rgb(*background) if background else None,
            )
        first, *rest = text.split("\n")
        if first:
            lines[-1].append(Segment(first, style))
        for line in rest:
            lines.append([Segment(line, style)] if line else [])
    strips = [Strip(segments).adjust_cell_length(width) for segments in lines[:height]]
    strips += [Strip.blank(width)] * (height - len(strips))
    return strips


@dataclass(frozen=True)
class Drawing:
    """One chart plotted at one size: plotext's text and the lines drawn from it."""

    ansi: str
    strips: list[Strip]


class TrendPlot(PlotextPlot):
    """One Trends chart."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        """An empty chart; ``show`` gives it something to draw."""
        super().__init__(id=id, classes=classes)
        steady_plotext()  # the same chart looks the same in every run (snapshots)
        self._spec: ChartSpec | None = None
        self._colours: Mapping[ColourRole, PlotColour] = {}
        self._drawn: dict[tuple[int, int, int, str], Drawing] = {}
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

    def replot_now(self) -> Drawing | None:
        """Re-plot the chart at its current size, kept drawings aside (benchmarks)."""
        if self._spec is None:
            return None
        width, height = self.size
        return self._replot(self._spec, width, height, self.app.theme)

    def drawing(self) -> Drawing | None:
        """The chart at the current size and theme, re-plotted only when not kept."""
        spec = self._spec
        width, height = self.size
        if spec is None or not width or not height:
            return None
        theme = self.app.theme
        key = (id(spec), width, height, theme)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._replot(spec, width, height, theme)
            if len(self._drawn) >= _KEPT:
                self._drawn.clear()
            self._drawn[key] = drawn
        return drawn

    def render_line(self, y: int) -> Strip:
        """One line of the kept drawing (Textual asks line by line for what is in view)."""
        drawn = self.drawing()
        if drawn is None or not 0 <= y < len(drawn.strips):
            return Strip.blank(self.size.width, self.visual_style.rich_style)
        return drawn.strips[y]

    def render(self) -> RenderResult:
        """The chart as ``Content`` (for text selection and tests; the screen is drawn from
        ``render_line``)."""
        drawn = self.drawing()
        if drawn is None:
            return ""
        try:
            return ansi_to_content(drawn.ansi)
        except UnexpectedCode:
            return Text.from_ansi(drawn.ansi)

    def _replot(self, spec: ChartSpec, width: int, height: int, theme: str) -> Drawing:
        plt = self.plt
        # Title and legend are widgets of their own (see TrendCharts).
        draw_chart(plt, spec, self._colours, title=False, legend=False)
        set_plot_size(plt, width, height)
        if self.theme == "auto":
            plt.theme(f"textual-auto-{theme}")  # registered by PlotextPlot on mount
        else:
            plt.theme(self.theme)
        self.draws += 1
        ansi = plt.build()
        try:
            strips = ansi_to_strips(ansi, width, height)
        except UnexpectedCode:
            console_lines = Text.from_ansi(ansi).split("\n")
            strips = [
                Strip(line.render(self.app.console)).adjust_cell_length(width)
                for line in console_lines[:height]
            ]
            strips += [Strip.blank(width)] * (height - len(strips))
        return Drawing(ansi, strips)
