"""Running the ``sciatica`` command in-process, as the command-line tests do."""

from __future__ import annotations

from typing import Any

import pytest

from sciatica_tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: Any) -> tuple[int, str, str]:
    """Run the command in-process; return its status, stdout and stderr."""
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err
