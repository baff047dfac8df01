"""Scaffold: draft a cluster's plan for a new year from its latest plan, check it, and write it whole."""

from __future__ import annotations

import os
import re
import shutil
import string
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.problems import catalogue as C
from generator.core.languages import of_section_file
from generator.load.documents import load_yaml, read_text, relative
from generator.problems.report import Report
from generator.schema.plan import SECTIONS
from generator.schema.address import SiteAddressError, configured_site_url, modeline
from generator.core.prose import title_of
from generator.model.registry import ClusterRef
from generator.core.source_notes import drop_source_notes
from generator.checks.as_written import COPIED_NOTE
from generator.checks.validate import VOCABULARY_FILE, Validator, validate
from generator.schema.vocabulary import VocabularySet
from generator.authoring.yaml_edit import add_lines_after, dump, empty_list, load, plain, put_after, remove, replace, set_comment, take_lines_after
from generator.core.years import first_mentioned, following, is_year, preceding, shift_years, slashed, start_of, year_folders
from generator.core.files import write_atomic

# The schema line of a plan in a repository with no site address (see generator/schema/address.py).
SCHEMA_HEADER = modeline(None)
PACKAGE = Path(__file__).resolve().parent
TEMPLATE_FILE = PACKAGE / "plan-template.yaml"
PROMPTS_FILE = PACKAGE.parent / "schema" / "section-prompts.yaml"

# Canonical activity statuses (clusters/vocabularies.yaml) of an activity that has ended; every other
# status, and a status the vocabulary does not know, is carried into next year's plan.
FINISHED = {"completed", "stopped"}
# The prose files of a plan in the national template, for a cluster with no earlier plan.
BLANK_SECTIONS = ("executive-summary", "achievements", "difficulties", "challenges")


class ScaffoldError(Exception):
    """The new plan cannot be made; the message says why and what to do, and nothing was written."""

    def __init__(self, message: str, report: Report | None = None):
        super().__init__(message)
        self.report = report


# The blank template's end-of-line notes, which next year's plan repeats: the plan's status, and an
# activity's origin, budget and status (the activity example is a comment, hence the optional '#').
GUIDED_LINE = re.compile(r"^(?P<example>#)?\s*(?P<key>status|new_or_existing|budget):[^#\n]*#\s*(?P<note>.+?)\s*$",
                         re.MULTILINE)
@dataclass
class Draft:
    """Next year's plan, gathered in full before a single file is written."""
    ref: ClusterRef
    cluster_dir: Path
    year: str
    folder: Path
    files: dict[str, str]
    source_year: str | None = None
    carried: list[str] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    plan_data: CommentedMap | None = None  # the round-trip data of plan.yaml, when made from an earlier plan
    workforce_stashed: bool = False  # last year's workforce tables are in plan.yaml as comments


def plan_years(cluster_dir: Path) -> list[str]:
    """The years of the cluster's plans, oldest first."""
    return [year for year in year_folders(cluster_dir) if (cluster_dir / year / "plan.yaml").is_file()]


# --- Next year's plan.yaml --------------------------------------------------------------

@dataclass
class Carry:
    """What happened to last year's activities."""
    carried: list[str] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)
    moved: dict[int, int] = field(default_factory=dict)
    workforce_stashed: bool = False


def _since(activity: CommentedMap, source_year: str, origin: str | None,
           first_listed: dict[str, str]) -> tuple[str, str | None]:
    """The year an activity started, and a comment when it had to be inferred from the plans."""
    own = activity.get("since")
    if isinstance(own, str) and is_year(own):
        return own, None
    detail = activity.get("new_or_existing_detail")
    mentioned = first_mentioned(detail, source_year) if isinstance(detail, str) else None
    if mentioned is not None:
        return mentioned, None
    if origin == "new":
        return source_year, None
    first = first_listed.get(str(activity.get("id")), source_year)
    return first, f"first listed in the {first} plan; set the year it started if that was earlier"


