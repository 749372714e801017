"""The App shell: six tabs, app-wide keys, the command palette, themes and the first run.

Each tab owns its behaviour in its own module under ``screens/``; this module only puts
them together and handles what belongs to the whole app.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import replace
from functools import partial
from pathlib import Path, PurePath
from typing import Any, ClassVar, Protocol, TypeVar, cast

from textual import on
from textual.actions import parse as parse_action
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, TabbedContent, TabPane

import screens
from sciatica_tui.clock import Clock, SystemClock
from sciatica_tui.store import DiaryStore, StoreError
from screens.keys_footer import KeysFooter
from screens.quit_question import QuitQuestion

T = TypeVar("T")
SCREENS_FOLDER = Path(screens.__file__).parent


class RedFlagsTabAPI(Protocol):
    """What the app asks of the Red flags tab."""

    def start_check(self, prefill: Mapping[str, bool] | None) -> None:
        """Begin a new check with some answers already marked (an emergency yes among
        them opens the alert at once)."""


class BreatheTabAPI(Protocol):
    """What the app asks of the Breathe tab."""

    def start_session(self, minutes: int, count: int) -> None:
        """Begin a breathing session at once."""


# (pane id, tab label, key): the order of the tabs and their shortcuts.
TAB_KEYS = Binding.Group("Tabs")

TABS: tuple[tuple[str, str, str], ...] = (
    ("today", "Today", "f1"),
    ("red_flags", "Red flags", "f2"),
    ("breathe", "Breathe", "f3"),
    ("rehab", "Rehab", "f4"),
    ("clinic", "Clinic visit", "f5"),
    ("trends", "Trends", "f6"),
)


# Where each tab's widget lives; imported only when the tab is first opened.
TAB_WIDGETS: dict[str, tuple[str, str]] = {
    "today": ("screens.today", "TodayTab"),
    "red_flags": ("screens.red_flags", "RedFlagsTab"),
    "breathe": ("screens.breathe", "BreatheTab"),
    "rehab": ("screens.rehab", "RehabTab"),
    "clinic": ("screens.clinic", "ClinicTab"),
    "trends": ("screens.trends", "TrendsTab"),
}


def tab_class(pane: str) -> type[Widget]:
    """The widget class of tab ``pane``."""
    module, name = TAB_WIDGETS[pane]
    widget_class: type[Widget] = getattr(importlib.import_module(module), name)
    return widget_class


class DiaryTabs(TabbedContent):
    """The six tabs. A focus report that arrives late never pulls the person back.

    Textual switches to a tab when a widget inside it gets the focus, by a message that
    arrives after the fact. A hidden tab's widget can only get the focus that way when the
    message is stale: a key (ctrl+r at start-up, ``sciatica breathe``) has already opened
    another tab, and the screen's first automatic focus landed on the tab left behind. Stay
    on the tab in view and put the cursor back in it, so keys never go to a hidden field.
    """

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        # Textual calls the base class's handler after this one unless told not to.
        if self.active and event.tab_pane.id != self.active:
            event.prevent_default()
            event.stop()
            self.app.call_later(self._focus_tab_in_view)

    async def _focus_tab_in_view(self) -> None:
        focused = self.screen.focused
        pane = self.active_pane
        if pane is None or (focused is not None and pane in focused.ancestors):
            return  # already right
        await cast("SciaticaApp", self.app).action_show_tab(self.active)


class SciaticaApp(App[int]):
    """A calm companion for recovering from sciatica at home."""

    # The shell's, Today's and the shared dialogs' styles. Each other tab's stylesheet
    # (beside its module in screens/, every rule rooted in that tab or its dialogs) is read
    # when the tab is first built: fewer rules to parse and match for the first screen.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        SCREENS_FOLDER / "today.tcss",
        SCREENS_FOLDER / "dialogs.tcss",
    ]
    TITLE = "Sciatica companion"
    SUB_TITLE = "self-care support, not a diagnosis"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "red_flag_check",
            "Red-flag check",
            id="red_flag_check",
            tooltip="Open the emergency symptom check from anywhere.",
            priority=True,
        ),
        *(
            Binding(
                key,
                f"show_tab('{pane}')",
                label,
                id=f"tab.{pane}",
                tooltip=f"Go to the {label} tab (works while typing).",
                priority=True,
                group=TAB_KEYS,
            )
            for pane, label, key in TABS
        ),
        Binding("question_mark", "help", "Help", id="help", tooltip="List every key."),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            tooltip="Quit. Everything you saved is already on disk.",
            priority=True,
        ),
    ]

    def __init__(
        self,
        store: DiaryStore,
        *,
        clock: Clock | None = None,
        breathe: tuple[int, int] | None = None,
    ) -> None:
        """``store`` is the open diary; ``breathe`` (minutes, count) starts a session."""
        super().__init__()
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.breathe_on_start = breathe
        # Tabs are built when first opened; Today is built with the app.
        self._tab_ready: dict[str, asyncio.Event] = {"today": asyncio.Event()}
        self._tab_ready["today"].set()
        # The quit question open (if it still is), and the tabs whose question was
        # answered "quit" during this ctrl+q.
        self._quit_question: Screen[Any] | None = None
        self._told_to_quit: set[str] = set()
        # One writer thread keeps saves in order and off the UI thread.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diary-writer")

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, the six tabs, and the footer with the keys.

        Only Today is built now; every other tab is built (and its module imported) the first
        time it is opened, so the app shows its first screen quickly.
        """
        yield Header()
        with DiaryTabs(initial="today", id="tabs"):
            for pane, label, key in TABS:
                with TabPane(f"{label} [dim]{key.upper()}[/]", id=pane):
                    if pane == "today":
                        yield tab_class(pane)(id="today-tab")
        yield KeysFooter()

    async def tab_widget(self, pane: str) -> Widget:
        """The widget of tab ``pane``, built on first use."""
        ready = self._tab_ready.get(pane)
        if ready is None:
            ready = self._tab_ready[pane] = asyncio.Event()
            self._read_styles(SCREENS_FOLDER / f"{pane}.tcss")
            widget = tab_class(pane)(id=f"{pane}-tab")
            await self.query_one(f"#{pane}", TabPane).mount(widget)
            ready.set()
        await ready.wait()
        return self.query_one(f"#{pane}-tab")

    def _read_styles(self, path: Path) -> None:
        """Add a tab's stylesheet, as CSS_PATH would have at start-up.

        ``add_source`` rather than ``Stylesheet.read``: ``read`` (Textual 8.2) keeps its map
        of rules from before, so the new rules would not be matched.
        """
        self.stylesheet.add_source(path.read_text(encoding="utf-8"), read_from=(str(path), ""))

    def on_mount(self) -> None:
        """Apply the saved theme; greet a first-time user."""
        settings = self.store.profile().settings
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.store.skipped:
            self.notify(
                f"{len(self.store.skipped)} saved record(s) could not be read and were left "
                "out. They are still in the file.",
                severity="warning",
                timeout=10,
            )
        if self.breathe_on_start is not None:
            self.start_breathing(*self.breathe_on_start)
        elif not self.store.profile().welcomed:
            from screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(first_run=True))

    # --- saving off the UI thread ---------------------------------------------------------

    def save_in_background(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[StoreError], None] | None = None,
    ) -> None:
        """Run a store write on the writer thread; report back on the UI thread.

        Writes run one at a time in the order asked, so the app keeps drawing while a large
        diary is written, and a later save never overtakes an earlier one.
        """

        loop = asyncio.get_running_loop()

        def finished(future: Future[T]) -> None:
            # Never block the writer on the UI loop: it may be waiting for the writer.
            # The callback runs as an app message (call_later), inside Textual's context:
            # a bare loop callback has no active app, so pushing a screen from it fails.
            error = future.exception()
            with suppress(RuntimeError):  # the app has already closed
                if error is None:
                    if on_done is not None:
                        loop.call_soon_threadsafe(self.call_later, on_done, future.result())
                elif isinstance(error, StoreError) and on_error is not None:
                    loop.call_soon_threadsafe(self.call_later, on_error, error)
                else:
                    loop.call_soon_threadsafe(self.call_later, self._notify_store_error, error)

        self._writer.submit(work).add_done_callback(finished)

    async def action_quit(self) -> None:
        """Quit, unless the screen in front must ask first (the emergency alert does)."""
        confirm_quit = getattr(self.screen, "confirm_quit", None)
        if callable(confirm_quit):
            confirm_quit()
            return
        # ctrl+q is handled at once, ahead of keys still on their way to the field in focus
        # (a digit typed just before it). Send the question the keys' own way, through that
        # field and up to the app, so it arrives after them.
        focused = self.screen.focused
        if focused is None:
            self._quit_unless_a_tab_asks()
        else:
            focused.post_message(self.QuitAsked())

    class QuitAsked(Message):
        """ctrl+q, arriving after the keys typed before it."""

    def on_sciatica_app_quit_asked(self, message: QuitAsked) -> None:
        """Every key typed before ctrl+q has been handled: ask the tabs, then quit."""
        message.stop()
        self._quit_unless_a_tab_asks()

    def _quit_unless_a_tab_asks(self) -> None:
        if self._quit_question in self.screen_stack:
            return  # a question is open: its answer decides
        self._told_to_quit.clear()
        self._ask_next_tab_or_quit()

    def _ask_next_tab_or_quit(self) -> None:
        """Each tab holding work it cannot save asks its question, in turn (none of that
        work goes without a word); when none is left to ask, quit."""
        for tab in self.screen_stack[0].query("TabPane > *"):
            quit_question = getattr(tab, "quit_question", None)
            if tab.id in self._told_to_quit or not callable(quit_question):
                continue
            question: QuitQuestion | None = quit_question()
            if question is not None:
                # Shown behind the question: "Stay" leaves the person at the work it is
                # about, not on the tab where ctrl+q was pressed.
                if tab.parent is not None and tab.parent.id:
                    self.query_one("#tabs", TabbedContent).active = tab.parent.id
                self._ask(tab, question)
                return
        self.exit(0)

    def _ask(self, tab: Widget, question: QuitQuestion) -> None:
        from screens.clinic_dialogs import ChoiceDialog

        def answered(choice: str | None) -> None:
            if choice == "quit":
                question.on_quit()
                self._told_to_quit.add(tab.id or "")
                self._ask_next_tab_or_quit()
            else:
                question.on_stay()

        self._quit_question = ChoiceDialog(
            question.title,
            question.message,
            [("stay", question.stay), ("quit", question.quit)],
        )
        self.push_screen(self._quit_question, answered)

    def on_unmount(self) -> None:
        """Let any save still under way reach the disk, then release the diary."""
        self._writer.shutdown(wait=True)
        self.store.close()

    def _notify_store_error(self, error: BaseException) -> None:
        self.notify(str(error), title="Not saved", severity="error", timeout=15)

    def _remember_theme(self, theme: Any) -> None:
        profile = self.store.profile()
        if profile.settings.theme == self.theme:
            return
        settings = replace(profile.settings, theme=self.theme)
        self.save_in_background(
            lambda: self.store.save_profile(replace(self.store.profile(), settings=settings))
        )

    # --- app-wide actions -------------------------------------------------------------------

    async def action_show_tab(self, pane: str) -> None:
        """Switch to a tab and put the cursor in it."""
        if self.screen is not self.screen_stack[0]:
            return  # a dialog is open; it must be answered first
        self.query_one("#tabs", TabbedContent).active = pane
        widget = await self.tab_widget(pane)
        # Focus now, not after the next frame: a key typed straight after the tab key must
        # reach the new tab, not a widget left behind on the old one.
        focus_first = getattr(widget, "focus_first", None)
        if callable(focus_first):
            focus_first()
        else:
            widget.focus()

    async def action_red_flag_check(self) -> None:
        """Open the red-flag check, from any tab, even while typing."""
        await self._open_red_flag_check(None)

    def open_red_flag_check(self, prefill: Mapping[str, bool] | None = None) -> None:
        """Show the red-flag check, with ``prefill`` answers (question id to yes/no) marked.

        Dialogs in the way are closed first, except one that says it must stay (the
        emergency alert sets ``STAYS_OPEN_FOR_RED_FLAGS``).
        """
        self.call_later(self._open_red_flag_check, prefill)

    async def _open_red_flag_check(self, prefill: Mapping[str, bool] | None) -> None:
        while len(self.screen_stack) > 1 and not getattr(
            self.screen, "STAYS_OPEN_FOR_RED_FLAGS", False
        ):
            self.pop_screen()
        if len(self.screen_stack) > 1:
            return
        await self.action_show_tab("red_flags")
        cast(RedFlagsTabAPI, await self.tab_widget("red_flags")).start_check(prefill)

    def start_breathing(self, minutes: int, count: int) -> None:
        """Open the Breathe tab with a session already running."""
        self.call_later(self._start_breathing, minutes, count)

    async def _start_breathing(self, minutes: int, count: int) -> None:
        await self.action_show_tab("breathe")
        cast(BreatheTabAPI, await self.tab_widget("breathe")).start_session(minutes, count)

    @on(TabbedContent.TabActivated)
    async def _refresh_shown_tab(self, event: TabbedContent.TabActivated) -> None:
        """A tab shows fresh figures each time it is opened (other tabs may have saved)."""
        if event.pane.id is None:
            return
        refresh = getattr(await self.tab_widget(event.pane.id), "refresh_from_diary", None)
        if callable(refresh):
            refresh()

    def action_help(self) -> None:
        """Show every key."""
        from screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_edit_dates(self) -> None:
        """Set or change the onset and surgery dates."""
        from screens.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen(first_run=False))

    def action_emergency_number(self) -> None:
        """Choose the number the emergency advice names."""
        from screens.emergency_number_dialog import EmergencyNumberDialog

        if not isinstance(self.screen, EmergencyNumberDialog):
            self.push_screen(EmergencyNumberDialog())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action of the app in the command palette (ctrl+p)."""
        yield from super().get_system_commands(screen)
        on_the_tabs = screen is self.screen_stack[0]  # not over a dialog or the alert
        for pane, label, _key in TABS if on_the_tabs else ():
            yield SystemCommand(
                f"Go to {label}", f"Open the {label} tab", partial(self.action_show_tab, pane)
            )
        yield SystemCommand(
            "Red-flag check", "Check for emergency symptoms now", self.action_red_flag_check
        )
        yield SystemCommand(
            "Set onset and surgery dates",
            "When the sciatica started, and any surgery date",
            self.action_edit_dates,
        )
        yield SystemCommand(
            "Set the emergency number",
            "The number the emergency advice tells you to call (999, 112, 911 …)",
            self.action_emergency_number,
        )
        yield SystemCommand("Help: list every key", "Show all keys", self.action_help)
        if on_the_tabs:
            yield from self._tab_commands()

    def _tab_commands(self) -> Iterable[SystemCommand]:
        """Every tab's own actions (the ones its keys run), named after the tab.

        A tab already built offers only what it can do now (Pause only while breathing, say);
        a tab not opened yet offers all of its actions, and says so if one cannot run.
        """
        for pane, label, _key in TABS:
            ready = self._tab_ready.get(pane)
            built = self.query_one(f"#{pane}-tab") if ready is not None and ready.is_set() else None
            for binding in tab_class(pane).BINDINGS:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                if binding.action in APP_COMMANDS:
                    continue  # offered once, by the app ("Set onset and surgery dates")
                if built is not None and not can_run(built, binding.action):
                    continue
                yield SystemCommand(
                    f"{label}: {binding.description}",
                    binding.tooltip or binding.description,
                    partial(self._run_tab_action, pane, label, binding),
                )

    async def _run_tab_action(self, pane: str, label: str, binding: Binding) -> None:
        """Run a tab's action from the palette, on that tab (shown first if it is not)."""
        if self.query_one("#tabs", TabbedContent).active != pane:
            await self.action_show_tab(pane)
        if not await self.run_action(binding.action, await self.tab_widget(pane)):
            self.notify(f"{binding.description} is not possible right now.", title=label)


# Tab actions the palette already offers as the app's own commands.
APP_COMMANDS = frozenset({"edit_dates"})


def can_run(widget: Widget, action: str) -> bool:
    """Whether ``widget`` would run ``action`` now (its ``check_action`` allows it)."""
    _namespace, name, parameters = parse_action(action)
    return widget.check_action(name, parameters) is True


def run_app(folder: Path, *, breathe: tuple[int, int] | None = None) -> int:
    """Open the diary in ``folder`` and run the app; return the exit status."""
    import sys

    from sciatica_tui import content
    from sciatica_tui.teaching import teaching

    try:
        content.load_all()
        teaching()
    except content.ContentError as error:
        print(f"sciatica: a content file is broken: {error}", file=sys.stderr)
        return 1
    try:
        store = DiaryStore.open(folder)
    except StoreError as error:
        print(f"sciatica: {error}", file=sys.stderr)
        return 1
    try:
        status = SciaticaApp(store, breathe=breathe).run()
    finally:
        store.close()
    return status or 0
