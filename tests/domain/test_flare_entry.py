"""The quick flare-up entry's rules: the time typed on the open day, a second flare-up at the
same minute kept beside the first, every problem on its field; the words and counts Today
shows; the person's own tags; the day's tags on the form."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from sciatica_tui.domain.flare_entry import (
    clock_words,
    flare_counts,
    flare_line,
    flare_up_from_form,
    free_moment,
    parse_clock_time,
)
from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.own_tags import new_custom_tag, same_words, tag_id_from
from sciatica_tui.domain.records import Reach
from sciatica_tui.domain.tag_list import tag_list
from sciatica_tui.domain.tags import CustomTag, TagKind
from sciatica_tui.domain.validation.forms import daily_log_from_form
from sciatica_tui.domain.validation.problems import ValidationError

NOW = datetime(2026, 11, 21, 9, 30, 42)
TODAY = NOW.date()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9:05", time(9, 5)),
        ("09:05", time(9, 5)),
        (" 23:59 ", time(23, 59)),
        ("9.05", time(9, 5)),
        ("0905", time(9, 5)),
        ("905", time(9, 5)),
        ("7", time(7, 0)),
        ("0:00", time(0, 0)),
    ],
)
def test_times_of_day_are_read_as_people_type_them(typed: str, expected: time) -> None:
    assert parse_clock_time(typed) == expected


@pytest.mark.parametrize("typed", ["", "24:00", "9:60", "nine", "9:5", "12:345", "-1"])
def test_what_is_not_a_time_of_day_is_a_problem_on_the_time(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_clock_time(typed)
    assert [p.field for p in caught.value.problems] == ["at"]


def test_a_minimal_flare_up_is_the_time_and_the_pain() -> None:
    flare_up = flare_up_from_form({"time": "09:30", "pain": "7"}, day=TODAY, now=NOW)
    assert flare_up == FlareUp(datetime(2026, 11, 21, 9, 30), 7)


def test_every_field_typed_is_kept() -> None:
    texts = {"time": "3:10", "pain": "8", "reach": "foot", "minutes": "40", "notes": " hot bath "}
    flare_up = flare_up_from_form(
        texts, day=TODAY, now=NOW, triggers=("driving",), helped=("heat", "rest")
    )
    assert flare_up == FlareUp(
        datetime(2026, 11, 21, 3, 10), 8, Reach.FOOT, ("driving",), ("heat", "rest"), 40, "hot bath"
    )


def test_on_another_day_the_time_is_on_that_day_and_may_be_later_than_now() -> None:
    flare_up = flare_up_from_form({"time": "22:15", "pain": "6"}, day=date(2026, 11, 19), now=NOW)
    assert flare_up.at == datetime(2026, 11, 19, 22, 15)


def test_a_time_later_than_now_today_is_refused_but_this_minute_is_not() -> None:
    with pytest.raises(ValidationError) as caught:
        flare_up_from_form({"time": "09:31", "pain": "6"}, day=TODAY, now=NOW)
    assert caught.value.problems[0].field == "at"
    assert "later than now" in caught.value.problems[0].message
    assert flare_up_from_form({"time": "09:30", "pain": "6"}, day=TODAY, now=NOW)


def test_every_problem_is_said_at_once_each_on_its_field() -> None:
    texts = {"time": "25:00", "pain": "", "minutes": "2.5", "notes": "x" * 2001}
    with pytest.raises(ValidationError) as caught:
        flare_up_from_form(texts, day=TODAY, now=NOW)
    assert [p.field for p in caught.value.problems] == ["at", "pain", "minutes", "notes"]
    with pytest.raises(ValidationError) as caught:
        flare_up_from_form({"time": "9:00", "pain": "7", "minutes": "1441"}, day=TODAY, now=NOW)
    assert [p.field for p in caught.value.problems] == ["minutes"]


def test_a_second_flare_up_at_the_same_minute_is_kept_beside_the_first() -> None:
    first = datetime(2026, 11, 21, 9, 30)
    taken = [first, datetime(2026, 11, 21, 9, 30, 1)]
    assert free_moment(first, []) == first
    assert free_moment(first, taken) == datetime(2026, 11, 21, 9, 30, 2)
    flare_up = flare_up_from_form({"time": "9:30", "pain": "4"}, day=TODAY, now=NOW, taken=taken)
    assert flare_up.at == datetime(2026, 11, 21, 9, 30, 2)


def test_a_flare_up_changed_keeps_its_time_unless_the_minute_changes() -> None:
    first = FlareUp(datetime(2026, 11, 21, 8, 0), 5)
    second = FlareUp(datetime(2026, 11, 21, 8, 0, 1), 6)
    taken = [first.at, second.at]
    kept = flare_up_from_form(
        {"time": "08:00", "pain": "3"}, day=TODAY, now=NOW, taken=taken, editing=second
    )
    assert kept.at == second.at and kept.pain == 3
    moved = flare_up_from_form(
        {"time": "07:45", "pain": "3"}, day=TODAY, now=NOW, taken=taken, editing=second
    )
    assert moved.at == datetime(2026, 11, 21, 7, 45)
    # Moved onto the other's minute: beside it, never over it.
    onto = flare_up_from_form(
        {"time": "08:00", "pain": "3"}, day=TODAY, now=NOW, taken=taken, editing=first
    )
    assert onto.at == first.at


def test_a_flare_up_in_words() -> None:
    tags = tag_list([CustomTag("long_drive", "Long drive", TagKind.SET_OFF)])
    flare_up = FlareUp(
        datetime(2026, 11, 21, 3, 10), 8, Reach.BELOW_KNEE, ("long_drive",), ("heat", "gone"), 20
    )
    assert flare_line(flare_up, tags) == (
        "03:10  pain 8 · below the knee · 20 min · set off by Long drive · helped: Heat, Gone"
    )
    assert flare_line(FlareUp(datetime(2026, 11, 21, 14, 5), 0, notes="one\ntwo")) == (
        "14:05  pain 0 · one"
    )
    assert clock_words(time(7, 5)) == "07:05"


def test_flare_ups_are_counted_per_day() -> None:
    days = [datetime(2026, 11, 20, 1), datetime(2026, 11, 20, 23), datetime(2026, 11, 21, 9)]
    assert flare_counts(FlareUp(at, 5) for at in days) == {
        date(2026, 11, 20): 2,
        date(2026, 11, 21): 1,
    }


@pytest.mark.parametrize(
    ("label", "tag_id"),
    [
        ("Long car trip!", "long_car_trip"),
        ("  Ice  ", "ice"),
        ("???", "own"),
        ("Été au lac", "ete_au_lac"),
    ],
)
def test_an_own_tag_id_is_made_from_its_words(label: str, tag_id: str) -> None:
    assert tag_id_from(label) == tag_id


def test_an_own_tag_never_takes_an_id_already_used() -> None:
    tags = tag_list([CustomTag("gardening", "Gardening", TagKind.SET_OFF)])
    tag = new_custom_tag("Heat!", TagKind.SET_OFF, tags)
    assert tag == CustomTag("heat_2", "Heat!", TagKind.SET_OFF)
    assert new_custom_tag("Gardening", TagKind.HELPED, tags).id == "gardening_2"
    with pytest.raises(ValidationError):
        new_custom_tag("   ", TagKind.HELPED, tags)
    with pytest.raises(ValidationError):
        new_custom_tag("x" * 41, TagKind.HELPED, tags)


def test_the_same_words_find_the_tag_already_there() -> None:
    tags = tag_list()
    found = same_words("  a   BAD night ", tags)
    assert found is not None and found.id == "bad_night"
    assert same_words("gardening", tags) is None


def test_the_day_form_hands_its_tags_over_as_one_line() -> None:
    texts = {"date": "2026-11-21", "leg_pain": "5", "back_pain": "2", "tags": "driving,heat"}
    assert daily_log_from_form(texts, today=TODAY).tags == ("driving", "heat")
    texts["tags"] = ""
    assert daily_log_from_form(texts, today=TODAY).tags == ()
