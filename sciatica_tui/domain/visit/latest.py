"""The latest visit of a diary and its summary: what ``sciatica export --format md`` writes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sciatica_tui.domain.records import Snapshot
from sciatica_tui.domain.visit.story import draft_story, story_out_of_date
from sciatica_tui.domain.visit.summary import visit_markdown
from sciatica_tui.domain.visit.weeks import story_as_of
from sciatica_tui.domain.visits import Visit


def latest_visit(visits: Iterable[Visit]) -> Visit | None:
    """The visit with the latest date (a planned one counts), or None."""
    return max(visits, key=lambda visit: (visit.date, visit.id), default=None)


def diary_markdown(snapshot: Snapshot, today: date) -> str:
    """The latest visit's summary, or the last four weeks when no visit was prepared."""
    return visit_markdown(latest_visit(snapshot.visits), snapshot.excerpt(), today)


def diary_story_out_of_date(snapshot: Snapshot, today: date) -> tuple[str, str] | None:
    """``story_out_of_date`` for the visit ``diary_markdown`` writes (None with no visit)."""
    visit = latest_visit(snapshot.visits)
    if visit is None:
        return None
    draft = draft_story(snapshot.excerpt(), story_as_of(visit.date, today))
    return story_out_of_date(visit.story, draft)
