"""The one door to the diary: typed records in, typed records out, TinyDB behind it.

``DiaryStore.open`` takes the single-writer lock, reads (or creates) the diary file through
``AtomicJSONStorage``, checks the schema version and migrates older files. Records are kept
in memory as typed dataclasses, so reads never touch the disk; every save is on disk before
it returns. Saves may be called from a worker thread: a lock serialises them.
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.table import Table

from sciatica_tui.records import (
    BreathingSession,
    CustomExercise,
    DailyLog,
    Profile,
    RedFlagCheck,
    RehabDay,
    Snapshot,
    Visit,
)
from sciatica_tui.store.atomic_storage import (
    FILE_MODE,
    FOLDER_MODE,
    AtomicJSONStorage,
    Backups,
    Tables,
    UnreadableFileError,
)
from sciatica_tui.validation import (
    ValidationError,
    validate_breathing_session,
    validate_custom_exercise,
    validate_daily_log,
    validate_profile,
    validate_red_flag_check,
    validate_rehab_day,
    validate_visit,
)

SCHEMA_VERSION = 1
DIARY_FILE = "diary.json"
LOCK_FILE = "diary.lock"

# Each migration turns the tables of version N into those of version N + 1.
Migration = Callable[[Tables], Tables]


def _add_meta(tables: Tables) -> Tables:
    """Version 0 (no ``meta`` table) to 1: the records are the same, only meta is new."""
    return {**tables, "meta": {"1": {"schema_version": 1}}}


MIGRATIONS: dict[int, Migration] = {0: _add_meta}


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


class MissingRecordError(StoreError):
    """An update named a record the diary does not hold (nothing was changed)."""


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


R = TypeVar("R")


@dataclass
class ImportReport:
    """What an import added, replaced, found already there (the same), and kept (the diary's
    own, different, record under the same date, time or id)."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    kept: list[str] = field(default_factory=list)


def _key(record: Any) -> str:
    """The identity of a record: its id, time or date (sortable as text)."""
    if isinstance(record, Visit | CustomExercise):
        return record.id
    if isinstance(record, RedFlagCheck):
        return record.at.isoformat()
    if isinstance(record, BreathingSession):
        return record.started_at.isoformat()
    return str(record.date.isoformat())


