"""The numbers under the report's chart: the flare-ups of the last four weeks, then the
weekly check-in scores (the person's own activities, first and latest, and the global
answer), each only once the diary holds one."""

from __future__ import annotations

from datetime import date

from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.records import DiaryExcerpt
from sciatica_tui.domain.visit.check_in_lines import SECTION_TITLE, check_in_part
from sciatica_tui.domain.visit.flare_up_lines import diary_flare_up_line
from sciatica_tui.domain.visit.pdf_page import LINE, ReportPages


def write_report_numbers(pages: ReportPages, diary: DiaryExcerpt, as_of: date) -> None:
    """The flare-up line and the check-in part, where the diary has them."""
    flare_ups = diary_flare_up_line(diary, as_of)
    if flare_ups is not None:
        pages.write_items([flare_ups])
    check_ins = check_in_part(diary.check_ins, as_of, check_in_words())
    if check_ins is not None:
        # The part stays together: a score alone at the top of the next page reads as lost.
        if pages.will_page_break(LINE * (len(check_ins.items) + 2) + 1):
            pages.add_page()
        else:
            pages.ln(1)
        pages.write_subheading(SECTION_TITLE)
        pages.write_paragraph(check_ins.lead)
        pages.write_items(check_ins.items)
        pages.ln(2)  # room above the chart that follows
