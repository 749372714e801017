"""The name a person may give for their reports: printed only on the visit report ("Visit
summary for Sam Taylor"), never shown anywhere else in the app. Optional: None is no name."""

from __future__ import annotations

from typing import Any

from sciatica_tui.domain.validation.checks import check_short_name
from sciatica_tui.domain.validation.problems import BadValue

REPORT_NAME_MAX = 60
REPORT_NAME_HINT = (
    f"A name for your reports is one line of at most {REPORT_NAME_MAX} characters "
    "(leave it empty for none)."
)


def check_report_name(value: Any) -> str:
    """A stored or imported name: one line, not blank, at most ``REPORT_NAME_MAX``
    characters, spaces around it dropped; ``BadValue`` otherwise."""
    return check_short_name(value, REPORT_NAME_MAX)


def parse_report_name(typed: str) -> str | None:
    """The name typed in the settings, as kept: None when left empty (no name on reports);
    ``ValueError`` saying what is wrong otherwise."""
    if not typed.strip():
        return None
    try:
        return check_report_name(typed)
    except BadValue as bad:
        raise ValueError(f"The name {bad.message}. {bad.hint or REPORT_NAME_HINT}") from None
