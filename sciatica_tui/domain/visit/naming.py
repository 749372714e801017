"""The names a visit goes by: its id in the diary and the stem of its exported file."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sciatica_tui.domain.visits import Visit


def export_stem(visit: Visit | None, today: date) -> str:
    """``visit-2026-11-24``, or ``summary-2026-11-21`` without a visit."""
    return f"visit-{visit.date.isoformat()}" if visit else f"summary-{today.isoformat()}"


def new_visit_id(now: datetime, taken: Collection[str]) -> str:
    """A new visit id from the time it was made: ``visit-20261121-093000`` (``-2``… if taken)."""
    base = f"visit-{now:%Y%m%d-%H%M%S}"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