def carry_activities(activities: CommentedSeq, source_year: str, year: str, vocab: VocabularySet | None,
                     first_listed: dict[str, str]) -> Carry:
    """Keep the activities still in progress, as existing ones with their ids, ready for the new year."""
    carry = Carry()
    finished = []
    for i, activity in enumerate(activities):
        status = activity.get("status")
        canonical = vocab.status.match(status).canonical if vocab and isinstance(status, str) else status
        if canonical in FINISHED:
            finished.append(i)
            carry.left_out.append((str(activity.get("title")), str(status)))
    for i in reversed(finished):
        remove(activities, i)
    kept = [i for i in range(len(activities) + len(finished)) if i not in finished]
    carry.moved = {old: new for new, old in enumerate(kept)}
    end_of_march = f"by the end of March {start_of(year) + 1}"
    for activity in activities:
        origin_written = activity.get("new_or_existing")
        origin = (vocab.origin.match(origin_written).canonical if vocab and isinstance(origin_written, str)
                  else origin_written)
        since, note = _since(activity, source_year, origin, first_listed)
        put_after(activity, ("title", "id"), "new_or_existing", plain("existing"))
        put_after(activity, ("new_or_existing",), "since", plain(since))
        if note:
            set_comment(activity, "since", note)
        if "new_or_existing_detail" in activity:
            remove(activity, "new_or_existing_detail")
        put_after(activity, ("description", "since"), "expected_results", empty_list())
        set_comment(activity, "expected_results", f"what it should achieve {end_of_march}")
        put_after(activity, ("alignment_detail", "board_priorities", "sppc_priorities", "ministerial_priorities",
                             "expected_results"), "budget", plain("TBC"))
        put_after(activity, ("funding_sources", "budget"), "status", plain("planned"))
        if "status_detail" in activity:
            remove(activity, "status_detail")
        carry.carried.append(str(activity.get("title")))
    return carry


def reset_finance(finance: CommentedMap, source_year: str, year: str) -> None:
    """Figures for the new year are to be confirmed; last year's notes on them no longer apply."""
    if isinstance(finance.get("caption"), str):
        finance["caption"] = shift_years(finance["caption"], source_year, year)
    for key in ("allocation", "carry_over", "total", "balance"):
        if key in finance:
            replace(finance, key, plain("TBC"))
    for line in finance.get("lines") or []:
        put_after(line, ("item",), "amount", plain("TBC"))
        if "full_year_effect" in line:
            replace(line, "full_year_effect", plain("TBC"))
        if "note" in line:  # a note on last year's figure
            remove(line, "note")
    if "notes" in finance:
        remove(finance, "notes")


def leave_known_issues(plan: CommentedMap, vocab: VocabularySet | None, source_year: str) -> None:
    """Last year's known issues are notes on last year's source document: they stay with last year's plan. A
    carried activity's term that only validated because one of them recorded it as printed (a funding source
    'In progress' from a shifted column) is reset to what the blank template asks for, with the term it had."""
    if "known_issues" in plan:
        remove(plan, "known_issues")
    if vocab is None:
        return
    lookups = {"funding_sources": vocab.funding, "ministerial_priorities": vocab.ministerial,
               "sppc_priorities": vocab.sppc}
    for activity in plan.get("activities") or []:
        for name, lookup in lookups.items():
            terms = activity.get(name)
            if not isinstance(terms, CommentedSeq):
                continue
            unknown = [t for t in terms if not isinstance(t, str) or lookup.match(t).canonical is None]
            if not unknown:
                continue
            kept = [t for t in terms if t not in unknown]
            if name == "funding_sources" and not kept:
                kept = ["To be confirmed"]
            terms.clear()
            terms.extend(kept)
            had = ", ".join(f"'{t}'" for t in unknown)
            set_comment(activity, name, f"the {source_year} plan had {had} here, as its source printed it;"
                                        f" write the {lookup.label} it is")


def mark_copied(plan: CommentedMap, source_year: str, year: str) -> None:
    """A note beside the text copied from last year (each key action theme, each carried activity's description)
    that asks for it to be read again; validate warns while a published plan still has it."""
    note = COPIED_NOTE.format(year=source_year, next=year)
    for theme in plan.get("key_actions") or []:
        if isinstance(theme, CommentedMap) and isinstance(theme.get("theme"), str):
            set_comment(theme, "theme", note)
    for activity in plan.get("activities") or []:
        if not isinstance(activity, CommentedMap):
            continue
        # Beside a one-line description; beside the title when the description runs over several lines.
        one_line = isinstance(activity.get("description"), str) and "\n" not in activity["description"] \
            and type(activity["description"]).__name__ not in ("LiteralScalarString", "FoldedScalarString")
        if one_line:
            set_comment(activity, "description", note)
        elif isinstance(activity.get("description"), str) and isinstance(activity.get("title"), str):
            set_comment(activity, "title", note)


