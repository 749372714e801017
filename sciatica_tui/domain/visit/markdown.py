"""The person's own words, written into Markdown so that they read as typed.

A name or a question goes on one line (``inline``); a story or a history keeps its lines
(``block``). Neither lets the text turn into a heading, a rule, a link, HTML, code or emphasis
the person did not mean.
"""

from __future__ import annotations

import re

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")
_RULE_LIKE = re.compile(r"^\s*([=\-*_])(\s*\1)*\s*$")
_LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")


def inline(text: str) -> str:
    """User text for one line of Markdown: newlines folded, signs that would turn it into
    a heading, a list, a link or emphasis shown as typed."""
    folded = " ".join(text.split())
    escaped = _INLINE_SPECIAL.sub(r"\\\1", folded)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped, count=1)


def block(text: str) -> str:
    """Free text kept line for line (hard line breaks), without letting a line become a
    heading or a rule. Lists the person typed stay lists."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.lstrip()
        after_list = index > 0 and out[-1] != "" and _is_list_item(lines[index - 1])
        if after_list and stripped == line and not _is_list_item(line):
            # Plain text right after a list would be read as part of its last item.
            out[-1] = out[-1].rstrip()
            out.append("")
        if stripped.startswith("#") or _RULE_LIKE.match(line):
            line = line[: len(line) - len(stripped)] + "\\" + _escape_after_marker(stripped)
        else:
            line = _escape_after_marker(line)
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        out.append(line + "  " if line and next_line else line)
    return "\n".join(out)


def _escape_after_marker(line: str) -> str:
    """The line with every sign that would make a link, HTML, code or emphasis shown as
    typed; a list marker the person typed at its start stays a marker."""
    marker = _LIST_ITEM.match(line)
    kept = marker.end() if marker else 0
    return line[:kept] + _INLINE_SPECIAL.sub(r"\\\1", line[kept:])


def _is_list_item(line: str) -> bool:
    return _LIST_ITEM.match(line) is not None


def section(title: str, body: str) -> str:
    """A second-level heading and its body."""
    return f"## {title}\n\n{body}"
