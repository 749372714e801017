"""A visit's story in two parts: what the person wrote, and the facts drafted from the diary.

The story is one text the person edits freely; the report prints the two apart, so a doctor
can tell the person's own words from figures worked out by the app. A line is a drafted
fact when it starts the way a line of ``draft_story`` does (the person may have changed its
figures: it is still a fact from the diary), or when it is an item of a drafted list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sciatica_tui.domain.visit.story import DAYS_LOGGED_LEAD

# How each line of ``draft_story`` starts (a test holds this list to the drafts it makes).
DRAFTED_LEADS = (
    "- Started:",
    "- Surgery:",
    "- Timeline:",
    DAYS_LOGGED_LEAD,
    "- Leg and back pain, weekly average",
    "- How far down the pain reaches:",
    "- Side of the leg pain:",
    "- Numbness:",
    "- Leg weakness:",
    "- Sleep:",
    "- Walking at a time:",
    "- Sitting at a time:",
    "- Pain-relief doses:",
    "- Red-flag checks:",
    "- Breathing exercises:",
    "- Rehab exercises:",
)
DRAFTED_ITEM = "  - "  # an item of a drafted list (the weekly pain)


@dataclass(frozen=True)
class StoryParts:
    """The person's own lines and the drafted facts, each in the order written."""

    own_words: tuple[str, ...]
    drafted: tuple[str, ...]


def split_story(story: str) -> StoryParts:
    """``story`` split into the person's words and the facts drafted from the diary.

    Blank lines are dropped at both ends of the person's text and where several follow one
    another, so the two parts read as two tidy blocks.
    """
    own: list[str] = []
    drafted: list[str] = []
    in_drafted_list = False
    for raw in story.splitlines():
        line = raw.rstrip()
        if line.startswith(DRAFTED_LEADS):
            drafted.append(line)
            in_drafted_list = line.endswith(":")
        elif in_drafted_list and line.startswith(DRAFTED_ITEM):
            drafted.append(line)
        else:
            in_drafted_list = False
            if line or (own and own[-1]):
                own.append(line)
    while own and not own[-1]:
        own.pop()
    return StoryParts(tuple(own), tuple(drafted))
