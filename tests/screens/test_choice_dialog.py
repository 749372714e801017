"""The one confirmation dialog (``ChoiceDialog``), on its own: what each key answers."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widgets import Button, Static

from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from tests.support.app import until

ANSWERS = [("remove", "Remove (y)"), ("keep", "Keep it (n)")]


class Asker(App[None]):
    """An app that asks one question and writes down every answer it is given."""

    CSS_PATH = "../../screens/dialogs/dialogs.tcss"

    def __init__(self, dialog: ChoiceDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.answers: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)


def removal(**options: Any) -> ChoiceDialog:
    return ChoiceDialog("Remove “Wall squats”?", "Ticked days stay.", ANSWERS, **options)


async def test_the_first_answer_is_suggested_unless_told() -> None:
    app = Asker(removal())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.focused is app.dialog.query_one("#choice-remove", Button)
        assert app.dialog.query_one("#choice-remove", Button).variant == "primary"


async def test_the_suggested_answer_has_the_cursor_and_a_dangerous_one_is_red() -> None:
    app = Asker(removal(suggested="keep", danger="remove"))
    async with app.run_test() as pilot:
        await pilot.pause()
        keep = app.dialog.query_one("#choice-keep", Button)
        assert app.focused is keep and keep.variant == "primary"
        assert app.dialog.query_one("#choice-remove", Button).variant == "error"


async def test_two_queued_enters_answer_once() -> None:
    app = Asker(removal(suggested="keep"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.answers == ["keep"]
        assert len(app.screen_stack) == 1


async def test_escape_gives_no_answer_unless_the_caller_names_one() -> None:
    for options, expected in (({}, None), ({"escape": "keep"}, "keep")):
        app = Asker(removal(**options))
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.answers == [expected], options


async def test_letters_answer_only_when_given_and_stray_keys_do_nothing() -> None:
    app = Asker(removal(suggested="keep", keys={"y": "remove", "n": "keep"}))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("x", "q", "1", "space")
        await pilot.pause()
        assert app.answers == [] and app.screen is app.dialog
        await pilot.press("y")
        await pilot.pause()
        assert app.answers == ["remove"]

    app = Asker(removal())  # no letters given: y is a stray key
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("y", "n")
        await pilot.pause()
        assert app.answers == [] and app.screen is app.dialog


def test_a_question_over_the_alert_is_drawn_like_the_alert() -> None:
    assert removal(over_alert=True).has_class("-over-alert")
    assert not removal().has_class("-over-alert")


async def test_words_are_shown_as_typed_not_read_as_markup() -> None:
    """An exercise may be called anything, "[/]" included (it used to be safe in the old
    remove dialog, which showed its title as plain text)."""
    app = Asker(ChoiceDialog("Remove “[b]Squats[/]”?", "[/] stays.", ANSWERS))
    async with app.run_test() as pilot:
        await pilot.pause()
        title = app.dialog.query_one(".dialog-title", Static)
        assert str(title.render()) == "Remove “[b]Squats[/]”?"
        message = app.dialog.query_one(".dialog-message", Static)
        assert str(message.render()) == "[/] stays."


async def test_the_arrows_move_between_the_answers() -> None:
    """Found by a reviewer: Right then Enter on a quit question still answered "Stay"."""
    app = Asker(removal())
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("right")
        assert app.focused is app.dialog.query_one("#choice-keep", Button)
        await pilot.press("left")
        assert app.focused is app.dialog.query_one("#choice-remove", Button)
        await pilot.press("right", "enter")
        await pilot.pause()
    assert app.answers == ["keep"]


async def test_an_answer_before_the_dialog_has_mounted_closes_it_after() -> None:
    """A key typed as a dialog opens can answer it before its Mount handler has run."""
    app = Asker(removal())
    async with app.run_test() as pilot:
        await pilot.pause()
        app.dialog.query_one("#choice-keep", Button).press()
        await pilot.pause()
        early = removal(escape="keep")
        app.push_screen(early, app.answers.append)
        assert not early.is_mounted
        early.action_cancel()  # Escape, handled before the dialog mounted
        await pilot.pause()
        await pilot.pause()
        assert app.answers == ["keep", "keep"]
        assert app.screen is not early


async def test_an_answer_given_under_another_dialog_closes_its_own_once_in_front() -> None:
    """Textual's dismiss pops whatever is on top: an answer that arrives once a second
    dialog is over the first (a click, with ctrl+q's question straight behind it) closed the
    second, half built, and left the first open for good. It now waits for its own turn."""
    app = Asker(removal())
    async with app.run_test() as pilot:
        await pilot.pause()
        over = removal(suggested="keep")
        app.push_screen(over, app.answers.append)
        app.dialog.query_one("#choice-remove", Button).press()  # arrives as `over` is built
        await until(pilot, lambda: over.is_mounted, "the dialog over it")
        await pilot.pause()
        assert app.screen is over and app.focused is over.query_one("#choice-keep")
        assert app.answers == []
        await pilot.press("enter")
        await until(pilot, lambda: len(app.screen_stack) == 1, "both closed")
    assert app.answers == ["keep", "remove"]
