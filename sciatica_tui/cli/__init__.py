"""The ``sciatica`` command: open the app, or export and import the diary.

How to grow it:

* a subcommand is one ``add_<name>(commands, common)`` function that declares its arguments
  and sets ``run`` to a ``run_<name>(args, folder) -> int`` function; list it in
  ``SUBCOMMANDS`` (the order ``--help`` shows);
* an export format is one ``(snapshot, today) -> str`` function registered in ``EXPORTERS``
  (its name is already one of ``EXPORT_FORMATS``).

Exit status: 0 done, 1 the diary could not be opened or saved, 2 bad arguments or a file
that was refused. Start-up stays fast: Textual and TinyDB (through the store) are imported
only inside the functions that need them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sciatica_tui import __version__
from sciatica_tui.store.export_format import ImportProblems, from_document, to_document
from sciatica_tui.store.files import write_private_file
from sciatica_tui.store.folders import ENV_VAR, data_folder

if TYPE_CHECKING:
    from sciatica_tui.domain.records import Snapshot

    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2

# An export of decades of daily logs is a few MB; anything this big is not one.
MAX_IMPORT_BYTES = 100 * 1024 * 1024

Run = Callable[[argparse.Namespace, Path], int]
Exporter = Callable[["Snapshot", date], str]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sciatica`` command with ``argv`` (default: the real command line)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_REFUSED
    folder = data_folder(args.data_dir)
    run: Run = args.run

    from sciatica_tui.store.errors import StoreError

    try:
        return run(args, folder)
    except StoreError as error:
        _say_error(str(error))
        return EXIT_FAILED
    except OSError as error:
        # The store explains the failures it expects; this catches the rest (a data folder
        # that is a file, a folder that cannot be created) without a traceback.
        where = f" ({error.filename})" if error.filename else ""
        _say_error(f"the data folder {folder} cannot be used: {error.strerror or error}{where}.")
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options and every subcommand."""
    parser = argparse.ArgumentParser(
        prog="sciatica",
        description="A calm terminal diary for recovering from sciatica at home. "
        "With no command, opens the app.",
        epilog=f"The data folder can also be set with the {ENV_VAR} environment variable.",
    )
    parser.add_argument("--version", action="version", version=f"sciatica {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="use the diary in DIR instead of the usual data folder",
    )
    parser.set_defaults(run=run_app_command)
    # Subcommands accept --data-dir too; SUPPRESS keeps one given before the subcommand
    # from being reset to the default when it is not repeated after it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="as above")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(commands, common)
    return parser


# --- sciatica (no command): the app ---------------------------------------------------------


def run_app_command(args: argparse.Namespace, folder: Path) -> int:
    """Open the app on the diary in ``folder``."""
    from sciatica_tui.app import run_app

    return run_app(folder)


# --- sciatica export ------------------------------------------------------------------------

EXPORT_FORMATS: tuple[str, ...] = ("json", "csv", "md")


def export_json(snapshot: Snapshot, today: date) -> str:
    """Everything in the diary, as the JSON document ``sciatica import`` reads back."""
    return json.dumps(to_document(snapshot), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def export_markdown(snapshot: Snapshot, today: date) -> str:
    """The latest clinic visit as a one-page Markdown summary, or the last four weeks of the
    diary when no visit was prepared."""
    from sciatica_tui.domain.visit.summary import diary_markdown

    return diary_markdown(snapshot, today)


def export_csv(snapshot: Snapshot, today: date) -> str:
    """The daily logs, one row per logged day (oldest first), with a header of the field
    names; a field that was not filled in is an empty cell."""
    import csv
    import io

    from sciatica_tui.domain.records import DAILY_LOG_FIELDS

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DAILY_LOG_FIELDS, lineterminator="\n")
    writer.writeheader()
    for log in sorted(snapshot.daily_logs, key=lambda entry: entry.date):
        writer.writerow(log.to_record())
    return out.getvalue()


EXPORTERS: dict[str, Exporter] = {
    "json": export_json,
    "csv": export_csv,
    "md": export_markdown,
}


