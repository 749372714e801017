"""``sciatica remind``: one line when today is not logged and the chosen time has passed.

Meant for shell start-up files and tmux: it prints nothing at all otherwise, reads the
diary like ``status`` (fast, no lock, works while the app is open) and never fails loudly.
``--at HH:MM`` (or ``--at off``) sets the time instead, which is a save: it needs the
diary, so it is refused while the app holds it.
"""

from __future__ import annotations

from sciatica_tui.cli import base
from sciatica_tui.cli.base import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, say_error
from sciatica_tui.domain.reminder import (
    DEFAULT_TIME,
    REMINDER_LINE,
    parse_reminder_time,
    reminder_due,
)
from sciatica_tui.store.glance import glance_at_diary

TYPE_CHECKING = False  # no argparse at a prompt: cli.prompt reads the plain forms
if TYPE_CHECKING:
    import argparse

    from sciatica_tui.cli.base import Subcommands


def add_remind(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica remind [--at HH:MM|off]``."""
    parser = commands.add_parser(
        "remind",
        parents=[common],
        help="one line when today is not logged after the chosen time",
        description="Prints one line when today is not logged yet and it is past the "
        f"chosen time (default {DEFAULT_TIME}); otherwise prints nothing. Put it in your "
        "shell start-up file. With --at, sets the time instead.",
    )
    parser.add_argument(
        "--at",
        metavar="HH:MM",
        help="set the time of the reminder (24-hour, e.g. 19:00), or 'off'",
    )
    parser.set_defaults(run=run_remind)


def run_remind(args: argparse.Namespace, folder: str) -> int:
    """Remind, or with ``--at`` set the reminder's time (``folder`` is a string: no pathlib
    at a prompt)."""
    if args.at is not None:
        return set_reminder_time(args.at, folder)
    now = base.now()
    glance = glance_at_diary(folder, now.date())
    if glance.state == "unreadable":
        return EXIT_OK  # a start-up file is no place for an error: status and the app say it
    if reminder_due(now, logged_today=glance.logged_today, kept=glance.reminder_time):
        print(REMINDER_LINE)
    return EXIT_OK


def set_reminder_time(typed: str, folder_name: str) -> int:
    """Save the time typed (``off`` turns the reminder off)."""
    try:
        kept = parse_reminder_time(typed)
    except ValueError as error:
        say_error(f"--at: {error}")
        return EXIT_REFUSED
    from pathlib import Path

    from sciatica_tui.store.changes import UpdateSettings
    from sciatica_tui.store.diary_store import DiaryStore
    from sciatica_tui.store.errors import AlreadyOpenError

    folder = Path(folder_name)
    try:
        store = DiaryStore.open(folder)
    except AlreadyOpenError:
        say_error(
            f"the time was not changed: the sciatica app has the diary in {folder} open. "
            "Set it there (ctrl+p, 'Set the daily reminder time'), or quit the app and "
            "run this again."
        )
        return EXIT_FAILED
    with store:
        UpdateSettings.of(reminder_time=kept).apply(store)
    if kept == "off":
        print("The reminder is off. Turn it on again with: sciatica remind --at 19:00")
    else:
        print(f"sciatica remind will remind you from {kept} on days that are not logged yet.")
    return EXIT_OK
