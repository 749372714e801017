"""What can go wrong with the diary on disk, explained for the person using the app."""

from __future__ import annotations

import errno

TYPE_CHECKING = False  # every command imports this module, `sciatica status` too: no pathlib
if TYPE_CHECKING:
    from pathlib import Path


class StoreError(Exception):
    """A problem with the diary file, explained for the person using the app."""


class AlreadyOpenError(StoreError):
    """Another copy of the app holds the diary."""


class UnreadableDiaryError(StoreError):
    """The file could not be read; it was moved aside, untouched."""


class NewerDiaryError(StoreError):
    """The file was written by a newer version of the app."""


class UnknownVersionError(StoreError):
    """The file's format version is not a whole number this version knows."""


class CannotWriteError(StoreError):
    """The diary can be read here but not changed (a read-only folder, disk or file, or a
    disk too full to set unreadable records aside); ``reason`` says which, in words."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class ReadOnlyDiaryError(StoreError):
    """A save asked of a diary opened only to be read."""


class StoreWriteError(StoreError):
    """A save did not reach the disk; nothing was changed and the entry can be saved again.

    ``str(error)`` is the app's wording (what was typed is still on the screen);
    ``command_line`` says the same for a command, which has no screen.
    """

    def __init__(self, message: str, *, command_line: str | None = None) -> None:
        super().__init__(message)
        self.command_line = command_line or message


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


def write_error(error: OSError, folder: Path) -> StoreWriteError:
    """Say in plain words why a save failed, and that nothing was lost: in the app's words
    and in a command's."""
    why = f"{explain_os_error(error)} ({folder})"
    return StoreWriteError(
        f"Not saved: {why}. Nothing was lost: what you entered is still here. "
        "Free some space or fix the folder, then save again.",
        command_line=f"nothing was saved: {why}. The diary is as it was before this "
        "command. Free some space or fix the folder, then run the command again.",
    )