def add_export(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica export --format json|csv|md [--out FILE]``."""
    parser = commands.add_parser(
        "export",
        parents=[common],
        help="write the diary to a file or the screen",
        description="Write the diary out. json: everything (sciatica import reads it back); "
        "csv: the daily logs; md: a visit summary. Works while the app is open.",
    )
    parser.add_argument("--format", choices=EXPORT_FORMATS, default="json", help="default: json")
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE (readable only by you) instead of the screen; "
        "a file already there is replaced only once the new one is complete",
    )
    parser.set_defaults(run=run_export)


def run_export(args: argparse.Namespace, folder: Path) -> int:
    """Export the diary in ``folder`` in the chosen format."""
    exporter = EXPORTERS.get(args.format)
    if exporter is None:
        _say_error(f"export as {args.format} is not available yet; use --format json.")
        return EXIT_REFUSED
    snapshot = read_snapshot(folder)
    text = exporter(snapshot, date.today())
    if args.format == "md":
        _say_if_story_is_old(snapshot)
    if args.out is None:
        return _write_stdout(text)
    try:
        replaced = write_private_file(args.out, text)
    except OSError as error:
        _say_error(f"could not write {args.out}: {error.strerror or error}. Nothing was written.")
        return EXIT_FAILED
    print(f"Wrote the {args.format} export to {args.out} (only you can read it).")
    if replaced:
        print("The file that was there before was replaced once the new one was complete.")
    return EXIT_OK


def _say_if_story_is_old(snapshot: Snapshot) -> None:
    """A note (on stderr, the export still goes out) when the visit's story is older than
    the diary the chart beside it comes from."""
    from sciatica_tui.domain.visit.summary import diary_story_out_of_date

    stale = diary_story_out_of_date(snapshot, date.today())
    if stale is not None:
        said, now = stale
        print(
            "sciatica: note: the visit's symptom story was drafted from an earlier diary.\n"
            f"  It says:   {said.removeprefix('- ')}\n"
            f"  Diary now: {now.removeprefix('- ')}\n"
            "  The chart comes from the diary as it is now. To update the story, open the "
            'Clinic tab and choose "Draft again from my diary".',
            file=sys.stderr,
        )


def read_snapshot(folder: Path) -> Snapshot:
    """Every record of the diary in ``folder``, read without taking the lock (the app may be
    open); an empty diary when there is none yet."""
    from sciatica_tui.domain.records import Snapshot
    from sciatica_tui.store.diary_store import DIARY_FILE, DiaryStore

    if not (folder / DIARY_FILE).exists():
        return Snapshot()
    # A read-only open still refuses a diary written by a newer version.
    with DiaryStore.open(folder, read_only=True) as store:
        for skipped in store.skipped:
            _say_error(f"warning: {skipped}. This record cannot be read and is not exported.")
        return store.snapshot()


def _write_stdout(text: str) -> int:
    """Print an export as UTF-8, whatever the terminal's encoding."""
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(text)
        else:
            buffer.write(text.encode("utf-8"))
            buffer.flush()
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    return EXIT_OK


# --- sciatica import ------------------------------------------------------------------------


def add_import(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica import FILE.json [--overwrite]``."""
    parser = commands.add_parser(
        "import",
        parents=[common],
        help="add the records of a json export to the diary",
        description="Add the records of a file written by 'sciatica export --format json'. "
        "The whole file is checked first: if anything in it is wrong, nothing is changed.",
    )
    parser.add_argument("file", metavar="FILE.json", type=Path)
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace records already in the diary (same date, time or id); "
        "without it they are kept and listed",
    )
    parser.set_defaults(run=run_import)


class UnreadableImportError(Exception):
    """The file to import could not be read as JSON."""


def run_import(args: argparse.Namespace, folder: Path) -> int:
    """Check the whole file, then merge its records into the diary in ``folder``."""
    path: Path = args.file
    try:
        document = read_json_file(path)
        snapshot = from_document(document, today=date.today())
    except UnreadableImportError as error:
        _say_error(f"import refused: {error}; nothing was changed.")
        return EXIT_REFUSED
    except ImportProblems as refused:
        count = len(refused.problems)
        plural = "problem" if count == 1 else "problems"
        print(f"Import refused: {count} {plural}; nothing was changed.", file=sys.stderr)
        for line in refused.problems:
            print(line, file=sys.stderr)
        return EXIT_REFUSED

    from sciatica_tui.store.diary_store import DiaryStore

    with DiaryStore.open(folder) as store:
        report = store.import_snapshot(snapshot, overwrite=args.overwrite)
    print(
        f"Imported {path} into {folder}: {report.added} added, {report.replaced} replaced, "
        f"{report.unchanged} already there."
    )
    if report.kept:
        count = len(report.kept)
        records = f"{count} records that differ" if count > 1 else "1 record that differs"
        print(
            f"Kept the diary's own version of {records} from the file "
            "(use --overwrite to take the file's):"
        )
        for kept in report.kept[:KEPT_LISTED]:
            print(f"  {kept}")
        if count > KEPT_LISTED:
            print(f"  … and {count - KEPT_LISTED} more.")
    return EXIT_OK


KEPT_LISTED = 10  # a whole diary kept would be thousands of lines


def read_json_file(path: Path) -> Any:
    """The parsed contents of ``path``, or ``UnreadableImportError`` saying why not."""
    try:
        with path.open("rb") as file:
            payload = file.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise UnreadableImportError(f"there is no file {path}") from None
    except OSError as error:
        raise UnreadableImportError(f"{path} cannot be read ({error.strerror})") from None
    if len(payload) > MAX_IMPORT_BYTES:
        raise UnreadableImportError(f"{path} is far too big to be an export")
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableImportError(f"{path} is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableImportError(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except (ValueError, RecursionError):
        # Numbers of thousands of digits, or thousands of nested brackets.
        raise UnreadableImportError(f"{path} is not a JSON file this app can read") from None


# --- sciatica trends ------------------------------------------------------------------------

DEFAULT_TREND_WEEKS = 12
CHART_HEIGHT = 15


def _week_count(text: str) -> int:
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
        type=_week_count,
        default=DEFAULT_TREND_WEEKS,
        metavar="N",
        help=f"the last N weeks (default: {DEFAULT_TREND_WEEKS})",
    )
    parser.set_defaults(run=run_trends)


def run_trends(args: argparse.Namespace, folder: Path) -> int:
    """Print the charts and the weekly table of the diary in ``folder``."""
    import shutil

    from sciatica_tui.domain.trends.series import chart_specs, trend_data
    from sciatica_tui.domain.trends.text import TABLE_NOTE, charts_as_text, weekly_table

    snapshot = read_snapshot(folder)
    data = trend_data(
        snapshot.daily_logs, snapshot.breathing_sessions, snapshot.rehab_days, date.today()
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
    return _write_stdout(f"{charts}\nWeek by week\n\n{table}\n{TABLE_NOTE}\n")


# --- sciatica review ------------------------------------------------------------------------


def add_review(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica review [--as-of DATE] [--json]``."""
    parser = commands.add_parser(
        "review",
        parents=[common],
        help="compare the last 7 days with the 7 days before",
        description="The weekly review: the 7 days ending on DATE (default today) against "
        "the 7 days before, with the signs of recovery and the signs to watch.",
    )
    parser.add_argument("--as-of", metavar="DATE", help="the last day to review (default: today)")
    parser.add_argument("--json", action="store_true", help="print the review as JSON")
    parser.set_defaults(run=run_review)


def run_review(args: argparse.Namespace, folder: Path) -> int:
    """Print the weekly review of the diary in ``folder``."""
    from sciatica_tui.domain import content
    from sciatica_tui.domain.review import review_as_text, weekly_review
    from sciatica_tui.domain.validation import parse_user_date

    today = date.today()
    try:
        as_of = today if args.as_of is None else parse_user_date(args.as_of, today=today)
    except ValueError as error:
        _say_error(f"--as-of: {error}")
        return EXIT_REFUSED
    snapshot = read_snapshot(folder)
    review = weekly_review(
        snapshot.daily_logs,
        snapshot.red_flag_checks,
        as_of,
        onset=snapshot.profile.onset_date,
        surgery=snapshot.profile.surgery_date,
    )
    words = content.signals()
    if args.json:
        # stdout holds exactly the JSON document; the disclaimer goes beside it.
        print(words.disclaimer_short, file=sys.stderr)
        return _write_stdout(json.dumps(review.to_dict(), indent=2) + "\n")
    return _write_stdout(review_as_text(review, words))


# --- sciatica breathe -----------------------------------------------------------------------


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
        help="open the app straight into a box-breathing session",
        description="Open the app with a box-breathing session already running: breathe in, "
        "hold, breathe out, hold, S seconds each. The session ends on a full breath, so its "
        "length is rounded to whole rounds. Space pauses, Escape stops.",
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
    """Open the app on the diary in ``folder`` with a session running."""
    from sciatica_tui.app import run_app

    return run_app(folder, breathe=(args.minutes, args.count))


# --- shared -----------------------------------------------------------------------------------


def _say_error(message: str) -> None:
    print(f"sciatica: {message}", file=sys.stderr)


SUBCOMMANDS: tuple[Callable[[Subcommands, argparse.ArgumentParser], None], ...] = (
    add_export,
    add_import,
    add_trends,
    add_review,
    add_breathe,
)
