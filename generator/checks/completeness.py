"""Completeness: values left empty, the template's prompts and placeholders left in, and what a published
plan must not lack (a section with no text, an activity with no expected results).

A draft is work in progress, so these only warn there; once the plan says `status: published` they are
errors, as the site would publish the gap or the prompt as written. A gap the source document itself has is
the plan's to keep as printed: recorded as a known issue, it stays a warning and the site flags it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import yaml

from generator.problems import catalogue as C
from generator.schema import words
from generator.problems.report import ERROR, WARNING, Problem

if TYPE_CHECKING:
    from generator.checks.rules import PlanChecker

PROMPTS_FILE = Path(__file__).resolve().parents[1] / "schema" / "section-prompts.yaml"

# Fields of an activity that a plan may leave out, but not leave empty once written.
ACTIVITY_FIELDS = ("title", "status", "new_or_existing", "description")
# Text of generator/authoring/plan-template.yaml's examples that is not a plan's own.
TEMPLATE_PLACEHOLDERS = ("Dr A. N. Other", "What the activity is and who it is for.",
                         "What it should achieve by the end of March")


@lru_cache(maxsize=1)
def prompt_markers() -> tuple[str, ...]:
    """Sentences `cluster-plans new` puts in a section file for the lead to replace, in every language:
    the fixed notes whole, and the start of each section's own prompt."""
    table = yaml.safe_load(PROMPTS_FILE.read_text(encoding="utf-8"))
    markers = []
    for notes in table.values():
        for key, text in notes.items():
            fixed = " ".join(str(text).split("{", 1)[0].split())
            if len(fixed) >= 20:
                markers.append(fixed)
    return tuple(markers)


def problems(checker: "PlanChecker") -> Iterator[Problem]:
    yield from empty_values(checker)
    yield from template_text(checker)
    yield from gaps(checker)
    yield from required(checker)


def by_status(checker: "PlanChecker", found: list[Problem]) -> list[Problem]:
    """The problems that are errors only in a published plan, as the plan's status makes them: warnings in a
    draft, errors once published. One the plan records as its source's (acknowledged) is a warning anyway; the
    others say that a published plan cannot go out with them, and a published one's hint how to hold it back."""
    published = checker.plan.status == "published"
    out = []
    for p in found:
        if not p.kind.draft_warning or p.acknowledged:
            out.append(p)
            continue
        values = {**dict(p.values), "unrecorded": "yes", "published": "yes" if published else "",
                  "transcribed": "yes" if checker.plan.source is not None else ""}
        out.append(replace(p, values=tuple(sorted(values.items())), severity=ERROR if published else WARNING))
    return out


def empty_values(checker: "PlanChecker") -> Iterator[Problem]:
    data = checker.doc.data if isinstance(checker.doc.data, dict) else {}
    if "title" in data and not str(data.get("title") or "").strip():
        yield _at(checker, C.PlanEmptyValue, ("title",))
    choices = {"status": checker.vocab.status.terms, "new_or_existing": checker.vocab.origin.terms}
    for i, activity in enumerate(data.get("activities") or []):
        if not isinstance(activity, dict):
            continue
        for name in ACTIVITY_FIELDS:
            if name in activity and not str(activity.get(name) or "").strip():
                yield _at(checker, C.PlanEmptyValue, ("activities", i, name), choices=", ".join(choices.get(name, ())))
    for i, lead in enumerate(data.get("leads") or []):
        if isinstance(lead, dict) and "name" in lead and not str(lead.get("name") or "").strip():
            yield _at(checker, C.PlanEmptyValue, ("leads", i, "name"))


def template_text(checker: "PlanChecker") -> Iterator[Problem]:
    for name, prose in sorted(checker.prose.items()):
        found = [at for at in (prose.text.find(marker) for marker in prompt_markers()) if at >= 0]
        if found:
            # The first of the template's lines, quoted as the lead sees it in the file.
            at = min(found)
            line = prose.text.count("\n", 0, at) + 1
            text = prose.text.splitlines()[line - 1].strip().lstrip(">").strip().strip("*_").strip()
            yield Problem.of(C.PlanTemplateText, prose.file, line, 1, text=_short(text), where=name, where_cy=name,
                             prose="yes")
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


