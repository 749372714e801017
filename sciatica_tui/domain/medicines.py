"""The person's medicines: one list, shared by the Today tab (doses taken each day) and the
clinic visit (what to tell the clinician), and the pain-relief total a day's doses make.

A day may hold ``medicine_doses`` {medicine id: doses taken}; its ``pain_med_doses`` is then
the total of the pain-relief medicines among them, so the weekly review, the charts, the CSV
and days logged before medicines had names all keep reading one number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

# A day's doses of one medicine, and the most medicines a list (or a day) holds.
DOSES_MAX = 50
MAX_MEDICINES = 30
# The fields a clinic visit adds to a medicine; each is left out of the record when empty.
VISIT_FIELDS: tuple[str, ...] = ("how_often", "since", "helps", "side_effects")


class MedicineKind(StrEnum):
    """What a medicine is taken for; pain relief is what ``pain_med_doses`` counts."""

    PAIN_RELIEF = "pain_relief"
    NERVE_PAIN = "nerve_pain"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The kind in the person's words."""
        return KIND_LABELS[self]


KIND_LABELS: dict[MedicineKind, str] = {
    MedicineKind.PAIN_RELIEF: "Pain relief",
    MedicineKind.NERVE_PAIN: "Nerve pain",
    MedicineKind.OTHER: "Other",
}


@dataclass(frozen=True)
class Medicine:
    """One medicine in the person's list: its id (kept on the days it was taken), name, dose
    and kind, and what a clinic visit notes about it (how often, since when, whether it
    helps, side effects)."""

    id: str
    name: str
    dose: str = ""
    kind: MedicineKind = MedicineKind.OTHER
    how_often: str = ""
    since: str = ""
    helps: str = ""
    side_effects: str = ""

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form; the visit's notes are left out when empty."""
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "dose": self.dose,
            "kind": self.kind.value,
        }
        for name in VISIT_FIELDS:
            if getattr(self, name):
                out[name] = getattr(self, name)
        return out

    @property
    def label(self) -> str:
        """ "Ibuprofen 400 mg": the name, and the dose when there is one."""
        return f"{self.name} {self.dose}".strip()


def derived_pain_med_doses(
    doses: Mapping[str, int], medicines: Iterable[Medicine], logged: int | None = None
) -> int | None:
    """A day's ``pain_med_doses``: the total of its doses of pain-relief medicines, or
    ``logged`` (the plain count) when no pain-relief medicine is among ``doses``, so a
    count never becomes a made-up 0 and a day logged before names keeps its number."""
    pain_relief = {m.id for m in medicines if m.kind is MedicineKind.PAIN_RELIEF}
    counted = [count for medicine_id, count in doses.items() if medicine_id in pain_relief]
    return sum(counted) if counted else logged


def medicine_label(medicine_id: str, medicines: Iterable[Medicine]) -> str:
    """The words for ``medicine_id``; a medicine no longer in the list shows its id with
    spaces, so an old day never loses what it held."""
    for medicine in medicines:
        if medicine.id == medicine_id:
            return medicine.label
    return medicine_id.replace("-", " ").replace("_", " ").capitalize()


def new_medicine_id(name: str, taken: Collection[str]) -> str:
    """A short id made from ``name`` ("Co-codamol 30/500" gives "co-codamol-30-500"), not
    one of ``taken``: "ibuprofen-2" for a second ibuprofen."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    base = base or "medicine"
    found, number = base, 1
    while found in taken:
        number += 1
        found = f"{base}-{number}"
    return found


# Common generic names, to tell the kind of a medicine moved from an older clinic visit
# (they had no kind). Anything else is "other"; the person can change it.
_KNOWN_KINDS: dict[MedicineKind, tuple[str, ...]] = {
    MedicineKind.PAIN_RELIEF: (
        "paracetamol", "acetaminophen", "ibuprofen", "naproxen", "diclofenac", "aspirin",
        "codeine", "co-codamol", "dihydrocodeine", "tramadol", "morphine", "oxycodone",
        "celecoxib", "etoricoxib", "meloxicam", "ketoprofen", "tapentadol",
    ),
    MedicineKind.NERVE_PAIN: (
        "gabapentin", "pregabalin", "amitriptyline", "nortriptyline", "duloxetine",
    ),
}  # fmt: skip


def guess_kind(name: str) -> MedicineKind:
    """The kind a well-known generic name tells ("Ibuprofen 400" is pain relief); else other."""
    words = name.casefold()
    for kind, names in _KNOWN_KINDS.items():
        if any(known in words for known in names):
            return kind
    return MedicineKind.OTHER


def name_key(name: str) -> str:
    """What makes two names the same medicine: case and spacing aside."""
    return " ".join(name.split()).casefold()


def medicines_from_visits(visits: Iterable[Any]) -> tuple[list[Any], list[Any]]:
    """Older clinic visits each held their own list of medicines: the one shared list they
    make (one medicine per name, with an id and a kind told from the name), and the visits
    without them. Raw stored or exported entries go in; what cannot be read is passed on as
    it is, for the checks to name. For a name on several visits, the latest visit's words
    win, and a field it left empty is filled from an earlier one."""
    visits = list(visits)
    ordered = sorted(
        (v for v in visits if isinstance(v, Mapping)), key=lambda v: str(v.get("date", ""))
    )
    shared: list[Any] = []
    by_name: dict[str, dict[str, Any]] = {}
    for visit in ordered:
        entries = visit.get("medicines")
        if not isinstance(entries, list):
            continue
        for entry in entries:
            name = entry.get("name") if isinstance(entry, Mapping) else None
            if not isinstance(name, str) or not name.strip():
                shared.append(entry)  # the checks say what is wrong with it
                continue
            found = by_name.get(name_key(name))
            if found is None:
                taken = {m["id"] for m in by_name.values()}
                found = {"id": new_medicine_id(name, taken), "name": name, "dose": ""}
                found["kind"] = guess_kind(name).value
                by_name[name_key(name)] = found
                shared.append(found)
            for field, value in entry.items():
                if value or field not in found:
                    found[field] = value
    remaining = [
        {k: v for k, v in visit.items() if k != "medicines"}
        if isinstance(visit, Mapping)
        else visit
        for visit in visits
    ]
    return shared, remaining


def recounted_pain_relief(
    pain_med_doses: int | None, doses: Mapping[str, int], before: Medicine, after: Medicine
) -> int | None:
    """A day's ``pain_med_doses`` once ``before`` became ``after``: its doses added when it
    became pain relief, taken away when it stopped being so (a total left with no pain
    relief in it is None, not a made-up 0). Doses of medicines no longer listed stay in."""
    count = doses.get(after.id)
    was = before.kind is MedicineKind.PAIN_RELIEF
    now = after.kind is MedicineKind.PAIN_RELIEF
    if count is None or was == now:
        return pain_med_doses
    if now:  # a day's count stays within its rule (0 to 50), as the form keeps it
        return min(DOSES_MAX, (pain_med_doses or 0) + count)
    left = (pain_med_doses or 0) - count
    return left if left > 0 else None
