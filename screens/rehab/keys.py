"""The keys of the Rehab tab, each with the words the footer, the help and the palette show."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from sciatica_tui.screens.dialogs.learn_more import learn_more_binding

REHAB_KEYS: list[BindingType] = [
    Binding(
        "space",
        "tick",
        "Tick",
        id="rehab.tick",
        tooltip="Tick or untick the item under the cursor (or click it).",
    ),
    Binding(
        "a",
        "add_exercise",
        "Add exercise",
        show=False,
        id="rehab.add",
        tooltip="Add an exercise your therapist gave you, to this phase or to every phase.",
    ),
    Binding(
        "e",
        "rename_exercise",
        "Edit",
        show=False,
        id="rehab.rename",
        tooltip="Change the name, how-to or phase of an exercise you added.",
    ),
    Binding(
        "d",
        "remove_exercise",
        "Remove",
        show=False,
        id="rehab.remove",
        tooltip="Remove the exercise under the cursor (only ones you added).",
    ),
    Binding(
        "h",
        "hide_or_show",
        "Hide / show",
        show=False,
        id="rehab.hide",
        tooltip="Take the exercise under the cursor out of your plan, or put it back; "
        "on the Hidden line, list the hidden ones or fold them away.",
    ),
    Binding(
        "s",
        "set_dose",
        "Dose",
        id="rehab.dose",
        tooltip="Set the dose of the exercise under the cursor: sets and reps, or a hold, "
        "and times a day (each time is a tick).",
    ),
    Binding(
        "c",
        "cautions",
        "Cautions",
        show=False,
        id="rehab.cautions",
        tooltip="Read every caution: when to stop, the rule after surgery, each exercise's.",
    ),
    Binding(
        "p",
        "choose_phase",
        "Choose phase",
        show=False,
        id="rehab.phase",
        tooltip="Choose the phase your therapist set, or follow the suggestion.",
    ),
    learn_more_binding("rehab", "Why steady practice helps, how to build up, and bed rest."),
    Binding(
        "left,left_square_bracket",
        "move_day(-1)",
        "Day before",
        show=False,
        id="rehab.day_before",
        tooltip="Show the day before, to tick what you did then ([ or ←).",
    ),
    Binding(
        "right,right_square_bracket",
        "move_day(1)",
        "Day after",
        show=False,
        id="rehab.day_after",
        tooltip="Show the next day, up to today (] or →).",
    ),
    Binding(
        "t",
        "go_today",
        "Back to today",
        show=False,
        id="rehab.today",
        tooltip="Show today's checklist.",
    ),
    Binding(
        "g",
        "type_date",
        "Go to a date",
        show=False,
        id="rehab.go_to_date",
        tooltip="Type a past date to see or change its ticks.",
        # Handled as it arrives, so a date typed straight after it lands in the box;
        # while a text box has the cursor it is only a letter (see ``check_action``).
        priority=True,
    ),
]
