"""Every rule a record must follow, checked in one place, with messages a person understands.

- ``problems``: ``Problem`` (one thing wrong with one field) and ``ValidationError`` (all of a
  record's problems);
- ``characters``: which characters new text may hold (no hidden control characters) and
  how a refused one is named;
- ``checks``: checks of single values (a whole number in a range, text of a length, a date)
  and ``check_record``, which runs a record's ``Rule``s;
- ``rules``: the rules of each kind of record and its ``validate_*`` function;
- ``forms``: text typed on a form turned into the raw values the rules check.

Import from the modules; this package imports nothing.
"""
