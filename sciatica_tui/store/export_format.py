"""The JSON export format: the whole diary in one file a person can open and read.

``to_document`` turns a snapshot of the diary into the document ``sciatica export --format
json`` writes. ``from_document`` checks a whole document, as read from a file, and gives back
a snapshot, or raises ``ImportProblems`` naming every problem by its place
(``daily_logs[3].leg_pain: 11 is above 10``) so that nothing is imported from a bad file.
Pure: imports neither Textual nor TinyDB, and writes nothing (``store.files`` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from sciatica_tui.domain.medicines import medicines_from_visits
from sciatica_tui.domain.record_kinds import RECORD_KINDS, RecordKind
from sciatica_tui.domain.records import Profile, Snapshot
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_profile
from sciatica_tui.domain.words import plural

FORMAT_NAME = "sciatica-tui"
FORMAT_VERSION = 5

# Nothing in a real export is nested more than a few levels; deeper means a hostile file.
MAX_DEPTH = 32
# A problem line quotes field names from the file; keep a hostile one from flooding the screen.
MAX_LINE = 300
# Problems are listed up to this many, then counted: a million bad records is not a million
# lines on the screen, nor a million strings in memory.
PROBLEMS_LISTED = 50
# Records in one export, all lists together: five times twenty years of every kind (18,745).
# A file with more is not an export, and checking each record would take minutes for nothing.
MAX_RECORDS = 100_000


class ImportProblems(ValueError):
    """A document that cannot be imported: the first problems found in it, one line each
    (``problems``), and how many there are in all (``total``)."""

    def __init__(self, problems: list[str], total: int | None = None) -> None:
        self.problems = problems
        self.total = len(problems) if total is None else total
        super().__init__(f"{plural(self.total, 'problem')} in the file")


class _ProblemLines:
    """Problems as they are found: the first ``PROBLEMS_LISTED`` written out, printable, and
    the rest only counted (a line is never built for them)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.total = 0

    def add(self, line: str) -> None:
        self.total += 1
        if len(self.lines) < PROBLEMS_LISTED:
            self.lines.extend(_printable([line]))

    def add_invalid(self, error: ValidationError, place: str) -> None:
        for problem in error.problems:
            self.add(str(problem.at(place)) if len(self.lines) < PROBLEMS_LISTED else "")

    def refusal(self) -> ImportProblems:
        return ImportProblems(self.lines, self.total)


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


def _check_ins_are_kept(document: Mapping[str, Any]) -> dict[str, Any]:
    """Version 2 to 3: weekly check-ins are exported as ``check_ins``. A version 2 document
    has none, and its profile's settings may now hold ``check_in_skipped``: an empty list
    makes it read as version 3."""
    return {**document, "version": 3, "check_ins": document.get("check_ins", [])}


def _plan_is_kept(document: Mapping[str, Any]) -> dict[str, Any]:
    """Version 3 to 4: the person's rehab plan (built-in exercises hidden) is exported as
    ``rehab_plan``, and an exercise they added may be for every phase (``"phase": "all"``).
    A version 3 document has no plan: an empty one makes it read as version 4."""
    return {**document, "version": 4, "rehab_plan": document.get("rehab_plan", [])}


def _days_are_lived(document: Mapping[str, Any]) -> dict[str, Any]:
    """Version 4 to 5: a day may hold ``tags`` (what set it off, what helped), the person's
    own tags are exported as ``custom_tags``, and flare-ups as ``flare_ups``. A version 4
    document has none: empty lists make it read as version 5. Medicines are one list,
    ``medicines``, shared by the days and the clinic visits: the lists the visits held
    become it (one medicine per name)."""
    added = {name: document.get(name, []) for name in ("custom_tags", "flare_ups", "medicines")}
    visits = document.get("visits")
    if isinstance(visits, list) and "medicines" not in document:
        added["medicines"], added["visits"] = medicines_from_visits(visits)
    return {**document, "version": 5, **added}


