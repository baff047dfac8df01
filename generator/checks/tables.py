"""Table checks: captioned tables whose rows and header differ in width, totals, averages and ratios
that do not follow from the table's own figures, and rows that lack the figure the others have."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Iterator

from generator.problems import catalogue as C
from generator.problems.report import Phrase, Problem
from generator.schema.plan import DataTable

if TYPE_CHECKING:
    from generator.checks.rules import PlanChecker

_FIGURE = re.compile(r"^[£]?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*$")
_TOTAL_LABEL = re.compile(r"^\s*(grand\s+)?totals?\b", re.IGNORECASE)
_AVERAGE_LABEL = re.compile(r"^\s*(average|mean)\b", re.IGNORECASE)
# Cells that say there is nothing to count, as opposed to an empty cell.
_NOTHING = {"n/a", "na", "nil", "none", "-", "–", "vacant", "0"}


def figure(cell: object) -> Decimal | None:
    """A cell's number, when the cell is one figure and nothing else (1,641 or 22.01 or 6)."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)):
        return Decimal(str(cell))
    m = _FIGURE.match(str(cell))
    if not m or not (m[1] or m[2]):
        return None
    try:
        return Decimal((m[1] or "0").replace(",", "") + (m[2] or ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        return None


def _places(cell: object) -> int:
    text = str(cell)
    return len(text.split(".", 1)[1].strip()) if "." in text else 0


def _agrees(stated_cell: object, computed: Decimal, exact: bool) -> bool:
    """Whether a stated figure is the computed one as the source would print it: a sum exactly, an
    average or ratio rounded to the places the source gives."""
    stated = figure(stated_cell)
    assert stated is not None
    quantum = Decimal(1).scaleb(-_places(stated_cell))
    if exact:
        return computed == stated
    return computed.quantize(quantum, rounding=ROUND_HALF_UP) == stated


def _shown(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"
    return text[:-3] if text.endswith(".00") else text


def check(c: "PlanChecker") -> Iterator[Problem]:
    for base, table in tables(c):
        if any(len(row) != len(table.columns) for row in table.rows):
            yield width(c, base, table)
            continue
        yield from totals(c, base, table)
        yield from missing(c, base, table)


def tables(c: "PlanChecker") -> Iterator[tuple[tuple, DataTable]]:
    if c.plan.workforce is not None:
        for i, table in enumerate(c.plan.workforce.tables):
            yield ("workforce", "tables", i), table
    for i, table in enumerate(c.plan.tables):
        yield ("tables", i), table


def width(c: "PlanChecker", base: tuple, table: DataTable) -> Problem:
    wrong = [(r, len(row)) for r, row in enumerate(table.rows) if len(row) != len(table.columns)]
    if len(wrong) == len(table.rows) and len({n for _, n in wrong}) == 1:
        # Every row agrees with the others: the header is what is wrong.
        which = C.EVERY_ROW_HAS() if len(wrong) > 1 else C.ITS_ROW_HAS()
        return c.at(C.TableWidthMismatch, base + ("columns",), caption=table.caption or C.NO_CAPTION(),
                    columns=len(table.columns), which=which, cells=wrong[0][1])
    r, n = wrong[0]
    return c.at(C.TableWidthMismatch, base + ("rows", r), caption=table.caption or C.NO_CAPTION(),
                columns=len(table.columns), which=C.ROW_HAS(row=r + 1), cells=n)


def _index(value: int, size: int) -> int | None:
    i = value + size if value < 0 else value
    return i if 0 <= i < size else None


def totals(c: "PlanChecker", base: tuple, table: DataTable) -> Iterator[Problem]:
    rows, size = table.rows, len(table.rows)
    caption = table.caption or C.NO_CAPTION()
    total_row = _index(table.total_row, size) if table.total_row is not None else None
    if table.total_row is not None and total_row is None:
        yield c.at(C.TableBadReference, base + ("total_row",),
                   detail=C.TOTAL_ROW_OUTSIDE(row=table.total_row, caption=caption, size=size))
    average_row = None
    if table.total_row is None and size >= 3 and rows[-1] and len(table.columns) > 2:
        label = str(rows[-1][0] or "")
        if _TOTAL_LABEL.match(label):
            total_row = size - 1
        elif _AVERAGE_LABEL.match(label):
            average_row = size - 1
    width = len(table.columns)
    total_column = _index(table.total_column, width) if table.total_column is not None else None
    if table.total_column is not None and total_column is None:
        yield c.at(C.TableBadReference, base + ("total_column",),
                   detail=C.TOTAL_COLUMN_OUTSIDE(column=table.total_column, caption=caption, size=width))
    if table.total_column is None and width >= 3:
        named = [n for n, name in enumerate(table.columns) if n > 0 and _TOTAL_LABEL.match(name or "")]
        total_column = named[-1] if named else None
    summary = {r for r in (total_row, average_row) if r is not None}
    for d_index, d in enumerate(table.derived):
        summary.add(d.row + size if d.row < 0 else d.row)
    for line, exact, name in ((total_row, True, "total"), (average_row, False, "average")):
        if line is None:
            continue
        parts = [r for r in range(line) if r not in summary]
        yield from _columns(c, base, table, line, parts, "average" if not exact else "sum", name)
    if total_column is not None:
        for r, row in enumerate(rows):
            if r in summary or figure(row[total_column]) is None:
                continue
            cells = [row[k] for k in range(1, width) if k != total_column and row[k] not in (None, "")]
            values = [figure(v) for v in cells]
            if len(values) < 2 or any(v is None for v in values):
                continue
            computed = sum((v for v in values if v is not None), Decimal(0))
            if not _agrees(row[total_column], computed, True):
                yield c.at(C.TableTotalMismatch, base + ("rows", r, total_column), caption=caption,
                           label=C.TOTAL_OF(name=row[0]), stated=row[total_column],
                           computed_as=C.SUM_OF_ITS_FIGURES(), computed=_shown(computed))
    for d_index, d in enumerate(table.derived):
        yield from _derived(c, base + ("derived", d_index), base, table, d)


def _columns(c: "PlanChecker", base: tuple, table: DataTable, line: int, parts: list[int], how: str,
             name: str) -> Iterator[Problem]:
    """The figures of one summary row, column by column, against the rows they summarise."""
    caption = table.caption or C.NO_CAPTION()
    for k in range(1, len(table.columns)):
        stated = table.rows[line][k]
        if figure(stated) is None:
            continue
        cells = [table.rows[r][k] for r in parts if table.rows[r][k] not in (None, "")]
        values = [figure(v) for v in cells]
        # A column holding words as well as figures is not one that adds up.
        if not values or any(v is None for v in values):
            continue
        known = [v for v in values if v is not None]
        computed = sum(known, Decimal(0)) if how == "sum" else sum(known, Decimal(0)) / len(known)
        if not _agrees(stated, computed, how == "sum"):
            column = table.columns[k] or C.COLUMN(column=k + 1)
            rows = _row_names(table, parts)
            yield c.at(C.TableTotalMismatch, base + ("rows", line, k), caption=caption,
                       label=(C.TOTAL_OF if name == "total" else C.AVERAGE_OF)(name=column), stated=stated,
                       computed_as=(C.SUM_OF if how == "sum" else C.AVERAGE_OF_ROWS)(rows=rows),
                       computed=_shown(computed))


def _row_names(table: DataTable, rows: list[int]) -> str | Phrase:
    if len(rows) > 3:
        return C.ROWS_FROM_TO(first=rows[0] + 1, last=rows[-1] + 1)
    names = [f"'{table.rows[r][0]}'" if table.rows[r][0] else C.ROW(row=r + 1) for r in rows]
    if len(names) == 1:
        return names[0]
    items = names[0] if len(names) == 2 else C.COMMA(first=names[0], then=names[1])
    return C.AND_LIST(items=items, last=names[-1])


def _derived(c: "PlanChecker", loc: tuple, base: tuple, table: DataTable, d) -> Iterator[Problem]:
    size = len(table.rows)
    caption = table.caption or C.NO_CAPTION()
    given = [(name, getattr(d, name)) for name in ("sum", "average", "ratio") if getattr(d, name) is not None]
    if len(given) != 1:
        yield c.at(C.TableBadReference, loc, detail=C.DERIVED_HOW(caption=caption, count=len(given) or C.NONE()))
        return
    how, named = given[0]
    line = _index(d.row, size)
    indexes = [_index(r, size) for r in named]
    if line is None or any(i is None for i in indexes) or not indexes or (how == "ratio" and len(indexes) != 2):
        yield c.at(C.TableBadReference, loc, detail=C.DERIVED_ROWS_OUTSIDE(caption=caption, rows=[d.row, *named],
                                                                            size=size))
        return
    parts = [i for i in indexes if i is not None]
    for k in range(1, len(table.columns)):
        stated = table.rows[line][k]
        values = [figure(table.rows[r][k]) for r in parts]
        if figure(stated) is None or any(v is None for v in values):
            continue
        known = [v for v in values if v is not None]
        if how == "sum":
            computed = sum(known, Decimal(0))
        elif how == "average":
            computed = sum(known, Decimal(0)) / len(known)
        else:
            if known[1] == 0:
                continue
            computed = known[0] / known[1]
        if not _agrees(stated, computed, how == "sum"):
            label = f"'{table.rows[line][0]}'" if table.rows[line][0] else C.ROW(row=line + 1)
            computed_as: Phrase
            if how == "ratio":
                computed_as = C.DIVIDED_BY(rows=_row_names(table, parts[:1]), by=_row_names(table, parts[1:]))
            else:
                computed_as = (C.SUM_OF if how == "sum" else C.AVERAGE_OF_ROWS)(rows=_row_names(table, parts))
            yield c.at(C.TableTotalMismatch, base + ("rows", line, k), caption=caption, label=label,
                       stated=stated, computed_as=computed_as, computed=_shown(computed))


def _is_note(label: object) -> bool:
    """A row that is a note the source put in its table ("NB Actual total ..."), not a thing it counts."""
    text = str(label or "").strip()
    return len(text) > 80 or bool(re.match(r"^(nb|n\.b\.|note)\b", text, re.IGNORECASE))


def missing(c: "PlanChecker", base: tuple, table: DataTable) -> Iterator[Problem]:
    """A row with an empty cell where every other row of the column has a figure: a count the source lacks."""
    rows = table.rows
    caption = table.caption or C.NO_CAPTION()
    if len(rows) < 4:
        return
    for k in range(1, len(table.columns)):
        column = [row[k] for row in rows]
        counted = [v for v in column if figure(v) is not None or str(v).strip().lower() in _NOTHING]
        empty = [r for r, v in enumerate(column) if v is None or str(v).strip() == ""]
        if not empty or len(empty) > 2 or len(counted) + len(empty) != len(rows):
            continue
        for r in empty:
            if _is_note(rows[r][0]):
                continue
            what = f"'{rows[r][0]}'" if rows[r][0] else C.ROW(row=r + 1)
            yield c.at(C.TableCountMissing, base + ("rows", r, k), caption=caption, what=what,
                       missing=f"'{table.columns[k]}'" if table.columns[k] else C.FIGURE())
    # Figures with no row name: the source lost the name of what they count.
    if all(row[0] not in (None, "") for row in rows[:1]) and len(table.columns) >= 2:
        for r, row in enumerate(rows):
            if row[0] in (None, "") and any(figure(v) is not None for v in row[1:]):
                yield c.at(C.TableCountMissing, base + ("rows", r, 0), caption=caption, what=C.ROW(row=r + 1),
                           missing=C.NAME())
