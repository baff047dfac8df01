"""Text checks: what a source document gets wrong in its words, wherever they are in a plan (plan.yaml's
text and the prose sections): figures that are no amount, percentages that cannot be, a misspelt TBC,
brackets without partners, editing notes left in, numbering duplicated or skipped, entries repeated,
and programme priorities misspelt in the key actions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from generator.core.prose import outside_code
from generator.core.suggest import misspelt_start
from generator.problems import catalogue as C
from generator.load.documents import Prose
from generator.problems.report import Phrase, Problem
from generator.schema import words

if TYPE_CHECKING:
    from generator.problems.report import ProblemType
    from generator.checks.rules import PlanChecker

# Fields whose text is no prose of the source: ids, slugs, links, and money, which the money rules read.
_SKIPPED_KEYS = {"id", "board", "cluster", "year", "since", "status", "source", "url", "known_issues", "slug",
                 "budget", "amount", "allocation", "carry_over", "total", "balance", "full_year_effect",
                 "total_row", "total_column", "derived", "likelihood"}

# A pound figure as sources write it, including the slips: "£56, 269k", "£37,701k", "£72,,000".
_POUNDS = re.compile(r"£\s?\d(?:,\s(?=\d{3})|[\d,])*(?:\.\d+)?(?:\s?[km](?![a-z]))?", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")
_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?\s?%")
_GROWTH = re.compile(r"\b(increase|increased|rise|risen|growth|grown|grew|more|higher|up|over|above|change)\b",
                     re.IGNORECASE)
_TBC_MISSPELT = re.compile(r"\b(TCB|BTC|CTB|BCT|T\.B\.C(?!\.))\b")
_PLACEHOLDER = re.compile(r"\b(check (?:source|date|figures?|dates?|with [a-z]+)|insert (?:here|date|name|figure)|"
                          r"to be inserted|xx+)\b", re.IGNORECASE)
# A number at the start of an entry: "1.2. Provide more care", "3) Reduce...".
_NUMBERED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s|\s)")
_MD_NUMBERED = re.compile(r"^(\s*)(\d{1,3})[.)]\s")
_MD_HEADING = re.compile(r"^#{1,6}\s")
# "a)" or "ii)" or "3)" enumerating a list: a closing bracket with no opening one, by design.
_ENUMERATOR = re.compile(r"(?:^|[\s(])[a-zA-Z0-9]{1,3}\)")
_PAIRS = {")": "(", "]": "["}
_BRACKET = re.compile(r"[()\[\]]")


def check(c: "PlanChecker") -> Iterator[Problem]:
    for loc, text in strings(c.doc.data):
        yield from text_problems(lambda kind, _loc=loc, **v: c.at(kind, _loc, **_in_words(c, _loc, v)), text, "")
    yield from numbering(c)
    yield from duplicates(c, c.doc.data, ())
    yield from themes(c)
    for prose in c.prose.values():
        yield from prose_problems(prose)


def strings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text value of plan.yaml with its place, except fields that hold no prose of the source."""
    if isinstance(data, dict):
        for key, value in data.items():
            # A key fact's or table's source is the plan's words; the plan's own source is its document.
            if key not in _SKIPPED_KEYS or (key == "source" and loc and isinstance(value, str)):
                yield from strings(value, loc + (key,))
            elif key in ("budget", "amount", "allocation", "carry_over", "total", "balance", "full_year_effect") \
                    and isinstance(value, dict) and isinstance(value.get("note"), str):
                yield loc + (key, "note"), value["note"]
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, loc + (i,))
    elif isinstance(data, str):
        yield loc, data


def _in_words(c: "PlanChecker", loc: tuple, values: dict[str, Any]) -> dict[str, Any]:
    """A finding's place said in words a reader of the plan's page knows ("key fact 15", "activity 3"),
    not as the field path the validator's line gives beside it."""
    if "where" not in values:
        return values
    named = words.place(c.doc.file, c.doc.data, loc)
    return {**values, "where": named["place"], "where_cy": named["place_cy"]}


