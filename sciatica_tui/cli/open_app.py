"""``sciatica`` with no command: open the app on the diary."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from sciatica_tui import collector
from sciatica_tui.cli.base import EXIT_FAILED, say_error

# The first screen reads the last two weeks at most; the diary's older days are checked a
# moment after it is drawn (``DiaryStore.open``'s ``check_later_before``).
CHECKED_FIRST = timedelta(weeks=8)


def run_app_command(args: argparse.Namespace, folder: Path) -> int:
    """Open the app on the diary in ``folder``."""
    return run_app(folder)


def run_app(folder: Path, *, breathe: tuple[int, int] | None = None) -> int:
    """Open the diary in ``folder`` and run the app; return the exit status.

    ``breathe`` (minutes, seconds a step) opens it with a breathing session running. The
    garbage collector is held while the app starts (``collector`` says why); the app
    releases it a second after its first frame.
    """
    collector.hold()
    try:
        return _open_and_run(folder, breathe)
    finally:
        collector.release()  # the app quit (or could not open) before releasing it


def _open_and_run(folder: Path, breathe: tuple[int, int] | None) -> int:
    from sciatica_tui.app import SciaticaApp
    from sciatica_tui.domain import content
    from sciatica_tui.domain.check_in_words import check_in_words
    from sciatica_tui.domain.content_loader import ContentError
    from sciatica_tui.domain.insight_words import insight_words
    from sciatica_tui.domain.tag_list import built_in_tags
    from sciatica_tui.domain.teaching import teaching
    from sciatica_tui.store.diary_store import DiaryStore
    from sciatica_tui.store.errors import StoreError

    try:
        content.load_all()
        teaching()
        check_in_words()
        built_in_tags()
        insight_words()
    except ContentError as error:
        say_error(f"a content file is broken: {error}")
        return EXIT_FAILED
    try:
        # Read-only where it cannot be written.
        store = DiaryStore.open_or_view(folder, check_later_before=date.today() - CHECKED_FIRST)
    except StoreError as error:
        say_error(str(error))
        return EXIT_FAILED
    collector.keep_what_exists()  # modules, content and records: they live as long as the app
    app = SciaticaApp(store, breathe=breathe)
    try:
        status = app.run()
    finally:
        store.close()
    # An error inside the app leaves no value but a return code of 1: a script must see it.
    return status if status is not None else (app.return_code or 0)
