"""Python's garbage collector, held back while the app starts.

The cyclic collector runs after every few hundred new objects and walks the objects that
survived earlier runs. Opening the app makes a great many that live as long as it does
(Textual's and our modules, the widgets, every record of the diary), so at start-up it
walked them again and again: about 50 ms before the first frame with an empty diary and
110 ms with ten years, measured with ``gc.callbacks``.

So ``sciatica`` holds the collector from before its imports until a second after the first
frame, and moves what exists before the app runs (modules, classes, content, the records)
to the permanent generation (``gc.freeze``), which later collections skip. Nothing waits
for memory meanwhile: reference counting frees most objects at once. Only objects in
reference cycles wait for the collector: a few thousand made while the app starts,
collected once it is released, and a few hundred made by the imports, kept for good.
"""

from __future__ import annotations

import gc

RELEASE_AFTER_FIRST_FRAME = 1.0  # seconds: past the start-up's own work and a first key


class _Hold:
    """Whether this process holds the collector (and so must release it)."""

    held = False


def hold() -> None:
    """Stop collecting until ``release`` (nothing happens if collection is already off)."""
    if gc.isenabled():
        gc.disable()
        _Hold.held = True


def is_held() -> bool:
    """True between ``hold`` and ``release``."""
    return _Hold.held


def keep_what_exists() -> None:
    """Move every object made so far out of the collector's sight (it lives for good)."""
    if _Hold.held:
        gc.freeze()


def release() -> None:
    """Collect again, as before ``hold`` (nothing happens if this process did not hold it)."""
    if _Hold.held:
        _Hold.held = False
        gc.enable()
