"""Merging an imported diary into the open one: what is added, replaced, already there or kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sciatica_tui.domain.records import Snapshot
from sciatica_tui.store.tables import RecordTable


@dataclass
class ImportReport:
    """What an import added, replaced, found already there (the same), and kept (the diary's
    own, different, record under the same date, time or id)."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    kept: list[str] = field(default_factory=list)


def merge_snapshot(
    tables: Sequence[RecordTable[Any]], incoming: Snapshot, *, overwrite: bool
) -> ImportReport:
    """Put ``incoming``'s records into ``tables`` (the caller holds the write lock and one
    atomic batch). A record already there with other values is kept unless ``overwrite``."""
    report = ImportReport()
    for table in tables:
        name = table.kind.name
        to_write = []
        for record in incoming.records(name):
            key = table.kind.key(record)
            stored = table.get(key)
            if stored == record:
                report.unchanged += 1  # re-importing an export changes nothing
                continue
            if stored is not None and not overwrite:
                report.kept.append(f"{name} {key}")
                continue
            if stored is None:
                report.added += 1
            else:
                report.replaced += 1
            to_write.append(record)
        table.put_many(to_write)
    return report
