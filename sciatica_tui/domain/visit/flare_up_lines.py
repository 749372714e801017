"""The visit summary's count of flare-ups: how many in the last four weeks, the worst, what
most often set them off and what most often helped, and how many in the four weeks before.

"Flare-ups: 6 in the last 4 weeks (worst 9/10, most often after sitting long; heat helped
most often); 9 in the 4 weeks before."
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import DiaryExcerpt
from sciatica_tui.domain.tag_list import tag_list
from sciatica_tui.domain.tags import Tag, tag_label
from sciatica_tui.domain.visit.markdown import inline
from sciatica_tui.domain.visit.weeks import STORY_WEEKS

LEAD = "Flare-ups:"
NAMED_AT_MOST = 2  # tags tied for "most often": named up to this many


def _in_words(label: str) -> str:
    """A tag's words inside a sentence: "Sitting long" as "sitting long" (an all-capitals
    word such as "MRI" stays as it is)."""
    if label[:1].isupper() and not label[1:2].isupper():
        return label[0].lower() + label[1:]
    return label


def most_often(
    tag_lists: Iterable[Sequence[str]], tags: Sequence[Tag], say: Callable[[str], str] = str
) -> str | None:
    """The words of the tag given most often (ties joined with "or", up to two), when one
    was given at least twice; None otherwise. A tag's words (the person's own, for their
    tags) are written through ``say``."""
    counts = Counter(tag_id for tag_ids in tag_lists for tag_id in set(tag_ids))
    if not counts:
        return None
    top = max(counts.values())
    if top < 2:
        return None
    tied = [tag_id for tag_id, count in counts.most_common() if count == top][:NAMED_AT_MOST]
    return " or ".join(say(_in_words(tag_label(tag_id, tags))) for tag_id in tied)


def flare_up_line(
    flare_ups: Iterable[FlareUp],
    tags: Sequence[Tag],
    as_of: date,
    weeks: int = STORY_WEEKS,
    say: Callable[[str], str] = str,
) -> str | None:
    """The line on the flare-ups of the ``weeks`` weeks ending on ``as_of``, and of the same
    stretch before them; None when neither holds one (flare-ups not logged at all: the
    report says nothing rather than "none")."""
    first = as_of - timedelta(days=7 * weeks - 1)
    before = first - timedelta(days=7 * weeks)
    kept = list(flare_ups)
    now = [f for f in kept if first <= f.at.date() <= as_of]
    earlier = sum(1 for f in kept if before <= f.at.date() < first)
    if not now and not earlier:
        return None
    span = f"the last {weeks} weeks"
    if not now:
        return f"{LEAD} none logged in {span}; {earlier} in the {weeks} weeks before."
    parts = [f"worst {max(f.pain for f in now)}/10"]
    set_off = most_often((f.triggers for f in now), tags, say)
    if set_off is not None:
        parts.append(f"most often after {set_off}")
    helped = most_often((f.helped for f in now), tags, say)
    text = f"{LEAD} {len(now)} in {span} ({', '.join(parts)}"
    text += f"; {helped} helped most often)" if helped is not None else ")"
    if earlier:
        text += f"; {earlier} in the {weeks} weeks before"
    return text + "."


def diary_flare_up_line(
    diary: DiaryExcerpt, as_of: date, say: Callable[[str], str] = str
) -> str | None:
    """``flare_up_line`` of the diary's flare-ups, named with its tags (the built-in ones
    and the person's own)."""
    return flare_up_line(diary.flare_ups, tag_list(diary.custom_tags), as_of, say=say)


def flare_up_markdown(diary: DiaryExcerpt, as_of: date) -> str:
    """The flare-up line as a Markdown paragraph after a blank line ("" with none)."""
    line = diary_flare_up_line(diary, as_of, inline)
    return "" if line is None else f"\n\n**{LEAD}**{line.removeprefix(LEAD)}"
