"""``sciatica check``: the red-flag check as plain prompts, one line a question.

For a plain terminal, ssh, a screen reader or a pipe: no Textual, no escape codes, each
prompt flushed before the answer is read. The questions, their order and every word of the
advice are the app's (``content/red_flags.toml``, ``domain/red_flag_advice.py``). As in the
app, the emergency advice comes at the first emergency yes, the check is saved at that
moment with the answers so far, and each later answer updates the same saved check; a check
with no emergency yes is saved once every question is answered.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import textwrap
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from sciatica_tui.cli.base import EXIT_FAILED, EXIT_OK, write_stdout

if TYPE_CHECKING:
    from types import TracebackType

    from sciatica_tui.cli.base import Subcommands
    from sciatica_tui.domain.content_schema import RedFlagQuestion
    from sciatica_tui.domain.records import RedFlagCheck
    from sciatica_tui.store.diary_store import DiaryStore

EXIT_UNFINISHED = 3  # the answers ran out (end of input) before the last question

YES_WORDS = frozenset({"y", "yes"})
NO_WORDS = frozenset({"n", "no"})
ASK_AGAIN = "Please type y (yes) or n (no), then Enter."


def now() -> datetime:
    """The local date and time (tests freeze it here)."""
    return datetime.now()


def add_check(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica check [--json]``."""
    parser = commands.add_parser(
        "check",
        parents=[common],
        help="answer the red-flag check here, one question a line",
        description="The red-flag check of the app, as plain questions: type y or n and "
        "Enter for each. The emergency advice comes at once after a yes to an emergency "
        "sign. The check is saved in the diary, as in the app.",
        epilog="Exit status: 0 the check is answered and saved; 1 it could not be saved "
        "(the advice still stands); 3 the input ended before the last question.",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the verdict and answers as JSON at the end (the questions go to stderr)",
    )
    parser.set_defaults(run=run_check)


def run_check(args: argparse.Namespace, folder: Path) -> int:
    """Ask the check on stdin, say the advice, save it in the diary in ``folder``."""
    from sciatica_tui.domain import content

    content.red_flags()  # a broken content file is said before any question
    talk = Conversation(sys.stdin, sys.stderr if args.json else sys.stdout)
    with CheckDiary(folder) as diary:
        check = RedFlagRun(talk, diary)
        finished = check.ask_all()
        outcome = check.finish() if finished else check.stop_unfinished()
    if args.json:
        write_stdout(json.dumps(outcome, indent=2) + "\n")
    if not finished:
        return EXIT_UNFINISHED
    return EXIT_OK if outcome["saved"] else EXIT_FAILED


class Conversation:
    """Plain lines out, y/n answers in."""

    def __init__(self, answers: TextIO, out: TextIO) -> None:
        """Read ``answers``, write to ``out``."""
        self.answers = answers
        self.out = out
        self.echo = not answers.isatty()  # a piped answer shows in the transcript
        self.width = shutil.get_terminal_size().columns - 1 if out.isatty() else 0

    def say(self, text: str = "") -> None:
        """Print ``text`` and send it at once; on a terminal, long lines are wrapped between
        words (a pipe gets each line whole)."""
        if self.width:
            text = "\n".join(wrapped(line, self.width) for line in text.split("\n"))
        print(text, file=self.out, flush=True)

    def yes_or_no(self, prompt: str) -> bool | None:
        """Ask ``prompt`` until the answer is y or n (any case); None at the end of input."""
        if self.width:  # between words on a terminal; a pipe gets one line a question
            prompt = wrapped(prompt, self.width) + " "
        while True:
            self.out.write(prompt)
            self.out.flush()
            line = self._read_line()
            if not line:
                self.say()
                return None
            word = line.strip().lower()
            answer = True if word in YES_WORDS else False if word in NO_WORDS else None
            if self.echo:  # only a known answer is shown back: nothing typed is replayed
                self.say(word if answer is not None else "")
            if answer is not None:
                return answer
            self.say(ASK_AGAIN)

    def _read_line(self) -> str:
        """One line typed, "" at the end of input. Read as bytes where it can be: bytes that
        are not UTF-8 become "?" (not an answer) instead of stopping the check."""
        raw = getattr(self.answers, "buffer", None)
        if raw is None:
            return self.answers.readline()
        line: bytes = raw.readline()
        return line.decode("utf-8", errors="replace")


