"""Finding a tag from what a person typed: its id or its words, in any case
(``sciatica log --tag "bad night"``)."""

from __future__ import annotations

from collections.abc import Iterable

from sciatica_tui.domain.tags import Tag


def _plain(text: str) -> str:
    """Lower case, ``_`` and ``-`` as spaces, one space between words."""
    return " ".join(text.casefold().replace("_", " ").replace("-", " ").split())


def find_tag(typed: str, tags: Iterable[Tag]) -> Tag | None:
    """The tag whose id or words are ``typed`` (case, ``_``, ``-`` and spacing aside); an id
    wins over another tag's words. None when no tag matches."""
    wanted = _plain(typed)
    if not wanted:
        return None
    listed = list(tags)
    for tag in listed:
        if _plain(tag.id) == wanted:
            return tag
    for tag in listed:
        if _plain(tag.label) == wanted:
            return tag
    return None
