"""Guards on the Textual and Rich internals ``sciatica_tui.inert_display`` widens: their
control-code tables, which every ``Content`` and ``Text`` passes its text through."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Input, Label, OptionList, Static, TextArea

from sciatica_tui.inert_display import show_control_characters_inert

HOSTILE = "a\x1b[2J\x1b]52;c;SGk=\x07\x9b2J\u202eb"
SHOWN = "a␛[2J␛]52;c;SGk=␇�2J�b"
UPGRADE = (
    "Textual or Rich no longer filters text through its _CONTROL_STRIP_TRANSLATE table: "
    "find where the new version turns text into Content and Text, and make "
    "sciatica_tui/inert_display.py widen that instead."
)


def test_content_and_text_show_control_characters_as_stand_ins() -> None:
    show_control_characters_inert()
    assert Content(HOSTILE).plain == SHOWN, UPGRADE
    assert Content.from_markup(HOSTILE).plain == SHOWN, UPGRADE
    assert Text(HOSTILE).plain == SHOWN, UPGRADE
    text = Text()
    text.append(HOSTILE)
    assert text.plain == SHOWN, UPGRADE
    # CR keeps the libraries' own treatment; tab and newline are layout.
    assert Content("row\r\nnext\tcell").plain == "row\nnext\tcell"
    # One character for one: styled spans keep their places.
    assert Content.from_markup("[b]x\x1by[/b]").spans[0].end == 3


class Widgets(App[None]):
    def compose(self) -> ComposeResult:
        yield Label(HOSTILE)
        yield Static(HOSTILE)
        yield Input(HOSTILE)
        yield TextArea(HOSTILE)
        yield OptionList(HOSTILE)
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(HOSTILE)
        table.add_row(HOSTILE)


async def test_every_kind_of_widget_draws_the_stand_ins_and_no_escape() -> None:
    show_control_characters_inert()
    app = Widgets()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        screen = app.export_screenshot()
    assert "\x1b" not in screen and "\x9b" not in screen and "\u202e" not in screen, UPGRADE
    assert screen.count("␛]52;c;SGk=␇") >= 5, UPGRADE
