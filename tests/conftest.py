"""Shared fixtures: no network, a private data folder per test, and a calm app.

Apps for tests are built by ``tests.support.app.build_app`` with a fixed clock; the autouse
``calm_app`` fixture here takes away animation and the blinking cursor, so what a test sees
(and every snapshot) never depends on the moment it looks.
"""

from __future__ import annotations

import gc
import os
import socket
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings
from textual import constants
from textual.widgets import Input, TextArea

from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.frames import skip_unseen_frames
from tests.support.network import NetworkUsed
from tests.support.ordering import slow_at_each_head
from tests.support.shared_css import share_parsed_css

FROZEN_NOW = datetime(2026, 11, 21, 9, 30)

# The tests check what the code does, never how fast (the benchmarks do that): on a busy
# machine hypothesis's 200 ms deadline per example failed a validator test for being slow.
settings.register_profile("behaviour", deadline=None)
settings.load_profile("behaviour")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: three workers more than the cores this process may use.

    Most tests spend much of their time waiting, not computing: a Pilot test waits for the
    app to be idle after each key, the tmux tests wait on the app in another process, and
    the end-to-end breathing session runs a real minute. On this 2-core machine (2026-12-03,
    whole suite, test apps drawing only the frames someone sees): 239 s with four workers,
    222 s with five, the same CPU time either way (379 and 374 s).
    """
    return len(os.sched_getaffinity(0)) + 3


# Each app a test starts is a web of reference cycles (DOM nodes, message pumps) that lives
# on until a full collection. With the default thresholds (700, 10, 10) Python ran so many
# collections during an app's life, each walking every object from the imports and the apps
# before, that they took 30 to 50% of a Pilot test's CPU time (measured: 30 app starts,
# 34 s CPU by default, 19 s with these settings, 175 MB peak instead of 90 MB per worker).
# Fewer young collections, and the imported modules moved out of the collector's way once
# collection is done (gc.freeze), keep the same garbage collected at a fraction of the cost.
GC_THRESHOLDS = (100_000, 10, 10)


# The two longest tests, by name: a real minute of breathing, and 5,000 random events.
LONGEST = (
    "test_calm_down_a_breathing_session_to_its_end",
    "test_thousands_of_random_keys_and_clicks_lose_nothing",
)


def pytest_configure(config: pytest.Config) -> None:
    """Collect garbage less often (see GC_THRESHOLDS) and share parsed CSS between the apps
    of one process (tests/support/shared_css.py)."""
    gc.set_threshold(*GC_THRESHOLDS)
    share_parsed_css()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave everything imported so far out of every later collection."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start the tests that wait longest first, one at the head of each worker's share (the
    real-minute breathing session and the monkey test on different workers), so their
    waiting overlaps the rest of the suite instead of trailing after it (support/ordering)."""

    def rank(item: pytest.Item) -> int:
        return LONGEST.index(item.name) if item.name in LONGEST else len(LONGEST)

    def is_slow(item: pytest.Item) -> bool:
        return bool(item.get_closest_marker("e2e") or item.get_closest_marker("slow"))

    workers = int(getattr(config, "workerinput", {}).get("workercount", 1))
    slow = sorted((item for item in items if is_slow(item)), key=rank)
    rest = [item for item in items if not is_slow(item)]
    items[:] = slow_at_each_head(slow, rest, workers)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test whose code opens a network connection or looks up a host.

    Local socket pairs (AF_UNIX) stay allowed: asyncio's event loop needs one.
    """
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)  # type: ignore[arg-type]
        raise NetworkUsed(f"tried to connect to {address!r}")

    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed(f"tried to reach the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(autouse=True)
def calm_app(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """No animation and no blinking cursor in any app a test starts, and no frames drawn
    that no one sees (tests/support/frames.py) unless the test is marked ``frames``."""
    if request.node.get_closest_marker("frames") is None:
        skip_unseen_frames(monkeypatch)
    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "none")
    # A plain False in place of the reactive: the blink timer never starts.
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the default data folder at a temporary one, so no test touches real data."""
    folder = tmp_path / "default-data"
    monkeypatch.setenv("SCIATICA_TUI_DATA", str(folder))
    return folder


@pytest.fixture(autouse=True)
def private_documents_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the folder the Clinic tab exports into at a temporary one."""
    folder = tmp_path / "documents" / "Sciatica"
    monkeypatch.setenv("SCIATICA_TUI_DOCUMENTS", str(folder))
    return folder


@pytest.fixture
def clock() -> FixedClock:
    """A frozen clock at 2026-11-21 09:30."""
    return FixedClock(FROZEN_NOW)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DiaryStore]:
    """An open, empty diary in a temporary folder."""
    diary = DiaryStore.open(tmp_path / "data")
    yield diary
    diary.close()
