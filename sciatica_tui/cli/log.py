"""``sciatica log``: log a day from the shell, checked by the same rules as the app's form.

``sciatica log 6 3`` saves leg pain 6 and back pain 3 for today; options add the other
fields. The values go through the form's own reading (``daily_log_from_form``'s steps) and
rules, so a bad value gets the app's message, exits 2 naming the field, and nothing is
written. A day already logged is merged into: a field saved with another value is kept
unless ``--overwrite`` is given, and the command says which. When the app would open the
red-flag check after this save, the command says so plainly.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sciatica_tui.cli import base
from sciatica_tui.cli.base import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, say_error
from sciatica_tui.cli.log_tags import add_tag_option, tag_ids

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sciatica_tui.cli.base import Subcommands
    from sciatica_tui.domain.medicines import Medicine
    from sciatica_tui.domain.records import DailyLog, Settings
    from sciatica_tui.domain.tags import Tag
    from sciatica_tui.domain.validation.problems import Problem

# Each field of the daily log the command takes: its option, metavar and how it is said.
# Tags (--tag) are added in log_tags: they merge into the day's tags, never replace them.
FIELD_OPTIONS: dict[str, tuple[str, str, str]] = {
    "leg_pain": ("--leg", "N", "leg pain 0-10"),
    "back_pain": ("--back", "N", "back pain 0-10"),
    "pain_reach": ("--reach", "WHERE", "how far the pain reaches"),
    "pain_side": ("--side", "SIDE", "which leg: left, right or both"),
    "numbness": ("--numbness", "N", "numbness 0-10"),
    "numbness_reach": ("--numbness-reach", "WHERE", "how far the numbness reaches"),
    "weakness": ("--weakness", "HOW", "leg weakness: none, mild or marked"),
    "walking_minutes": ("--walk", "MIN", "minutes walked"),
    "sitting_minutes": ("--sit", "MIN", "minutes sitting at a stretch"),
    "sleep_hours": ("--sleep", "HOURS", "hours slept"),
    "sleep_quality": ("--sleep-quality", "N", "sleep quality 1-5"),
    "mood": ("--mood", "N", "mood 1-5"),
    "pain_med_doses": ("--meds", "N", "pain-relief doses taken"),
    "notes": ("--note", "TEXT", "a note (up to 2000 characters)"),
}
REACH_CHOICES = "none, lower_back, buttock, thigh, below_knee or foot"


def add_log(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """``sciatica log LEG BACK | --leg N --back N [...] [--date D] [--overwrite]``."""
    parser = commands.add_parser(
        "log",
        parents=[common],
        help="log a day from the shell: sciatica log LEG BACK",
        description="Save a day of the diary: 'sciatica log 6 3' saves leg pain 6 and back "
        "pain 3 for today. A day already logged keeps the values it holds unless "
        "--overwrite is given. Refused while the app is open (one program writes at a time).",
    )
    parser.add_argument("leg_score", nargs="?", metavar="LEG", help="leg pain, 0-10")
    parser.add_argument("back_score", nargs="?", metavar="BACK", help="back pain, 0-10")
    for name, (option, metavar, said) in FIELD_OPTIONS.items():
        more = f" ({REACH_CHOICES})" if name.endswith("_reach") else ""
        parser.add_argument(option, dest=name, metavar=metavar, help=said + more)
    add_tag_option(parser)
    parser.add_argument(
        "--date",
        metavar="DAY",
        help="the day to log (default today): 2026-11-03, Nov 3, yesterday, '3 days ago'",
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace values already saved for the day (without it they are kept)",
    )
    parser.set_defaults(run=run_log)


def run_log(args: argparse.Namespace, folder: Path) -> int:
    """Check the values given, merge them into the day, save, and say what was saved."""
    from sciatica_tui.domain.dates import parse_user_date
    from sciatica_tui.domain.tag_list import tag_list
    from sciatica_tui.store.diary_store import DiaryStore
    from sciatica_tui.store.errors import AlreadyOpenError

    today = base.today()
    try:
        day = today if args.date is None else parse_user_date(args.date, today=today)
    except ValueError as error:
        say_error(f"--date: {error} Nothing was saved.")
        return EXIT_REFUSED
    given = _given_texts(args)
    if given is None:
        return EXIT_REFUSED
    if not given and not args.tags:
        say_error("nothing to log: give LEG BACK (e.g. sciatica log 6 3) or a field option.")
        return EXIT_REFUSED
    try:
        store = DiaryStore.open(folder)
    except AlreadyOpenError:
        say_error(
            f"nothing was saved: the sciatica app (or another sciatica command) has the diary "
            f"in {folder} open, and only one program can write to it at a time. Log the day "
            "in the app (Today tab), or quit the app and run this again."
        )
        return EXIT_FAILED
    with store:
        tags = tag_list(store.custom_tags()) if args.tags else ()
        added_tags = tag_ids(args.tags, tags)
        if added_tags is None:
            return EXIT_REFUSED
        saved_before = store.daily_log(day)
        outcome = _merged(
            given, saved_before, day, today, overwrite=args.overwrite, tags=added_tags
        )
        if outcome is None:
            return EXIT_REFUSED
        log, changed, kept = outcome
        if "pain_med_doses" in changed and _counted_from_medicines(log, store.medicines()):
            return EXIT_REFUSED
        if changed:
            store.save_daily_log(log)
        previous = store.latest_log_before(day)
        settings = store.profile().settings
    _say_saved(log, changed, kept, today, tags)
    if changed:
        _say_if_check_would_open(log, previous, saved_before, today, settings)
    return EXIT_OK


def _given_texts(args: argparse.Namespace) -> dict[str, str] | None:
    """Field name to the text typed for it; None (after saying why) when given twice."""
    given = {name: getattr(args, name) for name in FIELD_OPTIONS}
    for name, text in (("leg_pain", args.leg_score), ("back_pain", args.back_score)):
        if text is None:
            continue
        if given[name] is not None:
            say_error(f"{FIELD_OPTIONS[name][0]} is given twice (as LEG BACK and as the option).")
            return None
        given[name] = text
    return {name: text for name, text in given.items() if text is not None}


def _merged(
    given: dict[str, str],
    saved_before: DailyLog | None,
    day: date,
    today: date,
    *,
    overwrite: bool,
    tags: tuple[str, ...] = (),
) -> tuple[DailyLog, list[str], list[tuple[str, object, object]]] | None:
    """The day as it will be saved, the fields changed, and those kept (name, saved value,
    value given); None after naming each problem when a value breaks a rule. ``tags`` are
    added to those the day holds (with or without ``overwrite``)."""
    from sciatica_tui.domain.validation.checks import reading_stored_text
    from sciatica_tui.domain.validation.forms import parse_form_value
    from sciatica_tui.domain.validation.problems import ValidationError
    from sciatica_tui.domain.validation.rules import validate_daily_log

    raw = {name: parse_form_value(name, text) for name, text in given.items()}
    blank = [name for name, value in raw.items() if value is None]
    if blank:
        say_error(f"{FIELD_OPTIONS[blank[0]][0]}: no value given. Nothing was saved.")
        return None
    stored = saved_before.to_record() if saved_before is not None else {"date": day.isoformat()}
    # Saved notes are left out of the strict check: a note from an older diary may hold a
    # character new input may not, and it is not what the person typed now.
    stored_values = {name: value for name, value in stored.items() if name != "notes"}
    held = list(stored.get("tags", []))
    new_tags = [tag for tag in tags if tag not in held]
    more = {"tags": held + new_tags} if new_tags else {}
    try:
        # Every value given is checked, even one that will be kept: it must be valid anyway.
        asked = validate_daily_log({**stored_values, **raw, **more}, today=today).to_record()
    except ValidationError as error:
        _say_problems(error.problems)
        return None
    changed: list[str] = []
    kept: list[tuple[str, object, object]] = []
    final = dict(stored)
    for name in raw:
        if stored.get(name) == asked[name]:
            continue
        if name in stored and not overwrite:
            kept.append((name, stored[name], asked[name]))
            continue
        final[name] = asked[name]
        changed.append(name)
    if new_tags:
        final["tags"] = asked["tags"]
        changed.append("tags")
    with reading_stored_text():  # what was given passed the strict check above
        return validate_daily_log(final, today=today), changed, kept


def _counted_from_medicines(log: DailyLog, medicines: Iterable[Medicine]) -> bool:
    """True, after saying so, when the day's pain relief is the total of its medicines'
    doses: a plain count given here would contradict them (the app keeps them in step)."""
    from sciatica_tui.domain.medicines import derived_pain_med_doses
    from sciatica_tui.domain.words import long_day

    counted = derived_pain_med_doses(log.medicine_doses, medicines)
    if counted is None:
        return False
    say_error(
        f"--meds: the pain relief of {long_day(log.date)} is the total of its medicines' "
        f"doses ({counted}); change those doses in the app (Today tab). Nothing was saved."
    )
    return True


def _say_problems(problems: list[Problem]) -> None:
    for problem in problems:
        option = FIELD_OPTIONS.get(problem.field)
        where = f"{option[0]} ({problem.field})" if option else problem.field
        if problem.field == "tags":
            where = "--tag (tags)"
        say_error(f"{where}: {problem.message}. {problem.hint}")
    say_error("Nothing was saved.")


def _say_saved(
    log: DailyLog,
    changed: list[str],
    kept: list[tuple[str, object, object]],
    today: date,
    tags: Sequence[Tag] = (),
) -> None:
    from sciatica_tui.domain.words import day_words

    day = day_words(log.date, today)
    record = log.to_record()
    if changed:
        values = ", ".join(f"{_label(name)} {_shown(name, record[name], tags)}" for name in changed)
        print(f"Saved {day}: {values}.")
    elif not kept:
        print(f"Nothing to change: {day} already holds these values.")
    if kept:
        fields = "; ".join(
            f"{_label(name)} {_shown(name, saved)} (you gave {_shown(name, new)})"
            for name, saved, new in kept
        )
        print(
            f"Kept what {day} already holds: {fields}. Add --overwrite to replace it.",
            file=sys.stderr,
        )


def _label(name: str) -> str:
    return {
        "pain_med_doses": "pain-relief doses",
        "walking_minutes": "walking minutes",
        "sitting_minutes": "sitting minutes",
        "notes": "note",
    }.get(name, name.replace("_", " "))


def _shown(name: str, value: object, tags: Sequence[Tag] = ()) -> str:
    """A value as the line says it; the note quoted by ``repr``, so nothing typed in it (a
    line break, an escape sequence) acts on the terminal; tags by their words."""
    if name == "tags" and isinstance(value, list):
        from sciatica_tui.domain.inert_text import inert
        from sciatica_tui.domain.tags import tag_label

        # A label read back from an older diary may hold a control character: shown inert.
        return "(" + ", ".join(inert(tag_label(str(tag_id), tags)) for tag_id in value) + ")"
    if name == "notes":
        return repr(str(value) if len(str(value)) <= 40 else str(value)[:37] + "...")
    return str(value)


def _say_if_check_would_open(
    log: DailyLog,
    previous: DailyLog | None,
    saved_before: DailyLog | None,
    today: date,
    settings: Settings,
) -> None:
    """Say plainly when the app would open the red-flag check after this save."""
    from sciatica_tui.domain.red_flag_prompt import red_flag_prompt

    prompt = red_flag_prompt(log, previous, saved_before=saved_before, today=today)
    if not prompt:
        return
    number = settings.emergency_number or "your local emergency number"
    print(
        f"This entry would open the red-flag check in the app. {' '.join(prompt.reasons)} "
        "Run sciatica and press ctrl+r to answer it now.\n"
        "If you have new trouble passing urine or controlling your bladder or bowels, "
        "numbness around your bottom or genitals, or weakness in your legs that is getting "
        f"worse fast, get help at once: call {number}."
    )
