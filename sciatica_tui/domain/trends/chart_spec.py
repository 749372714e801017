"""A Trends chart described as plain data, for plotext in the app and on the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

# "area": bars drawn as a filled line, for long ranges where separate bars cost time.
SeriesKind = Literal["scatter", "line", "bar", "area"]
# Theme colours a series is drawn in; the screen turns them into the theme's RGB values.
ColourRole = Literal["primary", "secondary", "accent", "warning", "success", "error"]
YSide = Literal["left", "right"]


@dataclass(frozen=True)
class Series:
    """One set of points, a line segment or bars on a chart."""

    kind: SeriesKind
    xs: Sequence[float]
    ys: Sequence[float]
    label: str | None
    colour: ColourRole
    marker: str
    yside: YSide = "left"


@dataclass(frozen=True)
class Axis:
    """Limits and labelled ticks of one axis."""

    low: float
    high: float
    ticks: tuple[float, ...] = ()
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChartSpec:
    """One chart, described as data: x is days from the range's first Monday."""

    id: str
    title: str
    x: Axis
    y: Axis
    series: tuple[Series, ...]
    y_right: Axis | None = None
    has_data: bool = True
