"""One kind of record as the store holds it: TinyDB's table on disk, typed records in memory."""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping, MutableMapping, Sequence
from datetime import date
from itertools import islice
from typing import Any, Generic, TypeVar

from tinydb import TinyDB

from sciatica_tui.domain.record_kinds import RecordKind, Storable
from sciatica_tui.domain.records import Profile
from sciatica_tui.domain.validation.checks import reading_stored_text
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_profile
from sciatica_tui.store.diary_file import PROFILE_TABLE, SetAside, Tables

R = TypeVar("R", bound=Storable)

# A stored date or date-and-time whose key (``RecordKind.key``), if the record is valid at
# all, begins with the same day: ``2026-11-21`` and ``2026-11-21T09:30:00+01:00`` alike.
DAY_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")


class RecordTable(Generic[R]):
    """The records of one kind, by key, in key order, each with its TinyDB document id.

    Reads come from memory. Writes go through TinyDB (and so to disk) first; the caller holds
    the store's write lock.
    """

    def __init__(self, db: TinyDB, kind: RecordKind[R]) -> None:
        """An empty table of ``kind`` records in ``db``; ``load`` fills it."""
        self.kind = kind
        self._db = db
        self._by_key: dict[str, tuple[int, R]] = {}
        # While records dated before this day (ISO) are still unchecked (``load`` with
        # ``later_before``): the stored tables and the list of what is set aside, for
        # ``finish``. "" once every record is checked.
        self._checked_from = ""
        self._unchecked: tuple[Tables, list[SetAside]] | None = None
        self._checking: _Checking[R] | None = None  # the check ``finish`` has begun
        self._finishing = threading.Lock()

    def load(self, stored: Tables, set_aside: list[SetAside], *, later_before: str = "") -> None:
        """Read every record of this kind in ``stored`` (the file's tables as the storage
        holds them, each record by its document id). One that is not valid, or that another
        record of the same key (date, time or id) comes after in the file, is left out and
        added to ``set_aside``; the store moves it to a side file before anything is saved.

        With ``later_before`` (an ISO day), records stored as dated before it are checked
        only when a read first reaches back that far, or on ``finish``: only the recent
        ones are checked now.
        """
        docs: Mapping[str, Any] = stored.get(self.kind.name, {})
        if not later_before:
            self._by_key = self._built(docs, set_aside)
            self._checked_from, self._unchecked = "", None
            return
        field = self.kind.key_field
        recent = {
            doc_key: doc
            for doc_key, doc in docs.items()
            if not _dated_before(doc.get(field), later_before)
        }
        # What is wrong with a recent record is found again, and set aside, by ``finish``.
        self._by_key = self._built(recent, [])
        self._checked_from, self._unchecked = later_before, (stored, set_aside)

    def finish(self, *, at_most: int | None = None) -> int:
        """Check the records still unchecked (see ``load``), or only the next ``at_most`` of
        them, in file order; how many were checked. Until every record is (``checked``),
        the table answers as before, from the records it checked as it was loaded."""
        with self._finishing:
            if self._unchecked is None:
                return 0
            stored, set_aside = self._unchecked
            if self._checking is None:
                self._checking = _Checking(self.kind, stored.get(self.kind.name, {}))
            checked = self._checking.check(at_most)
            if self._checking.over:
                set_aside.extend(self._checking.left_out)
                self._by_key = self._checking.records()
                self._checked_from, self._unchecked, self._checking = "", None, None
            return checked

    @property
    def checked(self) -> bool:
        """True once every record is checked."""
        return self._unchecked is None

    def _reaching(self, day: str) -> None:
        """A read is about to look at records from ``day`` (ISO, "" for all) on."""
        if day < self._checked_from:
            self.finish()

    def _built(
        self, docs: Mapping[str, Any], set_aside: list[SetAside]
    ) -> dict[str, tuple[int, R]]:
        """The valid records of ``docs`` by key, in key order; the rest go to ``set_aside``."""
        checking = _Checking(self.kind, docs)
        checking.check()
        set_aside.extend(checking.left_out)
        return checking.records()

    def get(self, key: str) -> R | None:
        """The record with ``key``, if there is one."""
        self._reaching(key[:10])
        found = self._by_key.get(key)
        return found[1] if found else None

    def all(self) -> list[R]:
        """Every record, in key order."""
        self._reaching("")
        return [record for _, record in self._by_key.values()]

    def keys(self) -> list[str]:
        """Every key, in order."""
        self._reaching("")
        return list(self._by_key)

    def latest_before(self, key: str) -> R | None:
        """The record with the greatest key below ``key``, if there is one."""
        by_key = self._by_key
        earlier = [found for found in by_key if found < key]
        if not earlier or earlier[-1][:10] < self._checked_from:
            self._reaching("")  # an unchecked record may come later than the latest checked
            by_key = self._by_key
            earlier = [found for found in by_key if found < key]
        return by_key[earlier[-1]][1] if earlier else None

    def count(self, *, up_to: int) -> int:
        """How many records there are, counted up to ``up_to`` (enough to tell "at least")."""
        if len(self._by_key) < up_to:
            self._reaching("")  # each checked record stays: the count only grows
        return min(len(self._by_key), up_to)

    def between(self, start: date | None, end: date | None) -> list[R]:
        """Records whose key starts with a date from ``start`` to ``end`` (both included)."""
        low = start.isoformat() if start else ""
        self._reaching(low)
        high = end.isoformat() if end else "9999-99-99"
        return [record for key, (_, record) in self._by_key.items() if low <= key[:10] <= high]

    # Each write below makes a new dict of records and puts it in place at once, never
    # changing the one there: a screen reading the table on the UI thread while the writer
    # thread saves keeps the dict it began with ("dictionary changed size during iteration"
    # otherwise; tests/store/test_reads_during_saves.py).

    def put(self, record: R) -> None:
        """Insert or wholly replace ``record`` (fields cleared by the person go away too)."""
        self._reaching("")
        key = self.kind.key(record)
        doc = record.to_record()
        table = self._db.table(self.kind.name)
        by_key = dict(self._by_key)
        existing = by_key.get(key)
        if existing is None:
            in_order = not by_key or key > next(reversed(by_key))
            by_key[key] = (table.insert(doc), record)
            self._by_key = by_key if in_order else dict(sorted(by_key.items()))
            return
        table.update(_replaced_by(doc), doc_ids=[existing[0]])
        by_key[key] = (existing[0], record)
        self._by_key = by_key

    def put_many(self, records: Sequence[R]) -> None:
        """Insert or wholly replace each of ``records`` (keys all different) in two TinyDB
        writes: one per record would rewrite the whole table each time, and twenty years of
        records would take minutes. A replaced record gets a new document id."""
        if not records:
            return
        self._reaching("")
        table = self._db.table(self.kind.name)
        keys = [self.kind.key(record) for record in records]
        by_key = dict(self._by_key)
        replaced = [by_key[key][0] for key in keys if key in by_key]
        if replaced:
            table.remove(doc_ids=replaced)
        doc_ids = table.insert_multiple(record.to_record() for record in records)
        for key, doc_id, record in zip(keys, doc_ids, records, strict=True):
            by_key[key] = (doc_id, record)
        self._by_key = dict(sorted(by_key.items()))

    def remove(self, key: str) -> None:
        """Remove the record with ``key`` (nothing happens if there is none)."""
        self._reaching("")
        existing = self._by_key.get(key)
        if existing is not None:
            self._db.table(self.kind.name).remove(doc_ids=[existing[0]])
            self._by_key = {found: kept for found, kept in self._by_key.items() if found != key}


