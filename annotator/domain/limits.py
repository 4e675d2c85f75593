"""What input may hold: one limit per kind of field, one rule per kind of text.

Every reader (JSONL, plain text, scheme files), the command line and the window
check values with these before anything is stored, so a value is refused the
same way on SQLite and PostgreSQL, with a message, instead of failing inside the
database. The store's columns are at least as wide (``storage/models.py``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from annotator.i18n import _

# Lengths, in code points.
NAME_LENGTH = 64  # annotator and user names: a person's login or handle
LABEL_LENGTH = 50  # entity labels, claim types, relation types, attribute names
IDENTIFIER_LENGTH = 200  # document ids, local ids in a file, entity links
UNIT_LENGTH = 100  # a quantity's unit and period

# How deep free values (meta, attribute values) may nest: deeper is no one's metadata,
# and our own writer (orjson) stops at 254 levels.
NESTING_DEPTH = 32
# Integers in free values must fit the store's 64-bit integers.
INTEGER_RANGE = (-(2**63), 2**63 - 1)

# Characters no text may hold: C0 controls but tab, line feed, vertical tab, form feed and
# carriage return; DEL; C1 controls but NEL (U+0085, a line break). A file holding them is
# binary or mis-decoded, and a terminal would obey them.
FORBIDDEN_IN_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def text_problem(text: str) -> tuple[int, str] | None:
    """(index, message) of the first character a document's text may not hold, or None."""
    match = FORBIDDEN_IN_TEXT.search(text)
    if match is None:
        return None
    return match.start(), _("control character {code}: a binary file, not text").format(
        code=code_point(match.group()))


def _shown(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:40] + "…")


def name_problem(value: Any, what: str, limit: int) -> str | None:
    """Why ``value`` cannot be a name (``what`` says which, translated), or None.

    A name is a non-empty string of printable characters (ordinary spaces inside it
    allowed), no longer than ``limit``.
    """
    if not isinstance(value, str):
        return _("{what} must be a string").format(what=what)
    if not value.strip():
        return _("{what} is empty").format(what=what)
    if value != value.strip():
        return _("{what} {name} has leading or trailing spaces").format(what=what, name=_shown(value))
    if len(value) > limit:
        return _("{what} {name} is longer than {limit} characters").format(
            what=what, name=_shown(value), limit=limit)
    for char in value:
        if not char.isprintable():
            return _("{what} {name} holds the control or invisible character {code}").format(
                what=what, name=_shown(value), code=code_point(char))
    return None


def date_problem(value: Any) -> str | None:
    """Why ``value`` cannot be an article's date (a real day as YYYY-MM-DD), or None."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return _("date {date!r} is not YYYY-MM-DD").format(date=value)
    try:
        date.fromisoformat(value)
    except ValueError:
        return _("date {date!r} is not a real date").format(date=value)
    return None


def free_value_problem(value: Any) -> str | None:
    """Why a free JSON value (metadata, an attribute) cannot be stored: too deep, an integer out of
    range, a string with a character no text may hold."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > NESTING_DEPTH:
            return _("nested more than {depth} levels deep").format(depth=NESTING_DEPTH)
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, int) and not isinstance(item, bool):
            if not INTEGER_RANGE[0] <= item <= INTEGER_RANGE[1]:
                return _("integer {value} is out of range").format(value=item)
        elif isinstance(item, str) and (found := text_problem(item)) is not None:
            return _("{text}: {problem}").format(text=_shown(item), problem=found[1])
    return None
