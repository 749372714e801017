"""A diary reached through a symbolic link (issue 19, item 1), for example kept in a synced
folder: the link stays a link, the real file is replaced atomically in its own folder, and
backups are real copies. A link that cannot be used is refused and nothing is changed."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from sciatica_tui.cli import main
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreError, UnreadableDiaryError
from tests.support.store import SMALL_EXPORT

DAY = date(2026, 11, 1)


def relative(link: Path, target: Path) -> None:
    os.symlink(os.path.relpath(target, link.parent), link)


def absolute(link: Path, target: Path) -> None:
    os.symlink(target, link)


def through_a_second_link(link: Path, target: Path) -> None:
    middle = target.with_name("middle.json")
    os.symlink(target.name, middle)
    os.symlink(middle, link)


LINKS: dict[str, Callable[[Path, Path], None]] = {
    "relative": relative,
    "absolute": absolute,
    "a link to a link": through_a_second_link,
}


def linked_diary(tmp_path: Path, how: str) -> tuple[Path, Path]:
    """A diary with two sessions behind it, kept in ``synced/`` and linked from the data
    folder: the data folder and the real file."""
    made = tmp_path / "made"
    for day in (DAY, DAY.replace(day=2)):
        with DiaryStore.open(made) as store:
            store.save_daily_log(DailyLog(day, 3, 2))
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "target.json"
    target.write_bytes((made / "diary.json").read_bytes())
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    LINKS[how](folder / "diary.json", target)
    return folder, target


@pytest.mark.parametrize("how", sorted(LINKS))
def test_saving_through_a_link_replaces_the_real_file_and_keeps_the_link(
    tmp_path: Path, how: str
) -> None:
    folder, target = linked_diary(tmp_path, how)
    link_text = os.readlink(folder / "diary.json")
    before = target.read_bytes()

    with DiaryStore.open(folder) as store:
        assert [log.date for log in store.daily_logs()] == [DAY, DAY.replace(day=2)]
        store.save_daily_log(DailyLog(DAY.replace(day=3), 5, 5))
        store.save_daily_log(DailyLog(DAY.replace(day=4), 6, 6))

    assert (folder / "diary.json").is_symlink() and os.readlink(folder / "diary.json") == link_text
    assert target.is_file() and not target.is_symlink()
    assert len(json.loads(target.read_bytes())["daily_logs"]) == 4
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    (backup,) = (folder / "backups").glob("diary-*.json")
    assert not backup.is_symlink() and backup.stat().st_nlink == 1  # a real copy
    assert backup.read_bytes() == before
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert not list(target.parent.glob(".*.tmp")) and not list(folder.glob(".*.tmp"))
    with DiaryStore.open(folder) as reopened:
        assert len(reopened.daily_logs()) == 4


@pytest.mark.parametrize("how", ["relative", "absolute"])
@pytest.mark.parametrize(
    "command",
    [["export", "--format", "json"], ["export", "--format", "csv"], ["trends"], ["review"]],
    ids=lambda command: " ".join(command),
)
def test_every_command_reads_through_a_link_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str, command: list[str]
) -> None:
    folder, target = linked_diary(tmp_path, how)
    before = target.read_bytes()
    assert main(["--data-dir", str(folder), *command]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out
    assert target.read_bytes() == before and (folder / "diary.json").is_symlink()


@pytest.mark.parametrize("how", ["relative", "absolute"])
def test_import_through_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    """The defect: every save failed with "No such file or directory … free some space"."""
    folder, target = linked_diary(tmp_path, how)
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")
    assert main(["--data-dir", str(folder), "import", str(source)]) == 0
    out, err = capsys.readouterr()
    assert "1 added" in out and err == ""
    assert (folder / "diary.json").is_symlink()
    assert "2025-10-03" in target.read_text(encoding="utf-8")


def dangling(folder: Path, tmp_path: Path) -> None:
    os.symlink("../synced-not-mounted/diary.json", folder / "diary.json")


def looping(folder: Path, tmp_path: Path) -> None:
    os.symlink("diary.json", folder / "diary.json")


def to_a_folder(folder: Path, tmp_path: Path) -> None:
    (tmp_path / "a-folder").mkdir()
    os.symlink(tmp_path / "a-folder", folder / "diary.json")


BAD_LINKS: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "to nothing": (dangling, "nothing is there now"),
    "in a loop": (looping, "in a loop"),
    "to a folder": (to_a_folder, "which is not a file"),
}


@pytest.mark.parametrize("bad", sorted(BAD_LINKS))
def test_a_link_that_cannot_be_used_is_refused_and_nothing_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    make, words = BAD_LINKS[bad]
    make(folder, tmp_path)
    link_text = os.readlink(folder / "diary.json")
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")

    with pytest.raises(StoreError, match=words):
        DiaryStore.open_or_view(folder)
    for command in (["export"], ["trends"], ["import", str(source)]):
        assert main(["--data-dir", str(folder), *command]) == 1
        err = capsys.readouterr().err
        assert err.startswith("sciatica: ") and words in err and "Traceback" not in err
        assert "Nothing was changed" in err
    assert os.readlink(folder / "diary.json") == link_text
    assert sorted(path.name for path in folder.iterdir()) == ["diary.json"]
    assert not (tmp_path / "synced-not-mounted").exists()


def test_a_linked_file_that_cannot_be_read_is_left_where_it_is(tmp_path: Path) -> None:
    folder, target = linked_diary(tmp_path, "relative")
    with DiaryStore.open(folder) as store:  # a session that saves leaves a backup
        store.save_daily_log(DailyLog(DAY.replace(day=9), 1, 1))
    target.write_bytes(b'{"daily_logs": {"1": {"date": "2026-')
    with pytest.raises(UnreadableDiaryError) as caught:
        DiaryStore.open(folder)
    message = str(caught.value)
    assert str(target) in message and "Nothing was changed" in message
    newest = sorted((folder / "backups").glob("diary-*.json"))[-1]
    assert f"copy {newest} to {target}" in message
    assert target.read_bytes() == b'{"daily_logs": {"1": {"date": "2026-'
    assert (folder / "diary.json").is_symlink()
    assert not list(folder.glob("diary.json.unreadable-*"))


def test_a_data_folder_reached_through_a_link_is_used(tmp_path: Path) -> None:
    real = tmp_path / "real-data"
    link = tmp_path / "data"
    os.symlink(real.name, link)
    real.mkdir(mode=0o700)
    with DiaryStore.open(link) as store:
        store.save_daily_log(DailyLog(DAY, 1, 1))
    with DiaryStore.open(link) as store:
        store.save_daily_log(DailyLog(DAY, 2, 2))
    assert link.is_symlink()
    assert (real / "diary.json").is_file() and not (real / "diary.json").is_symlink()
    backups = sorted((real / "backups").glob("diary-*.json"))
    assert backups and all(path.is_file() and not path.is_symlink() for path in backups)
    assert b'"leg_pain":1' in backups[-1].read_bytes()  # the file the second session found
