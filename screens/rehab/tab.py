"""The Rehab tab: the chosen phase's checklist for a day, the person's own exercises,
adherence, and the cautions that always apply."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import RehabPhase
from sciatica_tui.domain.dates import parse_user_date
from sciatica_tui.domain.records import CustomExercise, RehabDay
from sciatica_tui.domain.rehab import (
    ChecklistEntry,
    DayAdherence,
    WeeklyAdherence,
    checklist,
    chosen_phase,
    done_count,
    new_custom_id,
    recent_weeks,
    spark,
    sparkline,
    toggled,
)
from sciatica_tui.domain.timeline import TimelinePosition, completed_weeks, phase_start, position
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import SHORT_TEXT_MAX, validate_custom_exercise
from sciatica_tui.domain.weekly import monday_of
from sciatica_tui.domain.words import days_back, long_day, plural, short_day
from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce
from sciatica_tui.screens.dialogs.learn_more import goal_line, learn_more_binding
from sciatica_tui.screens.host import SavesUnderWay, diary, today
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.screens.widgets.steady_option_list import SteadyOptionList
from sciatica_tui.store.changes import (
    RemoveCustomExercise,
    SaveCustomExercise,
    SaveRehabDay,
    UpdateSettings,
)
from sciatica_tui.store.diary_store import DiaryStore

GOAL_OPTION = "goal"
ADD_OPTION = "+add"  # never an item id: "+" is not allowed in one
FOLLOW_OPTION = "follow"
POINTER = "▶"
# From this many rows the tab has room for the four-week grid and a caution per line.
ROOMY_HEIGHT = 30
FIELD_NAMES = {"title": "The name", "how": "How to do it"}
DATE_HINT = "type a date (g)"


def hanging(mark: str, body: Text, *, width: int = 4) -> RenderableType:
    """``mark`` in a narrow column with ``body`` beside it, wrapped lines kept indented."""
    grid = Table.grid(padding=(0, 1))
    # A style of its own keeps the indent a separate run of cells (SVG exports draw it right).
    grid.add_column(no_wrap=True, width=width, style="bold not italic")
    grid.add_column(ratio=1)
    grid.add_row(mark, body)
    return grid


def entry_prompt(entry: ChecklistEntry, *, ticked: bool, pointed: bool) -> RenderableType:
    """One checklist line: pointer, tick box, title, the how-to and any caution."""
    text = Text()
    text.append(entry.title, style="bold")
    if entry.custom:
        text.append("  · your own exercise", style="italic")
    if entry.how:
        text.append(f"\n{entry.how}")
    if entry.caution:
        text.append(f"\n⚠ {entry.caution}", style="italic")
    return hanging(f"{POINTER if pointed else ' '}[{'✓' if ticked else ' '}]", text)


def add_prompt(*, pointed: bool) -> RenderableType:
    """The last line of the checklist, which adds an exercise."""
    body = Text("Add an exercise your therapist gave you (a)", style="italic")
    return hanging(f"{POINTER if pointed else ' '} +", body)


def phase_status(where: TimelinePosition, override: int | None) -> str:
    """Why this phase is shown: the suggestion, or the person's own choice (short)."""
    suggested = where.phase
    if suggested is None:
        return "no suggestion yet: set your onset date (ctrl+p)"
    if override is None:
        return "★ suggested"
    if override == suggested:
        return "your choice, also ★ suggested"
    return f"your choice (suggested: {suggested})"


def weeks_counted(where: TimelinePosition, weeks: int) -> str:
    """What the suggestion is based on: "8 weeks since onset"."""
    return f"{plural(weeks, 'week')} since {where.phase_counted_from}"