def wrapped(line: str, width: int) -> str:
    """``line`` wrapped to ``width`` columns, its leading spaces and bullet or number kept
    as the indent of the lines after the first."""
    body = line.lstrip(" ")
    marker = re.match(r"(• |\d+\. )", body)
    indent = " " * (len(line) - len(body) + (len(marker.group()) if marker else 0))
    return textwrap.fill(line, width, subsequent_indent=indent) if line else line


class CheckDiary:
    """The diary the check is saved in, or why it cannot be; the numbers the person chose."""

    def __init__(self, folder: Path) -> None:
        """Open the diary in ``folder`` to write. Where that fails (the app holds it, it
        cannot be written), the check is still asked: ``why_not`` says why it is not saved,
        and the settings are read without the lock where they can be."""
        from sciatica_tui.domain.records import Settings
        from sciatica_tui.store.diary_store import DiaryStore
        from sciatica_tui.store.errors import AlreadyOpenError, StoreError

        self.folder = folder
        self.store: DiaryStore | None = None
        self.why_not: str | None = None
        self.settings = Settings()
        try:
            self.store = DiaryStore.open(folder)
            self.settings = self.store.profile().settings
        except AlreadyOpenError:
            self.why_not = (
                f"The diary in {folder} is open in the app, and only one window at a time "
                "can write to it. To keep a check in your diary, answer it in the app (press "
                "ctrl+r), or close the app and run sciatica check again."
            )
        except (StoreError, OSError) as error:
            self.why_not = str(error)
        if self.store is None:
            try:  # the number to call is read without the lock
                with DiaryStore.open(folder, read_only=True) as reader:
                    self.settings = reader.profile().settings
            except (StoreError, OSError):
                pass  # the advice names "your local emergency number" instead

    def __enter__(self) -> CheckDiary:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.store is not None:
            self.store.close()

    def save(self, check: RedFlagCheck) -> bool:
        """Save ``check`` (a later save of the same time replaces it); False when it could
        not be saved (``why_not`` says why)."""
        from sciatica_tui.store.changes import SaveRedFlagCheck
        from sciatica_tui.store.errors import StoreError, StoreWriteError

        if self.store is None:
            return False
        try:
            SaveRedFlagCheck(check).apply(self.store)
        except StoreError as error:
            # A failed write says it in a command's words (the app's speak of a screen).
            why = error.command_line if isinstance(error, StoreWriteError) else str(error)
            self.why_not = why[:1].upper() + why[1:]
            return False
        return True

    def what_to_do(self) -> str:
        """Why the check is not saved, and what to do."""
        return f"This check is not saved. {self.why_not}"


