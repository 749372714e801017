"""The words of the weekly check-in, read from ``content/check_in.toml`` and checked on load.

A broken file raises ``ContentError`` naming the file and the key, like every content file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sciatica_tui.domain.content_loader import ContentTable, default_content_dir, load_file
from sciatica_tui.domain.validation.check_in_rules import GLOBAL_CHANGE_HIGH, GLOBAL_CHANGE_LOW

CHECK_IN_FILE = "check_in.toml"
GLOBAL_STEPS = GLOBAL_CHANGE_HIGH - GLOBAL_CHANGE_LOW + 1


@dataclass(frozen=True)
class CheckInWords:
    """Everything in ``check_in.toml``."""

    title: str
    offer: str
    intro: str
    first_time: str
    names_heading: str
    global_question: str
    global_keys: str
    no_names: str
    saved: str
    skipped: str
    # From much worse (-3) to much better (+3).
    global_change: tuple[str, ...]
    noticeable: str
    not_noticeable: str

    def global_words(self, change: int) -> str:
        """The answer ``change`` (-3 … +3) in words: "A little better"."""
        return self.global_change[change - GLOBAL_CHANGE_LOW]


def _check_in_words(t: ContentTable) -> CheckInWords:
    steps = t.texts("global_change")
    if len(steps) != GLOBAL_STEPS:
        raise t.error("global_change", f"expected {GLOBAL_STEPS} entries, got {len(steps)}")
    names = [name for name in CheckInWords.__dataclass_fields__ if name != "global_change"]
    words = CheckInWords(global_change=steps, **{name: t.text(name) for name in names})
    t.done()
    return words


def load_check_in_words(content_dir: Path) -> CheckInWords:
    """Load and check ``check_in.toml`` from ``content_dir`` (tests use a broken copy)."""
    return load_file(CHECK_IN_FILE, content_dir, _check_in_words)


@cache
def check_in_words() -> CheckInWords:
    """The check-in words from the app's own ``content/check_in.toml``."""
    return load_check_in_words(default_content_dir())
