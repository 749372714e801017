"""A widget is styled once, as it mounts, with every class it was given before (mount_styles).

The guard for the Textual behaviour ``StyledAtMount`` relies on: mounting styles each new
widget. If a Textual version stops doing that, the classes set before mounting are lost
and these tests say so.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

import pytest
from textual.app import ComposeResult
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets import Button, Input, Label

from sciatica_tui.app import SciaticaApp
from sciatica_tui.mount_styles import StyledAtMount

CSS = """
.warned { color: #ff0000; }
.hidden-later { display: none; }
"""


class Styled(StyledAtMount):
    CSS: ClassVar[str] = CSS

    def compose(self) -> ComposeResult:
        yield Input(compact=True, id="compact")
        yield Button("Save", compact=True, variant="primary", id="save")
        yield Label("careful", id="warned").add_class("warned")  # a class before mounting
        yield Label("gone soon", id="later")


def styled_outside_the_dom(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the stylesheet is applied to a widget not yet in the DOM (by id)."""
    passes: Counter[str] = Counter()
    apply = Stylesheet.apply

    def counting(self: Stylesheet, node: DOMNode, **kwargs: object) -> None:
        if node.id is not None and not node.is_attached:
            passes[node.id] += 1
        apply(self, node, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", counting)
    return passes


async def test_classes_set_before_mounting_are_styled_as_the_widget_mounts() -> None:
    app = Styled()
    async with app.run_test(size=(40, 10)):
        compact = app.query_one("#compact", Input)
        assert compact.has_class("-textual-compact")
        assert compact.outer_size.height == 1  # compact: no border, one line
        assert app.query_one("#save", Button).outer_size.height == 1
        assert app.query_one("#warned", Label).styles.color == Color.parse("#ff0000")


async def test_a_class_changed_after_mounting_restyles_at_once() -> None:
    app = Styled()
    async with app.run_test(size=(40, 10)) as pilot:
        later = app.query_one("#later", Label)
        assert later.display
        later.add_class("hidden-later")
        await pilot.pause()
        assert not later.display


async def test_no_widget_is_styled_before_it_is_in_the_dom(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    passes = styled_outside_the_dom(monkeypatch)
    app = Styled()
    async with app.run_test(size=(40, 10)):
        # Textual alone styles the first three as their constructor (or compose) gives
        # them a class, with no parent yet: styling that mounting does again.
        assert app.query_one("#warned").has_class("warned")
    assert passes == Counter(), passes


def test_the_app_is_one_of_them() -> None:
    assert issubclass(SciaticaApp, StyledAtMount)
