"""Records the app could not read, kept whole in a side file beside the diary.

Left in the diary, such a record would be changed by the next save (``NaN`` written as
``null``) or lost from it (the first of two records under one id). So before any save, the
store writes them here, durably, and only then saves the diary without them; the person is
told once, with the file's name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sciatica_tui.domain.words import plural
from sciatica_tui.store.diary_file import SetAside, Tables, plain
from sciatica_tui.store.files import write_file_atomically

if TYPE_CHECKING:
    from sciatica_tui.store.atomic_storage import AtomicJSONStorage

SIDE_FILE_PREFIX = "diary-set-aside-"


def keep_set_aside(
    folder: Path, records: Sequence[SetAside], original: bytes, now: datetime
) -> Path:
    """Write ``records`` to a new side file in ``folder`` (private, on disk when this
    returns, never over an earlier one) and return its path.

    Each value is written as it was read: ``NaN`` stays ``NaN``, a name given twice stays
    twice. Should the records be too deeply nested to be written out one by one, the whole
    diary file as it was (``original``) is kept instead, so nothing is lost either way.
    """
    stamp = f"{SIDE_FILE_PREFIX}{now:%Y%m%d-%H%M%S}"
    path = folder / f"{stamp}.json"
    number = 1
    while path.exists() or path.is_symlink():
        number += 1
        path = folder / f"{stamp}-{number}.json"
    write_file_atomically(path, _side_file(records, now) or original)
    return path


def _side_file(records: Sequence[SetAside], now: datetime) -> bytes | None:
    try:
        document = {
            "about": (
                f"Records of diary.json that sciatica could not read, moved here unchanged on "
                f"{now:%Y-%m-%d at %H:%M}. Each names its table, its id in diary.json and why "
                "it could not be read. An object that gave a name twice is written as a list "
                "of [name, value] pairs. To use a record again, correct it and put it back in "
                "its table in diary.json while the app is closed."
            ),
            "records": [_entry(record) for record in records],
        }
        text = json.dumps(document, indent=1, ensure_ascii=False)
    except (RecursionError, ValueError):
        return None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (read from a \ud800 escape): escape all
        return json.dumps(document, indent=1).encode("utf-8")


def _entry(record: SetAside) -> dict[str, Any]:
    return {
        "table": record.table,
        "id": record.doc_id,
        "problem": record.problem,
        "record": plain(record.record),
    }


def without(tables: Tables, records: Sequence[SetAside]) -> Tables:
    """``tables`` less the ``records`` still in them (those reading left out are not)."""
    leaving = {(record.table, record.doc_id) for record in records if record.in_tables}
    return {
        name: {doc_id: doc for doc_id, doc in table.items() if (name, doc_id) not in leaving}
        for name, table in tables.items()
    }


def set_aside_notice(records: Sequence[SetAside], side_file: Path | None) -> str:
    """What to tell the person, once, about records moved to ``side_file`` (or, where the
    diary could only be read, left out and still in the file)."""
    count = len(records)
    if side_file is None:
        return (
            f"{plural(count, 'saved record')} could not be read and "
            f"{'were' if count > 1 else 'was'} left out. They are still in the file."
        )
    which = records[0].describe() + ("; and others" if count > 1 else "")
    moved = "They were" if count > 1 else "It was"
    return (
        f"{plural(count, 'record')} in the diary could not be read ({which}). {moved} "
        f"moved, unchanged, to {side_file}; everything else is here."
    )


def move_set_aside(folder: Path, records: Sequence[SetAside], storage: AtomicJSONStorage) -> Path:
    """Keep ``records`` in a side file beside the diary, then write the diary without them;
    return the side file's path."""
    side_file = keep_set_aside(folder, records, storage.on_disk, datetime.now())
    storage.write(without(storage.read() or {}, records))
    return side_file
