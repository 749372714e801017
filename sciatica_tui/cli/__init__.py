"""The ``sciatica`` command: open the app, or export and import the diary.

How to grow it:

* a subcommand is one module here with an ``add(commands, common)`` function that declares its
  arguments and sets ``run`` to its ``run(args, folder) -> int`` function; list its ``add`` in
  ``SUBCOMMANDS`` (the order ``--help`` shows);
* an export format is one ``(snapshot, today) -> str`` function registered in
  ``export.EXPORTERS`` (``--format`` offers exactly the names registered there).

Exit status: 0 done, 1 the diary could not be opened or saved, 2 bad arguments or a file
that was refused. Start-up stays fast: Textual and TinyDB (through the store) are imported
only inside the functions that need them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sciatica_tui import __version__
from sciatica_tui.cli import breathe, export, importing, open_app, review, trends
from sciatica_tui.cli.base import EXIT_FAILED, EXIT_REFUSED, Run, say_error
from sciatica_tui.cli.check import add_check
from sciatica_tui.store.folders import ENV_VAR, data_folder

if TYPE_CHECKING:
    from sciatica_tui.cli.base import Subcommands


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sciatica`` command with ``argv`` (default: the real command line)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_REFUSED
    folder = data_folder(args.data_dir)
    run: Run = args.run

    from sciatica_tui.store.errors import StoreError, StoreWriteError

    try:
        return run(args, folder)
    except StoreWriteError as error:
        say_error(error.command_line)  # the app's wording speaks of a screen
        return EXIT_FAILED
    except StoreError as error:
        say_error(str(error))
        return EXIT_FAILED
    except OSError as error:
        # The store explains the failures it expects; this catches the rest (a data folder
        # that is a file, a folder that cannot be created) without a traceback.
        where = f" ({error.filename})" if error.filename else ""
        say_error(f"the data folder {folder} cannot be used: {error.strerror or error}{where}.")
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
    parser.set_defaults(run=open_app.run_app_command)
    # Subcommands accept --data-dir too; SUPPRESS keeps one given before the subcommand
    # from being reset to the default when it is not repeated after it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="as above")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(commands, common)
    return parser


SUBCOMMANDS: tuple[Callable[[Subcommands, argparse.ArgumentParser], None], ...] = (
    add_check,
    export.add_export,
    importing.add_import,
    trends.add_trends,
    review.add_review,
    breathe.add_breathe,
)