class _Checking(Generic[R]):
    """Stored records of one kind being checked in file order: all at once, or a few at a
    time (``RecordTable.finish``). Text is read as stored (``reading_stored_text``): a
    control character an older version let in keeps the record readable, unchanged."""

    def __init__(self, kind: RecordKind[R], docs: Mapping[str, Any]) -> None:
        self._kind = kind
        self._unread = iter(docs.items())
        self._left = len(docs)
        self._records: dict[str, tuple[int, R]] = {}
        self._kept: dict[str, Mapping[str, Any]] = {}
        self.left_out: list[SetAside] = []  # in the order a check of all at once finds them

    @property
    def over(self) -> bool:
        """True once every record has been checked."""
        return self._left == 0

    def check(self, at_most: int | None = None) -> int:
        """Check the next ``at_most`` records (all by default); how many were checked."""
        if at_most is not None and at_most < 1:
            raise ValueError(f"at_most must be at least 1, not {at_most}")
        # Straight from the storage's memory, as TinyDB's own reads are: through TinyDB, each
        # record was first copied into a Document (17 ms of opening ten years).
        checked = 0
        with reading_stored_text():
            for doc_key, doc in islice(self._unread, at_most):
                checked += 1
                self._check_one(int(doc_key), doc)  # the file's ids are whole numbers
        self._left -= checked
        return checked

    def records(self) -> dict[str, tuple[int, R]]:
        """The valid records checked, by key, in key order, each with its document id."""
        return dict(sorted(self._records.items()))

    def _check_one(self, doc_id: int, doc: Mapping[str, Any]) -> None:
        try:
            record = self._kind.build(doc, today=date.max)  # read only: no copy needed
        except ValidationError as error:
            self.left_out.append(self._left_out(doc_id, str(error), doc))
            return
        key = self._kind.key(record)
        if key in self._records:
            problem = f"record {doc_id}, later in the file, is also {key}"
            self.left_out.append(self._left_out(self._records[key][0], problem, self._kept[key]))
        self._records[key] = (doc_id, record)
        self._kept[key] = doc

    def _left_out(self, doc_id: int, problem: str, doc: Mapping[str, Any]) -> SetAside:
        return SetAside(self._kind.name, str(doc_id), problem, dict(doc), in_tables=True)


def _dated_before(value: Any, day: str) -> bool:
    """True when a stored key field ``value`` is a date (or date and time) before ``day``."""
    return isinstance(value, str) and value[:10] < day and DAY_PREFIX.match(value) is not None


def load_profile(db: TinyDB, set_aside: list[SetAside]) -> tuple[int | None, Profile]:
    """The stored profile and its document id (an empty profile and None when there is none).
    A second profile, or one that is not valid, is added to ``set_aside`` like any record."""
    docs = db.table(PROFILE_TABLE).all()
    for extra in docs[1:]:
        set_aside.append(
            SetAside(PROFILE_TABLE, str(extra.doc_id), "a second profile", dict(extra), True)
        )
    if not docs:
        return None, Profile()
    try:
        return docs[0].doc_id, validate_profile(dict(docs[0]), today=date.max)
    except ValidationError as error:
        set_aside.append(
            SetAside(PROFILE_TABLE, str(docs[0].doc_id), str(error), dict(docs[0]), True)
        )
        return None, Profile()


def _replaced_by(doc: dict[str, Any]) -> Any:
    """A TinyDB update that replaces the whole stored document with ``doc``."""

    def replace(stored: MutableMapping[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return replace
