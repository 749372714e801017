"""Helpers for the weekly review tests: the "as of" day and logs or checks in its windows."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sciatica_tui.domain.records import DailyLog, Reach, RedFlagCheck, Verdict, Weakness

AS_OF = date(2026, 11, 21)
LEVELS = list(Reach)


def window(back: int, field: str | None, values: list[Any], **extra: Any) -> list[DailyLog]:
    """Logs on the first days of the 7-day window ``back`` weeks before ``AS_OF`` (0: this
    week), with ``field`` set to each of ``values`` in turn (reach fields given as ranks)."""
    logs = []
    for index, value in enumerate(values):
        day = AS_OF - timedelta(days=7 * back + index)
        fields: dict[str, Any] = {"leg_pain": 5, "back_pain": 3, **extra}
        if field is not None:
            if field in ("pain_reach", "numbness_reach"):
                value = LEVELS[value]
            elif field == "weakness":
                value = Weakness(value)
            fields[field] = value
        logs.append(DailyLog(day, **fields))
    return logs


def check(day: date, verdict: Verdict) -> RedFlagCheck:
    return RedFlagCheck(datetime.combine(day, time(10)), {"bladder_bowel": False}, verdict)
