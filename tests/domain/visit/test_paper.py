"""The paper size follows the locale: letter in the US and Canada, A4 elsewhere."""

from __future__ import annotations

import pytest

from sciatica_tui.domain.visit.paper import Paper, locale_territory, paper_for_locale


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({"LANG": "en_US.UTF-8"}, Paper.LETTER),
        ({"LANG": "fr_CA.UTF-8"}, Paper.LETTER),
        ({"LANG": "en_GB.UTF-8"}, Paper.A4),
        ({"LANG": "de_DE@euro"}, Paper.A4),
        ({"LANG": "C.UTF-8"}, Paper.A4),
        ({}, Paper.A4),
        # LC_ALL wins over LC_PAPER, which wins over LANG.
        ({"LANG": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}, Paper.LETTER),
        ({"LC_ALL": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8"}, Paper.A4),
        ({"LC_ALL": "", "LC_PAPER": "", "LANG": "en_CA"}, Paper.LETTER),
    ],
)
def test_paper_for_locale(environ: dict[str, str], paper: Paper) -> None:
    assert paper_for_locale(environ) is paper


@pytest.mark.parametrize(
    ("name", "territory"),
    [("en_US.UTF-8", "US"), ("sr_RS@latin", "RS"), ("C", None), ("POSIX", None), ("el", None)],
)
def test_locale_territory(name: str, territory: str | None) -> None:
    assert locale_territory(name) == territory
