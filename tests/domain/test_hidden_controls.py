"""Control characters in text (issue 19 item 4): new text refuses them in every text field,
with the field named; text read back from the diary keeps them; everything shown is inert."""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_tui.domain.inert_text import STAND_INS, inert
from sciatica_tui.domain.record_kinds import RECORD_KINDS
from sciatica_tui.domain.validation.characters import (
    HIDDEN_CONTROL_HINT,
    hidden_control,
    with_plain_line_breaks,
)
from sciatica_tui.domain.validation.checks import reading_stored_text
from sciatica_tui.domain.validation.forms import daily_log_from_form
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_settings
from sciatica_tui.inert_display import DISPLAY_STAND_INS

TODAY = date(2026, 12, 3)

# One record of each kind with every field filled in.
FULL_RECORDS: dict[str, dict[str, Any]] = {
    "daily_logs": {
        "date": "2026-12-01",
        "leg_pain": 4,
        "back_pain": 2,
        "notes": "Walked",
        "tags": ["driving"],
        "medicine_doses": {"ibuprofen": 2},
    },
    "red_flag_checks": {
        "at": "2026-12-01T09:30:00",
        "answers": {"saddle_numbness": False},
        "verdict": "clear",
    },
    "breathing_sessions": {
        "started_at": "2026-12-01T09:30:00",
        **dict.fromkeys(("inhale", "hold_in", "exhale", "hold_out"), 4),
        "planned_seconds": 60,
        "elapsed_seconds": 60.0,
        "cycles_completed": 4,
        "completed": True,
    },
    "rehab_days": {"date": "2026-12-01", "done": ["walk", "walk"]},
    "custom_exercises": {"id": "own-1", "phase": 1, "title": "Bridges", "how": "Slowly"},
    "rehab_plan": {
        "id": "walk",
        "hidden": True,
        "dose": {"sets": 2, "reps": 10, "times_per_day": 2},
    },
    "visits": {
        "id": "visit-1",
        "date": "2026-12-10",
        "clinician": "Dr A",
        "reason": "Leg pain",
        "story": "It started",
        "history": "None",
        "imaging": [
            {
                "kind": "MRI",
                "date": "May",
                "where": "Town",
                "have_copy": True,
                "findings": "Disc bulge",
            }
        ],
        "questions": ["What next?"],
        "goals": ["Walk"],
        "before_you_leave": ["next_step"],
        "notes_after": "Fine",
    },
    "check_ins": {
        "date": "2026-12-01",
        "activities": [{"name": "Put on socks", "score": 4}, {"name": "Walk the dog", "score": 6}],
        "global_change": 1,
    },
    "custom_tags": {"id": "garden", "label": "Gardening", "kind": "set_off"},
    "flare_ups": {"at": "2026-12-01T03:00:00", "pain": 7, "helped": ["heat"], "notes": "Bad"},
    "medicines": {
        "id": "ibuprofen",
        "kind": "pain_relief",
        **dict.fromkeys(("name", "dose", "how_often", "since", "helps", "side_effects"), "a"),
    },
}
KINDS = {kind.name: kind for kind in RECORD_KINDS}


def test_every_record_kind_has_a_full_sample() -> None:
    assert set(FULL_RECORDS) == set(KINDS), "add a full record of the new kind to FULL_RECORDS"


Path = tuple[str | int, ...]


