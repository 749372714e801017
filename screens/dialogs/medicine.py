"""Add or change one medicine of the person's list: the same dialog on Today (name, dose and
kind) and in the Clinic tab (with what the visit notes about it).

The kind starts as the one the name tells (ibuprofen: pain relief) until the person picks
one; a new medicine comes back with no id (whoever saves it gives it one).
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input

from sciatica_tui.domain.medicines import Medicine, MedicineKind, guess_kind
from sciatica_tui.domain.validation.medicine_rules import TEXT_MAX
from sciatica_tui.screens.dialogs.form import FormDialog, field_row
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector

NAME_AND_DOSE: tuple[tuple[str, str, str], ...] = (
    ("name", "Medicine", "its name (needed)"),
    ("dose", "Dose", "e.g. 400 mg"),
)
VISIT_NOTES: tuple[tuple[str, str, str], ...] = (
    ("how_often", "How often", "e.g. twice a day"),
    ("since", "Since when", "e.g. 3 Oct"),
    ("helps", "Does it help?", "e.g. a little"),
    ("side_effects", "Side effects", "e.g. none"),
)
KIND_OPTIONS = tuple((kind.value, kind.label) for kind in MedicineKind)


class MedicineDialog(FormDialog[Medicine]):
    """Add or edit one medicine: name (needed), dose and kind, and, unless ``brief``, the
    four things a clinic visit notes about it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FormDialog.BINDINGS,
        # Enter on the kind saves, as it does in a text box (a button's own Enter wins).
        Binding("enter", "accept", "Save", show=False),
    ]

    def __init__(self, medicine: Medicine | None = None, *, brief: bool = False) -> None:
        """Edit ``medicine``, or add a new one when None."""
        super().__init__()
        self.medicine = medicine or Medicine(id="", name="")
        self.brief = brief
        self._kind_chosen = medicine is not None
        self.TITLE_TEXT = "Edit the medicine" if medicine else "Add a medicine"

    def _fields(self) -> tuple[tuple[str, str, str], ...]:
        return NAME_AND_DOSE if self.brief else NAME_AND_DOSE + VISIT_NOTES

    def fields(self) -> ComposeResult:
        """Name, dose, kind (left and right change it), then the visit's notes."""
        for name, label, placeholder in self._fields():
            yield field_row(
                label,
                Input(
                    getattr(self.medicine, name),
                    placeholder=placeholder,
                    id=f"medicine-{name}",
                    max_length=TEXT_MAX,
                    compact=True,
                ),
            )
            if name == "dose":
                yield field_row(
                    "Kind",
                    ChoiceSelector(
                        KIND_OPTIONS, value=self.medicine.kind.value, id="medicine-kind"
                    ),
                )

    @on(Input.Changed, "#medicine-name")
    def _name_typed(self, event: Input.Changed) -> None:
        """Until a kind is picked, it follows the name."""
        if not self._kind_chosen:
            kind = self.query_one("#medicine-kind", ChoiceSelector)
            with kind.prevent(ChoiceSelector.Changed):
                kind.value = guess_kind(event.value).value

    @on(ChoiceSelector.Changed, "#medicine-kind")
    def _kind_picked(self) -> None:
        self._kind_chosen = True

    def action_accept(self) -> None:
        """Enter outside a text box: the same as OK."""
        self.accept()

    def accept(self) -> None:
        """Close with the medicine, once it has a name."""
        values = {
            name: self.query_one(f"#medicine-{name}", Input).value.strip()
            for name, _label, _placeholder in self._fields()
        }
        if not values["name"]:
            self.say_problem("Type the medicine's name (the other fields are optional).")
            self.query_one("#medicine-name", Input).focus()
            return
        kind = self.query_one("#medicine-kind", ChoiceSelector).value
        chosen = MedicineKind(kind) if kind else MedicineKind.OTHER
        self.dismiss(replace(self.medicine, **values, kind=chosen))
