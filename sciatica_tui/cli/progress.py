"""``sciatica progress``: since the start and over the last four weeks, in words or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sciatica_tui.cli.base import (
    EXIT_REFUSED,
    add_as_of_and_json,
    as_of_day,
    read_snapshot,
    write_stdout,
)

if TYPE_CHECKING:
    from sciatica_tui.cli.base import Subcommands


def add_progress(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica progress [--as-of DATE] [--json]``."""
    parser = commands.add_parser(
        "progress",
        parents=[common],
        help="compare now with the start and the last four weeks with the four before",
        description="Am I getting better? The 7 days ending on DATE (default today) against "
        "the first 7 logged days since onset, the last 28 days against the 28 before, "
        "whether leg pain is still easing, and the latest weekly check-in against the first.",
    )
    add_as_of_and_json(parser, "to look at")
    parser.set_defaults(run=run_progress)


def run_progress(args: argparse.Namespace, folder: Path) -> int:
    """Print the progress report of the diary in ``folder``."""
    from sciatica_tui.domain.progress.measures import ProgressSources
    from sciatica_tui.domain.progress.report import progress_report
    from sciatica_tui.domain.progress.words import DISCLAIMER, progress_as_text

    as_of = as_of_day(args)
    if as_of is None:
        return EXIT_REFUSED
    snapshot = read_snapshot(folder)
    report = progress_report(
        ProgressSources(daily_logs=snapshot.daily_logs, check_ins=snapshot.check_ins),
        as_of,
        onset=snapshot.profile.onset_date,
        surgery=snapshot.profile.surgery_date,
    )
    if args.json:
        # stdout holds exactly the JSON document; the disclaimer goes beside it.
        print(DISCLAIMER, file=sys.stderr)
        return write_stdout(json.dumps(report.to_dict(), indent=2) + "\n")
    return write_stdout(progress_as_text(report))
