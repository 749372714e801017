"""Shared pieces for the storage tests: sample records and an in-memory twin of the store.

The in-memory twin follows TinyDB's own ``conftest.py`` pattern (every basic test runs
against a memory storage and a real JSON file). It is an ``AtomicJSONStorage`` whose "disk"
is a bytes attribute: the memory, batch and roll-back logic are the real ones, only the
file write is replaced. Reopening builds a new ``DiaryStore`` from those bytes, so records
still make the full trip through JSON.
"""

from __future__ import annotations

import json
import os
import select
import time
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from sciatica_tui.domain.records import (
    BreathingSession,
    CustomExercise,
    DailyLog,
    Profile,
    Reach,
    RedFlagCheck,
    RehabDay,
    Settings,
    Side,
    Verdict,
    Weakness,
)
from sciatica_tui.domain.visits import ImagingReport, Visit
from sciatica_tui.store.atomic_storage import AtomicJSONStorage, encode_tables, parse_tables
from sciatica_tui.store.diary_store import DiaryStore

DIARY = "diary.json"
WRITER = Path(__file__).with_name("child_writer.py")


# --- sample records ---------------------------------------------------------------------


def full_log(day: date, **changes: Any) -> DailyLog:
    """A daily log with every field filled in."""
    fields: dict[str, Any] = {
        "date": day,
        "leg_pain": 6,
        "back_pain": 4,
        "pain_reach": Reach.BELOW_KNEE,
        "pain_side": Side.LEFT,
        "numbness": 3,
        "numbness_reach": Reach.FOOT,
        "weakness": Weakness.MILD,
        "walking_minutes": 25,
        "sitting_minutes": 90,
        "sleep_hours": 6.5,
        "sleep_quality": 3,
        "mood": 4,
        "pain_med_doses": 2,
        "notes": "Schmerz unter dem Knie – better after the walk 🚶\nsecond line",
    }
    fields.update(changes)
    return DailyLog(**fields)


def check(at: datetime, verdict: Verdict = Verdict.CLEAR) -> RedFlagCheck:
    return RedFlagCheck(
        at=at, answers={"bladder": False, "saddle_numbness": False}, verdict=verdict
    )


def session(started_at: datetime, **changes: Any) -> BreathingSession:
    fields: dict[str, Any] = {
        "started_at": started_at,
        "inhale": 4,
        "hold_in": 4,
        "exhale": 4,
        "hold_out": 4,
        "planned_seconds": 180,
        "elapsed_seconds": 181.5,
        "cycles_completed": 11,
        "completed": True,
        "stress_before": 7,
        "stress_after": 3,
        "pain_before": 6,
        "pain_after": 5,
    }
    fields.update(changes)
    return BreathingSession(**fields)


def visit(visit_id: str, day: date, **changes: Any) -> Visit:
    fields: dict[str, Any] = {
        "id": visit_id,
        "date": day,
        "clinician": "Dr Okafor",
        "reason": "Leg pain for six weeks",
        "story": "Started after lifting a box.",
        "history": "None",
        "imaging": (ImagingReport("MRI", "2026-10-02", "City Hospital", True),),
        "questions": ("Should I see a surgeon?", "Can I work?"),
        "goals": ("Walk 30 minutes",),
        "before_you_leave": ("next_steps", "warning_signs"),
        "notes_after": "",
    }
    fields.update(changes)
    return Visit(**fields)


def profile(**changes: Any) -> Profile:
    fields: dict[str, Any] = {
        "onset_date": date(2026, 9, 1),
        "surgery_date": date(2026, 10, 15),
        "welcomed": True,
        "settings": Settings(theme="nord", reduced_motion=True, rehab_phase=2),
    }
    fields.update(changes)
    return Profile(**fields)


def fill(store: DiaryStore) -> None:
    """Put one or two records of every kind in ``store``."""
    store.save_profile(profile())
    store.save_daily_log(full_log(date(2026, 11, 1)))
    store.save_daily_log(DailyLog(date(2026, 11, 2), leg_pain=5, back_pain=2))
    store.save_red_flag_check(check(datetime(2026, 11, 1, 8, 0)))
    store.add_breathing_session(session(datetime(2026, 11, 1, 21, 0)))
    store.save_rehab_day(RehabDay(date(2026, 11, 1), ("walk", "nerve_glide")))
    store.save_custom_exercise(CustomExercise("ex1", 1, "Cat-cow", "Slowly, 10 times"))
    store.save_visit(visit("v1", date(2026, 11, 10)))


