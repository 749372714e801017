"""The one line ``sciatica status`` prints for a shell prompt or a tmux status bar.

It runs at every prompt, so this module imports only ``datetime`` (``json`` for the JSON form):
no dataclasses (``dataclasses`` imports ``inspect``, a third of the time a prompt can spare),
no records, no content. ``DiaryGlance`` holds what the line shows; the store fills it from the
diary file (``sciatica_tui.store.glance``).
"""

from __future__ import annotations

from datetime import date, datetime

# Said in place of the line when there is no diary, or when its file cannot be read: a short
# neutral word, never an error, in a prompt.
NO_DIARY = "no diary"
UNREADABLE = "diary unreadable"

# The words for a red-flag verdict, here and on the Today tab (keyed by the verdict's value,
# so this module needs no import of the records).
VERDICT_WORDS = {"emergency": "EMERGENCY", "urgent": "urgent", "clear": "clear"}


def breathing_minutes(sessions: int, seconds: float) -> int:
    """Minutes breathed, rounded; any session counts as at least one."""
    return max(1, round(seconds / 60)) if sessions else 0


FORMATS = ("short", "long", "json", "tmux")


class DiaryGlance:
    """What the status line shows about ``day``: ``state`` is ``"ok"``, ``"no_diary"`` or
    ``"unreadable"`` (then nothing else is known)."""

    __slots__ = (
        "day",
        "state",
        "logged_today",
        "onset",
        "exercises_today",
        "breathing_sessions_today",
        "breathing_seconds_today",
        "last_check_at",
        "last_check_verdict",
        "reminder_time",
    )

    def __init__(self, day: date, state: str = "ok") -> None:
        """Nothing known yet about ``day``; the store fills in the rest."""
        self.day = day
        self.state = state
        self.logged_today = False
        self.onset: date | None = None
        self.exercises_today = 0
        self.breathing_sessions_today = 0
        self.breathing_seconds_today = 0.0
        self.last_check_at: datetime | None = None
        self.last_check_verdict: str | None = None
        self.reminder_time: str | None = None

    @property
    def weeks_since_onset(self) -> int | None:
        """Completed weeks since onset, as ``timeline.position`` counts them (a test holds
        the two together); None without an onset date, or before it."""
        if self.onset is None or self.onset > self.day:
            return None
        return (self.day - self.onset).days // 7

    @property
    def breathing_minutes_today(self) -> int:
        """Minutes breathed today, rounded; any session counts as at least one (as Today)."""
        return breathing_minutes(self.breathing_sessions_today, self.breathing_seconds_today)

    @property
    def days_since_check(self) -> int | None:
        """Whole days since the last red-flag check (0: today); None when there was none."""
        if self.last_check_at is None:
            return None
        return (self.day - self.last_check_at.date()).days

    @property
    def check_needs_care(self) -> bool:
        """True when the last check found something urgent or an emergency."""
        return self.last_check_verdict in ("emergency", "urgent")


def weeks_words(weeks: int, *, short: bool) -> str:
    """The week count: ``"wk 6"`` on the short line, ``"6 weeks since onset"`` on the long."""
    if short:
        return f"wk {weeks}"
    return f"{weeks} week{'' if weeks == 1 else 's'} since onset"


def status_line(glance: DiaryGlance, form: str) -> str:
    """The line in ``form`` (one of ``FORMATS``), without its newline."""
    if form == "json":
        return _as_json(glance)
    if glance.state != "ok":
        return NO_DIARY if glance.state == "no_diary" else UNREADABLE
    if form == "long":
        return " · ".join(_long_parts(glance))
    return " · ".join(_short_parts(glance, tmux=form == "tmux"))


def _short_parts(glance: DiaryGlance, *, tmux: bool) -> list[str]:
    """The short line's parts; for tmux, a day not logged is bold and a check that found
    something stands out reversed: no colour, so they read on any status bar's colours, and
    the words say it all without them."""
    logged = "logged" if glance.logged_today else "not logged"
    if tmux and not glance.logged_today:
        logged = f"#[bold]{logged}#[nobold]"
    parts = [logged]
    if glance.weeks_since_onset is not None:
        parts.append(weeks_words(glance.weeks_since_onset, short=True))
    parts.append(f"{glance.exercises_today} ex")
    parts.append(f"{glance.breathing_minutes_today}m breath")
    check = _check_short(glance)
    if tmux and glance.check_needs_care:
        check = f"#[reverse,bold]{check}#[noreverse,nobold]"
    parts.append(check)
    return parts


def _check_short(glance: DiaryGlance) -> str:
    days = glance.days_since_check
    if days is None:
        return "check never"
    age = "today" if days <= 0 else f"{days}d"
    return f"check {age}: {VERDICT_WORDS.get(glance.last_check_verdict or '', '?')}"


def _long_parts(glance: DiaryGlance) -> list[str]:
    parts = ["Logged today" if glance.logged_today else "Not logged today"]
    weeks = glance.weeks_since_onset
    parts.append("no onset date" if weeks is None else weeks_words(weeks, short=False))
    exercises = glance.exercises_today
    parts.append(f"{exercises} exercise{'' if exercises == 1 else 's'} today")
    sessions = glance.breathing_sessions_today
    if sessions:
        times = "once" if sessions == 1 else f"{sessions} times"
        parts.append(f"breathed {times}, {glance.breathing_minutes_today} min")
    else:
        parts.append("no breathing today")
    days = glance.days_since_check
    if days is None:
        parts.append("no red-flag check yet")
    else:
        age = "today" if days <= 0 else "yesterday" if days == 1 else f"{days} days ago"
        verdict = VERDICT_WORDS.get(glance.last_check_verdict or "", "?")
        parts.append(f"last red-flag check {age}: {verdict}")
    return parts


def _as_json(glance: DiaryGlance) -> str:
    import json

    document: dict[str, object] = {"state": glance.state, "date": glance.day.isoformat()}
    if glance.state == "ok":
        check_at = glance.last_check_at
        document |= {
            "logged_today": glance.logged_today,
            "weeks_since_onset": glance.weeks_since_onset,
            "exercises_today": glance.exercises_today,
            "breathing_sessions_today": glance.breathing_sessions_today,
            "breathing_minutes_today": glance.breathing_minutes_today,
            "last_red_flag_check": None
            if check_at is None
            else {
                "at": check_at.isoformat(),
                "verdict": glance.last_check_verdict,
                "days_ago": glance.days_since_check,
            },
        }
    return json.dumps(document)
