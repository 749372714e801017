"""Tags: the built-in list, the person's own, and the rules of what a day may hold."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.content_loader import ContentError, default_content_dir
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.tag_list import built_in_tags, load_built_in_tags, tag_list
from sciatica_tui.domain.tags import MAX_TAGS, CustomTag, TagKind, tag_label
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_daily_log
from sciatica_tui.domain.validation.tag_rules import check_tags, validate_custom_tag

TODAY = date(2026, 12, 3)


def test_the_built_in_tags_are_the_documented_ids_in_order() -> None:
    by_kind = {kind: [t.id for t in built_in_tags() if t.kind is kind] for kind in TagKind}
    assert by_kind[TagKind.SET_OFF] == [
        "sitting_long",
        "driving",
        "lifting",
        "bending",
        "bad_night",
        "stress",
    ]
    assert by_kind[TagKind.HELPED] == [
        "walking",
        "heat",
        "ice",
        "stretching",
        "exercises",
        "rest",
        "medicine",
    ]


def test_own_tags_follow_the_built_ins_of_their_kind_and_never_replace_one() -> None:
    own = [
        CustomTag("gardening", "Gardening", TagKind.SET_OFF),
        CustomTag("heat", "My heat pad", TagKind.HELPED),
        CustomTag("swim", "Swimming", TagKind.HELPED),
    ]
    ids = [t.id for t in tag_list(own)]
    assert ids.index("gardening") == ids.index("stress") + 1
    assert ids[-1] == "swim"
    assert ids.count("heat") == 1
    assert tag_label("heat", tag_list(own)) == "Heat"


def test_a_removed_tag_still_reads_on_the_days_that_held_it() -> None:
    assert tag_label("long_flight", tag_list()) == "Long flight"


def test_a_day_keeps_its_tags_in_the_order_picked_each_once() -> None:
    raw = {"date": "2026-12-01", "leg_pain": 5, "back_pain": 2, "tags": ["driving", "heat"]}
    log = validate_daily_log(raw, today=TODAY)
    assert log.tags == ("driving", "heat")
    assert log.to_record() == raw
    assert "tags" not in DailyLog(TODAY, 1, 1).to_record()
    again = validate_daily_log({**raw, "tags": ["heat", "heat"]}, today=TODAY)
    assert again.tags == ("heat",)


@pytest.mark.parametrize(
    ("tags", "problem"),
    [
        ("driving", "is not a list"),
        (["Driving"], "is not a tag id"),
        ([3], "is not a tag id"),
        ([f"t{i}" for i in range(MAX_TAGS + 1)], f"more than {MAX_TAGS}"),
    ],
)
def test_bad_tags_are_named(tags: object, problem: str) -> None:
    raw = {"date": "2026-12-01", "leg_pain": 5, "back_pain": 2, "tags": tags}
    with pytest.raises(ValidationError) as caught:
        validate_daily_log(raw, today=TODAY)
    assert problem in str(caught.value)
    assert "tags" in str(caught.value)


@given(st.lists(st.from_regex(r"[a-z0-9_]{1,20}", fullmatch=True), max_size=MAX_TAGS))
def test_any_list_of_ids_within_the_limit_is_kept(ids: list[str]) -> None:
    assert check_tags(ids) == tuple(dict.fromkeys(ids))


def test_a_custom_tag_needs_words_on_one_line_and_a_kind() -> None:
    tag = validate_custom_tag({"id": "garden", "label": " Gardening ", "kind": "set_off"})
    assert tag == CustomTag("garden", "Gardening", TagKind.SET_OFF)
    assert tag.to_record() == {"id": "garden", "label": "Gardening", "kind": "set_off"}
    for bad in (
        {"id": "garden", "label": "", "kind": "set_off"},
        {"id": "garden", "label": "two\nlines", "kind": "set_off"},
        {"id": "garden", "label": "Gardening", "kind": "caused"},
        {"id": "Garden!", "label": "Gardening", "kind": "helped"},
    ):
        with pytest.raises(ValidationError):
            validate_custom_tag(bad)


def test_a_broken_tags_file_names_the_file_and_key(tmp_path: Path) -> None:
    folder = shutil.copytree(default_content_dir(), tmp_path / "content")
    text = (folder / "tags.toml").read_text()
    (folder / "tags.toml").write_text(text.replace('id = "ice"', 'id = "heat"'))
    with pytest.raises(ContentError, match="tags.toml"):
        load_built_in_tags(folder)
    (folder / "tags.toml").write_text(text.replace('label = "Ice"', 'lable = "Ice"'))
    with pytest.raises(ContentError, match=r"tags.toml: helped\[2\]"):
        load_built_in_tags(folder)
