"""What an older export looks like once this version has read it and written it back."""

from __future__ import annotations

from typing import Any

from sciatica_tui.domain.medicines import medicines_from_visits
from sciatica_tui.store.export_format import FORMAT_VERSION

# The record lists added to the export after version 2; an older file has none of them, and
# reads as having each one empty. A change of shape that adds a list adds it here.
LISTS_ADDED = ("check_ins", "rehab_plan", "custom_tags", "flare_ups", "medicines")


def as_exported_now(old: dict[str, Any]) -> dict[str, Any]:
    """``old`` brought to the current version: the lists it lacks added empty, and the
    medicines its visits held made the one shared list (their empty notes left out, as a
    medicine is exported)."""
    now = {**dict.fromkeys(LISTS_ADDED, []), **old, "version": FORMAT_VERSION}
    if "medicines" not in old:
        shared, now["visits"] = medicines_from_visits(old.get("visits", []))
        now["medicines"] = [
            {key: value for key, value in medicine.items() if value or key == "dose"}
            for medicine in shared
        ]
    return now
