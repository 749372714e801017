"""The hostile-file sweep (issue 19): diary files made to break the app, run through every
command and through the app's opening and first save.

Each must give a clear message and no traceback, keep the original bytes (in place, kept
aside, or as the session's backup), and change nothing silently: every record the file held
is afterwards in the diary or in the side file the message names. Symbolic links and a
read-only folder have their own sweeps in test_links.py and test_read_only.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.cli import main
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store.diary_file import Repeated, plain
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreError
from tests.support.store import SMALL_EXPORT, files_in

META = b'"meta": {"1": {"schema_version": 1}}'


def log(day: int, pain: Any = 3) -> bytes:
    """One daily log as JSON text (``pain`` as written, so ``NaN`` can be given)."""
    leg = pain if isinstance(pain, str) else json.dumps(pain)
    return b'{"date": "2026-11-%02d", "leg_pain": %s, "back_pain": 2}' % (day, leg.encode())


def diary(logs: bytes, *, meta: bytes = META, extra: bytes = b"") -> bytes:
    return b"{" + meta + b', "daily_logs": {' + logs + b"}" + extra + b"}"


def deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


@dataclass(frozen=True)
class Hostile:
    """A diary file, what the app does with it, and words its message must hold."""

    payload: bytes
    outcome: str  # "unreadable", "refused", "set aside" or "read"
    words: str = ""


CASES: dict[str, Hostile] = {
    "nesting depth 100000": Hostile(
        b'{"daily_logs": {"1": ' + deep(100_000) + b"}}", "unreadable", "nested far too deeply"
    ),
    "nesting depth 900 in one record": Hostile(
        diary(b'"1": ' + log(1) + b', "2": {"date": "2026-11-02", "notes": ' + deep(900) + b"}"),
        "set aside",
        "daily_logs record 2",
    ),
    "an id that is not a whole number": Hostile(
        diary(b'"abc": ' + log(1) + b', "1": ' + log(2)), "set aside", "'abc' is not a whole"
    ),
    "an id written 01": Hostile(
        diary(b'"01": ' + log(1) + b', "1": ' + log(2)), "set aside", "'01' is not a whole"
    ),
    "a negative id": Hostile(diary(b'"-1": ' + log(1)), "set aside", "'-1' is not a whole"),
    "two records under one id": Hostile(
        diary(b'"1": ' + log(1, 7) + b', "1": ' + log(2)), "set aside", "same id"
    ),
    "a field named twice": Hostile(
        diary(b'"1": {"date": "2026-11-01", "leg_pain": 3, "leg_pain": 9, "back_pain": 2}'),
        "set aside",
        "'leg_pain' more than once",
    ),
    "a table given twice": Hostile(
        b"{" + META + b', "daily_logs": {"1": ' + log(1) + b'}, "daily_logs": {"1": '
        b"" + log(2) + b"}}",
        "set aside",
        "second 'daily_logs' table",
    ),
    "two records for one day": Hostile(
        diary(b'"1": ' + log(1, 7) + b', "2": ' + log(1)), "set aside", "also 2026-11-01"
    ),
    "NaN": Hostile(diary(b'"1": ' + log(1, "NaN") + b', "2": ' + log(2)), "set aside", "nan"),
    "Infinity": Hostile(diary(b'"1": ' + log(1, "Infinity")), "set aside", "leg_pain"),
    "-Infinity in a decimal": Hostile(
        diary(
            b'"1": {"date": "2026-11-01", "leg_pain": 3, "back_pain": 2, "sleep_hours": -Infinity}'
        ),
        "set aside",
        "sleep_hours",
    ),
    "a number of 400 digits": Hostile(diary(b'"1": ' + log(1, "9" * 400)), "set aside", "leg_pain"),
    "a table the diary does not have": Hostile(
        diary(b'"1": ' + log(1), extra=b', "notes": {"1": {"text": "mine"}}'),
        "set aside",
        "no 'notes' table",
    ),
    "a profile that is not valid": Hostile(
        diary(b'"1": ' + log(1), extra=b', "profile": {"1": {"onset_date": "yesterday"}}'),
        "set aside",
        "profile record 1",
    ),
    "a byte-order mark": Hostile(b"\xef\xbb\xbf" + diary(b'"1": ' + log(1)), "read"),
    "pretty-printed by hand": Hostile(
        json.dumps(json.loads(diary(b'"1": ' + log(1))), indent=4).encode(), "read"
    ),
    "invalid UTF-8": Hostile(
        diary(b'"1": {"date": "2026-11-01", "leg_pain": 3, "back_pain": 2, "notes": "\xff\xfe"}'),
        "unreadable",
        "not UTF-8",
    ),
    "version 2.0": Hostile(
        diary(b'"1": ' + log(1), meta=b'"meta": {"1": {"schema_version": 2.0}}'),
        "refused",
        "2.0 is not a whole number",
    ),
    'version "2"': Hostile(
        diary(b'"1": ' + log(1), meta=b'"meta": {"1": {"schema_version": "2"}}'),
        "refused",
        '"2" is not a whole number',
    ),
    "version 1.0": Hostile(
        diary(b'"1": ' + log(1), meta=b'"meta": {"1": {"schema_version": 1.0}}'),
        "refused",
        "not a whole number",
    ),
    "version true": Hostile(
        diary(b'"1": ' + log(1), meta=b'"meta": {"1": {"schema_version": true}}'),
        "refused",
        "not a whole number",
    ),
    "version -1": Hostile(
        diary(b'"1": ' + log(1), meta=b'"meta": {"1": {"schema_version": -1}}'),
        "refused",
        "not a version",
    ),
    "no version in meta": Hostile(
        diary(b'"1": ' + log(1), meta=b'"meta": {"1": {}}'), "refused", "one format version"
    ),
    "the version given twice": Hostile(
        diary(b'"1": ' + log(1), meta=b'"meta": {"1": {"schema_version": 9, "schema_version": 1}}'),
        "refused",
        "twice",
    ),
}


READERS: dict[str, list[str]] = {
    "export json": ["export", "--format", "json"],
    "export csv": ["export", "--format", "csv"],
    "trends": ["trends"],
    "review": ["review"],
}


def records_of(payload: bytes) -> list[str]:
    """Every record a diary file holds, repeated names included, as comparable text."""

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        return Repeated(pairs) if len(dict(pairs)) < len(pairs) else dict(pairs)

    def pairs_of(obj: dict[str, Any]) -> list[tuple[str, Any]]:
        return obj.pairs if isinstance(obj, Repeated) else list(obj.items())

    tables = json.loads(payload.decode("utf-8-sig"), object_pairs_hook=pairs_hook)
    return [
        f"{name} {json.dumps(plain(doc))}"
        for name, table in pairs_of(tables)
        if name != "meta"
        for _, doc in pairs_of(table)
    ]


def records_kept(folder: Path) -> list[str]:
    """The records now in the diary and in every side file beside it."""
    kept = records_of((folder / "diary.json").read_bytes())
    for side in folder.glob("diary-set-aside-*.json"):
        document = json.loads(side.read_bytes())
        kept += [f"{entry['table']} {json.dumps(entry['record'])}" for entry in document["records"]]
    return kept


def assert_nothing_lost(folder: Path, original: bytes) -> None:
    """The original bytes are kept whole somewhere, and every record is still somewhere."""
    everywhere = [path.read_bytes() for path in folder.rglob("*") if path.is_file()]
    assert original in everywhere, "the original file is nowhere, byte for byte"
    sides = [path.read_bytes() for path in folder.glob("diary-set-aside-*.json")]
    if original in sides:
        return  # nested too deeply to be written record by record: the whole file was kept
    kept = records_kept(folder)
    missing = [record for record in records_of(original) if record not in kept]
    assert not missing, f"lost: {missing}"


@pytest.fixture(autouse=True)
def no_real_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCIATICA_TUI_DATA", str(tmp_path / "env-diary"))


def hostile_folder(tmp_path: Path, case: str) -> tuple[Path, bytes]:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    payload = CASES[case].payload
    (folder / "diary.json").write_bytes(payload)
    return folder, payload


def run(capsys: pytest.CaptureFixture[str], *argv: Any) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("command", sorted(READERS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_command_that_reads_explains_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, command: str
) -> None:
    hostile = CASES[case]
    folder, _ = hostile_folder(tmp_path, case)
    before = files_in(folder, with_lock=False)
    status, _, err = run(capsys, "--data-dir", folder, *READERS[command])
    assert "Traceback" not in err
    assert files_in(folder, with_lock=False) == before  # a reader writes nothing, moves nothing
    if hostile.outcome in ("unreadable", "refused"):
        assert status == 1 and err.startswith("sciatica: ")
        assert hostile.words in err
        assert "has not been changed" in err or "cannot be read" in err
    else:
        assert status == 0
        assert hostile.words in err  # "set aside" names the record; "read" says nothing
        assert bool(err) == (hostile.outcome == "set aside")


@pytest.mark.parametrize("case", sorted(CASES))
def test_import_explains_keeps_the_bytes_and_loses_no_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    hostile = CASES[case]
    folder, original = hostile_folder(tmp_path, case)
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")
    before = files_in(folder, with_lock=False)
    status, out, err = run(capsys, "--data-dir", folder, "import", source)
    assert "Traceback" not in err
    if hostile.outcome == "refused":
        assert status == 1 and hostile.words in err and "has not been changed" in err
        assert files_in(folder, with_lock=False) == before
        return
    if hostile.outcome == "unreadable":
        assert status == 1 and hostile.words in err and "kept, untouched" in err
        assert [path.read_bytes() for path in folder.glob("diary.json.unreadable-*")] == [original]
        return
    assert status == 0 and "1 added" in out
    if hostile.outcome == "set aside":
        assert err.startswith("sciatica: warning: ") and hostile.words in err
        (side,) = folder.glob("diary-set-aside-*.json")
        assert str(side) in err and "unchanged" in err
    else:
        assert err == ""
    assert_nothing_lost(folder, original)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_app_explains_once_and_its_saves_lose_nothing(tmp_path: Path, case: str) -> None:
    """What the app does at start, then a save and a second start (item 9: records it could
    not read were changed or lost by the next save)."""
    hostile = CASES[case]
    folder, original = hostile_folder(tmp_path, case)
    if hostile.outcome in ("unreadable", "refused"):
        with pytest.raises(StoreError) as caught:
            DiaryStore.open_or_view(folder)
        assert hostile.words in str(caught.value) and "Traceback" not in str(caught.value)
        kept = [path.read_bytes() for path in folder.glob("diary.json*")]
        assert kept == [original]  # in place, or kept aside under a new name
        return
    with DiaryStore.open_or_view(folder) as store:
        assert store.read_only_reason is None
        notice = store.notice()
        if hostile.outcome == "set aside":
            assert notice is not None and hostile.words in notice
            assert str(store.side_file) in notice
        else:
            assert notice is None
        store.save_daily_log(DailyLog(date(2026, 11, 20), 1, 1))
    assert_nothing_lost(folder, original)
    with DiaryStore.open_or_view(folder) as store:
        assert store.notice() is None  # said once: the records are in the side file now
        assert store.daily_log(date(2026, 11, 20)) == DailyLog(date(2026, 11, 20), 1, 1)
    assert_nothing_lost(folder, original)
