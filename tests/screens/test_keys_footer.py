"""The keys line at the bottom: what it shows, how it fits, and that a click presses a key."""

from __future__ import annotations

from textual.binding import Binding

from sciatica_tui.screens.widgets.keys_footer import (
    FooterItem,
    FooterKey,
    KeysFooter,
    footer_items,
    footer_markup,
)
from tests.support.app import build_app, welcomed

TABS = Binding.Group("Tabs")


def show(binding: Binding) -> str:
    return binding.key.replace("ctrl+", "^")


def plain(markup: str) -> str:
    from textual.content import Content

    return Content.from_markup(markup).plain


BINDINGS = [
    (Binding("ctrl+s", "save", "Save"), True),
    *((Binding(f"f{n}", f"tab({n})", f"Tab {n}", group=TABS), True) for n in range(1, 7)),
    (Binding("question_mark", "help", "Help"), False),
]


def test_a_group_of_keys_shares_one_description() -> None:
    items = footer_items(BINDINGS, show)
    assert [item.description for item in items] == ["Save", "Tabs", "Help"]
    assert [key.display for key in items[1].keys] == ["f1", "f2", "f3", "f4", "f5", "f6"]
    assert items[2].keys[0].enabled is False


def test_a_group_stays_one_item_when_its_keys_come_apart() -> None:
    """A TextArea in focus binds f6 too, which moved the app's f6 ahead of the others: the
    group stays one item, in its usual place after the tab's own keys."""
    apart = [BINDINGS[6], BINDINGS[0], *BINDINGS[1:6], BINDINGS[7]]
    items = footer_items(apart, show)
    assert [item.description for item in items] == ["Save", "Tabs", "Help"]
    assert [key.display for key in items[1].keys] == ["f1", "f2", "f3", "f4", "f5", "f6"]


def test_a_key_bound_twice_to_one_action_is_shown_once() -> None:
    twice = [(Binding("ctrl+s", "save", "Save"), True), (Binding("f10", "save", "Save"), True)]
    assert footer_items(twice, show) == (FooterItem((FooterKey("ctrl+s", "^s"),), "Save"),)


def test_the_line_shortens_step_by_step_as_the_terminal_narrows() -> None:
    items = footer_items(BINDINGS, show)
    palette = FooterItem((FooterKey("ctrl+p", "^p"),), "palette")
    wide = plain(footer_markup(items, 100, palette))
    assert wide.startswith(" ^s Save  f1 f2 f3 f4 f5 f6 Tabs  question_mark Help")
    assert wide.endswith("^p palette ") and len(wide) == 100
    # Groups become a range before the key on the right is dropped ...
    narrower = plain(footer_markup(items, 55, palette))
    assert "f1–f6 Tabs" in narrower and narrower.endswith("^p palette ")
    assert len(narrower) == 55
    # ... and then the right-hand key goes.
    narrowest = plain(footer_markup(items, 45, palette))
    assert "palette" not in narrowest and "f1–f6 Tabs" in narrowest
    # Last, the group (the tab keys are written on the tabs too); past that, the edge cuts.
    assert plain(footer_markup(items, 30, palette)) == " ^s Save  question_mark Help"
    assert plain(footer_markup(items, 10, palette)) == " ^s Save  question_mark Help"


async def test_the_footer_follows_the_tab_in_view_and_a_click_presses_a_key() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        line = str(footer.render())
        assert "^s Save" in line and "^p palette" in line
        await pilot.click(KeysFooter, offset=(line.index("f2"), 0))
        await pilot.pause()
        assert app.query_one("#tabs").active == "red_flags"
        line = str(footer.render())
        assert "^s Save" not in line and "y Yes" in line


async def test_the_footer_is_drawn_with_the_first_frame() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(80, 24)):
        # No pause: the keys are already there when the app is first shown.
        assert "^r Red-flag check" in str(app.query_one(KeysFooter).render())


async def test_a_dialog_in_front_shows_its_own_keys_not_those_it_puts_out_of_reach() -> None:
    """Found by reviewers: under a dialog the footer still offered "space Tick" (Rehab) or
    "^s Save" (Today), which do nothing until the dialog is answered."""
    from sciatica_tui.screens.rehab.own_exercises import ExerciseDialog

    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        assert "space Tick" in str(footer.render())
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseDialog)
        line = str(footer.render())
        assert "esc Cancel" in line and "Tick" not in line
        await pilot.press("escape")
        await pilot.pause()
        assert "space Tick" in str(footer.render())
