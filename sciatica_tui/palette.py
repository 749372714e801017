"""The command palette (ctrl+p): the screen, and its commands (every action of the app and of
each tab)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandListItem, CommandPalette, SimpleProvider
from textual.events import Mount
from textual.message import Message
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widget import AwaitMount, Widget
from textual.widgets import Input, OptionList

from sciatica_tui.screens.tabs import TABS, TabSpec

if TYPE_CHECKING:
    from sciatica_tui.app import SciaticaApp

# Tab actions the palette already offers as the app's own commands.
APP_COMMANDS = frozenset({"app.edit_dates"})


class SteadyCommandPalette(CommandPalette):
    """Textual's palette, closing once however many clicks or keys ask it to, and deaf to
    what reaches it once closed. Both found by the monkey test.

    Textual's palette closes on a click on the dimmed screen around it, on Escape, and when a
    command is chosen, each by popping whatever screen is on top: a second one queued behind
    the first (a double click, Escape twice on a busy terminal) popped the screen under the
    palette too, or raised ScreenStackError over the tabs. A letter or Enter still on its way
    when the palette closed began a search in a palette already taken apart (NoMatches) or
    ran the chosen command a second time."""

    def dismiss(self, result: None = None) -> AwaitComplete:
        """Close the palette, unless it is closed already (or something opened over it)."""
        if not self.is_active:
            return AwaitComplete()  # nothing to wait for
        awaitable: AwaitComplete = super().dismiss(result)
        return awaitable

    @on(Input.Changed)
    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _closed_already(self, event: Message) -> None:
        """Typing or a choice arriving after the palette closed goes no further (Textual's
        own handlers, on the class below, are skipped)."""
        if not self.is_active:
            event.prevent_default()
            event.stop()

    def on_mount(self, event: Mount) -> None:
        """A palette closed before it was even shown (ctrl+p, then a key that closes it, at
        once) starts no search: Textual's own mount, on the class below, is skipped."""
        if not self.is_active:
            event.prevent_default()

    def on_screen_suspend(self) -> None:
        """Closed, however it was (Escape, a click, ctrl+r taking the person to the check):
        stop the search under way, before the palette is taken apart under it."""
        self.workers.cancel_node(self)


class SteadyPalettes(App[int]):
    """An app whose every palette is a ``SteadyCommandPalette``: ctrl+p, the theme picker (the
    palette's Theme command) and a search of given commands, where Textual's App opens its
    own palette."""

    def action_command_palette(self) -> None:
        """Show the command palette (ctrl+p)."""
        # Without Textual's fixed id: ctrl+p straight after Escape opens the new palette
        # while the old one is still being taken down (the same id raised DuplicateIds).
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(SteadyCommandPalette())

    def search_themes(self) -> None:
        """Show the themes to choose from, in a palette."""
        self.push_screen(
            SteadyCommandPalette(providers=[ThemeProvider], placeholder="Search for themes…")
        )

    def search_commands(
        self, commands: Sequence[CommandListItem], placeholder: str = "Search for commands…"
    ) -> AwaitMount:
        """Show ``commands`` in a palette."""
        # As Textual's own search_commands: a provider object where its type asks for a class.
        provider = SimpleProvider(self.screen, list(commands))
        palette = SteadyCommandPalette(providers=[provider], placeholder=placeholder)  # type: ignore[list-item]
        return self.push_screen(palette)


# Textual's commands the palette leaves out. "Keys" opens Textual's key panel, which the app's
# own help (every key, "?") covers; the panel rebuilds itself at every move of the cursor,
# and a click landing on it as it did so raised AttributeError in Textual's text selection
# (Screen._forward_event: a removed widget has no parent). Found by the monkey test.
LEFT_OUT = frozenset({"Keys"})


def textual_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's own commands (Theme, Quit, Screenshot ...), less those ``LEFT_OUT``."""
    return (command for command in commands if command.title not in LEFT_OUT)


def diary_commands(app: SciaticaApp, screen: Screen[Any]) -> Iterable[SystemCommand]:
    """The app's commands, then each tab's; tabs only when no dialog covers them."""
    on_the_tabs = screen is app.screen_stack[0]  # not over a dialog or the alert
    for spec in TABS if on_the_tabs else ():
        yield SystemCommand(
            f"Go to {spec.label}",
            f"Open the {spec.label} tab",
            partial(app.action_show_tab, spec.pane),
        )
    yield SystemCommand(
        "Red-flag check", "Check for emergency symptoms now", app.action_red_flag_check
    )
    yield SystemCommand(
        "Set onset and surgery dates",
        "When the sciatica started, and any surgery date",
        app.action_edit_dates,
    )
    yield SystemCommand(
        "Set the emergency number",
        "The number the emergency advice tells you to call (999, 112, 911 …)",
        app.action_emergency_number,
    )
    yield SystemCommand(
        "Set the daily reminder time",
        "When 'sciatica remind' reminds you to log the day (19:00 until you choose)",
        partial(open_reminder_time, app),
    )
    yield SystemCommand(
        "Set your name on reports",
        "A name printed only on the visit reports you export (none until you give one)",
        partial(open_report_name, app),
    )
    yield SystemCommand("Help: list every key", "Show all keys", app.action_help)
    if on_the_tabs:
        yield from _tab_commands(app)


def _tab_commands(app: SciaticaApp) -> Iterable[SystemCommand]:
    """Every tab's own actions (the ones its keys run), named after the tab.

    A tab already built offers only what it can do now (Pause only while breathing, say);
    a tab not opened yet offers all of its actions, and says so if one cannot run.
    """
    for spec in TABS:
        built = app.built_tab(spec.pane)
        for binding in spec.widget_class().BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.action in APP_COMMANDS:
                continue  # offered once, by the app ("Set onset and surgery dates")
            if built is not None and not can_run(built, binding.action):
                continue
            yield SystemCommand(
                f"{spec.label}: {binding.description}",
                binding.tooltip or binding.description,
                partial(_run_tab_action, app, spec, binding),
            )


async def _run_tab_action(app: SciaticaApp, spec: TabSpec, binding: Binding) -> None:
    """Run a tab's action from the palette, on that tab (shown first if it is not)."""
    if app.active_tab != spec.pane:
        await app.action_show_tab(spec.pane)
    if not await app.run_action(binding.action, await app.tab_widget(spec.pane)):
        app.notify(f"{binding.description} is not possible right now.", title=spec.label)


def open_reminder_time(app: SciaticaApp) -> None:
    """Choose the time of the shell's daily reminder."""
    from sciatica_tui.screens.dialogs.reminder_time import ReminderTimeDialog

    if not isinstance(app.screen, ReminderTimeDialog):
        app.push_screen(ReminderTimeDialog())


def open_report_name(app: SciaticaApp) -> None:
    """Give, change or clear the name printed on reports."""
    from sciatica_tui.screens.dialogs.report_name import ReportNameDialog

    if not isinstance(app.screen, ReportNameDialog):
        app.push_screen(ReportNameDialog())


def can_run(widget: Widget, action: str) -> bool:
    """Whether ``widget`` would run ``action`` now (its ``check_action`` allows it)."""
    _namespace, name, parameters = parse_action(action)
    return widget.check_action(name, parameters) is True
