"""``sciatica review``: this week against last week, in words or JSON."""

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


def add_review(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica review [--as-of DATE] [--json]``."""
    parser = commands.add_parser(
        "review",
        parents=[common],
        help="compare the last 7 days with the 7 days before",
        description="The weekly review: the 7 days ending on DATE (default today) against "
        "the 7 days before, with the signs of recovery and the signs to watch.",
    )
    add_as_of_and_json(parser, "to review")
    parser.set_defaults(run=run_review)


def run_review(args: argparse.Namespace, folder: Path) -> int:
    """Print the weekly review of the diary in ``folder``."""
    from sciatica_tui.domain import content
    from sciatica_tui.domain.rehab_review import review_adherence
    from sciatica_tui.domain.review import weekly_review
    from sciatica_tui.domain.review_words import review_as_text

    as_of = as_of_day(args)
    if as_of is None:
        return EXIT_REFUSED
    snapshot = read_snapshot(folder)
    review = weekly_review(
        snapshot.daily_logs,
        snapshot.red_flag_checks,
        as_of,
        onset=snapshot.profile.onset_date,
        surgery=snapshot.profile.surgery_date,
        rehab=review_adherence(snapshot.excerpt(), as_of),
    )
    words = content.signals()
    if args.json:
        # stdout holds exactly the JSON document; the disclaimer goes beside it.
        print(words.disclaimer_short, file=sys.stderr)
        return write_stdout(json.dumps(review.to_dict(), indent=2) + "\n")
    return write_stdout(review_as_text(review, words))