def stash_workforce_tables(plan: CommentedMap, source_year: str, year: str) -> bool:
    """Last year's workforce tables become comments, so that their figures are not published as this year's
    but are there to update; the workforce notes, about those figures, go. True when there were tables."""
    workforce = plan.get("workforce")
    if not isinstance(workforce, CommentedMap) or not workforce.get("tables"):
        return False
    trailing = take_lines_after(plan, "workforce")
    kept = [key for key in workforce if key not in ("tables", "notes")]
    tables = CommentedMap([("tables", workforce["tables"])])
    shown, indent = (tables, "  ") if kept else (CommentedMap([("workforce", tables)]), "")
    intro = [f"Last year's workforce figures (from the {source_year} plan), kept as comments so that they are",
             f"not published as this year's. Update them for {year}, then remove the '# ' at the start of",
             "their lines, keeping the indentation; or delete them."]
    block = "".join(f"{indent}# {line}\n" for line in intro)
    block += "".join(f"{indent}# {line}\n" if line.strip() else f"{indent}#\n"
                     for line in dump(shown).rstrip("\n").split("\n"))
    # A blank line after the comments keeps them apart from the next value, which they do not introduce
    # (and a blank line after a last row that is a flow list is held by the rows, which have gone).
    trailing = trailing or "\n"
    if kept:
        for key in ("tables", "notes"):
            if key in workforce:
                del workforce[key]
        add_lines_after(workforce, kept[-1], block + trailing)
    else:
        add_lines_after(plan, "workforce", trailing)
        remove(plan, "workforce", leave=block)
    return True


def template_guidance(template_text: str) -> dict[str, str]:
    """The blank template's notes on the values a lead must change, keyed 'status' (the plan's) and
    'activity.status', 'activity.budget', 'activity.new_or_existing'."""
    return {("activity." if m["example"] else "") + m["key"]: m["note"] for m in GUIDED_LINE.finditer(template_text)
            if m["example"] or m["key"] == "status"}


def status_choices(vocab: VocabularySet | None) -> str:
    """The activity statuses a plan may use, as a sentence: 'planned, started, ... or stopped'."""
    terms = vocab.status.terms if vocab else []
    return " or ".join(filter(None, [", ".join(terms[:-1]), *terms[-1:]]))


def blank_template(ref: ClusterRef, year: str, vocab: VocabularySet | None, schema_line: str = SCHEMA_HEADER) -> str:
    """The blank plan for the cluster and year, with its guidance for the lead."""
    start = start_of(year)
    values = {"board": ref.board, "cluster": ref.cluster, "year": year, "name": ref.name, "start": start,
              "end": start + 1, "year_slash": slashed(year), "statuses": status_choices(vocab),
              "schema_line": schema_line}
    return string.Template(TEMPLATE_FILE.read_text(encoding="utf-8")).substitute(values)


def add_guidance(plan: CommentedMap, guidance: dict[str, str]) -> None:
    """The blank template's notes beside the values of next year's plan that the lead must change."""
    set_comment(plan, "status", guidance["status"])
    for activity in plan.get("activities") or []:
        for key in ("new_or_existing", "budget", "status"):
            if key in activity and f"activity.{key}" in guidance:
                set_comment(activity, key, guidance[f"activity.{key}"])


def next_plan_text(text: str, ref: ClusterRef, source_year: str, year: str, vocab: VocabularySet | None,
                   first_listed: dict[str, str], schema_line: str = SCHEMA_HEADER) -> tuple[str, CommentedMap, Carry]:
    """Last year's plan.yaml turned into next year's, as text and as the round-trip data."""
    plan = load(_header(text, ref.name, source_year, year, schema_line))
    opening = plan.ca.comment  # the new plan's own header, which says nothing of a source
    plan.ca.comment = None
    drop_source_notes(plan)
    plan.ca.comment = opening
    plan["year"] = plain(year)
    put_after(plan, ("year",), "status", plain("draft"))
    for key in ("title", "title_cy"):
        if isinstance(plan.get(key), str):
            plan[key] = shift_years(plan[key], source_year, year)
    # The new plan is written here, not taken from a published document.
    if "source" in plan:
        remove(plan, "source")
    carry = Carry()
    if isinstance(plan.get("activities"), CommentedSeq):
        carry = carry_activities(plan["activities"], source_year, year, vocab, first_listed)
    if isinstance(plan.get("finance"), CommentedMap):
        reset_finance(plan["finance"], source_year, year)
    carry.workforce_stashed = stash_workforce_tables(plan, source_year, year)
    leave_known_issues(plan, vocab, source_year)
    add_guidance(plan, template_guidance(blank_template(ref, year, vocab)))
    # After the guidance, so that the guidance's notes keep their column beside the short values.
    mark_copied(plan, source_year, year)
    return dump(plan), plan, carry


