"""Word in: a plan edited in Word, in the shape of the document this project exports, back into plan.yaml and
its section files, as exactly the lead's edits.

The plan as it stands is compiled to Word again, the way the lead's copy was made, and both documents are read
the same way (word_reading). Where they differ is what the lead changed: a cell of the activity table is the
field of that activity its column shows, a row added to it a new activity, a paragraph of a section a paragraph
of that section's Markdown file. plan.yaml is written back through the round trip (authoring.roundtrip), so its
comments and layout stay and `git diff` shows only the edits. Figures are written as the lead typed them, never
corrected. Whatever differs and has no place (a cell of another table, a new heading) is kept, word for word, in
the plan's appendix, where the lead sees it on the plan's page, and reported with its place in the Word
document; so is every doubt."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from generator.authoring.roundtrip import reapply
from generator.authoring.word_reading import Reading, WordPlace, WordSection, WordTable, read_docx
from generator.core import i18n
from generator.documents.compile import Compiler
from generator.documents.markdown import split_title
from generator.documents.word import docx_bytes
from generator.load.documents import plain_data
from generator.model.records import PlanRecord
from generator.problems import catalogue as C
from generator.problems.report import Problem, ProblemType
from generator.schema.plan import SECTIONS
from generator.schema.vocabulary import slugify

# The activity table's columns, in the order the compiled document shows them (documents.plan_parts), and the
# field of the activity each one shows: a lead's edit of a cell is an edit of that field.
ACTIVITY_COLUMNS = ("title", "new_or_existing_detail", "description", "expected_results", "ministerial_priorities",
                    "sppc_priorities", "budget", "funding_sources", "status_detail", "comments")
LISTED = {"expected_results", "ministerial_priorities", "sppc_priorities", "funding_sources", "comments"}
UNPLACED_HEADING = "Imported from Word: not placed"
SECTION_NAMES = tuple(SECTIONS)
Words = Callable[..., str]
MARKDOWN_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)|`")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass
class Imported:
    """What an import wrote (paths relative to the repository) and what it doubts."""
    written: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    edits: int = 0


@dataclass
class _Edits:
    plan: dict[str, Any]
    prose: dict[str, str]                       # section file (repository path) -> its new text
    unplaced: list[tuple[WordPlace, str]] = field(default_factory=list)
    doubts: list[tuple[type[ProblemType], WordPlace, str, dict[str, object]]] = field(default_factory=list)
    edits: int = 0


def import_into_plan(docx: bytes, plan: PlanRecord, compiler: Compiler, root: Path) -> Imported:
    """The edits a lead made in Word to an exported copy of `plan`, written into its folder."""
    lead = read_docx(docx)
    exported = read_docx(docx_bytes(compiler.one_plan(plan)))
    folder = root / plan.folder
    original = (folder / "plan.yaml").read_text(encoding="utf-8")
    edits = _Edits(plain_data(original), {})
    _compare(exported, lead, plan, compiler, root, edits)
    imported = Imported(edits=edits.edits)
    if edits.unplaced:
        _keep_unplaced(edits, plan, root)
    new_yaml = yaml.safe_dump(edits.plan, sort_keys=False, allow_unicode=True, width=1_000_000)
    written = reapply(original, new_yaml).text
    if written != original:
        (folder / "plan.yaml").write_text(written, encoding="utf-8")
        imported.written.append(f"{plan.folder}/plan.yaml")
    for file, text in sorted(edits.prose.items()):
        path = root / file
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            imported.written.append(file)
    appendix = f"{plan.folder}/appendix.md"
    imported.problems = _problems(edits, written, f"{plan.folder}/plan.yaml", edits.prose.get(appendix, ""), appendix)
    return imported


def _problems(edits: _Edits, plan_text: str, plan_file: str, appendix_text: str, appendix_file: str) -> list[Problem]:
    """Each doubt at its place in what the import wrote: the field's line of plan.yaml, or the line of the
    appendix that keeps what had no place; and its place in the Word document."""
    out = []
    for kind, place, yaml_place, values in edits.doubts:
        if kind is C.ImportUnplaced:
            file = appendix_file
            line = next((n for n, text in enumerate(appendix_text.splitlines(), 1) if text.endswith(f"({place})")), 0)
        else:
            file, line = _yaml_line(plan_text, plan_file, yaml_place)
        said = {key: str(value) for key, value in values.items()}
        out.append(Problem.of(kind, file, line, 0, field=yaml_place, word_place=place.phrase(), **said))
    return out


# --- comparing the lead's document with the plan's -------------------------------------------------------

def _compare(exported: Reading, lead: Reading, plan: PlanRecord, compiler: Compiler, root: Path,
             edits: _Edits) -> None:
    headings = _section_files(plan, compiler)
    seen: dict[str, int] = {}
    for section in lead.sections:
        nth = seen.get(section.heading, 0)
        seen[section.heading] = nth + 1
        before = exported.find(section.heading, nth)
        if before is None:
            for i, text in enumerate(section.paragraphs, 1):
                edits.unplaced.append((WordPlace(section.heading, paragraph=i), text))
            for table in section.tables:
                _unplace_table(table, section.heading, edits)
            continue
        _paragraphs(before, section, headings.get(section.heading), root, edits)
        for i, note in enumerate(section.notes):
            if note not in before.notes:
                edits.unplaced.append((WordPlace(section.heading, paragraph=i + 1), note))
        for i, table in enumerate(section.tables):
            old = before.tables[i] if i < len(before.tables) else None
            if old is not None and _is_activity_table(old, compiler):
                _activities(old, table, section.heading, plan, edits)
            elif old is None or old.rows != table.rows:
                _table_cells(old, table, section.heading, edits)


def _section_files(plan: PlanRecord, compiler: Compiler) -> dict[str, str]:
    """Each prose section's heading in the compiled document, and the file it is written in."""
    out = {}
    for name, versions in plan.prose.items():
        prose = versions.get(compiler.language) or versions.get("en") or next(iter(versions.values()))
        title, _ = split_title(prose.text)
        out[title or compiler.words(f"cms.section.{name}")] = prose.file
    return out


