"""The parts of the diary store for the day as it is lived: the person's own tags (and, as
they land, flare-ups and medicines).

A part of ``DiaryStore`` (which it is mixed into), kept apart so each module holds one job.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from sciatica_tui.domain.tags import CustomTag
from sciatica_tui.store.tables import RecordTable


class DayRecords:
    """Typed reads and durable writes of the day's extra records; ``DiaryStore`` provides
    the tables and ``_writing``."""

    _custom_tags: RecordTable[CustomTag]

    def _writing(self) -> AbstractContextManager[None]:
        raise NotImplementedError  # DiaryStore's: serialised writes, clear errors

    def custom_tags(self) -> list[CustomTag]:
        """The tags the person added."""
        return self._custom_tags.all()

    def save_custom_tag(self, tag: CustomTag) -> None:
        """Add a tag, or change its words."""
        with self._writing():
            self._custom_tags.put(tag)

    def remove_custom_tag(self, tag_id: str) -> None:
        """Remove a tag from the list; days that held it keep it."""
        with self._writing():
            self._custom_tags.remove(tag_id)
