"""The command line's parser: argparse's, with help as wide as the terminal.

Not imported by ``sciatica status`` and ``remind`` in their plain forms (``cli.prompt``):
argparse, with gettext and locale, was a tenth of their time.
"""

from __future__ import annotations

import argparse
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Parser(argparse.ArgumentParser):
    """argparse's parser, with help sized by ``HelpFormatter``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, as wide as the terminal. argparse asks ``shutil`` for the width, and
    builds a formatter for every option declared: importing shutil (with bz2 and lzma) was a
    tenth of the time ``sciatica status`` takes at a prompt. ``os`` tells the same width."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=terminal_columns() - 2)


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it: $COLUMNS, else the
    terminal on stdout, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80
