"""The diary file's format version, and the steps that bring an older file up to date."""

from __future__ import annotations

from collections.abc import Callable

from sciatica_tui.store.atomic_storage import Tables

SCHEMA_VERSION = 1

# Each migration turns the tables of version N into those of version N + 1.
Migration = Callable[[Tables], Tables]


def _add_meta(tables: Tables) -> Tables:
    """Version 0 (no ``meta`` table) to 1: the records are the same, only meta is new."""
    return {**tables, "meta": {"1": {"schema_version": 1}}}


MIGRATIONS: dict[int, Migration] = {0: _add_meta}


def migrated(tables: Tables, version: int) -> Tables:
    """``tables`` of format ``version`` brought up to ``SCHEMA_VERSION``."""
    for step in range(version, SCHEMA_VERSION):
        tables = MIGRATIONS[step](tables)
    return tables
