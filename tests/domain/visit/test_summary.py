"""The one-page Markdown summary of a visit, and of the diary without one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from markdown_it import MarkdownIt

from sciatica_tui.domain import content
from sciatica_tui.domain.visit.chart import leg_pain_chart
from sciatica_tui.domain.visit.summary import visit_markdown
from sciatica_tui.domain.visits import Visit
from tests.support.visit_diary import (
    FIXTURE_DIARY,
    FIXTURE_LOGS,
    TODAY,
    fixture_markdown,
    headings,
)


def test_visit_markdown_has_every_section_as_a_heading() -> None:
    """Headings a doctor reads, the person speaking ("My questions", not the app's "Your
    top questions")."""
    assert headings(fixture_markdown()) == [
        "h1 Clinic visit: Tue 24 Nov 2026",
        "h2 1. My symptom story",
        "h3 Leg pain, weekly average (0 to 10), weeks to Sat 21 Nov 2026",
        "h2 Rehab exercises: my plan, the last 4 weeks",
        "h2 2. My health history and medicines",
        "h2 3. Scans and reports",
        "h2 4. My questions",
        "h2 5. My goals",
        "h2 Before I leave",
        "h2 Notes after the visit",
    ]


def test_visit_markdown_numbers_match_the_fixture() -> None:
    page = fixture_markdown()
    tokens = MarkdownIt().parse(page)
    fences = [t.content for t in tokens if t.type == "fence"]
    assert fences[0] == leg_pain_chart(FIXTURE_LOGS, TODAY) + "\n"
    assert fences[1].startswith("Week of M T W T F S S")  # the rehab grid
    text = " ".join(t.content for t in tokens if t.type == "inline")
    for number in ("leg 7.0, back 4.7", "leg 5.5, back 3.5", "leg 3.0, back 2.3", "8 of 28"):
        assert number in text
    assert "2.2 a day on average (6 days)" in text
    # A future visit draws on the diary up to today.
    assert "weeks to Sat 21 Nov 2026" in page


def test_visit_markdown_lists_and_ticks() -> None:
    page = fixture_markdown()
    assert "- Clinician or clinic: Dr Rowan, spine clinic" in page
    assert (
        "- **Ibuprofen** (pain relief): 400 mg, up to 3 a day, since Oct 2026. "
        "Helps: a little. Side effects: none." in page
    )
    assert "- **Paracetamol** (pain relief)." in page
    assert "- **MRI**, 5 Oct 2026, City hospital; copy: yes, I have it." in page
    assert "1. Is my recovery on track?\n2. Can I drive?\n3. \\*When\\* can I run?" in page
    assert "- Walk the dog for 30 minutes" in page
    assert "- [x] I know the next steps." in page
    assert "- [ ] I know my exercise plan." in page
    assert page.rstrip().endswith(content.app_text().disclaimer)


def test_user_text_never_adds_headings() -> None:
    # The history holds "# not a heading" and "===": both stay plain text.
    page = fixture_markdown()
    assert "\\# not a heading" in page
    assert len(headings(page)) == 10
    html = MarkdownIt().render(page)
    assert "<em>When</em>" not in html  # the asterisks were typed, not meant as emphasis


def test_empty_visit_says_nothing_written() -> None:
    page = visit_markdown(
        Visit(id="v", date=date(2026, 11, 1)), replace(FIXTURE_DIARY, medicines=()), TODAY
    )
    assert page.count("Nothing written yet.") == 3  # story, history, notes
    assert "No medicines listed." in page
    assert "No scans or reports listed." in page
    assert "No questions written yet." in page
    assert "No goals written yet." in page
    # A past visit draws on the diary up to its own day.
    assert "weeks to Sun 1 Nov 2026" in page


def test_summary_without_a_visit() -> None:
    page = fixture_markdown(None)
    assert headings(page) == [
        "h1 Sciatica summary: the four weeks to Sat 21 Nov 2026",
        "h2 My symptom story",
        "h3 Leg pain, weekly average (0 to 10), weeks to Sat 21 Nov 2026",
        "h2 Rehab exercises: my plan, the last 4 weeks",
    ]
    assert "leg 7.0, back 4.7" in page
    assert content.app_text().disclaimer in page


def test_text_typed_after_the_drafted_list_is_its_own_paragraph() -> None:
    tokens = MarkdownIt().parse(fixture_markdown())
    inside_list = 0
    paragraphs_outside = []
    for index, token in enumerate(tokens):
        inside_list += {"bullet_list_open": 1, "bullet_list_close": -1}.get(token.type, 0)
        if token.type == "paragraph_open" and inside_list == 0:
            paragraphs_outside.append(tokens[index + 1].content)
    assert "Worse after sitting in the car." in paragraphs_outside
    assert "- Rehab exercises: done on 2 of the 28 days.\n\nWorse after" in fixture_markdown()


HOSTILE_LINES = (
    "<script>alert(1)</script>",
    "[see this](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "`code` and **bold** and _under_",
    "# a heading",
    "> a quote",
    "| a | table |",
)


def test_every_field_the_person_wrote_is_escaped_alike() -> None:
    # Story, history and notes after the visit go in as typed, like every other field: their
    # line breaks stay, but nothing in them becomes HTML, a link, code, emphasis or a heading.
    typed = "\n".join(HOSTILE_LINES)
    visit = Visit(id="v", date=date(2026, 11, 24), story=typed, history=typed, notes_after=typed)
    page = fixture_markdown(visit)
    tokens = MarkdownIt().parse(page)
    kinds = {child.type for token in tokens for child in (token.children or [])}
    assert not kinds & {"html_inline", "link_open", "code_inline", "em_open"}
    assert not any(
        token.type in ("html_block", "blockquote_open", "table_open") for token in tokens
    )
    assert len(headings(page)) == 10
    html = MarkdownIt().render(page)
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3  # shown as typed
    assert html.count("`code` and **bold** and _under_") == 3  # the page's own bold aside
