"""The screens read the diary while the writer thread saves to it: a read never sees a table
change under it (a save replaces the table's records, it does not change them in place)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from sciatica_tui.domain import record_kinds as kinds
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store.tables import RecordTable

FIRST_DAY = date(2020, 1, 1)


@pytest.fixture
def often_switching() -> Iterator[None]:
    """Threads take turns every microsecond, not every 5 ms: a read and a save that overlap
    at all do so at once."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def _table(days: int) -> RecordTable[DailyLog]:
    table: RecordTable[DailyLog] = RecordTable(TinyDB(storage=MemoryStorage), kinds.DAILY_LOGS)
    table.load({}, [])
    table.put_many([DailyLog(FIRST_DAY + timedelta(days=n), 3, 2) for n in range(days)])
    return table


@pytest.mark.usefixtures("often_switching")
@pytest.mark.parametrize("save", ["put a new day", "put an earlier day", "put many", "remove"])
def test_reads_while_the_writer_saves(save: str) -> None:
    table = _table(2000)
    failures: list[BaseException] = []
    saving = threading.Event()

    def writer() -> None:
        try:
            for n in range(60):
                if save == "put a new day":
                    table.put(DailyLog(FIRST_DAY + timedelta(days=3000 + n), 5, 1))
                elif save == "put an earlier day":
                    table.put(DailyLog(FIRST_DAY - timedelta(days=1 + n), 5, 1))
                elif save == "put many":
                    table.put_many([DailyLog(FIRST_DAY + timedelta(days=3000 + n), 5, 1)])
                else:
                    table.remove((FIRST_DAY + timedelta(days=n)).isoformat())
                saving.set()
        except BaseException as error:  # reported by the test below
            failures.append(error)
        finally:
            saving.set()

    thread = threading.Thread(target=writer)
    thread.start()
    saving.wait()
    try:
        while thread.is_alive():
            table.between(None, None)
            table.all()
            table.latest_before("9999")
            table.keys()
    except RuntimeError as error:  # "dictionary changed size during iteration"
        failures.append(error)
    thread.join()
    assert failures == []
    assert len(table.all()) == (2000 - 60 if save == "remove" else 2060)
