"""Completeness: values left empty, the template's prompts and placeholders left in, and what a published
plan must not lack (a section with no text, an activity with no expected results).

A draft is work in progress, so most of these only warn there; once the plan says `status: published`
they are errors, as the site would publish the gap or the prompt as written.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import yaml

from . import catalogue as C
from . import schema_words as words
from .problems import WARNING, Problem

if TYPE_CHECKING:
    from .rules import PlanChecker

PACKAGE = Path(__file__).resolve().parent

# Fields of an activity that a plan may leave out, but not leave empty once written.
ACTIVITY_FIELDS = ("title", "status", "new_or_existing", "description")
# Text of generator/plan-template.yaml's examples that is not a plan's own.
TEMPLATE_PLACEHOLDERS = ("Dr A. N. Other", "What the activity is and who it is for.",
                         "What it should achieve by the end of March")


@lru_cache(maxsize=1)
def prompt_markers() -> tuple[str, ...]:
    """Sentences `cluster-plans new` puts in a section file for the lead to replace, in every language:
    the fixed notes whole, and the start of each section's own prompt."""
    table = yaml.safe_load((PACKAGE / "section-prompts.yaml").read_text(encoding="utf-8"))
    markers = []
    for notes in table.values():
        for key, text in notes.items():
            fixed = " ".join(str(text).split("{", 1)[0].split())
            if len(fixed) >= 20:
                markers.append(fixed)
    return tuple(markers)


def problems(checker: "PlanChecker") -> Iterator[Problem]:
    published = checker.plan.status == "published"
    for problem in (*empty_values(checker), *template_text(checker), *published_gaps(checker, published)):
        yield problem if published or problem.code == C.PlanEmptySection.code else replace(problem, severity=WARNING)


def empty_values(checker: "PlanChecker") -> Iterator[Problem]:
    data = checker.doc.data if isinstance(checker.doc.data, dict) else {}
    if "title" in data and not str(data.get("title") or "").strip():
        yield _at(checker, C.PlanEmptyValue, ("title",))
    for i, activity in enumerate(data.get("activities") or []):
        if not isinstance(activity, dict):
            continue
        for name in ACTIVITY_FIELDS:
            if name in activity and not str(activity.get(name) or "").strip():
                yield _at(checker, C.PlanEmptyValue, ("activities", i, name))
    for i, lead in enumerate(data.get("leads") or []):
        if isinstance(lead, dict) and "name" in lead and not str(lead.get("name") or "").strip():
            yield _at(checker, C.PlanEmptyValue, ("leads", i, "name"))


def template_text(checker: "PlanChecker") -> Iterator[Problem]:
    for name, prose in sorted(checker.prose.items()):
        for marker in prompt_markers():
            at = prose.text.find(marker)
            if at >= 0:
                line = prose.text.count("\n", 0, at) + 1
                yield Problem.of(C.PlanTemplateText, prose.file, line, 1, text=marker, where=name, where_cy=name)
                break
    plan = checker.plan
    places: list[tuple[tuple, str]] = [(("leads", i, "name"), lead.name) for i, lead in enumerate(plan.leads)]
    for i, a in enumerate(plan.activities):
        places.append((("activities", i, "description"), a.description))
        places += [(("activities", i, "expected_results", j), r) for j, r in enumerate(a.expected_results)]
    for loc, text in places:
        for placeholder in TEMPLATE_PLACEHOLDERS:
            if placeholder in (text or ""):
                named = words.place(checker.doc.file, checker.doc.data, loc)
                where = f"the '{named['name']}' of {named['place']}"
                where_cy = f"y maes '{named['name']}' ar gyfer {named['place_cy']}"
                yield _at(checker, C.PlanTemplateText, loc, text=placeholder, where=where, where_cy=where_cy)


def published_gaps(checker: "PlanChecker", published: bool) -> Iterator[Problem]:
    """What a published plan must not lack. A plan transcribed from a source document keeps the source's
    gaps as printed, so there they are warnings."""
    if not published:
        return
    # Warnings for now: many plans kept as their source printed them have such gaps.
    transcribed = True
    for name, prose in sorted(checker.prose.items()):
        body = [line for line in prose.text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if not body:
            problem = Problem.of(C.PlanEmptySection, prose.file, 1, 1, name=name)
            yield replace(problem, severity=WARNING) if transcribed else problem
    for i, activity in enumerate(checker.plan.activities):
        if not activity.expected_results:
            problem = _at(checker, C.PlanNoExpectedResults, ("activities", i))
            yield replace(problem, severity=WARNING) if transcribed else problem


def _at(checker: "PlanChecker", kind, loc: tuple, **values: object) -> Problem:
    named = words.place(checker.doc.file, checker.doc.data, loc)
    return checker.at(kind, loc, False, **{**named, **values})


