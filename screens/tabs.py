"""The six tabs: their order, keys and widgets, and ``DiaryTab``, what the app may ask of each.

The app builds a tab the first time it is opened (its module is imported then), and asks it
only what ``DiaryTab`` declares: where the cursor goes, to show fresh figures, and what to
ask before quitting.
"""

from __future__ import annotations

import asyncio
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from sciatica_tui.screens.dialogs.quit_question import QuitQuestion


class DiaryTab(Widget):
    """A tab of the app. Each tab subclasses this after the container it is, e.g.
    ``class TodayTab(Vertical, DiaryTab)``: Textual takes a widget's styles (``Vertical``'s
    height, say) along its first base only, so the container must come first.

    The app asks a tab only for what is declared here.
    """

    # Keys the tab handles without a binding (Enter on a list), for the help screen.
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = ()
    # The teaching topic ctrl+l opens (content/teaching.toml), if the tab has one; the Today
    # topic starts with where the person is on the usual timeline.
    TOPIC_ID: ClassVar[str | None] = None
    WITH_STAGE: ClassVar[bool] = False

    def focus_first(self) -> None:
        """Put the cursor where the person starts (the app calls this when the tab opens)."""
        self.focus()

    def refresh_from_diary(self) -> None:
        """Show fresh figures (the tab was opened again; another tab may have saved)."""

    def quit_question(self) -> QuitQuestion | None:
        """What to ask before the app quits, while the tab holds work it has not saved."""
        return None

    def action_learn_more(self) -> None:
        """Open the tab's teaching topic in full (the tab binds ``learn_more_binding``)."""
        from sciatica_tui.domain.teaching import TeachingPart, stage_part, teaching
        from sciatica_tui.domain.timeline import position
        from sciatica_tui.screens.dialogs.learn_more import LearnMoreDialog
        from sciatica_tui.screens.host import diary, today

        if self.TOPIC_ID is None:
            return
        taught = teaching()
        first: list[TeachingPart] = []
        if self.WITH_STAGE:
            profile = diary(self).profile()
            where = position(profile.onset_date, profile.surgery_date, today(self))
            part = stage_part(where, taught.stage_guide)
            first += [part] if part is not None else []
        self.app.push_screen(LearnMoreDialog(taught.topics[self.TOPIC_ID], first))


@dataclass(frozen=True)
class TabSpec:
    """One tab: its pane id, its label, its key, and where its widget class lives."""

    pane: str
    label: str
    key: str
    module: str
    class_name: str

    def widget_class(self) -> type[DiaryTab]:
        """The tab's widget class (its module is imported on first use)."""
        found = getattr(importlib.import_module(self.module), self.class_name)
        if not (isinstance(found, type) and issubclass(found, DiaryTab)):
            raise TypeError(f"{self.module}.{self.class_name} is not a DiaryTab")
        return found


_SCREENS = "sciatica_tui.screens"

TABS: tuple[TabSpec, ...] = (
    TabSpec("today", "Today", "f1", f"{_SCREENS}.today.tab", "TodayTab"),
    TabSpec("red_flags", "Red flags", "f2", f"{_SCREENS}.red_flags.tab", "RedFlagsTab"),
    TabSpec("breathe", "Breathe", "f3", f"{_SCREENS}.breathe.tab", "BreatheTab"),
    TabSpec("rehab", "Rehab", "f4", f"{_SCREENS}.rehab.tab", "RehabTab"),
    TabSpec("clinic", "Clinic visit", "f5", f"{_SCREENS}.clinic.tab", "ClinicTab"),
    TabSpec("trends", "Trends", "f6", f"{_SCREENS}.trends.tab", "TrendsTab"),
)
TABS_BY_PANE: dict[str, TabSpec] = {spec.pane: spec for spec in TABS}
STYLES_FOLDER = Path(__file__).parent  # each tab's stylesheet is in its package


