"""Every rule a record must follow, checked in one place, with messages a person understands.

Each ``validate_*`` function takes a raw mapping (from a form, a file or an import), and
returns a typed record or raises ``ValidationError`` listing every problem found. A problem
has the field it is about, a short ``message`` about the value ("11 is above 10") and a
``hint`` that states the rule ("Leg pain must be a whole number from 0 to 10.").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar

from sciatica_tui.domain.emergency_number import NUMBER_HINT, BadNumber, check_phone_number
from sciatica_tui.domain.records import (
    IMAGING_KINDS,
    BreathingSession,
    CustomExercise,
    DailyLog,
    ImagingReport,
    Medicine,
    Profile,
    Reach,
    RedFlagCheck,
    RehabDay,
    Settings,
    Side,
    Verdict,
    Visit,
    Weakness,
)

NOTES_MAX = 2000
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 5000
MAX_QUESTIONS = 5
EARLIEST_DATE = date(1900, 1, 1)

E = TypeVar("E", bound=Enum)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field."""

    field: str
    message: str
    hint: str = ""

    def at(self, place: str) -> Problem:
        """The same problem, with the field placed inside ``place`` (``daily_logs[3]``)."""
        return Problem(f"{place}.{self.field}" if self.field else place, self.message, self.hint)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """Raised with every problem found in a record."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    def for_field(self, name: str) -> Problem | None:
        """The first problem about ``name``, if any."""
        return next((p for p in self.problems if p.field == name), None)


class _Bad(Exception):
    """A value broke a rule (internal: collected into a ``Problem``)."""

    def __init__(self, message: str) -> None:
        self.message = message


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
QUESTION_ID = re.compile(r"[a-z0-9_]{1,40}")
ITEM_ID = re.compile(r"[a-z0-9_\-]{1,60}")


def _show(value: Any) -> str:
    """A short, safe rendering of a bad value for a message."""
    if isinstance(value, int) and value.bit_length() > 64:
        return "a very large number"  # str() of a huge int is slow, or refused past 4300 digits
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- single-value checks -------------------------------------------------------------


def check_whole_number(value: Any, low: int, high: int) -> int:
    """A whole number between ``low`` and ``high``; an integral float such as 7.0 counts."""
    if type(value) is int and low <= value <= high:
        return value  # the usual case, checked first: loading ten years runs this ~50,000 times
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Bad(f"{_show(value)} is not a whole number")
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise _Bad(f"{_show(value)} is not a whole number")
        value = int(value)
    assert isinstance(value, int)
    if value < low:
        raise _Bad(f"{_show(value)} is below {low}")
    if value > high:
        raise _Bad(f"{_show(value)} is above {high}")
    return value


def check_number(value: Any, low: float, high: float) -> float:
    """Any finite number between ``low`` and ``high``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Bad(f"{_show(value)} is not a number")
    # Compare before any float conversion: a huge integer would overflow it.
    if isinstance(value, float) and not math.isfinite(value):
        raise _Bad(f"{_show(value)} is not a number")
    if value < low:
        raise _Bad(f"{_show(value)} is below {low:g}")
    if value > high:
        raise _Bad(f"{_show(value)} is above {high:g}")
    return float(value)


def check_choice(value: Any, kind: type[E]) -> E:
    """One of an enum's values."""
    try:
        return kind(value)
    except ValueError:
        raise _Bad(f"{_show(value)} is not one of the choices") from None