# Each migration turns a document of version N into one of version N + 1; an older export
# is brought up to date before it is checked, so it imports unchanged.
MIGRATIONS: dict[int, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    1: _settings_may_name_numbers,
    2: _check_ins_are_kept,
    3: _plan_is_kept,
    4: _days_are_lived,
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

    problems = _ProblemLines()
    for key in document:
        if key not in DOCUMENT_KEYS:
            problems.add(f"{key}: is not part of the export format")

    profile = Profile()
    if "profile" not in document:
        problems.add("profile: is missing")
    else:
        checked = _checked(
            "profile", document["profile"], lambda raw: validate_profile(raw, today=today), problems
        )
        if checked is not None:
            profile = checked

    entries = sum(len(value) for value in document.values() if isinstance(value, list))
    if entries > MAX_RECORDS:
        problems.add(
            f"the file holds {entries:,} records; an export of this app holds at most "
            f"{MAX_RECORDS:,} (five times twenty years of every kind of record)"
        )
        raise problems.refusal()
    lists: dict[str, list[Any]] = {}
    for kind in RECORD_KINDS:
        if kind.name not in document:
            problems.add(f"{kind.name}: is missing")
            lists[kind.name] = []
            continue
        lists[kind.name] = _check_list(kind, document[kind.name], today, problems)

    if problems.total:
        raise problems.refusal()
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


def _checked(
    place: str, raw: Any, check: Callable[[Any], Any], problems: _ProblemLines
) -> Any | None:
    """Run one validator on one entry: the record, or None with every failure added to
    ``problems`` at ``place``."""
    found_before = problems.total
    for line in _unsaveable(raw, place):
        problems.add(line)
    try:
        record = check(raw)
    except ValidationError as error:
        problems.add_invalid(error, place)
        return None
    except (ValueError, TypeError, OverflowError, RecursionError):
        # Values no real export holds (numbers of thousands of digits, deep nesting) can
        # trip Python itself while the message is written; the place is still named.
        problems.add(f"{place}: is not a record this app can read")
        return None
    return None if problems.total > found_before else record


def _check_list(
    kind: RecordKind[Any], entries: Any, today: date, problems: _ProblemLines
) -> list[Any]:
    """Check every entry of one record list, and that no two share a key."""
    if not isinstance(entries, list):
        problems.add(f"{kind.name}: {_show(entries)} is not a list")
        return []
    records: list[Any] = []
    first_place: dict[str, str] = {}
    for index, raw in enumerate(entries):
        place = f"{kind.name}[{index}]"
        record = _checked(place, raw, lambda entry: kind.build(entry, today=today), problems)
        if record is None:
            continue
        key = kind.key(record)
        if key in first_place:
            problems.add(
                f"{place}.{kind.key_field}: {key} is already in {first_place[key]}; "
                "each can appear only once"
            )
            continue
        first_place[key] = place
        records.append(record)
    return records


def _unsaveable(value: Any, place: str) -> Iterator[str]:
    """Text the diary file could not hold (lone surrogates), and absurd nesting.

    Walked without recursion, and a place is written out only for a problem found: an
    import of twenty years walks about a million values.
    """
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        current, path = stack.pop()
        if isinstance(current, str):
            if not current.isascii() and not _encodable(current):
                yield f"{_place(place, path)}: holds a character that cannot be saved{SURROGATE}"
            continue
        if len(path) >= MAX_DEPTH:
            yield f"{_place(place, path)}: is nested far too deeply"
            continue
        inner: list[tuple[Any, tuple[str | int, ...]]] = []
        if isinstance(current, Mapping):
            for key, item in current.items():
                if isinstance(key, str) and not key.isascii() and not _encodable(key):
                    yield f"{_place(place, path)}: has a field name that cannot be saved{SURROGATE}"
                elif isinstance(item, str | Mapping | list):
                    inner.append((item, (*path, key)))
        elif isinstance(current, list):
            inner = [
                (item, (*path, index))
                for index, item in enumerate(current)
                if isinstance(item, str | Mapping | list)
            ]
        stack.extend(reversed(inner))  # depth first, in the file's order


SURROGATE = " (a lone surrogate)"


def _place(place: str, path: tuple[str | int, ...]) -> str:
    """``daily_logs[3]`` followed by ``.field`` and ``[index]`` steps."""
    return place + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)


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
