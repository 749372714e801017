"""The drawing on the Today tab: where the pain reaches, on a body and in words, with what
moving pain means and where to read more."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from sciatica_tui.domain import content
from sciatica_tui.domain.body_map import reach_sentence
from sciatica_tui.domain.records import Reach, Side
from sciatica_tui.screens.dialogs.learn_more import topic_pointer
from sciatica_tui.screens.widgets.body_map import BodyMap


class PainDrawing(Vertical):
    """The body map and the reach in words, following the form's reach and side."""

    def compose(self) -> ComposeResult:
        """Title, drawing, words, then the note on centralisation and the pointer to learn."""
        yield Label("Where the pain reaches", classes="section-title")
        yield BodyMap(id="body-map")
        yield Static("", id="reach-words")
        yield Static(content.app_text().centralisation, id="centralisation")
        yield Static(topic_pointer("today"), id="today-learn")

    def show(self, texts: Mapping[str, str]) -> None:
        """Draw the reach and side the form holds (``texts``, as ``DailyLogForm.texts``)."""
        drawing = self.query_one(BodyMap)
        drawing.reach = Reach(texts["pain_reach"]) if texts["pain_reach"] else None
        drawing.side = Side(texts["pain_side"]) if texts["pain_side"] else None
        self.query_one("#reach-words", Static).update(reach_sentence(drawing.reach))
