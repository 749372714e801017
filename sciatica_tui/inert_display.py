"""One guard for every widget: text shown in the app can never become an escape sequence.

Why here. Whatever a widget shows (a Label, an Input's value, a TextArea's lines, a table
cell, an option, a notification, Markdown) becomes Textual ``Content`` or Rich ``Text``
before it is measured and drawn, and both constructors already pass the text through their
library's own control-code filter, a translation table that deletes only BEL, BS, VT, FF
and CR. ESC and the C1 controls went through: a visit reason holding ``ESC[2J`` cleared the
screen when the Clinic tab opened. Widening those two tables is one change that covers every
widget, present and future, with no widget of ours sanitising its own labels.

Why not later. By the time text reaches the driver it has been measured (a control
character counts as zero cells) and cut into lines, so a visible stand-in there would push
each line one cell too long; and Textual's own escape codes (colours, links, cursor moves)
are mixed in with it. At construction the stand-in is measured like any character, and it
is one character for one, so no span of styled text shifts.

Why not where records leave the store. The Today and Clinic forms must get back exactly
what is stored, so the person is told of a control character (``validation.characters``)
instead of having it silently replaced on the next save; and exports must keep it.

CR keeps the libraries' own treatment (deleted): a stored Windows line break shows as a
plain line break. The tables are private to Textual and Rich; tests/test_inert_display.py
fails with a clear message if an upgrade stops using them.
"""

from __future__ import annotations

from typing import cast

import rich.control
import textual.content

from sciatica_tui.domain.inert_text import STAND_INS

DISPLAY_STAND_INS: dict[int, str | None] = {**STAND_INS, 0x0D: None}


def show_control_characters_inert() -> None:
    """Make every Textual ``Content`` and Rich ``Text`` built from now on show control
    characters as visible stand-ins (ESC as ␛). Safe to call more than once."""
    for table in (
        rich.control._CONTROL_STRIP_TRANSLATE,
        textual.content._CONTROL_STRIP_TRANSLATE,
    ):
        cast(dict[int, str | None], table).update(DISPLAY_STAND_INS)
