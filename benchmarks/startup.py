"""Start-up as a person meets it: the real app in a pseudo-terminal, against baselines.

    python benchmarks/startup.py [--runs 10]

Each start runs a fresh interpreter on the slave side of a pseudo-terminal (120x40) and reads
what it writes, as a terminal would. The reader answers one question Textual asks every
terminal, "do you support synchronised output?", with yes, as current terminals do (kitty,
WezTerm, foot, iTerm2, Windows Terminal). Textual then brackets each frame with "begin" and
"end" marks, and a terminal shows a frame at its end mark: so a frame is on the screen at
the moment its end mark is read, with no guessing from pauses in the output.

Measured, for each kind of start, as medians over the runs:

* the first frame: from starting the process until the end of the first frame;
* the first key: the reader types a digit ("7") the moment the first frame ends, and times
  until a frame showing it ends (the app: leg pain reads "7/10"; the one-input baseline: the
  input holds "7").

The kinds take turns, run after run, so a drift in the machine's speed (other work on it)
falls on all alike; one untimed round first writes the bytecode caches and warms the disk.
Nothing here is a test: it prints figures.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLUMNS, LINES = 120, 40
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_SUPPORTED = b"\x1b[?2026;2$y"  # "supported, reset": what a current terminal answers
FRAME_END = b"\x1b[?2026l"
FRAME_START = b"\x1b[?2026h"
KEY = b"7"
LIMIT_SECONDS = 60.0  # one start on a busy machine takes a few seconds at most
# Escape sequences, dropped to read the text a frame writes: CSI (colours, cursor moves),
# OSC (pointer shape, title), and two-byte escapes.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")

# The baselines, each a whole program for ``python -c``.
ONE_LABEL = """
from textual.app import App
from textual.widgets import Label

class OneLabel(App):
    def compose(self):
        yield Label("hello")

OneLabel().run()
"""

ONE_INPUT = """
from textual.app import App
from textual.widgets import Input

class OneInput(App):
    def compose(self):
        yield Input(placeholder="type here")

OneInput().run()
"""

# Textual's own widgets for the app's frame, with no code of ours: the floor under us.
SHELL = """
from textual.app import App
from textual.binding import Binding
from textual.widgets import Footer, Header, Label, TabbedContent, TabPane

