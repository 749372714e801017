"""The diary's storage: the only code in the project that imports TinyDB."""

from sciatica_tui.records import Snapshot
from sciatica_tui.store.diary_store import (
    SCHEMA_VERSION,
    AlreadyOpenError,
    DiaryStore,
    ImportReport,
    MissingRecordError,
    NewerDiaryError,
    StoreError,
    StoreWriteError,
    UnreadableDiaryError,
)

__all__ = [
    "SCHEMA_VERSION",
    "AlreadyOpenError",
    "DiaryStore",
    "ImportReport",
    "MissingRecordError",
    "NewerDiaryError",
    "Snapshot",
    "StoreError",
    "StoreWriteError",
    "UnreadableDiaryError",
]
