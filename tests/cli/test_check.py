"""``sciatica check``: the red-flag check as plain prompts, its advice, verdicts and saves."""

from __future__ import annotations

import errno
import io
import json
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from sciatica_tui.cli import check as check_command
from sciatica_tui.cli import main
from sciatica_tui.domain.records import RedFlagCheck, Settings, Verdict
from sciatica_tui.domain.red_flag_advice import SAVED, emergency_alert
from sciatica_tui.domain.red_flags import questions
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import write_error

AT = datetime(2026, 12, 3, 9, 30)
QUESTIONS = questions()
TOTAL = len(QUESTIONS)
FIRST_EMERGENCY = 2  # the saddle-area question, counting from 0
URGENT = next(n for n, q in enumerate(QUESTIONS) if q.verdict is Verdict.URGENT)


@pytest.fixture(autouse=True)
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed time, and never the person's real diary."""
    monkeypatch.setattr(check_command, "now", lambda: AT)
    monkeypatch.setenv("SCIATICA_TUI_DATA", str(tmp_path / "env-diary"))


def diary_with_number(folder: Path, number: str) -> None:
    """A diary whose person chose ``number`` as the emergency number."""
    with DiaryStore.open(folder) as store:
        profile = store.profile()
        settings = replace(profile.settings, emergency_number=number)
        store.save_profile(replace(profile, settings=settings))


def saved_checks(folder: Path) -> list[RedFlagCheck]:
    with DiaryStore.open(folder, read_only=True) as store:
        return store.red_flag_checks()


def answers_with(*yes_at: int, count: int = TOTAL) -> list[str]:
    """``count`` answers: "y" at the positions ``yes_at`` (from 0), "n" elsewhere."""
    return ["y" if n in yes_at else "n" for n in range(count)]


