"""``sciatica log --tag T``: tags from their id or their words, checked against the person's
tag list (the built-ins and their own), and offered by shell completion."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence

from sciatica_tui.cli.base import say_error
from sciatica_tui.domain.inert_text import inert
from sciatica_tui.domain.tags import Tag, TagKind

KIND_WORDS = {TagKind.SET_OFF: "What set it off", TagKind.HELPED: "What helped"}


def add_tag_option(parser: argparse.ArgumentParser) -> None:
    """``--tag T``, repeatable; completion offers the built-in tag ids."""
    from sciatica_tui.domain.content_loader import ContentError
    from sciatica_tui.domain.tag_list import built_in_tags

    action = parser.add_argument(
        "--tag",
        dest="tags",
        action="append",
        default=[],
        metavar="TAG",
        help="a tag for the day, by its id or its words (driving, 'a bad night', your own "
        "tags too); repeat it for more. Added to the tags the day holds.",
    )
    try:
        ids = " ".join(tag.id for tag in built_in_tags())
    except ContentError:
        return  # the command that needs the tags says what is broken
    # shtab reads ``complete``: a static list of the built-in ids (the person's own tags
    # live in the diary, which a completion script never reads).
    action.complete = {  # type: ignore[attr-defined]
        "bash": "_sciatica_tag_ids",
        "zsh": f"({ids})",
        "fish": ids,
        "preamble": {
            "bash": f'_sciatica_tag_ids() {{\n  compgen -W "{ids}" -- "$1"\n}}\n',
        },
    }


def tag_ids(typed: Sequence[str], tags: Sequence[Tag]) -> tuple[str, ...] | None:
    """The ids of the tags ``typed`` names, each once; None, after naming the unknown ones
    and listing the tags, when one is not in ``tags``."""
    from sciatica_tui.domain.tag_lookup import find_tag

    found: list[str] = []
    unknown: list[str] = []
    for text in typed:
        tag = find_tag(text, tags)
        if tag is None:
            unknown.append(text)
        elif tag.id not in found:
            found.append(tag.id)
    if not unknown:
        return tuple(found)
    names = ", ".join(repr(text) for text in unknown)
    say_error(
        f"--tag: {names} {'is' if len(unknown) == 1 else 'are'} not in your tags. "
        "Nothing was saved."
    )
    print("Your tags (give the id or the words):", file=sys.stderr)
    for kind, said in KIND_WORDS.items():
        listed = ", ".join(f"{tag.id} ({tag.label})" for tag in tags if tag.kind is kind)
        line = textwrap.fill(
            f"{said}: {listed}.", width=79, initial_indent="  ", subsequent_indent="    "
        )
        print(inert(line), file=sys.stderr)
    return None
