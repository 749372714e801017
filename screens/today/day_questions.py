"""What Today asks before a change would drop what the form holds.

The dialog's module is read when a question is first asked, not on the first screen's path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog


def leave_unsaved_question(open_day: str, other_day: str) -> ChoiceDialog:
    """Asked before another day opens while the open one has changes not saved.

    Saving is the suggested answer; Escape stays. Leaving without saving is said plainly,
    so nothing typed is ever dropped without the person choosing it.
    """
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    return ChoiceDialog(
        "This day is not saved",
        f"{open_day} has changes that are not saved.",
        [
            ("save", f"Save, then open {other_day}"),
            ("stay", "Stay"),
            ("leave", "Don't save"),
        ],
        suggested="save",
        escape="stay",
        danger="leave",
    )


def overwrite_question(open_day: str, earlier_day: str, *, saved: bool) -> ChoiceDialog:
    """Asked before "same as yesterday" replaces what the form holds (a saved day, or
    changes typed). Keeping the day is the suggested answer, and Escape's."""
    from sciatica_tui.screens.dialogs.choice import ChoiceDialog

    holds = "is already saved" if saved else "has changes typed in"
    return ChoiceDialog(
        "Replace this day?",
        f"{open_day} {holds}. Fill the form from {earlier_day} instead? "
        "Nothing is saved until ctrl+s.",
        [("keep", "Keep it as it is"), ("fill", f"Fill in from {earlier_day}")],
        suggested="keep",
        escape="keep",
    )