def _header(text: str, name: str, source_year: str, year: str, schema_line: str = SCHEMA_HEADER) -> str:
    """The plan's opening comments for the new year, starting with the schema line editors read.

    Last year's opening comments describe where that plan came from, so they are not carried over.
    """
    lines = text.split("\n")
    n = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    start = start_of(year)
    head = [schema_line,
            f"# {name} cluster plan for April {start} to March {start + 1}, started from the {source_year} plan",
            "# with `cluster-plans new`. Prose sections are the .md files beside this file."]
    return "\n".join([*head, *lines[n:]])


# --- Prose --------------------------------------------------------------------------------


def _prompts() -> dict:
    return yaml.safe_load(PROMPTS_FILE.read_text(encoding="utf-8"))


def prose_prompt(name: str, heading: str, year: str, source_year: str | None, prompts: dict) -> str:
    """A section file that keeps its heading and asks, in a blockquote, for this year's text."""
    stem, language = of_section_file(name)
    values = {"year": year, "previous": preceding(year),
              "last_file": f"../{source_year}/{name}" if source_year else ""}
    table = prompts[language]
    notes = [table.get(stem, table["prompt"]), table["replace"]]
    if source_year:
        notes.append(table["last_year"])
    notes = [f"*{note.format(**values)}*" for note in notes]
    return f"{heading}\n\n" + "\n>\n".join(f"> {note}" for note in notes) + "\n"


def _heading(text: str, stem: str) -> str:
    """The section's own heading line, or the heading the national template gives the section."""
    title = title_of(text)
    return f"# {title}" if title else f"# {SECTIONS.get(stem, stem.replace('-', ' ').capitalize())}"


# --- Gathering the draft ------------------------------------------------------------------


def _first_listed(folder: Path, years: list[str], root: Path) -> dict[str, str]:
    """For each activity id, the earliest plan of the cluster that lists it."""
    first: dict[str, str] = {}
    for year in years:
        doc, _ = load_yaml(folder / year / "plan.yaml", relative(folder / year / "plan.yaml", root), root)
        activities = doc.data.get("activities") if doc is not None and isinstance(doc.data, dict) else None
        for activity in activities if isinstance(activities, list) else []:
            if isinstance(activity, dict) and isinstance(activity.get("id"), str):
                first.setdefault(activity["id"], year)
    return first


def draft_plan(root: Path, ref: ClusterRef, year: str | None) -> Draft:
    """Next year's plan for the cluster, checked, but not yet written."""
    root = root.resolve()
    cluster_dir = root / "clusters" / ref.board / ref.cluster
    years = plan_years(cluster_dir)
    if year is None:
        if not years:
            raise ScaffoldError(f"{ref.name} has no plan yet, so the year cannot be worked out: "
                                f"give it, e.g. cluster-plans new {ref.board}/{ref.cluster} 2024-25")
        year = following(years[-1])
    if not is_year(year):
        raise ScaffoldError(f"'{year}' is not a financial year written YYYY-YY, e.g. 2024-25")
    folder = cluster_dir / year
    rel = relative(folder, root)
    if (folder / "plan.yaml").exists():
        raise ScaffoldError(f"{rel}/plan.yaml already exists; a plan is never overwritten. "
                            f"Edit it, or give another year.")
    earlier = [y for y in years if y < year]
    try:
        # With a site address, the plan names the schema the site publishes; else the repository's own copy.
        schema_line = modeline(configured_site_url(root))
    except SiteAddressError as failure:
        raise ScaffoldError(str(failure)) from None
    draft = Draft(ref, cluster_dir, year, folder, {})
    if earlier:
        _from_previous(root, draft, earlier, schema_line)
    else:
        _blank(root, draft, schema_line)
    if folder.is_dir():
        draft.kept = sorted(name for name in draft.files if (folder / name).exists())
        for name in draft.kept:
            del draft.files[name]
    draft.report = check_draft(root, draft)
    return draft