def text_problems(report, text: str, where: str) -> Iterator[Problem]:
    """The mistakes of one piece of text; `report(kind, **values)` places each."""
    # Each pattern is looked for only where its sign is: most text has no pound sign, percentage or bracket.
    for m in _POUNDS.finditer(text) if "£" in text else ():
        reason = _figure_reason(m.group(0))
        if reason:
            yield report(C.FigureMalformed, written=m.group(0), where=where, reason=reason)
    for m in _PERCENT.finditer(text) if "%" in text else ():
        value = float(m[1].replace(",", "") + (m[2] or ""))
        before = text[max(0, m.start() - 40):m.start()]
        if value > 100 and not _GROWTH.search(before):
            yield report(C.PercentageImpossible, written=m.group(0), where=where,
                         reason=C.SHARE_OVER_WHOLE())
    for m in _TBC_MISSPELT.finditer(text):
        yield report(C.TbcMisspelt, written=m.group(0))
    for m in _PLACEHOLDER.finditer(text):
        yield report(C.PlaceholderLeft, written=m.group(0), where=where)
    bracket = bracket_reason(text)
    if bracket:
        yield report(C.BracketUnbalanced, words=_excerpt(text, bracket[1]), where=where, reason=bracket[0])


def _figure_reason(written: str) -> Phrase | None:
    digits = written.lstrip("£").strip()
    k = digits[-1:].lower() in ("k", "m")
    number = digits.rstrip("kKmM").strip()
    whole, _, pence = number.partition(".")
    if ", " in whole:
        return C.FIGURE_SPACE()
    if ",," in whole:
        return C.FIGURE_DOUBLE_COMMA()
    if not _GROUPED.match(whole):
        return C.FIGURE_GROUPING()
    if k and "," in whole:
        return C.FIGURE_THOUSANDS_TWICE(suffix=digits[-1])
    if len(pence) > 2:
        return C.FIGURE_PENCE()
    return None


def bracket_reason(text: str) -> tuple[Phrase, int] | None:
    """Why the brackets of a text do not pair up, and where; None when they do."""
    stack: list[tuple[str, int]] = []
    enumerators: set[int] | None = None
    for m in _BRACKET.finditer(text):
        ch, i = m.group(), m.start()
        if ch in "([":
            stack.append((ch, i))
        elif stack and stack[-1][0] == _PAIRS[ch]:
            stack.pop()
        else:
            if not stack:
                # Enumerators ("a)", "ii)") are looked for only when a bracket closes nothing.
                if enumerators is None:
                    enumerators = {e.end() - 1 for e in _ENUMERATOR.finditer(text)}
                if i in enumerators:
                    continue
            return C.BRACKET_UNOPENED(close=ch, open=_PAIRS[ch]), i
    if stack:
        ch, i = stack[0]
        return C.BRACKET_UNCLOSED(open=ch), i
    return None


def _excerpt(text: str, at: int) -> str:
    start, end = max(0, at - 30), min(len(text), at + 30)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


# --- numbering ---------------------------------------------------------------------------------


def _number(text: Any) -> tuple[int, ...] | None:
    if not isinstance(text, str):
        return None
    m = _NUMBERED.match(text)
    return tuple(int(p) for p in m[1].split(".")) if m else None


def _successors(prev: tuple[int, ...]) -> set[tuple[int, ...]]:
    """What may follow 1.2: 1.3, or 2.1 (the next section, from its first item)."""
    return {prev[:k] + (prev[k] + 1,) + (1,) * (len(prev) - k - 1) for k in range(len(prev))}


def sequence_problems(numbers: list[tuple[tuple, tuple[int, ...]]]) -> Iterator[tuple[tuple, str, str, Phrase]]:
    """(place, number, previous, reason) for each entry whose number does not follow the one before."""
    for (_, prev), (loc, num) in zip(numbers, numbers[1:]):
        if num == prev:
            reason = C.NUMBER_REPEATED()
        elif len(num) != len(prev) or num in _successors(prev):
            continue
        elif num > prev:
            reason = C.NUMBER_SKIPPED()
        else:
            reason = C.NUMBERS_BACKWARDS()
        yield loc, ".".join(map(str, num)), ".".join(map(str, prev)), reason


def _first_text(item: Any) -> str | None:
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        for key in ("goal", "title", "fact", "item", "theme", "priority_area", "risk"):
            if isinstance(item.get(key), str):
                return item[key]
    return None


