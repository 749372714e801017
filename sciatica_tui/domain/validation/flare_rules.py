"""The rules of a flare-up record (DESIGN.md, "Data")."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import Reach
from sciatica_tui.domain.validation.checks import (
    Checker,
    Rule,
    build_record,
    check_iso_datetime,
    choice_hint,
    one_of,
    scale_hint,
    text_up_to,
    whole,
)
from sciatica_tui.domain.validation.problems import BadValue
from sciatica_tui.domain.validation.rules import NOTES_MAX
from sciatica_tui.domain.validation.tag_rules import TAGS_HINT, check_tags

# A flare-up lasts at most a day; longer is the day's pain, not a flare-up.
MINUTES_MAX = 24 * 60


def _not_after(today: date) -> Checker:
    def check(value: Any) -> datetime:
        at = check_iso_datetime(value)
        if at.date() > today:
            raise BadValue(f"{value} is in the future")
        return at

    return check


@lru_cache(maxsize=4)
def flare_up_rules(today: date) -> dict[str, Rule]:
    """The rules of the ``flare_ups`` record; kept per day like the daily log's."""
    return {
        "at": Rule(
            _not_after(today), "The time must be an ISO date and time, not in the future.", True
        ),
        "pain": Rule(whole(0, 10), scale_hint("Pain", 0, 10), True),
        "reach": Rule(one_of(Reach), choice_hint("How far the pain reached", Reach)),
        "triggers": Rule(check_tags, TAGS_HINT),
        "helped": Rule(check_tags, TAGS_HINT),
        "minutes": Rule(whole(0, MINUTES_MAX), scale_hint("Minutes", 0, MINUTES_MAX)),
        "notes": Rule(text_up_to(NOTES_MAX), f"Notes can be at most {NOTES_MAX} characters."),
    }


def validate_flare_up(raw: Any, *, today: date) -> FlareUp:
    """Check a raw flare-up; return it typed or raise ``ValidationError``."""
    return build_record(raw, flare_up_rules(today), "flare-up", FlareUp)
