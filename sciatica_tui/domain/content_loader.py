"""Reading a content file: TOML turned into a ``ContentTable`` that checks each value as it is
read, so a broken file raises ``ContentError`` naming the file and the key
(``content/rehab.toml: phases[1].items[3].how: missing``) and the app fails at start rather
than halfway through a red-flag check.

``load_file`` reads one file and hands its top table to a builder; the builders of the app's
own files live in ``content`` (and ``teaching`` for ``teaching.toml``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from sciatica_tui.domain.content_schema import NUMBER_SLOT

_ID = re.compile(r"[a-z0-9_]+")
T = TypeVar("T")


class ContentError(Exception):
    """A content file is missing or broken; the message names the file and the key."""


class ContentTable:
    """A TOML table being read, which knows its place in the file for error messages."""

    def __init__(self, file: str, where: str, raw: dict[str, Any]) -> None:
        """The table ``raw``, found at ``where`` (``phases[1]``; "" at the top) of ``file``."""
        self.file = file
        self.where = where
        self.raw = raw
        self.seen: set[str] = set()

    def place(self, key: str) -> str:
        """Where ``key`` of this table is in the file: ``phases[1].title``."""
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, problem: str) -> ContentError:
        """The error to raise about ``key``, naming the file and the place."""
        return ContentError(f"{self.file}: {self.place(key)}: {problem}")

    def get(self, key: str, kind: type, label: str) -> Any:
        """The value of ``key``, which must be there and of type ``kind`` (``label`` says
        it in the message)."""
        self.seen.add(key)
        if key not in self.raw:
            raise self.error(key, "missing")
        value = self.raw[key]
        # bool is a subclass of int, so an integer field must refuse true/false explicitly.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.error(key, f"expected {label}, got {type(value).__name__}")
        return value

    def text(self, key: str) -> str:
        """Text that is not empty, stripped."""
        value = cast(str, self.get(key, str, "text")).strip()
        if not value:
            raise self.error(key, "empty")
        return value

    def with_number(self, key: str) -> str:
        """Text holding the phone-number slot exactly once (and no other braces)."""
        value = self.text(key)
        if value.count(NUMBER_SLOT) != 1 or value.replace(NUMBER_SLOT, "").count("{"):
            raise self.error(key, f"must hold {NUMBER_SLOT} once, where the number goes")
        return value

    def day(self, key: str) -> date:
        """A TOML date (2026-12-03), not a date and time."""
        value = self.get(key, date, "a date")
        if isinstance(value, datetime):
            raise self.error(key, "expected a date without a time")
        return cast(date, value)

    def optional_text(self, key: str) -> str | None:
        """Text when the key is there, else None."""
        return self.text(key) if key in self.raw else None

    def integer(self, key: str) -> int:
        """A whole number (true and false are refused)."""
        return cast(int, self.get(key, int, "a whole number"))

    def flag(self, key: str) -> bool:
        """True or false; false when the key is left out."""
        return cast(bool, self.get(key, bool, "true or false")) if key in self.raw else False

    def choice(self, key: str, options: tuple[str, ...]) -> str:
        """One of ``options``."""
        value = self.text(key)
        if value not in options:
            raise self.error(key, f"{value!r} is not one of {', '.join(options)}")
        return value

    def id(self, key: str = "id") -> str:
        """An id the code can look up: a-z, 0-9 and _ only."""
        value = self.text(key)
        if not _ID.fullmatch(value):
            raise self.error(key, f"{value!r} may hold only a-z, 0-9 and _")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of texts, none of them empty, and at least one."""
        values = cast(list[Any], self.get(key, list, "a list of text"))
        if not values:
            raise self.error(key, "empty")
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.error(f"{key}[{i}]", "expected non-empty text")
        return tuple(value.strip() for value in values)

    def table(self, key: str) -> ContentTable:
        """The table under ``key``."""
        raw = cast(dict[str, Any], self.get(key, dict, "a table"))
        return ContentTable(self.file, self.place(key), raw)

    def tables(self, key: str, count: int | None = None) -> list[ContentTable]:
        """The list of tables under ``key`` (exactly ``count`` of them when given)."""
        raw = cast(list[Any], self.get(key, list, "a list of tables"))
        if count is not None and len(raw) != count:
            raise self.error(key, f"expected {count} entries, got {len(raw)}")
        if not raw:
            raise self.error(key, "empty")
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                raise self.error(f"{key}[{i}]", "expected a table")
        return [
            ContentTable(self.file, self.place(f"{key}[{i}]"), item) for i, item in enumerate(raw)
        ]

    def done(self) -> None:
        """Refuse keys nobody read: a misspelt optional key would otherwise vanish silently."""
        for key in self.raw:
            if key not in self.seen:
                raise self.error(key, "unknown key")


def expect_ids(tables: list[ContentTable], ids: list[str], expected: tuple[str, ...]) -> None:
    """Refuse ``ids`` (read from ``tables``) unless they are ``expected``, in that order."""
    for table, got, want in zip(tables, ids, expected, strict=True):
        if got != want:
            raise table.error("id", f"expected {want!r}, got {got!r}")


def unique_ids(pairs: list[tuple[ContentTable, str]]) -> None:
    """Refuse an id (each read from its table) that was already used."""
    seen: set[str] = set()
    for table, item_id in pairs:
        if item_id in seen:
            raise table.error("id", f"duplicate id {item_id!r}")
        seen.add(item_id)


def default_content_dir() -> Path:
    """The content folder, ``sciatica_tui/content`` (in the repository, a link to the
    top-level ``content/``)."""
    return Path(__file__).parents[1] / "content"


def load_file(name: str, folder: Path, build: Callable[[ContentTable], T]) -> T:
    """Read ``folder/name`` and return what ``build`` makes of its top table; a file that
    is missing, unreadable or not TOML raises ``ContentError``."""
    file = f"{folder.name}/{name}"
    try:
        raw = tomllib.loads((folder / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{file}: file not found in {folder}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(f"{file}: cannot be read: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{file}: not valid TOML: {error}") from error
    return build(ContentTable(file, "", raw))
