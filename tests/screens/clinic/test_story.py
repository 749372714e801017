"""The Clinic visit's story drafted from the diary: redrafting asks before replacing it."""

from __future__ import annotations

from textual.widgets import TextArea

from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from tests.support.app import build_app, until
from tests.support.clinic import (
    SIZE,
    VISIT,
    focus,
    open_section,
    stored,
    with_visits,
)
from tests.support.visit_diary import fixture_draft, seed_fixture


async def test_redraft_asks_before_replacing_the_story() -> None:
    app = build_app(None, seed_fixture, with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, app, "story")
        await focus(pilot, app, "#redraft")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("tab", "enter")  # "Add it below"
        await pilot.pause()
        assert app.query_one("#story", TextArea).text == "My story.\n" + fixture_draft()
        await focus(pilot, app, "#redraft")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # "Replace the story"
        await pilot.pause()
        story = app.query_one("#story", TextArea)
        assert story.text == fixture_draft()
        # ctrl+End reaches the end of the whole story (ctrl+Home its start), not of a line.
        await focus(pilot, app, "#story")
        await pilot.press("ctrl+home")
        assert story.cursor_location == (0, 0)
        await pilot.press("ctrl+end", *"Worse in the car.")
        assert story.text == fixture_draft() + "Worse in the car."
        await pilot.press("ctrl+home", "ctrl+shift+end")
        assert story.selected_text == story.text
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(app).story == fixture_draft() + "Worse in the car.")
