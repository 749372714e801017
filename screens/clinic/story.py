"""The symptom story drafted from the diary: the part of the diary a visit's story and chart
read, the draft, and putting a fresh draft into the story the person is writing."""

from __future__ import annotations

from datetime import date

from textual.widget import Widget
from textual.widgets import TextArea

from sciatica_tui.domain.records import DiaryExcerpt
from sciatica_tui.domain.visit.story import draft_story
from sciatica_tui.domain.visit.weeks import days_read, story_as_of
from sciatica_tui.screens.clinic.dialogs import redraft_question
from sciatica_tui.screens.host import diary, today


def visit_excerpt(widget: Widget, visit_date: date) -> DiaryExcerpt:
    """The part of the diary a visit's story and chart read."""
    return diary(widget).excerpt(*days_read(visit_date, today(widget)))


def draft_from_diary(widget: Widget, visit_date: date) -> str:
    """The symptom story drafted from the diary up to the visit (or today)."""
    as_of = story_as_of(visit_date, today(widget))
    return draft_story(visit_excerpt(widget, visit_date), as_of)


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
