"""The day's tags on the Today form: what set the pain off and what helped, one picker each.

The form hands them to the validation layer as one line of ids (``text``), set-off tags first,
each kind in the order picked; ``fill`` shows a saved day's tags again.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from sciatica_tui.domain.tag_list import tag_list
from sciatica_tui.domain.tags import MAX_TAGS, Tag, TagKind
from sciatica_tui.screens.host import diary
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.screens.widgets.tag_picker import TagPicker

KIND_LABELS = {TagKind.SET_OFF: "Set off by", TagKind.HELPED: "Helped by"}
# The two kinds share the day's room for tags.
PER_KIND = MAX_TAGS // len(TagKind)


class DayTags(Vertical):
    """Two labelled pickers: what set the pain off today, and what helped."""

    def compose(self) -> ComposeResult:
        """One row per kind of tag."""
        tags = self.known_tags()
        for kind in TagKind:
            yield Horizontal(
                Label(KIND_LABELS[kind], classes="field-label"),
                TagPicker(kind, tags, limit=PER_KIND, id=f"day-tags-{kind.value}"),
                classes="tag-row",
            )

    def known_tags(self) -> tuple[Tag, ...]:
        """The built-in tags and the person's own."""
        return tag_list(diary(self).custom_tags())

    def picker(self, kind: TagKind) -> TagPicker:
        """The picker of one kind of tag."""
        return self.query_one(f"#day-tags-{kind.value}", TagPicker)

    def focus_first(self) -> None:
        """The cursor on what set it off (at once: a key typed straight after picks)."""
        focus_now(self.picker(TagKind.SET_OFF))

    def text(self) -> str:
        """The ids picked, set-off first, as one line: "driving,heat"."""
        return ",".join(tag for kind in TagKind for tag in self.picker(kind).picked)

    def refresh_tags(self) -> None:
        """Read the tag list afresh (a tag may have been added in the flare-up dialog)."""
        tags = self.known_tags()
        for kind in TagKind:
            self.picker(kind).set_tags(tags)

    def fill(self, tag_ids: Sequence[str]) -> None:
        """Show a day's tags (with the tag list read afresh: a tag may have been added).
        An id no longer in the list shows under what set it off, so it is never lost."""
        tags = self.known_tags()
        kinds = {tag.id: tag.kind for tag in tags}
        for kind in TagKind:
            picker = self.picker(kind)
            picker.set_tags(tags)
            picker.show_picked([t for t in tag_ids if kinds.get(t, TagKind.SET_OFF) is kind])
