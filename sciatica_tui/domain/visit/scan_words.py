"""A scan or test report in one line of a visit report, with what it found:
"MRI, 15 Nov 2026, Town hospital: L5/S1 disc bulge touching the S1 root; I have a copy."

The date is the person's text; one typed as 2026-11-15 is written the way the rest of the
report writes dates (with its year)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from sciatica_tui.domain.visits import ImagingReport
from sciatica_tui.domain.words import date_words

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def scan_date(typed: str) -> str:
    """``2026-11-15`` as ``15 Nov 2026``; anything else ("Oct 2026") as typed."""
    text = typed.strip()
    if _ISO_DAY.fullmatch(text):
        try:
            return date_words(date.fromisoformat(text))
        except ValueError:
            pass  # "2026-02-30": not a day, kept as typed
    return text


def scan_line(
    report: ImagingReport,
    copy_words: str,
    say: Callable[[str], str] = str.strip,
    kind_style: Callable[[str], str] = str,
) -> str:
    """Kind, date, where, then what it found after a colon, then ``copy_words``; each part
    the person typed written through ``say`` (Markdown escapes it), the kind then through
    ``kind_style`` (Markdown makes it bold)."""
    kind = say(report.kind)
    typed = [kind_style(kind) if kind else "", say(scan_date(report.date)), say(report.where)]
    line = ", ".join(part for part in typed if part)
    found = report.findings.strip().rstrip(".;, ")
    if found:
        line += f": {say(found)}"
    return f"{line}; {copy_words}."
