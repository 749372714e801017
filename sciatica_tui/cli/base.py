"""What every command shares: exit codes, how it prints, how it reads the diary.

Textual and TinyDB are never imported here at module level: ``status`` and ``remind`` must
start fast.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime

from sciatica_tui.domain.inert_text import inert

# typing, pathlib and argparse are not imported: status and remind must start fast (their
# plain forms are read without argparse: cli.prompt).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from pathlib import Path

    from sciatica_tui.domain.records import Snapshot

    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]
    # A command's ``run``: its arguments and the data folder. The prompt commands (status,
    # remind) are given the folder's name as a string (see ``cli.main``), and their plain
    # forms a namespace made without argparse (``cli.prompt``).
    Run = Callable[[argparse.Namespace, Path], int]
    PromptRun = Callable[[argparse.Namespace, str], int]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2


def today() -> date:
    """Today's date (tests freeze it here)."""
    return date.today()


def add_as_of_and_json(parser: argparse.ArgumentParser, what: str) -> None:
    """``--as-of DATE`` and ``--json``, for a command that looks back from a day."""
    parser.add_argument("--as-of", metavar="DATE", help=f"the last day {what} (default: today)")
    parser.add_argument("--json", action="store_true", help="print it as JSON")


def as_of_day(args: argparse.Namespace) -> date | None:
    """The ``--as-of`` day (today when not given); None, with the problem said, when it
    cannot be read."""
    from sciatica_tui.domain.dates import parse_user_date

    day = today()
    try:
        return day if args.as_of is None else parse_user_date(args.as_of, today=day)
    except ValueError as error:
        say_error(f"--as-of: {error}")
        return None


def now() -> datetime:
    """The local date and time (tests freeze it here)."""
    return datetime.now()


def say_error(message: str) -> None:
    """A problem, on stderr, named as coming from this command (control characters a
    message quotes from a file are shown inert)."""
    print(f"sciatica: {inert(message)}", file=sys.stderr)


def read_snapshot(folder: Path) -> Snapshot:
    """Every record of the diary in ``folder``, read without taking the lock (the app may be
    open); an empty diary when there is none yet."""
    from sciatica_tui.domain.records import Snapshot
    from sciatica_tui.store.diary_store import DIARY_FILE, DiaryStore

    diary = folder / DIARY_FILE
    if not diary.exists() and not diary.is_symlink():  # a broken link is explained, not empty
        return Snapshot()
    # A read-only open still refuses a diary written by a newer version.
    with DiaryStore.open(folder, read_only=True) as store:
        skipped = store.skipped
        for line in skipped[:WARNINGS_LISTED]:
            say_error(f"warning: {line}. This record cannot be read and is left out.")
        if len(skipped) > WARNINGS_LISTED:
            say_error(f"warning: … and {len(skipped) - WARNINGS_LISTED} more records left out.")
        return store.snapshot()


WARNINGS_LISTED = 50  # a diary full of broken records would print thousands of lines


def write_stdout(text: str, *, drawn_here: str = "") -> int:
    """Print an export as UTF-8, whatever the terminal's encoding.

    ``text`` may quote the diary, so every control character in it is shown inert (ESC as
    ␛): whatever the file holds, nothing printed can be an escape sequence. ``drawn_here``,
    printed first as it is, is only for what this program drew itself (coloured charts).
    """
    text = drawn_here + inert(text)
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
