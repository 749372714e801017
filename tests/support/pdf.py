"""Reading a PDF report back: its text (with pypdf), page by page, and its page size."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_pages(payload: bytes) -> list[str]:
    """The text of each page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(payload)).pages]


def pdf_text(payload: bytes) -> str:
    """The text of every page, one after the other, with runs of spaces made one."""
    return " ".join(" ".join(page.split()) for page in pdf_pages(payload))


def page_size(payload: bytes) -> tuple[int, int]:
    """The first page's width and height in points (A4: 595 x 842; letter: 612 x 792)."""
    box = PdfReader(io.BytesIO(payload)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))
