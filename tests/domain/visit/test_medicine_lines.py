"""The medicines in a visit's summary: the person's one list, each with the doses the diary
shows over the four weeks to the visit, in the Markdown and in the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.visit.medicine_lines import DosesTaken, doses_taken, medicine_facts
from sciatica_tui.domain.visit.pdf_report import visit_pdf
from sciatica_tui.domain.visit.summary import visit_markdown
from tests.support.pdf import pdf_text
from tests.support.visit_diary import FIXTURE_DIARY, FIXTURE_VISIT, TODAY

AS_OF = TODAY  # the visit is after it: the summary reads up to today
IBUPROFEN = Medicine("ibuprofen", "Ibuprofen", "400 mg", MedicineKind.PAIN_RELIEF)
GABAPENTIN = Medicine("gabapentin", "Gabapentin", "300 mg", MedicineKind.NERVE_PAIN)
VITAMIN_D = Medicine("vitamin-d", "Vitamin D")


def day(back: int, **doses: int) -> DailyLog:
    return DailyLog(AS_OF - timedelta(days=back), 4, 2, medicine_doses=doses)


# 28 days with medicines logged: ibuprofen on 20 of them (2 a day), gabapentin on 7 (1, 2).
LOGS = [
    day(back, **({"ibuprofen": 2} if back < 20 else {"ibuprofen": 0}),
        **({"gabapentin": 1 + back % 2} if back < 7 else {}))
    for back in range(28)
]  # fmt: skip


@pytest.mark.parametrize(
    ("taken", "words"),
    [
        (DosesTaken(40, 20, 28), "2 a day on average, on 20 of 28 days logged"),
        (DosesTaken(10, 7, 28), "1.4 a day on average, on 7 of 28 days logged"),
        (DosesTaken(1, 1, 1), "1 a day on average, on 1 of 1 days logged"),
        (DosesTaken(0, 0, 3), "not taken on the 3 days logged"),
        (DosesTaken(0, 0, 1), "not taken on the 1 day logged"),
    ],
)
def test_the_doses_in_words(taken: DosesTaken, words: str) -> None:
    assert taken.words() == words


def test_the_doses_count_the_four_weeks_to_the_visit_only() -> None:
    older = [day(28, ibuprofen=9), day(40, ibuprofen=9)]  # the day 4 weeks before: not read
    later = [DailyLog(AS_OF + timedelta(days=1), 4, 2, medicine_doses={"ibuprofen": 9})]
    assert doses_taken("ibuprofen", [*older, *LOGS, *later], AS_OF) == DosesTaken(40, 20, 28)
    assert doses_taken("gabapentin", LOGS, AS_OF) == DosesTaken(10, 7, 28)
    assert doses_taken("vitamin-d", LOGS, AS_OF) == DosesTaken(0, 0, 28)
    # Days without any medicine logged say nothing either way.
    plain = [DailyLog(AS_OF, 4, 2, pain_med_doses=3)]
    assert doses_taken("ibuprofen", plain, AS_OF) is None


def test_each_medicine_is_listed_with_its_notes_and_doses() -> None:
    medicines = [replace(IBUPROFEN, helps="a little"), GABAPENTIN, VITAMIN_D]
    assert [said for _, said in medicine_facts(medicines, LOGS, AS_OF)] == [
        "400 mg. Helps: a little. Last 4 weeks: 2 a day on average, on 20 of 28 days logged",
        "300 mg. Last 4 weeks: 1.4 a day on average, on 7 of 28 days logged",
        "Last 4 weeks: not taken on the 28 days logged",
    ]
    assert [said for _, said in medicine_facts([VITAMIN_D], [], AS_OF)] == [""]


def test_the_summary_and_the_report_list_the_shared_medicines_with_their_doses() -> None:
    diary = replace(FIXTURE_DIARY, daily_logs=LOGS, medicines=[IBUPROFEN, VITAMIN_D])
    page = visit_markdown(FIXTURE_VISIT, diary, TODAY)
    assert (
        "- **Ibuprofen** (pain relief): 400 mg. Last 4 weeks: 2 a day on average, "
        "on 20 of 28 days logged." in page
    )
    assert "- **Vitamin D**: Last 4 weeks: not taken on the 28 days logged." in page
    text = " ".join(pdf_text(visit_pdf(FIXTURE_VISIT, diary, TODAY)).split())
    assert (
        "Ibuprofen (pain relief): 400 mg. Last 4 weeks: 2 a day on average, on 20 of 28 "
        "days logged." in text
    )