# Sections whose content the plan keeps in plan.yaml, shown right under the section's heading: such a
# section may hold only its heading (the source's risk register is a table under its heading, no prose).
SECTION_BLOCKS = {"risks": "risks", "finance": "finance", "workforce": "workforce", "governance": "members",
                  "needs": "key_facts"}


def gaps(checker: "PlanChecker") -> Iterator[Problem]:
    """What a plan must not lack once published: a section's text, an activity's expected results."""
    plan = checker.plan
    for name, prose in sorted(checker.prose.items()):
        body = [line for line in prose.text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        section = name.split(".", 1)[0]
        block = SECTION_BLOCKS.get(section)
        if body or (block and getattr(plan, block)) or any(t.section == section for t in plan.tables):
            continue
        yield Problem.of(C.PlanEmptySection, prose.file, 1, 1, field=name, name=name)
    rows = checker.doc.data.get("activities") if isinstance(checker.doc.data, dict) else None
    for i, activity in enumerate(plan.activities):
        if activity.expected_results:
            continue
        # At `expected_results: []` where the plan has it, else at the activity; the field is the results
        # either way, so that the site flags the activity table's results cell.
        row = rows[i] if isinstance(rows, list) and i < len(rows) else None
        written = isinstance(row, dict) and "expected_results" in row
        where = ("activities", i, "expected_results") if written else ("activities", i)
        problem = _at(checker, C.PlanNoExpectedResults, where)
        yield replace(problem, field=f"activities[{i}].expected_results")


# What every plan must tell the public, whatever its format, as the national template asks: (what it is in
# English and Welsh, the section files that give it, the plan.yaml fields that give it, how to add it in English
# and Welsh). The plan on a page and the activity table are made of them.
REQUIRED: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], str, str], ...] = (
    ("executive summary", "crynodeb gweithredol", ("executive-summary", "forward-look"), (),
     "write it in executive-summary.md (forward-look.md in the Swansea Bay IMTP format)",
     "ysgrifennwch ef yn executive-summary.md (forward-look.md yn fformat IMTP Bae Abertawe)"),
    ("key actions for the year", "camau gweithredu allweddol ar gyfer y flwyddyn", ("key-actions",),
     ("key_actions", "priority_areas"),
     "key_actions: in plan.yaml, by theme (priority_areas: in the Swansea Bay IMTP format), or key-actions.md",
     "key_actions: yn plan.yaml, fesul thema (priority_areas: yn fformat IMTP Bae Abertawe), neu key-actions.md"),
    ("activities", "gweithgareddau", (), ("activities", "action_plan"),
     "activities: in plan.yaml, one per row of the activity table (action_plan: in the Swansea Bay IMTP format)",
     "activities: yn plan.yaml, un ar gyfer pob rhes o'r tabl gweithgareddau (action_plan: yn fformat IMTP Bae"
     " Abertawe)"),
)


def required(checker: "PlanChecker") -> Iterator[Problem]:
    """A part the national template requires that the plan lacks, reported at its status (which says whether
    the plan goes out), under the name a known issue gives it: the section file, or the plan.yaml field."""
    sections = {name.split(".", 1)[0] for name in checker.prose}
    data = checker.doc.data if isinstance(checker.doc.data, dict) else {}
    line, col = checker.doc.where(("status",)) if "status" in data else (1, 1)
    for what, what_cy, files, fields, how, how_cy in REQUIRED:
        if sections.intersection(files) or any(getattr(checker.plan, name) for name in fields):
            continue
        named = f"{files[0]}.md" if files else fields[0]
        yield Problem.of(C.PlanMissingSection, checker.doc.file, line, col, field=named, what=what,
                         what_cy=what_cy, how=how, how_cy=how_cy)


def _short(text: str, limit: int = 90) -> str:
    """Text quoted in a message, cut at a word with '...' when long."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "..."


def _at(checker: "PlanChecker", kind, loc: tuple, **values: object) -> Problem:
    named = words.place(checker.doc.file, checker.doc.data, loc)
    return checker.at(kind, loc, False, **{**named, **values})


