"""Exporting the open visit to a one-page Markdown file, and the line that says where it went."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from sciatica_tui.domain.records import Visit
from sciatica_tui.domain.visit.naming import export_stem
from sciatica_tui.domain.visit.story import story_out_of_date
from sciatica_tui.domain.visit.summary import visit_markdown
from sciatica_tui.screens.clinic.dialogs import old_story_question
from sciatica_tui.screens.clinic.story import draft_from_diary, visit_excerpt
from sciatica_tui.screens.host import diary, save, today
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.store.changes import ExportVisitSummary
from sciatica_tui.store.exports import ExportResult


class StoryWanted(Message):
    """The person chose to draft the story again before exporting."""


class VisitExport(Static):
    """Writes a saved visit to its Markdown file (asking first when its story counts other
    days than the diary now does) and says, under the buttons, where it went."""

    def export(self, visit: Visit) -> None:
        """Export ``visit``, saved already; a story older than the diary asks first."""
        stale = story_out_of_date(visit.story, draft_from_diary(self, visit.date))
        if stale is None:
            self._write(visit)
            return

        def answered(choice: str | None) -> None:
            if choice == "export":
                self._write(visit)
            elif choice == "story":
                self.post_message(StoryWanted())

        self.app.push_screen(old_story_question(*stale), answered)

    def _write(self, visit: Visit) -> None:
        """Write ``visit`` to its Markdown file, off the UI thread."""
        text = visit_markdown(visit, visit_excerpt(self, visit.date), today(self))
        save(self, ExportVisitSummary(diary(self).folder, export_stem(visit, today(self)), text))

    @on(DiarySaved)
    def _exported(self, message: DiarySaved) -> None:
        if isinstance(message.change, ExportVisitSummary):
            message.stop()
            if isinstance(message.result, ExportResult):
                # Said under the buttons, where it stays (a pop-up would cover it).
                self.say(message.result.message())

    @on(DiaryNotSaved)
    def _not_exported(self, message: DiaryNotSaved) -> None:
        if isinstance(message.change, ExportVisitSummary):
            message.stop()
            self.say(f"✗ {message.error}", problem=True)
            self.notify(str(message.error), title="Not exported", severity="error", timeout=15)

    def say(self, text: str, *, problem: bool = False) -> None:
        """Say where the last export went (shown only once there is something to say)."""
        self.update(Content(text))
        self.set_class(problem, "-problem")
        self.display = bool(text)
