"""A TinyDB storage that never leaves a half-written diary on disk.

TinyDB's ``JSONStorage`` rewrites the file in place (a crash mid-write leaves it broken) and
``CachingMiddleware`` holds writes back (a crash loses them). This storage instead:

* serves every read from memory, parsed once when the file is opened;
* writes each change to a temporary file in the same folder, flushes and fsyncs it, renames
  it over the diary with ``os.replace`` and then fsyncs the folder, so after a crash or a
  power cut the file holds either the old or the new diary, never a mix;
* keeps a rolling set of backups: the first write of each session first links the file as
  it was into ``backups/`` (a hard link costs no copying), keeping the newest distinct few;
* on a failed write (read-only folder, full disk) puts its memory back to what is on disk
  and re-raises, so the app never shows data that was not saved.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

Tables = dict[str, dict[str, Any]]

FILE_MODE = 0o600
FOLDER_MODE = 0o700
KEEP_BACKUPS = 5


class UnreadableFileError(Exception):
    """The diary file exists but is not a diary TinyDB can read."""


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


def remove_leftover_temp_files(path: Path) -> list[Path]:
    """Delete temporary files a crash left next to ``path``; return what was removed."""
    removed = []
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with suppress(FileNotFoundError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def parse_tables(payload: bytes) -> Tables:
    """Parse the diary file, refusing anything that is not TinyDB's shape."""
    if not payload.strip():
        raise UnreadableFileError("the file is empty")
    try:
        tables = orjson.loads(payload)
    except orjson.JSONDecodeError:
        # The standard parser is slower but more lenient (NaN or huge numbers typed by hand);
        # the records' own validation then decides what can be used.
        try:
            tables = json.loads(payload.decode("utf-8"))
        except ValueError as error:  # not UTF-8, not JSON, or a number too long to read
            raise UnreadableFileError(f"it is not valid JSON ({error})") from None
    if not isinstance(tables, dict):
        raise UnreadableFileError("it does not hold diary tables")
    for name, table in tables.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise UnreadableFileError(f"its {name!r} table is not a set of records")
    return tables


def encode_tables(tables: Tables) -> bytes:
    """The file's bytes: plain UTF-8 JSON a person can open in any editor.

    orjson encodes a ten-year diary about eight times faster than the json module, which
    keeps a save well under 50 ms.
    """
    return orjson.dumps(tables)


class Backups:
    """The rolling backups of the diary: the newest ``keep`` distinct versions."""

    def __init__(self, folder: Path, stem: str, keep: int = KEEP_BACKUPS) -> None:
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


class AtomicJSONStorage(Storage):  # type: ignore[misc]
    """TinyDB storage: reads from memory, atomic durable writes, rolling backups."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        backups: Backups | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.backups = backups or Backups(self.path.parent / "backups", self.path.stem)
        self._backed_up = False
        self._batch_depth = 0
        if not read_only:
            # Only the lock holder may clear them: for a reader, a temporary file may be
            # the writer's save under way, and deleting it would make that save fail.
            remove_leftover_temp_files(self.path)
        if self.path.exists():
            self._on_disk = self.path.read_bytes()
            self._tables: Tables | None = parse_tables(self._on_disk)
        else:
            self._on_disk = b""
            self._tables = None

    def read(self) -> Tables | None:
        """The diary as held in memory (``None`` for a new, empty file)."""
        return self._tables

    def write(self, data: Tables) -> None:
        """Save ``data``; it is on disk when this returns (unless inside ``batch``)."""
        self._tables = data
        if self._batch_depth == 0:
            self._flush()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several TinyDB writes into one atomic write at the end (all or nothing)."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            self._restore()
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0:
            self._flush()

    def _flush(self) -> None:
        try:
            payload = encode_tables(self._tables or {})
            if not self._backed_up and self._on_disk:
                self.backups.take(self.path, self._on_disk)
                self._backed_up = True
            write_file_atomically(self.path, payload)
        except BaseException:
            self._restore()
            raise
        self._on_disk = payload

    def _restore(self) -> None:
        """Put memory back to what the file on disk holds."""
        self._tables = parse_tables(self._on_disk) if self._on_disk else None

    def close(self) -> None:
        """Nothing is pending: every write already reached the disk."""
