"""The person's medicines as a clinic visit's summary lists them: what each is, what the visit
notes about it, and the doses the diary shows over the last four weeks.

"Ibuprofen 400 mg (pain relief): 2 a day on average, on 20 of 28 days logged." A record of
what was taken, in the person's own numbers; never advice about what to take.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.visit.weeks import STORY_WEEKS
from sciatica_tui.domain.words import plural

NO_MEDICINES = "No medicines listed."


@dataclass(frozen=True)
class DosesTaken:
    """One medicine over the last four weeks: the doses in all, the days it was taken, and
    the days any medicine's doses were logged."""

    doses: int
    days_taken: int
    days_logged: int

    def words(self) -> str:
        """ "2 a day on average, on 20 of 28 days logged" (the average is over the days it
        was taken)."""
        if self.days_taken == 0:
            return f"not taken on the {plural(self.days_logged, 'day')} logged"
        average = f"{self.doses / self.days_taken:.1f}".removesuffix(".0")
        return f"{average} a day on average, on {self.days_taken} of {self.days_logged} days logged"


def doses_taken(medicine_id: str, logs: Iterable[DailyLog], as_of: date) -> DosesTaken | None:
    """What the diary shows of ``medicine_id`` in the four weeks ending on ``as_of``: None
    when no day in them logged the doses of any medicine."""
    start = as_of - timedelta(days=7 * STORY_WEEKS)
    logged = [log for log in logs if start < log.date <= as_of and log.medicine_doses]
    if not logged:
        return None
    counts = [log.medicine_doses.get(medicine_id, 0) for log in logged]
    return DosesTaken(sum(counts), sum(1 for count in counts if count), len(logged))


def kind_words(medicine: Medicine) -> str:
    """ " (pain relief)" said after the name; nothing for "other"."""
    return "" if medicine.kind is MedicineKind.OTHER else f" ({medicine.kind.label.lower()})"


def about_medicine(medicine: Medicine) -> str:
    """ "400 mg, twice a day, since Oct 2026. Helps: a little" (empty when nothing is noted)."""
    how = [part.strip() for part in (medicine.dose, medicine.how_often) if part.strip()]
    if medicine.since.strip():
        how.append(f"since {medicine.since.strip()}")
    said = ", ".join(how)
    for label, value in (("Helps", medicine.helps), ("Side effects", medicine.side_effects)):
        if value.strip():
            said += f"{'. ' if said else ''}{label}: {value.strip()}"
    return said


def medicine_facts(
    medicines: Sequence[Medicine], logs: Sequence[DailyLog], as_of: date
) -> list[tuple[Medicine, str]]:
    """Each medicine with what is said after its name: the notes, then the last four weeks'
    doses where any were logged ("... Last 4 weeks: 2 a day on average, on 20 of 28 days
    logged")."""
    out = []
    for medicine in medicines:
        said = about_medicine(medicine)
        taken = doses_taken(medicine.id, logs, as_of)
        if taken is not None:
            said += f"{'. ' if said else ''}Last {STORY_WEEKS} weeks: {taken.words()}"
        out.append((medicine, said))
    return out
