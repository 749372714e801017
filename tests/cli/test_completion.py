"""``sciatica completion``: scripts for bash, zsh and fish, made from the parser."""

from __future__ import annotations

import pytest

from sciatica_tui.cli import SUBCOMMANDS, main

COMMANDS = ("export", "import", "trends", "review", "breathe", "log", "status", "remind")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_script_names_every_command(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert len(SUBCOMMANDS) >= len(COMMANDS)
    for command in COMMANDS:
        assert command in script
    assert "--overwrite" in script and "--format" in script


def test_an_unknown_shell_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "powershell"]) == 2
    assert "invalid choice" in capsys.readouterr().err
