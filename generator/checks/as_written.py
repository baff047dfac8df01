"""What the page would show other than the lead wrote it: yes or no in a cell (read as 0 or 1), text where a
figure goes, an activity that started after the plan's year, heading levels that skip, and activity budgets
beyond the money the cluster has. Each is named at its place, never converted without a word."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterator

from generator.checks.tables import figure, tables
from generator.core.money import AMOUNT, format_pounds, known_amount
from generator.core.prose import outside_code
from generator.problems import catalogue as C
from generator.problems.report import Problem

if TYPE_CHECKING:
    from generator.checks.rules import PlanChecker

# Cells that say there is no figure, or none yet, in words a table may use where its figures go.
_NO_FIGURE = {"n/a", "na", "nil", "none", "-", "–", "—", "vacant", "tbc", "tba", "unknown", "not known", "?"}
_STARTS_WITH_FIGURE = re.compile(r"^\s*[£~<>]?\s*\.?\d")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$")


# The note `cluster-plans new` writes beside text it copies from last year's plan, and how a check finds it.
COPIED_NOTE = "copied from the {year} plan: review it for {next}, then delete this note"
_COPIED = re.compile(r"#\s*copied from the (\d{4}-\d{2}) plan\b")


def check(c: "PlanChecker") -> Iterator[Problem]:
    yield from copied_text(c)
    yield from yes_no_cells(c)
    yield from text_where_figures_go(c)
    yield from roles(c)
    yield from since(c)
    yield from headings(c)
    yield from budgets(c)


def _raw(c: "PlanChecker", loc: tuple) -> Any:
    """The value at `loc` as YAML read it, before the schema made it a cell (a yes/no is still a yes/no)."""
    current: Any = c.doc.data
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            return None
    return current


def _cell_place(base: tuple, table, r: int, k: int) -> dict[str, Any]:
    row = table.rows[r][0] if table.rows[r] else None
    column = table.columns[k] if k < len(table.columns) and table.columns[k] else f"column {k + 1}"
    column_cy = table.columns[k] if k < len(table.columns) and table.columns[k] else f"colofn {k + 1}"
    named = f"row '{row}'" if row not in (None, "") and k > 0 else f"row {r + 1}"
    named_cy = f"rhes '{row}'" if row not in (None, "") and k > 0 else f"rhes {r + 1}"
    caption = table.caption or "(no caption)"
    return {"where": f"the cell '{column}' of {named} in the table '{caption}'",
            "where_cy": f"y gell '{column_cy}' yn {named_cy} yn y tabl '{caption}'"}


def _yes_no(c: "PlanChecker", loc: tuple, value: bool, where: dict[str, Any]) -> Problem:
    written = c.doc.written.get(loc) or ("yes" if value else "no")
    return c.at(C.CellYesNo, loc, written=written, shown="1" if value else "0", **where)


def yes_no_cells(c: "PlanChecker") -> Iterator[Problem]:
    """A cell written Yes or No: YAML reads it as true or false, which the table would show as 1 or 0."""
    for base, table in tables(c):
        for r, row in enumerate(table.rows):
            for k in range(len(row)):
                value = _raw(c, base + ("rows", r, k))
                if isinstance(value, bool):
                    yield _yes_no(c, base + ("rows", r, k), value, _cell_place(base, table, r, k))


def _figures_column(table, k: int) -> bool:
    """Whether a column holds figures: two or more cells are one figure each, and they are most of its cells."""
    cells = [row[k] for row in table.rows if k < len(row) and row[k] not in (None, "")]
    figures = [v for v in cells if figure(v) is not None]
    return len(figures) >= 2 and len(figures) * 2 > len(cells)


def text_where_figures_go(c: "PlanChecker") -> Iterator[Problem]:
    """Words with no figure in a column of figures (other than N/A, nil or TBC): a count the page shows as
    text, which no total counts."""
    for base, table in tables(c):
        if any(len(row) != len(table.columns) for row in table.rows):
            continue  # the width check reports the table; its columns cannot be read
        for k in range(1, len(table.columns)):
            if not _figures_column(table, k):
                continue
            for r, row in enumerate(table.rows):
                cell = row[k]
                if cell in (None, "") or figure(cell) is not None or isinstance(_raw(c, base + ("rows", r, k)), bool):
                    continue
                # A figure with words beside it ("28 (WTE 21.41)") still gives its figure.
                if str(cell).strip().lower() in _NO_FIGURE or _STARTS_WITH_FIGURE.match(str(cell)):
                    continue
                yield c.at(C.CellNotAFigure, base + ("rows", r, k), what=f"'{cell}'",
                           **_cell_place(base, table, r, k))


def roles(c: "PlanChecker") -> Iterator[Problem]:
    """A workforce role's whole-time equivalent written yes/no, left empty, or in words."""
    if c.plan.workforce is None:
        return
    written_roles = _raw(c, ("workforce", "roles")) or []
    for i, role in enumerate(c.plan.workforce.roles):
        loc = ("workforce", "roles", i, "wte")
        where: dict[str, Any] = {"where": f"the whole-time equivalent of the role '{role.role}'",
                 "where_cy": f"cyfwerth ag amser llawn y rôl '{role.role}'"}
        raw = written_roles[i] if i < len(written_roles) and isinstance(written_roles[i], dict) else {}
        value = raw.get("wte")
        if isinstance(value, bool):
            yield _yes_no(c, loc, value, where)
        elif "wte" in raw and (value is None or str(value).strip() == ""):
            yield c.at(C.CellNotAFigure, loc, what="nothing", what_cy="dim byd", **where)
        elif isinstance(value, str) and figure(value) is None and value.strip().lower() not in _NO_FIGURE:
            yield c.at(C.CellNotAFigure, loc, what=f"'{value}'", **where)