class DiaryTabs(TabbedContent):
    """The six tabs, each built (its module imported, its stylesheet read) when first opened.

    A focus report that arrives late never pulls the person back.

    Textual switches to a tab when a widget inside it gets the focus, by a message that
    arrives after the fact. A hidden tab's widget can only get the focus that way when the
    message is stale: a key (ctrl+r at start-up, ``sciatica breathe``) has already opened
    another tab, and the screen's first automatic focus landed on the tab left behind. Stay
    on the tab in view and put the cursor back in it, so keys never go to a hidden field.
    """

    def __init__(self, opens_on: str, *, id: str | None = None) -> None:  # noqa: A002
        """The pane ``opens_on`` holds its tab from the start (the app composes it); the
        others are filled on first use."""
        super().__init__(initial=opens_on, id=id)
        self._opens_on = opens_on
        self._ready: dict[str, asyncio.Event] = {opens_on: asyncio.Event()}
        self._ready[opens_on].set()
        self._height = 0  # rows, as of the last resize
        self._opening = True  # the first tab's first showing is the app opening

    def compose(self) -> ComposeResult:
        """The first tab's stylesheet is read before the tab is mounted (Today's is the
        app's, in its CSS_PATH)."""
        if self._opens_on != "today":
            self._read_styles(STYLES_FOLDER / self._opens_on / f"{self._opens_on}.tcss")
        yield from super().compose()

    def on_resize(self, event: events.Resize) -> None:
        """Shorter (a note took lines of its own below, app.tcss): the field in focus stays
        in view above the note, never hidden under the fold."""
        if event.size.height < self._height:  # not as the app opens: nothing moved yet
            self.call_after_refresh(self._keep_the_focus_in_view)
        self._height = event.size.height

    def _keep_the_focus_in_view(self) -> None:
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            focused.scroll_visible(animate=False, immediate=True)

    @on(TabPane.Focused)
    def _stay_on_the_tab_in_view(self, event: TabPane.Focused) -> None:
        # Handled before TabbedContent's own handler, which prevent_default skips.
        if self.active and event.tab_pane.id != self.active:
            event.prevent_default()
            event.stop()
            self.app.call_later(self._focus_tab_in_view)

    async def _focus_tab_in_view(self) -> None:
        focused = self.screen.focused
        pane = self.active_pane
        if pane is None or (focused is not None and pane in focused.ancestors):
            return  # already right
        await self.app.run_action(f"show_tab('{self.active}')")

    @on(TabbedContent.TabActivated)
    async def _refresh_shown_tab(self, event: TabbedContent.TabActivated) -> None:
        """A tab shows fresh figures each time it is opened (other tabs may have saved)."""
        pane = event.pane.id
        if pane is not None and self.shows_fresh_figures(pane):
            (await self.tab(pane)).refresh_from_diary()

    def shows_fresh_figures(self, pane: str) -> bool:
        """Whether ``pane``, just shown, should re-read the diary. Not as the app opens on
        Today: it was read as it was built, a moment before. (Another tab reads as it does
        when opened by its key.)"""
        opening, self._opening = self._opening, False
        return not (opening and pane == "today")

    async def tab(self, pane: str) -> DiaryTab:
        """The tab in ``pane``, built (and its stylesheet read) on first use."""
        ready = self._ready.get(pane)
        if ready is None:
            ready = self._ready[pane] = asyncio.Event()
            self._read_styles(STYLES_FOLDER / pane / f"{pane}.tcss")
            widget = TABS_BY_PANE[pane].widget_class()(id=f"{pane}-tab")
            await self.query_one(f"#{pane}", TabPane).mount(widget)
            ready.set()
        await ready.wait()
        return self.query_one(f"#{pane}-tab", DiaryTab)

    def built(self, pane: str) -> DiaryTab | None:
        """The tab in ``pane`` if it has been built, else None."""
        ready = self._ready.get(pane)
        return self.query_one(f"#{pane}-tab", DiaryTab) if ready and ready.is_set() else None

    def _read_styles(self, path: Path) -> None:
        """Add a tab's stylesheet, as the app's CSS_PATH would have at start-up.

        ``add_source`` rather than ``Stylesheet.read``: ``read`` (Textual 8.2) keeps its map
        of rules from before, so the new rules would not be matched. A test guards this.
        """
        self.app.stylesheet.add_source(path.read_text(encoding="utf-8"), read_from=(str(path), ""))
