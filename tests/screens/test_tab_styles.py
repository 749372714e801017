"""Guard: a tab's stylesheet, read when the tab is first opened, styles it.

DiaryTabs reads each tab's .tcss on first use with ``Stylesheet.add_source`` (screens/tabs.py),
because ``Stylesheet.read`` keeps its rule map from before and the new rules would not match.
That leans on how the installed Textual rebuilds its stylesheet; if an upgrade changes it, this
test says so plainly instead of every tab quietly losing its layout.
"""

from __future__ import annotations

from importlib.metadata import version

from textual.widgets import Button

from tests.support.app import build_app, until, welcomed


async def test_a_tab_opened_later_is_styled_by_its_own_stylesheet() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: bool(app.query("#day-bar Button")), "the Rehab tab")
        button = app.query("#day-bar Button").first(Button)
        width = button.styles.width
        assert width is not None and width.value == 5, (
            f"screens/rehab/rehab.tcss sets the day buttons 5 wide, but they are {width}: "
            f"Textual {version('textual')} no longer applies a stylesheet added with "
            "Stylesheet.add_source after start-up (see DiaryTabs._read_styles in screens/tabs.py)"
        )
