"""The picture in the README: the Today tab of someone eight weeks in, made by the test suite.

README.md shows tests/snapshots/__snapshots__/test_readme_picture/test_readme_picture.svg, so the
picture is always the app as it is now (a change to the screen fails this test until the
snapshot is looked at and updated).
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from sciatica_tui.domain.records import DailyLog, Reach, Side
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, welcomed

ROOT = Path(__file__).resolve().parents[2]
PICTURE = "tests/snapshots/__snapshots__/test_readme_picture/test_readme_picture.svg"


def two_weeks_getting_better(store: DiaryStore) -> None:
    reaches = [Reach.BELOW_KNEE] * 5 + [Reach.THIGH] * 5 + [Reach.BUTTOCK] * 5
    for days_ago in range(14, -1, -1):
        store.save_daily_log(
            DailyLog(
                FROZEN_NOW.date() - timedelta(days=days_ago),
                leg_pain=min(10, 3 + days_ago // 3),
                back_pain=3,
                pain_reach=reaches[14 - days_ago],
                pain_side=Side.LEFT,
                walking_minutes=20 + (14 - days_ago) * 2,
                sleep_hours=6.5,
                sleep_quality=3,
                numbness=2,
            )
        )


def test_readme_picture(snap_compare) -> None:
    app = build_app(None, welcomed(), two_weeks_getting_better)
    assert snap_compare(app, terminal_size=(110, 34))


def test_readme_shows_this_picture() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert PICTURE in pictures
    for picture in pictures:
        assert (ROOT / picture).is_file(), picture