def adherence_lines(
    weeks: Sequence[tuple[WeeklyAdherence, tuple[DayAdherence, ...]]],
    done_today: int,
    size: int,
    *,
    roomy: bool,
) -> RenderableType:
    """Today, this week and the last four weeks, in words, numbers and bars."""
    this_week = weeks[-1][0]
    text = Text()
    text.append("Today: ", style="bold")
    text.append(f"{done_today} of {size} done · ")
    text.append("This week: ", style="bold")
    text.append(f"{this_week.active_days} of {this_week.days_counted} days so far with ticks")
    all_days = [day for _, days in weeks for day in days]
    average = round(100 * sum(d.share for d in all_days) / len(all_days))
    if not roomy:
        bars = " ".join(sparkline(days) for _, days in weeks)
        text.append("\nLast 4 weeks: ", style="bold")
        text.append(f"{bars} share done per day, avg {average}%")
        return text
    text.append("\n\nLast 4 weeks", style="bold")
    text.append(f": share of the list done each day (· nothing done). Average {average}%.")
    grid = Table(box=None, padding=(0, 2, 0, 0), show_edge=False, header_style="italic")
    grid.add_column("Week of", no_wrap=True)
    for name in WEEKDAYS:
        grid.add_column(name, justify="right", no_wrap=True)
    grid.add_column("Days with ticks", justify="right", no_wrap=True)
    for week, days in weeks:
        cells = [f"{spark(d.share, d.done)} {round(100 * d.share):>3}%" for d in days]
        cells += [""] * (7 - len(days))
        monday = week.week_start
        grid.add_row(short_day(monday), *cells, f"{week.active_days} of {len(days)}")
    return Group(text, grid)


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def cautions_text(cautions: Iterable[str], after_surgery: str | None, *, roomy: bool) -> Text:
    """The cautions that apply to every phase (and the surgery rule when it applies)."""
    lines = list(cautions) + ([after_surgery] if after_surgery else [])
    text = Text()
    text.append("⚠ Always: ", style="bold")
    if roomy:
        for line in lines:
            text.append(f"\n• {line}")
    else:
        text.append(" • ".join(lines))
    return text


class Checklist(SteadyOptionList):
    """The checklist of one phase for one day; each line says ticked or not with a ✓."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """Empty until ``show`` fills it."""
        super().__init__(id=id, compact=True)
        self.entries: tuple[ChecklistEntry, ...] = ()
        self.done: tuple[str, ...] = ()
        self._pointed: int | None = None

    def show(self, goal: Text, entries: tuple[ChecklistEntry, ...], done: Sequence[str]) -> None:
        """Show the ``goal`` line and ``entries`` (``done`` ticked), keeping the cursor put."""
        keep = self.highlighted_id
        self.entries, self.done = entries, tuple(done)
        options = [Option(goal, id=GOAL_OPTION, disabled=True)]
        options += [Option(self._prompt(i, False), id=e.id) for i, e in enumerate(entries)]
        options.append(Option(add_prompt(pointed=False), id=ADD_OPTION))
        self.set_options(options)
        ids = [o.id for o in self.options]
        self._pointed = None
        self.highlighted = ids.index(keep) if keep in ids else 1
        self._point_at(self.highlighted)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the line under the cursor."""
        option = self.highlighted_option
        return option.id if option is not None else None

    @property
    def highlighted_entry(self) -> ChecklistEntry | None:
        """The checklist item under the cursor (None on the goal or the add line)."""
        return next((e for e in self.entries if e.id == self.highlighted_id), None)

    def _prompt(self, index: int, pointed: bool) -> RenderableType:
        entry = self.entries[index]
        return entry_prompt(entry, ticked=entry.id in self.done, pointed=pointed)

    def _point_at(self, highlighted: int | None) -> None:
        # The cursor is marked with a pointer too, not only the highlight colour.
        for index, pointed in ((self._pointed, False), (highlighted, True)):
            if index is None or not 0 < index < self.option_count:
                continue
            prompt = (
                add_prompt(pointed=pointed)
                if index == self.option_count - 1
                else self._prompt(index - 1, pointed)
            )
            self.replace_option_prompt_at_index(index, prompt)
        self._pointed = highlighted

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Move the pointer with the cursor."""
        super().watch_highlighted(highlighted)
        self._point_at(highlighted)


@dataclass(frozen=True)
class PhaseChoice:
    """The phase picked in the dialog; ``phase`` None means "follow the suggestion"."""

    phase: int | None


class PhaseDialog(DismissOnce[PhaseChoice | None]):
    """The three phases with their weeks and goals; pick one or follow the suggestion."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", tooltip="Close without changing the phase."),
    ]

    def __init__(self, phases: Sequence[RehabPhase], suggested: int | None, override: int | None):
        """``override`` is the person's current choice (None: following the suggestion)."""
        super().__init__()
        self.phases = phases
        self.suggested = suggested
        self.override = override

    def compose(self) -> ComposeResult:
        """A list: follow the suggestion, then each phase."""
        with Vertical(id="phase-box", classes="rehab-dialog"):
            yield Static("Choose your rehab phase", classes="title")
            yield Static(
                "Your physical therapist decides when you are ready for the next phase.",
                classes="hint",
            )
            yield SteadyOptionList(*self._options(), id="phase-options", compact=True)
            yield Static("Enter or click: choose · Escape: cancel", classes="hint")

    def _options(self) -> list[Option]:
        def mark(chosen: bool) -> str:
            return "●" if chosen else "○"

        follow = Text()
        follow.append("Follow the suggestion", style="bold")
        follow.append(
            f" (phase {self.suggested} now)"
            if self.suggested is not None
            else " (set your onset date to get one; until then phase 1)"
        )
        options = [Option(hanging(mark(self.override is None), follow, width=1), id=FOLLOW_OPTION)]
        for phase in self.phases:
            text = Text()
            text.append(f"Phase {phase.number} · weeks {phase.weeks} · {phase.title}", "bold")
            if phase.number == self.suggested:
                text.append("  ★ suggested")
            text.append(f"\nGoal: {phase.goal}")
            option = hanging(mark(self.override == phase.number), text, width=1)
            options.append(Option(option, id=str(phase.number)))
        return options

    def on_mount(self) -> None:
        """Put the cursor on the current choice."""
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.override is None else self.override
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        picked = event.option.id
        self.dismiss(PhaseChoice(None if picked == FOLLOW_OPTION else int(picked or 1)))


