"""How the shell looks: the first-run note and the tabs, at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.support.app import build_app, welcomed

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
def test_shell(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(build_app(None, welcomed()), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_first_run(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(build_app(None), terminal_size=size)


def test_help(snap_compare) -> None:
    assert snap_compare(
        build_app(None, welcomed()), press=["question_mark"], terminal_size=(100, 40)
    )
