"""Today's dialogs are read when first opened, not on the first screen's path (issue 18 §7).

Checked in a fresh interpreter: the other tests of a worker have read them already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DIALOGS = (
    "sciatica_tui.screens.dialogs.choice",
    "sciatica_tui.screens.dialogs.medicine",
    "sciatica_tui.screens.dialogs.text",
    "sciatica_tui.screens.today.check_in_dialog",
    "sciatica_tui.screens.today.flare_dialog",
    "sciatica_tui.screens.today.recent_days_dialog",
)

PROBE = f"""
import asyncio, sys
from tests.support.app import build_app, welcomed

DIALOGS = {DIALOGS!r}

def read():
    return " ".join(m.rsplit(".", 1)[1] for m in DIALOGS if m in sys.modules) or "none"

async def main():
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        print("started", read())
        await pilot.press("alt+down")
        await pilot.pause()
        print("list open", type(app.screen).__name__)

asyncio.run(main())
"""


def test_the_first_screen_reads_none_of_todays_dialogs() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    started, opened = result.stdout.splitlines()
    assert started == "started none"
    # The one opened is read then, and works.
    assert opened == "list open RecentDaysDialog"
