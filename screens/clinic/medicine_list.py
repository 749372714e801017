"""The Clinic tab's list of medicines is the person's one list (Today logs their doses): each
change to it is saved to that list at once, not kept with the visit."""

from __future__ import annotations

from dataclasses import replace

from sciatica_tui.domain.medicines import Medicine, new_medicine_id
from sciatica_tui.screens.host import save
from sciatica_tui.screens.widgets.editable_list import EditableList
from sciatica_tui.store.changes import SaveMedicineList


def with_ids(medicines: list[Medicine]) -> list[Medicine]:
    """``medicines`` with an id given to each new one (made from its name)."""
    taken = {medicine.id for medicine in medicines if medicine.id}
    out = []
    for medicine in medicines:
        if not medicine.id:
            medicine = replace(medicine, id=new_medicine_id(medicine.name, taken))
            taken.add(medicine.id)
        out.append(medicine)
    return out


def save_medicine_list(editor: EditableList[Medicine]) -> None:
    """Save the medicines ``editor`` shows as the person's list."""
    medicines = with_ids(editor.items)
    if medicines != editor.items:
        editor.items = medicines  # the ids given stay with the lines
    save(editor, SaveMedicineList(tuple(medicines)))
