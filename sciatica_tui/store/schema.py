"""The diary file's format version, and the steps that bring an older file up to date.

Only a whole number this version knows opens: ``2.0``, ``"2"``, ``true``, a version given
twice or a ``meta`` table of another shape is refused, so a file marked newer is never
silently rewritten as an older format.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sciatica_tui.domain.medicines import medicines_from_visits
from sciatica_tui.store.diary_file import META_TABLE, Tables
from sciatica_tui.store.errors import NewerDiaryError, UnknownVersionError

SCHEMA_VERSION = 2

# Each migration turns the tables of version N into those of version N + 1.
Migration = Callable[[Tables], Tables]


def _add_meta(tables: Tables) -> Tables:
    """Version 0 (no ``meta`` table) to 1: the records are the same, only meta is new."""
    return {**tables, "meta": {"1": {"schema_version": 1}}}


def _medicines_are_shared(tables: Tables) -> Tables:
    """Version 1 to 2: the medicines each clinic visit held become the one ``medicines``
    table that the days and the visits share (one medicine per name)."""
    visits = tables.get("visits", {})
    medicines, kept = medicines_from_visits(visits.values())
    out = {**tables, "meta": {"1": {"schema_version": 2}}}
    if visits:
        out["visits"] = dict(zip(visits, kept, strict=True))
    # A stored medicine that is not an object was never readable; a table holds objects.
    found = [medicine for medicine in medicines if isinstance(medicine, dict)]
    if found:
        out["medicines"] = {str(number): doc for number, doc in enumerate(found, start=1)}
    return out


MIGRATIONS: dict[int, Migration] = {0: _add_meta, 1: _medicines_are_shared}


def migrated(tables: Tables, version: int) -> Tables:
    """``tables`` of format ``version`` brought up to ``SCHEMA_VERSION``."""
    for step in range(version, SCHEMA_VERSION):
        tables = MIGRATIONS[step](tables)
    return tables


class VersionProblem(ValueError):
    """Why the format version written in the file cannot be used."""


def file_version(tables: Tables) -> int:
    """The format version in ``tables`` (0 when there is no ``meta`` table); raises
    ``VersionProblem`` unless it is one whole number, written the one way this app writes it.
    A version above ``SCHEMA_VERSION`` is returned: the caller says it is newer."""
    meta = tables.get(META_TABLE)
    if meta is None:
        return 0
    docs = list(meta.values())
    if len(docs) != 1 or set(docs[0]) != {"schema_version"}:
        raise VersionProblem('its "meta" table does not hold one format version and nothing else')
    version = docs[0]["schema_version"]
    if type(version) is not int:  # not 2.0, "2" or true
        raise VersionProblem(f"its format version {_show(version)} is not a whole number")
    if version < 0:
        raise VersionProblem(f"its format version {version} is not a version of the diary")
    return version


def checked_version(tables: Tables, meta_problem: str | None, folder: Path) -> int:
    """The format version of ``tables`` if this app can open it; otherwise
    ``UnknownVersionError`` or ``NewerDiaryError``, each saying that nothing was changed."""
    try:
        if meta_problem:
            raise VersionProblem(meta_problem)
        version = file_version(tables)
    except VersionProblem as problem:
        raise UnknownVersionError(
            f"The diary in {folder} cannot be opened: {problem}. This version reads format "
            f"versions 0 to {SCHEMA_VERSION}, written as a whole number "
            f'("schema_version": {SCHEMA_VERSION}). The file has not been changed. If a newer '
            "version of sciatica wrote it, update the app; if it was edited by hand, put the "
            "version back."
        ) from None
    if version > SCHEMA_VERSION:
        raise NewerDiaryError(
            f"The diary in {folder} was saved by a newer version of sciatica "
            f"(format {version}; this version reads up to {SCHEMA_VERSION}). "
            "Update the app to open it. The file has not been changed."
        )
    return version


def _show(value: Any) -> str:
    """The value as the file writes it (``2.0``, ``"2"``, ``true``), cut short."""
    try:
        text = json.dumps(value)
    except (RecursionError, ValueError):
        text = "a value"
    return text if len(text) <= 20 else text[:17] + "..."
