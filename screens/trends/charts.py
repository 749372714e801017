"""The Trends charts: one ``PlotextPlot`` per ``ChartSpec``, drawn in the app's theme colours.

``textual_plotext`` (and with it plotext) is imported the first time charts are shown, never
when the app starts: most days nobody opens the Trends tab.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.color import Color
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from sciatica_tui.domain.trends.chart_spec import ChartSpec, ColourRole, Series
from sciatica_tui.plotting import PlotColour

if TYPE_CHECKING:
    from sciatica_tui.screens.trends.plot import TrendPlot

# What each plotext marker looks like, for the legend under a chart's title.
MARKER_GLYPHS: dict[str, str] = {"hd": "▄▄", "braille": "⠤⠤", "sd": "██"}

COLOUR_ROLES: tuple[ColourRole, ...] = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "success",
    "error",
)


class TrendCharts(Grid):
    """The grid of charts for one range (one column, or two on a wide terminal)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """An empty grid; ``show`` fills it."""
        super().__init__(id=id)
        self._plots: dict[str, TrendPlot] = {}
        self._titles: dict[str, Static] = {}
        self._legends: dict[str, Static] = {}
        self._specs: Sequence[ChartSpec] = ()

    def on_mount(self) -> None:
        """Redraw in the new colours when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw())

    def show(self, specs: Sequence[ChartSpec], *, new_data: bool = False) -> None:
        """Draw ``specs``, creating the plot widgets the first time; ``new_data`` drops the
        drawings kept from before."""
        self._specs = specs
        if new_data:
            for plot in self._plots.values():
                plot.forget()
        missing = [spec for spec in specs if spec.id not in self._plots]
        if missing:
            from sciatica_tui.screens.trends.plot import TrendPlot

            new = []
            for spec in missing:
                title = Static("", classes="chart-title")
                legend = Static("", classes="chart-legend")
                plot = TrendPlot(id=f"chart-{spec.id}", classes="trend-chart")
                self._titles[spec.id] = title
                self._legends[spec.id] = legend
                self._plots[spec.id] = plot
                new.append(Vertical(title, legend, plot, classes="chart-box"))
            self.mount(*new)
        self._draw()

    @property
    def specs(self) -> Sequence[ChartSpec]:
        """The charts drawn now."""
        return self._specs

    def plot(self, chart_id: str) -> TrendPlot:
        """The plot widget of one chart."""
        return self._plots[chart_id]

    def theme_colours(self) -> dict[ColourRole, PlotColour]:
        """The app theme's colours as RGB, so the charts match the rest of the app."""
        variables = self.app.theme_variables
        colours: dict[ColourRole, PlotColour] = {}
        for role in COLOUR_ROLES:
            colour = Color.parse(variables.get(role) or variables.get("primary") or "white")
            colours[role] = colour.rgb
        return colours

    def legend(self, chart_id: str) -> Static:
        """The legend line of one chart."""
        return self._legends[chart_id]

    @staticmethod
    def _set_text(label: Static, text: str | Content) -> None:
        """Change a title or legend, asking for a new layout only when its height may change
        (a layout of the whole tab costs more than drawing a chart)."""
        old = label.content
        if str(old) == str(text) and old == text:
            return
        width = label.size.width
        same_height = bool(width) and len(str(old)) <= width and len(str(text)) <= width
        label.update(text, layout=not same_height)

    def _draw(self) -> None:
        if not self._specs:
            return
        colours = self.theme_colours()
        for spec in self._specs:
            # The title is a widget of its own: it wraps on a narrow terminal, where plotext
            # would drop a title that does not fit.
            self._set_text(self._titles[spec.id], spec.title)
            self._set_text(self._legends[spec.id], legend_content(spec.series, colours))
            plot = self._plots[spec.id]
            plot.display = spec.has_data
            plot.show(spec, colours)


def legend_content(series: Sequence[Series], colours: dict[ColourRole, PlotColour]) -> Content:
    """The legend as one line of words, each mark in its colour: "Leg: ● each day  ▄▄ weekly
    mean   Back: …". Drawn outside the plot so it never hides a point."""
    groups: dict[str, list[tuple[Series, str]]] = {}
    for entry in series:
        if entry.label is None:
            continue
        name, _, what = entry.label.partition(", ")
        groups.setdefault(name if what else "", []).append((entry, what or name))
    parts: list[str | tuple[str, Style]] = []
    for name, entries in groups.items():
        if parts:
            parts.append("   ")
        if name:
            parts.append(f"{name}: ")
        for index, (entry, what) in enumerate(entries):
            colour = colours[entry.colour]
            style = Style(foreground=Color(*colour) if isinstance(colour, tuple) else None)
            parts += ["  " if index else "", (MARKER_GLYPHS.get(entry.marker, entry.marker), style)]
            parts.append(f" {what}")
    return Content.assemble(*parts)
