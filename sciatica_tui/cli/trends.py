"""``sciatica trends``: the charts and one line per week, on the screen."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sciatica_tui.cli import base
from sciatica_tui.cli.base import EXIT_OK, read_snapshot, write_stdout

if TYPE_CHECKING:
    from sciatica_tui.cli.base import Subcommands

DEFAULT_TREND_WEEKS = 12
CHART_HEIGHT = 15


def week_count(text: str) -> int:
    try:
        weeks = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of weeks") from None
    if not 1 <= weeks <= 2000:
        raise argparse.ArgumentTypeError("give between 1 and 2000 weeks")
    return weeks


def add_trends(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica trends [--weeks N]``."""
    parser = commands.add_parser(
        "trends",
        parents=[common],
        help="print the charts and a weekly table",
        description="Print the Trends charts and one line per week (Monday to Sunday). "
        "Plain text, without colours, when the output is not a terminal.",
    )
    parser.add_argument(
        "--weeks",
        type=week_count,
        default=DEFAULT_TREND_WEEKS,
        metavar="N",
        help=f"the last N weeks (default: {DEFAULT_TREND_WEEKS})",
    )
    parser.set_defaults(run=run_trends)


def run_trends(args: argparse.Namespace, folder: Path) -> int:
    """Print the charts and the weekly table of the diary in ``folder``."""
    import shutil

    from sciatica_tui.domain.inert_text import inert
    from sciatica_tui.domain.timeline import position
    from sciatica_tui.domain.timeline_words import timeline_summary
    from sciatica_tui.domain.trends.charts import chart_specs
    from sciatica_tui.domain.trends.series import trend_data
    from sciatica_tui.domain.trends.table import TABLE_NOTE, weekly_table
    from sciatica_tui.plotting import charts_as_text

    snapshot = read_snapshot(folder)
    data = trend_data(
        snapshot.daily_logs,
        snapshot.breathing_sessions,
        snapshot.rehab_days,
        base.today(),
        snapshot.check_ins,
        snapshot.flare_ups,
    )
    if data.empty:
        print("Nothing logged yet: log a day in the app, then the charts appear here.")
        return EXIT_OK
    terminal = sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
    colour = terminal and not os.environ.get("NO_COLOR")
    charts = charts_as_text(
        chart_specs(data, args.weeks),
        width=max(60, min(width, 160)),
        height=CHART_HEIGHT,
        colour=colour,
    )
    table = weekly_table(data, args.weeks)
    profile = snapshot.profile
    summary = timeline_summary(position(profile.onset_date, profile.surgery_date, base.today()))
    heading = f"{summary}\n\n" if summary is not None else ""
    body = f"\nWeek by week\n\n{table}\n{TABLE_NOTE}\n"
    if colour:  # the charts' own colour codes, around numbers and words drawn here
        return write_stdout(body, drawn_here=inert(heading) + charts)
    return write_stdout(heading + charts + body)
