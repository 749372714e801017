"""Random keys in a real terminal (issue 19, item 12): the app stays up, with no traceback.

A few hundred keys with a fixed seed, sent in bursts, the screen read after every 50. The
command palette opens in between (ctrl+p, letters, arrows and page keys while it refills,
then Escape). Keys that quit (ctrl+q, ctrl+c) are never sent, and Enter never reaches the
palette (its Quit command would end the run); the emergency number is set, so no first-run
note or number question waits for an answer.
"""

from __future__ import annotations

import random
import time
from dataclasses import replace
from pathlib import Path

import pytest

from sciatica_tui.store.diary_store import DiaryStore
from tests.support.terminal import EXITED, Terminal, needs_tmux

pytestmark = [pytest.mark.e2e, needs_tmux]

SEED = 20261203
KEY_COUNT = 400
READ_EVERY = 50
PALETTE_ICON = "🔎"  # Textual's palette, in front of its search field

# tmux key names: every key a person might hit but the ones that quit.
KEYS = (
    [*"abcdefghijklmnopqrstuvwxyz0123456789"]
    + ["y", "n", "s", "a", "e", "d", "-", "?"] * 2
    + ["Tab", "BTab", "Enter", "Escape", "Space", "BSpace", "DC"] * 3
    + ["Up", "Down", "Left", "Right", "PPage", "NPage", "Home", "End"] * 3
    + ["F1", "F2", "F3", "F4", "F5", "F6", "C-r", "C-s", "C-n", "C-o"]
)
IN_THE_PALETTE = [*"abcdefghijklmnopqrstuvwxyz"] + ["Up", "Down", "PPage", "NPage", "BSpace"] * 4


def bursts(rng: random.Random) -> list[list[str]]:
    """KEY_COUNT keys in bursts of 1 to 8; one burst in ten is a visit to the palette."""
    sent: list[list[str]] = []
    while sum(map(len, sent)) < KEY_COUNT:
        if rng.random() < 0.1:
            sent.append(["C-p", *rng.choices(IN_THE_PALETTE, k=rng.randint(2, 10))])
        else:
            sent.append(rng.choices(KEYS, k=rng.randint(1, 8)))
    return sent


def still_running(screen: str) -> bool:
    return EXITED not in screen and "Traceback" not in screen


def test_hundreds_of_random_keys_leave_the_app_running(terminal: Terminal, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:  # past the first-run note, the number chosen
        profile = store.profile()
        settings = replace(profile.settings, emergency_number="112")
        store.save_profile(replace(profile, welcomed=True, settings=settings))
    terminal.width, terminal.height = 80, 24
    terminal.start(folder)
    terminal.wait_for("Leg pain", "the Today tab")

    rng = random.Random(SEED)
    sent = palettes = 0
    for burst in bursts(rng):
        terminal.send(*burst)
        if burst[0] == "C-p":
            palettes += 1
            # Escape on its own, once the palette has taken the keys: Escape straight before
            # another key reads as alt+key. Again if the palette is still open.
            for _ in range(3):
                time.sleep(0.15)
                terminal.send("Escape")
                time.sleep(0.15)
                if PALETTE_ICON not in terminal.screen():
                    break
        before = sent
        sent += len(burst)
        if sent // READ_EVERY > before // READ_EVERY:
            time.sleep(0.2)
            screen = terminal.screen()
            assert still_running(screen), f"after {sent} keys:\n{screen}"
    assert palettes >= 5
    time.sleep(0.5)
    screen = terminal.screen()
    assert still_running(screen), screen
