"""The plain forms of ``sciatica status`` and ``sciatica remind``, read without argparse.

They run at every shell prompt, and importing argparse (with gettext and locale) and
building its parser was a tenth of their time. So the forms a prompt uses are read here:

    [--data-dir DIR] status [--format FORMAT] [--strict] [--data-dir DIR]
    [--data-dir DIR] remind [--data-dir DIR]

(each option also as ``--option=value``, in any order, the last one given counting, as
argparse reads them). Anything else (``--help``, ``remind --at``, an abbreviation, a mistake)
is left to argparse, which answers as it always has: ``prompt_arguments`` returns None. A
test holds that both read every plain form alike.
"""

from __future__ import annotations

from types import SimpleNamespace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

DATA_DIR = "--data-dir"


def prompt_arguments(words: Sequence[str]) -> SimpleNamespace | None:
    """The arguments of ``words`` when they are a plain form of status or remind (with
    ``run``, as argparse would set it); None for argparse to read them."""
    found: dict[str, object] = {"data_dir": None}
    at = 0
    while at < len(words) and words[at].startswith("-"):
        at = _option(words, at, found, {DATA_DIR: None})
        if at < 0:
            return None
    if at == len(words):
        return None
    command, options = words[at], words[at + 1 :]
    if command == "status":
        from sciatica_tui.cli.status import run_status
        from sciatica_tui.domain.status_line import FORMATS

        found |= {"format": "short", "strict": False, "run": run_status}
        allowed: dict[str, tuple[str, ...] | None] = {
            DATA_DIR: None,
            "--format": FORMATS,
            "--strict": (),
        }
    elif command == "remind":
        from sciatica_tui.cli.remind import run_remind

        found |= {"at": None, "run": run_remind}
        allowed = {DATA_DIR: None}
    else:
        return None
    at = 0
    while at < len(options):
        at = _option(options, at, found, allowed)
        if at < 0:
            return None
    return SimpleNamespace(**found)


def _option(
    words: Sequence[str],
    at: int,
    found: dict[str, object],
    allowed: dict[str, tuple[str, ...] | None],
) -> int:
    """Read the option at ``words[at]`` into ``found``: the index after it, or -1 when it is
    not one of ``allowed`` (name: the values it takes, None for any, () for a flag)."""
    name, equals, value = words[at].partition("=")
    if name not in allowed:
        return -1
    choices = allowed[name]
    key = name[2:].replace("-", "_")
    if choices == ():
        if equals:
            return -1  # --strict=yes: argparse explains
        found[key] = True
        return at + 1
    if not equals:
        if at + 1 >= len(words) or words[at + 1].startswith("-"):
            return -1  # no value, or one argparse might read as an option
        value, at = words[at + 1], at + 1
    if choices is not None and value not in choices:
        return -1
    found[key] = value
    return at + 1
