"""The rolling backups of the diary: the newest few distinct versions, in ``backups/``."""

from __future__ import annotations

import hashlib
import os
import shutil
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from sciatica_tui.store.files import FILE_MODE, FOLDER_MODE, fsync_folder

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

    def take(self, source: Path, payload: bytes) -> Path | None:
        """Keep ``source`` (whose bytes are ``payload``) unless the newest backup matches it."""
        newest = self.newest()
        if newest is not None and _digest(newest.read_bytes()) == _digest(payload):
            return None
        self.folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        os.chmod(self.folder, FOLDER_MODE)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.folder / f"{self.stem}-{stamp}.json"
        try:
            os.link(source, target)
        except OSError:
            # Some file systems have no hard links; a copy does the same job.
            shutil.copyfile(source, target)
        # A diary copied in from elsewhere may be readable by all; its backup is private.
        # (A hard link shares the diary's mode too, and the diary should be 0600 anyway.)
        os.chmod(target, FILE_MODE)
        fsync_folder(self.folder)
        for old in self.all()[: -self.keep]:
            with suppress(FileNotFoundError):
                old.unlink()
        return target


def _digest(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()
