"""Writing a visit summary into a folder of exports: a new name rather than overwriting."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from sciatica_tui.store.files import FOLDER_MODE, write_private_file

EXPORTS_FOLDER = "exports"


@dataclass(frozen=True)
class ExportResult:
    """Where a summary went, and whether the first-choice name was already taken."""

    path: Path
    first_choice: Path
    unchanged: bool = False

    @property
    def renamed(self) -> bool:
        """True when a different file already had the first-choice name."""
        return self.path != self.first_choice

    def message(self) -> str:
        """What happened, in words."""
        if self.unchanged:
            said = f"This summary is already saved, unchanged, at {self.path}."
        else:
            said = f"Exported to {self.path} (only you can read it)."
        if self.renamed:
            said += (
                f" A different file was already at {self.first_choice.name}, "
                f"so it was kept and this one is {self.path.name}."
            )
        return said


def _holds(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def write_export(folder: Path, stem: str, text: str) -> ExportResult:
    """Write ``text`` to ``folder/exports/<stem>.md``, readable only by its owner (0600).

    A different file already there is never replaced: the summary goes to ``<stem>-2.md``
    (then ``-3``…) instead, and the result says so. The same summary exported again is left
    as it is.
    """
    exports = folder / EXPORTS_FOLDER
    exports.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    first_choice = exports / f"{stem}.md"
    for number in range(1, 1000):
        path = first_choice if number == 1 else exports / f"{stem}-{number}.md"
        try:
            # Claim the name first, so two exports never pick the same one.
            claimed = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if _holds(path, text):
                return ExportResult(path, first_choice, unchanged=True)
            continue
        os.close(claimed)
        try:
            write_private_file(path, text)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return ExportResult(path, first_choice)
    raise OSError(errno.EEXIST, "too many summaries with this name", str(first_choice))
