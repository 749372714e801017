"""The pages of a visit report: a Unicode font, headings, paragraphs, lists, the person's
own words in a box, boxes to tick by hand, and a footer with the page number.

The font is DejaVu Sans Condensed (shipped in ``sciatica_tui/fonts`` with its licence): it
prints Latin with accents, Greek and Cyrillic. A character it has no glyph for is printed
as ``MISSING_MARK`` and the report says so at its end, rather than leaving a silent gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.util import Padding

from sciatica_tui.domain.visit.paper import Paper

FONT_FOLDER = Path(__file__).resolve().parents[2] / "fonts"
FONT_FILES = {"": "DejaVuSansCondensed.ttf", "B": "DejaVuSansCondensed-Bold.ttf"}
FAMILY = "DejaVu"
MISSING_MARK = "□"
MISSING_NOTE = (
    f"{MISSING_MARK} stands for a character this page's font cannot print "
    "(the Markdown export keeps every character as typed)."
)

BODY_SIZE = 9.5
LINE = 4.6  # mm per line of body text
MARGIN = 15


@cache
def printable_characters() -> frozenset[int]:
    """The code points the report's regular font has glyphs for."""
    with TTFont(str(FONT_FOLDER / FONT_FILES[""]), lazy=True) as font:
        return frozenset(font.getBestCmap())


class ReportPages(FPDF):
    """An FPDF document laid out for a visit report (``footer_words`` on every page)."""

    def __init__(self, paper: Paper, footer_words: str) -> None:
        """Pages of ``paper``, the report's font loaded."""
        super().__init__(orientation="portrait", unit="mm", format=paper.value)
        self.footer_words = footer_words
        self.missing_characters = False
        for style, name in FONT_FILES.items():
            self.add_font(FAMILY, style=style, fname=str(FONT_FOLDER / name))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 5)
        self.set_font(FAMILY, size=BODY_SIZE)
        self.add_page()

    def footer(self) -> None:
        """The page number of the whole, and the footer words, under every page."""
        self.set_y(-MARGIN)
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(80)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}} · {self.footer_words}", align="C")
        self.set_text_color(0)

    def printable(self, text: str) -> str:
        """``text`` with tabs as spaces and every character the font lacks as the mark."""
        known = printable_characters()
        kept = []
        for char in text.replace("\t", "    "):
            if char == "\n" or ord(char) in known:
                kept.append(char)
            else:
                kept.append(MISSING_MARK)
                self.missing_characters = True
        return "".join(kept)

    # --- blocks of text ------------------------------------------------------------------

    def write_title(self, text: str) -> None:
        """The report's title, large and bold."""
        self.set_font(FAMILY, "B", 15)
        self.multi_cell(0, 7, self.printable(text), align="L", new_x=XPos.LMARGIN)
        self.set_font(FAMILY, "", BODY_SIZE)

    def write_heading(self, text: str) -> None:
        """A section heading, with a rule under it; never the last line of a page."""
        if self.will_page_break(LINE * 4):
            self.add_page()
        self.ln(2.5)
        self.set_font(FAMILY, "B", 11)
        self.multi_cell(0, 5.5, self.printable(text), align="L", new_x=XPos.LMARGIN)
        self.set_draw_color(120)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.2)
        self.set_font(FAMILY, "", BODY_SIZE)

    def write_subheading(self, text: str) -> None:
        """A small bold line above a block."""
        self.set_font(FAMILY, "B", BODY_SIZE)
        self.multi_cell(0, LINE, self.printable(text), align="L", new_x=XPos.LMARGIN)
        self.set_font(FAMILY, "", BODY_SIZE)

    def write_paragraph(self, text: str, *, bold: bool = False, indent: float = 0) -> None:
        """Text wrapped to the page width (``indent`` mm in from the margin)."""
        self.set_font(FAMILY, "B" if bold else "", BODY_SIZE)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            0, LINE, self.printable(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_font(FAMILY, "", BODY_SIZE)

    def write_items(
        self, lines: Sequence[str], *, numbered: bool = False, indent: float = 0
    ) -> None:
        """A list: a bullet (or a number) hanging in front of each wrapped line, ``indent``
        mm in from the margin."""
        for number, line in enumerate(lines, start=1):
            mark = f"{number}." if numbered else "•"
            y = self.get_y()
            if self.will_page_break(LINE):
                self.add_page()
                y = self.get_y()
            self.set_xy(self.l_margin + indent + 1, y)
            self.cell(5, LINE, mark)
            self.set_xy(self.l_margin + indent + 6, y)
            self.multi_cell(
                0, LINE, self.printable(line), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )

    def write_boxed(self, lines: Sequence[str], *, thick: bool = False) -> None:
        """Lines in a box (the person's own words; the red flags with ``thick``)."""
        text = self.printable("\n".join(lines))
        self.set_line_width(0.6 if thick else 0.25)
        self.set_draw_color(0 if thick else 110)
        self.multi_cell(
            0,
            LINE,
            text,
            border=1,
            align="L",
            padding=Padding(top=1.5, right=2.5, bottom=1.5, left=2.5),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_line_width(0.2)

    def write_tick_boxes(self, lines: Sequence[str], ticked: Sequence[bool]) -> None:
        """Each line after an empty box to tick by hand (one ticked in the app shows ✓)."""
        for line, done in zip(lines, ticked, strict=True):
            if self.will_page_break(LINE + 1):
                self.add_page()
            y = self.get_y()
            self.set_line_width(0.25)
            self.set_draw_color(0)
            self.rect(self.l_margin + 1, y + 0.7, 3.2, 3.2)
            if done:
                self.set_xy(self.l_margin + 1.2, y)
                self.cell(3, LINE, "✓")
            self.set_xy(self.l_margin + 6, y)
            self.multi_cell(
                0, LINE, self.printable(line), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            self.ln(0.6)

    def write_ruled_lines(self, count: int, *, keep_free: float = 0) -> None:
        """``count`` ruled lines to write on (as many as fit on the page with ``keep_free``
        mm still free under them)."""
        self.set_draw_color(170)
        self.set_line_width(0.15)
        for _ in range(count):
            if self.will_page_break(7 + keep_free):
                break
            self.ln(7)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)
