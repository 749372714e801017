"""A clinic visit as one or two printed pages a doctor can read in a minute.

In this order: the title (with the person's name when they gave one for reports; visit
date, clinician, reason); the red flags of the last eight weeks first when any check was
not clear; where the person is on the timeline; the symptom story, the person's own words
in a box apart from the facts drafted from the diary; the progress headline, the flare-ups
and the weekly check-in scores, and a vector chart of weekly pain; medicines and history;
scans with what they found; questions; goals; a checklist to tick by hand and room for
notes; the disclaimer. Every date carries its year. Pure apart from reading the font:
returns the PDF's bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sciatica_tui.domain import content
from sciatica_tui.domain.progress.measures import ProgressSources
from sciatica_tui.domain.progress.report import progress_report
from sciatica_tui.domain.progress.words import four_weeks_words, headline_words, trend_words
from sciatica_tui.domain.records import DiaryExcerpt
from sciatica_tui.domain.visit.medicine_lines import NO_MEDICINES, kind_words, medicine_facts
from sciatica_tui.domain.visit.paper import Paper
from sciatica_tui.domain.visit.pdf_chart import REPORT_CHART_WEEKS, chart_weeks, draw_pain_chart
from sciatica_tui.domain.visit.pdf_numbers import write_report_numbers
from sciatica_tui.domain.visit.pdf_page import LINE, MISSING_NOTE, ReportPages
from sciatica_tui.domain.visit.red_flag_report import (
    RED_FLAG_WEEKS,
    checks_read,
    checks_summary,
    not_clear_line,
)
from sciatica_tui.domain.visit.rehab_lines import rehab_items
from sciatica_tui.domain.visit.report_headings import REPORT_HEADINGS
from sciatica_tui.domain.visit.report_title import report_title
from sciatica_tui.domain.visit.scan_words import scan_line
from sciatica_tui.domain.visit.story import draft_story, timeline_lines
from sciatica_tui.domain.visit.story_parts import DRAFTED_ITEM, split_story
from sciatica_tui.domain.visit.weeks import story_as_of
from sciatica_tui.domain.visits import ImagingReport, Visit
from sciatica_tui.domain.words import long_day

CHART_HEIGHT = 58
DISCLAIMER_ROOM = 3 * LINE + 2
# Drafted lines the report gives in parts of their own (the timeline, the red flags of a
# longer stretch): left out of the story's facts, so no figure is said twice.
SAID_ELSEWHERE = ("- Started:", "- Surgery:", "- Timeline:", "- Red-flag checks:")
RED_FLAGS_HEADING = f"RED FLAGS: warning signs I reported in the last {RED_FLAG_WEEKS} weeks"


def imaging_words(report: ImagingReport) -> str:
    """``MRI, 15 Nov 2026, city hospital: L5/S1 disc bulge; I have a copy.``"""
    return scan_line(report, "I have a copy" if report.have_copy else "no copy with me")


def _write_title(pages: ReportPages, own_title: str, diary: DiaryExcerpt, visit: bool) -> None:
    """The title; with a name for reports, "Visit summary for …" above it."""
    title, under = report_title(own_title, diary.profile.report_name, visit=visit)
    pages.write_title(title)
    if under is not None:
        pages.write_paragraph(under, bold=True)


def _title(
    pages: ReportPages, visit: Visit | None, diary: DiaryExcerpt, as_of: date, today: date
) -> None:
    if visit is None:
        _write_title(pages, f"Sciatica summary: the weeks to {long_day(as_of)}", diary, False)
        pages.write_paragraph("No clinic visit was prepared in the app: this comes from my diary.")
        return
    _write_title(pages, f"Clinic visit: {long_day(visit.date)}", diary, True)
    pages.write_paragraph(f"Clinician or clinic: {visit.clinician.strip() or 'not given'}")
    pages.write_paragraph(f"Reason for the visit: {visit.reason.strip() or 'not given'}")
    pages.write_paragraph(f"Written on {long_day(today)} from my own sciatica diary.")


def _red_flags(pages: ReportPages, diary: DiaryExcerpt, as_of: date) -> str | None:
    """The red flags, first, when a check was not clear; else the line on the checks that
    goes with the timeline."""
    read = checks_read(diary.red_flag_checks, as_of)
    if not read.not_clear:
        return checks_summary(read)
    pages.write_heading(RED_FLAGS_HEADING)
    pages.write_boxed([not_clear_line(check) for check in read.not_clear], thick=True)
    pages.write_paragraph(checks_summary(read))
    return None


def _timeline(pages: ReportPages, diary: DiaryExcerpt, as_of: date, checks: str | None) -> None:
    pages.write_heading("Timeline")
    lines = [line.removeprefix("- ") for line in timeline_lines(diary.profile, as_of)]
    pages.write_items(lines if checks is None else [*lines, checks])


def _story(pages: ReportPages, visit: Visit | None, diary: DiaryExcerpt, as_of: date) -> None:
    pages.write_heading(REPORT_HEADINGS["story"])
    story = draft_story(diary, as_of) if visit is None else visit.story
    parts = split_story(story)
    drafted = [line for line in parts.drafted if not line.startswith(SAID_ELSEWHERE)]
    if parts.own_words:
        pages.write_subheading("In my own words")
        pages.write_boxed(parts.own_words)
        pages.ln(1)
    if drafted:
        # No "up to" date here: a story drafted earlier keeps its own dates in its lines.
        pages.write_subheading("Worked out from my diary by the app")
        for line in drafted:
            if line.startswith(DRAFTED_ITEM):
                pages.write_items([line.removeprefix(DRAFTED_ITEM)], indent=5)
            else:
                pages.write_items([line.removeprefix("- ")])
    if not parts.own_words and not drafted:
        pages.write_paragraph("Nothing written yet.")


def _progress(pages: ReportPages, diary: DiaryExcerpt, as_of: date) -> None:
    pages.write_heading(f"Progress, and pain over the last {REPORT_CHART_WEEKS} weeks")
    report = progress_report(
        ProgressSources(daily_logs=diary.daily_logs, check_ins=diary.check_ins),
        as_of,
        onset=diary.profile.onset_date,
        surgery=diary.profile.surgery_date,
    )
    said = [headline_words(report), four_weeks_words(report), trend_words(report.trend)]
    pages.write_items([*said, *rehab_items(diary, as_of)])
    write_report_numbers(pages, diary, as_of)
    if pages.will_page_break(CHART_HEIGHT + 2):
        pages.add_page()
    top = pages.get_y() + 1
    draw_pain_chart(
        pages, chart_weeks(diary.daily_logs, as_of), pages.l_margin, top, pages.epw, CHART_HEIGHT
    )
    pages.set_font(size=9.5)
    pages.set_y(top + CHART_HEIGHT + 1)


def _visit_lists(pages: ReportPages, visit: Visit, diary: DiaryExcerpt, as_of: date) -> None:
    pages.write_heading(REPORT_HEADINGS["history"])
    pages.write_subheading("Medicines")
    facts = medicine_facts(diary.medicines, diary.daily_logs, as_of)
    if facts:
        pages.write_items(
            [
                f"{med.name.strip()}{kind_words(med)}{': ' + said if said else ''}."
                for med, said in facts
            ]
        )
    else:
        pages.write_paragraph(NO_MEDICINES)
    if visit.history.strip():
        pages.write_subheading("History")
        pages.write_boxed(visit.history.strip().splitlines())
    pages.write_heading(REPORT_HEADINGS["imaging"])
    if visit.imaging:
        pages.write_items([imaging_words(report) for report in visit.imaging])
    else:
        pages.write_paragraph("No scans or reports listed.")
    pages.write_heading(REPORT_HEADINGS["questions"])
    if visit.questions:
        pages.write_items([q.strip() for q in visit.questions], numbered=True)
    else:
        pages.write_paragraph("No questions written.")
    pages.write_heading(REPORT_HEADINGS["goals"])
    if visit.goals:
        pages.write_items([goal.strip() for goal in visit.goals])
    else:
        pages.write_paragraph("No goals written.")


def _before_leaving(pages: ReportPages, visit: Visit) -> None:
    checklist = content.clinic().before_you_leave
    pages.write_heading(REPORT_HEADINGS["leave"])
    ticked = set(visit.before_you_leave)
    pages.write_tick_boxes([i.text for i in checklist], [i.id in ticked for i in checklist])
    pages.write_subheading(REPORT_HEADINGS["notes"])
    if visit.notes_after.strip():
        pages.write_boxed(visit.notes_after.strip().splitlines())
    pages.write_ruled_lines(4, keep_free=DISCLAIMER_ROOM)  # not a page for the disclaimer alone


def visit_pdf(
    visit: Visit | None,
    diary: DiaryExcerpt,
    today: date,
    paper: Paper = Paper.A4,
) -> bytes:
    """The report of ``visit`` (the diary's last weeks alone without one), as PDF bytes.

    ``diary`` holds every record up to the visit at least: the progress report compares
    with the first week since onset. The file is stamped with ``today`` (not the time), so the
    same report written twice in a day gives the same bytes.
    """
    as_of = today if visit is None else story_as_of(visit.date, today)
    about = "Sciatica summary" if visit is None else f"Clinic visit {long_day(visit.date)}"
    pages = ReportPages(paper, f"{about} · written {long_day(today)} from my sciatica diary")
    pages.set_title(about)
    pages.set_creator("sciatica-tui")
    pages.set_creation_date(datetime.combine(today, time.min, tzinfo=UTC))
    _title(pages, visit, diary, as_of, today)
    checks = _red_flags(pages, diary, as_of)
    _timeline(pages, diary, as_of, checks)
    _story(pages, visit, diary, as_of)
    _progress(pages, diary, as_of)
    if visit is not None:
        _visit_lists(pages, visit, diary, as_of)
        _before_leaving(pages, visit)
    pages.ln(2)
    if pages.missing_characters:
        pages.write_paragraph(MISSING_NOTE)
    pages.write_paragraph(content.app_text().disclaimer)
    return bytes(pages.output())
