"""The tags the person picks from: the built-ins from ``content/tags.toml``, checked on load,
then their own. ``tag_list`` puts the two together, so every screen and report shows the same
tags in the same order with the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from sciatica_tui.domain.content_loader import ContentTable, default_content_dir, load_file
from sciatica_tui.domain.tags import CustomTag, Tag, TagKind

TAGS_FILE = "tags.toml"


def _tags(t: ContentTable) -> tuple[Tag, ...]:
    tags: list[Tag] = []
    for kind in TagKind:
        for table in t.tables(kind.value):
            tags.append(Tag(table.id(), table.text("label"), kind))
            table.done()
    t.done()
    ids = [tag.id for tag in tags]
    for tag_id in ids:
        if ids.count(tag_id) > 1:
            raise t.error(tag_id, "is used for more than one tag")
    return tuple(tags)


def load_built_in_tags(content_dir: Path) -> tuple[Tag, ...]:
    """Load and check ``tags.toml`` from ``content_dir`` (tests use a broken copy)."""
    return load_file(TAGS_FILE, content_dir, _tags)


@cache
def built_in_tags() -> tuple[Tag, ...]:
    """The built-in tags, what set it off first, each group in the file's order."""
    return load_built_in_tags(default_content_dir())


def tag_list(custom: Iterable[CustomTag] = ()) -> tuple[Tag, ...]:
    """Every tag the person can pick: the built-ins, then their own, grouped by kind.
    A custom tag never replaces a built-in with the same id."""
    built_in = built_in_tags()
    taken = {tag.id for tag in built_in}
    own = [tag for tag in custom if tag.id not in taken]
    return tuple(tag for kind in TagKind for tag in (*built_in, *own) if tag.kind is kind)
