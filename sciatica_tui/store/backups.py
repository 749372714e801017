"""The rolling backups of the diary: the newest few distinct versions, in ``backups/``.

There are never more than ``keep`` of them, even after a crash: room is made before a backup
is added, and any extra (from an older version of the app) is removed when the diary opens.
Each is a whole diary, readable only by its owner, from the moment it has its name.
"""

from __future__ import annotations

import hashlib
import os
import stat
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from sciatica_tui.store.files import (
    FILE_MODE,
    FOLDER_MODE,
    fsync_folder,
    keep_private,
    write_file_atomically,
)

KEEP_BACKUPS = 5


class Backups:
    """The rolling backups of the diary: the newest ``keep`` distinct versions."""

    def __init__(self, folder: Path, stem: str, keep: int = KEEP_BACKUPS) -> None:
        """Backups of ``<stem>.json`` kept in ``folder``."""
        self.folder = folder
        self.stem = stem
        self.keep = keep

    def all(self) -> list[Path]:
        """Backups, oldest first (their names sort by time)."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"{self.stem}-*.json"))

    def newest(self) -> Path | None:
        """The most recent backup, if any."""
        backups = self.all()
        return backups[-1] if backups else None

    def tidy(self) -> None:
        """Remove backups beyond the newest ``keep`` and half-made copies a crash left."""
        if not self.folder.is_dir():
            return
        self._remove_all_but(self.keep)
        for leftover in self.folder.glob(f".{self.stem}-*.json.*.tmp"):
            with suppress(FileNotFoundError):
                leftover.unlink()

    def take(self, source: Path, payload: bytes, *, may_link: bool = True) -> Path | None:
        """Keep ``source`` (whose bytes are ``payload``) unless the newest backup matches it.

        A private regular file is hard-linked (no copying); anything else (a diary reached
        through a symbolic link, one readable by others, a file system without hard links) is
        copied from ``payload``, so a backup never shares a file or a mode with another.
        """
        newest = self.newest()
        if newest is not None and _digest(newest.read_bytes()) == _digest(payload):
            return None
        self.folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        keep_private(self.folder)
        # Room first: a crash between the two steps leaves one backup too few, never too many.
        self._remove_all_but(self.keep - 1)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.folder / f"{self.stem}-{stamp}.json"
        if may_link and _private_regular_file(source):
            try:
                os.link(source, target)
            except OSError:
                write_file_atomically(target, payload)
            else:
                fsync_folder(self.folder)
        else:
            write_file_atomically(target, payload)
        return target

    def _remove_all_but(self, count: int) -> None:
        backups = self.all()
        for old in backups[: max(0, len(backups) - count)]:
            with suppress(FileNotFoundError):
                old.unlink()


def _private_regular_file(path: Path) -> bool:
    """A regular file (not a link to one) that only its owner may read and write."""
    try:
        found = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(found.st_mode) and stat.S_IMODE(found.st_mode) == FILE_MODE


def _digest(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()