def since(c: "PlanChecker") -> Iterator[Problem]:
    """An existing activity said to have started in a year after this plan's: the page would publish it."""
    for i, a in enumerate(c.plan.activities):
        if a.since is not None and a.since > c.plan.year:
            yield c.at(C.SinceAfterPlanYear, ("activities", i, "since"), title=a.title, since=a.since,
                       year=c.plan.year)


def headings(c: "PlanChecker") -> Iterator[Problem]:
    """A heading more than one level below the one before it (# then ###): the page's outline, which screen
    readers and the contents list follow, would have a gap."""
    for name, prose in sorted(c.prose.items()):
        level, first = 1, True
        for number, line in outside_code(prose.text.splitlines()):
            m = _HEADING.match(line)
            if not m:
                continue
            found = len(m.group(1))
            if found > level + 1:
                hashes = "#" * found
                fixed = "#" * (level + 1) + line.lstrip()[found:]
                yield Problem.of(C.HeadingSkipsLevel, prose.file, number, line.index("#") + 1, field=name,
                                 excerpt=line, found=found, previous=level, written=hashes,
                                 fixed=fixed.strip(), first="yes" if first else "")
            level, first = found, False


def budgets(c: "PlanChecker") -> Iterator[Problem]:
    """The activities' budgets together beyond the allocation and carry-over the finance table gives."""
    f = c.plan.finance
    allocation = known_amount(f.allocation) if f is not None else None
    if f is None or allocation is None:
        return
    carry = known_amount(f.carry_over) or Decimal(0)
    budgets = [a.budget.amount for a in c.plan.activities
               if a.budget is not None and a.budget.kind == AMOUNT and a.budget.amount is not None]
    total = sum(budgets, Decimal(0))
    available = allocation + carry
    if total > available:
        had = (C.ALLOCATION_AND_CARRY(allocation=format_pounds(allocation), carry=format_pounds(carry),
                                      available=format_pounds(available))
               if carry else C.ALLOCATION_ONLY(allocation=format_pounds(allocation)))
        yield c.at(C.BudgetsExceedAllocation, ("finance", "allocation"), total=format_pounds(total),
                   count=len(budgets), had=had)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def copied_text(c: "PlanChecker") -> Iterator[Problem]:
    """A published plan that still has last year's words where `new` marked them to be reviewed: a key action or
    description saying "during 2022/23" would be published as this year's."""
    if c.plan.status != "published":
        return
    # (where the note may be, the place reported, last year's words, what they are in English and Welsh)
    places: list[tuple[tuple[tuple, ...], tuple, str, str, str]] = []
    for i, a in enumerate(c.plan.activities):
        places.append(((("activities", i, "description"), ("activities", i, "title")), ("activities", i, "description"),
                       a.description or a.title, f"the description of '{a.title}'", f"disgrifiad '{a.title}'"))
    for j, theme in enumerate(c.plan.key_actions):
        places.append(((("key_actions", j, "theme"),), ("key_actions", j, "theme"), "; ".join(theme.actions) or theme.theme,
                       f"the key actions of '{theme.theme}'", f"camau gweithredu allweddol '{theme.theme}'"))
    for candidates, loc, words, what, what_cy in places:
        for at in candidates:
            if _raw(c, at) is None:
                continue
            marked = _COPIED.search(c.doc.line_text(c.doc.where(at)[0]))
            if marked:
                yield c.at(C.CopiedTextUnreviewed, loc, what=what, what_cy=what_cy, year=marked[1],
                           words=_short(words))
                break
