"""Steps shared by the Red flags tab tests: opening the check, answering it, the answers shown."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.content_schema import RED_FLAG_QUESTION_IDS
from sciatica_tui.screens.red_flags.questions import QuestionRow
from sciatica_tui.screens.red_flags.tab import RedFlagsTab
from tests.support.app import until
from tests.support.red_flags import tab

SIZE = (100, 32)
ALL_NO = "n" * len(RED_FLAG_QUESTION_IDS)
NO_EMERGENCY = "nnnnnn"  # the six emergency questions, all no


def shown_answers(app: SciaticaApp) -> dict[str, str]:
    return {
        row.question.id: str(row.query_one(".answer", Static).render())
        for row in tab(app).query(QuestionRow)
    }


async def open_check(pilot: Pilot[int]) -> None:
    await pilot.pause()  # let the start-up settle, as a person's first key would
    await pilot.press("f2")
    await until(pilot, lambda: pilot.app.query(RedFlagsTab), "the tab is built")
    await pilot.pause()


async def answer(pilot: Pilot[int], keys: str) -> None:
    """Answer the questions in order: ``keys`` is a string of y and n."""
    await pilot.press(*keys)
    await pilot.pause()
