"""Before the diary is read: where the file really is, the folder's lock, whether it can be
written, and what to do with a file that cannot be read.

Symbolic links: a data folder reached through a link is used as it is, and ``diary.json``
may be a link (relative or absolute, through any number of links) to a file elsewhere, for
example in a synced folder. The link stays a link: each save replaces the real file, in its
own folder, atomically; backups are real copies in the data folder's ``backups/``. A link
that leads nowhere, in a loop, or to something that is not a file is refused with a message,
and nothing is changed.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from sciatica_tui.store.atomic_storage import AtomicJSONStorage
from sciatica_tui.store.backups import Backups
from sciatica_tui.store.diary_file import UnreadableFileError
from sciatica_tui.store.errors import (
    AlreadyOpenError,
    CannotWriteError,
    StoreError,
    UnreadableDiaryError,
    explain_os_error,
)
from sciatica_tui.store.files import FILE_MODE, FOLDER_MODE, check_can_write, keep_private

DIARY_FILE = "diary.json"
LOCK_FILE = "diary.lock"
BACKUPS_FOLDER = "backups"

# What the system says when a folder, a disk or a file may be read but not written.
WRITE_REFUSED = frozenset({errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT})


@dataclass(frozen=True)
class DiaryPlace:
    """The data folder, the diary's name in it, and the file itself (a link's target)."""

    folder: Path
    path: Path
    real: Path

    @property
    def linked(self) -> bool:
        """True when ``diary.json`` is a symbolic link to ``real``."""
        return self.real != self.path

    @property
    def backups(self) -> Backups:
        """The rolling backups, always in the data folder."""
        return Backups(self.folder / BACKUPS_FOLDER, Path(DIARY_FILE).stem)


def find_diary(folder: Path) -> DiaryPlace:
    """Where the diary in ``folder`` really is; ``StoreError`` for a link that cannot be used."""
    path = folder / DIARY_FILE
    if not path.is_symlink():
        if path.exists() and not path.is_file():
            raise StoreError(f"{path} is not a file, so it cannot be the diary.")
        return DiaryPlace(folder, path, path)
    target = os.readlink(path)
    try:
        real = Path(os.path.realpath(path, strict=True))
    except OSError as error:
        why = (
            "it leads to itself in a loop"
            if error.errno == errno.ELOOP
            else "nothing is there now (is the folder it is in available?)"
        )
        raise StoreError(
            f"The diary {path} is a link to {target}, but {why}. Nothing was changed. "
            "Make the linked file available, or remove the link to start a new diary."
        ) from None
    if not real.is_file():
        raise StoreError(
            f"The diary {path} is a link to {real}, which is not a file. Nothing was changed."
        )
    return DiaryPlace(folder, path, real)


def claim_folder(place: DiaryPlace) -> FileLock:
    """Take the folder's lock and make sure the diary can be written; tidy the backups.

    Raises ``AlreadyOpenError`` (another window holds it) or ``CannotWriteError`` (it can only
    be read here: the app then opens it read-only). The lock is released on any failure.
    """
    folder = place.folder
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    keep_private(folder)
    lock = FileLock(folder / LOCK_FILE, timeout=0, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise AlreadyOpenError(
            f"The diary in {folder} is already open in another window. "
            "Close that one first, then try again."
        ) from None
    except OSError as error:
        if error.errno in WRITE_REFUSED:
            raise cannot_write(folder, explain_os_error(error)) from error
        raise
    try:
        _check_writable(place)
        # Only the lock holder may tidy: a backup is never removed under a writer.
        place.backups.tidy()
    except BaseException:
        lock.release()
        raise
    return lock


def _check_writable(place: DiaryPlace) -> None:
    """Find out now, not at the first save, whether the diary can be written here."""
    try:
        check_can_write(place.folder, DIARY_FILE)
        if place.linked:
            check_can_write(place.real.parent, place.real.name)
    except OSError as error:
        if error.errno in WRITE_REFUSED:
            raise cannot_write(place.folder, explain_os_error(error)) from error
        raise
    if place.real.exists() and not place.real.stat().st_mode & stat.S_IWUSR:
        # The person marked the file read-only; it stays that way.
        raise cannot_write(place.folder, f"the file {place.real} is marked read-only")


def cannot_write(folder: Path, reason: str) -> CannotWriteError:
    """The diary in ``folder`` can be read but not changed, because of ``reason``."""
    return CannotWriteError(
        f"The diary in {folder} can be read but not changed: {reason}. Nothing was changed.",
        reason,
    )


def open_storage(place: DiaryPlace, *, read_only: bool) -> AtomicJSONStorage:
    """The storage of the diary at ``place``. A file that cannot be read is kept aside,
    untouched (``keep_unreadable_aside``), unless ``read_only``: then nothing is moved."""
    if read_only and not place.real.exists():
        raise StoreError(f"There is no diary in {place.folder} yet.")
    try:
        return AtomicJSONStorage(
            place.real, place.backups, read_only=read_only, linked=place.linked
        )
    except UnreadableFileError as error:
        if read_only:
            raise UnreadableDiaryError(
                f"The diary file {place.real} cannot be read: {error}."
            ) from None
        raise keep_unreadable_aside(place, str(error)) from None


def read_only_note(reason: str) -> str:
    """The line the app shows at the top when the diary can only be read, for ``reason``."""
    return f"Read-only: {reason}, so nothing can be saved."


def keep_unreadable_aside(place: DiaryPlace, problem: str) -> UnreadableDiaryError:
    """Move a diary file that cannot be read out of the way, untouched, and say how to go
    back to the last backup. A linked file is left where it is: the link is the person's."""
    newest = place.backups.newest()
    if place.linked:
        return UnreadableDiaryError(
            f"The diary file {place.real} (linked from {place.path}) could not be read "
            f"({problem}). Nothing was changed. {_way_back(newest, place.real)}"
        )
    stamp = f"{place.path.name}.unreadable-{datetime.now():%Y%m%d-%H%M%S}"
    aside = place.path.with_name(stamp)
    number = 1
    while aside.exists():  # never replace a file kept aside earlier
        number += 1
        aside = place.path.with_name(f"{stamp}-{number}")
    os.replace(place.path, aside)
    return UnreadableDiaryError(
        f"The diary file could not be read ({problem}). It has been kept, untouched, "
        f"as {aside}. {_way_back(newest, place.path)}"
    )


def _way_back(newest: Path | None, target: Path) -> str:
    if newest is None:
        return "There is no backup to go back to."
    return f"To go back to the last backup, close the app and copy {newest} to {target}."
