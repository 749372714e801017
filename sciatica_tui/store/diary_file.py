"""Reading the diary file: the tables the app can use, and the records it must set aside.

A file the app wrote itself is read in one fast pass: its bytes are exactly what orjson writes
for what it read, so no name in it is repeated and every number is one JSON can hold. Any
other file (edited by hand, pretty-printed, with a byte-order mark, ``NaN`` or a name given
twice) is read again by a careful parser that notices what a plain parse would drop. Then:

* a whole file that is not a diary (not JSON, not UTF-8, nested far too deeply, not tables of
  records) raises ``UnreadableFileError``, and the caller keeps it aside untouched;
* a record the app could not use as it stands (in a table the app does not have, under an id
  that is not a whole number, hidden behind a later record of the same id, or naming a field
  twice) is left out of the tables and listed in ``set_aside`` with the reason, whole, so the
  store can keep it in a side file before anything is saved.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from sciatica_tui.domain.record_kinds import RECORD_KINDS

Tables = dict[str, dict[str, Any]]

META_TABLE = "meta"
PROFILE_TABLE = "profile"
KNOWN_TABLES = frozenset({META_TABLE, PROFILE_TABLE, *(kind.name for kind in RECORD_KINDS)})
# TinyDB's document ids: whole numbers, written the one way ``str(int)`` writes them.
DOCUMENT_ID = re.compile(r"0|[1-9][0-9]*")


class UnreadableFileError(Exception):
    """The diary file exists but is not a diary TinyDB can read."""


class Repeated(dict[str, Any]):
    """A JSON object that gave a name more than once: the last value of each name (what a
    plain parse keeps), and every name and value in file order in ``pairs``."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs


@dataclass(frozen=True)
class SetAside:
    """A stored record the app cannot use: where it was, why, and the record itself."""

    table: str
    doc_id: str
    problem: str
    record: Any
    # True when the record is still in the tables (found unusable when it was checked), and
    # so must be taken out of the file; False when reading already left it out.
    in_tables: bool = False

    def describe(self) -> str:
        """One line naming the record and the reason."""
        return f"{self.table} record {self.doc_id}: {self.problem}"


@dataclass
class DiaryContents:
    """What the file holds: usable tables, and the records set aside from them."""

    tables: Tables
    set_aside: list[SetAside] = field(default_factory=list)
    # Why the format version cannot be trusted (a name given twice in ``meta``), if it cannot.
    meta_problem: str | None = None


def read_diary(payload: bytes) -> DiaryContents:
    """Read the diary file's bytes; raises ``UnreadableFileError`` saying why not."""
    if not payload.strip():
        raise UnreadableFileError("the file is empty")
    tables = _read_own_file(payload)
    repeats = False  # the app's own file never repeats a name
    if tables is None:
        tables, repeats = _read_carefully(payload)
    _check_shape(tables)
    return _sorted_out(tables, repeats)


def parse_tables(payload: bytes) -> Tables:
    """The usable tables of a diary file (what is set aside left out)."""
    return read_diary(payload).tables


def _read_own_file(payload: bytes) -> Tables | None:
    """The tables, if the file is byte for byte what this app writes for them."""
    try:
        tables = orjson.loads(payload)
        same = isinstance(tables, dict) and orjson.dumps(tables) == payload
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):  # e.g. nested past orjson's limit
        return None
    return tables if same else None


def _read_carefully(payload: bytes) -> tuple[Any, bool]:
    """The parsed file, and whether any object in it gave a name twice."""
    try:
        text = payload.decode("utf-8-sig")  # a byte-order mark from an editor is harmless
    except UnicodeDecodeError as error:
        raise UnreadableFileError(f"it is not UTF-8 text (byte {error.start})") from None
    repeats = False

    def as_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeats
        found = dict(pairs)
        if len(found) == len(pairs):
            return found
        repeats = True
        return Repeated(pairs)

    try:
        return json.loads(text, object_pairs_hook=as_object), repeats
    except RecursionError:
        raise UnreadableFileError("it is nested far too deeply to be a diary") from None
    except ValueError as error:  # not JSON, or a number too long to read
        raise UnreadableFileError(f"it is not valid JSON ({error})") from None


def _check_shape(tables: Any) -> None:
    if not isinstance(tables, dict):
        raise UnreadableFileError("it does not hold diary tables")
    for name, table in tables.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise UnreadableFileError(f"its {name!r} table is not a set of records")


def _sorted_out(tables: dict[str, Any], repeats: bool) -> DiaryContents:
    """Leave out, and list, every record the app could not use as it stands."""
    contents = DiaryContents({})
    if isinstance(tables, Repeated):
        for name, earlier in _earlier_values(tables):
            if name == META_TABLE:
                contents.meta_problem = "the file gives its format version twice"
                continue
            contents.set_aside += _whole_table(
                name, earlier, f"a second {name!r} table comes later in the file"
            )
    for name, table in tables.items():
        if name not in KNOWN_TABLES:
            contents.set_aside += _whole_table(name, table, f"the diary has no {name!r} table")
            continue
        if name == META_TABLE:
            # The format version is checked whole by ``schema``: no record is set aside.
            if repeats and next(_repeated_names(table), None) is not None:
                contents.meta_problem = "the file gives its format version twice"
            contents.tables[name] = table
            continue
        kept: dict[str, Any] = {}
        if isinstance(table, Repeated):
            for doc_id, earlier in _earlier_values(table):
                contents.set_aside.append(
                    SetAside(name, doc_id, "a later record has the same id", earlier)
                )
        for doc_id, doc in table.items():
            problem = _record_problem(doc_id, doc, repeats)
            if problem is None:
                kept[doc_id] = doc
            else:
                contents.set_aside.append(SetAside(name, doc_id, problem, doc))
        contents.tables[name] = kept
    return contents


def _record_problem(doc_id: str, doc: Any, repeats: bool) -> str | None:
    if not DOCUMENT_ID.fullmatch(doc_id):
        return f"its id {doc_id[:40]!r} is not a whole number"
    repeated = next(_repeated_names(doc), None) if repeats else None
    if repeated is not None:
        return f"it gives the field {repeated[:40]!r} more than once"
    return None


def _earlier_values(obj: Repeated) -> Iterator[tuple[str, Any]]:
    """Each value of ``obj`` that a later one of the same name hides."""
    last = {name: index for index, (name, _) in enumerate(obj.pairs)}
    for index, (name, value) in enumerate(obj.pairs):
        if last[name] != index:
            yield name, value


def _whole_table(name: str, table: Any, problem: str) -> list[SetAside]:
    if isinstance(table, dict) and not isinstance(table, Repeated):
        return [SetAside(name, doc_id, problem, doc) for doc_id, doc in table.items()]
    return [SetAside(name, "", problem, table)]


def _repeated_names(value: Any) -> Iterator[str]:
    """The names given twice in ``value``, at any depth (none in a file this app wrote)."""
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, Repeated):
            yield next(name for name, _ in _earlier_values(current))
        if isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def plain(value: Any) -> Any:
    """``value`` ready for ``json.dumps``: an object that gave a name twice becomes a list of
    its ``[name, value]`` pairs, in file order, so nothing of it is lost."""
    if isinstance(value, Repeated):
        return [[name, plain(inner)] for name, inner in value.pairs]
    if isinstance(value, dict):
        return {name: plain(inner) for name, inner in value.items()}
    if isinstance(value, list):
        return [plain(inner) for inner in value]
    return value
