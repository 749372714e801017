"""A shell prompt that runs ``sciatica status``: logging from the shell changes it."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.support.terminal import ROOT, Terminal, needs_tmux, sciatica_command, tmux

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_the_prompt_line_changes_when_the_day_is_logged_from_the_shell(
    tmp_path: Path, terminal: Terminal
) -> None:
    folder = tmp_path / "data"
    sciatica = shlex.join([*sciatica_command(), "--data-dir", str(folder)])
    prompt = f"[$({sciatica} status)] $ "
    shell = f"env PS1={shlex.quote(prompt)} bash --norc --noprofile"
    tmux("new-session", "-d", "-s", terminal.name, "-x", "120", "-y", "20", "-c", str(ROOT), shell)
    terminal.started = True

    terminal.wait_for("[no diary] $", "the prompt with no diary yet")
    terminal.type_text(f"{sciatica} log 6 3 --walk 20")
    terminal.type("Enter")
    screen = terminal.wait_for("[logged · 0 ex", "the prompt after logging")
    assert "Saved " in screen and "leg pain 6, back pain 3, walking minutes 20." in screen

    terminal.type_text(f"{sciatica} log 11 3")
    terminal.type("Enter")
    screen = terminal.wait_for(
        lambda text: (
            text.rstrip().endswith("[logged · 0 ex · 0m breath · check never] $")
            and "Nothing was saved." in text
        ),
        "the refusal, then the same prompt",
    )
    assert "--leg (leg_pain): 11 is above 10." in screen
