"""Files that are not exports, and hostile documents: refused plainly, never a traceback."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_tui.store.export_format import (
    FORMAT_VERSION,
    ImportProblems,
    from_document,
    to_document,
)
from tests.support.export_samples import (
    HUGE,
    LONG,
    TODAY,
    run,
    sample_document,
    write_json,
)

BAD_FILES: list[tuple[str, bytes, str]] = [
    ("wrong-format", b'{"format": "other-app", "version": 1}', "format: 'other-app' is not"),
    (
        "newer-version",
        b'{"format": "sciatica-tui", "version": %d}' % (FORMAT_VERSION + 1),
        f"version: {FORMAT_VERSION + 1} is newer",
    ),
    ("version-zero", b'{"format": "sciatica-tui", "version": 0}', "version: 0 is not a version"),
    ("version-as-text", b'{"format": "sciatica-tui", "version": "1"}', "version: '1' is not"),
    ("no-version", b'{"format": "sciatica-tui"}', "version: is missing"),
    ("a-list", b"[1, 2, 3]", "the file holds a list"),
    ("null", b"null", "the file holds null"),
    ("text", b'"sciatica"', "the file holds text"),
    ("bad-json", b'{"format": "sciatica-tui",,}', "is not valid JSON (line 1"),
    ("empty", b"", "is not valid JSON"),
    ("not-utf8", b'{"notes": "\xff\xfe"}', "is not UTF-8 text"),
    ("deep", b"[" * 100_000 + b"]" * 100_000, "is not a JSON file this app can read"),
    ("giant-number", b'{"version": ' + b"9" * 5000 + b"}", "is not a JSON file this app"),
]


@pytest.mark.parametrize(
    ("payload", "expected"), [pytest.param(*case[1:], id=case[0]) for case in BAD_FILES]
)
def test_a_file_that_is_not_an_export_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], payload: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(payload)
    status, out, err = run(capsys, "--data-dir", tmp_path / "diary", "import", bad)
    assert (status, out) == (2, "")
    assert expected in err
    assert "nothing was changed" in err
    assert "Traceback" not in err
    assert not (tmp_path / "diary").exists()


def test_every_missing_or_mistyped_top_level_list_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = sample_document()
    del document["daily_logs"]
    document["visits"] = {"id": "v1"}
    document["extra"] = 1
    status, _, err = run(capsys, "import", write_json(tmp_path / "bad.json", document))
    assert status == 2
    assert err.splitlines() == [
        "Import refused: 3 problems; nothing was changed.",
        "extra: is not part of the export format",
        "daily_logs: is missing",
        "visits: an object is not a list",
    ]


def test_every_problem_in_the_file_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = sample_document()
    document["daily_logs"][0]["leg_pain"] = 11
    document["daily_logs"][1]["back_pain"] = -1
    document["visits"][0]["date"] = "soon"
    status, _, err = run(capsys, "import", write_json(tmp_path / "bad.json", document))
    assert status == 2
    assert err.splitlines()[0] == "Import refused: 3 problems; nothing was changed."
    assert "daily_logs[0].leg_pain: 11 is above 10" in err
    assert "daily_logs[1].back_pain: -1 is below 0" in err
    assert "visits[0].date: 'soon' is not a date written YYYY-MM-DD" in err


def test_a_lone_surrogate_is_refused_before_it_reaches_the_diary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    text = json.dumps(sample_document()).replace("Walked", "\\ud800Walked")
    bad.write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "--data-dir", tmp_path / "diary", "import", bad)
    assert status == 2
    assert "daily_logs[0].notes: holds a character that cannot be saved" in err
    assert not (tmp_path / "diary").exists()


def test_terminal_escapes_in_a_field_name_are_printed_harmlessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = sample_document()
    document["daily_logs"][0]["\x1b[2J\x1b]0;pwned\x07"] = 1
    status, _, err = run(capsys, "import", write_json(tmp_path / "bad.json", document))
    assert status == 2
    assert "\x1b" not in err
    assert "daily_logs[0].\\x1b[2J" in err


# --- hostile documents never give a traceback --------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.just(HUGE)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["\ud800", "a\udfff", "", "2025-11-03", "2025-11-03T09:30:00", LONG])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def hostile_documents(draw: st.DrawFn) -> Any:
    """Anything at all, or a valid export with one part replaced by anything."""
    if draw(st.booleans()):
        return draw(json_values)
    document = sample_document()
    where = draw(st.sampled_from(sorted(document)))
    if draw(st.booleans()) or not isinstance(document[where], list | dict):
        document[where] = draw(json_values)
        return document
    part = document[where]
    entry = part[0] if isinstance(part, list) else part
    if isinstance(part, list) and draw(st.booleans()):
        part.append(draw(json_values))
    else:
        name = draw(st.sampled_from(sorted(entry)) | st.text(max_size=8))
        entry[name] = draw(json_values)
    return document


@settings(max_examples=300, deadline=None)
@given(document=hostile_documents())
def test_a_hostile_document_gives_problems_or_a_saveable_snapshot(document: Any) -> None:
    try:
        snapshot = from_document(document, today=TODAY)
    except ImportProblems as refused:
        assert refused.problems
        assert all(isinstance(line, str) and line.isprintable() for line in refused.problems)
        return
    saved = json.dumps(to_document(snapshot), ensure_ascii=False, allow_nan=False)
    saved.encode("utf-8")


def test_nan_and_infinity_are_never_accepted_as_numbers() -> None:
    for bad in (math.nan, math.inf, -math.inf):
        document = sample_document()
        document["daily_logs"][0]["sleep_hours"] = bad
        with pytest.raises(ImportProblems) as refused:
            from_document(document, today=TODAY)
        assert refused.value.problems[0].startswith("daily_logs[0].sleep_hours: ")


def test_a_non_json_object_as_document_is_a_problem_not_a_crash() -> None:
    with pytest.raises(ImportProblems):
        from_document(object(), today=TODAY)
    with pytest.raises(ImportProblems):
        from_document({"format": "sciatica-tui", "version": 10**5000}, today=TODAY)
    document = sample_document()
    document["daily_logs"][0]["leg_pain"] = 10**5000
    with pytest.raises(ImportProblems) as refused:
        from_document(document, today=TODAY)
    assert refused.value.problems[0].startswith("daily_logs[0]")
