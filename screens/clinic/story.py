"""The symptom story drafted from the diary: the part of the diary a visit's story and chart
read, the draft, and putting a fresh draft into the story the person is writing."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widget import Widget
from textual.widgets import TextArea

from sciatica_tui.domain.visit.story import draft_story
from sciatica_tui.domain.visit.weeks import CHART_WEEKS, story_as_of
from sciatica_tui.screens.clinic.dialogs import redraft_question
from sciatica_tui.screens.host import diary, today


def draft_from_diary(widget: Widget, visit_date: date) -> str:
    """The symptom story drafted from the diary up to the visit (or today)."""
    store = diary(widget)
    as_of = story_as_of(visit_date, today(widget))
    since = as_of - timedelta(days=7 * CHART_WEEKS)
    return draft_story(
        store.profile(),
        store.daily_logs(since, as_of),
        store.red_flag_checks(),
        store.breathing_sessions(),
        store.rehab_days(since, as_of),
        as_of,
    )


def put_draft(story: TextArea, draft: str) -> None:
    """Fill an empty story with ``draft``; over the person's words, ask first whether it
    replaces them or goes below (ctrl+z undoes either)."""
    if not story.text.strip():
        story.load_text(draft)
        return

    def answered(choice: str | None) -> None:
        if choice == "replace":
            story.select_all()
            story.replace(draft, *story.selection)
        elif choice == "add":
            story.insert("\n" + draft, story.document.end)

    story.app.push_screen(redraft_question(), answered)
