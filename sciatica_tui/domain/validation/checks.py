"""Checks of single values, and ``check_record``, which runs the ``Rule`` of each field.

A check returns the clean value or raises ``BadValue`` with a message about the value;
``check_record`` collects those into ``Problem``s, each with its rule's hint.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from sciatica_tui.domain.dates import EARLIEST_DATE
from sciatica_tui.domain.validation.characters import (
    HIDDEN_CONTROL_HINT,
    hidden_control,
    with_plain_line_breaks,
)
from sciatica_tui.domain.validation.problems import BadValue, Problem, ValidationError, show_value

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ITEM_ID = re.compile(r"[a-z0-9_\-]{1,60}")


# --- single values -------------------------------------------------------------------


def check_whole_number(value: Any, low: int, high: int) -> int:
    """A whole number between ``low`` and ``high``; an integral float such as 7.0 counts."""
    if type(value) is int and low <= value <= high:
        return value  # the usual case, checked first: loading ten years runs this ~50,000 times
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadValue(f"{show_value(value)} is not a whole number")
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise BadValue(f"{show_value(value)} is not a whole number")
        value = int(value)
    assert isinstance(value, int)
    if value < low:
        raise BadValue(f"{show_value(value)} is below {low}")
    if value > high:
        raise BadValue(f"{show_value(value)} is above {high}")
    return value


def check_number(value: Any, low: float, high: float) -> float:
    """Any finite number between ``low`` and ``high``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadValue(f"{show_value(value)} is not a number")
    # Compare before any float conversion: a huge integer would overflow it.
    if isinstance(value, float) and not math.isfinite(value):
        raise BadValue(f"{show_value(value)} is not a number")
    if value < low:
        raise BadValue(f"{show_value(value)} is below {low:g}")
    if value > high:
        raise BadValue(f"{show_value(value)} is above {high:g}")
    return float(value)


def check_choice(value: Any, kind: type[E]) -> E:
    """One of an enum's values."""
    try:
        return kind(value)
    except ValueError:
        raise BadValue(f"{show_value(value)} is not one of the choices") from None


