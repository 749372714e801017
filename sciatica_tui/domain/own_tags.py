"""A tag the person adds from a picker: its words checked, and an id made from them that no
other tag holds (ids are stored on days and flare-ups, so they never change once made)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sciatica_tui.domain.tags import CustomTag, Tag, TagKind
from sciatica_tui.domain.validation.tag_rules import validate_custom_tag

_NOT_ID = re.compile(r"[^a-z0-9]+")
ID_ROOM = 40  # the longest id made from words (the rule allows 60, leaving room for "_2")


def tag_id_from(label: str) -> str:
    """ "Long car trip!" -> "long_car_trip", "Été" -> "ete"; words with no letter or digit
    give "own"."""
    plain = unicodedata.normalize("NFKD", label.lower()).encode("ascii", "ignore").decode()
    words = _NOT_ID.sub("_", plain).strip("_")
    return words[:ID_ROOM].strip("_") or "own"


def new_custom_tag(label: str, kind: TagKind, tags: Iterable[Tag]) -> CustomTag:
    """The person's own tag with ``label``, its id free among ``tags`` (every tag known).
    Raises ``ValidationError`` when the words break the rule (empty, too long, two lines)."""
    taken = {tag.id for tag in tags}
    base = tag_id_from(label)
    tag_id, number = base, 1
    while tag_id in taken:
        number += 1
        tag_id = f"{base}_{number}"
    return validate_custom_tag({"id": tag_id, "label": label, "kind": kind.value})


def same_words(label: str, tags: Iterable[Tag]) -> Tag | None:
    """A tag already in the list with these words (case and spaces aside), if there is one:
    adding "heat" again picks Heat instead of making a second one."""
    wanted = " ".join(label.lower().split())
    return next((tag for tag in tags if " ".join(tag.label.lower().split()) == wanted), None)
