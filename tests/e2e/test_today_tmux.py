"""Log a day in a real terminal: tmux runs ``sciatica``, keys go in, the export holds them."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sciatica_tui.store import DiaryStore

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 100, 30
START_TIMEOUT = 15.0

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        shutil.which("tmux") is None,
        reason="tmux is not installed: this test drives the app in a real terminal "
        "(.ci/run installs tmux)",
    ),
]


def sciatica_command() -> list[str]:
    """The installed ``sciatica`` script, else the one beside this Python, else ``-m``."""
    found = shutil.which("sciatica")
    if found:
        return [found]
    beside = Path(sys.executable).with_name("sciatica")
    if beside.exists():
        return [str(beside)]
    return [sys.executable, "-m", "sciatica_tui"]


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", *args], capture_output=True, text=True, check=True, timeout=10)
    return result.stdout


@pytest.fixture
def session() -> Iterator[str]:
    """A tmux session name of our own; only that session is killed afterwards."""
    name = f"sciatica-e2e-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, timeout=10)


def screen(name: str) -> str:
    return tmux("capture-pane", "-p", "-t", name)


def wait_for(name: str, seen: Callable[[str], bool], what: str, timeout: float) -> str:
    """Poll the pane until ``seen`` says yes; fail with what was on screen otherwise."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = screen(name)
        if seen(text):
            return text
        time.sleep(0.2)
    pytest.fail(f"waited {timeout:.0f} s for {what}; the screen showed:\n{text}")


def send(name: str, *keys: str) -> None:
    """Send keys one at a time, as a person types (tmux key names: Tab, C-s …)."""
    for key in keys:
        tmux("send-keys", "-t", name, key)
        time.sleep(0.25)


def test_log_a_day_in_tmux_then_export_it(tmp_path: Path, session: str) -> None:
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:  # past the first-run note
        store.save_profile(replace(store.profile(), welcomed=True))
    command = [*sciatica_command(), "--data-dir", str(folder)]
    # Keep the pane after the app ends, so its exit status can be read.
    shell = f"{shlex.join(command)}; echo SCIATICA-EXITED-$?; sleep 60"
    tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        str(WIDTH),
        "-y",
        str(HEIGHT),
        "-c",
        str(ROOT),
        shell,
    )

    wait_for(
        session,
        lambda text: "Leg pain" in text and "Back pain" in text and "Pain down to" in text,
        "the Today form",
        START_TIMEOUT,
    )
    send(session, "7", "Tab", "3", "C-s")
    wait_for(session, lambda text: "Saved " in text, "the 'Saved' confirmation", 10)
    send(session, "C-q")
    ended = wait_for(session, lambda text: "SCIATICA-EXITED-" in text, "the app to quit", 10)
    assert "SCIATICA-EXITED-0" in ended

    exported = subprocess.run(
        [*sciatica_command(), "--data-dir", str(folder), "export", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert exported.returncode == 0, exported.stderr
    logs = json.loads(exported.stdout)["daily_logs"]
    today = date.today().isoformat()  # the app runs on the real clock
    entry = next((log for log in logs if log["date"] == today), None)
    assert entry is not None, logs
    assert (entry["leg_pain"], entry["back_pain"]) == (7, 3)
    assert set(entry) == {"date", "leg_pain", "back_pain"}  # nothing made up