def numbering(c: "PlanChecker") -> Iterator[Problem]:
    data = c.doc.data if isinstance(c.doc.data, dict) else {}
    sequences: list[tuple[tuple | Phrase, list[tuple[tuple, tuple[int, ...]]]]] = []
    # The action plan numbers its goals across priority areas: 1.1 ... 1.6, then 2.1.
    goals = [(("action_plan", i, "goals", j, "goal"), _number(g.get("goal")))
             for i, area in enumerate(data.get("action_plan") or []) if isinstance(area, dict)
             for j, g in enumerate(area.get("goals") or []) if isinstance(g, dict)]
    sequences.append((C.THE_ACTION_PLAN(), [(loc, n) for loc, n in goals if n is not None]))
    for loc, items in _lists(data, ()):
        # Table rows and headers hold figures, not numbered entries.
        if (loc and loc[0] == "action_plan") or "rows" in loc or "columns" in loc:
            continue
        numbered = [(loc + (i,), _number(_first_text(x))) for i, x in enumerate(items)]
        sequences.append((loc, [(p, n) for p, n in numbered if n is not None]))
    for where, numbers in sequences:
        if len(numbers) < 2:
            continue
        for loc, number, previous, reason in sequence_problems(numbers):
            # A list is named in words a reader of the plan's page knows, not by its field path.
            named = words.place(c.doc.file, data, where) if isinstance(where, tuple) else {}
            said = (f"the list of {named['name']} in {named['place']}", f"y rhestr {named['name']} yn {named['place_cy']}") \
                if named else (where, where)
            yield c.at(C.NumberingBroken, _text_loc(data, loc), number=number, previous=previous, reason=reason,
                       where=said[0], where_cy=said[1])


def _text_loc(data: Any, loc: tuple) -> tuple:
    """The place of an entry's numbered text: the entry itself, or its title field."""
    item = data
    for part in loc:
        item = item[part]
    if isinstance(item, dict):
        for key in ("goal", "title", "fact", "item", "theme", "priority_area", "risk"):
            if isinstance(item.get(key), str):
                return loc + (key,)
    return loc


