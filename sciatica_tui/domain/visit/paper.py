"""The paper a visit report is printed on: A4, or US letter where people use it."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Paper(StrEnum):
    """A paper size, named as ``--paper`` takes it."""

    A4 = "a4"
    LETTER = "letter"


# Countries whose printers hold letter paper (the rest of the world uses A4).
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "PR"})
# POSIX order: LC_ALL overrides LC_PAPER, which overrides LANG.
LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")


def locale_territory(name: str) -> str | None:
    """The country part of a locale name: ``US`` for ``en_US.UTF-8`` (None for ``C``)."""
    language = name.split(".", 1)[0].split("@", 1)[0]
    _, found, territory = language.partition("_")
    return territory.upper() if found and territory else None


def paper_for_locale(environ: Mapping[str, str]) -> Paper:
    """Letter when the locale in ``environ`` is one of a letter country, else A4."""
    for variable in LOCALE_VARIABLES:
        name = environ.get(variable, "")
        if name:
            territory = locale_territory(name)
            return Paper.LETTER if territory in LETTER_TERRITORIES else Paper.A4
    return Paper.A4
