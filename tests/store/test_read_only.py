"""A diary that can be read but not written here (issue 19, item 10): a data folder the
person made read-only (0500), a read-only disk, a diary file marked read-only.

Its permissions are respected (never made writable again); commands that only read work;
the app opens it read-only (``open_or_view``) and refuses each save in one clear line;
nothing in it is changed. The tests run as root, which ignores 0500, so the system's refusal
is simulated: every call that would write under the folder raises the ``OSError`` an
unprivileged user (``EACCES``) or a read-only disk (``EROFS``) gets. Where ``unshare`` can
bind-mount a folder read-only, one test uses a real read-only file system as well.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.cli import main
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import CannotWriteError, ReadOnlyDiaryError, StoreError
from tests.support.store import SMALL_EXPORT, files_in, fill

REPO = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 1)

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


@contextmanager
def writes_refused(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> Iterator[list[str]]:
    """Every write under ``folder`` fails with ``code``, as the system would fail it; yields
    the calls refused."""
    refused: list[str] = []

    def under(path: Any) -> bool:
        return os.path.abspath(os.fsdecode(path)).startswith(str(folder))

    with monkeypatch.context() as patch:

        def guard(name: str, real: Callable[..., Any], *, flags_at: int | None = None) -> None:
            def call(*args: Any, **kwargs: Any) -> Any:
                writes = flags_at is None or args[flags_at] & WRITE_FLAGS
                if writes and any(under(arg) for arg in args[:2] if isinstance(arg, str | Path)):
                    refused.append(f"{name} {args[0]}")
                    raise OSError(code, os.strerror(code), str(args[0]))
                return real(*args, **kwargs)

            patch.setattr(os, name, call)

        guard("open", os.open, flags_at=1)
        for name in ("replace", "rename", "link", "unlink", "mkdir", "chmod", "symlink"):
            guard(name, getattr(os, name))
        yield refused


def made_diary(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    folder = tmp_path / "data"
    for number in range(2):
        with DiaryStore.open(folder) as store:
            if number == 0:
                fill(store)
            store.save_daily_log(DailyLog(DAY.replace(day=20 + number), 4, 4))
    return folder, files_in(folder)


# Where the diary cannot be written: how to make it so, and the words that say why.
SITUATIONS: dict[str, tuple[str, int, str]] = {
    "a folder made read-only (0500)": ("folder", errno.EACCES, "no permission to write"),
    "a read-only disk": ("disk", errno.EROFS, "read-only disk"),
}


@pytest.fixture(params=sorted(SITUATIONS))
def unwritable(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, dict[str, bytes], str]]:
    folder, before = made_diary(tmp_path)
    kind, code, words = SITUATIONS[request.param]
    if kind == "disk":
        (folder / "diary.lock").unlink()  # a disk mounted read-only elsewhere: no lock file
        before = files_in(folder)
    os.chmod(folder, 0o500)
    with writes_refused(monkeypatch, folder, code):
        yield folder, before, words
    os.chmod(folder, 0o700)


def test_opening_to_write_is_refused_and_says_why(
    unwritable: tuple[Path, dict[str, bytes], str],
) -> None:
    folder, before, words = unwritable
    with pytest.raises(CannotWriteError) as caught:
        DiaryStore.open(folder)
    message = str(caught.value)
    assert words in message and "can be read but not changed" in message
    assert "Nothing was changed" in message
    assert files_in(folder) == before
    assert stat.S_IMODE(folder.stat().st_mode) == 0o500  # never made writable again


def test_the_app_opens_it_read_only_and_refuses_each_save(
    unwritable: tuple[Path, dict[str, bytes], str],
) -> None:
    folder, before, words = unwritable
    with DiaryStore.open_or_view(folder) as store:
        assert store.read_only_reason is not None and words in store.read_only_reason
        note = store.read_only_note() or ""
        assert note.startswith("Read-only: ") and note.endswith(", so nothing can be saved.")
        assert len(store.daily_logs()) == 4 and store.visits()
        with pytest.raises(ReadOnlyDiaryError) as caught:
            store.save_daily_log(DailyLog(DAY, 9, 9))
        assert words in str(caught.value) and "read-only here" in str(caught.value)
        assert len(str(caught.value).splitlines()) == 1
        assert store.daily_log(DAY) != DailyLog(DAY, 9, 9)
    assert files_in(folder) == before
    assert stat.S_IMODE(folder.stat().st_mode) == 0o500


@pytest.mark.parametrize("command", [["export", "--format", "json"], ["trends"], ["review"]])
def test_commands_that_read_work_as_usual(
    unwritable: tuple[Path, dict[str, bytes], str],
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    folder, before, _ = unwritable
    assert main(["--data-dir", str(folder), *command]) == 0
    out, err = capsys.readouterr()
    assert out and err == ""
    assert files_in(folder) == before


def test_import_is_refused_in_one_clear_line(
    unwritable: tuple[Path, dict[str, bytes], str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    folder, before, words = unwritable
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")
    assert main(["--data-dir", str(folder), "import", str(source)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("sciatica: ") and words in err
    assert "Nothing was changed" in err and len(err.splitlines()) == 1
    assert files_in(folder) == before


def test_a_read_only_folder_with_no_diary_says_there_is_nothing_to_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir(mode=0o500)
    with writes_refused(monkeypatch, folder, errno.EACCES):
        with pytest.raises(StoreError, match="no diary there yet"):
            DiaryStore.open_or_view(folder)
    assert list(folder.iterdir()) == []


def test_a_diary_file_marked_read_only_stays_so(tmp_path: Path) -> None:
    folder, _ = made_diary(tmp_path)
    os.chmod(folder / "diary.json", 0o400)
    before = files_in(folder)
    with pytest.raises(CannotWriteError, match="marked read-only"):
        DiaryStore.open(folder)
    with DiaryStore.open_or_view(folder) as store:
        assert "marked read-only" in (store.read_only_reason or "")
        with pytest.raises(ReadOnlyDiaryError):
            store.save_daily_log(DailyLog(DAY, 1, 1))
    assert files_in(folder) == before
    assert stat.S_IMODE((folder / "diary.json").stat().st_mode) == 0o400


def test_group_and_others_lose_access_but_the_owner_gains_none(tmp_path: Path) -> None:
    folder, _ = made_diary(tmp_path)
    os.chmod(folder, 0o755)
    with DiaryStore.open(folder):
        pass
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    os.chmod(folder, 0o550)
    try:
        with DiaryStore.open(folder):  # root may still write; the mode is what matters here
            pass
        assert stat.S_IMODE(folder.stat().st_mode) == 0o500
    finally:
        os.chmod(folder, 0o700)


def read_only_mount_works() -> bool:
    if not shutil.which("unshare") or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount --bind -o ro /tmp /tmp"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not read_only_mount_works(), reason="needs root and unshare to mount")
def test_a_real_read_only_disk(tmp_path: Path) -> None:
    """The same on a real read-only file system (a bind mount in a private namespace)."""
    folder, before = made_diary(tmp_path)
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")
    script = (
        "import sys\n"
        "from sciatica_tui.cli import main\n"
        "from sciatica_tui.store.diary_store import DiaryStore\n"
        f"folder = {str(folder)!r}\n"
        "print('export', main(['--data-dir', folder, 'export']) == 0, file=sys.stderr)\n"
        f"print('import', main(['--data-dir', folder, 'import', {str(source)!r}]))\n"
        "store = DiaryStore.open_or_view(folder)\n"
        "print('reason', store.read_only_reason)\n"
        "print('logs', len(store.daily_logs()))\n"
    )
    mounted = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            'mount --bind -o ro "$1" "$1" && exec "$2" -c "$3"',
            "sh",
            str(folder),
            sys.executable,
            script,
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert "Traceback" not in mounted.stderr, mounted.stderr
    assert "export True" in mounted.stderr
    assert "read-only disk" in mounted.stderr and "Nothing was changed" in mounted.stderr
    assert mounted.stdout.splitlines()[-3:] == [
        "import 1",
        "reason the data folder is on a read-only disk",
        "logs 4",
    ]
    assert files_in(folder) == before
