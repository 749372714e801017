"""The title of an exported report: with the name the person chose for reports, "Visit
summary for Sam Taylor", the report's own title going under it; without one, as before."""

from __future__ import annotations

from collections.abc import Callable


def report_title(
    own_title: str, report_name: str | None, *, visit: bool, say: Callable[[str], str] = str
) -> tuple[str, str | None]:
    """(title, line under it): ``own_title`` alone without a name; with one, "Visit summary
    for <name>" (or "Sciatica summary for <name>" with no ``visit``) above ``own_title``.
    The name, the person's words, is written through ``say`` (Markdown escapes it)."""
    if report_name is None or not report_name.strip():
        return own_title, None
    what = "Visit summary" if visit else "Sciatica summary"
    return f"{what} for {say(report_name.strip())}", own_title
