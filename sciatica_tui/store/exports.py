"""Writing a visit report into a folder of exports: a new name rather than overwriting."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from sciatica_tui.store.files import FOLDER_MODE, write_new_private_file


@dataclass(frozen=True)
class ExportResult:
    """Where a report went, and whether the first-choice name was already taken."""

    path: Path
    first_choice: Path
    unchanged: bool = False

    @property
    def renamed(self) -> bool:
        """True when a different file already had the first-choice name."""
        return self.path != self.first_choice

    def message(self) -> str:
        """What happened, in words, with the whole path (to copy)."""
        if self.unchanged:
            said = f"Already saved, unchanged, at {self.path} (nothing new to write)."
        else:
            said = f"Exported to {self.path} (only you can read it)."
        if self.renamed:
            said += (
                f" A different file was already at {self.first_choice.name}, "
                f"so it was kept and this one is {self.path.name}."
            )
        return said


def _holds(path: Path, payload: bytes) -> bool:
    try:
        return path.read_bytes() == payload
    except OSError:
        return False


def write_export(folder: Path, stem: str, payload: str | bytes, suffix: str = "md") -> ExportResult:
    """Write ``payload`` (text as UTF-8) to ``folder/<stem>.<suffix>``, readable only by its
    owner (0600); ``folder`` is made (0700) when it is missing.

    A different file already there is never replaced: the report goes to ``<stem>-2``
    (then ``-3``…) instead, and the result says so. The same report exported again is left
    as it is.
    """
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    first_choice = folder / f"{stem}.{suffix}"
    for number in range(1, 1000):
        path = first_choice if number == 1 else folder / f"{stem}-{number}.{suffix}"
        try:
            write_new_private_file(path, data)
        except FileExistsError:
            if _holds(path, data):
                return ExportResult(path, first_choice, unchanged=True)
            continue
        return ExportResult(path, first_choice)
    raise OSError(errno.EEXIST, "too many reports with this name", str(first_choice))