class Shell(App):
    BINDINGS = [Binding(f"f{n}", "bell", f"Tab {n}") for n in range(1, 7)] + [
        Binding("ctrl+r", "bell", "Red-flag check"),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def compose(self):
        yield Header()
        with TabbedContent():
            for n in range(1, 7):
                with TabPane(f"Tab {n}"):
                    yield Label("hello")
        yield Footer()

Shell().run()
"""


@dataclass(frozen=True)
class Kind:
    """One kind of start: its command line, and the text that shows the key was handled
    (None: the key is not measured)."""

    name: str
    command: tuple[str, ...]
    key_shown: bytes | None = None


@dataclass(frozen=True)
class Start:
    """One start, in seconds: process start to first frame; key typed to key shown."""

    first_frame: float
    first_key: float | None


def app_kind(name: str, folder: Path) -> Kind:
    """The real app on the diary in ``folder``, started as ``sciatica --data-dir`` is."""
    command = (sys.executable, "-m", "sciatica_tui", "--data-dir", str(folder))
    return Kind(name, command, key_shown="7/10 ███████░░░".encode())


def baseline_kinds() -> list[Kind]:
    """The one-label app, the one-input app and Textual's shell of our frame."""
    return [
        Kind("one-label app", (sys.executable, "-c", ONE_LABEL)),
        Kind("one-input app", (sys.executable, "-c", ONE_INPUT), key_shown=b"7"),
        Kind("Textual's shell", (sys.executable, "-c", SHELL)),
    ]


def as_installed() -> dict[str, str]:
    """The environment for a start, with compiled modules cached as an installed copy has.

    ``pip install`` writes every module's bytecode, so a person's app never compiles its
    source at start-up. A shell with PYTHONDONTWRITEBYTECODE set (this project's sandbox
    has it) would make every run compile ours again while Textual, installed by pip, is
    compiled already: an unfair start for our code.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", PYTHONPATH=str(ROOT))
    for textual_setting in ("TEXTUAL", "TEXTUAL_DEBUG", "TEXTUAL_ANIMATIONS"):
        env.pop(textual_setting, None)
    return env


def frame_text(frame: bytes) -> bytes:
    """The text a frame writes, escape sequences dropped."""
    return ESCAPES.sub(b"", frame)


class Terminal:
    """The master side of a pseudo-terminal with one program running on it."""

    def __init__(
        self, command: Sequence[str], env: dict[str, str], limit: float = LIMIT_SECONDS
    ) -> None:
        """Start ``command`` on a fresh pseudo-terminal of COLUMNS x LINES; waiting for a
        frame fails after ``limit`` seconds."""
        self.limit = limit
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.unread = b""  # output after the last frame end read
        self.answered = False

    def next_frame(self, showing: bytes | None = None) -> tuple[bytes, float]:
        """The next whole frame (its bytes, from the last frame's end) and when it ended.

        With ``showing``, output that shows that text counts as a frame too, end mark or
        not: under valgrind a first frame can be drawn before Textual has read the answer
        about synchronised output, and so without its marks."""
        while FRAME_END not in self.unread and not (
            showing is not None and showing in frame_text(self.unread)
        ):
            if time.perf_counter() - self.started > self.limit:
                raise TimeoutError(self._stuck())
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:  # the program ended
                raise RuntimeError(self._stuck()) from None
            self.unread += chunk
            if not self.answered and SYNC_QUERY in self.unread:
                os.write(self.master, SYNC_SUPPORTED)
                self.answered = True
        at = time.perf_counter()
        frame, _, self.unread = self.unread.partition(FRAME_END)
        return frame, at

    def type(self, keys: bytes) -> float:
        """Type ``keys``; when they were sent."""
        os.write(self.master, keys)
        return time.perf_counter()

    def close(self) -> None:
        """End the program (its diary lock goes with it) and the terminal."""
        with suppress(ProcessLookupError):  # it may have ended already
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)

    def _stuck(self) -> str:
        tail = frame_text(self.unread[-400:]).decode(errors="replace")
        return f"no frame end after {time.perf_counter() - self.started:.1f} s: {tail!r}"


def start_once(kind: Kind, env: dict[str, str]) -> Start:
    """Start ``kind`` once: first frame, then (if measured) a key typed at that moment."""
    terminal = Terminal(kind.command, env)
    try:
        first, first_at = terminal.next_frame()
        if FRAME_START not in first:
            # Drawn before the answer about synchronised output arrived: no end mark to
            # time it by. Never seen; refuse rather than time the wrong frame.
            raise RuntimeError(f"{kind.name}: the first frame came without frame marks")
        if kind.key_shown is None:
            return Start(first_at - terminal.started, None)
        typed_at = terminal.type(KEY)
        while True:
            frame, shown_at = terminal.next_frame()
            if kind.key_shown in frame_text(frame):
                return Start(first_at - terminal.started, shown_at - typed_at)
    finally:
        terminal.close()


@dataclass(frozen=True)
class Medians:
    """Medians of one kind over the runs, in seconds, and how many runs they are of."""

    first_frame: float
    first_key: float | None
    runs: int


def median_starts(kinds: Sequence[Kind], runs: int) -> dict[str, Medians]:
    """Each kind started ``runs`` times, the kinds taking turns; the medians."""
    env = as_installed()
    starts: dict[str, list[Start]] = {kind.name: [] for kind in kinds}
    for round_number in range(runs + 1):
        for kind in kinds:
            start = start_once(kind, env)
            if round_number > 0:  # the first round only warms the caches
                starts[kind.name].append(start)
    medians = {}
    for name, each in starts.items():
        keys = [start.first_key for start in each if start.first_key is not None]
        medians[name] = Medians(
            statistics.median(start.first_frame for start in each),
            statistics.median(keys) if keys else None,
            len(each),
        )
    return medians


def make_folders(work: Path) -> tuple[Path, Path]:
    """An empty (welcomed) diary folder and one holding ten years."""
    from benchmarks.ten_years import ten_years
    from sciatica_tui.domain.records import Profile
    from sciatica_tui.store.diary_store import DiaryStore

    empty, full = work / "empty", work / "ten-years"
    with DiaryStore.open(empty) as store:
        store.save_profile(Profile(welcomed=True))
    with DiaryStore.open(full) as store:
        # Up to yesterday, as for someone who logs every day: the app opens on the real date.
        store.import_snapshot(ten_years(today=date.today()), overwrite=True)
    return empty, full


Row = tuple[str, str, str, str]
EMPTY, TEN_YEARS = "sciatica, empty folder", "sciatica, ten years"
# The targets (issue 18): at most these, each against the baseline of its row.
FIRST_FRAME_TO_ONE_LABEL = 2.5
TEN_YEARS_TO_EMPTY = 1.15
FIRST_KEY_MS = 50.0


def startup_rows(runs: int) -> list[Row]:
    """(measure, median, ratio to its baseline, target) for the first frame and first key."""
    with tempfile.TemporaryDirectory() as scratch:
        empty, full = make_folders(Path(scratch))
        size_mb = (full / "diary.json").stat().st_size / 1e6
        kinds = [*baseline_kinds(), app_kind(EMPTY, empty), app_kind(TEN_YEARS, full)]
        found = median_starts(kinds, runs)
    label = found["one-label app"].first_frame
    shell = found["Textual's shell"].first_frame
    empty_frame, full_frame = found[EMPTY].first_frame, found[TEN_YEARS].first_frame
    one_input_key = _key_ms(found["one-input app"])
    empty_key, full_key = _key_ms(found[EMPTY]), _key_ms(found[TEN_YEARS])
    frame_target = f"<= {FIRST_FRAME_TO_ONE_LABEL}"
    key_target = f"<= {FIRST_KEY_MS:.0f} ms"
    return [
        ("First frame, one-label Textual app", _ms(label), "1.00", ""),
        (
            "First frame, Textual's header + six tabs + footer, no app code",
            _ms(shell),
            f"{shell / label:.2f}",
            "",
        ),
        (
            "First frame, empty folder",
            _ms(empty_frame),
            f"{empty_frame / label:.2f}",
            _judged(frame_target, empty_frame / label <= FIRST_FRAME_TO_ONE_LABEL),
        ),
        (
            f"First frame, ten years ({size_mb:.1f} MB)",
            _ms(full_frame),
            f"{full_frame / label:.2f} ({full_frame / empty_frame:.2f} × empty, "
            f"+{(full_frame - empty_frame) * 1000:.0f} ms)",
            _judged(
                f"<= {TEN_YEARS_TO_EMPTY} × empty",
                full_frame / empty_frame <= TEN_YEARS_TO_EMPTY,
            ),
        ),
        ("First key shown, one-input Textual app", f"{one_input_key:.0f} ms", "1.00", ""),
        (
            "First key shown, typed at the first frame, empty folder",
            f"{empty_key:.0f} ms",
            f"{empty_key / one_input_key:.1f}",
            _judged(key_target, empty_key <= FIRST_KEY_MS),
        ),
        (
            "First key shown, typed at the first frame, ten years",
            f"{full_key:.0f} ms",
            f"{full_key / one_input_key:.1f}",
            _judged(key_target, full_key <= FIRST_KEY_MS),
        ),
    ]


def _key_ms(medians: Medians) -> float:
    if medians.first_key is None:
        raise ValueError("a key that was not measured")
    return medians.first_key * 1000


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _judged(target: str, met: bool) -> str:
    return f"{target} ({'met' if met else 'missed'})"


def print_table(rows: Sequence[Row]) -> None:
    """A Markdown table, ready for the README."""
    print("| Measure | Median | Ratio to baseline | Target |")
    print("|---|---:|---:|---|")
    for name, value, ratio, target in rows:
        print(f"| {name} | {value} | {ratio} | {target} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print_table(startup_rows(max(5, args.runs)))


if __name__ == "__main__":
    main()
