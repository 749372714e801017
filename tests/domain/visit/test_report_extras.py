"""What the visit report adds to the diary's figures: the name the person chose for reports,
what a scan found, the flare-ups and the weekly check-in scores (in the PDF as in the
Markdown), and a year on every date of the drafted story."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from markdown_it import MarkdownIt

from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.report_name import check_report_name, parse_report_name
from sciatica_tui.domain.validation.problems import BadValue
from sciatica_tui.domain.visit.check_in_lines import check_in_part
from sciatica_tui.domain.visit.markdown import inline
from sciatica_tui.domain.visit.paper import Paper
from sciatica_tui.domain.visit.pdf_report import visit_pdf
from sciatica_tui.domain.visit.report_title import report_title
from sciatica_tui.domain.visit.scan_words import scan_date, scan_line
from sciatica_tui.domain.visit.story import draft_story, story_out_of_date
from sciatica_tui.domain.visit.summary import visit_markdown
from sciatica_tui.domain.visits import ImagingReport
from tests.support.full_visit import (
    CHECK_INS,
    FINDINGS,
    FLARE_UP_LINE,
    FULL_DIARY,
    FULL_VISIT,
    REPORT_NAME,
)
from tests.support.pdf import pdf_pages, pdf_text
from tests.support.visit_diary import FIXTURE_DIARY, TODAY, fixture_draft, headings

# --- the name on reports ---------------------------------------------------------------------


def test_the_title_names_the_person_only_when_they_gave_a_name() -> None:
    own = "Clinic visit: Tue 24 Nov 2026"
    assert report_title(own, None, visit=True) == (own, None)
    assert report_title(own, "  ", visit=True) == (own, None)
    assert report_title(own, "Sam", visit=True) == ("Visit summary for Sam", own)
    assert report_title("Summary", "Sam", visit=False) == ("Sciatica summary for Sam", "Summary")
    assert report_title(own, "*Sam*", visit=True, say=inline)[0] == "Visit summary for \\*Sam\\*"


def test_the_name_is_one_short_line_and_empty_means_none() -> None:
    assert parse_report_name("  Sam Taylor ") == "Sam Taylor"
    assert parse_report_name("   ") is None
    assert parse_report_name("Zoë Παπαδοπούλου") == "Zoë Παπαδοπούλου"
    for bad, said in [
        ("x" * 61, "more than 60"),
        ("Sam\nTaylor", "more than one line"),
        ("Sam\u202eTaylor", r"U\+202E.*Delete it"),
    ]:
        with pytest.raises(ValueError, match=said):
            parse_report_name(bad)
    with pytest.raises(BadValue, match="is empty"):
        check_report_name("")
    with pytest.raises(BadValue):
        check_report_name(7)


# --- what a scan found -------------------------------------------------------------------


def test_a_scan_says_what_it_found_and_a_typed_iso_day_gets_its_year_in_words() -> None:
    scan = ImagingReport("MRI", "2026-11-15", "Town hospital", True, "Disc bulge at L5/S1.")
    assert scan_line(scan, "I have a copy") == (
        "MRI, 15 Nov 2026, Town hospital: Disc bulge at L5/S1; I have a copy."
    )
    assert scan_line(ImagingReport("CT"), "no copy with me") == "CT; no copy with me."
    assert scan_date("Oct 2026") == "Oct 2026"
    assert scan_date(" 2026-02-30 ") == "2026-02-30"  # not a day: as typed
    marked = scan_line(replace(scan, findings="*bulge*"), "copy: no", inline, "**{}**".format)
    assert marked == "**MRI**, 15 Nov 2026, Town hospital: \\*bulge\\*; copy: no."


# --- the check-in scores as plain lines ---------------------------------------------------------


def test_the_check_in_part_in_plain_words_for_the_pdf() -> None:
    part = check_in_part(CHECK_INS, TODAY, check_in_words())
    assert part is not None
    assert part.lead == "First check-in Sat 3 Oct 2026; latest Fri 20 Nov 2026."
    assert part.items == (
        "Sit through a film: 2 → 5 of 10 (up 3 points, a change people usually notice).",
        "Put on socks: 3 → 7 of 10 (up 4 points, a change people usually notice).",
        "Walk the dog: 4 of 10 (not scored at the first check-in).",
        "Mean of these: 2.5 → 6.0 (up 3.5 points, a change people usually notice).",
        "Since the sciatica started, it is now: Better.",
    )


# --- years in the drafted story ------------------------------------------------------------


def test_every_date_of_the_drafted_story_carries_its_year_across_a_new_year() -> None:
    story = draft_story(FIXTURE_DIARY, date(2027, 1, 3))
    assert "(7 Dec 2026 to 3 Jan 2027): 0 of 28." in story
    assert "  - 28 Dec 2026–3 Jan 2027: not logged" in story
    assert "  - 7–13 Dec 2026: not logged" in story
    drafted = fixture_draft()
    assert "buttock now (20 Nov 2026); foot four weeks ago (24 Oct 2026)." in drafted
    assert "not clear on 3 Nov 2026 (urgent" in drafted


def test_a_story_drafted_before_years_were_written_is_not_out_of_date() -> None:
    drafted = fixture_draft()
    older = drafted.replace("(25 Oct to 21 Nov 2026)", "(25 Oct to 21 Nov)")
    assert older != drafted
    assert story_out_of_date(older, drafted) is None
    fewer = older.replace("8 of 28", "7 of 28")
    assert story_out_of_date(fewer, drafted) is not None


# --- the whole report -----------------------------------------------------------------------


def test_the_pdf_holds_the_name_the_findings_the_flare_ups_and_the_check_ins() -> None:
    payload = visit_pdf(FULL_VISIT, FULL_DIARY, TODAY)
    assert len(pdf_pages(payload)) <= 2  # still a typical visit
    text = pdf_text(payload)
    order = [
        f"Visit summary for {REPORT_NAME}",
        "Clinic visit: Tue 24 Nov 2026",
        "RED FLAGS",
        "Progress, and pain over the last 12 weeks",
        FLARE_UP_LINE,
        "What I can do: weekly check-in",
        "First check-in Sat 3 Oct 2026; latest Fri 20 Nov 2026.",
        "Put on socks: 3 → 7 of 10 (up 4 points, a change people usually notice).",
        "Since the sciatica started, it is now: Better.",
        "Scans and reports",
        f"MRI, 5 Oct 2026, City hospital: {FINDINGS}; I have a copy.",
    ]
    found = [text.find(part) for part in order]
    assert -1 not in found, [part for part, at in zip(order, found, strict=True) if at < 0]
    assert found == sorted(found)
    # Without a name the title is the visit's, as before; the name is never elsewhere.
    plain = pdf_text(
        visit_pdf(FULL_VISIT, replace(FULL_DIARY, profile=FIXTURE_DIARY.profile), TODAY)
    )
    assert plain.startswith("Clinic visit: Tue 24 Nov 2026") and REPORT_NAME not in plain
    assert text.count(REPORT_NAME) == 1


def test_the_markdown_holds_the_same_read_with_markdown_it() -> None:
    page = visit_markdown(FULL_VISIT, FULL_DIARY, TODAY)
    assert headings(page)[:2] == [
        f"h1 Visit summary for {REPORT_NAME}",
        "h2 1. My symptom story",
    ]
    tokens = MarkdownIt().parse(page)
    inlines = [t.content for t in tokens if t.type == "inline"]
    assert "**Clinic visit: Tue 24 Nov 2026**" in inlines
    assert f"**Flare-ups:**{FLARE_UP_LINE.removeprefix('Flare-ups:')}" in inlines
    assert f"**MRI**, 5 Oct 2026, City hospital: {FINDINGS}; copy: yes, I have it." in inlines
    assert "Put on socks: 3 → 7 of 10 (up 4 points, a change people usually notice)." in inlines
    # The flare-ups come under the chart, before the check-in part.
    assert page.index("```text") < page.index("**Flare-ups:**") < page.index("weekly check-in")


def test_on_letter_paper_the_check_in_part_stays_together_and_two_pages_hold_it_all() -> None:
    pages = [
        " ".join(page.split())
        for page in pdf_pages(visit_pdf(FULL_VISIT, FULL_DIARY, TODAY, Paper.LETTER))
    ]
    assert len(pages) == 2
    [holding] = [page for page in pages if "What I can do: weekly check-in" in page]
    assert "Since the sciatica started, it is now: Better." in holding
    assert pages[-1].count("This app helps with self-care") == 1
