"""`cluster-plans diff`: what changed in a cluster's plan between two years, or in every plan between two revisions."""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import fields
from decimal import Decimal
from pathlib import Path

import click
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.core import i18n
from generator.defaults import templates_with
from generator.model.diff import PlanDiff, Summary, compare
from generator.model.diff import as_json as diff_json
from generator.core.money import Money
from generator.problems.report import Report
from generator.model.registry import UnknownCluster
from generator.authoring.revisions import GitError, PlanKey, Side, compare_revisions, load_working_tree
from generator.checks.validate import find_cluster
from generator.schema.vocabulary import VocabularySet
from generator.core.years import year_folders

# The tool's own templates, for a repository of plans that does not carry a templates/ folder.
TEMPLATES = {"text": "diff/text.j2", "markdown": "diff/comment.md.j2"}
COLOURS = {"added": "green", "removed": "red", "changed": "yellow", "heading": "cyan"}


def run(target: str | None, from_year: str | None, to_year: str | None, base: str | None, head: str | None,
        fmt: str, language: str, root: Path) -> int:
    if head is not None and base is None:
        raise click.UsageError("--head needs --base: give the revision to compare it with")
    if base is not None and (from_year or to_year):
        raise click.UsageError("--from/--to compare two years of a cluster and --base/--head compare two "
                               "revisions; use one pair or the other")
    if base is None and target is None:
        raise click.UsageError("give a cluster as BOARD/CLUSTER (e.g. betsi-cadwaladr/north-east-flintshire), "
                               "or --base REV to compare the plans changed since a git revision")
    presenter = Presenter(templates_dir(root), language, colour=fmt == "text" and sys.stdout.isatty())
    ref = None
    if target is not None:
        try:
            ref = find_cluster(root, target)
        except UnknownCluster as failure:
            click.echo(f"Error: {failure}", err=True)
            return 1
    if base is not None:
        head_label = head or presenter.t("diff.working_tree")
        try:
            comparison = compare_revisions(root, base, head, head_label, (ref.board, ref.cluster) if ref else None)
        except GitError as exc:
            raise click.UsageError(str(exc)) from None
        if comparison.invalid:
            return report_invalid(comparison.invalid)
        diffs, mode, labels = comparison.diffs, "revisions", (comparison.base_label, comparison.head_label)
    elif ref is not None:
        board, cluster = ref.board, ref.cluster
        before_year, after_year = pick_years(root, board, cluster, from_year, to_year)
        keys: set[PlanKey] = {(board, cluster, before_year), (board, cluster, after_year)}
        side = load_working_tree(root, keys, presenter.t("diff.working_tree"))
        if side.errors:
            return report_invalid([side])
        diffs = [compare(side.plans[(board, cluster, before_year)], side.plans[(board, cluster, after_year)])]
        mode, labels = "years", (before_year, after_year)
    click.echo(presenter.show(fmt, diffs, mode, *labels), nl=False)
    return 0


def templates_dir(root: Path) -> Path:
    return templates_with(root, "diff")


def pick_years(root: Path, board: str, cluster: str, from_year: str | None, to_year: str | None) -> tuple[str, str]:
    """The two years to compare: as asked, else the year before `to`, else the two latest."""
    years = year_folders(root / "clusters" / board / cluster)
    for year in (from_year, to_year):
        if year is not None and year not in years:
            raise click.UsageError(f"{board}/{cluster} has no plan for {year}; its plans are for "
                                   f"{', '.join(years) or 'no year yet'}")
    if len(years) < 2 and not (from_year and to_year):
        raise click.UsageError(f"{board}/{cluster} has {'only one plan' if years else 'no plans'}"
                               f"{' (' + years[0] + ')' if years else ''}: there is nothing to compare yet")
    after = to_year or years[-1]
    if from_year is not None:
        before = from_year
    else:
        earlier = [y for y in years if y < after]
        if not earlier:
            raise click.UsageError(f"{board}/{cluster} has no plan before {after} to compare it with")
        before = earlier[-1]
    if before == after:
        raise click.UsageError(f"--from and --to are both {before}: give two different years")
    return before, after


