"""The Breathe tab's ratings, asked before a session and again after it: stress and pain,
each 0–10 and each optional."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from sciatica_tui.screens.widgets.rating_scale import PAIN_WORDS, RatingScale

STRESS_WORDS: dict[int, str] = {
    0: "calm",
    **dict.fromkeys(range(1, 4), "a little"),
    **dict.fromkeys(range(4, 7), "moderate"),
    **dict.fromkeys(range(7, 10), "high"),
    10: "the most",
}


class BreathingRatings(VerticalScroll):
    """A title, the question, the two scales and how to answer (or skip)."""

    def __init__(self) -> None:
        """Blank until ``ask``."""
        super().__init__(id="breathe-rating", can_focus=False)

    def compose(self) -> ComposeResult:
        """The title and question (set by ``ask``), the stress and pain scales, the keys."""
        yield Static("", id="rating-title", classes="title")
        yield Static("", id="rating-question")
        yield Static("Stress (0 is calm, 10 is the most stressed you can imagine)")
        yield RatingScale(0, 10, STRESS_WORDS, id="breathe-stress")
        yield Static("Pain (0 is no pain, 10 is the worst you can imagine)")
        yield RatingScale(0, 10, PAIN_WORDS, id="breathe-pain")
        yield Static(
            "Type a number or use ← →; Tab moves to the next. Enter: continue. S: skip both.",
            classes="hint",
        )

    def ask(self, title: str, question: str) -> None:
        """Ask afresh: both scales back to "not set", under ``title`` and ``question``."""
        for scale in self.query(RatingScale):
            scale.value = None
        self.query_one("#rating-title", Static).update(title)
        self.query_one("#rating-question", Static).update(question)

    def ratings(self) -> tuple[int | None, int | None]:
        """(stress, pain) as given; None for a scale left blank."""
        return (
            self.query_one("#breathe-stress", RatingScale).value,
            self.query_one("#breathe-pain", RatingScale).value,
        )
