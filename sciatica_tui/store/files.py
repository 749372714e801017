"""The one way this app writes a file: atomically, durably, readable only by its owner.

The diary, its backups' folder and every export (json, csv, md, pdf) go through
``write_file_atomically``: the bytes go to a temporary file in the same folder, which is
flushed and fsynced, renamed over the target, and the folder is fsynced so the rename itself
survives a power cut. A crash leaves the old file or the new one, never half of either.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def keep_private(path: Path, wanted: int = FOLDER_MODE) -> None:
    """Take away what others may do with ``path`` (its mode within ``wanted``), never adding
    a permission: a folder the person made read-only (0500) stays read-only.

    Best effort: on a read-only disk, or a folder someone else owns, nothing can be changed,
    and whether the diary can be written is found out separately.
    """
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & ~wanted:
        try:
            os.chmod(path, mode & wanted)
        except OSError as error:
            if error.errno not in (errno.EROFS, errno.EPERM, errno.EACCES):
                raise


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves the old or the new file.

    The order matters: data reaches the disk (fsync) before the rename makes it visible,
    and the folder is fsynced after, so the rename itself survives a power cut.
    """
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as temp:
            os.fchmod(temp.fileno(), FILE_MODE)
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_folder(path.parent)


def write_private_file(path: str | os.PathLike[str], text: str | bytes) -> bool:
    """Write ``text`` (UTF-8 when it is a str) to ``path``, readable only by its owner (mode
    0600), atomically.

    Returns True when a file that was already at ``path`` was replaced. When ``path`` is a
    link, the file it leads to is replaced and the link stays a link, as ``cp`` would do;
    replacing the link itself would leave the file the person pointed at unchanged.
    """
    target = Path(path)
    if target.is_symlink():
        # Not strict: a link to a file not made yet gets that file. A loop raises ELOOP.
        target = Path(os.path.realpath(target, strict=False))
        if target.is_symlink():
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))
    existed = target.exists()
    write_file_atomically(target, text.encode("utf-8") if isinstance(text, str) else text)
    return existed


def write_new_private_file(path: Path, payload: str | bytes) -> None:
    """Write ``payload`` to ``path`` as ``write_private_file`` does, but only when nothing is
    there yet: raises ``FileExistsError`` otherwise. The name is claimed first (O_EXCL), so
    two writers never both take it; a failed write gives the name back.
    """
    claimed = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(claimed)
    try:
        write_private_file(path, payload)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def check_can_write(folder: Path, name: str) -> None:
    """Raise the ``OSError`` a save of ``name`` in ``folder`` would meet, if any.

    The test file has the name of a save's temporary file, so one a crash leaves behind is
    cleared like any other.
    """
    fd, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    os.unlink(temp_name)


def remove_leftover_temp_files(path: Path) -> list[Path]:
    """Delete temporary files a crash left next to ``path``; return what was removed."""
    removed = []
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with suppress(FileNotFoundError):
            leftover.unlink()
            removed.append(leftover)
    return removed