def report_invalid(sides: list[Side]) -> int:
    """The validator's messages for the plans that could not be compared; exit status 1."""
    colour = sys.stderr.isatty()
    for side in sides:
        report = Report(side.errors)
        heading = f"The plans at {side.label} have errors, so they cannot be compared:"
        click.echo(click.style(heading, bold=True) if colour else heading, err=True)
        click.echo(report.as_text(colour=colour), err=True)
    return 1


class Presenter:
    """Shows PlanDiffs as text for a terminal, Markdown for a pull-request comment, or JSON for tools."""

    def __init__(self, templates: Path, language: str, colour: bool):
        self.language = language
        self.colour = colour
        self.translations = i18n.words()
        self.vocab: VocabularySet | None = None
        # Neither output is HTML: the Markdown template escapes every value from a plan with `md` itself.
        self.env = Environment(loader=FileSystemLoader(str(templates)), undefined=StrictUndefined,
                               autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        self.env.globals.update(t=self.t, money=self.money, pounds=self.pounds, term=self.term,
                                cluster_name=self.cluster_name)
        self.env.filters["style"] = self.style
        self.env.filters["clip"] = clip
        self.env.filters["md"] = markdown_inline

    def t(self, key: str, **values) -> str:
        return self.translations.text(key, self.language, **values)

    def pounds(self, value: Decimal | None) -> str:
        return i18n.pounds(value, self.language)

    def money(self, m: Money | None) -> str:
        return i18n.money_as_text(m, self.t, quote="'")

    def term(self, vocabulary: str, term: str | None) -> str:
        return self.vocab.label(vocabulary, term, self.language) if self.vocab else (term or "")

    def cluster_name(self, diff: PlanDiff) -> str:
        return i18n.name_in(diff.plan.cluster, self.language)

    def style(self, text: str, role: str) -> str:
        if not self.colour:
            return text
        return click.style(text, fg=COLOURS.get(role), bold=role in ("heading", "bold"))

    def show(self, fmt: str, diffs: list[PlanDiff], mode: str, before_label: str, after_label: str) -> str:
        for d in diffs:
            self.vocab = self.vocab or d.plan.vocab
        if fmt == "json":
            return as_json(diffs, mode, before_label, after_label) + "\n"
        return self.env.get_template(TEMPLATES[fmt]).render(
            diffs=diffs, mode=mode, before_label=before_label, after_label=after_label, totals=totals(diffs))


_INLINE_MARKUP = re.compile(r"([\\`*_\[\]|~])")
# What makes a heading, quote or list of a text that starts a line: '#', '>', '+', '-', or '1.' / '1)'.
_LINE_START_MARKUP = re.compile(r"^(\s*(?:\d+)?)((?<=\d)[.)]|(?<!\d)[#>+-])")


def markdown_inline(text: object) -> str:
    """A plan's text made literal in a Markdown comment: no HTML, emphasis, links or table breaks of its own."""
    escaped = _INLINE_MARKUP.sub(r"\\\1", html.escape(str(text), quote=False))
    return _LINE_START_MARKUP.sub(r"\1\\\2", escaped).replace("\n", " ")


def clip(text: str, words: int) -> str:
    """A long item cut to its first words, so one line of output stays one line."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def totals(diffs: list[PlanDiff]) -> dict[str, int]:
    """The summary counts added up over every plan compared."""
    return {f.name: sum(getattr(d.summary, f.name) for d in diffs) for f in fields(Summary)}


def as_json(diffs: list[PlanDiff], mode: str, before_label: str, after_label: str) -> str:
    return json.dumps({"comparison": mode, "before": before_label, "after": after_label,
                       "plans_compared": len(diffs), "summary": totals(diffs),
                       "plans": [diff_json(d) for d in diffs]},
                      indent=2, ensure_ascii=False, sort_keys=True)