class DiaryStore:
    """The diary on disk, with typed reads from memory and durable writes."""

    def __init__(self, folder: Path, db: TinyDB, storage: AtomicJSONStorage, lock: Any) -> None:
        self.folder = folder
        self.path = folder / DIARY_FILE
        self._db = db
        self._storage = storage
        self._file_lock = lock
        self._mutex = threading.RLock()
        self.skipped: list[str] = []
        self._load()

    # --- opening and closing ----------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, *, read_only: bool = False) -> DiaryStore:
        """Open (creating if needed) the diary in ``folder``.

        Raises ``AlreadyOpenError``, ``UnreadableDiaryError`` or ``NewerDiaryError`` with a
        message that says what to do. ``read_only`` skips the lock and never writes.
        """
        folder = Path(folder).expanduser()
        lock = None
        try:
            if not read_only:
                folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
                os.chmod(folder, FOLDER_MODE)
                lock = FileLock(folder / LOCK_FILE, timeout=0, mode=FILE_MODE)
                try:
                    lock.acquire()
                except Timeout:
                    raise AlreadyOpenError(
                        f"The diary in {folder} is already open in another window. "
                        "Close that one first, then try again."
                    ) from None
            storage = cls._open_storage(folder, read_only=read_only)
            db = TinyDB(storage=lambda: storage)
            store = cls(folder, db, storage, lock)
            store._check_version()
        except BaseException as error:
            if lock is not None:
                lock.release()
            if isinstance(error, OSError):
                raise StoreError(
                    f"The diary in {folder} could not be opened: {explain_os_error(error)}."
                ) from error
            raise
        return store

    @staticmethod
    def _open_storage(folder: Path, *, read_only: bool) -> AtomicJSONStorage:
        path = folder / DIARY_FILE
        if read_only and not path.exists():
            raise StoreError(f"There is no diary in {folder} yet.")
        try:
            return AtomicJSONStorage(path, read_only=read_only)
        except UnreadableFileError as error:
            if read_only:
                raise UnreadableDiaryError(
                    f"The diary file {path} cannot be read: {error}."
                ) from None
            stamp = f"{path.name}.unreadable-{datetime.now():%Y%m%d-%H%M%S}"
            aside = path.with_name(stamp)
            number = 1
            while aside.exists():  # never replace a file kept aside earlier
                number += 1
                aside = path.with_name(f"{stamp}-{number}")
            os.replace(path, aside)
            newest = Backups(folder / "backups", path.stem).newest()
            how = (
                f"To go back to the last backup, close the app and copy {newest} to {path}."
                if newest
                else "There is no backup to go back to."
            )
            raise UnreadableDiaryError(
                f"The diary file could not be read ({error}). It has been kept, untouched, "
                f"as {aside}. {how}"
            ) from None

    def _check_version(self) -> None:
        tables = self._storage.read()
        if tables is None:
            if self._file_lock is not None:
                self._db.table("meta").insert({"schema_version": SCHEMA_VERSION})
            return
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            self._db.close()
            raise NewerDiaryError(
                f"The diary in {self.folder} was saved by a newer version of sciatica "
                f"(format {version}; this version reads up to {SCHEMA_VERSION}). "
                "Update the app to open it. The file has not been changed."
            )
        if version < SCHEMA_VERSION and self._file_lock is not None:
            for step in range(version, SCHEMA_VERSION):
                tables = MIGRATIONS[step](tables)
            with self._storage.batch():
                self._storage.write(tables)
            self._db.clear_cache()
            self._load()

    def schema_version(self) -> int:
        """The format version recorded in the file (0 when it has no ``meta``)."""
        meta = self._db.table("meta").all()
        version = meta[0].get("schema_version", 0) if meta else 0
        return version if isinstance(version, int) else 0

    def close(self) -> None:
        """Release the lock. Every save is already on disk."""
        self._db.close()
        if self._file_lock is not None:
            self._file_lock.release()
            self._file_lock = None

    def __enter__(self) -> DiaryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- loading into memory ------------------------------------------------------------

    def _load(self) -> None:
        """Build the typed in-memory records; a stored record that is not valid is skipped
        and named in ``skipped`` rather than crashing the app."""
        far_future = date.max
        self._profile_id, self._profile = self._load_profile()
        self._logs = self._load_table(
            "daily_logs", lambda r: validate_daily_log(r, today=far_future)
        )
        self._checks = self._load_table("red_flag_checks", validate_red_flag_check)
        self._sessions = self._load_table("breathing_sessions", validate_breathing_session)
        self._rehab = self._load_table(
            "rehab_days", lambda r: validate_rehab_day(r, today=far_future)
        )
        self._exercises = self._load_table("custom_exercises", validate_custom_exercise)
        self._visits = self._load_table("visits", validate_visit)

    def _load_table(self, name: str, build: Callable[[Any], R]) -> dict[str, tuple[int, R]]:
        records: dict[str, tuple[int, R]] = {}
        for doc in self._db.table(name).all():
            try:
                record = build(doc)  # read only: no copy needed
            except ValidationError as error:
                self.skipped.append(f"{name} record {doc.doc_id}: {error}")
                continue
            records[_key(record)] = (doc.doc_id, record)
        return dict(sorted(records.items()))

    def _load_profile(self) -> tuple[int | None, Profile]:
        docs = self._db.table("profile").all()
        if not docs:
            return None, Profile()
        try:
            return docs[0].doc_id, validate_profile(dict(docs[0]), today=date.max)
        except ValidationError as error:
            self.skipped.append(f"profile: {error}")
            return docs[0].doc_id, Profile()

    # --- writing --------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Serialise writes and turn disk errors into a clear ``StoreWriteError``."""
        if self._file_lock is None:
            raise StoreError("The diary was opened read-only.")
        with self._mutex:
            try:
                yield
            except OSError as error:
                self._db.clear_cache()
                raise StoreWriteError(explain_write_error(error, self.folder)) from error

    def _put(self, table_name: str, cache: dict[str, tuple[int, R]], record: Any) -> None:
        """Insert or wholly replace ``record`` (fields cleared by the person go away too)."""
        key = _key(record)
        doc = record.to_record()
        with self._writing():
            table: Table = self._db.table(table_name)
            existing = cache.get(key)
            if existing is None:
                in_order = not cache or key > next(reversed(cache))
                cache[key] = (table.insert(doc), record)
                if not in_order:
                    ordered = sorted(cache.items())
                    cache.clear()
                    cache.update(ordered)
                return

            def replace(stored: MutableMapping[str, Any]) -> None:
                stored.clear()
                stored.update(doc)

            table.update(replace, doc_ids=[existing[0]])
            cache[key] = (existing[0], record)

    def _remove(self, table_name: str, cache: dict[str, tuple[int, R]], key: str) -> None:
        with self._writing():
            existing = cache.get(key)
            if existing is None:
                return
            self._db.table(table_name).remove(doc_ids=[existing[0]])
            del cache[key]

    # --- profile ------------------------------------------------------------------------------

    def profile(self) -> Profile:
        """The person's dates and settings."""
        return self._profile

    def save_profile(self, profile: Profile) -> None:
        """Save the profile (dates and settings)."""
        doc = profile.to_record()
        with self._writing():
            table = self._db.table("profile")
            if self._profile_id is None:
                self._profile_id = table.insert(doc)
            else:

                def replace(stored: MutableMapping[str, Any]) -> None:
                    stored.clear()
                    stored.update(doc)

                table.update(replace, doc_ids=[self._profile_id])
            self._profile = profile

    # --- daily logs -------------------------------------------------------------------------

    def daily_log(self, day: date) -> DailyLog | None:
        """The log for ``day``, if one was saved."""
        found = self._logs.get(day.isoformat())
        return found[1] if found else None

    def daily_logs(self, start: date | None = None, end: date | None = None) -> list[DailyLog]:
        """Logs from ``start`` to ``end`` (both included), oldest first."""
        return _between(self._logs, start, end)

    def latest_log_before(self, day: date) -> DailyLog | None:
        """The most recent log strictly before ``day`` ("same as yesterday")."""
        earlier = [log for key, (_, log) in self._logs.items() if key < day.isoformat()]
        return earlier[-1] if earlier else None

    def save_daily_log(self, log: DailyLog) -> None:
        """Save (or replace) the log of ``log.date``."""
        self._put("daily_logs", self._logs, log)

    def delete_daily_log(self, day: date) -> None:
        """Remove the log of ``day``."""
        self._remove("daily_logs", self._logs, day.isoformat())

    # --- red-flag checks -----------------------------------------------------------------------

    def red_flag_checks(self) -> list[RedFlagCheck]:
        """Every saved check, oldest first."""
        return [record for _, record in self._checks.values()]

    def red_flag_check(self, at: datetime) -> RedFlagCheck | None:
        """The check saved at ``at`` (its key), if there is one."""
        found = self._checks.get(at.isoformat())
        return found[1] if found else None

    def add_red_flag_check(self, check: RedFlagCheck) -> None:
        """Save a check: a finished one, or one an emergency yes saved at once."""
        self._put("red_flag_checks", self._checks, check)

    def update_red_flag_check(self, check: RedFlagCheck) -> None:
        """Replace the check saved at ``check.at`` with ``check`` (answers given after the
        emergency alert join the check it saved; no second check is made).

        Raises ``MissingRecordError`` when no check was saved at that time.
        """
        with self._writing():
            if check.at.isoformat() not in self._checks:
                raise MissingRecordError(
                    f"No red-flag check saved at {check.at:%Y-%m-%d %H:%M:%S} to update."
                )
            self._put("red_flag_checks", self._checks, check)

    # --- breathing ------------------------------------------------------------------------------

    def breathing_sessions(self) -> list[BreathingSession]:
        """Every saved session, oldest first."""
        return [record for _, record in self._sessions.values()]

    def add_breathing_session(self, session: BreathingSession) -> None:
        """Save a session (finished or stopped early)."""
        self._put("breathing_sessions", self._sessions, session)

    # --- rehab ----------------------------------------------------------------------------

    def rehab_day(self, day: date) -> RehabDay:
        """The items ticked on ``day`` (none when nothing was saved)."""
        found = self._rehab.get(day.isoformat())
        return found[1] if found else RehabDay(day)

    def rehab_days(self, start: date | None = None, end: date | None = None) -> list[RehabDay]:
        """Rehab days from ``start`` to ``end`` (both included), oldest first."""
        return _between(self._rehab, start, end)

    def save_rehab_day(self, rehab_day: RehabDay) -> None:
        """Save the items ticked on one day."""
        self._put("rehab_days", self._rehab, rehab_day)

    def custom_exercises(self) -> list[CustomExercise]:
        """The exercises the person added."""
        return [record for _, record in self._exercises.values()]

    def save_custom_exercise(self, exercise: CustomExercise) -> None:
        """Add or rename an exercise."""
        self._put("custom_exercises", self._exercises, exercise)

    def remove_custom_exercise(self, exercise_id: str) -> None:
        """Remove an exercise the person added."""
        self._remove("custom_exercises", self._exercises, exercise_id)

    # --- visits ---------------------------------------------------------------------------

    def visits(self) -> list[Visit]:
        """Every visit, oldest first by date."""
        return sorted((record for _, record in self._visits.values()), key=lambda v: v.date)

    def save_visit(self, visit: Visit) -> None:
        """Add or update a visit."""
        self._put("visits", self._visits, visit)

    def remove_visit(self, visit_id: str) -> None:
        """Remove a visit."""
        self._remove("visits", self._visits, visit_id)

    # --- the whole diary ------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Every record, typed."""
        return Snapshot(
            profile=self._profile,
            daily_logs=self.daily_logs(),
            red_flag_checks=self.red_flag_checks(),
            breathing_sessions=self.breathing_sessions(),
            rehab_days=self.rehab_days(),
            custom_exercises=self.custom_exercises(),
            visits=self.visits(),
        )

    def import_snapshot(self, incoming: Snapshot, *, overwrite: bool) -> ImportReport:
        """Merge ``incoming`` into the diary in one atomic write.

        Without ``overwrite`` a record whose key (date, time or id) is already here, with
        other values, is kept and named in the report; with it, the incoming record replaces
        it. A record already here exactly as it comes is only counted.
        """
        report = ImportReport()
        groups: list[tuple[str, dict[str, tuple[int, Any]], Iterable[Any]]] = [
            ("daily_logs", self._logs, incoming.daily_logs),
            ("red_flag_checks", self._checks, incoming.red_flag_checks),
            ("breathing_sessions", self._sessions, incoming.breathing_sessions),
            ("rehab_days", self._rehab, incoming.rehab_days),
            ("custom_exercises", self._exercises, incoming.custom_exercises),
            ("visits", self._visits, incoming.visits),
        ]
        try:
            with self._writing(), self._storage.batch():
                for name, cache, records in groups:
                    for record in records:
                        key = _key(record)
                        if key in cache and cache[key][1] == record:
                            report.unchanged += 1  # re-importing an export changes nothing
                            continue
                        if key in cache and not overwrite:
                            report.kept.append(f"{name} {key}")
                            continue
                        if key in cache:
                            report.replaced += 1
                        else:
                            report.added += 1
                        self._put(name, cache, record)
                # An empty incoming profile never wipes the person's dates and settings.
                if incoming.profile not in (Profile(), self._profile):
                    if overwrite or self._profile == Profile():
                        self.save_profile(incoming.profile)
                    else:
                        report.kept.append("profile")
        except BaseException:
            # The batch put the file's contents back in memory; rebuild the typed view.
            self._db.clear_cache()
            self.skipped.clear()
            self._load()
            raise
        return report


def _between(cache: dict[str, tuple[int, R]], start: date | None, end: date | None) -> list[R]:
    low = start.isoformat() if start else ""
    high = end.isoformat() if end else "9999-99-99"
    return [record for key, (_, record) in cache.items() if low <= key[:10] <= high]
