"""The list of visits kept, on the left of the Clinic visit tab."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sciatica_tui.domain.visits import Visit
from sciatica_tui.domain.words import long_day


def visit_label(visit: Visit, *, is_open: bool, on: date) -> Content:
    """How a visit reads in the list: its date, whether it is ahead, and who."""
    if visit.date > on:
        when = "upcoming"
    elif visit.date == on:
        when = "today"
    else:
        when = "past"
    who = visit.clinician or visit.reason
    if len(who) > 19:
        who = who[:18] + "…"
    marker = "▶ " if is_open else "  "
    lines = [f"{marker}{long_day(visit.date)}", f"  {when}"]
    if who:
        lines.append(f"  {who}")
    return Content("\n".join(lines))


class VisitList(OptionList):
    """The visits, newest first, a line between each; the open one marked with ▶."""

    def show(self, visits: Iterable[Visit], open_id: str | None, on: date) -> None:
        """List ``visits``, keeping the highlight where it was (else on the open one)."""
        newest_first = sorted(visits, key=lambda v: (v.date, v.id), reverse=True)
        highlighted = self.highlighted_option
        keep = highlighted.id if highlighted else open_id
        options: list[Option | None] = []
        for visit in newest_first:
            label = visit_label(visit, is_open=visit.id == open_id, on=on)
            options.append(Option(label, id=visit.id))
            options.append(None)  # a line between visits
        self.set_options(options[:-1])
        if not newest_first:
            self.set_options([Option("No visits yet.", disabled=True)])
            return
        ids = [visit.id for visit in newest_first]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif open_id in ids:
            self.highlighted = ids.index(open_id)

    def point_at(self, visit_id: str) -> None:
        """Highlight ``visit_id`` (when it is listed)."""
        ids = [self.get_option_at_index(i).id for i in range(self.option_count)]
        if visit_id in ids:
            self.highlighted = ids.index(visit_id)
