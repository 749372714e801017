"""Control characters and the command line (issue 19 item 4): a diary holding terminal escape
codes in every text field prints nothing a terminal would act on, whatever the command; an
import file holding one is refused with the field named and the diary left as it was."""

from __future__ import annotations

import argparse
import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from sciatica_tui.cli import build_parser, main
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.hostile_text import CLIPBOARD_MARKER, HOSTILE, write_hostile_diary

TODAY = date(2026, 11, 21)
# Every command that prints from the diary, with each of its kinds of output.
PRINTING_COMMANDS: dict[str, list[list[str]]] = {
    "export": [["export", "--format", name] for name in ("json", "csv", "md")],
    "trends": [["trends"], ["trends", "--weeks", "4"]],
    "review": [["review"], ["review", "--json"]],
    "import": [["import", "{file}"]],
    "progress": [["progress"], ["progress", "--json"]],
    "insights": [["insights"], ["insights", "--json"]],
    "log": [["log", "5", "3", "--date", "yesterday"], ["log", "5", "3", "--note", "{hostile}"]],
    "status": [["status", "--format", name] for name in ("short", "long", "json", "tmux")],
    "remind": [["remind"]],
    "check": [["check"], ["check", "--json"]],
    "completion": [["completion", name] for name in ("bash", "zsh", "fish")],
}
NOT_PRINTING = {"breathe"}  # opens the app, which has its own guard (inert_display)
LOGGED_DAYS = 14


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: TODAY)
    monkeypatch.setenv("SCIATICA_TUI_DATA", str(tmp_path / "env-diary"))


def subcommands() -> set[str]:
    actions = build_parser()._subparsers._group_actions  # type: ignore[union-attr]
    return {
        name
        for action in actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def test_the_sweep_covers_every_command() -> None:
    assert subcommands() == set(PRINTING_COMMANDS) | NOT_PRINTING, (
        "a new command: add each of its kinds of output to PRINTING_COMMANDS"
    )


def hostile_export(folder: Path, tmp_path: Path) -> Path:
    """The hostile diary exported as JSON (to import into another folder)."""
    export = tmp_path / "hostile-export.json"
    assert main(["--data-dir", str(folder), "export", "--out", str(export)]) == 0
    return export


@pytest.mark.parametrize(
    "argv", [argv for runs in PRINTING_COMMANDS.values() for argv in runs], ids=" ".join
)
def test_no_command_prints_an_escape_sequence_from_the_diary(
    argv: list[str],
    tmp_path: Path,
    capfdbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "data"
    write_hostile_diary(folder, TODAY)
    other = tmp_path / "other"
    with DiaryStore.open(other):
        pass
    file = hostile_export(folder, tmp_path)
    capfdbinary.readouterr()
    where = other if argv[0] == "import" else folder
    if argv[0] == "check":  # every question answered no
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"n\n" * 40)))
    given = [arg.format(file=file, hostile=HOSTILE) for arg in argv]
    status = main(["--data-dir", str(where), *given])
    out, err = capfdbinary.readouterr()
    for stream, name in ((out, "stdout"), (err, "stderr")):
        assert b"\x1b" not in stream, f"{name} holds ESC"
        # 0x9b is also a UTF-8 continuation byte (␛ is E2 90 9B): what a terminal in UTF-8
        # would act on is the character U+009B, the 8-bit CSI.
        text = stream.decode("utf-8")
        assert not any(0x80 <= ord(ch) <= 0x9F or ch in "\x07\x08\x7f" for ch in text), name
        assert "\u202e" not in text and "\u2066" not in text, name
    if argv[0] == "import":
        assert status == 2 and "daily_logs[0].notes: holds a hidden control character" in (
            err.decode()
        )
        return
    if "{hostile}" in argv:  # refused like the app refuses it, the field named
        assert status == 2 and "(notes): holds a hidden control character" in err.decode()
        return
    assert status == 0
    if argv[:3] == ["export", "--format", "csv"]:
        rows = list(csv.DictReader(io.StringIO(out.decode(), newline="")))
        assert len(rows) == LOGGED_DAYS  # no row split or lost
        assert rows[0]["notes"].startswith("notes 13 Pain␛[2J␛[H")
    if argv[:3] == ["export", "--format", "json"]:
        document = json.loads(out)  # escaped, so the JSON keeps every character exactly
        assert document["visits"][0]["reason"] == f"reason {HOSTILE}"
    if argv[:3] == ["export", "--format", "md"]:
        assert f"␛\\]52;c;{CLIPBOARD_MARKER}␇" in out.decode()  # shown, inert


def an_export(**tables: list[dict[str, object]]) -> dict[str, object]:
    """An export file holding ``tables`` (every other table empty)."""
    empty = dict.fromkeys(
        ("daily_logs", "red_flag_checks", "breathing_sessions", "rehab_days",
         "custom_exercises", "visits"),
        [],
    )  # fmt: skip
    return {"format": "sciatica-tui", "version": 1, "profile": {}, **empty, **tables}


def test_an_import_with_a_control_character_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:
        pass
    before = (folder / "diary.json").read_bytes()
    incoming = an_export(
        daily_logs=[
            {"date": "2026-11-20", "leg_pain": 6, "back_pain": 3, "notes": "ok"},
            {"date": "2026-11-21", "leg_pain": 6, "back_pain": 3, "notes": "a\x1b]52;c;SGk=\x07"},
        ],
        custom_exercises=[{"id": "own", "phase": 1, "title": "Bridge\x9b", "how": ""}],
    )
    file = tmp_path / "in.json"
    file.write_text(json.dumps(incoming), encoding="utf-8")
    status = main(["--data-dir", str(folder), "import", str(file)])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert "Import refused: 2 problems; nothing was changed." in err
    assert (
        "daily_logs[1].notes: holds a hidden control character (ESC, shown as ␛) at character 2"
        in err
    )
    assert "custom_exercises[0].title: holds a hidden control character (control U+009B" in err
    assert (folder / "diary.json").read_bytes() == before
    with DiaryStore.open(folder) as store:
        assert store.daily_logs() == []


def test_a_windows_line_break_in_an_import_becomes_a_newline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    file = tmp_path / "in.json"
    log = {"date": "2026-11-20", "leg_pain": 6, "back_pain": 3, "notes": "one\r\ntwo"}
    file.write_text(json.dumps(an_export(daily_logs=[log])), encoding="utf-8")
    assert main(["--data-dir", str(folder), "import", str(file)]) == 0
    with DiaryStore.open(folder) as store:
        assert [entry.notes for entry in store.daily_logs()] == ["one\ntwo"]