def run_check(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    lines: list[str],
    *options: str,
) -> tuple[int, str, str]:
    """Run ``sciatica check`` with ``lines`` typed on stdin (then the end of input)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    status = main(["--data-dir", str(folder), "check", *options])
    out, err = capsys.readouterr()
    return status, out, err


def prompt(number: int) -> str:
    return f"{number} of {TOTAL}. {QUESTIONS[number - 1].text}"


def test_the_emergency_advice_comes_at_the_first_emergency_yes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "diary"
    diary_with_number(folder, "999")
    # Two emergency yeses: the advice comes once, after the first, before the next question.
    lines = answers_with(FIRST_EMERGENCY, FIRST_EMERGENCY + 2)
    status, out, _ = run_check(monkeypatch, capsys, folder, lines)
    assert status == 0
    first_answers = dict.fromkeys([q.id for q in QUESTIONS[:FIRST_EMERGENCY]], False)
    first_answers[QUESTIONS[FIRST_EMERGENCY].id] = True
    alert = emergency_alert(
        RedFlagCheck(AT, first_answers, Verdict.EMERGENCY), Settings(emergency_number="999")
    ).as_text()
    assert "Call 999 for an ambulance" in alert
    assert out.count(alert) == 1
    where = out.index(alert)
    assert out.index(prompt(FIRST_EMERGENCY + 1)) < where < out.index(prompt(FIRST_EMERGENCY + 2))
    assert out.index(SAVED) < out.index(prompt(FIRST_EMERGENCY + 2))
    assert "\x1b" not in out

    # Saved at the alert, and every later answer joined the same check.
    [saved] = saved_checks(folder)
    assert (saved.at, saved.verdict) == (AT, Verdict.EMERGENCY)
    assert saved.answers == {
        q.id: answer == "y" for q, answer in zip(QUESTIONS, lines, strict=True)
    }


def test_the_questions_are_the_tabs_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run_check(monkeypatch, capsys, tmp_path, answers_with())
    asked = [line for line in out.splitlines() if line.endswith("[y/n] n")]
    assert len(asked) == TOTAL
    for number, (line, question) in enumerate(zip(asked, QUESTIONS, strict=True), start=1):
        assert line == f"{number} of {TOTAL}. {question.text} ({question.example}) [y/n] n"
    first_urgent = out.index(prompt(URGENT + 1))
    assert out.index("!! Signs that need the emergency department now") < out.index(prompt(1))
    assert out.index(prompt(URGENT)) < out.index("! Signs that need a doctor today") < first_urgent


@pytest.mark.parametrize(
    ("yes_at", "verdict", "title"),
    [
        pytest.param((), Verdict.CLEAR, "✔ CLEAR: No red flags reported", id="clear"),
        pytest.param((URGENT,), Verdict.URGENT, "! URGENT: Contact a doctor urgently", id="urgent"),
        pytest.param(
            (0,), Verdict.EMERGENCY, "!! EMERGENCY: Go to the emergency department now", id="em"
        ),
    ],
)
def test_each_verdict_is_said_and_saved(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    yes_at: tuple[int, ...],
    verdict: Verdict,
    title: str,
) -> None:
    status, out, _ = run_check(monkeypatch, capsys, tmp_path, answers_with(*yes_at))
    assert status == 0
    result = out[out.index(prompt(TOTAL)) :]
    assert title in result
    assert "Your answers (" in result
    assert "could not be saved" not in out
    [saved] = saved_checks(tmp_path)
    assert saved.verdict is verdict
    assert saved.answers == {q.id: n in yes_at for n, q in enumerate(QUESTIONS)}


def test_anything_but_yes_or_no_is_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["maybe", "", "yep", "N", "Y ", *answers_with(count=TOTAL)[2:]]
    status, out, _ = run_check(monkeypatch, capsys, tmp_path, lines)
    assert status == 0
    assert out.count(check_command.ASK_AGAIN) == 3
    assert out.count(prompt(1)) == 4
    [saved] = saved_checks(tmp_path)
    assert saved.answers[QUESTIONS[0].id] is False
    assert saved.answers[QUESTIONS[1].id] is True  # "Y " counts as yes
    assert saved.verdict is Verdict.EMERGENCY


def test_the_end_of_input_before_the_last_answer_saves_nothing_without_an_emergency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = answers_with(URGENT, count=URGENT + 1)
    status, out, _ = run_check(monkeypatch, capsys, tmp_path, lines)
    assert status == check_command.EXIT_UNFINISHED
    assert f"The check is not finished: {URGENT + 1} of {TOTAL} answered." in out
    assert QUESTIONS[URGENT].next_step in out  # what to do about the yes already given
    assert "Nothing was saved" in out
    assert saved_checks(tmp_path) == []


def test_the_end_of_input_after_an_emergency_yes_keeps_the_answers_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = answers_with(FIRST_EMERGENCY, count=FIRST_EMERGENCY + 2)
    status, out, _ = run_check(monkeypatch, capsys, tmp_path, lines)
    assert status == check_command.EXIT_UNFINISHED
    assert "It is saved in your diary with the answers given." in out
    assert out.rstrip().endswith("for an ambulance if you cannot get there safely.")
    [saved] = saved_checks(tmp_path)
    assert saved.verdict is Verdict.EMERGENCY
    assert list(saved.answers) == [q.id for q in QUESTIONS[: FIRST_EMERGENCY + 2]]


def test_while_the_app_holds_the_diary_the_check_is_asked_but_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "diary"
    diary_with_number(folder, "112")
    with DiaryStore.open(folder):  # the app is open
        status, out, _ = run_check(monkeypatch, capsys, folder, answers_with(0))
    assert status == 1
    note = out[: out.index(prompt(1))]
    assert "will be asked, but not saved. The diary in" in note
    assert "is open in the app" in note
    assert "answer it in the app (press ctrl+r)" in note
    assert "Call 112 for an ambulance" in out  # the number is read without the lock
    assert "⚠ Your check could not be saved, but this advice stands." in out
    assert "!! EMERGENCY: Go to the emergency department now" in out[out.index(prompt(TOTAL)) :]
    assert out.rstrip().endswith("close the app and run sciatica check again.")
    assert saved_checks(folder) == []


def test_json_prints_the_verdict_and_answers_alone_on_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run_check(monkeypatch, capsys, tmp_path, answers_with(URGENT), "--json")
    assert status == 0
    assert json.loads(out) == {
        "verdict": "urgent",
        "at": AT.isoformat(),
        "complete": True,
        "saved": True,
        "answers": {q.id: n == URGENT for n, q in enumerate(QUESTIONS)},
        "unanswered": [],
    }
    assert prompt(1) in err and "! URGENT" in err


def test_json_of_an_unfinished_check_has_no_verdict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_check(monkeypatch, capsys, tmp_path, ["n", "n"], "--json")
    assert status == check_command.EXIT_UNFINISHED
    document = json.loads(out)
    assert (document["verdict"], document["complete"], document["saved"]) == (None, False, False)
    assert document["unanswered"] == [q.id for q in QUESTIONS[2:]]


def test_in_a_pipe_it_needs_no_textual_and_writes_no_escape_codes(tmp_path: Path) -> None:
    script = (
        "import sys; from sciatica_tui.cli import main; "
        f"status = main(['--data-dir', {str(tmp_path)!r}, 'check']); "
        "assert 'textual' not in sys.modules, 'Textual was imported'; sys.exit(status)"
    )
    typed = "".join(f"{answer}\n" for answer in answers_with())
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=typed,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "✔ CLEAR" in done.stdout
    assert "\x1b" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Go now, do not wait for it.", "Go now, do not\nwait for it."),
        ("3. Do not drive yourself there.", "3. Do not drive\n   yourself there."),
        ("  • Bowel trouble and more", "  • Bowel trouble\n    and more"),
        ("", ""),
    ],
)
def test_a_terminal_gets_lines_wrapped_between_words_with_their_indent(
    line: str, expected: str
) -> None:
    assert check_command.wrapped(line, 18) == expected


def test_a_save_that_fails_says_so_in_a_commands_words_and_the_advice_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def disk_full(store: DiaryStore, check: RedFlagCheck) -> None:
        raise write_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path)

    monkeypatch.setattr(DiaryStore, "save_red_flag_check", disk_full)
    status, out, _ = run_check(monkeypatch, capsys, tmp_path, answers_with(0))
    assert status == 1
    assert "⚠ Your check could not be saved, but this advice stands." in out
    assert "This check is not saved. Nothing was saved: the disk is full" in out
    assert "what you entered is still here" not in out  # the app's words, for a screen


def test_what_is_typed_in_a_pipe_is_never_replayed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["\x1b[2J\x1b]52;c;aGk=\x07", "\x00\x9b31m", *answers_with()]
    status, out, _ = run_check(monkeypatch, capsys, tmp_path, lines)
    assert status == 0
    assert out.count(check_command.ASK_AGAIN) == 2
    assert not any(char in out for char in "\x1b\x07\x00\x9b")


def test_bytes_that_are_not_text_are_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = b"\xff\xfe\n" + "".join(f"{a}\n" for a in answers_with()).encode()
    stdin = io.TextIOWrapper(io.BytesIO(typed), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    status = main(["--data-dir", str(tmp_path), "check"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.count(check_command.ASK_AGAIN) == 1
