"""The one door to the diary: typed records in, typed records out, TinyDB behind it.

``DiaryStore.open`` takes the single-writer lock, reads (or creates) the diary file through
``AtomicJSONStorage``, checks the format version, sets aside records it cannot read and
migrates older files. Records are kept in memory as typed dataclasses, so reads never touch
the disk; every save is on disk before it returns. Saves may be called from a worker thread:
a lock serialises them. ``open_or_view`` opens a diary that cannot be written read-only.

The app opens it with ``check_later_before``: the days' older records are checked when a read
first reaches them, before the first save, or on ``finish_opening`` a second after the first
frame (checking ten years of them was nearly all of opening ten years).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from filelock import FileLock
from tinydb import TinyDB

from sciatica_tui.domain import record_kinds as kinds
from sciatica_tui.domain.records import (
    DiaryExcerpt,
    Profile,
    Snapshot,
)
from sciatica_tui.domain.validation.checks import reading_stored_text
from sciatica_tui.store import schema
from sciatica_tui.store.atomic_storage import AtomicJSONStorage
from sciatica_tui.store.day_records import DayRecords
from sciatica_tui.store.diary_file import SetAside
from sciatica_tui.store.errors import (
    CannotWriteError,
    ReadOnlyDiaryError,
    StoreError,
    explain_os_error,
    write_error,
)
from sciatica_tui.store.importing import ImportReport, merge_snapshot
from sciatica_tui.store.log_records import LogRecords
from sciatica_tui.store.opening import (
    DIARY_FILE,
    cannot_write,
    claim_folder,
    find_diary,
    open_storage,
    read_only_note,
)
from sciatica_tui.store.rehab_records import RehabRecords
from sciatica_tui.store.set_aside import move_set_aside, set_aside_notice
from sciatica_tui.store.tables import RecordTable, _replaced_by, load_profile

__all__ = ["DIARY_FILE", "DiaryStore"]

# The tables that grow by the day: with ``check_later_before``, only their recent records are
# checked as the diary opens (checking ten years of them was most of opening it).
GROWING_TABLES = frozenset(
    kind.name for kind in (kinds.DAILY_LOGS, kinds.REHAB_DAYS, kinds.BREATHING_SESSIONS)
)


def _read_up_to_date(storage: AtomicJSONStorage, folder: Path) -> int | None:
    """The format version of the file ``storage`` read (None for a new diary), after
    refusing one this app does not know; an older file is brought up to date in memory
    before any record of it is read, so a reader sees what a writer would save."""
    tables = storage.read()
    if tables is None:
        return None
    version = schema.checked_version(tables, storage.meta_problem, folder)
    if version < schema.SCHEMA_VERSION:
        storage.hold(schema.migrated(tables, version))
    return version


class DiaryStore(LogRecords, RehabRecords, DayRecords):
    """The diary on disk, with typed reads from memory and durable writes."""

    def __init__(
        self,
        folder: Path,
        db: TinyDB,
        storage: AtomicJSONStorage,
        lock: FileLock | None,
        *,
        check_later_before: date | None = None,
    ) -> None:
        """Use ``open``; this wraps a diary already opened (and locked, unless read-only)."""
        self.folder = folder
        self.path = folder / DIARY_FILE
        self._db = db
        self._storage = storage
        self._file_lock = lock
        self._mutex = threading.RLock()
        # Records the app could not read (named in ``skipped``), and the side file they
        # were moved to, when they were.
        self.set_aside: list[SetAside] = list(storage.set_aside)
        self.side_file: Path | None = None
        # Why the diary can only be read here, when ``open_or_view`` opened it so.
        self.read_only_reason: str | None = None
        self._logs = RecordTable(db, kinds.DAILY_LOGS)
        self._checks = RecordTable(db, kinds.RED_FLAG_CHECKS)
        self._sessions = RecordTable(db, kinds.BREATHING_SESSIONS)
        self._rehab = RecordTable(db, kinds.REHAB_DAYS)
        self._exercises = RecordTable(db, kinds.CUSTOM_EXERCISES)
        self._plan = RecordTable(db, kinds.REHAB_PLAN)
        self._visits = RecordTable(db, kinds.VISITS)
        self._check_ins = RecordTable(db, kinds.CHECK_INS)
        self._custom_tags = RecordTable(db, kinds.CUSTOM_TAGS)
        self._flare_ups = RecordTable(db, kinds.FLARE_UPS)
        self._medicines = RecordTable(db, kinds.MEDICINES)
        self._tables: dict[str, RecordTable[Any]] = {
            table.kind.name: table
            for table in (
                self._logs,
                self._checks,
                self._sessions,
                self._rehab,
                self._exercises,
                self._plan,
                self._visits,
                self._check_ins,
                self._custom_tags,
                self._flare_ups,
                self._medicines,
            )
        }
        # Until ``finish_opening``: records dated before this day are checked when first read.
        self._later_before = check_later_before.isoformat() if check_later_before else ""
        self._load(self.set_aside)

    # --- opening and closing ----------------------------------------------------------

    @classmethod
    def open(
        cls, folder: Path, *, read_only: bool = False, check_later_before: date | None = None
    ) -> DiaryStore:
        """Open (creating if needed) the diary in ``folder``.

        Raises ``AlreadyOpenError``, ``UnreadableDiaryError``, ``NewerDiaryError``,
        ``UnknownVersionError`` or ``CannotWriteError`` (it can only be read here) with a
        message that says what to do. ``read_only`` skips the lock and never writes.

        With ``check_later_before``, the days' records dated before that day are checked when
        a read first reaches them, before the first save, or on ``finish_opening``; what
        cannot be read among them is then set aside (and ``notice`` says so) only then.
        """
        folder = Path(folder).expanduser()
        lock = None
        try:
            place = find_diary(folder)
            if not read_only:
                lock = claim_folder(place)
            storage = open_storage(place, read_only=read_only)
            store = cls.over(folder, storage, lock, check_later_before=check_later_before)
        except BaseException as error:
            if lock is not None:
                lock.release()
            if isinstance(error, OSError):
                raise StoreError(
                    f"The diary in {folder} could not be opened: {explain_os_error(error)}."
                ) from error
            raise
        return store

    @classmethod
    def over(
        cls,
        folder: Path,
        storage: AtomicJSONStorage,
        lock: FileLock | None,
        *,
        check_later_before: date | None = None,
    ) -> DiaryStore:
        """The store of ``storage``, already opened (and locked unless read-only): a version
        it does not know refused, an older file brought up to date (and, holding the lock,
        saved so), records that cannot be read set aside (see ``open`` for
        ``check_later_before``)."""
        version = _read_up_to_date(storage, folder)
        db = TinyDB(storage=lambda: storage)
        store = cls(folder, db, storage, lock, check_later_before=check_later_before)
        store._check_version(version)
        return store

    @classmethod
    def open_or_view(cls, folder: Path, *, check_later_before: date | None = None) -> DiaryStore:
        """Open the diary in ``folder`` to write, or, where it can only be read (a read-only
        folder, disk or file), to look at: ``read_only_reason`` then says why."""
        try:
            return cls.open(folder, check_later_before=check_later_before)
        except CannotWriteError as error:
            if not (Path(folder).expanduser() / DIARY_FILE).exists():
                raise StoreError(f"{error} There is no diary there yet to look at.") from None
            store = cls.open(folder, read_only=True, check_later_before=check_later_before)
            store.read_only_reason = error.reason
            return store

    def _check_version(self, version: int | None) -> None:
        """Holding the lock, set aside what cannot be read and save an older file (``version``,
        None for a new one) as brought up to date in memory (``_read_up_to_date``). Only a
        diary opened with ``check_later_before``, in its own format, waits for
        ``finish_opening``."""
        if self._file_lock is None:
            return
        try:
            if version is None:
                self._db.table("meta").insert({"schema_version": schema.SCHEMA_VERSION})
                return
            if version < schema.SCHEMA_VERSION:
                self._finish_opening()
                if self.side_file is None:  # else saved already, without what was set aside
                    self._storage.write(self._storage.read() or {})
                    self._db.clear_cache()
            elif not self._later_before:
                self._finish_opening()
        except OSError as error:
            self._db.close()
            raise cannot_write(self.folder, explain_os_error(error)) from error

    def finish_opening(self, *, at_most: int | None = None) -> bool:
        """Check the records left for later (``open``'s ``check_later_before``) and, holding
        the lock, move those that cannot be read to a side file (``notice`` then says so).
        Nothing happens the second time. Raises ``StoreWriteError`` when the side file or the
        diary cannot be written: the next save tries again, and nothing is saved until then.

        With ``at_most``, no more than that many records are checked in this call, and it
        returns False while some are left: call it again until it returns True. Reads and
        saves meanwhile answer as before (a save finishes the check first).
        """
        try:
            return self._finish_opening(at_most)
        except OSError as error:
            self._db.clear_cache()
            raise write_error(error, self.folder) from error

    def _finish_opening(self, at_most: int | None = None) -> bool:
        with self._mutex:
            left = at_most  # records this call may still check (None: all)
            for table in self._tables.values():
                if table.checked:
                    continue
                if left == 0:
                    return False
                checked = table.finish(at_most=left)
                if left is not None:
                    left -= checked
                if not table.checked:
                    return False
            self._later_before = ""
            if self.set_aside and self.side_file is None and self._file_lock is not None:
                # Kept in a side file, then taken out, so that no later save changes them.
                self.side_file = move_set_aside(self.folder, self.set_aside, self._storage)
                self._db.clear_cache()
            return True

    @property
    def opened_fully(self) -> bool:
        """True once every record has been checked (and what cannot be read set aside)."""
        return not self._later_before

    def schema_version(self) -> int:
        """The format version recorded in the file (0 when it has no ``meta``)."""
        return schema.file_version(self._storage.read() or {})

    @property
    def skipped(self) -> list[str]:
        """Each stored record that could not be read, named with the reason."""
        return [record.describe() for record in self.set_aside]

    def notice(self) -> str | None:
        """What to tell the person once about records that could not be read, if any (and
        nothing before ``finish_opening``, which may find more)."""
        if self._later_before or not self.set_aside:
            return None
        return set_aside_notice(self.set_aside, self.side_file)

    def read_only_note(self) -> str | None:
        """The line the app shows at the top when the diary can only be read here."""
        return read_only_note(self.read_only_reason) if self.read_only_reason else None

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

    def _load(self, set_aside: list[SetAside]) -> None:
        """Build the typed in-memory records; a stored record that is not valid is left out
        and added to ``set_aside`` rather than crashing the app. Text is read as stored:
        a control character an older version let in keeps the record readable, unchanged
        (the tables read theirs so, whenever they do: ``RecordTable``)."""
        with reading_stored_text():
            self._profile_id, self._profile = load_profile(self._db, set_aside)
        stored = self._storage.read() or {}
        for name, table in self._tables.items():
            later = self._later_before if name in GROWING_TABLES else ""
            table.load(stored, set_aside, later_before=later)

    # --- writing --------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Serialise writes and turn disk errors into a clear ``StoreWriteError``."""
        if self._file_lock is None:
            if self.read_only_reason is not None:
                raise ReadOnlyDiaryError(f"The diary is read-only here: {self.read_only_reason}.")
            raise ReadOnlyDiaryError("The diary was opened read-only.")
        with self._mutex:
            try:
                self._finish_opening()  # what cannot be read is set aside before any save
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

    # --- the whole diary ------------------------------------------------------------------

    def excerpt(self, start: date | None = None, end: date | None = None) -> DiaryExcerpt:
        """The profile and every record dated from ``start`` to ``end`` (both included; no
        limit where None) that the symptom story, the visit summary and the Trends tab read.
        Check-ins are every one up to ``end``: the first is what the latest is measured by."""
        return DiaryExcerpt(
            profile=self._profile,
            daily_logs=self._logs.between(start, end),
            red_flag_checks=self._checks.between(start, end),
            breathing_sessions=self._sessions.between(start, end),
            rehab_days=self._rehab.between(start, end),
            check_ins=self._check_ins.between(None, end),
            flare_ups=self._flare_ups.between(start, end),
            custom_tags=self._custom_tags.all(),
            custom_exercises=tuple(self._exercises.all()),
            rehab_plan=tuple(self._plan.all()),
            medicines=self._medicines.all(),
        )

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
            self._load([])  # what was left out at open is still left out
            raise
        return report
