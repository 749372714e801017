"""Exporting the open visit, as a PDF report or a Markdown summary, into the person's
documents folder, and the line that says where it went."""

from __future__ import annotations

import os
from enum import StrEnum

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from sciatica_tui.domain.visit.naming import export_stem
from sciatica_tui.domain.visit.paper import paper_for_locale
from sciatica_tui.domain.visit.story import story_out_of_date
from sciatica_tui.domain.visit.summary import visit_markdown
from sciatica_tui.domain.visit.weeks import story_as_of
from sciatica_tui.domain.visits import Visit
from sciatica_tui.screens.clinic.dialogs import old_story_question
from sciatica_tui.screens.clinic.story import draft_from_diary, visit_excerpt
from sciatica_tui.screens.host import diary, save, today
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.store.changes import ExportVisitPdf, ExportVisitSummary
from sciatica_tui.store.exports import ExportResult
from sciatica_tui.store.folders import documents_folder

EXPORTS = (ExportVisitSummary, ExportVisitPdf)


class ExportKind(StrEnum):
    """What an export writes."""

    MARKDOWN = "md"
    PDF = "pdf"


class StoryWanted(Message):
    """The person chose to draft the story again before exporting."""


class VisitExport(Static):
    """Writes a saved visit to its file (asking first when its story counts other days than
    the diary now does) and says, under the buttons, where it went."""

    def export(self, visit: Visit, kind: ExportKind = ExportKind.MARKDOWN) -> None:
        """Export ``visit``, saved already; a story older than the diary asks first."""
        stale = story_out_of_date(visit.story, draft_from_diary(self, visit.date))
        if stale is None:
            self._write(visit, kind)
            return

        def answered(choice: str | None) -> None:
            if choice == "export":
                self._write(visit, kind)
            elif choice == "story":
                self.post_message(StoryWanted())

        self.app.push_screen(old_story_question(*stale), answered)

    def _write(self, visit: Visit, kind: ExportKind) -> None:
        """Write ``visit`` to its file, off the UI thread."""
        day = today(self)
        folder, stem = documents_folder(), export_stem(visit, day)
        if kind is ExportKind.PDF:
            # The report compares with the first week since onset: the diary up to the visit.
            excerpt = diary(self).excerpt(None, story_as_of(visit.date, day))
            paper = paper_for_locale(os.environ)
            save(self, ExportVisitPdf(folder, stem, visit, excerpt, day, paper))
            self.say(f"Writing the PDF report into {folder} …")
            return
        text = visit_markdown(visit, visit_excerpt(self, visit.date), day)
        save(self, ExportVisitSummary(folder, stem, text))

    @on(DiarySaved)
    def _exported(self, message: DiarySaved) -> None:
        if isinstance(message.change, EXPORTS):
            message.stop()
            if isinstance(message.result, ExportResult):
                # Said under the buttons, where it stays (a pop-up would cover it).
                self.say(message.result.message())

    @on(DiaryNotSaved)
    def _not_exported(self, message: DiaryNotSaved) -> None:
        if isinstance(message.change, EXPORTS):
            message.stop()
            self.say(f"✗ {message.error}", problem=True)
            self.notify(str(message.error), title="Not exported", severity="error", timeout=15)

    def say(self, text: str, *, problem: bool = False) -> None:
        """Say where the last export went (shown only once there is something to say)."""
        self.update(Content(text))
        self.set_class(problem, "-problem")
        self.display = bool(text)
