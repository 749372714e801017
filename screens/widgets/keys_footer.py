"""The footer of keys: one line of text, redrawn only when the keys it shows change.

Textual's ``Footer`` builds a widget per key and rebuilds them all after every focus move;
at start-up that rebuild came after the first frame and cost a second full layout of the
screen (about 0.2 s here). One ``Static`` holding the whole line draws with the first frame,
and a change of keys is a repaint of one line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static

GAP = "  "


@dataclass(frozen=True)
class FooterKey:
    """One key as the footer shows it."""

    key: str  # what a click presses
    display: str  # how the key is written, "^s"
    enabled: bool = True


@dataclass(frozen=True)
class FooterItem:
    """Keys with one description: a single key, or a group such as the six tab keys."""

    keys: tuple[FooterKey, ...]
    description: str


def footer_items(
    bindings: Iterable[tuple[Binding, bool]], key_display: Any
) -> tuple[FooterItem, ...]:
    """The shown bindings as footer items, in order; bindings of one group share an item.

    ``bindings`` are (binding, enabled) in the screen's order; ``key_display`` writes a
    binding's key ("ctrl+s" as "^s"). A key bound twice to one action is shown once.
    """
    items: list[FooterItem] = []
    seen_actions: set[str] = set()
    for binding, enabled in bindings:
        if binding.action in seen_actions:
            continue
        seen_actions.add(binding.action)
        key = FooterKey(binding.key, key_display(binding), enabled)
        group = binding.group
        # A group is one item, wherever its keys come, and it sits where its last key
        # comes: a widget in focus that binds one of them too (TextArea binds f6) moves
        # that key to the front, but the group stays where the rest of its keys are.
        place = next(
            (i for i, item in enumerate(items) if group and item.description == group.description),
            None,
        )
        if group is not None and place is not None:
            keys = sorted((*items.pop(place).keys, key), key=lambda k: (len(k.display), k.display))
            items.append(FooterItem(tuple(keys), group.description))
        elif group is not None:
            items.append(FooterItem((key,), group.description))
        else:
            items.append(FooterItem((key,), binding.description))
    return tuple(items)


def _key_markup(key: FooterKey) -> str:
    # A key is a link (its colours come from the link styles in app.tcss); dim when it does
    # nothing on this screen.
    style = "" if key.enabled else "dim "
    return f"[{style}@click=press({key.key!r})]{escape(key.display)}[/]"


def _item_markup(item: FooterItem, *, short_groups: bool) -> tuple[str, int]:
    """(markup, width in cells) of one item."""
    if short_groups and len(item.keys) > 2:
        first, last = item.keys[0], item.keys[-1]
        keys = f"[b $footer-key-foreground]{escape(first.display)}–{escape(last.display)}[/]"
    else:
        keys = " ".join(_key_markup(key) for key in item.keys)
    markup = f"{keys} {escape(item.description)}" if item.description else keys
    return markup, Content.from_markup(markup).cell_length


# Ways to write the line, fullest first: (groups as ranges, key on the right, groups at all).
# Groups go last: the tab keys, the only group, are also written on the tabs themselves.
_SHORTER_STEPS = (
    (False, True, True),
    (True, True, True),
    (True, False, True),
    (True, False, False),
)


def footer_markup(items: Sequence[FooterItem], width: int, right: FooterItem | None = None) -> str:
    """One line of markup for ``items`` in ``width`` cells, ``right`` at the right edge.

    When the line is too long, groups of keys are written as a range ("f1–f6 Tabs"), then the
    item on the right is left out, then the groups; what still does not fit is cut at the edge.
    """
    line = ""
    for short_groups, with_right, with_groups in _SHORTER_STEPS:
        kept = [item for item in items if with_groups or len(item.keys) == 1]
        parts = [_item_markup(item, short_groups=short_groups) for item in kept]
        line = " " + GAP.join(markup for markup, _width in parts)
        used = 1 + sum(cells for _markup, cells in parts) + len(GAP) * max(len(parts) - 1, 0)
        if with_right and right is not None:
            right_markup, right_width = _item_markup(right, short_groups=False)
            room = width - used - right_width - 1
            if room >= len(GAP):
                return f"{line}{' ' * room}{right_markup} "
        elif used <= width:
            return line
    return line


class KeysFooter(Static, can_focus=False):
    """The keys of the screen in view, on the bottom line; a click on a key presses it."""

    def __init__(self) -> None:
        super().__init__("", markup=True)
        self._items: tuple[FooterItem, ...] = ()
        self._right: FooterItem | None = None
        self._markup = ""
        self._followed: Screen[Any] | None = None

    def on_mount(self) -> None:
        """Show the keys now (so they are in the first frame), then follow the screen's,
        or those of a dialog open over it."""
        self._followed = self.screen
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        """Stop following the screens."""
        if self._followed is not None:
            self._followed.bindings_updated_signal.unsubscribe(self)
        self.app.screen_change_signal.unsubscribe(self)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        """A dialog opened over this screen (still seen around it) or closed: show the keys
        that work now, the dialog's, not the ones it has put out of reach."""
        front = screen if screen.is_modal and self.screen in self.app.screen_stack else None
        followed = front or self.screen
        if followed is not self._followed:
            if self._followed is not None:
                self._followed.bindings_updated_signal.unsubscribe(self)
            self._followed = followed
            followed.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(followed)

    def on_resize(self, event: events.Resize) -> None:
        """Fit the line to the new width."""
        self._draw()

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is not self._followed:
            return
        palette_key = self.app.COMMAND_PALETTE_BINDING
        shown: list[tuple[Binding, bool]] = []
        right: tuple[Binding, bool] | None = None
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.key == palette_key and self.app.ENABLE_COMMAND_PALETTE:
                right = (binding, enabled)
            elif binding.show:
                shown.append((binding, enabled))
        items = footer_items(shown, self.app.get_key_display)
        right_item = footer_items([right], self.app.get_key_display)[0] if right else None
        if (items, right_item) != (self._items, self._right):
            self._items, self._right = items, right_item
            self._draw()

    def _draw(self) -> None:
        width = self.size.width or self.app.size.width
        markup = footer_markup(self._items, width, self._right)
        if markup != self._markup:
            self._markup = markup
            # One line across the screen (app.tcss): its size never changes with the keys.
            self.update(Content.from_markup(markup), layout=False)

    def action_press(self, key: str) -> None:
        """A click on a key: press it, or ring the bell when it does nothing here."""
        enabled = {k.key: k.enabled for item in self._items for k in item.keys}
        if self._right is not None:
            enabled.update({k.key: k.enabled for k in self._right.keys})
        if enabled.get(key, False):
            self.app.simulate_key(key)
        else:
            self.app.bell()
