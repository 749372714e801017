"""Moving through the open visit a section at a time (ctrl+down, ctrl+up): the stops, the
field each starts on, and scrolling the section into view."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Collapsible

from sciatica_tui.domain.validation.rules import MAX_QUESTIONS
from sciatica_tui.screens.clinic.visit_form import VisitForm
from sciatica_tui.screens.widgets.focus import focus_now

# The stops through the open visit: the top rows, then each section.
VISIT_STOPS = ("top", "story", "history", "imaging", "questions", "goals", "leave", "notes")


def jump_section(form: VisitForm, focused: Widget | None, step: int) -> None:
    """Go to the next (+1) or previous (-1) section from ``focused``, opening it.

    The stops go round: next from the last section is the date again, as Tab goes round.
    From outside the form (the visit list, the buttons) next is the date and previous the
    last section.
    """
    here = stop_of(focused)
    if here is None:
        target = 0 if step > 0 else len(VISIT_STOPS) - 1
    else:
        target = (here + step) % len(VISIT_STOPS)
    stop = VISIT_STOPS[target]
    if stop != "top":
        form.open_section(stop)
    field = first_field(form, stop)
    # At once, so a key typed straight after lands here; scrolled once the section is open.
    focus_now(field, scroll_visible=False)
    form.call_after_refresh(show_stop, form, stop, field)


def stop_of(widget: Widget | None) -> int | None:
    """Which stop of the form ``widget`` is in (None outside the form's rows and sections)."""
    for node in widget.ancestors_with_self if widget is not None else ():
        name = (node.id or "").removeprefix("section-")
        if isinstance(node, Collapsible) and name in VISIT_STOPS:
            return VISIT_STOPS.index(name)
        if node.has_class("clinic-row"):
            return 0
    return None


def first_field(form: VisitForm, stop: str) -> Widget:
    """The field a person types into or picks from first in ``stop``."""
    fields = {
        "top": "#visit-date",
        "story": "#story",
        "history": "#history",
        # An empty list has nothing to pick: Add is where a first scan goes in.
        "imaging": "#imaging" if form.editor("imaging").items else "#imaging-add",
        # Five questions is the most: then the list, to reorder or change them.
        "questions": (
            "#new-question" if len(form.editor("questions").items) < MAX_QUESTIONS else "#questions"
        ),
        "goals": "#new-goal",
        "leave": "#section-leave Checkbox",
        "notes": "#notes-after",
    }
    return form.query(fields[stop]).first(Widget)


def show_stop(form: VisitForm, stop: str, field: Widget) -> None:
    """Scroll the section's title to the top of the form, keeping its field in view.

    Called once the opened section has its size. Deferred like the scroll an opened
    Collapsible asks for itself (which only makes the whole section fit), so this one,
    asked after it, has the last word.
    """
    if stop == "top":
        form.scroll_home(animate=False)
        return
    view = form.scrollable_content_region
    origin = view.y - form.scroll_offset.y  # where the top of the form is on screen
    title = form.query_one(f"#section-{stop}", Collapsible).region.y - origin
    first_lines = field.region.y - origin + min(field.outer_size.height, 3)
    form.scroll_to(y=max(title, first_lines - view.height), animate=False)
