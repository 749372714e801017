"""A ``terminal`` fixture that keeps the final screen of a failed journey."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal, keep_screen_on_failure


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    report = yield
    if report.when == "call":
        item.stash[CALL_FAILED] = report.failed
    return report


CALL_FAILED = pytest.StashKey[bool]()


# The installed app runs on the real clock, and the journeys compare what it shows with
# today's date; the longest (a 64 s breathing session) takes under two minutes.
JOURNEY_MINUTES = 3


def seconds_to_wait(now: datetime, minutes: int = JOURNEY_MINUTES) -> float:
    """How long to wait so that a journey of ``minutes`` starting then stays in one day: 0 when
    it fits before midnight, else until just past midnight."""
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
    if midnight - now > timedelta(minutes=minutes):
        return 0.0
    return (midnight - now).total_seconds() + 1


@pytest.fixture
def terminal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Terminal]:
    """A tmux terminal; on failure its last screen is saved as final-screen.txt in tmp_path.

    A journey that would cross midnight waits for the new day first (a few minutes at most).
    """
    time.sleep(seconds_to_wait(datetime.now()))
    term = Terminal()
    yield term
    saved = keep_screen_on_failure(term, tmp_path, request.node.stash.get(CALL_FAILED, False))
    if saved is not None:
        print(f"final screen saved to {saved}")
    term.close()
