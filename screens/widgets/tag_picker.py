"""``TagPicker``: every tag of one kind on a few lines, each picked or unpicked with one key.

The keys are 1–9, then letters, each shown beside its tag; ``+`` adds a tag of the person's
own (saved as a ``custom_tags`` record, and picked). A click on a tag picks it too. The picker
keeps tags it holds that are no longer in the list (a tag removed since): a day never loses
what it held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from string import ascii_lowercase
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from sciatica_tui.domain.own_tags import new_custom_tag, same_words
from sciatica_tui.domain.tag_list import tag_list
from sciatica_tui.domain.tags import MAX_TAGS, Tag, TagKind, tag_label
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.tag_rules import TAG_LABEL_MAX
from sciatica_tui.screens.host import SavesUnderWay, diary
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.store.day_changes import SaveCustomTag

# One key per tag: 1–9, then the letters (more tags than keys is more than a day holds).
PICK_KEYS = "123456789" + ascii_lowercase
ADD_KEY = "plus"
GAP = "  "
KIND_WORDS = {TagKind.SET_OFF: "what set it off", TagKind.HELPED: "what helped"}


@dataclass(frozen=True)
class TagPlace:
    """Where one entry is drawn: its line and columns (for a click)."""

    line: int
    start: int
    end: int
    index: int  # into the tags; -1 for "+ own"


class TagPicker(Widget, can_focus=True):
    """Pick tags of one kind by their keys; ``picked`` holds the ids in the order picked."""

    DEFAULT_CSS = """
    TagPicker {
        height: auto;
        width: 1fr;
        &:focus {
            background: $block-cursor-blurred-background;
        }
    }
    TagPicker > .tag-picker--key { color: $text-accent; text-style: bold; }
    TagPicker > .tag-picker--picked { color: $text; text-style: bold reverse; }
    TagPicker > .tag-picker--add { color: $text-muted; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tag-picker--key",
        "tag-picker--picked",
        "tag-picker--add",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, f"pick({i})", show=False) for i, key in enumerate(PICK_KEYS)),
        Binding(ADD_KEY, "add_own", "Add my own tag", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The person picked or unpicked a tag; ``picked`` is every id picked now."""

        picker: TagPicker
        picked: tuple[str, ...]

        @property
        def control(self) -> TagPicker:
            """The picker that changed (for ``@on(..., selector)``)."""
            return self.picker

    def __init__(
        self,
        kind: TagKind,
        tags: Sequence[Tag],
        picked: Sequence[str] = (),
        *,
        limit: int = MAX_TAGS,
        id: str | None = None,  # noqa: A002 (Textual's own name)
        classes: str | None = None,
    ) -> None:
        """The ``tags`` of ``kind`` to pick from (others are left out), ``picked`` at start;
        at most ``limit`` can be picked."""
        super().__init__(id=id, classes=classes)
        self.kind = kind
        self.limit = limit
        self.tags: list[Tag] = [tag for tag in tags if tag.kind is kind]
        self.picked: tuple[str, ...] = ()
        self._places: list[TagPlace] = []
        self._saves: SavesUnderWay[CustomTagAdded] = SavesUnderWay()
        self.show_picked(picked)

    # --- what it holds ---------------------------------------------------------------------

    def set_tags(self, tags: Sequence[Tag]) -> None:
        """Pick from ``tags`` (those of this kind) from now on; what is picked stays."""
        self.tags = [tag for tag in tags if tag.kind is self.kind]
        self.show_picked(self.picked)

    def show_picked(self, picked: Sequence[str]) -> None:
        """Show ``picked`` as the picks (says nothing to listeners). An id not in the list is
        added to it, with words made from the id, so it can be seen and unpicked."""
        known = {tag.id for tag in self.tags}
        for tag_id in picked:
            if tag_id not in known:
                self.tags.append(Tag(tag_id, tag_label(tag_id, ()), self.kind))
                known.add(tag_id)
        self.picked = tuple(dict.fromkeys(picked))
        self.refresh(layout=True)

    def _set_picked(self, picked: tuple[str, ...]) -> None:
        self.picked = picked
        self.refresh(layout=True)
        self.post_message(self.Changed(self, picked))

    def action_pick(self, index: int) -> None:
        """Pick the tag at ``index`` (its key), or unpick it; no tag there: a bell."""
        if index >= len(self.tags):
            self.app.bell()
            return
        tag_id = self.tags[index].id
        if tag_id in self.picked:
            self._set_picked(tuple(t for t in self.picked if t != tag_id))
        elif len(self.picked) >= self.limit:
            self.app.bell()
            self.notify(f"At most {self.limit} tags here.", severity="warning", timeout=4)
        else:
            self._set_picked((*self.picked, tag_id))

    # --- the person's own tag --------------------------------------------------------------

    def action_add_own(self) -> None:
        """Ask for the words of a new tag; it is added to the list, saved, and picked."""
        # Read when first opened: not on the first screen's path.
        from sciatica_tui.screens.dialogs.text import TextDialog

        title = f"Your own tag: {KIND_WORDS[self.kind]}"
        self.app.push_screen(TextDialog(title, "", TAG_LABEL_MAX), self._own_tag_typed)

    def _own_tag_typed(self, label: str | None) -> None:
        if label is None:
            return
        every_tag = [*tag_list(diary(self).custom_tags()), *self.tags]
        found = same_words(label, (tag for tag in every_tag if tag.kind is self.kind))
        if found is not None:  # already there: pick it, never a second one
            if found not in self.tags:
                self.tags.append(found)
            if found.id not in self.picked:
                self.action_pick(self.tags.index(found))
            return
        try:
            tag = new_custom_tag(label, self.kind, every_tag)
        except ValidationError as error:
            problem = error.problems[0]
            self.notify(f"{problem.hint}", title="Tag not added", severity="warning")
            return
        self.tags.append(tag)
        self.action_pick(len(self.tags) - 1)
        self._saves.start(self, SaveCustomTag(tag), CustomTagAdded(tag))

    @on(DiarySaved)
    def _tag_saved(self, message: DiarySaved) -> None:
        added = self._saves.reported(message)
        if added is not None:
            self.notify(f"Added {added.tag.label!r} to your tags.", timeout=3)

    @on(DiaryNotSaved)
    def _tag_not_saved(self, message: DiaryNotSaved) -> None:
        added = self._saves.reported(message)
        if added is not None:
            self.notify(
                f"{message.error} It is picked here, but not kept in your list.",
                title="Tag not saved",
                severity="error",
                timeout=10,
            )

    # --- drawing ---------------------------------------------------------------------------

    def _entries(self) -> list[tuple[str, str, int]]:
        """(key, words, index) for each tag, then "+ own"."""
        entries = [
            (PICK_KEYS[i] if i < len(PICK_KEYS) else " ", tag.label, i)
            for i, tag in enumerate(self.tags)
        ]
        return [*entries, ("+", "own", -1)]

    def _lay_out(self, width: int) -> list[list[tuple[str, str, int]]]:
        """The entries in lines of at most ``width`` cells (after the two of the focus mark)."""
        room = max(10, width - 2)
        lines: list[list[tuple[str, str, int]]] = [[]]
        used = 0
        for entry in self._entries():
            size = len(entry[0]) + 1 + len(entry[1])
            if lines[-1] and used + len(GAP) + size > room:
                lines.append([])
                used = 0
            used += (len(GAP) if lines[-1] else 0) + size
            lines[-1].append(entry)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the tags need at ``width``."""
        return len(self._lay_out(width))

    def render(self) -> Text:
        """ "› 1 Sitting long  2✓Driving  …  + own": a ✓ and reverse mark a pick."""
        key_style = self.get_component_rich_style("tag-picker--key")
        picked_style = self.get_component_rich_style("tag-picker--picked")
        add_style = self.get_component_rich_style("tag-picker--add")
        text = Text(no_wrap=True, overflow="ellipsis")
        self._places = []
        for number, line in enumerate(self._lay_out(self.content_region.width or 80)):
            if number:
                text.append("\n  ")
            else:
                text.append("› " if self.has_focus else "  ")
            column = 2
            for place, (key, words, index) in enumerate(line):
                if place:
                    text.append(GAP)
                    column += len(GAP)
                start = column
                text.append(key, key_style)
                if index < 0:
                    text.append(f" {words}", add_style)
                else:
                    picked = self.tags[index].id in self.picked
                    text.append("✓" if picked else " ")
                    text.append(words, picked_style if picked else "")
                column += len(key) + 1 + len(words)
                self._places.append(TagPlace(number, start, column, index))
        return text

    def on_focus(self) -> None:
        """Show the focus mark."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the focus mark."""
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """A click on a tag picks or unpicks it; on "+ own", adds one."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for place in self._places:
            if place.line == offset.y and place.start <= offset.x < place.end:
                if place.index < 0:
                    self.action_add_own()
                else:
                    self.action_pick(place.index)
                return


@dataclass(frozen=True)
class CustomTagAdded:
    """A tag of the person's own, on its way to the diary."""

    tag: Tag
