"""A sample diary on disk for the diary-file tests, with its backups and its files' bytes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.store import fill

DAY = date(2026, 11, 1)


def backups_of(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("diary-*.json"))


def all_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def make_diary(folder: Path, sessions: int = 1) -> None:
    """A real diary written over ``sessions`` sessions (two or more leave a backup)."""
    for number in range(sessions):
        with DiaryStore.open(folder) as store:
            if number == 0:
                fill(store)
            store.save_daily_log(DailyLog(DAY + timedelta(days=10 + number), number, 1))
