"""The keys of the Today tab, each with the words the footer, the help and the palette show."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from sciatica_tui.screens.dialogs.learn_more import learn_more_binding
from sciatica_tui.screens.today.check_in_offer import CHECK_IN_KEY
from sciatica_tui.screens.today.flare_list import FLARE_AND_TAG_KEYS

FLARE_UP_KEY = "ctrl+f"

TODAY_KEYS: list[BindingType] = [
    Binding(
        "ctrl+s",
        "save",
        "Save",
        id="today.save",
        tooltip="Save the day shown (works while typing).",
        # Not a priority binding: ctrl+s then queues behind the keys typed before it,
        # so a digit pressed just before it is always in what is saved.
    ),
    Binding(
        "ctrl+y",
        "same_as_yesterday",
        "Same as yesterday",
        id="today.same_as_yesterday",
        tooltip="Fill the form from the last logged day (not saved until ctrl+s).",
        priority=True,
    ),
    Binding(
        FLARE_UP_KEY,
        "flare_up",
        "Flare-up",
        id="today.flare_up",
        tooltip="Log a flare-up now: a digit for the pain, then Enter (works while typing).",
        # Not a priority binding (no field binds it, so it works while typing): like
        # ctrl+s it then waits behind the keys typed before it, which stay in their field
        # (as a priority binding, "6 ctrl+f" in a burst rated the flare-up 6, in tmux).
        # Not in the footer: at 80 columns it would push the red-flag check off the line;
        # the button under Save shows it instead.
        show=False,
    ),
    Binding(
        "ctrl+t",
        "day_tags",
        "Day's tags",
        id="today.day_tags",
        tooltip="Put the cursor on the day's tags: what set it off, what helped.",
        show=False,  # not a priority binding either, for the same reason as ctrl+f
    ),
    Binding(
        "ctrl+g",
        "go_to_day",
        "Go to a day",
        id="today.go_to_day",
        tooltip="Type a date to open: yesterday, 2026-11-03, Nov 3 …",
        priority=True,
        show=False,
    ),
    Binding(
        "ctrl+o",
        "app.edit_dates",
        "Onset date",
        id="today.edit_dates",
        tooltip="Set or change the onset and surgery dates.",
        priority=True,
        show=False,
    ),
    Binding(
        CHECK_IN_KEY,
        "check_in",
        "Weekly check-in",
        id="today.check_in",
        tooltip="Score the things your sciatica makes hard (or skip it this week).",
        show=False,
    ),
    Binding(
        "ctrl+n",
        "add_medicine",
        "Add a medicine",
        id="today.add_medicine",
        tooltip="Add a medicine to your list (name, dose, kind) to log its doses each day.",
        priority=True,
        show=False,
    ),
    learn_more_binding("today", "Signs of getting better, and when to get checked."),
    # alt+arrows: not editing keys in any field (ctrl+arrows move by word), so they work
    # while typing; tmux and the common terminals pass them on (issue 15 §5). Not in the
    # footer: with them it no longer fits at 120 columns, and the day line names them.
    Binding(
        "alt+left",
        "earlier_day",
        "Day before",
        id="today.earlier_day",
        tooltip="Open the day before the one shown (works while typing).",
        priority=True,
        show=False,  # named in the day line under the strip, at every size (day_bar.py)
    ),
    Binding(
        "alt+right",
        "later_day",
        "Day after",
        id="today.later_day",
        tooltip="Open the day after the one shown, up to today (works while typing).",
        priority=True,
        show=False,  # named in the day line under the strip, at every size (day_bar.py)
    ),
    Binding(
        "alt+down",
        "recent_days",
        "Last 14 days",
        id="today.recent_days",
        tooltip="Pick one of the last 14 days from a list (works while typing).",
        priority=True,
        show=False,  # named in the day line under the strip, at every size (day_bar.py)
    ),
]

# Keys handled without a binding, for the help screen.
TODAY_HELP_KEYS: tuple[tuple[str, str], ...] = (
    ("ENTER", "Open the day under the cursor in the last 14 days, or the date typed"),
    ("↑ ↓ 0-9", "In Medicines: pick a medicine, then type how many doses were taken"),
    *FLARE_AND_TAG_KEYS,
)
