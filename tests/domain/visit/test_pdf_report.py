"""The PDF visit report, read back with pypdf: what it holds, in which order, on how many
pages, on which paper, and whatever the person typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sciatica_tui.domain import content
from sciatica_tui.domain.medicines import Medicine
from sciatica_tui.domain.records import Verdict
from sciatica_tui.domain.visit.paper import Paper
from sciatica_tui.domain.visit.pdf_page import MISSING_MARK
from sciatica_tui.domain.visit.pdf_report import visit_pdf
from sciatica_tui.domain.visits import Visit
from tests.support.pdf import page_size, pdf_pages, pdf_text
from tests.support.visit_diary import FIXTURE_DIARY, FIXTURE_VISIT, TODAY


def report(
    visit: Visit | None = FIXTURE_VISIT,
    paper: Paper = Paper.A4,
    medicines: Sequence[Medicine] = FIXTURE_DIARY.medicines,
) -> bytes:
    return visit_pdf(visit, replace(FIXTURE_DIARY, medicines=medicines), TODAY, paper)


def test_a_typical_visit_fits_on_two_pages_of_a4_or_letter() -> None:
    payload = report()
    assert payload.startswith(b"%PDF-")
    assert len(pdf_pages(payload)) <= 2
    assert page_size(payload) == (595, 842)
    letter = report(paper=Paper.LETTER)
    assert page_size(letter) == (612, 792)
    assert len(pdf_pages(letter)) <= 2


def test_the_page_holds_every_part_in_order_red_flags_first() -> None:
    text = pdf_text(report())
    order = [
        "Clinic visit: Tue 24 Nov 2026",
        "Clinician or clinic: Dr Rowan, spine clinic",
        "Reason for the visit: Follow-up after six weeks of physio",
        "RED FLAGS",
        "Tue 03 Nov 2026, 09:00 · URGENT · yes to: severe new pain",
        "Sat 24 Oct 2026, 08:00 · URGENT · yes to: severe new pain",
        "Timeline",
        "Started: Sun 20 Sep 2026.",
        "8 weeks since onset · Stage 2 (weeks 6–12), building back · Rehab phase 2",
        "My symptom story",
        "In my own words",
        "Worse after sitting in the car.",
        "Worked out from my diary",
        "25–31 Oct 2026: leg 7.0, back 4.7 (3 days logged)",
        "Progress",
        "Leg pain",
        "My health history and medicines",
        "Ibuprofen (pain relief): 400 mg, up to 3 a day, since Oct 2026. Helps: a little.",
        "Back trouble in 2019.",
        "Scans and reports",
        "MRI, 5 Oct 2026, City hospital; I have a copy.",
        "My questions",
        "Is my recovery on track?",
        "*When* can I run?",  # as typed: no Markdown on a printed page
        "My goals",
        "Walk the dog for 30 minutes",
        "Before I leave",
        content.clinic().before_you_leave[0].text,
        "Notes after the visit",
        content.app_text().disclaimer,
    ]
    found = [text.find(part) for part in order]
    missing = [part for part, at in zip(order, found, strict=True) if at < 0]
    assert not missing, text
    assert found == sorted(found), text
    assert "Page 1 of 2" in text


def test_a_diary_with_clear_checks_has_no_red_flag_part() -> None:
    clear = [c for c in FIXTURE_DIARY.red_flag_checks if c.verdict is Verdict.CLEAR]
    calm = replace(FIXTURE_DIARY, red_flag_checks=clear)
    text = pdf_text(visit_pdf(FIXTURE_VISIT, calm, TODAY))
    assert "RED FLAGS" not in text
    assert "Red-flag checks since Sun 27 Sep 2026: 2 checks, all clear" in text


WORLD = (
    "Ελπίζω να περπατήσω ξανά",  # Greek
    "Боль в ноге по ночам",  # Russian
    "Ça brûle près du genou, señor Müller; Øresund; Łódź",  # accents
)


def test_greek_cyrillic_and_accented_text_round_trips() -> None:
    visit = replace(
        FIXTURE_VISIT,
        clinician="Dr Ξανθή Παπαδοπούλου",
        story=FIXTURE_VISIT.story + WORLD[0] + "\n",
        questions=WORLD,
    )
    text = pdf_text(report(visit, medicines=[Medicine("diclofenac", "Диклофенак", "50 mg")]))
    for typed in (*WORLD, "Dr Ξανθή Παπαδοπούλου", "Диклофенак: 50 mg"):
        assert typed in text
    assert MISSING_MARK not in text


def test_a_script_the_font_cannot_print_is_marked_and_explained() -> None:
    visit = replace(FIXTURE_VISIT, goals=("走路 without pain",))
    text = pdf_text(report(visit))
    assert f"{MISSING_MARK}{MISSING_MARK} without pain" in text
    assert "cannot print" in text


def test_a_long_visit_still_fits_in_three_pages() -> None:
    visit = replace(
        FIXTURE_VISIT,
        story=FIXTURE_VISIT.story + ("My leg burns when I sit for long. " * 60),
        questions=tuple(f"Question number {n} about what comes next?" for n in range(1, 6)),
    )
    medicines = [
        Medicine(f"m{n}", f"Medicine {n}", "10 mg", how_often="twice a day") for n in range(8)
    ]
    assert len(pdf_pages(report(visit, medicines=medicines))) <= 3


def test_without_a_visit_the_diary_is_summed_up() -> None:
    text = pdf_text(report(None))
    assert "Sciatica summary: the weeks to Sat 21 Nov 2026" in text
    assert "RED FLAGS" in text
    assert "25–31 Oct 2026: leg 7.0, back 4.7" in text


def test_the_same_report_gives_the_same_bytes() -> None:
    assert report() == report()
    assert report() != visit_pdf(FIXTURE_VISIT, FIXTURE_DIARY, date(2026, 11, 22))
