"""The one-page Markdown summary of a clinic visit, to print or show, with the chart of
weekly leg pain; without a visit, a summary of the diary's last four weeks."""

from __future__ import annotations

from datetime import date

from sciatica_tui.domain import content
from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.records import DiaryExcerpt
from sciatica_tui.domain.visit.chart import leg_pain_chart
from sciatica_tui.domain.visit.check_in_lines import SECTION_TITLE, check_in_lines
from sciatica_tui.domain.visit.flare_up_lines import flare_up_markdown
from sciatica_tui.domain.visit.markdown import block, inline, section
from sciatica_tui.domain.visit.medicine_lines import NO_MEDICINES, kind_words, medicine_facts
from sciatica_tui.domain.visit.rehab_lines import rehab_section
from sciatica_tui.domain.visit.report_headings import REPORT_HEADINGS
from sciatica_tui.domain.visit.report_title import report_title
from sciatica_tui.domain.visit.scan_words import scan_line
from sciatica_tui.domain.visit.story import draft_story
from sciatica_tui.domain.visit.weeks import story_as_of
from sciatica_tui.domain.visits import Visit
from sciatica_tui.domain.words import long_day

NOTHING_WRITTEN = "Nothing written yet."


def _medicine_lines(diary: DiaryExcerpt, as_of: date) -> str:
    facts = medicine_facts(diary.medicines, diary.daily_logs, as_of)
    if not facts:
        return NO_MEDICINES
    lines = []
    for medicine, said in facts:
        line = f"- **{inline(medicine.name)}**{kind_words(medicine)}"
        lines.append(line + (f": {inline(said)}." if said else "."))
    return "\n".join(lines)


def _imaging_lines(visit: Visit) -> str:
    if not visit.imaging:
        return "No scans or reports listed."
    lines = []
    for report in visit.imaging:
        copy = "copy: yes, I have it" if report.have_copy else "copy: no"
        lines.append(f"- {scan_line(report, copy, inline, lambda kind: f'**{kind}**')}")
    return "\n".join(lines)


def _title(own_title: str, diary: DiaryExcerpt, visit: Visit | None) -> str:
    """The page's heading: with a name for reports, "Visit summary for …" over its title."""
    name = diary.profile.report_name
    title, under = report_title(own_title, name, visit=visit is not None, say=inline)
    return f"# {title}" if under is None else f"# {title}\n\n**{under}**"


def visit_markdown(visit: Visit | None, diary: DiaryExcerpt, today: date) -> str:
    """The one-page summary of ``visit`` to print or show, with a chart of weekly leg pain.

    With no visit, a summary of the last four weeks of the diary (the symptom story drafted
    from it, and the chart).
    """
    clinic = content.clinic()
    titles = REPORT_HEADINGS
    as_of = today if visit is None else story_as_of(visit.date, today)
    chart = (
        f"### Leg pain, weekly average (0 to 10), weeks to {long_day(as_of)}\n\n"
        f"```text\n{leg_pain_chart(diary.daily_logs, as_of)}\n```"
    )
    chart += flare_up_markdown(diary, as_of)
    check_ins = check_in_lines(diary.check_ins, as_of, check_in_words())
    if check_ins is not None:  # a part of its own under the chart, once there is a check-in
        chart += "\n\n" + section(SECTION_TITLE, check_ins)
    chart += "".join(f"\n\n{part}" for part in [rehab_section(diary, as_of)] if part)
    if visit is None:
        story = draft_story(diary, as_of)
        parts = [
            _title(f"Sciatica summary: the four weeks to {long_day(as_of)}", diary, visit),
            "No clinic visit has been prepared in the app yet, so this summary comes from "
            "the diary alone.",
            section(titles["story"], block(story)),
            chart,
        ]
    else:
        ticked = set(visit.before_you_leave)
        parts = [
            _title(f"Clinic visit: {long_day(visit.date)}", diary, visit),
            "\n".join(
                [
                    f"- Clinician or clinic: {inline(visit.clinician) or 'not given'}",
                    f"- Reason for the visit: {inline(visit.reason) or 'not given'}",
                    f"- Written on {long_day(today)} from my own sciatica diary.",
                ]
            ),
            section(f"1. {titles['story']}", block(visit.story) or NOTHING_WRITTEN),
            chart,
            section(
                f"2. {titles['history']}",
                f"**History**\n\n{block(visit.history) or NOTHING_WRITTEN}\n\n"
                f"**Medicines**\n\n{_medicine_lines(diary, as_of)}",
            ),
            section(f"3. {titles['imaging']}", _imaging_lines(visit)),
            section(
                f"4. {titles['questions']}",
                "\n".join(f"{n}. {inline(q)}" for n, q in enumerate(visit.questions, 1))
                or "No questions written yet.",
            ),
            section(
                f"5. {titles['goals']}",
                "\n".join(f"- {inline(goal)}" for goal in visit.goals) or "No goals written yet.",
            ),
            section(
                titles["leave"],
                "\n".join(
                    f"- [{'x' if item.id in ticked else ' '}] {item.text}"
                    for item in clinic.before_you_leave
                ),
            ),
            section(titles["notes"], block(visit.notes_after) or NOTHING_WRITTEN),
        ]
    parts += ["---", content.app_text().disclaimer]
    return "\n\n".join(parts) + "\n"
