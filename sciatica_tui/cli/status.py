"""``sciatica status``: one line for a shell prompt or a tmux status bar.

It runs at every prompt, so it imports only the light ``store.glance`` and
``domain.status_line`` (no Textual, plotext or TinyDB), takes no lock and never writes: it
works while the app is open, from the last saved state. In a prompt it never fails loudly:
no diary, or a file that cannot be read, prints a short neutral word and exits 0;
``--strict`` exits 1 then, with the reason on stderr, for scripts.
"""

from __future__ import annotations

from sciatica_tui.cli import base
from sciatica_tui.cli.base import EXIT_FAILED, EXIT_OK, say_error, write_stdout
from sciatica_tui.domain.status_line import FORMATS, status_line
from sciatica_tui.store.glance import glance_at_diary

TYPE_CHECKING = False  # no argparse at a prompt: cli.prompt reads the plain forms
if TYPE_CHECKING:
    import argparse

    from sciatica_tui.cli.base import Subcommands

STRICT_REASONS = {
    "no_diary": "there is no diary in {folder} yet.",
    "unreadable": "the diary in {folder} cannot be read; open sciatica to see why.",
}


def add_status(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica status [--format short|long|json|tmux] [--strict]``."""
    parser = commands.add_parser(
        "status",
        parents=[common],
        help="one line for a shell prompt or a tmux status bar (fast)",
        description="One line: logged today or not, weeks since onset, exercises and "
        "breathing today, and the last red-flag check with its age. Fast enough for every "
        "prompt; works while the app is open. tmux: status-right '#(sciatica status "
        "--format tmux)'.",
    )
    parser.add_argument("--format", choices=FORMATS, default="short", help="default: short")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 (reason on stderr) when there is no diary or it cannot be read; "
        "without it, a short word is printed and the exit status is 0",
    )
    parser.set_defaults(run=run_status)


def run_status(args: argparse.Namespace, folder: str) -> int:
    """Print the status line of the diary in ``folder`` (a string: no pathlib at a prompt)."""
    glance = glance_at_diary(folder, base.today())
    written = write_stdout(status_line(glance, args.format) + "\n")
    if args.strict and glance.state != "ok":
        from pathlib import Path

        say_error(STRICT_REASONS[glance.state].format(folder=Path(folder)))
        return EXIT_FAILED
    return written if args.strict else EXIT_OK
