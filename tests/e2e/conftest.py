"""A ``terminal`` fixture that keeps the final screen of a failed journey."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.support.terminal import Terminal, keep_screen_on_failure, seconds_to_wait


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    report = yield
    if report.when == "call":
        item.stash[CALL_FAILED] = report.failed
    return report


CALL_FAILED = pytest.StashKey[bool]()


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
