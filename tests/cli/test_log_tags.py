"""``sciatica log --tag T`` (issue 22): by id or words, merged into the day's tags, an unknown
tag refused with the tags listed and nothing written, and offered by shell completion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sciatica_tui.cli import main
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.tags import MAX_TAGS, CustomTag, TagKind
from sciatica_tui.domain.validation.checks import reading_stored_text
from sciatica_tui.domain.validation.tag_rules import validate_custom_tag
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.store import files_in

TODAY = date(2026, 11, 21)
OWN = CustomTag("gardening", "In the garden", TagKind.SET_OFF)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: TODAY)
    monkeypatch.setenv("SCIATICA_TUI_DATA", str(tmp_path / "env-diary"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A diary whose day already holds a tag, with one tag of the person's own."""
    with DiaryStore.open(tmp_path) as store:
        store.save_custom_tag(OWN)
        store.save_daily_log(DailyLog(TODAY, 6, 3, tags=("heat",)))
    return tmp_path


def log(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(folder), "log", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def tags_of(folder: Path, day: date = TODAY) -> tuple[str, ...] | None:
    with DiaryStore.open(folder, read_only=True) as store:
        saved = store.daily_log(day)
    return None if saved is None else saved.tags


def test_tags_by_id_or_words_are_added_to_the_day(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = log(
        capsys, folder, "--tag", "DRIVING", "--tag", "a bad night", "--tag", "In The Garden",
        "--tag", "heat", "--tag", "bad_night",
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert out == ("Saved Sat 21 Nov (today): tags (Heat, Driving, A bad night, In the garden).\n")
    # Added to what the day held, each once, in the order given: never an overwrite.
    assert tags_of(folder) == ("heat", "driving", "bad_night", "gardening")
    status, out, _ = log(capsys, folder, "--tag", "Heat", "--overwrite")
    assert (status, out) == (
        0,
        "Nothing to change: Sat 21 Nov (today) already holds these values.\n",
    )
    assert tags_of(folder) == ("heat", "driving", "bad_night", "gardening")


def test_a_new_day_with_scores_and_a_tag(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = log(capsys, folder, "5", "2", "--tag", "walking", "--date", "yesterday")
    assert status == 0
    assert out == "Saved Fri 20 Nov (yesterday): leg pain 5, back pain 2, tags (Walking).\n"
    assert tags_of(folder, date(2026, 11, 20)) == ("walking",)


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--tag", "drivng"], "'drivng' is not in your tags"),
        (["7", "3", "--tag", "heat", "--tag", "", "--tag", "swim"], "'', 'swim' are not"),
    ],
)
def test_an_unknown_tag_exits_2_names_it_lists_the_tags_and_writes_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    before = files_in(folder, with_lock=False)
    status, out, err = log(capsys, folder, *argv)
    assert (status, out) == (2, "")
    assert named in err and "Nothing was saved." in err
    words = " ".join(err.split())
    assert "What set it off: sitting_long (Sitting long), driving (Driving)" in words
    assert "gardening (In the garden)." in words
    assert "What helped: walking (Walking)" in words
    assert files_in(folder, with_lock=False) == before


def test_more_tags_than_a_day_holds_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with DiaryStore.open(folder) as store:
        for n in range(MAX_TAGS):
            store.save_custom_tag(CustomTag(f"own_{n}", f"Own {n}", TagKind.HELPED))
    before = files_in(folder, with_lock=False)
    argv = [word for n in range(MAX_TAGS) for word in ("--tag", f"own_{n}")]
    status, _, err = log(capsys, folder, *argv)
    assert status == 2
    assert f"--tag (tags): holds {MAX_TAGS + 1} tags, more than {MAX_TAGS}" in err
    assert files_in(folder, with_lock=False) == before


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_offers_the_tag_ids(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert "--tag" in script or "-l tag" in script
    assert "sitting_long driving lifting bending bad_night stress walking" in script


def test_a_stored_label_with_a_control_character_is_echoed_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An older diary (or one edited by hand) may hold one; new input may not.
    with DiaryStore.open(tmp_path) as store, reading_stored_text():
        store.save_custom_tag(
            validate_custom_tag({"id": "odd", "label": "Odd\x1b[2J", "kind": "helped"})
        )
    status, out, _ = log(capsys, tmp_path, "4", "2", "--tag", "odd")
    assert status == 0 and "\x1b" not in out and "Odd" in out
