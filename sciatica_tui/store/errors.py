"""What can go wrong with the diary on disk, explained for the person using the app."""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """A problem with the diary file, explained for the person using the app."""


class AlreadyOpenError(StoreError):
    """Another copy of the app holds the diary."""


class UnreadableDiaryError(StoreError):
    """The file could not be read; it was moved aside, untouched."""


class NewerDiaryError(StoreError):
    """The file was written by a newer version of the app."""


class StoreWriteError(StoreError):
    """A save did not reach the disk; nothing was changed and the entry can be saved again."""


def explain_os_error(error: OSError) -> str:
    """Say in plain words what went wrong with the disk."""
    reasons = {
        errno.EROFS: "the data folder is on a read-only disk",
        errno.EEXIST: "a file is in the way where the data folder should be",
        errno.ENOTDIR: "a file is in the way where the data folder should be",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "your disk quota is used up",
        errno.EACCES: "there is no permission to write to the data folder",
        errno.EPERM: "there is no permission to write to the data folder",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


def explain_write_error(error: OSError, folder: Path) -> str:
    """Say in plain words why a save failed, and that nothing was lost."""
    return (
        f"Not saved: {explain_os_error(error)} ({folder}). "
        "Nothing was lost: what you entered is still here. "
        "Free some space or fix the folder, then save again."
    )