def _lists(data: Any, loc: tuple) -> Iterator[tuple[tuple, list]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _SKIPPED_KEYS:
                yield from _lists(value, loc + (key,))
    elif isinstance(data, list):
        yield loc, data
        for i, value in enumerate(data):
            yield from _lists(value, loc + (i,))


# --- repeated entries ---------------------------------------------------------------------------


def _same(item: Any) -> Any:
    """What makes two entries the same: everything but the id (two rows the source repeats get two ids)."""
    if isinstance(item, dict):
        return tuple(sorted((k, repr(v)) for k, v in item.items() if k != "id"))
    if isinstance(item, list):
        return tuple(repr(v) for v in item)
    return item


def _worth_comparing(item: Any) -> bool:
    if isinstance(item, str):
        return len(item.strip()) >= 12
    if isinstance(item, list):
        return sum(1 for v in item if v not in (None, "")) >= 2
    return isinstance(item, dict) and len(item) >= 2


def duplicates(c: "PlanChecker", data: Any, loc: tuple) -> Iterator[Problem]:
    for where, items in _lists(data, loc):
        seen: dict[Any, int] = {}
        for i, item in enumerate(items):
            if not _worth_comparing(item):
                continue
            key = _same(item)
            if key in seen:
                # Both entries named in words a reader of the plan's page knows ("row 3 of table 1").
                holder = words.place(c.doc.file, c.doc.data, where + (i,))
                yield c.at(C.DuplicateEntry, where + (i,),
                           what=f"entry {i + 1} of {holder['name']} in {holder['place']}", first=f"entry {seen[key] + 1}",
                           what_cy=f"eitem {i + 1} o {holder['name']} yn {holder['place_cy']}", first_cy=f"eitem {seen[key] + 1}")
            else:
                seen[key] = i


# --- programme priorities in key actions ---------------------------------------------------------


def themes(c: "PlanChecker") -> Iterator[Problem]:
    """A key action theme a letter or a word away from a programme priority is that priority, misspelt."""
    lookups = [c.vocab.sppc, c.vocab.ministerial]
    for i, theme in enumerate(c.plan.key_actions):
        written = theme.theme.strip()
        for lookup in lookups:
            if lookup.match(written).canonical is not None:
                break
        else:
            for lookup in lookups:
                best = misspelt_start(written, lookup.terms)
                if best is not None:
                    yield c.at(C.TermMisspelt, ("key_actions", i, "theme"), written=written, term=best,
                               vocabulary=lookup.label)
                    break


# --- prose sections ------------------------------------------------------------------------------


def prose_problems(prose: Prose) -> Iterator[Problem]:
    """The text checks, line by line, and the numbering of each ordered list, in one Markdown section."""
    name = prose.file.rsplit("/", 1)[-1]
    lines = prose.text.splitlines()
    for n, line in enumerate(lines, 1):
        def report(kind: "type[ProblemType]", _n: int = n, **values: Any) -> Problem:
            return Problem.of(kind, prose.file, _n, 1, field=name, **values)
        yield from text_problems(report, line, name)
    yield from _list_numbering(prose, name, lines)
    yield from _repeated_paragraphs(prose, name, lines)
    yield from _markdown_slips(prose, name, lines)


_HEADING_WITHOUT_SPACE = re.compile(r"^(#{1,6})([^\W\d_].*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    """The cells of a line pasted from a spreadsheet (separated by tabs), or of a Markdown table row."""
    parts = line.split("\t") if "\t" in line else line.strip().strip("|").split("|")
    return [part.strip() for part in parts]


def _markdown_slips(prose: Prose, name: str, lines: list[str]) -> Iterator[Problem]:
    """Markdown that is published other than it looks in the file: '#Heading' (text, not a heading), cells
    pasted from a spreadsheet (one line of text), '|' rows with no line of dashes (text, not a table). Each
    is said once, at its first line; code blocks are left as written."""
    pasted_before = table_before = False
    previous = 0
    for n, line in outside_code(lines):
        if n != previous + 1:  # a code block between: what follows it starts afresh
            pasted_before = table_before = False
        previous = n
        heading = _HEADING_WITHOUT_SPACE.match(line)
        if heading:
            yield Problem.of(C.ProseHeadingWithoutSpace, prose.file, n, 1, field=name, excerpt=line,
                             written=line.strip(), fixed=f"{heading[1]} {heading[2]}")
        cells = _cells(line) if "\t" in line.strip() else []
        pasted = sum(1 for cell in cells if cell) >= 2
        if pasted and not pasted_before:
            row = "| " + " | ".join(cells) + " |"
            yield Problem.of(C.ProsePastedCells, prose.file, n, 1, field=name, excerpt=line, count=len(cells),
                             rule=_rule(len(cells)), fixed=row)
        pasted_before = pasted
        row_like = line.strip().startswith("|") and line.strip().count("|") >= 2
        if row_like and not table_before:
            following = lines[n] if n < len(lines) else ""
            if following.strip().startswith("|") and not _TABLE_RULE.match(following):
                yield Problem.of(C.ProseTableWithoutRule, prose.file, n, 1, field=name, excerpt=line,
                                 rule=_rule(len(_cells(line))))
        table_before = row_like


def _rule(columns: int) -> str:
    """The line of dashes under a Markdown table's first row."""
    return "|" + "---|" * max(columns, 1)


def _list_numbering(prose: Prose, name: str, lines: list[str]) -> Iterator[Problem]:
    """Markdown renumbers an ordered list from its first item, so a list the source numbers 1, 2, 2, 4
    would be published as 1, 2, 3, 4 without a word: the slip is reported instead."""
    runs: list[list[tuple[int, int]]] = [[]]
    blank = False
    for n, line in enumerate(lines, 1):
        m = _MD_NUMBERED.match(line)
        if m and not m[1]:
            runs[-1].append((n, int(m[2])))
        elif _MD_HEADING.match(line) or (blank and line.strip() and not line.startswith((" ", "\t"))):
            runs.append([])
        blank = not line.strip()
    for run in runs:
        numbers: list[tuple[tuple, tuple[int, ...]]] = [((n,), (value,)) for n, value in run]
        for (n,), number, previous, reason in sequence_problems(numbers):
            yield Problem.of(C.NumberingBroken, prose.file, n, 1, field=name, where=C.LIST_IN(name=name),
                             number=number, previous=previous, reason=reason)


def _repeated_paragraphs(prose: Prose, name: str, lines: list[str]) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    start = 0
    paragraph: list[str] = []
    for n, line in enumerate([*lines, ""], 1):
        if line.strip():
            if not paragraph:
                start = n
            paragraph.append(line.strip())
            continue
        text = " ".join(paragraph)
        paragraph = []
        if len(text) < 80:
            continue
        if text in seen:
            yield Problem.of(C.DuplicateEntry, prose.file, start, 1, field=name,
                             what=C.PARAGRAPH_OF(line=start, name=name), first=C.LINE_NUMBER(line=seen[text]))
        else:
            seen[text] = start