def leaves(value: Any, path: Path = ()) -> Iterator[Path]:
    """The path of every text value in a raw record."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from leaves(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from leaves(inner, (*path, index))


def with_value(raw: dict[str, Any], path: Path, value: str) -> dict[str, Any]:
    changed = copy.deepcopy(raw)
    place: Any = changed
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = value
    return changed


def build(kind: str, raw: dict[str, Any]) -> Any:
    return KINDS[kind].build(raw, today=TODAY)


def free_text_fields() -> list[tuple[str, Path]]:
    """Every place of every record kind that takes free text: those that take "Xy z" (ids,
    dates, choices and answers' question ids do not)."""
    found = []
    for kind, raw in FULL_RECORDS.items():
        for path in leaves(raw):
            try:
                build(kind, with_value(raw, path, "Xy z"))
            except ValidationError:
                continue
            found.append((kind, path))
    return found


FREE_TEXT = free_text_fields()


def test_the_free_text_fields_are_the_ones_a_person_writes() -> None:
    named = {(kind, str(path[0])) for kind, path in FREE_TEXT}
    assert ("daily_logs", "notes") in named and ("custom_exercises", "title") in named
    assert {field for kind, field in named if kind == "visits"} == {
        "clinician", "reason", "story", "history", "imaging", "questions", "goals",
        "notes_after",
    }  # fmt: skip
    assert {field for kind, field in named if kind == "medicines"} == {
        "name", "dose", "how_often", "since", "helps", "side_effects",
    }  # fmt: skip
    # notes; exercise title and how; five visit texts, six of a medicine, three of a scan,
    # a question and a goal; two check-in activity names; a tag's words; a flare-up's note
    assert len(FREE_TEXT) == 1 + 2 + 5 + 6 + 3 + 1 + 1 + 2 + 1 + 1


@pytest.mark.parametrize(("kind", "path"), FREE_TEXT, ids=lambda p: str(p))
@pytest.mark.parametrize(
    ("control", "named"),
    [
        ("\x1b", "ESC, shown as ␛"),
        ("\x07", "BEL, shown as ␇"),
        ("\x7f", "DEL, shown as ␡"),
        ("\x9b", "control U+009B, shown as �"),
        ("\u202e", "right-to-left override U+202E, shown as �"),
        ("\u2066", "left-to-right isolate U+2066, shown as �"),
    ],
)
def test_each_text_field_refuses_a_control_character_and_names_the_field(
    kind: str, path: Path, control: str, named: str
) -> None:
    raw = with_value(FULL_RECORDS[kind], path, f"ab{control}[2J")
    with pytest.raises(ValidationError) as refused:
        build(kind, raw)
    (problem,) = refused.value.problems
    assert problem.field == path[0]
    assert f"holds a hidden control character ({named}) at character 3" in problem.message
    assert problem.hint == HIDDEN_CONTROL_HINT
    if len(path) > 1:
        # which entry of the list
        entry = int(path[1]) + 1
        assert problem.message.startswith((f"entry {entry}: ", f"activity {entry}: name: "))


@pytest.mark.parametrize(("kind", "path"), FREE_TEXT, ids=lambda p: str(p))
def test_a_diary_file_holding_control_characters_still_reads_unchanged(
    kind: str, path: Path
) -> None:
    text = "ab\x1b]52;c;SGk=\x07\r\n\x9b\u202e"
    with reading_stored_text():
        record = build(kind, with_value(FULL_RECORDS[kind], path, text))
    assert get(record.to_record(), path) == text
    # Outside the block, new text is strict again.
    with pytest.raises(ValidationError):
        build(kind, with_value(FULL_RECORDS[kind], path, text))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("line 1\r\nline 2", "line 1\nline 2"),  # a Windows line break, pasted
        ("line 1\rline 2", "line 1\nline 2"),  # an old Mac one
        ("line 1\u2028line 2\u2029end", "line 1\nline 2\nend"),  # Unicode separators
        ("tab\there\nand a newline", "tab\there\nand a newline"),
    ],
)
def test_line_breaks_in_new_text_become_plain_newlines(typed: str, stored: str) -> None:
    log = daily_log_from_form({"date": "2026-12-01", "leg_pain": "3", "back_pain": "2",
                               "notes": typed}, today=TODAY)  # fmt: skip
    assert log.notes == stored


def test_the_form_names_the_notes_and_where_the_character_is() -> None:
    with pytest.raises(ValidationError) as refused:
        daily_log_from_form(
            {"date": "2026-12-01", "leg_pain": "3", "back_pain": "2",
             "notes": "Slept badly\nthen \x1b[2J"}, today=TODAY,
        )  # fmt: skip
    assert str(refused.value) == (
        "notes: holds a hidden control character (ESC, shown as ␛) on line 2, character 6"
    )


def test_settings_refuse_control_characters_in_phone_numbers_and_themes() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_settings({"emergency_number": "11\x1b2", "theme": "dark\x07"})
    assert {p.field for p in refused.value.problems} == {"emergency_number", "theme"}


