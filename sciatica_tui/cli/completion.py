"""``sciatica completion bash|zsh|fish``: a tab-completion script for the shell, made from
the command's own parser by shtab, so it always knows every command and option."""

from __future__ import annotations

import argparse
from pathlib import Path

from sciatica_tui.cli.base import write_stdout

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sciatica_tui.cli.base import Subcommands

SHELLS = ("bash", "zsh", "fish")


def add_completion(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica completion bash|zsh|fish``."""
    parser = commands.add_parser(
        "completion",
        parents=[common],
        help="print a tab-completion script for bash, zsh or fish",
        description="Print the tab-completion script for SHELL. The README shows where "
        "to put it, e.g. bash: sciatica completion bash > "
        "~/.local/share/bash-completion/completions/sciatica",
    )
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help=", ".join(SHELLS))
    parser.set_defaults(run=run_completion)


def run_completion(args: argparse.Namespace, folder: Path) -> int:
    """Print the completion script for ``args.shell``."""
    import shtab

    from sciatica_tui.cli import build_parser

    script: str = shtab.complete(build_parser(), shell=args.shell)
    return write_stdout(script if script.endswith("\n") else script + "\n")
