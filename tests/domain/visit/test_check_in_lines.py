"""The visit summary's weekly check-in part: the latest against the first, in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from markdown_it import MarkdownIt

from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.records import ActivityScore, CheckIn
from sciatica_tui.domain.visit.check_in_lines import SECTION_TITLE, check_in_lines
from sciatica_tui.domain.visit.summary import visit_markdown
from tests.support.visit_diary import FIXTURE_DIARY, FIXTURE_VISIT, TODAY, headings

FIRST = CheckIn(
    date(2026, 10, 10),
    -1,
    (ActivityScore("sit through a film", 2), ActivityScore("put on socks", 3)),
)
LATEST = CheckIn(
    date(2026, 11, 20),
    2,
    (
        ActivityScore("sit through a film", 4),
        ActivityScore("Put on socks", 7),
        ActivityScore("walk the *dog*", 5),
    ),
)


def test_the_latest_check_in_against_the_first_each_activity_from_to() -> None:
    lines = check_in_lines([LATEST, FIRST], TODAY, check_in_words())
    assert lines == "\n".join(
        [
            "First check-in Sat 10 Oct 2026; latest Fri 20 Nov 2026.",
            "- sit through a film: 2 → 4 of 10 (up 2 points, smaller than people usually notice).",
            "- Put on socks: 3 → 7 of 10 (up 4 points, a change people usually notice).",
            "- walk the \\*dog\\*: 5 of 10 (not scored at the first check-in).",
            "- Mean of these: 2.5 → 5.5 (up 3 points, a change people usually notice).",
            "- Since the sciatica started, it is now: Better.",
        ]
    )


def test_one_check_in_gives_its_scores_and_none_gives_no_part() -> None:
    assert check_in_lines([FIRST], TODAY, check_in_words()) == "\n".join(
        [
            "One check-in so far, on Sat 10 Oct 2026.",
            "- sit through a film: 2 of 10.",
            "- put on socks: 3 of 10.",
            "- Since the sciatica started, it is now: A little worse.",
        ]
    )
    assert check_in_lines([], TODAY, check_in_words()) is None
    # A check-in after the visit's "as of" day is not part of it.
    assert check_in_lines([LATEST], date(2026, 11, 19), check_in_words()) is None


def test_the_visit_summary_has_the_check_in_part_under_the_chart() -> None:
    diary = replace(FIXTURE_DIARY, check_ins=[FIRST, LATEST])
    page = visit_markdown(FIXTURE_VISIT, diary, TODAY)
    found = headings(page)
    chart = next(i for i, h in enumerate(found) if h.startswith("h3 Leg pain"))
    assert found[chart + 1] == f"h2 {SECTION_TITLE}"
    assert "- Put on socks: 3 → 7 of 10 (up 4 points" in page
    html = MarkdownIt().render(page)
    assert "walk the *dog*: 5 of 10" in html and "<em>" not in html  # as typed, no emphasis
    without = visit_markdown(FIXTURE_VISIT, FIXTURE_DIARY, TODAY)
    assert SECTION_TITLE not in without and "check-in" not in without
