"""The validator's own rules for the editor's fields, so that the form refuses what `validate` refuses.

The patterns come from the schema (ids, years) and from the money reader (amounts, TBC); the messages are
the problem catalogue's, made by the same code that makes `validate`'s, in the admin page's language. The
page's script fills in the value the lead typed where a message has `{value}`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.checks import schema_check
from generator.core import money
from generator.load.documents import parse_yaml
from generator.problems import catalogue as C
from generator.problems.report import Problem
from generator.schema.plan import SLUG_PATTERN, YEAR_PATTERN, Activity

# Stands for the lead's value while the validator words its message; the page puts the value in its place.
MARKER = "\ue000"
VALUE = "{value}"
# A plan's file name as the validator's messages name it.
PLAN_FILE = "plan.yaml"


def js_pattern(pattern: re.Pattern[str] | str) -> str:
    """A Python regular expression in the syntax of the browser's (named groups are written differently)."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    return re.sub(r"\(\?P=(\w+)\)", r"\\k<\1>", source.replace("(?P<", "(?<"))


def _flags(pattern: re.Pattern[str]) -> str:
    return "i" if pattern.flags & re.IGNORECASE else ""


def _words(problem: Problem, language: str) -> dict[str, str]:
    return {"message": problem.said_in(language).replace(MARKER, VALUE),
            "hint": problem.hint_in(language).replace(MARKER, VALUE)}


def _schema_problem(field: str) -> Problem:
    """The problem `validate` reports for an activity whose `field` holds the marker."""
    activity = {"id": "an-activity", "title": "An activity", field: MARKER}
    doc, _ = parse_yaml(yaml.safe_dump(activity, allow_unicode=True), PLAN_FILE)
    assert doc is not None  # the text is written here, from plain values
    _, problems = schema_check.check(Activity, doc)
    [problem] = [p for p in problems if p.field == field]
    return problem


def _shape(field: str, pattern: str, language: str) -> dict[str, str]:
    problem = _schema_problem(field)
    # The hint names the place ("activity 1, 'An activity'"); at the field itself only the fix is needed.
    tip = problem.value_in("tip", language)
    return {"pattern": js_pattern(pattern), "message": problem.said_in(language).replace(MARKER, VALUE),
            "hint": tip.replace(MARKER, VALUE)}


def field_rules(language: str) -> dict[str, Any]:
    """What the page's script checks, in `language`: money, the shapes of ids and years, required fields."""
    unreadable = Problem.of(C.MoneyUnparseable, PLAN_FILE, written=MARKER)
    # Only the message is shown at the field, which is the place itself.
    missing = Problem.of(C.SchemaMissingField, PLAN_FILE, name=MARKER, place="")
    return {
        "money": {"amount": js_pattern(money._AMOUNT), "flags": _flags(money._AMOUNT),
                  "tbc": sorted({word.replace(" ", "") for word in money._TBC_WORDS}),
                  **_words(unreadable, language)},
        "shapes": {"slug": _shape("id", SLUG_PATTERN, language), "year": _shape("since", YEAR_PATTERN, language)},
        "required": missing.said_in(language).replace(MARKER, VALUE),
    }