# --- every kind of code point ------------------------------------------------------------

CATEGORIES = ["Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn", "Lu", "Ll", "Lo", "Mn", "Mc", "Me",
              "Nd", "Zs", "So", "Sm", "Po"]  # fmt: skip


def shown_in_the_app(text: str) -> str:
    return text.translate(DISPLAY_STAND_INS)


def acts_on_a_terminal(text: str) -> bool:
    """Whether ``text`` holds a character a terminal could act on (tab and newline aside)."""
    return any(
        (unicodedata.category(ch) == "Cc" and ch not in "\t\n") or ord(ch) in STAND_INS
        for ch in text
    )


@settings(max_examples=300, deadline=None)
@given(
    field=st.sampled_from(FREE_TEXT),
    text=st.lists(
        st.sampled_from(CATEGORIES).flatmap(lambda c: st.characters(categories=[c])),
        min_size=1,
        max_size=6,
    ).map("".join),
)
def test_any_code_point_is_refused_with_the_field_named_or_stored_and_shown_inert(
    field: tuple[str, Path], text: str
) -> None:
    kind, path = field
    value = "a" + text  # a title may not be only spaces
    plain = with_plain_line_breaks(value)
    refused_here = hidden_control(plain) is not None or "\x00" in plain or has_surrogate(plain)
    # An activity's name, a tag's words and what a scan found stay on one line.
    if (kind, path[-1]) in {
        ("check_ins", "name"),
        ("custom_tags", "label"),
        ("visits", "findings"),
    }:
        refused_here = refused_here or "\n" in plain.strip() or "\t" in plain
    try:
        record = build(kind, with_value(FULL_RECORDS[kind], path, value))
    except ValidationError as refused:
        (problem,) = refused.problems
        assert problem.field == path[0]
        assert refused_here, problem
        return
    assert not refused_here
    kept = get(record.to_record(), path)
    assert kept in (plain, plain.strip())  # a name loses its outer spaces
    assert not acts_on_a_terminal(inert(kept)) and inert(inert(kept)) == inert(kept)
    assert not acts_on_a_terminal(shown_in_the_app(kept))


def has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def get(raw: Any, path: Path) -> Any:
    for step in path:
        raw = raw[step]
    return raw


# --- inert text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "plain"),
        ("a\x1b[2Jb", "a␛[2Jb"),
        ("\x1b]52;c;SGk=\x07", "␛]52;c;SGk=␇"),
        ("csi \x9b2J", "csi �2J"),
        ("row\r\nnext", "row\r\nnext"),  # a line break that ends a row
        ("over\rwrite", "over␍write"),  # a lone CR would print over the line
        ("del \x7f and bs \x08", "del ␡ and bs ␈"),
        ("\u202eevil\u2066", "�evil�"),
        ("line\u2028sep", "line␤sep"),
        ("tab\tnew\nline", "tab\tnew\nline"),
        ("emoji 👩‍👧 and rtl \u200f", "emoji 👩‍👧 and rtl \u200f"),
    ],
)
def test_inert_shows_each_control_character_as_a_visible_stand_in(text: str, shown: str) -> None:
    assert inert(text) == shown


@given(st.text())
def test_inert_keeps_the_length_and_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    shown = inert(text)
    assert len(shown) == len(text)
    assert not acts_on_a_terminal(shown.replace("\r\n", "\n"))
    assert inert(shown) == shown


def test_the_app_keeps_deleting_cr_as_textual_does() -> None:
    assert shown_in_the_app("row\r\nnext\x1b") == "row\nnext␛"


def test_every_character_inert_replaces_is_one_isprintable_refuses() -> None:
    """inert() returns printable text untouched without its pattern (a prompt's fast path):
    right only while every character it replaces, and a lone CR, is not printable."""
    for code in [*STAND_INS, 0x0D]:
        assert not chr(code).isprintable(), hex(code)
        assert inert(f"a{chr(code)}b") != f"a{chr(code)}b"
    assert inert("logged · wk 6 · check today: clear\n") == "logged · wk 6 · check today: clear\n"
