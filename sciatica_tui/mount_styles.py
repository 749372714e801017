"""Each widget styled once, as it is mounted, and not also while it is being built.

Textual restyles a widget and everything in it whenever one of its classes changes
(``App.update_styles``), even when that happens in the widget's constructor, before it has
a parent: a compact ``Input``, ``TextArea`` or ``Checkbox`` sets its class there, and so
does a ``Button``. Mounting styles every widget anyway (``App._register``), so the first
styling is thrown away. On Today's first screen it was 56 of the 283 style passes (each
Input brings four hidden parts that are styled with it), a fifth of the styling done
before the first frame (issue 18, item 7). ``tests/screens/test_mount_styles.py`` fails
if mounting stops styling a widget whose classes changed before it.
"""

from __future__ import annotations

from textual.app import App
from textual.dom import DOMNode


class StyledAtMount(App[int]):
    """An app that leaves a widget's styles to its mounting."""

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Restyle ``node`` and its descendants, unless it is not in the DOM yet (its
        mounting will style it, with every class it has by then)."""
        if node is self or node.is_attached:
            super().update_styles(node, animate=animate)
