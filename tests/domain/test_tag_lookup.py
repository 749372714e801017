"""Finding a tag from what was typed: the id or the words, in any case."""

from __future__ import annotations

import pytest

from sciatica_tui.domain.tag_list import tag_list
from sciatica_tui.domain.tag_lookup import find_tag
from sciatica_tui.domain.tags import CustomTag, TagKind

OWN = (
    CustomTag("gardening", "In the garden", TagKind.SET_OFF),
    CustomTag("hot_bath", "Heat", TagKind.HELPED),  # another tag's words: the id wins
)


@pytest.mark.parametrize(
    ("typed", "tag_id"),
    [
        ("driving", "driving"),
        ("DRIVING", "driving"),
        ("bad_night", "bad_night"),
        ("bad night", "bad_night"),
        ("A Bad Night", "bad_night"),
        ("  a   bad-night ", "bad_night"),
        ("sitting-long", "sitting_long"),
        ("in the garden", "gardening"),
        ("gardening", "gardening"),
        ("heat", "heat"),
        ("hot bath", "hot_bath"),
        ("", None),
        ("drivng", None),
    ],
)
def test_find_tag(typed: str, tag_id: str | None) -> None:
    tag = find_tag(typed, tag_list(OWN))
    assert (tag.id if tag else None) == tag_id
