"""The JSON export format: the whole diary in one file a person can open and read.

``to_document`` turns a snapshot of the diary into the document ``sciatica export --format
json`` writes. ``from_document`` checks a whole document, as read from a file, and gives back
a snapshot, or raises ``ImportProblems`` naming every problem by its place
(``daily_logs[3].leg_pain: 11 is above 10``) so that nothing is imported from a bad file.
Pure: imports neither Textual nor TinyDB, and writes nothing (``store.files`` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sciatica_tui.domain.record_kinds import RECORD_KINDS, RecordKind
from sciatica_tui.domain.records import Profile, Snapshot
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_profile
from sciatica_tui.domain.words import plural

FORMAT_NAME = "sciatica-tui"
FORMAT_VERSION = 2

# Nothing in a real export is nested more than a few levels; deeper means a hostile file.
MAX_DEPTH = 32
# A problem line quotes field names from the file; keep a hostile one from flooding the screen.
MAX_LINE = 300


class ImportProblems(ValueError):
    """A document that cannot be imported, with one line per problem found in it."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{plural(len(problems), 'problem')} in the file")


DOCUMENT_KEYS: tuple[str, ...] = (
    "format",
    "version",
    "profile",
    *(kind.name for kind in RECORD_KINDS),
)


def _settings_may_name_numbers(document: Mapping[str, Any]) -> dict[str, Any]:
    """Version 1 to 2: the profile's settings may now hold ``emergency_number`` and
    ``urgent_number``. Both are optional, so every version 1 document reads as version 2."""
    return {**document, "version": 2}


# Each migration turns a document of version N into one of version N + 1; an older export
# is brought up to date before it is checked, so it imports unchanged.
MIGRATIONS: dict[int, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    1: _settings_may_name_numbers,
}


# --- export ------------------------------------------------------------------------------


