"""The Today tab's status strip and its list of the last 14 days."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from rich.text import Text
from textual import events
from textual.widgets import DataTable, Static

from sciatica_tui.domain.body_map import REACH_SHORT
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.today_status import (
    TodayStatus,
    timeline_in_full,
    timeline_line,
    today_facts,
    today_status,
    wrap_facts,
)
from sciatica_tui.domain.words import weekday_day
from sciatica_tui.store.diary_store import DiaryStore

RECENT_DAYS = 14


def status_today(store: DiaryStore, day: date) -> TodayStatus:
    """What the strip says on ``day``, from the records in ``store`` that feed it."""
    return today_status(
        profile=store.profile(),
        today=day,
        logged_today=store.daily_log(day) is not None,
        exercises_done=len(store.rehab_day(day).done),
        breathing_sessions=store.breathing_sessions(day, day),
        red_flag_checks=store.red_flag_checks(),
    )


class StatusStrip(Static):
    """Two short lines: the timeline stage and action, then today's facts.

    On a narrow terminal the stage line wraps between words, and the facts between phrases,
    never inside one.
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """An empty strip; ``show`` fills it."""
        super().__init__("", id=id)
        self.status: TodayStatus | None = None

    def show(self, status: TodayStatus) -> None:
        """Say ``status``."""
        self.status = status
        self.tooltip = "\n".join([*timeline_in_full(status), *today_facts(status)])
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap the facts for the new width, once this layout is done: a new height
        asked for in the middle of it was lost, and a wrapped third line (the red-flag
        verdict) went undrawn."""
        self.call_after_refresh(self._draw)

    def _draw(self) -> None:
        status = self.status
        if status is None:
            return
        # Before the first layout, the terminal's width is the best guess (the tab's padding
        # takes two columns); a wrong guess costs a second layout.
        width = max(20, self.content_region.width or self.app.size.width - 2)
        text = Text()
        known = status.stage is not None
        # The stage line wraps between words: cut, it lost its advice at 80 columns.
        stage_lines = textwrap.wrap(timeline_line(status), width) or [""]
        text.append("\n".join(stage_lines), "bold" if known else "italic")
        facts = today_facts(status)
        for line in wrap_facts(facts, width):
            text.append("\n")
            for index, fact in enumerate(line.split(" · ")):
                if index:
                    text.append(" · ", "dim")
                warn = fact.startswith("Red flags ") and status.check_needs_care
                text.append(fact, "bold reverse" if warn else "")
        if text != self.content:  # an unchanged strip costs no new layout of the tab
            self.update(text)


@dataclass(frozen=True)
class LastDays:
    """What the list of the last 14 days shows, under the form and in its popup: the logs
    of those days, today, and each day's count of flare-ups."""

    logs: Mapping[date, DailyLog]
    today: date
    flare_ups: Mapping[date, int] = field(default_factory=dict)


class RecentDays(DataTable[str | Text]):
    """The last 14 days, logged or not; Enter (or a click) opens one."""

    _shown: list[tuple[str | Text, ...]] | None = None

    @staticmethod
    def _row(
        log: DailyLog | None, day: date, open_day: date, flares: int
    ) -> tuple[str | Text, ...]:
        mark = "▸ " if day == open_day else "  "
        # A day with flare-ups says how many in place of its month ("Sat 21 ↯2"): the list
        # has no room for another column beside the drawing, and its days run in order.
        said = f"{day:%a} {day.day} ↯{flares}" if flares else weekday_day(day)
        label = f"{mark}{said}"
        if log is None:
            return (label, "–", "–", Text("not logged", "dim"))
        reach = REACH_SHORT[log.pain_reach] if log.pain_reach else "–"
        return (label, str(log.leg_pain), str(log.back_pain), reach)

    def on_mount(self) -> None:
        """The columns."""
        self.cursor_type = "row"
        self.zebra_stripes = False
        self.add_column("Day", key="day")
        self.add_column("Leg", key="leg")
        self.add_column("Back", key="back")
        self.add_column("Reach", key="reach")

    def show(self, recent: LastDays, open_day: date) -> None:
        """One row per day from today back 13 days; ``open_day`` is marked "▸", and each
        day's flare-ups are counted ("↯2")."""
        today = recent.today
        days = [today - timedelta(days=back) for back in range(RECENT_DAYS)]
        rows = [
            self._row(recent.logs.get(day), day, open_day, recent.flare_ups.get(day, 0))
            for day in days
        ]
        if rows != self._shown:  # the same rows again (each tab visit): nothing to redo
            self._shown = rows
            self.clear()
            for day, row in zip(days, rows, strict=True):
                self.add_row(*row, key=day.isoformat())
        if open_day >= today - timedelta(days=RECENT_DAYS - 1):
            self.move_cursor(row=(today - open_day).days, scroll=False)
