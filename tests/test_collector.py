"""The garbage collector held while the app starts: only what this process held is released."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from sciatica_tui import collector


@pytest.fixture(autouse=True)
def collection_as_it_was() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    collector.release()
    if was_enabled:
        gc.enable()


def test_hold_then_release_collects_again() -> None:
    gc.enable()
    collector.hold()
    assert collector.is_held() and not gc.isenabled()
    collector.release()
    assert not collector.is_held() and gc.isenabled()


def test_a_release_without_a_hold_leaves_collection_off() -> None:
    gc.disable()  # switched off by someone else (a host program, a profiler)
    collector.hold()
    assert not collector.is_held()
    collector.release()
    assert not gc.isenabled()


def test_release_is_safe_twice() -> None:
    gc.enable()
    collector.hold()
    collector.release()
    collector.release()
    assert gc.isenabled() and not collector.is_held()
