"""``sciatica import``: bring back a json export, checked whole before anything changes."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from sciatica_tui.cli import base
from sciatica_tui.cli.base import EXIT_OK, EXIT_REFUSED, say_error
from sciatica_tui.domain.words import plural
from sciatica_tui.store.export_format import ImportProblems, from_document

if TYPE_CHECKING:
    from sciatica_tui.cli.base import Subcommands

# The largest file import reads: eight times an export of twenty years of every kind of
# record (4 MB). Anything bigger is not an export, and reading it would take memory for
# nothing. The README says this figure.
MAX_IMPORT_BYTES = 32 * 1000 * 1000
# At most this many values (counted by their commas) in that file: five times twenty years.
# Tiny values cost Python far more memory than their bytes; this keeps the peak near a small
# multiple of the file, whatever it holds.
MAX_IMPORT_VALUES = 1_000_000


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
        snapshot = from_document(document, today=base.today())
    except UnreadableImportError as error:
        say_error(f"import refused: {error}; nothing was changed.")
        return EXIT_REFUSED
    except ImportProblems as refused:
        problems = plural(refused.total, "problem")
        print(f"Import refused: {problems}; nothing was changed.", file=sys.stderr)
        for line in refused.problems:
            print(line, file=sys.stderr)
        if refused.total > len(refused.problems):
            rest = plural(refused.total - len(refused.problems), "more problem")
            print(f"… and {rest} (the first {len(refused.problems)} are above).", file=sys.stderr)
        return EXIT_REFUSED
    del document  # the checked records are all that is needed now

    from sciatica_tui.store.diary_store import DiaryStore

    with DiaryStore.open(folder) as store:
        notice = store.notice()
        if notice:  # said once: the records are in the side file from now on
            say_error(f"warning: {notice}")
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
        raise UnreadableImportError(
            f"{path} is larger than any export ({MAX_IMPORT_BYTES // 1_000_000} MB at most)"
        )
    if payload.count(b",") >= MAX_IMPORT_VALUES:
        raise UnreadableImportError(
            f"{path} holds more values than any export ({MAX_IMPORT_VALUES:,} at most)"
        )
    try:
        return orjson.loads(payload)  # fast, and strict; json below says what is wrong
    except orjson.JSONDecodeError:
        pass
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
