"""``sciatica breathe``: open the app straight on a box-breathing session."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sciatica_tui.cli.base import Subcommands


def add_breathe(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica breathe [--minutes N] [--count S]``."""
    from sciatica_tui.domain.breathing import (
        COUNT_CHOICES,
        DEFAULT_COUNT,
        DEFAULT_MINUTES,
        MINUTE_CHOICES,
    )

    parser = commands.add_parser(
        "breathe",
        parents=[common],
        help="open the app straight on a box-breathing session",
        description="Open the app on a box-breathing session: first the optional stress and "
        "pain ratings (s skips them), then breathe in, hold, breathe out, hold, S seconds "
        "each. The session ends on a full breath, so its length is rounded to whole rounds. "
        "Space pauses, Escape stops.",
    )
    parser.add_argument(
        "--minutes",
        type=int,
        choices=MINUTE_CHOICES,
        default=DEFAULT_MINUTES,
        metavar="N",
        help=f"how long: 1, 3, 5 or 10 minutes (default: {DEFAULT_MINUTES})",
    )
    parser.add_argument(
        "--count",
        type=int,
        choices=COUNT_CHOICES,
        default=DEFAULT_COUNT,
        metavar="S",
        help=f"seconds for each step, 3 to 6 (default: {DEFAULT_COUNT})",
    )
    parser.set_defaults(run=run_breathe)


def run_breathe(args: argparse.Namespace, folder: Path) -> int:
    """Open the app on the diary in ``folder``, on the ratings before a session."""
    from sciatica_tui.cli.open_app import run_app

    return run_app(folder, breathe=(args.minutes, args.count))
