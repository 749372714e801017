"""Build the app with a frozen clock and a temporary diary (tests and snapshots)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.store.diary_store import DiaryStore

FROZEN_NOW = datetime(2026, 11, 21, 9, 30)

Seed = Callable[[DiaryStore], None]


def welcomed(onset: date | None = date(2026, 9, 20)) -> Seed:
    """A seed for a person who has been through the first run."""

    def seed(store: DiaryStore) -> None:
        store.save_profile(replace(store.profile(), welcomed=True, onset_date=onset))

    return seed


def build_app(
    folder: Path | None = None,
    *seeds: Seed,
    clock: FixedClock | None = None,
    breathe: tuple[int, int] | None = None,
) -> SciaticaApp:
    """An app on ``folder`` (a fresh temporary one by default) after running ``seeds``."""
    folder = folder or Path(tempfile.mkdtemp(prefix="sciatica-test-")) / "data"
    store = DiaryStore.open(folder)
    for seed in seeds:
        seed(store)
    return SciaticaApp(store, clock=clock or FixedClock(FROZEN_NOW), breathe=breathe)
