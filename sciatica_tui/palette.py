"""The command palette's own commands (ctrl+p): every action of the app and of each tab."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.actions import parse as parse_action
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from sciatica_tui.screens.tabs import TABS, TabSpec

if TYPE_CHECKING:
    from sciatica_tui.app import SciaticaApp

# Tab actions the palette already offers as the app's own commands.
APP_COMMANDS = frozenset({"app.edit_dates"})


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


def can_run(widget: Widget, action: str) -> bool:
    """Whether ``widget`` would run ``action`` now (its ``check_action`` allows it)."""
    _namespace, name, parameters = parse_action(action)
    return widget.check_action(name, parameters) is True
