"""Importing a twenty-year diary, and refusing huge hostile files (issue 19, item 11).

    python benchmarks/twenty_year_import.py [--runs 3]

Twenty years of every day logged (7,300 days), with every kind of record: red-flag checks,
breathing sessions, rehab days, the person's own exercises and a clinic visit a month. It is
exported to JSON, then ``sciatica import`` runs on it in a fresh interpreter, into an empty
data folder and again into the full one (every record already there). Target: each under 5 s
on this machine, with peak memory a small multiple of the file. Then two hostile files of the
largest size import accepts are refused, with the time, the memory and the lines printed.

A measurement, not a test: nothing here fails the test suite.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ten_years import TODAY, ten_years  # noqa: E402
from sciatica_tui.cli.importing import MAX_IMPORT_BYTES, MAX_IMPORT_VALUES  # noqa: E402
from sciatica_tui.domain.records import (  # noqa: E402
    CustomExercise,
    ImagingReport,
    Medicine,
    Snapshot,
    Visit,
)
from sciatica_tui.store.export_format import MAX_RECORDS, to_document  # noqa: E402

TARGET_SECONDS = 5.0
LISTS = (
    "daily_logs",
    "red_flag_checks",
    "breathing_sessions",
    "rehab_days",
    "custom_exercises",
    "visits",
)
DECADE = timedelta(days=365 * 10)

# One import in a fresh interpreter; prints its wall time and its peak memory. VmHWM, not
# ru_maxrss: on Linux the latter carries the parent's peak across fork and exec.
PROBE = """
import sys, time
started = time.perf_counter()
sys.path.insert(0, {root!r})
from sciatica_tui.cli import main
import sciatica_tui.store.diary_store, sciatica_tui.store.export_format, orjson
def peak_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
if sys.argv[2] == "-":
    print(0, 0.0, peak_kb(), file=sys.stderr)
    raise SystemExit
status = main(["--data-dir", sys.argv[1], "import", sys.argv[2]])
took = time.perf_counter() - started
print(status, took, peak_kb(), file=sys.stderr)
"""


def twenty_years() -> Snapshot:
    """Two decades of ten_years() end to end, plus exercises and a visit a month."""
    recent = ten_years(seed=7)
    earlier = ten_years(seed=8)

    def back(day: date) -> date:
        return day - DECADE

    visits = [
        Visit(
            id=f"v{month}",
            date=TODAY - timedelta(days=30 * month),
            clinician="Dr Okafor",
            reason="Leg pain that comes and goes",
            story="Worse after long drives; better after walking.",
            history="Lifted a heavy box years ago.",
            medicines=(Medicine("Ibuprofen", "400 mg", "3x a day", "2019", "a bit", "none"),),
            imaging=(ImagingReport("MRI", "2024-10-02", "the hospital", True),),
            questions=("Can I go back to running?", "Is this normal?"),
            goals=("Walk 30 minutes",),
            before_you_leave=("next_steps",),
            notes_after="Keep walking; come back in a month.",
        )
        for month in range(240)
    ]
    exercises = [CustomExercise(f"ex{n}", 1 + n % 3, f"Exercise {n}", "Slowly.") for n in range(12)]
    return Snapshot(
        profile=recent.profile,
        daily_logs=[replace(log, date=back(log.date)) for log in earlier.daily_logs]
        + recent.daily_logs,
        red_flag_checks=[replace(c, at=c.at - DECADE) for c in earlier.red_flag_checks]
        + recent.red_flag_checks,
        breathing_sessions=[
            replace(s, started_at=s.started_at - DECADE) for s in earlier.breathing_sessions
        ]
        + recent.breathing_sessions,
        rehab_days=[replace(d, date=back(d.date)) for d in earlier.rehab_days] + recent.rehab_days,
        custom_exercises=exercises,
        visits=visits,
    )


def import_once(folder: Path, source: Path) -> tuple[int, float, float, str]:
    """Status, seconds, peak MB and the lines printed, for one import."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT)), str(folder), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    *printed, last = done.stderr.strip().splitlines()
    status, took, peak_kb = last.split()
    lines = len(done.stdout.splitlines()) + len(printed)
    return int(status), float(took), int(peak_kb) / 1024, f"{lines} lines printed"


def hostile(size: int) -> dict[str, bytes]:
    """Files that no export is, each as large as import accepts in one way."""
    head = b'{"format":"sciatica-tui","version":2,"profile":{}'
    bad = b'{"date":"2026-13-01","leg_pain":11,"back_pain":-1}'
    per_list = MAX_RECORDS // len(LISTS)
    full_lists = head + b"".join(
        b',"%s":[' % name.encode() + b",".join([bad] * per_list) + b"]" for name in LISTS
    )
    tiny = head + b',"daily_logs":[' + b"1," * (MAX_IMPORT_VALUES + 10) + b"1]}"
    note = b'"' + b"x" * (size // 100) + b'"'
    long_notes = (
        head
        + b',"visits":['
        + b",".join(b'{"id":"v%d","date":"2026-01-01","story":%s}' % (n, note) for n in range(95))
    )
    return {
        f"{MAX_RECORDS:,} bad records (the most accepted)": full_lists + b"}",
        "a million tiny values": tiny,
        "95 visits of 320,000 characters each": long_notes + b"]}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="sciatica-import-") as scratch:
        work = Path(scratch)
        source = work / "twenty-years.json"
        snapshot = twenty_years()
        source.write_text(json.dumps(to_document(snapshot), ensure_ascii=False), "utf-8")
        size_mb = source.stat().st_size / 1e6
        records = sum(len(snapshot.records(name)) for name in ("daily_logs", "red_flag_checks"))
        records += len(snapshot.breathing_sessions) + len(snapshot.rehab_days)
        records += len(snapshot.custom_exercises) + len(snapshot.visits)
        print(f"Twenty years: {len(snapshot.daily_logs)} days, {records} records, {size_mb:.1f} MB")
        _, _, base, _ = import_once(work / "unused", Path("-"))
        print(f"  (an interpreter with the import's modules loaded and no file: {base:.0f} MB)")
        for label, again in (("into an empty folder", False), ("again (all already there)", True)):
            times, peaks = [], []
            for run in range(runs):
                folder = work / f"data-{label[:5]}-{run}"
                if again:
                    import_once(folder, source)
                status, took, peak, _ = import_once(folder, source)
                assert status == 0, f"import failed with status {status}"
                times.append(took)
                peaks.append(peak)
            median = statistics.median(times)
            verdict = "met" if median < TARGET_SECONDS else "MISSED"
            grown = max(peaks) - base
            print(
                f"  import {label}: median {median:.2f} s of {runs} (target < {TARGET_SECONDS:.0f}"
                f" s: {verdict}); peak {max(peaks):.0f} MB, {grown:.0f} MB above the bare"
                f" interpreter ({grown / size_mb:.1f}x the file)"
            )
        print(f"Hostile files within the largest size accepted ({MAX_IMPORT_BYTES / 1e6:.0f} MB):")
        for name, payload in hostile(MAX_IMPORT_BYTES).items():
            path = work / "hostile.json"
            path.write_bytes(payload)
            mb = len(payload) / 1e6
            status, took, peak, printed = import_once(work / "data-hostile", path)
            print(
                f"  {name} ({mb:.1f} MB): exit {status} in {took:.1f} s, peak {peak:.0f} MB, "
                f"{peak - base:.0f} MB above the bare interpreter "
                f"({(peak - base) / mb:.1f}x the file), {printed}"
            )


if __name__ == "__main__":
    main()