def _paragraphs(before: WordSection, after: WordSection, file: str | None, root: Path, edits: _Edits) -> None:
    if before.paragraphs == after.paragraphs:
        return
    matcher = difflib.SequenceMatcher(a=before.paragraphs, b=after.paragraphs, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if file is None:
            for j in range(j1, j2):
                edits.unplaced.append((WordPlace(after.heading, paragraph=j + 1), after.paragraphs[j]))
            continue
        text = edits.prose.get(file) or (root / file).read_text(encoding="utf-8")
        changed = _edit_markdown(text, before.paragraphs[i1:i2], after.paragraphs[j1:j2],
                                 before.paragraphs[i1 - 1] if i1 else None)
        if changed is None:
            for j in range(j1, j2):
                edits.unplaced.append((WordPlace(after.heading, paragraph=j + 1), after.paragraphs[j]))
            continue
        edits.prose[file] = changed
        edits.edits += 1


def _edit_markdown(text: str, old: list[str], new: list[str], after: str | None) -> str | None:
    """The Markdown with the paragraphs `old` (as the document shows them) replaced by `new`, or `new` put
    after the paragraph `after`; None when those paragraphs cannot be found in it as written, one after the
    other (blank lines between them)."""
    lines = text.split("\n")
    shown = [_shown(line) for line in lines]
    if old:
        places = [shown.index(p) if p in shown else -1 for p in old]
        if -1 in places or any(b <= a or any(shown[a + 1:b]) for a, b in zip(places, places[1:])):
            return None
        first, last = places[0], places[-1]
    else:
        if after is None or after not in shown:
            return None
        first = last = shown.index(after)
    marker = LIST_MARKER.match(lines[first])
    prefix = marker.group(0) if marker else ""
    written = [prefix + p for p in new]
    # Paragraphs are kept apart by a blank line; the items of a list follow each other.
    block = written if marker else [x for i, p in enumerate(written) for x in ([p] if i == 0 else ["", p])]
    if old:
        lines[first:last + 1] = block
        if not new:  # a paragraph taken out: its blank line goes with it
            del lines[first:first + 1 if first < len(lines) and not lines[first].strip() else first]
    elif block:
        lines[last + 1:last + 1] = block if marker else ["", *block]
    return "\n".join(lines)


def _shown(line: str) -> str:
    """A Markdown line as the compiled document shows its words."""
    line = LIST_MARKER.sub("", line.lstrip("#").strip() if line.startswith("#") else line)
    return " ".join(MARKDOWN_MARKUP.sub("", LINK.sub(r"\1", line)).split())


# --- the activity table ---------------------------------------------------------------------------------

def _is_activity_table(table: WordTable, compiler: Compiler) -> bool:
    return bool(table.rows) and table.cell_text(0, 0) == compiler.words("document.activity.title")


def _activities(before: WordTable, after: WordTable, heading: str, plan: PlanRecord, edits: _Edits) -> None:
    activities = edits.plan.setdefault("activities", [])
    old_rows, new_rows = before.rows[1:], after.rows[1:]
    titles = [before.cell_text(r, 0) for r in range(1, len(before.rows))]
    matched, removed = _matched_rows(titles, [after.cell_text(r, 0) for r in range(1, len(after.rows))])
    for r, row in enumerate(new_rows):
        place_row = r + 2
        was = matched.get(r)
        if was is not None and was < len(activities):
            for c, column in enumerate(ACTIVITY_COLUMNS):
                old_cell = old_rows[was][c] if c < len(old_rows[was]) else []
                new_cell = row[c] if c < len(row) else []
                if old_cell != new_cell:
                    _set(activities[was], column, new_cell)
                    edits.edits += 1
                    if column == "budget":
                        edits.doubts.append((C.ImportFigureAsWritten, WordPlace(heading, after.number, place_row, c + 1),
                                             f"activities[{was}].budget", {"figure": " ".join(new_cell)}))
            for c in range(len(ACTIVITY_COLUMNS), len(row)):
                if row[c] != (old_rows[was][c] if c < len(old_rows[was]) else []):
                    edits.unplaced.append((WordPlace(heading, after.number, place_row, c + 1), " ".join(row[c])))
        else:
            activity = _new_activity(row, {a.get("id") for a in activities})
            if activity is None:
                continue
            activities.append(activity)
            edits.edits += 1
            edits.doubts.append((C.ImportNewActivity, WordPlace(heading, after.number, place_row),
                                 f"activities[{len(activities) - 1}]", {"title": activity["title"]}))
    for r in removed:
        edits.doubts.append((C.ImportRowRemoved, WordPlace(heading, after.number), f"activities[{r}]",
                             {"title": titles[r]}))


def _matched_rows(before: list[str], after: list[str]) -> tuple[dict[int, int], list[int]]:
    """Which row of the exported table each row of the lead's table is (by the titles' order, so a row
    deleted, inserted or moved never hands its neighbours' cells to another activity), and the exported
    rows the lead's table no longer has. A row whose title changed in place is still its activity."""
    matched: dict[int, int] = {}
    removed: list[int] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            matched.update(zip(range(j1, j2), range(i1, i2)))
        else:
            removed += range(i1, i2)
    return matched, removed


def _set(activity: dict, column: str, lines: list[str]) -> None:
    """A field of an activity as the lead wrote it in its cell: each line an item of a list field."""
    items = [line for line in lines if line]
    if column in LISTED:
        value: Any = items
    else:
        value = " ".join(items)
    if value in ("", []):
        activity.pop(column, None)
    else:
        activity[column] = value


def _new_activity(row: list[list[str]], ids: set, as_printed: tuple[str, ...] = ()) -> dict | None:
    cells = {column: (row[c] if c < len(row) else []) for c, column in enumerate(ACTIVITY_COLUMNS)}
    # A figure the compiled document shows with the site's words after it ('Cluster funds (as printed in the
    # source)') is the figure without them.
    for note in as_printed:
        cells["budget"] = [line.removesuffix(f" ({note})") for line in cells["budget"]]
    title = " ".join(x for x in cells["title"] if x)
    if not title and not any(any(x for x in lines) for lines in cells.values()):
        return None  # a blank row, as Word leaves one
    base = slugify(title) or "activity"
    slug, n = base, 2
    while slug in ids:
        slug, n = f"{base}-{n}", n + 1
    activity: dict[str, Any] = {"id": slug}
    for column in ACTIVITY_COLUMNS:
        _set(activity, column, cells[column])
    origin = activity.get("new_or_existing_detail", "").lower()
    if origin.startswith("new"):
        activity["new_or_existing"] = "new"
    elif origin.startswith(("existing", "continu", "ongoing")):
        activity["new_or_existing"] = "existing"
    return _ordered(activity)


def _ordered(activity: dict) -> dict:
    """The keys in the order the plans write them."""
    order = ("id", "title", "new_or_existing", "new_or_existing_detail", "description", "expected_results",
             "ministerial_priorities", "sppc_priorities", "budget", "funding_sources", "status", "status_detail",
             "comments")
    return {key: activity[key] for key in order if key in activity}


# --- what has no place ----------------------------------------------------------------------------------

def _table_cells(before: WordTable | None, after: WordTable, heading: str, edits: _Edits) -> None:
    for r, row in enumerate(after.rows):
        for c, lines in enumerate(row):
            old = before.rows[r][c] if before is not None and r < len(before.rows) and c < len(before.rows[r]) \
                else None
            if old != lines and any(lines):
                edits.unplaced.append((WordPlace(heading, after.number, r + 1, c + 1), " ".join(x for x in lines if x)))


def _unplace_table(table: WordTable, heading: str, edits: _Edits) -> None:
    _table_cells(None, table, heading, edits)


def _keep_unplaced(edits: _Edits, plan: PlanRecord, root: Path) -> None:
    """Everything the import could not place, in the plan's appendix under a heading of its own, each piece
    with its place in the Word document, so that the lead sees it on the plan's page and moves it."""
    file = f"{plan.folder}/appendix.md"
    text = edits.prose.get(file) or ((root / file).read_text(encoding="utf-8") if (root / file).is_file() else "")
    lines = [f"## {UNPLACED_HEADING}", ""]
    for place, words in edits.unplaced:
        lines += [f"- {words} ({place})"]
        edits.doubts.append((C.ImportUnplaced, place, "appendix", {"kept_in": file}))
    edits.prose[file] = (text.rstrip("\n") + "\n\n" if text.strip() else "# Appendix\n\n") + "\n".join(lines) + "\n"


def _yaml_line(text: str, file: str, place: str) -> tuple[str, int]:
    """The line of the written plan.yaml where `place` (activities[3].budget) is, as near as it can be found."""
    lines = text.splitlines()
    finance = re.match(r"finance\.(?:lines\[(\d+)\]\.)?(\w+)", place)
    if finance:
        top = next((n for n, line in enumerate(lines) if line.startswith("finance:")), None)
        if top is None:
            return file, 0
        start = top
        if finance[1] is not None:
            items = [n for n in range(top + 1, len(lines)) if re.match(r"\s*- item:", lines[n])]
            start = items[int(finance[1])] if int(finance[1]) < len(items) else top
        return file, next((n + 1 for n in range(start, len(lines)) if re.match(rf"\s*{finance[2]}:", lines[n])),
                          top + 1)
    found = re.match(r"activities\[(\d+)\](?:\.(\w+))?", place)
    if not found:
        return file, 0
    starts = [n for n, line in enumerate(lines) if re.match(r"\s*- id:", line)]
    index = int(found[1])
    if index >= len(starts):
        return file, 0
    start = starts[index]
    end = starts[index + 1] if index + 1 < len(starts) else len(lines)
    if found[2]:
        for n in range(start, end):
            if re.match(rf"\s*{found[2]}:", lines[n]):
                return file, n + 1
    return file, start + 1


def compiler_for(plan: PlanRecord, docx: bytes, repository: Any, templates: Path) -> Compiler:
    """A compiler in the language the lead's copy was exported in (its headings are Welsh in a -cy file)."""
    language = "cy" if b'w:val="cy-GB"' in _styles(docx) else "en"
    return Compiler(repository, i18n.words(), language)


def _styles(docx: bytes) -> bytes:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            return archive.read("word/styles.xml")
    except (zipfile.BadZipFile, KeyError):
        return b""


# --- a plan that is not here yet ------------------------------------------------------------------------

# A heading's words that say which section it is, when it is not the section's own name (the boards' documents
# head their sections 'Key achievements/successes related to the 2021/22 Cluster Plan' and the like).
SECTION_WORDS = (("executive summary", "executive-summary"), ("crynodeb", "executive-summary"),
                 ("achievement", "achievements"), ("cyflawniad", "achievements"),
                 ("difficult", "difficulties"), ("anawster", "difficulties"),
                 ("challenge", "challenges"), ("heriau", "challenges"),
                 ("key cluster action", "key-actions"), ("camau gweithredu", "key-actions"),
                 ("forward look", "forward-look"), ("population need", "needs"), ("enabler", "enablers"),
                 ("developed this plan", "development"), ("governance", "governance"), ("risk", "risks"),
                 ("finance", "finance"), ("cyllid", "finance"), ("workforce", "workforce"), ("gweithlu", "workforce"))


@dataclass
class NewPlan:
    """A plan made from a Word document: its files (name -> text) and the import's doubts."""
    files: dict[str, str]
    imported: Imported


def new_plan(docx: bytes, board: str, cluster: str, name: str, year: str, words: dict[str, Words],
             schema_line: str) -> NewPlan:
    """The plan a filled-in template (or a plan exported from elsewhere) holds, as a draft for the folder
    clusters/board/cluster/year: its sections as Markdown files, its activity table as activities, its finance
    table as finance lines, figures as written; what has no place in the appendix."""
    reading = read_docx(docx)
    plan: dict[str, Any] = {"board": board, "cluster": cluster, "year": year, "status": "draft",
                            "title": f"{name} cluster plan {year}"}
    edits = _Edits(plan, {})
    prose: dict[str, list[str]] = {}
    for section in reading.sections[1:]:
        if section.level <= 1:
            continue
        target = _section_of(section.heading, words)
        for table in section.tables:
            header = table.cell_text(0, 0) if table.rows else ""
            if header in {w("document.activity.title") for w in words.values()}:
                _activity_rows(table, section.heading, edits, tuple(w("money.as_printed") for w in words.values()))
            elif header in {w("document.finance_item") for w in words.values()}:
                _finance_rows(table, section.heading, words, edits)
            else:
                _table_cells(None, table, section.heading, edits)
        if not section.paragraphs:
            continue
        if target is None:
            for i, text in enumerate(section.paragraphs, 1):
                edits.unplaced.append((WordPlace(section.heading, paragraph=i), text))
            continue
        lines = prose.setdefault(target, [f"# {section.heading}"])
        for text, listed in zip(section.paragraphs, section.listed):
            lines += ([] if listed and lines[-1].startswith("- ") else [""]) + [("- " if listed else "") + text]
    files = {f"{name_}.md": "\n".join(lines) + "\n" for name_, lines in prose.items()}
    if edits.unplaced:
        lines = ["# Appendix", "", f"## {UNPLACED_HEADING}", ""]
        for place, text in edits.unplaced:
            lines.append(f"- {text} ({place})")
            edits.doubts.append((C.ImportUnplaced, place, "appendix", {"kept_in": f"clusters/{board}/{cluster}/{year}/appendix.md"}))
        if "appendix.md" in files:
            lines = ["", *lines[2:]]
        files["appendix.md"] = files.get("appendix.md", "") + "\n".join(lines) + "\n"
    text = schema_line + "\n" + yaml.safe_dump(plan, sort_keys=False, allow_unicode=True, width=1_000_000)
    files["plan.yaml"] = text
    folder = f"clusters/{board}/{cluster}/{year}"
    imported = Imported(edits=edits.edits, problems=_problems(edits, text, f"{folder}/plan.yaml",
                                                                files.get("appendix.md", ""), f"{folder}/appendix.md"))
    return NewPlan(files, imported)


def _section_of(heading: str, words: dict[str, Words]) -> str | None:
    plain_heading = heading.lower()
    for name in SECTION_NAMES:
        if any(plain_heading == w(f"cms.section.{name}").lower() for w in words.values()):
            return name
    return next((name for key, name in SECTION_WORDS if key in plain_heading), None)


def _activity_rows(table: WordTable, heading: str, edits: _Edits, as_printed: tuple[str, ...]) -> None:
    activities = edits.plan.setdefault("activities", [])
    for r, row in enumerate(table.rows[1:], 2):
        activity = _new_activity(row, {a.get("id") for a in activities}, as_printed)
        if activity is None:
            continue
        activities.append(activity)
        edits.edits += 1
        edits.doubts.append((C.ImportNewActivity, WordPlace(heading, table.number, r),
                             f"activities[{len(activities) - 1}]", {"title": activity["title"]}))
        if "budget" in activity:
            edits.doubts.append((C.ImportFigureAsWritten, WordPlace(heading, table.number, r, 7),
                                 f"activities[{len(activities) - 1}].budget", {"figure": activity["budget"]}))


def _finance_rows(table: WordTable, heading: str, words: dict[str, Words], edits: _Edits) -> None:
    """The finance table's rows: the allocation, each line (item and cost as written) and the total."""
    labels = {w(f"finance.{key}"): key for w in words.values() for key in ("allocation", "carry_over")}
    totals = {w("document.finance_total").rstrip(":") for w in words.values()}
    finance: dict[str, Any] = {}
    for r in range(1, len(table.rows)):
        item, amount = table.cell_text(r, 0), table.cell_text(r, 1)
        if not item and not amount:
            continue
        place = WordPlace(heading, table.number, r + 1, 2)
        key = labels.get(item) or ("total" if item.rstrip(":") in totals else None)
        if key is not None:
            if amount:
                finance[key] = amount
                edits.doubts.append((C.ImportFigureAsWritten, place, f"finance.{key}", {"figure": amount}))
            continue
        line: dict[str, Any] = {"item": item or amount}
        lines = finance.setdefault("lines", [])
        if amount and item:
            line["amount"] = amount
            edits.doubts.append((C.ImportFigureAsWritten, place, f"finance.lines[{len(lines)}].amount",
                                 {"figure": amount}))
        lines.append(line)
        edits.edits += 1
    if finance:
        edits.plan["finance"] = {key: finance[key] for key in ("allocation", "carry_over", "lines", "total")
                                 if key in finance}