def check_text(value: Any, max_length: int) -> str:
    """Text of at most ``max_length`` characters (NUL bytes are refused)."""
    if not isinstance(value, str):
        raise _Bad(f"{_show(value)} is not text")
    if len(value) > max_length:
        raise _Bad(f"is {len(value)} characters long, more than {max_length}")
    if "\x00" in value:
        raise _Bad("holds a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Bad("holds a broken character (a lone surrogate)") from None
    return value


def check_bool(value: Any) -> bool:
    """True or false, nothing else."""
    if not isinstance(value, bool):
        raise _Bad(f"{_show(value)} is not true or false")
    return value


def check_iso_date(value: Any, *, today: date | None = None) -> date:
    """A ``YYYY-MM-DD`` date, not in the future when ``today`` is given."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise _Bad(f"{_show(value)} is not a date written YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{_show(value)} is not a real date") from None
    if parsed < EARLIEST_DATE:
        raise _Bad(f"{value} is too long ago")
    if today is not None and parsed > today:
        raise _Bad(f"{value} is in the future")
    return parsed


def check_iso_datetime(value: Any) -> datetime:
    """A date and time such as ``2026-11-21T09:30:00``."""
    if not isinstance(value, str) or len(value) < 16:
        raise _Bad(f"{_show(value)} is not a date and time")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{_show(value)} is not a date and time") from None
    if parsed.year < EARLIEST_DATE.year:
        raise _Bad(f"{value} is too long ago")
    return parsed


# --- record checking -------------------------------------------------------------------

Checker = Callable[[Any], Any]


@dataclass(frozen=True)
class Rule:
    """How one field of a record is checked, and how its rule reads to a person."""

    check: Checker
    hint: str
    required: bool = False


def _check_record(
    raw: Any, rules: Mapping[str, Rule], what: str
) -> tuple[dict[str, Any], list[Problem]]:
    """Check every field of ``raw``; return the clean values and every problem found."""
    if not isinstance(raw, Mapping):
        return {}, [Problem("", f"is not a {what} record", f"Each {what} must be an object.")]
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    if raw.keys() - rules.keys():  # rare: only hand-edited or foreign files
        for name in raw:
            if name not in rules:
                problems.append(
                    Problem(str(name), f"is not a field of a {what}", f"Remove {name!r}.")
                )
    for name, rule in rules.items():
        value = raw.get(name)
        if value is None:
            if rule.required:
                problems.append(Problem(name, "is missing", rule.hint))
            continue
        try:
            clean[name] = rule.check(value)
        except _Bad as bad:
            problems.append(Problem(name, bad.message, rule.hint))
    return clean, problems


def _whole(low: int, high: int) -> Checker:
    return lambda v: check_whole_number(v, low, high)


def _text(max_length: int) -> Checker:
    return lambda v: check_text(v, max_length)


def _choice(kind: type[Enum]) -> Checker:
    members = {member.value: member for member in kind}

    def check(value: Any) -> Any:
        try:
            return members[value]  # the usual case, without Enum's slower lookup
        except (KeyError, TypeError):
            return check_choice(value, kind)

    return check


def _scale_hint(label: str, low: int, high: int) -> str:
    return f"{label} must be a whole number from {low} to {high}."


def _choice_hint(label: str, kind: type[Enum]) -> str:
    return f"{label} must be one of: {', '.join(str(m.value) for m in kind)}."


@lru_cache(maxsize=4)
def daily_log_rules(today: date) -> dict[str, Rule]:
    """The rules of the ``daily_logs`` record (DESIGN.md, "Data").

    Kept per day: opening ten years of logs built them 3,650 times, a third of the load.
    """
    return {
        "date": Rule(
            lambda v: check_iso_date(v, today=today),
            "The date must be written YYYY-MM-DD and cannot be in the future.",
            required=True,
        ),
        "leg_pain": Rule(_whole(0, 10), _scale_hint("Leg pain", 0, 10), required=True),
        "back_pain": Rule(_whole(0, 10), _scale_hint("Back pain", 0, 10), required=True),
        "pain_reach": Rule(_choice(Reach), _choice_hint("How far the pain reaches", Reach)),
        "pain_side": Rule(_choice(Side), _choice_hint("Pain side", Side)),
        "numbness": Rule(_whole(0, 10), _scale_hint("Numbness", 0, 10)),
        "numbness_reach": Rule(_choice(Reach), _choice_hint("How far the numbness reaches", Reach)),
        "weakness": Rule(_choice(Weakness), _choice_hint("Weakness", Weakness)),
        "walking_minutes": Rule(_whole(0, 600), _scale_hint("Walking minutes", 0, 600)),
        "sitting_minutes": Rule(_whole(0, 600), _scale_hint("Sitting minutes", 0, 600)),
        "sleep_hours": Rule(
            lambda v: check_number(v, 0, 24), "Sleep must be a number of hours from 0 to 24."
        ),
        "sleep_quality": Rule(_whole(1, 5), _scale_hint("Sleep quality", 1, 5)),
        "mood": Rule(_whole(1, 5), _scale_hint("Mood", 1, 5)),
        "pain_med_doses": Rule(_whole(0, 50), _scale_hint("Pain-relief doses", 0, 50)),
        "notes": Rule(_text(NOTES_MAX), f"Notes can be at most {NOTES_MAX} characters."),
    }


def validate_daily_log(raw: Any, *, today: date) -> DailyLog:
    """Check a raw daily log; return it typed or raise ``ValidationError``."""
    clean, problems = _check_record(raw, daily_log_rules(today), "daily log")
    if problems:
        raise ValidationError(problems)
    return DailyLog(**clean)


# --- form text -> values -----------------------------------------------------------------

FORM_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def parse_form_value(name: str, text: str) -> Any:
    """Turn the text a person typed for field ``name`` into the raw value to validate.

    Empty text means "not filled in" (``None``). Text that is not a number where a number
    is due is passed on unchanged, so the validator names the problem.
    """
    text = text.strip()
    if not text:
        return None
    if name in {"date", "notes", "pain_reach", "pain_side", "numbness_reach", "weakness"}:
        return text
    if not FORM_NUMBER.fullmatch(text):
        return text
    number = float(text.replace(",", "."))
    return int(number) if number.is_integer() and name != "sleep_hours" else number


def daily_log_from_form(fields: Mapping[str, str], *, today: date) -> DailyLog:
    """Build a daily log from form text (field name to what was typed)."""
    raw = {name: parse_form_value(name, text) for name, text in fields.items()}
    return validate_daily_log(raw, today=today)


# --- dates typed by a person ---------------------------------------------------------------


# "3/11", "31.10.2026": day and month as numbers, in an order only their size can tell.
NUMERIC_DAY = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-]\d{2,4})?")


def _spelled(day: int, month: int) -> str:
    return f"{day} {date(2000, month, 1):%b}"


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def parse_user_date(text: str, *, today: date) -> date:
    """Read a date as a person types it: "today", "yesterday", "3 days ago", "2026-11-03",
    "Nov 3", "31/10". Two small numbers ("3/11") could be either day first or month first,
    so they are refused with a way to say it plainly; "31/10" and "10/31" can only be one
    day. A date typed without a year is the last such day up to today. A date in the future
    or before 1900 is refused with a clear message.
    """
    # Only needed when someone types a date.
    from dateutil import parser as date_parser
    from dateutil.relativedelta import relativedelta

    cleaned = text.strip().lower()
    if not cleaned:
        raise ValueError("Type a date, for example 2026-11-03, Nov 3 or yesterday.")
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if cleaned == "tomorrow":
        raise ValueError("Tomorrow is in the future. Only today or earlier days can be used.")
    ago = re.fullmatch(r"(\d{1,4})\s*(day|days|week|weeks)\s+ago", cleaned)
    if ago:
        count = int(ago.group(1))
        days = count * 7 if ago.group(2).startswith("week") else count
        parsed = today - timedelta(days=days)
    else:
        numeric = NUMERIC_DAY.fullmatch(cleaned)
        day_first = False
        if numeric:
            first, second = int(numeric.group(1)), int(numeric.group(2))
            if first <= 12 and second <= 12 and first != second:
                raise ValueError(
                    f"{text.strip()!r} could be {_spelled(first, second)} or "
                    f"{_spelled(second, first)}. Type it as Nov 3 or 2026-11-03."
                )
            day_first = first > 12
        try:
            parsed = date_parser.parse(cleaned, default=_midnight(today), dayfirst=day_first).date()
            if parsed > today:
                # No year typed ("Nov 30" on 22 Nov): the last such day, not a future one.
                year_before = today - relativedelta(years=1)
                earlier = date_parser.parse(
                    cleaned, default=_midnight(year_before), dayfirst=day_first
                ).date()
                if earlier.year != parsed.year:
                    parsed = earlier
        except (ValueError, OverflowError):
            raise ValueError(
                f"{text.strip()!r} is not a date I can read. Try 2026-11-03, Nov 3 or yesterday."
            ) from None
    if parsed > today:
        raise ValueError(
            f"{parsed:%d %b %Y} is in the future. Only today or earlier days can be used."
        )
    if parsed < EARLIEST_DATE:
        raise ValueError(f"{parsed.isoformat()} is too long ago.")
    return parsed


# --- other records ---------------------------------------------------------------------------


def _answers(value: Any) -> dict[str, bool]:
    if not isinstance(value, Mapping) or not value:
        raise _Bad("is not a list of yes/no answers")
    out: dict[str, bool] = {}
    for key, answer in value.items():
        if not isinstance(key, str) or not QUESTION_ID.fullmatch(key):
            raise _Bad(f"{_show(key)} is not a question id")
        out[key] = check_bool(answer)
    return out


RED_FLAG_CHECK_RULES = {
    "at": Rule(check_iso_datetime, "The time must be an ISO date and time.", required=True),
    "answers": Rule(_answers, "Answers map each question id to true or false.", True),
    "verdict": Rule(_choice(Verdict), _choice_hint("The verdict", Verdict), True),
}


def validate_red_flag_check(raw: Any) -> RedFlagCheck:
    """Check a stored red-flag check."""
    clean, problems = _check_record(raw, RED_FLAG_CHECK_RULES, "red-flag check")
    if problems:
        raise ValidationError(problems)
    return RedFlagCheck(**clean)


_COUNT_HINT = _scale_hint("Each side of the box", 3, 6).replace("number", "number of seconds")
# Built once: a diary holds thousands of sessions and each is checked when it is opened.
BREATHING_SESSION_RULES = {
    "started_at": Rule(check_iso_datetime, "The start must be a date and time.", True),
    "inhale": Rule(_whole(3, 6), _COUNT_HINT, True),
    "hold_in": Rule(_whole(3, 6), _COUNT_HINT, True),
    "exhale": Rule(_whole(3, 6), _COUNT_HINT, True),
    "hold_out": Rule(_whole(3, 6), _COUNT_HINT, True),
    "planned_seconds": Rule(
        _whole(1, 3600), _scale_hint("The planned length in seconds", 1, 3600), True
    ),
    "elapsed_seconds": Rule(
        lambda v: check_number(v, 0, 86400), "Elapsed seconds must be 0 or more.", True
    ),
    "cycles_completed": Rule(
        _whole(0, 10000), "Cycles completed must be a whole number, 0 or more.", True
    ),
    "completed": Rule(check_bool, "Completed must be true or false.", True),
    **{
        name: Rule(_whole(0, 10), _scale_hint(name.replace("_", " ").capitalize(), 0, 10))
        for name in ("stress_before", "stress_after", "pain_before", "pain_after")
    },
}


def validate_breathing_session(raw: Any) -> BreathingSession:
    """Check a stored breathing session."""
    clean, problems = _check_record(raw, BREATHING_SESSION_RULES, "breathing session")
    if problems:
        raise ValidationError(problems)
    return BreathingSession(**clean)


def _id_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Bad("is not a list")
    for item in value:
        if not isinstance(item, str) or not ITEM_ID.fullmatch(item):
            raise _Bad(f"{_show(item)} is not an item id")
    return tuple(dict.fromkeys(value))


@lru_cache(maxsize=4)
def rehab_day_rules(today: date) -> dict[str, Rule]:
    """The rules of a ``rehab_days`` record, kept per day like the daily log's."""
    return {
        "date": Rule(
            lambda v: check_iso_date(v, today=today),
            "The date must be written YYYY-MM-DD and cannot be in the future.",
            True,
        ),
        "done": Rule(_id_list, "Done must be a list of item ids.", True),
    }


def validate_rehab_day(raw: Any, *, today: date) -> RehabDay:
    """Check the rehab items ticked on one day."""
    clean, problems = _check_record(raw, rehab_day_rules(today), "rehab day")
    if problems:
        raise ValidationError(problems)
    return RehabDay(**clean)


def validate_custom_exercise(raw: Any) -> CustomExercise:
    """Check an exercise the person added."""

    def title(value: Any) -> str:
        text = check_text(value, SHORT_TEXT_MAX).strip()
        if not text:
            raise _Bad("is empty")
        return text

    rules = {
        "id": Rule(
            lambda v: _id_list([v])[0], "The id must be short lowercase letters and digits.", True
        ),
        "phase": Rule(_whole(1, 3), _scale_hint("The phase", 1, 3), True),
        "title": Rule(title, f"The name needs 1 to {SHORT_TEXT_MAX} characters.", True),
        "how": Rule(_text(NOTES_MAX), f"How-to can be at most {NOTES_MAX} characters."),
    }
    clean, problems = _check_record(raw, rules, "custom exercise")
    if problems:
        raise ValidationError(problems)
    return CustomExercise(**clean)


def _text_list(max_items: int) -> Checker:
    def check(value: Any) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise _Bad("is not a list")
        if len(value) > max_items:
            raise _Bad(f"has {len(value)} entries, more than {max_items}")
        return tuple(check_text(item, SHORT_TEXT_MAX * 2) for item in value)

    return check


def _sub_records(make: Callable[[Any], Any], what: str) -> Checker:
    def check(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Bad("is not a list")
        if len(value) > 100:
            raise _Bad(f"has {len(value)} {what}, more than 100")
        out = []
        for index, item in enumerate(value):
            try:
                out.append(make(item))
            except _Bad as bad:
                raise _Bad(f"entry {index + 1}: {bad.message}") from None
        return tuple(out)

    return check


def _medicine(raw: Any) -> Medicine:
    rules = {
        name: Rule(_text(SHORT_TEXT_MAX), "")
        for name in ("name", "dose", "how_often", "since", "helps", "side_effects")
    }
    clean, problems = _check_record(raw, rules, "medicine")
    if problems:
        raise _Bad("; ".join(str(p) for p in problems))
    if not clean.get("name", "").strip():
        raise _Bad("a medicine needs a name")
    return Medicine(**clean)


def _imaging(raw: Any) -> ImagingReport:
    def kind(value: Any) -> str:
        if value not in IMAGING_KINDS:
            raise _Bad(f"{_show(value)} is not one of {', '.join(IMAGING_KINDS)}")
        return str(value)

    rules = {
        "kind": Rule(kind, "", True),
        "date": Rule(_text(SHORT_TEXT_MAX), ""),
        "where": Rule(_text(SHORT_TEXT_MAX), ""),
        "have_copy": Rule(check_bool, ""),
    }
    clean, problems = _check_record(raw, rules, "imaging report")
    if problems:
        raise _Bad("; ".join(str(p) for p in problems))
    return ImagingReport(**clean)


def validate_visit(raw: Any) -> Visit:
    """Check a clinic visit."""
    rules = {
        "id": Rule(lambda v: _id_list([v])[0], "The id must be short letters and digits.", True),
        "date": Rule(check_iso_date, "The visit date must be written YYYY-MM-DD.", True),
        "clinician": Rule(_text(SHORT_TEXT_MAX), f"At most {SHORT_TEXT_MAX} characters."),
        "reason": Rule(_text(SHORT_TEXT_MAX * 2), f"At most {SHORT_TEXT_MAX * 2} characters."),
        "story": Rule(_text(LONG_TEXT_MAX), f"At most {LONG_TEXT_MAX} characters."),
        "history": Rule(_text(LONG_TEXT_MAX), f"At most {LONG_TEXT_MAX} characters."),
        "medicines": Rule(_sub_records(_medicine, "medicines"), "A list of medicines."),
        "imaging": Rule(_sub_records(_imaging, "reports"), "A list of imaging reports."),
        "questions": Rule(_text_list(MAX_QUESTIONS), f"At most {MAX_QUESTIONS} questions."),
        "goals": Rule(_text_list(20), "At most 20 goals."),
        "before_you_leave": Rule(_id_list, "A list of ticked checklist ids."),
        "notes_after": Rule(_text(LONG_TEXT_MAX), f"At most {LONG_TEXT_MAX} characters."),
    }
    clean, problems = _check_record(raw, rules, "visit")
    if problems:
        raise ValidationError(problems)
    return Visit(**clean)


def validate_settings(raw: Any) -> Settings:
    """Check the remembered settings."""

    def theme(value: Any) -> str:
        text = check_text(value, 60)
        if not re.fullmatch(r"[a-z0-9\-_]+", text):
            raise _Bad(f"{_show(value)} is not a theme name")
        return text

    rules = {
        "theme": Rule(theme, "The theme must be a theme name."),
        "reduced_motion": Rule(check_bool, "Reduced motion must be true or false."),
        "rehab_phase": Rule(_whole(1, 3), _scale_hint("The rehab phase", 1, 3)),
        "breathing_count": Rule(_whole(3, 6), _scale_hint("The breathing count", 3, 6)),
        "breathing_minutes": Rule(_whole(1, 10), _scale_hint("The breathing length", 1, 10)),
        "emergency_number": Rule(_phone_number, NUMBER_HINT),
        "urgent_number": Rule(_phone_number, NUMBER_HINT),
    }
    clean, problems = _check_record(raw, rules, "settings")
    if not problems and "urgent_number" in clean and "emergency_number" not in clean:
        hint = "Choose the emergency number first."
        problems.append(Problem("urgent_number", "is set without an emergency number", hint))
    if problems:
        raise ValidationError(problems)
    return Settings(**clean)


def _phone_number(value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"{_show(value)} is not a phone number")
    try:
        number = check_phone_number(value)
    except BadNumber:
        raise _Bad(f"{_show(value)} is not a phone number") from None
    if number != value:
        raise _Bad(f"{_show(value)} has spaces to tidy")
    return number


def validate_profile(raw: Any, *, today: date) -> Profile:
    """Check the profile: onset and surgery dates (not in the future) and settings."""
    date_hint = "The date must be written YYYY-MM-DD and cannot be in the future."
    rules = {
        "onset_date": Rule(lambda v: check_iso_date(v, today=today), date_hint),
        "surgery_date": Rule(lambda v: check_iso_date(v, today=today), date_hint),
        "welcomed": Rule(check_bool, "Welcomed must be true or false."),
        "settings": Rule(_settings_checker, "Settings must be an object of known settings."),
    }
    clean, problems = _check_record(raw, rules, "profile")
    if problems:
        raise ValidationError(problems)
    return Profile(**clean)


def _settings_checker(value: Any) -> Settings:
    try:
        return validate_settings(value)
    except ValidationError as error:
        raise _Bad("; ".join(str(p) for p in error.problems)) from None
