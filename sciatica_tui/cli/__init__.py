"""The ``sciatica`` command: open the app, or export and import the diary.

How to grow it:

* a subcommand is one module here with an ``add(commands, common)`` function that declares its
  arguments and sets ``run`` to its ``run(args, folder) -> int`` function; list the module and
  its ``add`` in ``SUBCOMMANDS`` (the order ``--help`` shows);
* an export format is one ``(snapshot, today) -> str`` function registered in
  ``export.EXPORTERS`` (``--format`` offers exactly the names registered there).

Exit status: 0 done, 1 the diary could not be opened or saved, 2 bad arguments or a file
that was refused. Start-up stays fast: Textual and TinyDB (through the store) are imported
only inside the functions that need them, and a command's module only when the parser is
built. ``status`` and ``remind`` run at every shell prompt: their plain forms are read
without argparse (``cli.prompt``), and their folder stays a string (no pathlib); any other
form of them builds their parser alone (``PROMPT_COMMANDS``), so a prompt never imports the
other commands.
"""

from __future__ import annotations

import importlib
import sys

from sciatica_tui import __version__
from sciatica_tui.cli.base import EXIT_FAILED, EXIT_REFUSED, say_error
from sciatica_tui.cli.prompt import prompt_arguments
from sciatica_tui.store.folders import ENV_VAR, data_folder, data_folder_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path
    from types import SimpleNamespace

    from sciatica_tui.cli.base import PromptRun, Run


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sciatica`` command with ``argv`` (default: the real command line)."""
    words = list(sys.argv[1:] if argv is None else argv)
    prompt_command = _prompt_command(words)
    # status and remind as a prompt runs them are read without argparse (cli.prompt).
    args: argparse.Namespace | SimpleNamespace | None = (
        prompt_arguments(words) if prompt_command else None
    )
    if args is None:
        # Opening the app needs no command's module (they were a tenth of its first frame).
        parser = build_parser(prompt_command or (APP_ONLY if _opens_the_app(words) else None))
        try:
            args = parser.parse_args(words)
        except SystemExit as stop:  # --help, --version, or a usage error already printed
            return stop.code if isinstance(stop.code, int) else EXIT_REFUSED

    # At a prompt (status, remind) the folder stays a string: importing pathlib was a tenth
    # of their time. Every other command is given a Path.
    folder: str | Path = (
        data_folder(args.data_dir) if prompt_command is None else data_folder_name(args.data_dir)
    )
    run: Run | PromptRun = args.run

    from sciatica_tui.store.errors import StoreError, StoreWriteError

    try:
        return run(args, folder)  # type: ignore[arg-type]  # each run gets its own kind
    except StoreWriteError as error:
        say_error(error.command_line)  # the app's wording speaks of a screen
        return EXIT_FAILED
    except StoreError as error:
        say_error(str(error))
        return EXIT_FAILED
    except OSError as error:
        # The store explains the failures it expects; this catches the rest (a data folder
        # that is a file, a folder that cannot be created) without a traceback.
        from pathlib import Path

        where = f" ({error.filename})" if error.filename else ""
        shown = Path(folder)  # as every command names it
        say_error(f"the data folder {shown} cannot be used: {error.strerror or error}{where}.")
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line: global options and every subcommand (only the command
    ``only`` when it is given)."""
    import argparse

    from sciatica_tui.cli.parser import Parser

    parser = Parser(
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
    parser.set_defaults(run=_open_app)
    # Subcommands accept --data-dir too; SUPPRESS keeps one given before the subcommand
    # from being reset to the default when it is not repeated after it.
    common = Parser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="as above")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    for module_name, add_name in SUBCOMMANDS:
        if only is None or module_name == only:
            module = importlib.import_module(f"sciatica_tui.cli.{module_name}")
            getattr(module, add_name)(commands, common)
    return parser


# Each command's module in sciatica_tui.cli and its ``add`` function, in --help's order.
SUBCOMMANDS: tuple[tuple[str, str], ...] = (
    ("check", "add_check"),
    ("export", "add_export"),
    ("importing", "add_import"),
    ("trends", "add_trends"),
    ("review", "add_review"),
    ("progress", "add_progress"),
    ("insights", "add_insights"),
    ("breathe", "add_breathe"),
    ("log", "add_log"),
    ("status", "add_status"),
    ("remind", "add_remind"),
    ("completion", "add_completion"),
)
# Run at every prompt (their module has the command's name): built alone, they stay fast.
PROMPT_COMMANDS = frozenset({"status", "remind"})
APP_ONLY = "(the app)"  # build_parser's ``only`` for opening the app: no command at all


def _prompt_command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names when it is one of ``PROMPT_COMMANDS``, else None."""
    words = _past_the_data_folder(argv)
    return words[0] if words and words[0] in PROMPT_COMMANDS else None


def _opens_the_app(argv: Sequence[str]) -> bool:
    """True when ``argv`` only opens the app: no command, at most a data folder."""
    return _past_the_data_folder(argv) == []


def _past_the_data_folder(argv: Sequence[str]) -> list[str] | None:
    """The words after any leading ``--data-dir`` options; None when another option comes
    first (``--help``, ``--version`` or a mistake: the whole parser answers those)."""
    words = list(argv)
    while words and words[0].startswith("-"):
        option = words.pop(0)
        if option == "--data-dir" and words:
            words.pop(0)  # its value
        elif not option.startswith("--data-dir="):
            return None
    return words


def _open_app(args: argparse.Namespace, folder: Path) -> int:
    from sciatica_tui.cli.open_app import run_app_command

    return run_app_command(args, folder)
