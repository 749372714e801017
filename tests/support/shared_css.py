"""Parse each piece of CSS once per test process, not once per app a test starts.

Every app Textual starts has its own stylesheet, which parses the CSS of every widget class
and of every ``.tcss`` file again (about 320 pieces for this app): a tenth of the CPU time of
each app start in the tests. The rules parsed from the same text, at the same place, with the
same theme variables are the same, and the stylesheet only reads them once parsed, so the
tests share them between apps. The app itself is untouched: a person's process starts one app.
"""

from __future__ import annotations

from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

# What was parsed, by (css, where it was read from, default rules?, tie breaker, scope,
# theme variables): each value is the list of rule sets Textual's own parser made.
_PARSED: dict[tuple[Any, ...], list[RuleSet]] = {}
_PARSE_RULES = Stylesheet._parse_rules


def _variables_key(stylesheet: Stylesheet) -> tuple[tuple[str, str], ...]:
    """The stylesheet's theme variables as a key, worked out once per variables dict (a
    new theme sets a new dict)."""
    variables = stylesheet._variables
    kept = stylesheet.__dict__.get("_shared_css_key")
    if kept is not None and kept[0] is variables and kept[1] == len(variables):
        return kept[2]  # type: ignore[no-any-return]
    key = tuple(sorted(variables.items()))
    stylesheet.__dict__["_shared_css_key"] = (variables, len(variables), key)
    return key


def _parse_rules_once(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    key = (css, read_from, is_default_rules, tie_breaker, scope, _variables_key(self))
    rules = _PARSED.get(key)
    if rules is None:
        rules = _PARSE_RULES(self, css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):  # CSS with errors is parsed (and said) again
            _PARSED[key] = rules
    return rules


def share_parsed_css() -> None:
    """Make every stylesheet in this process share what was parsed (see the module)."""
    Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]