class ExerciseDialog(DismissOnce[CustomExercise | None]):
    """Add or rename one of the person's own exercises."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", tooltip="Close without saving."),
    ]

    def __init__(self, exercise: CustomExercise, *, adding: bool) -> None:
        """``exercise`` holds the id and phase (and, when renaming, the current words)."""
        super().__init__()
        self.exercise = exercise
        self.adding = adding

    def compose(self) -> ComposeResult:
        """Name, how to do it, and Save / Cancel."""
        title = (
            f"Add your own exercise to phase {self.exercise.phase}"
            if self.adding
            else "Rename your exercise"
        )
        with VerticalScroll(id="exercise-box", classes="rehab-dialog"):
            yield Static(title, classes="title")
            yield Label("Name (what your therapist calls it)")
            yield Input(
                self.exercise.title,
                placeholder="e.g. Wall squats",
                max_length=SHORT_TEXT_MAX,
                compact=True,
                id="exercise-title",
            )
            yield Label("How to do it, in one line (optional)")
            yield Input(
                self.exercise.how,
                placeholder="e.g. 10 slow squats against the wall, twice a day",
                compact=True,
                id="exercise-how",
            )
            yield Static("", id="exercise-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", compact=True, id="exercise-save")
                yield Button("Cancel", compact=True, id="exercise-cancel")

    def on_mount(self) -> None:
        """Put the cursor on the name."""
        self.query_one("#exercise-title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#exercise-save")
    def save(self) -> None:
        """Check the words; close with the exercise, or say what is wrong and keep them."""
        raw = {
            "id": self.exercise.id,
            "phase": self.exercise.phase,
            "title": self.query_one("#exercise-title", Input).value,
            "how": self.query_one("#exercise-how", Input).value.strip(),
        }
        error = self.query_one("#exercise-error", Static)
        try:
            exercise = validate_custom_exercise(raw)
        except ValidationError as bad:
            error.update(
                "\n".join(
                    f"⚠ {FIELD_NAMES.get(p.field, p.field)} {p.message}. {p.hint}"
                    for p in bad.problems
                )
            )
            error.display = True
            return
        self.dismiss(exercise)

    @on(Input.Changed)
    def _typing_again(self) -> None:
        """A problem shown is about what was there: it goes once the person types again."""
        self.query_one("#exercise-error", Static).display = False

    @on(Button.Pressed, "#exercise-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class Undo:
    """What to put back if a save fails, and the title of the note that says so."""

    title: str
    exercise_id: str = ""
    exercise: CustomExercise | None = None  # the exercise as it was (None: there was none)
    phase: int | None = None  # the phase chosen before


class RehabTab(Vertical, DiaryTab):
    """The checklist of the chosen phase for one day, with adherence and the cautions."""

    TOPIC_ID = "rehab"

    BINDINGS: ClassVar[list[BindingType]] = [
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
            tooltip="Add an exercise your therapist gave you to this phase.",
        ),
        Binding(
            "e",
            "rename_exercise",
            "Rename",
            show=False,
            id="rehab.rename",
            tooltip="Rename the exercise under the cursor (only ones you added).",
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

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """Empty until mounted, when it reads the diary."""
        super().__init__(id=id)
        self.plan = content.rehab()
        self.day = date.min
        self.override: int | None = None
        self.customs: dict[str, CustomExercise] = {}
        # Days ticked in this session: the truth while their saves are still on the way.
        self.ticked_here: dict[date, tuple[str, ...]] = {}
        self.entries: tuple[ChecklistEntry, ...] = ()
        self.roomy = False
        self._saves: SavesUnderWay[Undo] = SavesUnderWay()

    def compose(self) -> ComposeResult:
        """Phase line, day bar, checklist, adherence, cautions."""
        yield Static(id="phase-line")
        with Horizontal(id="day-bar"):
            yield Button("◀ [", compact=True, id="day-before", tooltip="Day before ([ or ←)")
            yield Static(id="day-label")
            yield Button("] ▶", compact=True, id="day-after", tooltip="Day after (] or →)")
            yield Input(placeholder=DATE_HINT, compact=True, id="day-input")
        yield Static("", id="day-error", classes="field-error")
        yield Checklist(id="checklist")
        yield Static(id="adherence")
        yield Static(id="cautions")

    def on_mount(self) -> None:
        """Read the diary and show today."""
        store = diary(self)
        self.day = today(self)
        self.override = store.profile().settings.rehab_phase
        self.customs = {e.id: e for e in store.custom_exercises()}
        self.show()

    # --- hooks the app calls ---------------------------------------------------------------

    def focus_first(self) -> None:
        """Put the cursor in the checklist."""
        focus_now(self.query_one(Checklist))

    def refresh_from_diary(self) -> None:
        """Show fresh dates (they may have been changed elsewhere) and today's figures."""
        self.day = min(self.day, today(self))
        self.show()

    # --- drawing ---------------------------------------------------------------------------

    @property
    def store(self) -> DiaryStore:
        """The open diary."""
        return diary(self)

    def ticks(self, day: date) -> tuple[str, ...]:
        """The ids ticked on ``day``, as this tab last saved or read them."""
        if day in self.ticked_here:
            return self.ticked_here[day]
        return self.store.rehab_day(day).done

    def rehab_days(self, first: date, last: date) -> list[RehabDay]:
        """Saved days from ``first`` to ``last`` with this session's ticks laid over them."""
        days = {d.date: d for d in self.store.rehab_days(first, last)}
        days.update(
            {day: RehabDay(day, done) for day, done in self.ticked_here.items() if first <= day}
        )
        return [days[day] for day in sorted(days) if day <= last]

    def show(self) -> None:
        """Draw everything from the current state."""
        profile = self.store.profile()
        now = today(self)
        where = position(profile.onset_date, profile.surgery_date, now)
        start, _ = phase_start(profile.onset_date, profile.surgery_date)
        phase = self.plan.phases[chosen_phase(self.override, where.phase) - 1]
        after_surgery = profile.surgery_date is not None
        self.entries = checklist(phase.number, self.customs.values(), after_surgery=after_surgery)

        line = Text()
        # "of 3" only where there is room: on 80 columns the line must fit on one row.
        of_three = " of 3" if self.roomy else ""
        line.append(f"Phase {phase.number}{of_three} · weeks {phase.weeks} · {phase.title}", "bold")
        start_weeks = completed_weeks(start, now) if start is not None else None
        line.append(f" · {phase_status(where, self.override)}")
        if self.roomy and start_weeks is not None:
            line.append(f" ({weeks_counted(where, start_weeks)})")
        line.append(" · p: change")
        self.query_one("#phase-line", Static).update(line)

        done = self.ticks(self.day)
        count = done_count(done, self.entries)
        day_text = Text()
        day_text.append(f"{long_day(self.day)} · {days_back(self.day, now)}", style="bold")
        day_text.append(f" · {count} of {len(self.entries)} ticked")
        self.query_one("#day-label", Static).update(day_text)
        self.query_one("#day-after", Button).disabled = self.day >= now
        self.query_one(Checklist).show(goal_line(phase), self.entries, done)

        first = monday_of(now) - timedelta(weeks=3)
        on_list = [entry.id for entry in self.entries]
        weeks = recent_weeks(self.rehab_days(first, now), on_list, now)
        done_today = done_count(self.ticks(now), self.entries)
        self.query_one("#adherence", Static).update(
            adherence_lines(weeks, done_today, len(self.entries), roomy=self.roomy)
        )
        surgery_rule = self.plan.after_surgery if after_surgery else None
        self.query_one("#cautions", Static).update(
            cautions_text(self.plan.general_cautions, surgery_rule, roomy=self.roomy)
        )

    def on_resize(self, event: Resize) -> None:
        """Use the room a tall terminal gives for the four-week grid."""
        roomy = event.size.height >= ROOMY_HEIGHT
        if roomy != self.roomy:
            self.roomy = roomy
            self.set_class(roomy, "-roomy")
            self.show()

    # --- ticking ---------------------------------------------------------------------------

    def action_tick(self) -> None:
        """Tick or untick the item under the cursor (on the add line: add an exercise)."""
        checklist_widget = self.query_one(Checklist)
        if checklist_widget.highlighted_id == ADD_OPTION:
            self.action_add_exercise()
            return
        entry = checklist_widget.highlighted_entry
        if entry is None:
            return
        self.tick(entry.id)

    @on(OptionList.OptionSelected, "#checklist")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

    def tick(self, item_id: str) -> None:
        """Flip ``item_id`` on the day shown, and save the day."""
        day = self.day
        done = toggled(self.ticks(day), item_id)
        self.ticked_here[day] = done
        self.show()
        # If it fails, show what is really on disk.
        self._saves.start(self, SaveRehabDay(RehabDay(day, done)), Undo("Tick not saved"))

    # --- days ------------------------------------------------------------------------------

    def action_move_day(self, step: int) -> None:
        """Show the day before or after; never a day in the future."""
        target = self.day + timedelta(days=step)
        if target > today(self):
            self.notify("Today is the latest day you can tick.", timeout=3)
            return
        self.go_to(target)

    def action_go_today(self) -> None:
        """Show today."""
        self.go_to(today(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """g moves to the date box, except while typing in it ("aug 3" has a g)."""
        if action == "type_date":
            return not isinstance(self.screen.focused, Input)
        return True

    def action_type_date(self) -> None:
        """Put the cursor in the date box (at once: the date is typed straight after)."""
        focus_now(self.query_one("#day-input", Input))

    def go_to(self, day: date) -> None:
        """Show ``day``'s ticks."""
        self.day = day
        self._say_date_problem("")
        self.show()

    @on(Button.Pressed, "#day-before")
    def _day_before(self) -> None:
        self.action_move_day(-1)

    @on(Button.Pressed, "#day-after")
    def _day_after(self) -> None:
        self.action_move_day(1)

    @on(Input.Submitted, "#day-input")
    def _typed_date(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            day = parse_user_date(event.value, today=today(self))
        except ValueError as bad:
            self._say_date_problem(f"⚠ {bad}")
            return
        event.input.value = ""
        self.go_to(day)
        self.focus_first()

    def _say_date_problem(self, problem: str) -> None:
        error = self.query_one("#day-error", Static)
        error.update(problem)
        error.display = bool(problem)

    # --- the person's own exercises ----------------------------------------------------------

    def _own_entry(self, verb: str) -> CustomExercise | None:
        entry = self.query_one(Checklist).highlighted_entry
        if entry is None:
            self.notify(f"Put the cursor on an exercise you added to {verb} it.", timeout=4)
            return None
        if not entry.custom:
            self.notify(
                f"“{entry.title}” is part of the plan. Only exercises you added can be {verb}d.",
                timeout=5,
            )
            return None
        return self.customs[entry.id]

    def action_add_exercise(self) -> None:
        """Ask for a new exercise for the phase shown."""
        taken = [*self.customs, *(i for d in self.rehab_days(date.min, date.max) for i in d.done)]
        phase = self._phase_shown()
        blank = CustomExercise(id=new_custom_id(taken), phase=phase, title="")
        self.app.push_screen(ExerciseDialog(blank, adding=True), self._save_exercise)

    def action_rename_exercise(self) -> None:
        """Rename the exercise under the cursor, if the person added it."""
        exercise = self._own_entry("rename")
        if exercise is not None:
            self.app.push_screen(ExerciseDialog(exercise, adding=False), self._save_exercise)

    def action_remove_exercise(self) -> None:
        """Remove the exercise under the cursor, after asking, if the person added it."""
        exercise = self._own_entry("remove")
        if exercise is None:
            return

        from sciatica_tui.screens.dialogs.choice import ChoiceDialog

        def answered(choice: str | None) -> None:
            if choice == "remove":
                self._remove_exercise(exercise)

        self.app.push_screen(
            ChoiceDialog(
                f"Remove “{exercise.title}”?",
                "Days you already ticked it stay in your history.",
                [("remove", "Remove (y)"), ("keep", "Keep it (n)")],
                suggested="keep",
                escape="keep",
                danger="remove",
                keys={"y": "remove", "n": "keep"},
            ),
            answered,
        )

    def _phase_shown(self) -> int:
        profile = self.store.profile()
        suggested = position(profile.onset_date, profile.surgery_date, today(self)).phase
        return chosen_phase(self.override, suggested)

    def _save_exercise(self, exercise: CustomExercise | None) -> None:
        if exercise is None:
            return
        before = self.customs.get(exercise.id)
        self.customs[exercise.id] = exercise
        self.show()
        self._highlight(exercise.id)
        undo = Undo("Exercise not saved", exercise_id=exercise.id, exercise=before)
        self._saves.start(self, SaveCustomExercise(exercise), undo)

    def _remove_exercise(self, exercise: CustomExercise) -> None:
        self.customs.pop(exercise.id, None)
        self.show()
        undo = Undo("Exercise not removed", exercise_id=exercise.id, exercise=exercise)
        self._saves.start(self, RemoveCustomExercise(exercise.id), undo)

    def _highlight(self, option_id: str) -> None:
        checklist_widget = self.query_one(Checklist)
        checklist_widget.highlighted = checklist_widget.get_option_index(option_id)

    # --- phase -------------------------------------------------------------------------------

    def action_choose_phase(self) -> None:
        """Open the phase chooser."""
        profile = self.store.profile()
        suggested = position(profile.onset_date, profile.surgery_date, today(self)).phase
        dialog = PhaseDialog(self.plan.phases, suggested, self.override)
        self.app.push_screen(dialog, self._phase_chosen)

    def _phase_chosen(self, choice: PhaseChoice | None) -> None:
        if choice is None or choice.phase == self.override:
            return
        before, self.override = self.override, choice.phase
        self.show()
        self.query_one(Checklist).highlighted = 1
        undo = Undo("Phase not saved", phase=before)
        self._saves.start(self, UpdateSettings.of(rehab_phase=choice.phase), undo)

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        self._saves.reported(message)

    @on(DiaryNotSaved)
    def _not_saved(self, message: DiaryNotSaved) -> None:
        """Show what is really on disk, and say why."""
        undo = self._saves.reported(message)
        if undo is None:
            return
        change = message.change
        if isinstance(change, SaveRehabDay):
            self.ticked_here.pop(change.rehab_day.date, None)
        elif isinstance(change, SaveCustomExercise | RemoveCustomExercise):
            if undo.exercise is None:
                self.customs.pop(undo.exercise_id, None)
            else:
                self.customs[undo.exercise_id] = undo.exercise
        elif isinstance(change, UpdateSettings):
            self.override = undo.phase
        self.show()
        self.notify(str(message.error), title=undo.title, severity="error", timeout=15)
