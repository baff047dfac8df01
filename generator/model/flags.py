"""Flags: what a plan's page marks as wrong in its source, each at the place the problem names (an
activity row, a finance line, a table cell, a key fact, a prose section), with the figure as printed
and the note. A flag is a warning about the source: a known issue the plan records, or a rule's finding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from generator.core.languages import OTHER_LANGUAGES
from generator.problems.report import Problem


@dataclass(frozen=True)
class Flag:
    number: int        # its place on the page: the anchor flag-<number>
    code: str
    kind: str
    field: str
    as_written: str
    note: str          # the plan's note on it, or the rule's message
    recorded: bool     # recorded by the plan as a known issue of its source
    also: str = ""     # a second place it concerns (the finance line of an activity that disagrees)
    # A rule's finding in the site's other languages, as (language, message); a plan's note stays as written.
    said: tuple[tuple[str, str], ...] = ()

    def note_in(self, language: str) -> str:
        return dict(self.said).get(language, self.note)

    def note_is_english(self, language: str) -> bool:
        """Whether the note shown on a page in `language` is English there (and so marked as such)."""
        return language != "en" and language not in dict(self.said)


@dataclass
class FlagKind:
    """How many flags of one kind of source mistake some plans have, how many of them the plans record as
    known issues, and how many plans have one."""
    kind: str
    flags: int = 0
    recorded: int = 0
    plans: int = 0


# The parts of a plan whose page shows flags where they are (see templates/pages/plan.md.j2).
PLACED = ("activities", "finance", "workforce", "tables", "key_facts", "key_actions", "swot", "action_plan",
          "risks", "members")


class PlanFlags:
    """A plan's flags, found by the place they name."""

    def __init__(self, problems: Iterable[Problem]):
        # Every known issue the plan records is a flag, with or without its kind.
        found = [p for p in problems if not p.is_error and (p.source_kind or p.acknowledged)]
        found.sort(key=Problem.sort_key)
        # A note said twice at one place (a plan's known issue and a rule's finding in the same words) is
        # shown once.
        unique: dict[tuple[str, str], Problem] = {}
        for p in found:
            unique.setdefault((p.field, p.acknowledged or p.message), p)
        found = list(unique.values())
        self.all = [Flag(n, p.code, p.source_kind or "other", p.field, p.as_written or _written(p),
                         p.acknowledged or p.message, bool(p.acknowledged), p.value("also"),
                         () if p.acknowledged else tuple((lang, p.message_in(lang)) for lang in OTHER_LANGUAGES))
                    for n, p in enumerate(found, 1)]
        # The parts of the plan (finance, activities, tables...) that some flag is in, or concerns.
        self._parts = {_part(f.field) for f in self.all}
        self._parts_also = self._parts | {_part(f.also) for f in self.all if f.also}

    def __bool__(self) -> bool:
        return bool(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def under(self, prefix: str, also: bool = False) -> list[Flag]:
        """Flags at `prefix` or inside it (activities[2] holds activities[2].budget); with `also`, the
        flags that concern it as their second place."""
        # A page asks of every figure and cell; most parts of a plan have no flag at all.
        if _part(prefix) not in (self._parts_also if also else self._parts):
            return []

        def inside(field: str) -> bool:
            return field == prefix or field.startswith(prefix + ".") or field.startswith(prefix + "[")
        return [f for f in self.all if inside(f.field) or (also and f.also and inside(f.also))]

    def finance_rest(self) -> list[Flag]:
        """Flags on the finance block's caption and notes, shown after its notes."""
        return [f for f in self.under("finance") if not f.field.startswith(
            ("finance.lines", "finance.allocation", "finance.carry_over", "finance.total", "finance.balance"))]

    def table_rest(self, base: str) -> list[Flag]:
        """Flags on a table as a whole (its caption, its checks), shown after it."""
        return [f for f in self.under(base) if not f.field.startswith((base + ".rows[", base + ".columns["))]

    @staticmethod
    def table_place(plan, table) -> str:
        """The field path of one of a plan's captioned tables (workforce.tables[0], tables[1])."""
        workforce = plan.plan.workforce.tables if plan.plan.workforce is not None else []
        for base, tables in (("workforce.tables", workforce), ("tables", plan.plan.tables)):
            for i, candidate in enumerate(tables):
                if candidate is table:
                    return f"{base}[{i}]"
        return ""

    def counts(self, kinds: Iterable[str]) -> list[FlagKind]:
        """The plan's flags counted by each of `kinds`, in that order; kinds with none left out."""
        rows = {kind: FlagKind(kind, plans=1) for kind in kinds}
        for flag in self.all:
            row = rows.get(flag.kind)
            if row is not None:
                row.flags += 1
                row.recorded += flag.recorded
        return [row for row in rows.values() if row.flags]

    def of(self, problem: Problem) -> Flag | None:
        """The flag a problem is shown as on the plan's page, if it is one: the data-quality pages link to it
        instead of naming the problem's field and line, which are the validator's words."""
        note = problem.acknowledged or problem.message
        return next((f for f in self.all if f.field == problem.field and f.code == problem.code
                     and f.note == note), None)

    def at(self, field: str) -> list[Flag]:
        return [f for f in self.all if f.field == field]

    def sections(self, names: Iterable[str]) -> list[Flag]:
        wanted = set(names)
        return [f for f in self.all if f.field in wanted]

    def unplaced(self, sections: Iterable[str]) -> list[Flag]:
        """Flags at no place the page marks (its title, leads, source...): shown with the plan's notes
        at the top of the page. `sections` are the plan's prose sections."""
        placed = self.elsewhere([*PLACED, *(f"{name}{suffix}" for name in sections for suffix in (".md", ".cy.md"))])
        # Other tables are shown with the sections they belong to; a flag on all of them has no one place.
        return [f for f in self.all if f in placed or f.field == "tables"]

    def elsewhere(self, placed: Iterable[str]) -> list[Flag]:
        """Flags at none of the placed prefixes."""
        prefixes = tuple(placed)
        return [f for f in self.all if not any(f.field == p or f.field.startswith((p + ".", p + "["))
                                              for p in prefixes)]


def _part(field: str) -> str:
    """The part of the plan a field path is in: finance for finance.lines[2].amount, tables for tables[0]."""
    return field.split(".", 1)[0].split("[", 1)[0]


def _written(p: Problem) -> str:
    """The figure or words a rule quotes, as printed, when its message quotes one."""
    return p.value("written")


def cell_of(field: str, base: str) -> tuple[int, int] | None:
    """(row, column) of a table cell field such as workforce.tables[0].rows[3][2] under `base`."""
    rest = field[len(base):]
    m = re.fullmatch(r"\.rows\[(\d+)\]\[(\d+)\]", rest)
    return (int(m[1]), int(m[2])) if m else None
