"""What an older export looks like once this version has read it and written it back."""

from __future__ import annotations

from typing import Any

from sciatica_tui.store.export_format import FORMAT_VERSION

# The record lists added to the export after version 2; an older file has none of them, and
# reads as having each one empty. A change of shape that adds a list adds it here.
LISTS_ADDED = ("check_ins", "rehab_plan", "custom_tags", "flare_ups")


def as_exported_now(old: dict[str, Any]) -> dict[str, Any]:
    """``old`` brought to the current version: the lists it lacks added empty."""
    return {**dict.fromkeys(LISTS_ADDED, []), **old, "version": FORMAT_VERSION}
