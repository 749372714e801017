"""A real terminal for end-to-end tests: tmux runs the installed ``sciatica`` command.

Tests type into it as a person would (one key at a time, with a short pause) and read the
screen with ``capture-pane``.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXITED = "SCIATICA-EXITED-"
KEY_PAUSE = 0.25  # seconds between keys: a quick typist, not a paste

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None,
    reason="tmux is not installed: these tests drive the app in a real terminal "
    "(.ci/run installs tmux)",
)


def sciatica_command() -> list[str]:
    """The installed ``sciatica`` script beside this Python, else on PATH, else ``-m``."""
    beside = Path(sys.executable).with_name("sciatica")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("sciatica")
    if found:
        return [found]
    return [sys.executable, "-m", "sciatica_tui"]


def run_sciatica(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a ``sciatica`` subcommand on ``folder`` (not in tmux) and return what it printed."""
    return subprocess.run(
        [*sciatica_command(), "--data-dir", str(folder), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", *args], capture_output=True, text=True, check=True, timeout=10)
    return result.stdout


class Terminal:
    """One tmux session; only this session is ever killed."""

    def __init__(self, width: int = 100, height: int = 30) -> None:
        self.name = f"sciatica-e2e-{uuid.uuid4().hex[:8]}"
        self.width = width
        self.height = height
        self.started = False
        self.last_screen = ""

    def start(self, folder: Path, *args: str) -> None:
        """Open ``sciatica --data-dir folder args`` in a new session.

        The pane stays after the app ends, showing its exit status, so a test can read it.
        """
        command = shlex.join([*sciatica_command(), "--data-dir", str(folder), *args])
        # A tmux server started by another process does not have this test's environment:
        # the folder the Clinic tab exports into (conftest's) is handed on by name.
        documents = os.environ.get("SCIATICA_TUI_DOCUMENTS")
        if documents:
            command = f"SCIATICA_TUI_DOCUMENTS={shlex.quote(documents)} {command}"
        if self.started:
            self.close()
            self.name = f"sciatica-e2e-{uuid.uuid4().hex[:8]}"
        tmux(
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "-c",
            str(ROOT),
            # The app reads COLUMNS and LINES before asking the terminal; a tmux server
            # started by another process may hand its panes stale values (80x24 was seen),
            # so say the pane's real size.
            f"COLUMNS={self.width} LINES={self.height} {command}; echo {EXITED}$?; sleep 120",
        )
        self.started = True

    def screen(self) -> str:
        self.last_screen = tmux("capture-pane", "-p", "-t", self.name)
        return self.last_screen

    def wait_for(
        self, seen: Callable[[str], bool] | str, what: str = "", timeout: float = 15
    ) -> str:
        """Poll the screen until ``seen`` (a predicate, or text that must appear) holds."""
        check = (lambda text: seen in text) if isinstance(seen, str) else seen
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if check(text):
                return text
            time.sleep(0.2)
        pytest.fail(f"waited {timeout:.0f} s for {what or seen!r}; the screen showed:\n{text}")

    def type(self, *keys: str) -> None:
        """Send keys one at a time (tmux names: Tab, Enter, Escape, C-s, Space …)."""
        for key in keys:
            tmux("send-keys", "-t", self.name, key)
            time.sleep(KEY_PAUSE)

    def send(self, *keys: str) -> None:
        """Send keys in one go, as a burst from a fast typist or a paste (no pause)."""
        tmux("send-keys", "-t", self.name, *keys)

    def type_text(self, text: str) -> None:
        """Type literal text, such as a date."""
        tmux("send-keys", "-t", self.name, "-l", text)
        time.sleep(KEY_PAUSE)

    def quit(self) -> None:
        """ctrl+q, then wait for the app to end with status 0."""
        self.type("C-q")
        ended = self.wait_for(EXITED, "the app to quit", timeout=15)
        assert f"{EXITED}0" in ended, ended

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True, timeout=10)


def keep_screen_on_failure(terminal: Terminal, folder: Path, failed: bool) -> Path | None:
    """Write the last screen to ``folder/final-screen.txt`` when the test failed."""
    if not failed or not terminal.started:
        return None
    try:
        terminal.screen()
    except subprocess.SubprocessError:
        pass  # the session is gone; keep the last screen read
    target = folder / "final-screen.txt"
    target.write_text(terminal.last_screen, encoding="utf-8")
    return target


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
