"""status and remind as a prompt runs them are read without argparse: exactly as argparse
reads them, and everything else is left to argparse."""

from __future__ import annotations

import pytest

from sciatica_tui.cli import _prompt_command, build_parser
from sciatica_tui.cli.prompt import prompt_arguments

PLAIN_FORMS = [
    ["status"],
    ["remind"],
    ["--data-dir", "D", "status"],
    ["--data-dir=D", "status"],
    ["status", "--data-dir", "D"],
    ["--data-dir", "A", "status", "--data-dir=B"],
    ["--data-dir", "A", "--data-dir", "B", "remind"],
    ["status", "--format", "json"],
    ["status", "--format=tmux", "--strict"],
    ["status", "--strict", "--format", "long", "--format", "short", "--strict"],
    ["--data-dir=", "status"],
    ["--data-dir", "status", "status"],
    ["status", "--data-dir=-x", "--format=long"],
    ["remind", "--data-dir", "D"],
]
LEFT_TO_ARGPARSE = [
    [],
    ["status", "--help"],
    ["status", "-h"],
    ["--version"],
    ["--data-dir", "D"],
    ["-x", "status"],
    ["remind", "--at", "19:00"],
    ["remind", "--at=off"],
    ["remind", "--strict"],
    ["status", "--form", "json"],  # argparse takes abbreviations
    ["status", "--format", "wide"],
    ["status", "--format="],
    ["status", "--format"],
    ["status", "--strict=yes"],
    ["status", "--data-dir"],
    ["status", "--data-dir", "-1"],
    ["status", "extra"],
    ["status", "--"],
    ["log", "6", "3"],
]


@pytest.mark.parametrize("words", PLAIN_FORMS, ids=" ".join)
def test_a_plain_form_reads_as_argparse_reads_it(words: list[str]) -> None:
    read = prompt_arguments(words)
    assert read is not None
    assert vars(read) == vars(build_parser(_prompt_command(words)).parse_args(words))


@pytest.mark.parametrize("words", LEFT_TO_ARGPARSE, ids=" ".join)
def test_any_other_form_is_left_to_argparse(words: list[str]) -> None:
    assert prompt_arguments(words) is None
