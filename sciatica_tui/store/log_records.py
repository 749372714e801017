"""The parts of the diary store for what is logged as time goes by: the days, red-flag checks,
breathing sessions, clinic visits and weekly check-ins.

A part of ``DiaryStore`` (which it is mixed into), kept apart so each module holds one job.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date, datetime

from sciatica_tui.domain.records import BreathingSession, CheckIn, DailyLog, RedFlagCheck
from sciatica_tui.domain.visits import Visit
from sciatica_tui.store.tables import RecordTable


class LogRecords:
    """Typed reads and durable writes of the records logged over time; ``DiaryStore``
    provides the tables and ``_writing``."""

    _logs: RecordTable[DailyLog]
    _checks: RecordTable[RedFlagCheck]
    _sessions: RecordTable[BreathingSession]
    _visits: RecordTable[Visit]
    _check_ins: RecordTable[CheckIn]

    def _writing(self) -> AbstractContextManager[None]:
        raise NotImplementedError  # DiaryStore's: serialised writes, clear errors

    # --- daily logs -------------------------------------------------------------------------

    def daily_log(self, day: date) -> DailyLog | None:
        """The log for ``day``, if one was saved."""
        return self._logs.get(day.isoformat())

    def daily_logs(self, start: date | None = None, end: date | None = None) -> list[DailyLog]:
        """Logs from ``start`` to ``end`` (both included), oldest first."""
        return self._logs.between(start, end)

    def latest_log_before(self, day: date) -> DailyLog | None:
        """The most recent log strictly before ``day`` ("same as yesterday")."""
        return self._logs.latest_before(day.isoformat())

    def days_logged(self, *, up_to: int) -> int:
        """How many days are logged, counted up to ``up_to``."""
        return self._logs.count(up_to=up_to)

    def save_daily_log(self, log: DailyLog) -> None:
        """Save (or replace) the log of ``log.date``."""
        with self._writing():
            self._logs.put(log)

    def delete_daily_log(self, day: date) -> None:
        """Remove the log of ``day``."""
        with self._writing():
            self._logs.remove(day.isoformat())

    # --- red-flag checks -----------------------------------------------------------------------

    def red_flag_checks(self) -> list[RedFlagCheck]:
        """Every saved check, oldest first."""
        return self._checks.all()

    def red_flag_check(self, at: datetime) -> RedFlagCheck | None:
        """The check saved at ``at``, if there is one."""
        return self._checks.get(at.isoformat())

    def save_red_flag_check(self, check: RedFlagCheck) -> None:
        """Save a check; a later save of the same time replaces it (the answers given after
        the emergency alert join the check saved at the alert, never a second one)."""
        with self._writing():
            self._checks.put(check)

    # --- breathing ------------------------------------------------------------------------------

    def breathing_sessions(
        self, start: date | None = None, end: date | None = None
    ) -> list[BreathingSession]:
        """Sessions started from ``start`` to ``end`` (both included), oldest first."""
        return self._sessions.between(start, end)

    def add_breathing_session(self, session: BreathingSession) -> None:
        """Save a session (finished or stopped early)."""
        with self._writing():
            self._sessions.put(session)

    # --- visits ---------------------------------------------------------------------------

    def visits(self) -> list[Visit]:
        """Every visit, oldest first by date."""
        return sorted(self._visits.all(), key=lambda v: v.date)

    def save_visit(self, visit: Visit) -> None:
        """Add or update a visit."""
        with self._writing():
            self._visits.put(visit)

    def remove_visit(self, visit_id: str) -> None:
        """Remove a visit."""
        with self._writing():
            self._visits.remove(visit_id)

    # --- weekly check-ins ------------------------------------------------------------------

    def check_ins(self) -> list[CheckIn]:
        """Every weekly check-in, oldest first."""
        return self._check_ins.all()

    def save_check_in(self, check_in: CheckIn) -> None:
        """Save (or replace) the check-in of ``check_in.date``."""
        with self._writing():
            self._check_ins.put(check_in)
