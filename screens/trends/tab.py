"""The Trends tab: the progress view on top, what went with bad days under it, the weeks as
charts (4 weeks, 12 weeks, all time) and the weekly review.

Opening the tab reads the diary from memory on the UI thread (fast), then works out every
range's charts and the review in a thread worker (``_work_out``) that never touches a
widget and posts ``TrendsTab.WorkedOut`` back. Switching range afterwards only redraws from
what is cached.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import ClassVar

from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Key, Resize
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Label, Static
from textual.worker import get_current_worker

from sciatica_tui.domain import content
from sciatica_tui.domain.insights import Insights, insights
from sciatica_tui.domain.progress.measures import ProgressSources
from sciatica_tui.domain.progress.report import ProgressReport, progress_report
from sciatica_tui.domain.records import DiaryExcerpt
from sciatica_tui.domain.rehab_review import review_adherence
from sciatica_tui.domain.review import RED_FLAG_SIGNALS, STALLED_WEEKS, WINDOW_DAYS, weekly_review
from sciatica_tui.domain.review_words import ReviewInWords, in_words
from sciatica_tui.domain.tag_list import tag_list
from sciatica_tui.domain.tags import Tag
from sciatica_tui.domain.trends.chart_spec import ChartSpec
from sciatica_tui.domain.trends.charts import chart_specs
from sciatica_tui.domain.trends.ranges import RANGES, range_label, trend_range
from sciatica_tui.domain.trends.series import TrendData, trend_data
from sciatica_tui.domain.words import date_words, plural
from sciatica_tui.screens.host import diary, today
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.trends.charts import TrendCharts
from sciatica_tui.screens.trends.insights import InsightsView
from sciatica_tui.screens.trends.progress import ProgressView
from sciatica_tui.screens.widgets.focus import focus_now

# Range button ids and the weeks they show (None: all time).
RANGE_BUTTONS: dict[str, int | None] = {"range-4": 4, "range-12": 12, "range-all": None}
# Wide enough for two charts side by side.
TWO_COLUMNS_FROM = 110


@dataclass(frozen=True)
class TrendsResult:
    """Everything the tab shows, worked out once per visit."""

    data: TrendData
    charts: dict[int | None, tuple[ChartSpec, ...]] = field(hash=False)
    review: ReviewInWords
    urgent: bool
    progress: ProgressReport
    # What went with bad days in each range.
    insights: dict[int | None, Insights] = field(hash=False, default_factory=dict)


def work_out(excerpt: DiaryExcerpt, as_of: date, tags: tuple[Tag, ...] = ()) -> TrendsResult:
    """The charts of every range, what went with bad days in each, and the weekly review up
    to ``as_of`` (today), from one pass over the logs; ``tags`` names the tags."""
    logs = excerpt.daily_logs
    data = trend_data(
        logs,
        excerpt.breathing_sessions,
        excerpt.rehab_days,
        as_of,
        excerpt.check_ins,
        excerpt.flare_ups,
    )
    charts = {weeks: chart_specs(data, weeks) for weeks in RANGES}
    found = {
        weeks: insights(
            logs,
            excerpt.flare_ups,
            tags or tag_list(),
            first=trend_range(data, weeks).first_monday,
            last=as_of,
        )
        for weeks in RANGES
    }
    # The review reads only its last seven weeks: find them without another full pass.
    earliest = as_of - timedelta(days=WINDOW_DAYS * (STALLED_WEEKS + 1))
    recent = logs[bisect_left(logs, earliest, key=lambda log: log.date) :]
    profile = excerpt.profile
    review = weekly_review(
        recent,
        excerpt.red_flag_checks,
        as_of,
        onset=profile.onset_date,
        surgery=profile.surgery_date,
        rehab=review_adherence(excerpt, as_of),
    )
    urgent = bool(RED_FLAG_SIGNALS & set(review.decline))
    progress = progress_report(
        ProgressSources(daily_logs=logs, check_ins=excerpt.check_ins),
        as_of,
        onset=profile.onset_date,
        surgery=profile.surgery_date,
    )
    return TrendsResult(data, charts, in_words(review, content.signals()), urgent, progress, found)


class TrendsTab(Vertical, DiaryTab):
    """Progress since the start, charts of the weeks and the weekly review in words."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "4",
            "show_range(4)",
            "4 weeks",
            id="trends.range_4",
            tooltip="Show the last 4 weeks, day by day.",
        ),
        Binding(
            "1",
            "show_range(12)",
            "12 weeks",
            id="trends.range_12",
            tooltip="Show the last 12 weeks, day by day (key 1, as in 12).",
        ),
        Binding(
            "a",
            "show_range(None)",
            "All time",
            id="trends.range_all",
            tooltip="Show every week since your first log, as weekly means.",
        ),
        Binding(
            "r",
            "jump_to_review",
            "Weekly review",
            id="trends.review",
            tooltip="Scroll down to the weekly review under the charts.",
        ),
    ]

    # Keys handled without a binding, for the help screen.
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑ ↓ / PAGE UP/DOWN", "Scroll the charts and the review"),
        ("HOME / END", "Top / bottom of the charts and the review"),
    )

    weeks: reactive[int | None] = reactive[int | None](12, init=False)
    """How many weeks the charts show (None: all time)."""

    @dataclass
    class WorkedOut(Message):
        """The worker has worked out the charts and the review."""

        result: TrendsResult

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """The tab, empty until it is first shown."""
        super().__init__(id=id)
        self._result: TrendsResult | None = None

    def compose(self) -> ComposeResult:
        """Range buttons on top; progress, charts, then what went with bad days and the
        review in words (DESIGN.md, "Trends"), in a scrolling body."""
        with Horizontal(id="trends-ranges"):
            yield Label("Show:", classes="range-label")
            # Labels are markup: "[a]" unescaped would be read as a style and vanish.
            yield Button(r"4 weeks \[4]", id="range-4", compact=True)
            yield Button(r"12 weeks \[1]", id="range-12", compact=True, classes="-chosen")
            yield Button(r"All time \[a]", id="range-all", compact=True)
        # A line of its own: the dates and the count do not fit beside the buttons at 80 columns.
        yield Static("", id="trends-status")
        with VerticalScroll(id="trends-body"):
            yield Static("Working out your charts...", id="trends-message")
            yield ProgressView(id="trends-progress")
            yield TrendCharts(id="trends-charts")
            yield InsightsView(id="trends-insights")
            yield Vertical(id="trends-review")

    # --- hooks the app calls ----------------------------------------------------------------

    def refresh_from_diary(self) -> None:
        """Read the diary and work out the charts and review again (another tab may have
        saved since)."""
        store = diary(self)
        self._work_out(store.excerpt(), today(self), tag_list(store.custom_tags()))

    def focus_first(self) -> None:
        """Put the cursor on the chosen range's button."""
        focus_now(self.query_one(f"#{self._button_id(self.weeks)}", Button))

    # --- the worker ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="trends", exit_on_error=False)
    def _work_out(self, excerpt: DiaryExcerpt, as_of: date, tags: tuple[Tag, ...]) -> None:
        """Work out the charts and the review off the UI thread; post them back."""
        result = work_out(excerpt, as_of, tags)
        if not get_current_worker().is_cancelled:
            self.post_message(self.WorkedOut(result))

    @on(WorkedOut)
    def _show_result(self, message: WorkedOut) -> None:
        self._result = message.result
        self._show_charts(new_data=True)
        progress = self.query_one("#trends-progress", ProgressView)
        progress.display = not message.result.data.empty
        progress.show(message.result.progress)
        self._show_review(message.result.review, urgent=message.result.urgent)

    # --- ranges -----------------------------------------------------------------------------

    def action_show_range(self, weeks: int | None) -> None:
        """Show the last ``weeks`` weeks (None: all time), and bring the charts into view
        (the progress view above them fills a small terminal)."""
        self.weeks = weeks
        self._bring_into_view("#trends-charts")

    def watch_weeks(self, weeks: int | None) -> None:
        """Mark the chosen button and redraw from the cached charts."""
        for button in self.query("#trends-ranges Button").results(Button):
            button.set_class(button.id == self._button_id(weeks), "-chosen")
        self._show_charts()

    @on(Button.Pressed, "#trends-ranges Button")
    def _range_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in RANGE_BUTTONS:
            self.action_show_range(RANGE_BUTTONS[event.button.id])

    @staticmethod
    def _button_id(weeks: int | None) -> str:
        return next(key for key, value in RANGE_BUTTONS.items() if value == weeks)

    def action_jump_to_review(self) -> None:
        """Scroll the weekly review into view."""
        self._bring_into_view("#trends-review")

    def _bring_into_view(self, selector: str) -> None:
        self.query_one("#trends-body", VerticalScroll).scroll_to_widget(
            self.query_one(selector), top=True, animate=False
        )

    def on_key(self, event: Key) -> None:
        """The arrows, Page Up/Down, Home and End scroll the charts from the range buttons
        too, where F6 leaves the cursor: on a small terminal only the first chart is in
        view, and nothing said the body had to be reached with Tab first."""
        body = self.query_one("#trends-body", VerticalScroll)
        scroll = {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "pagedown": body.scroll_page_down,
            "pageup": body.scroll_page_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }.get(event.key)
        if scroll is not None:
            event.stop()
            scroll(animate=False)

    def on_resize(self, event: Resize) -> None:
        """Two columns of charts, and one table of progress, when there is room."""
        self._fit_to_width(event.size.width)

    def on_show(self) -> None:
        """The tab may have its size before it can hear of it (a Resize sent while it was
        still being built is not sent again): fit to the size it has once it is drawn."""
        self.call_after_refresh(lambda: self._fit_to_width(self.size.width))

    def _fit_to_width(self, width: int) -> None:
        if width <= 0:
            return  # not laid out yet
        wide = width >= TWO_COLUMNS_FROM
        self.set_class(wide, "-wide")
        self.query_one("#trends-progress", ProgressView).wide = wide

    # --- drawing ----------------------------------------------------------------------------

    def _show_charts(self, *, new_data: bool = False) -> None:
        self._fit_to_width(self.size.width)
        result = self._result
        if result is None:
            return
        message = self.query_one("#trends-message", Static)
        charts = self.query_one("#trends-charts", TrendCharts)
        status = self.query_one("#trends-status", Static)
        found = self.query_one("#trends-insights", InsightsView)
        found.display = not result.data.empty
        if result.data.empty:
            message.update(
                "Nothing logged yet. Log your first day on the Today tab (F1): your charts "
                "and the weekly review will appear here."
            )
            message.display = True
            charts.display = False
            status.update("")
            return
        span = trend_range(result.data, self.weeks)
        logged = sum(week.days_logged for week in result.data.weeks_between(span.first_monday))
        # One line that never changes height: no new layout needed.
        text = (
            f"{range_label(self.weeks)}: {date_words(span.first_monday)} "
            f"to {date_words(span.last_day)}, {plural(logged, 'day')} logged"
        )
        status.update(text, layout=False)
        message.display = False
        charts.display = True
        charts.show(result.charts[self.weeks], new_data=new_data)
        found.show(result.insights[self.weeks])

    def _show_review(self, told: ReviewInWords, *, urgent: bool) -> None:
        box = self.query_one("#trends-review", Vertical)
        box.remove_children()
        parts: list[Static] = [Static("Weekly review", classes="review-title")]
        if told.timeline is not None:
            parts.append(Static(told.timeline, classes="review-timeline"))
        parts += [
            Static(told.heading, classes="review-heading"),
            Static(_comparison_table(told), classes="review-table"),
        ]
        if told.not_enough_data:
            parts.append(
                Static(
                    f"Not enough data to compare. {told.not_enough_data}", classes="review-notice"
                )
            )
        for signal in told.recovery:
            parts.append(
                Static(
                    f"✓ Recovery sign: {signal.title}. {signal.text} {signal.advice}",
                    classes="signal -recovery",
                )
            )
        for signal in told.decline:
            urgent_signal = signal.id in RED_FLAG_SIGNALS
            parts.append(
                Static(
                    f"{'!!' if urgent_signal else '!'} Sign to watch: {signal.title}. "
                    f"{signal.text} {signal.advice}",
                    classes="signal -decline" + (" -urgent" if urgent_signal else ""),
                )
            )
        if told.what_to_do:
            steps = "\n".join(f"• {step}" for step in told.what_to_do)
            parts.append(
                Static(
                    f"What to do:\n{steps}", classes="review-steps" + (" -urgent" if urgent else "")
                )
            )
        parts.append(Static(told.disclaimer, classes="disclaimer"))
        box.mount(*parts)


def _comparison_table(told: ReviewInWords) -> Table:
    """Last week and this week side by side."""
    table = Table(box=None, padding=(0, 2, 0, 0), show_edge=False, header_style="bold")
    # A first header of its own: an empty one let the header row start one column early.
    table.add_column("Measure")
    table.add_column("Last week")
    table.add_column("This week")
    table.add_column("Change")
    for row in told.rows:
        table.add_row(row.label, row.last_week, row.this_week, row.change)
    return table
