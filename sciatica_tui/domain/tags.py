"""Tags for a day or a flare-up: what seemed to set the pain off, and what seemed to help.

The kinds of tag and the records; the list the person picks from (built-ins from
``content/tags.toml`` and their own) is in ``tag_list``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

# A day or a flare-up holds at most this many tags: more than a picker shows at once.
MAX_TAGS = 20


class TagKind(StrEnum):
    """Which question a tag answers."""

    SET_OFF = "set_off"
    HELPED = "helped"


@dataclass(frozen=True)
class Tag:
    """One tag: its stored id, the words shown, and which question it answers."""

    id: str
    label: str
    kind: TagKind


@dataclass(frozen=True)
class CustomTag(Tag):
    """A tag the person added; kept in the diary as a ``custom_tags`` record."""

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form."""
        return {"id": self.id, "label": self.label, "kind": self.kind.value}


def tag_label(tag_id: str, tags: Iterable[Tag]) -> str:
    """The words for ``tag_id``; a tag no longer in the list shows its id with spaces, so
    an old day never loses what it held."""
    for tag in tags:
        if tag.id == tag_id:
            return tag.label
    return tag_id.replace("_", " ").capitalize()
