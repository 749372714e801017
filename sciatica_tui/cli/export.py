"""``sciatica export``: the diary as json (everything), csv (daily logs), or the latest visit
as md (a summary) or pdf (the report for the doctor)."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sciatica_tui.cli import base
from sciatica_tui.cli.base import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_REFUSED,
    read_snapshot,
    say_error,
    write_stdout,
)
from sciatica_tui.domain.inert_text import inert
from sciatica_tui.store.export_format import to_document
from sciatica_tui.store.files import write_private_file

if TYPE_CHECKING:
    from sciatica_tui.cli.base import Subcommands
    from sciatica_tui.domain.records import Snapshot

Exporter = Callable[["Snapshot", date], str]


def export_json(snapshot: Snapshot, today: date) -> str:
    """Everything in the diary, as the JSON document ``sciatica import`` reads back."""
    text = json.dumps(to_document(snapshot), indent=2, ensure_ascii=False, allow_nan=False)
    # json escapes C0 controls itself; the rest a terminal could act on (DEL, C1, bidi
    # controls, line separators) are escaped here too: the same JSON, inert on a screen.
    return JSON_UNESCAPED.sub(lambda found: f"\\u{ord(found.group()):04x}", text) + "\n"


# Only ever inside a JSON string, where \uXXXX reads back as the same character.
JSON_UNESCAPED = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def export_markdown(snapshot: Snapshot, today: date) -> str:
    """The latest clinic visit as a one-page Markdown summary, or the last four weeks of the
    diary when no visit was prepared."""
    from sciatica_tui.domain.visit.latest import diary_markdown

    return diary_markdown(snapshot, today)


def export_csv(snapshot: Snapshot, today: date) -> str:
    """The daily logs, one row per logged day (oldest first), with a header of the field
    names; a field that was not filled in is an empty cell."""
    import csv
    import io

    from sciatica_tui.domain.records import DAILY_LOG_FIELDS

    out = io.StringIO()
    # CRLF ends a row (RFC 4180), so the writer also quotes a field holding a lone CR, which
    # would otherwise split the row in two when read back.
    writer = csv.DictWriter(out, fieldnames=DAILY_LOG_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for log in sorted(snapshot.daily_logs, key=lambda entry: entry.date):
        record = log.to_record()
        # A list (the day's tags) is one cell, its ids joined by ";" as spreadsheets split them;
        # so are the doses of each medicine, as "ibuprofen=2".
        writer.writerow({name: spreadsheet_safe(_cell(value)) for name, value in record.items()})
    return out.getvalue()


def _cell(value: object) -> object:
    """One cell of a day's row: a list or the doses by medicine joined by ";"."""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, dict):
        return ";".join(f"{key}={count}" for key, count in value.items())
    return value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading ' (as OWASP advises),
    so it shows as typed; everything else is written as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


EXPORTERS: dict[str, Exporter] = {
    "json": export_json,
    "csv": export_csv,
    "md": export_markdown,
}
PDF = "pdf"  # bytes, written to a file: not one of the EXPORTERS of text
# The formats --format offers: those with an exporter, and the PDF report.
EXPORT_FORMATS: tuple[str, ...] = (*EXPORTERS, PDF)


def add_export(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica export --format json|csv|md|pdf [--out FILE] [--paper a4|letter]
    [--overwrite]``."""
    parser = commands.add_parser(
        "export",
        parents=[common],
        help="write the diary to a file or the screen",
        description="Write the diary out. json: everything (sciatica import reads it back); "
        "csv: the daily logs; md: a visit summary; pdf: the visit report for the doctor "
        "(one or two pages). Works while the app is open.",
    )
    parser.add_argument("--format", choices=EXPORT_FORMATS, default="json", help="default: json")
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE (readable only by you) instead of the screen; "
        "a file already there is replaced only once the new one is complete. "
        "pdf: default visit-DATE.pdf in the current folder, never replacing a file",
    )
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="pdf: the paper size (default: letter in the US and Canada, else A4, from the locale)",
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="pdf: replace the file when it is already there",
    )
    parser.set_defaults(run=run_export)


def run_export(args: argparse.Namespace, folder: Path) -> int:
    """Export the diary in ``folder`` in the chosen format."""
    if args.format == PDF:
        return run_pdf_export(args, folder)
    if args.paper is not None or args.overwrite:
        say_error("--paper and --overwrite are for --format pdf. Nothing was written.")
        return EXIT_REFUSED
    exporter = EXPORTERS[args.format]  # argparse allows only EXPORT_FORMATS
    snapshot = read_snapshot(folder)
    text = exporter(snapshot, base.today())
    if args.format == "md":
        _say_if_story_is_old(snapshot)
    if args.out is None:
        return write_stdout(text)
    try:
        replaced = write_private_file(args.out, text)
    except OSError as error:
        say_error(f"could not write {args.out}: {error.strerror or error}. Nothing was written.")
        return EXIT_FAILED
    print(f"Wrote the {args.format} export to {args.out} (only you can read it).")
    if replaced:
        print("The file that was there before was replaced once the new one was complete.")
    return EXIT_OK


def run_pdf_export(args: argparse.Namespace, folder: Path) -> int:
    """Write the latest visit's PDF report (the diary's last weeks without one) to
    ``--out`` or to ``visit-DATE.pdf`` in the current folder, never over a file unless
    ``--overwrite``."""
    from sciatica_tui.domain.visit.latest import latest_visit
    from sciatica_tui.domain.visit.naming import export_stem
    from sciatica_tui.domain.visit.paper import Paper, paper_for_locale
    from sciatica_tui.domain.visit.pdf_report import visit_pdf
    from sciatica_tui.store.files import write_new_private_file

    snapshot = read_snapshot(folder)
    day = base.today()
    visit = latest_visit(snapshot.visits)
    paper = Paper(args.paper) if args.paper else paper_for_locale(os.environ)
    target = Path(args.out or f"{export_stem(visit, day)}.pdf")
    payload = visit_pdf(visit, snapshot.excerpt(), day, paper)
    _say_if_story_is_old(snapshot)
    try:
        if args.overwrite:
            write_private_file(target, payload)
        else:
            write_new_private_file(target, payload)
    except FileExistsError:
        say_error(
            f"{target} is already there and was left as it is. Nothing was written: choose "
            "another name with --out, or add --overwrite to replace it."
        )
        return EXIT_REFUSED
    except OSError as error:
        say_error(f"could not write {target}: {error.strerror or error}. Nothing was written.")
        return EXIT_FAILED
    print(
        f"Wrote the PDF report ({paper.value} paper) to {target.absolute()} (only you can read it)."
    )
    return EXIT_OK


def _say_if_story_is_old(snapshot: Snapshot) -> None:
    """A note (on stderr, the export still goes out) when the visit's story is older than
    the diary the chart beside it comes from."""
    from sciatica_tui.domain.visit.latest import diary_story_out_of_date

    stale = diary_story_out_of_date(snapshot, base.today())
    if stale is not None:
        said, now = stale
        print(
            "sciatica: note: the visit's symptom story was drafted from an earlier diary.\n"
            f"  It says:   {inert(said.removeprefix('- '))}\n"
            f"  Diary now: {inert(now.removeprefix('- '))}\n"
            "  The chart comes from the diary as it is now. To update the story, open the "
            'Clinic tab and choose "Draft again from my diary".',
            file=sys.stderr,
        )
