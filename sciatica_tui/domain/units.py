"""A change said with its unit, the one way the whole app says it: "+6 min", "−1.5 points",
"1 dose fewer a day", "2 levels higher up".

Every table, review and report that shows a change goes through ``change_with_unit``, so a
number never stands without what it counts.
"""

from __future__ import annotations

from dataclasses import dataclass

MINUS = "\N{MINUS SIGN}"


@dataclass(frozen=True)
class Unit:
    """What a number counts.

    ``one``/``many``: the unit for 1 and for other amounts ("point", "points"). ``after``:
    words that follow the amount ("a night"). ``more``/``fewer``: when set, a change is said
    in words after the amount ("1 dose fewer a day") instead of with a sign ("+6 min").
    ``id`` is the short name the JSON output gives.
    """

    id: str
    one: str
    many: str
    after: str = ""
    more: str | None = None
    fewer: str | None = None

    @property
    def counted(self) -> bool:
        """True for a unit said in words ("2 levels higher up"): whole amounts of it are
        said without decimals."""
        return self.more is not None and self.fewer is not None

    def amount(self, value: float, decimals: int) -> str:
        """``value`` (not negative) with its unit: "1 point", "1.5 points", "20 min";
        "2 levels", not "2.0 levels", for a counted unit."""
        number = f"{value:.{decimals}f}"
        if self.counted and float(number).is_integer():
            number = f"{value:.0f}"
        word = self.one if number == "1" else self.many
        return f"{number} {word}"


POINTS = Unit("points", "point", "points")
MINUTES = Unit("min", "min", "min")
MINUTES_AT_A_TIME = Unit("min", "min", "min", after=" at a time")
HOURS_A_NIGHT = Unit("hours", "hour", "hours", after=" a night")
HOURS = Unit("hours", "hour", "hours")
DOSES_A_DAY = Unit("doses a day", "dose", "doses", after=" a day", more="more", fewer="fewer")
LEVELS = Unit("levels", "level", "levels", more="further down", fewer="higher up")
DAYS_A_WEEK = Unit("days a week", "day", "days", after=" a week", more="more", fewer="fewer")
DAYS = Unit("days", "day", "days", more="more", fewer="fewer")


def change_with_unit(change: float, unit: Unit, decimals: int = 1) -> str:
    """A change with its unit: "+6 min at a time", "−1.5 points", "1 dose fewer a day",
    "no change" when it rounds to nothing."""
    rounded = round(change, decimals)
    size = abs(rounded)
    if size < 0.5 * 10.0**-decimals:
        return "no change"
    if unit.more is not None and unit.fewer is not None:
        said = unit.amount(size, decimals)
        # "2 levels higher up": the unit's own words come before the direction, and the
        # trailing words ("a day") after it.
        return f"{said} {unit.more if rounded > 0 else unit.fewer}{unit.after}"
    sign = "+" if rounded > 0 else MINUS
    return f"{sign}{unit.amount(size, decimals)}{unit.after}"
