"""The one door to the diary: typed records in, typed records out, TinyDB behind it.

``DiaryStore.open`` takes the single-writer lock, reads (or creates) the diary file through
``AtomicJSONStorage``, checks the schema version and migrates older files. Records are kept
in memory as typed dataclasses, so reads never touch the disk; every save is on disk before
it returns. Saves may be called from a worker thread: a lock serialises them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB

from sciatica_tui.domain import record_kinds as kinds
from sciatica_tui.domain.records import (
    BreathingSession,
    CustomExercise,
    DailyLog,
    Profile,
    RedFlagCheck,
    RehabDay,
    Snapshot,
    Visit,
)
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_profile
from sciatica_tui.store import schema
from sciatica_tui.store.atomic_storage import AtomicJSONStorage, UnreadableFileError
from sciatica_tui.store.backups import Backups
from sciatica_tui.store.errors import (
    AlreadyOpenError,
    NewerDiaryError,
    StoreError,
    UnreadableDiaryError,
    explain_os_error,
    write_error,
)
from sciatica_tui.store.files import FILE_MODE, FOLDER_MODE, keep_private
from sciatica_tui.store.importing import ImportReport, merge_snapshot
from sciatica_tui.store.tables import RecordTable, _replaced_by

DIARY_FILE = "diary.json"
LOCK_FILE = "diary.lock"
BACKUPS_FOLDER = "backups"


class DiaryStore:
    """The diary on disk, with typed reads from memory and durable writes."""

    def __init__(
        self, folder: Path, db: TinyDB, storage: AtomicJSONStorage, lock: FileLock | None
    ) -> None:
        """Use ``open``; this wraps a diary already opened (and locked, unless read-only)."""
        self.folder = folder
        self.path = folder / DIARY_FILE
        self._db = db
        self._storage = storage
        self._file_lock = lock
        self._mutex = threading.RLock()
        self.skipped: list[str] = []
        self._logs = RecordTable(db, kinds.DAILY_LOGS)
        self._checks = RecordTable(db, kinds.RED_FLAG_CHECKS)
        self._sessions = RecordTable(db, kinds.BREATHING_SESSIONS)
        self._rehab = RecordTable(db, kinds.REHAB_DAYS)
        self._exercises = RecordTable(db, kinds.CUSTOM_EXERCISES)
        self._visits = RecordTable(db, kinds.VISITS)
        self._tables: dict[str, RecordTable[Any]] = {
            table.kind.name: table
            for table in (
                self._logs,
                self._checks,
                self._sessions,
                self._rehab,
                self._exercises,
                self._visits,
            )
        }
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
                keep_private(folder)
                lock = FileLock(folder / LOCK_FILE, timeout=0, mode=FILE_MODE)
                try:
                    lock.acquire()
                except Timeout:
                    raise AlreadyOpenError(
                        f"The diary in {folder} is already open in another window. "
                        "Close that one first, then try again."
                    ) from None
                # Only the lock holder may tidy: a backup is never removed under a writer.
                Backups(folder / BACKUPS_FOLDER, Path(DIARY_FILE).stem).tidy()
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
            newest = Backups(folder / BACKUPS_FOLDER, path.stem).newest()
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
                self._db.table("meta").insert({"schema_version": schema.SCHEMA_VERSION})
            return
        version = self.schema_version()
        if version > schema.SCHEMA_VERSION:
            self._db.close()
            raise NewerDiaryError(
                f"The diary in {self.folder} was saved by a newer version of sciatica "
                f"(format {version}; this version reads up to {schema.SCHEMA_VERSION}). "
                "Update the app to open it. The file has not been changed."
            )
        if version < schema.SCHEMA_VERSION and self._file_lock is not None:
            with self._storage.batch():
                self._storage.write(schema.migrated(tables, version))
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
        self._profile_id, self._profile = self._load_profile()
        for table in self._tables.values():
            table.load(self.skipped)

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
                raise write_error(error, self.folder) from error

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
                table.update(_replaced_by(doc), doc_ids=[self._profile_id])
            self._profile = profile

    # --- daily logs -------------------------------------------------------------------------

    def daily_log(self, day: date) -> DailyLog | None:
        """The log for ``day``, if one was saved."""
        return self._logs.get(day.isoformat())

    def daily_logs(self, start: date | None = None, end: date | None = None) -> list[DailyLog]:
        """Logs from ``start`` to ``end`` (both included), oldest first."""
        return self._logs.between(start, end)

    def latest_log_before(self, day: date) -> DailyLog | None:
        """The most recent log strictly before ``day`` ("same as yesterday")."""
        earlier = [key for key in self._logs.keys() if key < day.isoformat()]
        return self._logs.get(earlier[-1]) if earlier else None

    def save_daily_log(self, log: DailyLog) -> None:
        """Save (or replace) the log of ``log.date``."""
        with self._writing():
            self._logs.put(log)

    def delete_daily_log(self, day: date) -> None:
        """Remove the log of ``day``."""
        with self._writing():
            self._logs.remove(day.isoformat())

    # --- red-flag checks -----------------------------------------------------------------------

    def red_flag_checks(self) -> list[RedFlagCheck]:
        """Every saved check, oldest first."""
        return self._checks.all()

    def red_flag_check(self, at: datetime) -> RedFlagCheck | None:
        """The check saved at ``at``, if there is one."""
        return self._checks.get(at.isoformat())

    def save_red_flag_check(self, check: RedFlagCheck) -> None:
        """Save a check; a later save of the same time replaces it (the answers given after
        the emergency alert join the check saved at the alert, never a second one)."""
        with self._writing():
            self._checks.put(check)

    # --- breathing ------------------------------------------------------------------------------

    def breathing_sessions(self) -> list[BreathingSession]:
        """Every saved session, oldest first."""
        return self._sessions.all()

    def add_breathing_session(self, session: BreathingSession) -> None:
        """Save a session (finished or stopped early)."""
        with self._writing():
            self._sessions.put(session)

    # --- rehab ----------------------------------------------------------------------------

    def rehab_day(self, day: date) -> RehabDay:
        """The items ticked on ``day`` (none when nothing was saved)."""
        return self._rehab.get(day.isoformat()) or RehabDay(day)

    def rehab_days(self, start: date | None = None, end: date | None = None) -> list[RehabDay]:
        """Rehab days from ``start`` to ``end`` (both included), oldest first."""
        return self._rehab.between(start, end)

    def save_rehab_day(self, rehab_day: RehabDay) -> None:
        """Save the items ticked on one day."""
        with self._writing():
            self._rehab.put(rehab_day)

    def custom_exercises(self) -> list[CustomExercise]:
        """The exercises the person added."""
        return self._exercises.all()

    def save_custom_exercise(self, exercise: CustomExercise) -> None:
        """Add or rename an exercise."""
        with self._writing():
            self._exercises.put(exercise)

    def remove_custom_exercise(self, exercise_id: str) -> None:
        """Remove an exercise the person added."""
        with self._writing():
            self._exercises.remove(exercise_id)

    # --- visits ---------------------------------------------------------------------------

    def visits(self) -> list[Visit]:
        """Every visit, oldest first by date."""
        return sorted(self._visits.all(), key=lambda v: v.date)

    def save_visit(self, visit: Visit) -> None:
        """Add or update a visit."""
        with self._writing():
            self._visits.put(visit)

    def remove_visit(self, visit_id: str) -> None:
        """Remove a visit."""
        with self._writing():
            self._visits.remove(visit_id)

    # --- the whole diary ------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Every record, typed."""
        return Snapshot(
            profile=self._profile,
            **{name: table.all() for name, table in self._tables.items()},
        )

    def import_snapshot(self, incoming: Snapshot, *, overwrite: bool) -> ImportReport:
        """Merge ``incoming`` into the diary in one atomic write.

        Without ``overwrite`` a record whose key (date, time or id) is already here, with
        other values, is kept and named in the report; with it, the incoming record replaces
        it. A record already here exactly as it comes is only counted.
        """
        try:
            with self._writing(), self._storage.batch():
                report = merge_snapshot(list(self._tables.values()), incoming, overwrite=overwrite)
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