# --- the in-memory twin ---------------------------------------------------------------------


class MemoryDisk:
    """Stands in for the diary file: the bytes last 'written', and how many writes."""

    def __init__(self) -> None:
        self.payload = b""
        self.writes = 0


class InMemoryStorage(AtomicJSONStorage):
    """``AtomicJSONStorage`` with the file write replaced by an assignment."""

    def __init__(self, disk: MemoryDisk, folder: Path) -> None:
        super().__init__(folder / DIARY)  # the folder does not exist: nothing is read
        self.disk = disk
        self._on_disk = disk.payload
        self._tables = parse_tables(disk.payload) if disk.payload else None

    def _flush(self) -> None:
        try:
            payload = encode_tables(self._tables or {})
        except BaseException:
            self._restore()
            raise
        self._on_disk = payload
        self.disk.payload = payload
        self.disk.writes += 1


class NoLock:
    """The in-memory store has no lock file to hold."""

    def release(self) -> None:
        pass


class Diary:
    """Opens the same diary again and again, in memory or in a real folder."""

    def __init__(self, kind: str, folder: Path) -> None:
        self.kind = kind
        self.folder = folder
        self.disk = MemoryDisk()

    def open(self) -> DiaryStore:
        if self.kind == "file":
            return DiaryStore.open(self.folder)
        storage = InMemoryStorage(self.disk, self.folder)
        return DiaryStore.over(self.folder, storage, NoLock())

    def reopen(self, store: DiaryStore) -> DiaryStore:
        store.close()
        return self.open()

    def payload(self) -> bytes:
        """The bytes 'on disk'."""
        return (self.folder / DIARY).read_bytes() if self.kind == "file" else self.disk.payload

    def tables(self) -> dict[str, dict[str, Any]]:
        """The tables as stored, parsed."""
        tables: dict[str, dict[str, Any]] = json.loads(self.payload())
        return tables

    def docs(self, table: str) -> list[dict[str, Any]]:
        """The stored documents of ``table``, in document id order."""
        raw = self.tables().get(table, {})
        return [raw[key] for key in sorted(raw, key=int)]


# --- talking to a child process ---------------------------------------------------------


class Lines:
    """Reads a child's stdout line by line, never waiting past a deadline."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.fd = stream.fileno()
        self.buffer = b""

    def next(self, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(left, 0))
            if not ready:
                raise AssertionError(f"no line from the writer within {timeout} s")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise AssertionError(f"the writer closed its output; unread: {self.buffer!r}")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def rest(self, timeout: float = 10.0) -> list[str]:
        """Every line left, up to the end of the output (the child has exited)."""
        deadline = time.monotonic() + timeout
        while True:
            ready, _, _ = select.select([self.fd], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                raise AssertionError(f"the writer's output did not end within {timeout} s")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                break
            self.buffer += chunk
        text, self.buffer = self.buffer.decode(), b""
        return text.splitlines()


# --- files and exports ------------------------------------------------------------------------

# A small export (format version 2) with one daily log, for commands that import.
SMALL_EXPORT: dict[str, Any] = {
    "format": "sciatica-tui",
    "version": 2,
    "profile": {},
    "daily_logs": [{"date": "2025-10-03", "leg_pain": 6, "back_pain": 3}],
    "red_flag_checks": [],
    "breathing_sessions": [],
    "rehab_days": [],
    "custom_exercises": [],
    "visits": [],
}


def files_in(folder: Path, *, with_lock: bool = True) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (the empty lock file left out on request:
    a writer creates it even when it changes nothing)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and (with_lock or path.name != "diary.lock")
    }


class FrozenDatetime(datetime):
    """``datetime.now()`` stuck on one second."""

    @classmethod
    def now(cls, tz: Any = None) -> FrozenDatetime:
        return cls(2026, 11, 21, 9, 30, 0)
