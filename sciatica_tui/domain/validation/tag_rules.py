"""The rules of tags: the ids a day or a flare-up holds, and the tags the person adds."""

from __future__ import annotations

from typing import Any

from sciatica_tui.domain.tags import MAX_TAGS, CustomTag, TagKind
from sciatica_tui.domain.validation.checks import (
    ITEM_ID,
    Rule,
    build_record,
    check_one_line,
    choice_hint,
    one_of,
)
from sciatica_tui.domain.validation.problems import BadValue, show_value

TAG_LABEL_MAX = 40
TAGS_HINT = f"Tags must be a list of at most {MAX_TAGS} tag ids."


def check_tags(value: Any) -> tuple[str, ...]:
    """Tag ids, each kept once, in the order given. An id not in today's tag list is kept:
    a tag the person removed stays on the days that held it."""
    if not isinstance(value, list):
        raise BadValue("is not a list")
    for item in value:
        if not isinstance(item, str) or not ITEM_ID.fullmatch(item):
            raise BadValue(f"{show_value(item)} is not a tag id")
    tags = tuple(dict.fromkeys(value))
    if len(tags) > MAX_TAGS:
        raise BadValue(f"holds {len(tags)} tags, more than {MAX_TAGS}")
    return tags


def _label(value: Any) -> str:
    text = check_one_line(value, TAG_LABEL_MAX).strip()
    if not text:
        raise BadValue("is empty")
    return text


CUSTOM_TAG_RULES = {
    "id": Rule(
        lambda value: check_tags([value])[0], "The id must be short lowercase letters.", True
    ),
    "label": Rule(_label, f"A tag's words need 1 to {TAG_LABEL_MAX} characters on one line.", True),
    "kind": Rule(one_of(TagKind), choice_hint("The kind of tag", TagKind), True),
}


def validate_custom_tag(raw: Any) -> CustomTag:
    """Check a tag the person added."""
    return build_record(raw, CUSTOM_TAG_RULES, "custom tag", CustomTag)
