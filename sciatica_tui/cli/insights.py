"""``sciatica insights``: what went with bad days, in words or JSON.

The same rule and the same range as the Trends tab (the last N Monday-start weeks up to
today): see ``domain.insights``.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from sciatica_tui.cli import base
from sciatica_tui.cli.base import read_snapshot, write_stdout
from sciatica_tui.cli.trends import DEFAULT_TREND_WEEKS, week_count

if TYPE_CHECKING:
    from sciatica_tui.cli.base import Subcommands


def add_insights(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica insights [--weeks N] [--json]``."""
    parser = commands.add_parser(
        "insights",
        parents=[common],
        help="what went with bad days: leg pain on days with and without each tag",
        description="For each tag on at least 3 logged days with it and 3 without, the mean "
        "leg pain on the same day and on the next day, with it minus without it; listed when "
        "a difference is 1 point or more. It shows what went together, not what caused what.",
    )
    parser.add_argument(
        "--weeks",
        type=week_count,
        default=DEFAULT_TREND_WEEKS,
        metavar="N",
        help=f"the last N weeks, Monday to Sunday (default: {DEFAULT_TREND_WEEKS})",
    )
    parser.add_argument("--json", action="store_true", help="print it as JSON")
    parser.set_defaults(run=run_insights)


def run_insights(args: argparse.Namespace, folder: Path) -> int:
    """Print what went with bad days in the diary in ``folder``."""
    from sciatica_tui.domain.insight_words import insight_words, insights_as_text
    from sciatica_tui.domain.insights import insights
    from sciatica_tui.domain.tag_list import tag_list
    from sciatica_tui.domain.trends.ranges import first_monday
    from sciatica_tui.domain.words import date_words, plural

    snapshot = read_snapshot(folder)
    today = base.today()
    logs = snapshot.daily_logs
    start = first_monday(today, args.weeks, logs[0].date if logs else None)
    found = insights(
        logs, snapshot.flare_ups, tag_list(snapshot.custom_tags), first=start, last=today
    )
    words = insight_words()
    if args.json:
        # stdout holds exactly the JSON document; what it means goes beside it.
        print(words.about, file=sys.stderr)
        return write_stdout(json.dumps({"weeks": args.weeks, **found.to_dict()}, indent=2) + "\n")
    heading = (
        f"{words.title}: the last {plural(args.weeks, 'week')}, {date_words(start)} to "
        f"{date_words(today)}, {plural(found.days_logged, 'day')} logged"
    )
    # What it is, and is not, before what it found.
    paragraphs = [heading, words.about, *insights_as_text(found, words)]
    if not found.tags_compared:
        paragraphs.append(words.shell_hint)
    return write_stdout("\n\n".join(textwrap.fill(p, width=79) for p in paragraphs) + "\n")