def to_document(snapshot: Snapshot) -> dict[str, Any]:
    """The export document: every record, with the field names used on disk."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "profile": snapshot.profile.to_record(),
        **{
            kind.name: [record.to_record() for record in snapshot.records(kind.name)]
            for kind in RECORD_KINDS
        },
    }


# --- import ------------------------------------------------------------------------------


def from_document(document: Any, *, today: date) -> Snapshot:
    """Check a whole export document and return its records as a snapshot.

    Every problem in the document is collected before anything is returned; if there is
    any, ``ImportProblems`` is raised with one line per problem and no snapshot. Dates of
    daily logs, rehab days and the profile may not be later than ``today``.
    """
    if not isinstance(document, Mapping):
        raise ImportProblems(
            [
                f"the file holds {_kind_of(document)}, not a {FORMAT_NAME} export "
                f'(an object with "format": "{FORMAT_NAME}")'
            ]
        )
    header = _header_problems(document)
    if header:
        # A different format or version has different rules: checking its records would
        # only bury the real reason under lines that do not apply.
        raise ImportProblems(_printable(header))
    document = _migrated(document)

    problems: list[str] = []
    problems += [
        f"{key}: is not part of the export format" for key in document if key not in DOCUMENT_KEYS
    ]

    profile = Profile()
    if "profile" not in document:
        problems.append("profile: is missing")
    else:
        found = _checked(
            "profile", document["profile"], lambda raw: validate_profile(raw, today=today)
        )
        problems += found.problems
        if found.record is not None:
            profile = found.record

    lists: dict[str, list[Any]] = {}
    for kind in RECORD_KINDS:
        if kind.name not in document:
            problems.append(f"{kind.name}: is missing")
            lists[kind.name] = []
            continue
        lists[kind.name], list_problems = _check_list(kind, document[kind.name], today)
        problems += list_problems

    if problems:
        raise ImportProblems(_printable(problems))
    return Snapshot(profile=profile, **lists)


def _header_problems(document: Mapping[Any, Any]) -> list[str]:
    """Problems with ``format`` and ``version``: is this a file this app can read?"""
    problems = []
    name = document.get("format")
    if "format" not in document:
        problems.append(
            f'format: is missing (a {FORMAT_NAME} export has "format": "{FORMAT_NAME}")'
        )
    elif name != FORMAT_NAME:
        problems.append(f"format: {_show(name)} is not {FORMAT_NAME!r}")
    version = document.get("version")
    if "version" not in document:
        problems.append("version: is missing")
    elif isinstance(version, bool) or not isinstance(version, int):
        problems.append(f"version: {_show(version)} is not a version number")
    elif version > FORMAT_VERSION:
        problems.append(
            f"version: {_show(version)} is newer than this app reads (up to {FORMAT_VERSION}); "
            "update sciatica to import this file"
        )
    elif version != FORMAT_VERSION and version not in MIGRATIONS:
        problems.append(f"version: {_show(version)} is not a version of the export format")
    return problems


def _migrated(document: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """``document`` brought up to ``FORMAT_VERSION`` (its header is already checked)."""
    version = document["version"]
    while version < FORMAT_VERSION:
        document = MIGRATIONS[version](document)
        version = document["version"]
    return document


@dataclass
class _Checked:
    record: Any
    problems: list[str]


def _checked(place: str, raw: Any, check: Callable[[Any], Any]) -> _Checked:
    """Run one validator on one entry; every failure becomes problem lines at ``place``."""
    problems = list(_unsaveable(raw, place))
    try:
        record = check(raw)
    except ValidationError as error:
        return _Checked(None, problems + [str(p.at(place)) for p in error.problems])
    except (ValueError, TypeError, OverflowError, RecursionError):
        # Values no real export holds (numbers of thousands of digits, deep nesting) can
        # trip Python itself while the message is written; the place is still named.
        return _Checked(None, problems + [f"{place}: is not a record this app can read"])
    return _Checked(None if problems else record, problems)


def _check_list(kind: RecordKind[Any], entries: Any, today: date) -> tuple[list[Any], list[str]]:
    """Check every entry of one record list, and that no two share a key."""
    if not isinstance(entries, list):
        return [], [f"{kind.name}: {_show(entries)} is not a list"]
    records: list[Any] = []
    problems: list[str] = []
    first_place: dict[str, str] = {}
    for index, raw in enumerate(entries):
        place = f"{kind.name}[{index}]"
        found = _checked(place, raw, lambda entry: kind.build(entry, today=today))
        problems += found.problems
        if found.record is None:
            continue
        key = kind.key(found.record)
        if key in first_place:
            problems.append(
                f"{place}.{kind.key_field}: {key} is already in {first_place[key]}; "
                "each can appear only once"
            )
            continue
        first_place[key] = place
        records.append(found.record)
    return records, problems


def _unsaveable(value: Any, place: str, depth: int = 0) -> Iterator[str]:
    """Text the diary file could not hold (lone surrogates), and absurd nesting."""
    if isinstance(value, str):
        if not _encodable(value):
            yield f"{place}: holds a character that cannot be saved (a lone surrogate)"
    elif depth >= MAX_DEPTH:
        if isinstance(value, Mapping | list):
            yield f"{place}: is nested far too deeply"
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            if isinstance(key, str) and not _encodable(key):
                yield f"{place}: has a field name that cannot be saved (a lone surrogate)"
                continue
            yield from _unsaveable(inner, f"{place}.{key}", depth + 1)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _unsaveable(inner, f"{place}[{index}]", depth + 1)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(lines: list[str]) -> list[str]:
    """Problem lines safe to print: control characters (a hostile file could hold terminal
    escape codes in a field name) are shown escaped, and very long lines are cut."""
    out = []
    for line in lines:
        safe = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in line)
        out.append(safe if len(safe) <= MAX_LINE else safe[: MAX_LINE - 3] + "...")
    return out


def _show(value: Any) -> str:
    """A short rendering of a bad value for a message."""
    if value is None:
        return "null"
    if isinstance(value, Mapping | list):
        return _kind_of(value)
    try:
        text = repr(value) if isinstance(value, str) else str(value)
    except ValueError:  # an integer of thousands of digits
        return "a number far too large"
    return text if len(text) <= 40 else text[:37] + "..."


def _kind_of(value: Any) -> str:
    """What sort of JSON value this is, in words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return "something that is not JSON"
