"""The README's "What the diary promises" names, for each promise, the tests that prove it:
each named file must exist, and each promise must name one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def promises() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What the diary promises", 1)[1].split("\n## ", 1)[0]
    return [item for item in re.split(r"\n- ", section)[1:]]


def test_every_promise_names_a_test_or_benchmark_that_exists() -> None:
    found = promises()
    assert len(found) >= 9
    for promise in found:
        named = re.findall(r"`((?:tests|benchmarks)/[\w/]+\.py)`", promise)
        named += re.findall(r"`python ((?:benchmarks)/[\w/]+\.py)`", promise)
        assert named, f"names no test: {promise[:60]}"
        for path in named:
            assert (ROOT / path).is_file(), f"{path} is named in the README but does not exist"