def _from_previous(root: Path, draft: Draft, earlier: list[str], schema_line: str = SCHEMA_HEADER) -> None:
    source_year = earlier[-1]
    source = draft.cluster_dir / source_year
    validation = validate(root, [source])
    own = (f"{relative(source, root)}/", relative(draft.cluster_dir / "cluster.yaml", root),
           relative(draft.cluster_dir.parent / "board.yaml", root), VOCABULARY_FILE)
    errors = [p for p in validation.report.errors if p.file.startswith(own)]
    if errors:
        raise ScaffoldError(f"the {source_year} plan has errors, and next year's plan would copy them. "
                            f"Fix them first (cluster-plans validate {relative(source, root)}).",
                            Report(errors, plans_checked=1))
    text, unreadable = read_text(source / "plan.yaml", relative(source / "plan.yaml", root), root)
    if text is None:
        raise ScaffoldError(f"the {source_year} plan cannot be read, so next year's plan cannot start from it.",
                            Report(unreadable, plans_checked=1))
    first_listed = _first_listed(draft.cluster_dir, earlier, root)
    plan_text, plan, carry = next_plan_text(text, draft.ref, source_year, draft.year, validation.repository.vocab,
                                            first_listed, schema_line)
    draft.source_year = source_year
    draft.carried, draft.left_out = carry.carried, carry.left_out
    draft.workforce_stashed = carry.workforce_stashed
    prompts = _prompts()
    for md in sorted(source.glob("*.md")):
        body, _ = read_text(md, relative(md, root), root)
        stem, _ = of_section_file(md.name)
        heading = shift_years(_heading(body or "", stem), source_year, draft.year)
        draft.files[md.name] = prose_prompt(md.name, heading, draft.year, source_year, prompts)
    draft.files["plan.yaml"] = plan_text
    draft.plan_data = plan


def _blank(root: Path, draft: Draft, schema_line: str = SCHEMA_HEADER) -> None:
    prompts = _prompts()
    for stem in BLANK_SECTIONS:
        draft.files[f"{stem}.md"] = prose_prompt(f"{stem}.md", f"# {SECTIONS[stem]}", draft.year, None, prompts)
    vocab = Validator(root, plans=False).run().repository.vocab
    draft.files["plan.yaml"] = blank_template(draft.ref, draft.year, vocab, schema_line)


def check_draft(root: Path, draft: Draft) -> Report:
    """Validate the draft exactly as `validate` will once it is written, in a scratch copy of its cluster.

    Known issues carried over that no longer match a problem (the figures are now to be confirmed), or that
    name a place the new plan no longer has, are dropped, so that the new plan starts clean.
    """
    with tempfile.TemporaryDirectory(prefix="cluster-plans-new-") as scratch:
        base = Path(scratch)
        for rel in (VOCABULARY_FILE, f"clusters/{draft.ref.board}/board.yaml",
                    f"clusters/{draft.ref.board}/{draft.ref.cluster}/cluster.yaml"):
            (base / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / rel, base / rel)
        target = base / "clusters" / draft.ref.board / draft.ref.cluster / draft.year
        target.mkdir(parents=True)
        for name in draft.kept:
            shutil.copyfile(draft.folder / name, target / name)
        for _ in range(2):
            for name, text in draft.files.items():
                (target / name).write_text(text, encoding="utf-8")
            report = validate(base, [target]).report
            stale = sorted({int(m[1]) for p in report.problems
                            if p.kind in (C.KnownIssueUnmatched, C.KnownIssueBadField, C.KnownIssueGone)
                            for m in [re.match(r"^known_issues\[(\d+)\]", p.field)] if m}, reverse=True)
            plan = draft.plan_data
            if not stale or plan is None:
                break
            for i in stale:
                remove(plan["known_issues"], i)
            if not plan["known_issues"]:
                remove(plan, "known_issues")
            draft.files["plan.yaml"] = dump(plan)
    if not report.valid:
        raise ScaffoldError("the new plan would not be valid; nothing was written.", Report(report.errors, 0, 1))
    return report


# --- Writing ------------------------------------------------------------------------------


def write_draft(draft: Draft) -> list[Path]:
    """Write the draft's files; a new year folder appears whole or not at all, and no file is overwritten."""
    written = [draft.folder / name for name in sorted(draft.files)]
    if not draft.folder.exists():
        scratch = Path(tempfile.mkdtemp(prefix=f".{draft.year}.", dir=draft.folder.parent))
        try:
            for name, text in draft.files.items():
                (scratch / name).write_text(text, encoding="utf-8")
            os.rename(scratch, draft.folder)
        except OSError as exc:
            shutil.rmtree(scratch, ignore_errors=True)
            raise ScaffoldError(f"{draft.folder} could not be written: {exc.strerror}") from None
        return written
    # The year folder exists without a plan: add the missing files, plan.yaml last.
    for name in sorted(draft.files, key=lambda n: n == "plan.yaml"):
        target = draft.folder / name
        try:
            write_atomic(target, draft.files[name], replace=False)
        except FileExistsError:
            raise ScaffoldError(f"{target} appeared while the plan was being written; it was left as it is.") from None
    return written
