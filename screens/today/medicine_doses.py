"""The Today form's row of medicines: how many doses of each in the person's list were taken.

One stop of the Tab key for the whole list. Up and down pick a medicine, digits set its doses
("1" then "2" within a second makes 12), left and right (or - and +) step them, Backspace
clears them back to "not logged". A medicine taken off the list keeps its doses on the days
that hold them. The keys and the focus look come from ``SteppedInput``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.message import Message

from sciatica_tui.domain.medicines import (
    DOSES_MAX,
    Medicine,
    derived_pain_med_doses,
    medicine_label,
    new_medicine_id,
)
from sciatica_tui.domain.validation.forms import DOSE_FIELD
from sciatica_tui.screens.host import diary, save
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.widgets.stepped_input import (
    CLEAR_BINDING,
    SteppedChanged,
    SteppedInput,
)
from sciatica_tui.store.changes import SaveMedicine


class MedicineDoses(SteppedInput[int | None]):
    """The doses taken today of each medicine in the list (None: not logged)."""

    DEFAULT_CSS = """
    MedicineDoses {
        height: auto;
        min-width: 20;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,plus,equals_sign", "step(1)", "One more", show=False),
        Binding("left,minus", "step(-1)", "One fewer", show=False),
        Binding("down", "pick(1)", "Next medicine", show=False),
        Binding("up", "pick(-1)", "Previous medicine", show=False),
        CLEAR_BINDING,
    ]

    class Changed(SteppedChanged[int | None]):
        """The person changed the doses of the picked medicine."""

    class ListChanged(Message):
        """A medicine was added to the list from here: the form shows the row, and the
        cursor goes to it."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """No medicines until ``show_medicines``."""
        super().__init__(id=id)
        self.medicines: list[Medicine] = []
        self.doses: dict[str, int] = {}
        self.picked = 0

    # --- what it holds -------------------------------------------------------------------

    def show_medicines(self, medicines: Sequence[Medicine]) -> None:
        """The person's list, as it is now (doses already set are kept)."""
        if list(medicines) != self.medicines:
            self.medicines = list(medicines)
            self.picked = min(self.picked, max(len(self.medicines) - 1, 0))
            self.refresh(layout=True)

    def fill(self, doses: Mapping[str, int]) -> None:
        """Show a day's doses (empty: none logged). Says nothing to listeners."""
        self.doses = dict(doses)
        self._last_digit = None
        self.refresh(layout=True)

    def texts(self) -> dict[str, str]:
        """The form's text of each medicine's doses (``dose:<id>``; empty: not logged),
        those of medicines no longer listed included, so a save never drops them."""
        out = {f"{DOSE_FIELD}{m.id}": "" for m in self.medicines}
        out.update({f"{DOSE_FIELD}{key}": str(count) for key, count in self.doses.items()})
        return out

    def pain_relief_total(self) -> int | None:
        """The pain-relief doses these make, or None when none of them is pain relief."""
        return derived_pain_med_doses(self.doses, self.medicines)

    @property
    def _current(self) -> Medicine | None:
        return self.medicines[self.picked] if self.medicines else None

    # --- what it shows -------------------------------------------------------------------

    @property
    def _unlisted(self) -> list[str]:
        """Ids this day holds doses of that are no longer in the list."""
        listed = {m.id for m in self.medicines}
        return [key for key in self.doses if key not in listed]

    def render(self) -> Text:
        """One line per medicine: "› Ibuprofen 400 mg   2 doses" (the mark on the picked
        one while in focus); then, dimmed, any medicine taken off the list that this day
        still holds doses of."""
        lines = [(m.label, self.doses.get(m.id)) for m in self.medicines]
        lines += [
            (f"{medicine_label(key, ())} (not in your list)", self.doses[key])
            for key in self._unlisted
        ]
        width = max((len(label) for label, _count in lines), default=0)
        text = Text()
        for index, (label, count) in enumerate(lines):
            if index:
                text.append("\n")
            picked = self.has_focus and index == self.picked
            said = "–" if count is None else f"{count} {'dose' if count == 1 else 'doses'}"
            style = "reverse" if picked else ("dim" if index >= len(self.medicines) else "")
            text.append("› " if picked else "  ")
            text.append(f"{label:<{width}}  {said}", style)
        return text

    def get_content_width(self, container: object, viewport: object) -> int:
        """As wide as the longest line, so a line is cut only when the form is narrower."""
        labels = [m.label for m in self.medicines]
        labels += [f"{medicine_label(key, ())} (not in your list)" for key in self._unlisted]
        return 2 + max((len(label) for label in labels), default=0) + len("  50 doses")

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """A line per medicine."""
        return max(len(self.medicines) + len(self._unlisted), 1)

    def on_click(self, event: events.Click) -> None:
        """A click on a medicine picks it."""
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= offset.y < len(self.medicines):
            self.picked = offset.y
            self._last_digit = None
            self.refresh()

    # --- changing it ---------------------------------------------------------------------

    def set_value(self, value: int | None) -> None:
        """Set the picked medicine's doses, and say so with ``Changed``."""
        medicine = self._current
        if medicine is None:
            return
        if value is None:
            self.doses.pop(medicine.id, None)
        else:
            self.doses[medicine.id] = max(0, min(DOSES_MAX, value))
        self.refresh()
        self.post_message(self.Changed(self, self.doses.get(medicine.id)))

    def step(self, delta: int) -> None:
        """One dose more or fewer; from "not logged", either way gives 0 or 1."""
        medicine = self._current
        if medicine is not None:
            self.set_value(max(0, self.doses.get(medicine.id, 0 if delta > 0 else 1) + delta))

    def clear(self) -> None:
        """The picked medicine back to "not logged"."""
        self.set_value(None)

    def takes_number(self, number: int) -> bool:
        """Any number of doses from 0 to the most in a day."""
        return self._current is not None and 0 <= number <= DOSES_MAX

    def number_typed(self, number: int) -> None:
        """The picked medicine's doses are the number typed."""
        self.set_value(number)

    def action_pick(self, step: int) -> None:
        """Pick the next or previous medicine; at either end the key moves on (it is the
        form's, where the form binds it)."""
        target = self.picked + step
        if not 0 <= target < len(self.medicines):
            raise SkipAction
        self._last_digit = None
        self.picked = target
        self.refresh()

    # --- adding one ------------------------------------------------------------------------

    def add_medicine(self) -> None:
        """Ask for a new medicine (name, dose, kind) and add it to the person's list; it
        is then picked, ready for its doses."""
        # Read when first opened: not on the first screen's path.
        from sciatica_tui.screens.dialogs.medicine import MedicineDialog

        def added(medicine: Medicine | None) -> None:
            if medicine is None:
                return
            taken = {known.id for known in diary(self).medicines()}
            medicine = replace(medicine, id=new_medicine_id(medicine.name, taken))
            save(self, SaveMedicine(medicine))

        self.app.push_screen(MedicineDialog(brief=True), added)

    @on(DiarySaved)
    def _medicine_saved(self, message: DiarySaved) -> None:
        if not isinstance(message.change, SaveMedicine):
            return
        message.stop()
        self.show_medicines(diary(self).medicines())
        self.picked = next(
            (n for n, m in enumerate(self.medicines) if m.id == message.change.medicine.id), 0
        )
        self._last_digit = None  # a digit typed before was another medicine's
        self.post_message(self.ListChanged())
        self.notify(f"Added {message.change.medicine.label} to your medicines.")

    @on(DiaryNotSaved)
    def _medicine_not_saved(self, message: DiaryNotSaved) -> None:
        if isinstance(message.change, SaveMedicine):
            message.stop()
            self.notify(str(message.error), title="Not saved", severity="error", timeout=15)
