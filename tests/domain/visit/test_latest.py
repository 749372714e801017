"""The latest visit of a diary and the summary ``sciatica export --format md`` writes."""

from __future__ import annotations

from datetime import date

from sciatica_tui.domain.records import Snapshot
from sciatica_tui.domain.visit.latest import diary_markdown, latest_visit
from sciatica_tui.domain.visits import Visit
from tests.support.visit_diary import (
    FIXTURE_LOGS,
    FIXTURE_MEDICINES,
    FIXTURE_PROFILE,
    FIXTURE_REHAB,
    FIXTURE_VISIT,
    TODAY,
    fixture_markdown,
)


def test_diary_markdown_uses_the_latest_visit() -> None:
    older = Visit(id="a", date=date(2026, 10, 1), reason="first look")
    snapshot = Snapshot(
        profile=FIXTURE_PROFILE,
        daily_logs=FIXTURE_LOGS,
        rehab_days=list(FIXTURE_REHAB),
        visits=[FIXTURE_VISIT, older],
        medicines=FIXTURE_MEDICINES,
    )
    assert latest_visit(snapshot.visits) == FIXTURE_VISIT
    assert diary_markdown(snapshot, TODAY) == fixture_markdown(FIXTURE_VISIT)
    assert latest_visit([]) is None
