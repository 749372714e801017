"""A diary holding terminal escape codes, opened in a real terminal (issue 19 item 4): every
byte the app writes is recorded, and the diary's own sequences never reach the terminal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sciatica_tui.store.diary_store import DiaryStore
from tests.support.hostile_text import CLIPBOARD_MARKER, write_hostile_diary
from tests.support.terminal import EXITED, Terminal, needs_tmux, tmux

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_the_diary_s_escape_codes_never_reach_the_terminal(
    tmp_path: Path, terminal: Terminal
) -> None:
    folder = tmp_path / "data"
    write_hostile_diary(folder, date.today())  # the app runs on the real clock
    with DiaryStore.open(folder) as store:  # past the first-run note
        store.save_profile(replace(store.profile(), welcomed=True))
    recording = tmp_path / "terminal-output.bin"
    terminal.start(folder)
    tmux("pipe-pane", "-o", "-t", terminal.name, f"cat >> {recording}")

    terminal.wait_for(lambda text: "Leg pain" in text and "␛]52;c;" in text, "today's notes")
    terminal.type("F5")
    clinic = terminal.wait_for("Reason", "the Clinic tab")
    assert "Sciatica companion" in clinic.splitlines()[0]  # the header is still in place
    assert "Clinic visit F5" in clinic and f"␛]52;c;{CLIPBOARD_MARKER}␇" in clinic
    terminal.type("F6")
    trends = terminal.wait_for("Leg and back pain", "the Trends tab")
    assert "Sciatica companion" in trends.splitlines()[0]
    terminal.type("C-q")
    ended = terminal.wait_for(EXITED, "the app to quit")
    assert f"{EXITED}0" in ended

    written = recording.read_bytes()
    assert b"\x1b[?1049h" in written  # recorded from the app's first screen on
    marker = CLIPBOARD_MARKER.encode()
    assert written.count(marker) > 0
    assert written.count(marker) == written.count("␛]52;c;".encode() + marker + "␇".encode())
    assert b"\x1b]52" not in written  # no clipboard write
    assert b"\x1b]8;;https://example.invalid" not in written  # no link from the diary
    assert "\x9b".encode() not in written  # no 8-bit CSI
    assert b"\x1b[2J\x1b[H" not in written.split(b"\x1b[?1049h", 1)[1]  # no screen wipe
