"""The App shell: six tabs, app-wide keys and routing between tabs.

Each tab owns its behaviour in its package under ``screens/``; the app builds a tab when it
is first opened, asks it only what ``DiaryTab`` declares, and routes the messages tabs post
(a red-flag check asked for, a save finished). What the person meets as the app opens (the
theme, notes, the first-run welcome), the palette's commands, the quit questions and the
writer thread live beside it in ``opening``, ``palette``, ``quitting`` and ``writer``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widgets import Header, Static, TabPane

import sciatica_tui.screens as screens
from sciatica_tui.domain.clock import Clock, SystemClock
from sciatica_tui.inert_display import show_control_characters_inert
from sciatica_tui.opening import after_first_frame, open_the_diary
from sciatica_tui.palette import SteadyPalettes, diary_commands, textual_commands
from sciatica_tui.quitting import QuitAsked, QuitQuestions
from sciatica_tui.screens.dialogs.guarded import GuardedScreen
from sciatica_tui.screens.diary_screen import DiaryScreen
from sciatica_tui.screens.messages import DiaryNotSaved, RedFlagCheckRequested
from sciatica_tui.screens.tabs import TABS, TABS_BY_PANE, DiaryTab, DiaryTabs
from sciatica_tui.screens.widgets.keys_footer import KeysFooter
from sciatica_tui.screens.widgets.steady_option_list import steady_option_lists
from sciatica_tui.store.changes import DiaryChange
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.writer import DiaryWriter

SCREENS_FOLDER = Path(screens.__file__).parent
TAB_KEYS = Binding.Group("Tabs")


class SciaticaApp(SteadyPalettes):
    """A calm companion for recovering from sciatica at home."""

    # The shell's, Today's and the shared dialogs' styles. Each other tab's stylesheet (every
    # rule rooted in that tab or its dialogs) is read when the tab is first built.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        SCREENS_FOLDER / "today" / "today.tcss",
        SCREENS_FOLDER / "dialogs" / "dialogs.tcss",
    ]
    TITLE = "Sciatica companion"
    NOTIFICATION_TIMEOUT = 3  # "Saved" and other passing notes go within 3 s (issue 15 §7)
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
                spec.key,
                f"show_tab('{spec.pane}')",
                spec.label,
                id=f"tab.{spec.pane}",
                tooltip=f"Go to the {spec.label} tab (works while typing).",
                priority=True,
                group=TAB_KEYS,
            )
            for spec in TABS
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
        opens_on: str = "today",
    ) -> None:
        """``store`` is the open diary; the app opens on the tab ``opens_on`` (a pane id), or
        on Breathe with ``breathe`` (minutes, count): a session starts."""
        show_control_characters_inert()  # before any text is built: see inert_display
        super().__init__()
        steady_option_lists()  # page keys and clicks in every list, the palette's too
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.breathe_on_start = breathe
        self.first_tab = TABS_BY_PANE["breathe" if breathe is not None else opens_on]
        self._quit_questions = QuitQuestions(self)
        self._writer = DiaryWriter(store, fallback=self)

    # --- layout and tabs -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, the six tabs (only the one it opens on built now), and the footer."""
        yield Header()
        if note := self.store.read_only_note():  # the folder, disk or file is read-only
            yield Static(note, id="read-only-note")
        with DiaryTabs(self.first_tab.pane, id="tabs"):
            for spec in TABS:
                with TabPane(f"{spec.label} [dim]{spec.key.upper()}[/]", id=spec.pane):
                    if spec is self.first_tab:
                        yield spec.widget_class()(id=f"{spec.pane}-tab")
        yield KeysFooter()

    def get_default_screen(self) -> Screen[Any]:
        """The screen that holds the tabs (it keeps from laying them out for nothing)."""
        return DiaryScreen(id="_default")

    @property
    def active_tab(self) -> str:
        """The pane id of the tab in view."""
        return self.query_one(DiaryTabs).active

    @active_tab.setter
    def active_tab(self, pane: str) -> None:
        self.query_one(DiaryTabs).active = pane

    async def tab_widget(self, pane: str) -> DiaryTab:
        """The widget of tab ``pane``, built on first use."""
        return await self.query_one(DiaryTabs).tab(pane)

    def built_tab(self, pane: str) -> DiaryTab | None:
        """The widget of tab ``pane`` if it has been built, else None."""
        return self.query_one(DiaryTabs).built(pane)

    def on_mount(self) -> None:
        """The saved theme, notes, then a breathing session or the first-run welcome."""
        open_the_diary(self)

    def on_ready(self) -> None:
        """The first frame is out."""
        after_first_frame(self)

    # --- saving (the DiaryHost the screens see) ----------------------------------------------

    @property
    def saving(self) -> bool:
        """True while a save asked for has not reported back yet."""
        return self._writer.busy

    def save(self, requester: MessagePump, change: DiaryChange) -> None:
        """Write ``change`` on the writer thread, after every earlier change; ``requester``
        then gets ``DiarySaved`` or ``DiaryNotSaved``."""
        self._writer.submit(requester, change)

    @on(DiaryNotSaved)
    def _say_not_saved(self, message: DiaryNotSaved) -> None:
        """A failed save that no screen explained itself."""
        self.notify(str(message.error), title="Not saved", severity="error", timeout=15)

    def on_unmount(self) -> None:
        """Let any save still under way reach the disk, then release the diary."""
        self._writer.close()
        self.store.close()

    # --- quitting ------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Quit, unless the screen in front must ask first (the emergency alert does)."""
        self._quit_questions.asked()

    @on(QuitAsked)
    def _keys_before_quit_handled(self, message: QuitAsked) -> None:
        """Every key typed before ctrl+q has been handled: ask, then quit."""
        message.stop()
        self._quit_questions.ask_now()

    # --- app-wide actions and routing ---------------------------------------------------------

    async def action_show_tab(self, pane: str) -> None:
        """Switch to a tab and put the cursor in it."""
        if self.screen is not self.screen_stack[0]:
            return  # a dialog is open; it must be answered first
        self.active_tab = pane
        # Focus now, not after the next frame: a key typed straight after the tab key must
        # reach the new tab, not a widget left behind on the old one.
        (await self.tab_widget(pane)).focus_first()

    async def action_red_flag_check(self) -> None:
        """Open the red-flag check, from any tab, even while typing."""
        await self._open_red_flag_check(None)

    @on(RedFlagCheckRequested)
    def _red_flag_check_requested(self, request: RedFlagCheckRequested) -> None:
        self.open_red_flag_check(request.prefill or None)

    def open_red_flag_check(self, prefill: Mapping[str, bool] | None = None) -> None:
        """Show the red-flag check with ``prefill`` answers (question id to yes or no)
        marked; an emergency yes among them opens the alert at once."""
        self.call_later(self._open_red_flag_check, prefill)

    async def _open_red_flag_check(self, prefill: Mapping[str, bool] | None) -> None:
        """Dialogs in the way are closed first; over the emergency alert (or a question
        asked over it) nothing changes: the alert is what matters now."""
        from sciatica_tui.screens.red_flags.tab import RedFlagsTab

        if any(isinstance(screen, GuardedScreen) for screen in self.screen_stack):
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        await self.action_show_tab("red_flags")
        tab = await self.tab_widget("red_flags")
        if isinstance(tab, RedFlagsTab):
            tab.start_check(prefill)

    def action_help(self) -> None:
        """Show every key."""
        from sciatica_tui.screens.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_edit_dates(self, first_run: bool = False) -> None:
        """Set or change the onset and surgery dates (the first run's note comes with it)."""
        from sciatica_tui.screens.dialogs.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen(first_run=first_run))

    def action_emergency_number(self) -> None:
        """Choose the number the emergency advice names."""
        from sciatica_tui.screens.dialogs.emergency_number import EmergencyNumberDialog

        if not isinstance(self.screen, EmergencyNumberDialog):
            self.push_screen(EmergencyNumberDialog())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action of the app and of its tabs in the command palette (ctrl+p)."""
        yield from textual_commands(super().get_system_commands(screen))
        yield from diary_commands(self, screen)
