"""Which characters new text may hold, and how a refused one is named to a person.

Refused: the control characters other than tab and newline (C0, DEL, C1), and the bidi
embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). A terminal acts on them
(ESC starts an escape sequence; an override reorders the text around it), nobody types them
on purpose, and they arrive hidden in pasted text. Kept: every other format character, such
as the zero-width joiner inside emoji, the left-to-right and right-to-left marks that
right-to-left writing needs, and the soft hyphen; they cannot move the cursor or reorder
text beyond their own word, and anything that slips through is shown inert
(``domain.inert_text``).

Line breaks are not refused but made plain first: a Windows line break (CR LF), a lone CR
and the Unicode line and paragraph separators all become a newline, as a person who pasted
them expects.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from sciatica_tui.domain.inert_text import BIDI_CONTROLS, STAND_INS

C0_NAMES: Final = (
    "NUL SOH STX ETX EOT ENQ ACK BEL BS TAB LF VT FF CR SO SI "
    "DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US"
).split()

_REFUSED = re.compile(
    "["
    + "".join(
        re.escape(chr(code))
        for code in [*range(0x20), *range(0x7F, 0xA0), *sorted(BIDI_CONTROLS)]
        if code not in (0x09, 0x0A)
    )
    + "]"
)
HIDDEN_CONTROL_HINT: Final = (
    "Delete it, then save again: such characters come hidden in pasted text and cannot be kept."
)
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")


def with_plain_line_breaks(text: str) -> str:
    """``text`` with CR LF, a lone CR and U+2028/U+2029 each made a newline."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text  # the usual case
    return _LINE_BREAKS.sub("\n", text)


def hidden_control(text: str) -> str | None:
    """What is wrong when ``text`` holds a refused character (the first one, named, with
    where it is), or None when it holds none."""
    found = _REFUSED.search(text)
    if found is None:
        return None
    where = found.start()
    line = text.count("\n", 0, where) + 1
    column = where - (text.rfind("\n", 0, where) + 1) + 1
    place = f"on line {line}, character {column}" if "\n" in text else f"at character {column}"
    return f"holds a hidden control character ({character_name(found.group())}) {place}"


def character_name(character: str) -> str:
    """A short name for a refused character, with how the app shows it: "ESC, shown as ␛"."""
    code = ord(character)
    if code < 0x20:
        name = C0_NAMES[code]
    elif code == 0x7F:
        name = "DEL"
    else:
        name = f"{unicodedata.name(character, 'control').lower()} U+{code:04X}"
    return f"{name}, shown as {STAND_INS[code]}"
