"""The headings of an exported visit report (PDF and Markdown). A doctor reads the page, and
the person is the one speaking on it: "My questions", not the app's "Your top questions"."""

from __future__ import annotations

REPORT_HEADINGS: dict[str, str] = {
    "story": "My symptom story",
    "history": "My health history and medicines",
    "imaging": "Scans and reports",
    "questions": "My questions",
    "goals": "My goals",
    "leave": "Before I leave",
    "notes": "Notes after the visit",
}
