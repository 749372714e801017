"""The writes of the day as it is lived, as typed values (see ``changes``): flare-ups and the
person's own tags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.tags import CustomTag
from sciatica_tui.store.changes import DiaryChange
from sciatica_tui.store.diary_store import DiaryStore


@dataclass(frozen=True)
class SaveFlareUp(DiaryChange):
    """Save a flare-up; when it was edited to another time, ``replaces`` is the time it had."""

    flare_up: FlareUp
    replaces: datetime | None = None

    def apply(self, store: DiaryStore) -> None:
        """Save the new one first, then remove the old: a failure between keeps both."""
        store.save_flare_up(self.flare_up)
        if self.replaces is not None and self.replaces != self.flare_up.at:
            store.remove_flare_up(self.replaces)


@dataclass(frozen=True)
class RemoveFlareUp(DiaryChange):
    """Remove the flare-up logged at ``at``."""

    at: datetime

    def apply(self, store: DiaryStore) -> None:
        """Remove it."""
        store.remove_flare_up(self.at)


@dataclass(frozen=True)
class SaveCustomTag(DiaryChange):
    """Add a tag of the person's own to the list."""

    tag: CustomTag

    def apply(self, store: DiaryStore) -> None:
        """Save the tag."""
        store.save_custom_tag(self.tag)