class RedFlagRun:
    """One check asked on the command line: the answers so far and what was saved."""

    def __init__(self, talk: Conversation, diary: CheckDiary) -> None:
        """Ask through ``talk``; save in ``diary``."""
        from sciatica_tui.domain.red_flags import questions

        self.talk = talk
        self.diary = diary
        self.questions: Sequence[RedFlagQuestion] = questions()
        self.answers: dict[str, bool] = {}
        self.emergency_at: datetime | None = None  # the first emergency yes
        self.saved = False

    def ask_all(self) -> bool:
        """Ask every question in order; False when the input ended first."""
        from sciatica_tui.domain import content
        from sciatica_tui.domain.records import Verdict

        flags = content.red_flags()
        total = len(self.questions)
        self.talk.say(f"Red-flag check: {total} questions. {flags.intro}")
        self.talk.say(flags.sources)
        if self.diary.why_not:
            self.talk.say(f"Note: this check will be asked, but not saved. {self.diary.why_not}")
        for number, question in enumerate(self.questions, start=1):
            if number == 1:
                self.talk.say(f"\n!! {flags.emergency_heading}")
            elif question.verdict is not self.questions[number - 2].verdict:
                self.talk.say(f"\n! {flags.urgent_heading}")
            prompt = f"{number} of {total}. {question.text} ({question.example}) [y/n] "
            answer = self.talk.yes_or_no(prompt)
            if answer is None:
                return False
            self.answers[question.id] = answer
            if answer and self.emergency_at is None and question.verdict is Verdict.EMERGENCY:
                self._emergency_now()
            else:
                if answer:
                    self.talk.say(f"→ {question.next_step}")
                if self.emergency_at is not None:
                    self._save_emergency()
        return True

    def _emergency_now(self) -> None:
        """The first emergency yes: the alert at once, then the check saved as it stands."""
        from sciatica_tui.domain.red_flag_advice import emergency_alert, saved_words

        self.emergency_at = now()
        check = self._emergency_check()
        self.talk.say()
        self.talk.say(emergency_alert(check, self.diary.settings).as_text())
        self.talk.say()
        self._save_emergency()
        self.talk.say(saved_words(self.saved))
        if not self.saved:
            self.talk.say(self.diary.what_to_do())
        self.talk.say(
            "The questions go on, so the staff can know more. Each answer is added to this "
            "check. To stop here, press ctrl+d."
        )

    def _emergency_check(self) -> RedFlagCheck:
        from sciatica_tui.domain.records import RedFlagCheck, Verdict

        assert self.emergency_at is not None
        given = {q.id: self.answers[q.id] for q in self.questions if q.id in self.answers}
        return RedFlagCheck(self.emergency_at, given, Verdict.EMERGENCY)

    def _save_emergency(self) -> None:
        self.saved = self.diary.save(self._emergency_check())

    def finish(self) -> dict[str, object]:
        """Every question answered: save a check with no emergency yes, then say the result."""
        from sciatica_tui.domain import content
        from sciatica_tui.domain.records import RedFlagCheck
        from sciatica_tui.domain.red_flag_advice import verdict_words
        from sciatica_tui.domain.red_flags import red_flag_verdict

        if self.emergency_at is not None:
            check = self._emergency_check()  # saved with the last answer
        else:
            answers = {q.id: self.answers[q.id] for q in self.questions}
            check = RedFlagCheck(now(), answers, red_flag_verdict(answers, self.questions))
            self.saved = self.diary.save(check)
        settings = self.diary.settings
        result = verdict_words(check, self.questions, settings=settings, saved=self.saved)
        self.talk.say()
        self.talk.say(result.as_text())
        self.talk.say()
        self.talk.say(content.app_text().disclaimer)
        if not self.saved:
            self.talk.say(self.diary.what_to_do())
        return outcome(check.verdict.value, check.at, self.answers, self.questions, self.saved)

    def stop_unfinished(self) -> dict[str, object]:
        """The input ended: say how far the check got and what is kept."""
        from sciatica_tui.domain.emergency_number import call_for_help
        from sciatica_tui.domain.red_flags import unfinished_words

        total = len(self.questions)
        self.talk.say(f"The check is not finished: {len(self.answers)} of {total} answered.")
        if self.emergency_at is None:
            self.talk.say(unfinished_words(self.answers, self.questions))
            self.talk.say("Nothing was saved. Run sciatica check again to finish it.")
            return outcome(None, None, self.answers, self.questions, saved=False)
        if self.saved:
            self.talk.say("It is saved in your diary with the answers given.")
        else:
            self.talk.say(self.diary.what_to_do())
        self.talk.say(
            "If you have these symptoms, go to the emergency department now. "
            f"{call_for_help(self.diary.settings)}"
        )
        return outcome("emergency", self.emergency_at, self.answers, self.questions, self.saved)


def outcome(
    verdict: str | None,
    at: datetime | None,
    answers: Mapping[str, bool],
    asked: Sequence[RedFlagQuestion],
    saved: bool,
) -> dict[str, object]:
    """What ``--json`` prints: the verdict (None while none is decided), when, every answer
    given in the order asked, the questions left, and whether the check is in the diary."""
    return {
        "verdict": verdict,
        "at": at.isoformat() if at is not None else None,
        "complete": all(q.id in answers for q in asked),
        "saved": saved,
        "answers": {q.id: answers[q.id] for q in asked if q.id in answers},
        "unanswered": [q.id for q in asked if q.id not in answers],
    }
