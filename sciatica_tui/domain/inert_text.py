"""Text made safe to show in a terminal: every character a terminal could act on is replaced
by a visible, inert stand-in.

A terminal acts on control characters: ESC and the C1 controls start escape sequences (clear
the screen, write the clipboard, make a link), BEL rings, a lone CR moves back over what was
printed. Bidi embeddings, overrides and isolates reorder the text around them on terminals
that lay out right-to-left writing, so what is shown could differ from what is stored. The
diary refuses all of these in new text (``validation.checks``), but a file written by an
older version or edited by hand may hold them, so everything printed goes through here.

Each stand-in is one character one cell wide, so text keeps its length and the place of
every other character: a C0 control becomes its Unicode control picture (ESC shows as ␛),
DEL shows as ␡, a line or paragraph separator as ␤, and the rest as �.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported: `sciatica status` runs at every prompt
if TYPE_CHECKING:
    import re
    from typing import Final

BIDI_CONTROLS: Final = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
LINE_SEPARATORS: Final = frozenset([0x2028, 0x2029])
KEPT: Final = frozenset([0x09, 0x0A])  # tab and newline are the text's own layout


def _stand_in(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␀ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if code in LINE_SEPARATORS:
        return "\u2424"  # ␤
    return "\ufffd"  # �: C1 controls and bidi controls have no picture of their own


UNSAFE_CODES: Final = (
    frozenset([*range(0x20), *range(0x7F, 0xA0), *BIDI_CONTROLS, *LINE_SEPARATORS]) - KEPT
)
STAND_INS: Final[dict[int, str]] = {code: _stand_in(code) for code in sorted(UNSAFE_CODES)}


def inert(text: str) -> str:
    """``text`` with every character a terminal could act on shown as a visible stand-in;
    newline, tab and a CR that ends a line (CR LF) are kept."""
    # Every unsafe character is a control, format or separator one, which isprintable()
    # refuses: most text (a status line at a prompt) needs no pattern at all.
    if text.rstrip("\n").isprintable():
        return text
    unsafe = _unsafe()
    if not unsafe.search(text):
        return text  # the usual case: nothing to replace
    return unsafe.sub(lambda found: STAND_INS[ord(found.group())], text)


_UNSAFE: list[re.Pattern[str]] = []


def _unsafe() -> re.Pattern[str]:
    """Any unsafe character, or a CR not right before an LF (CR LF ends a line in CSV rows:
    harmless, and kept). Compiled when first needed, not at every prompt."""
    if not _UNSAFE:
        import re

        codes = sorted(UNSAFE_CODES - {0x0D})
        _UNSAFE.append(re.compile("\r(?!\n)|[" + "".join(re.escape(chr(c)) for c in codes) + "]"))
    return _UNSAFE[0]