def check_text(value: Any, max_length: int) -> str:
    """Text of at most ``max_length`` characters (NUL bytes are refused).

    New text (typed, pasted or imported) also may not hold a hidden control character
    (``characters.hidden_control``), and its Windows or Unicode line breaks become plain
    newlines first. Text read back from the diary file is taken as it is
    (``reading_stored_text``).
    """
    if not isinstance(value, str):
        raise BadValue(f"{show_value(value)} is not text")
    new_text = not _READING_STORED_TEXT.get()
    text = with_plain_line_breaks(value) if new_text else value
    if len(text) > max_length:
        raise BadValue(f"is {len(text)} characters long, more than {max_length}")
    if "\x00" in text:
        raise BadValue("holds a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadValue("holds a broken character (a lone surrogate)") from None
    hidden = hidden_control(text) if new_text else None
    if hidden is not None:
        raise BadValue(hidden, HIDDEN_CONTROL_HINT)
    return text


def check_one_line(value: Any, max_length: int) -> str:
    """Text as ``check_text`` has it, on one line (a name shown beside its score); text read
    back from the diary file is taken as it is, line breaks included."""
    text = check_text(value, max_length)
    if not _READING_STORED_TEXT.get() and ("\n" in text.strip() or "\t" in text):
        raise BadValue("goes over more than one line; keep it on one line")
    return text


def check_short_name(value: Any, max_length: int) -> str:
    """A name the person gives (an activity, their own for reports): one line, not blank, at
    most ``max_length`` characters once the spaces around it are dropped. Those spaces are
    forgiven, up to as many as the name may hold."""
    text = check_one_line(value, max_length * 2).strip()
    if not text:
        raise BadValue("is empty")
    if len(text) > max_length:
        raise BadValue(f"is {len(text)} characters long, more than {max_length}")
    return text


# The rule for new text is stricter than the rule for reading: a diary written by an older
# version (or edited by hand) may hold control characters, and it must still open with
# nothing set aside or changed; what it holds is shown inert (``domain.inert_text``).
_READING_STORED_TEXT: ContextVar[bool] = ContextVar("reading_stored_text", default=False)


@contextmanager
def reading_stored_text() -> Iterator[None]:
    """Within this block, text is checked as the diary file holds it: control characters
    and line breaks are kept as they are (the store reads its own file so)."""
    token = _READING_STORED_TEXT.set(True)
    try:
        yield
    finally:
        _READING_STORED_TEXT.reset(token)


def check_bool(value: Any) -> bool:
    """True or false, nothing else."""
    if not isinstance(value, bool):
        raise BadValue(f"{show_value(value)} is not true or false")
    return value


def check_iso_date(value: Any, *, today: date | None = None) -> date:
    """A ``YYYY-MM-DD`` date, not in the future when ``today`` is given."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise BadValue(f"{show_value(value)} is not a date written YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise BadValue(f"{show_value(value)} is not a real date") from None
    if parsed < EARLIEST_DATE:
        raise BadValue(f"{value} is too long ago")
    if today is not None and parsed > today:
        raise BadValue(f"{value} is in the future")
    return parsed


def check_iso_datetime(value: Any) -> datetime:
    """A date and time such as ``2026-11-21T09:30:00``."""
    if not isinstance(value, str) or len(value) < 16:
        raise BadValue(f"{show_value(value)} is not a date and time")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BadValue(f"{show_value(value)} is not a date and time") from None
    if parsed.year < EARLIEST_DATE.year:
        raise BadValue(f"{value} is too long ago")
    return parsed


def check_id_list(value: Any) -> tuple[str, ...]:
    """A list of item ids (short lowercase letters, digits, ``_`` and ``-``), each kept once."""
    if not isinstance(value, list):
        raise BadValue("is not a list")
    for item in value:
        if not isinstance(item, str) or not ITEM_ID.fullmatch(item):
            raise BadValue(f"{show_value(item)} is not an item id")
    return tuple(dict.fromkeys(value))


def check_id(value: Any) -> str:
    """One item id."""
    return check_id_list([value])[0]


# --- records ---------------------------------------------------------------------------

Checker = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Rule:
    """How one field of a record is checked, and how its rule reads to a person."""

    check: Checker
    hint: str
    required: bool = False


def check_record(
    raw: Any, rules: Mapping[str, Rule], what: str
) -> tuple[dict[str, Any], list[Problem]]:
    """Check every field of ``raw``; return the clean values and every problem found."""
    if not isinstance(raw, Mapping):
        return {}, [Problem("", f"is not a {what} record", f"Each {what} must be an object.")]
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    if not raw.keys() <= rules.keys():  # rare: only hand-edited or foreign files
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
        except BadValue as bad:
            problems.append(Problem(name, bad.message, bad.hint or rule.hint))
    return clean, problems


def build_record(raw: Any, rules: Mapping[str, Rule], what: str, make: Callable[..., T]) -> T:
    """``make`` called with the clean fields of ``raw``, or ``ValidationError`` with every
    problem found."""
    clean, problems = check_record(raw, rules, what)
    if problems:
        raise ValidationError(problems)
    return make(**clean)


# --- checkers and hints, built for a rule -------------------------------------------------


def whole(low: int, high: int) -> Checker:
    """A whole number from ``low`` to ``high``."""
    return lambda v: check_whole_number(v, low, high)


def text_up_to(max_length: int) -> Checker:
    """Text of at most ``max_length`` characters."""
    return lambda v: check_text(v, max_length)


def past_date(today: date) -> Checker:
    """A ``YYYY-MM-DD`` date, not after ``today``."""
    return lambda v: check_iso_date(v, today=today)


def one_of(kind: type[Enum]) -> Checker:
    """One of an enum's values."""
    members = {member.value: member for member in kind}

    def check(value: Any) -> Any:
        try:
            return members[value]  # the usual case, without Enum's slower lookup
        except (KeyError, TypeError):
            return check_choice(value, kind)

    return check


def scale_hint(label: str, low: int, high: int) -> str:
    """ "Leg pain must be a whole number from 0 to 10."."""
    return f"{label} must be a whole number from {low} to {high}."


def choice_hint(label: str, kind: type[Enum]) -> str:
    """ "Pain side must be one of: left, right, both."."""
    return f"{label} must be one of: {', '.join(str(m.value) for m in kind)}."
