"""The leads' guide to every problem code, made from the problem catalogue and its words in each language,
each time the site is built (sitemap.pages.PROBLEM_CODES), so that it never drifts from what validate says."""

from __future__ import annotations

import re

from generator.core.i18n import words
from generator.problems import catalogue as C
from generator.problems.report import CATALOGUE, ERROR, Problem, ProblemType, shown_template, text_of

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _text(value: str) -> str:
    """Catalogue text as Markdown that shows exactly that text: no emphasis, links or tags by accident."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("<", "&lt;").replace(">", "&gt;")


def _code(value: str) -> str:
    fence = "``" if "`" in value else "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _said(key: str, language: str, **values: object) -> str:
    return words().text(f"guide.problems.{key}", language, **values)


def _severity(kind: type[ProblemType], language: str) -> str:
    if kind.draft_warning:
        return _said("severity.by_status", language)
    return _said("severity.error" if kind.severity == ERROR else "severity.warning", language)


def _entry(kind: type[ProblemType], language: str) -> list[str]:
    known = f" · {_said('acknowledgeable', language)}" if kind.acknowledgeable else ""
    title = text_of(kind, "title", language)
    lines = [f"## {kind.code}", "", f"**{_text(title)}** · {_severity(kind, language)}{known}", ""]
    description = text_of(kind, "description", language)
    if description:
        lines += [_text(description), ""]
    lines += [f"{_said('says', language)}: {_code(shown_template(text_of(kind, 'message', language)))}", ""]
    hint = text_of(kind, "hint", language)
    if hint:
        lines += [f"{_said('fix', language)}: {_text(shown_template(hint))}", ""]
    return lines


def _example(language: str) -> list[str]:
    """A problem as validate prints it, made by the catalogue itself so that the example cannot drift."""
    # The line as a lead wrote it: the field name and its value without the colon between them.
    written = "budget TBC"
    name, value = written.split(" ", 1)
    problem = Problem.of(C.YamlMissingColon, "clusters/betsi-cadwaladr/north-east-flintshire/2024-25/plan.yaml",
                         69, 11, excerpt=f"    {written}", name=name, fixed=f"{name}: {value}")
    return ["```text", problem.as_text(language=language), "```"]


def problem_reference_markdown(language: str = "en") -> str:
    """The Markdown of the problem reference page: every problem code, what it means and how to fix it."""
    kinds = list(CATALOGUE.values())
    errors, warnings = sum(k.severity == ERROR for k in kinds), sum(k.severity != ERROR for k in kinds)
    lines = [
        f"# {_said('heading', language)}", "",
        words().template("guide.problems.how_read", language), "",
        *_example(language), "",
        words().template("guide.problems.errors_and_warnings", language), "",
        words().template("guide.problems.placeholders", language), "",
        _said("count", language, codes=len(kinds), errors=errors, warnings=warnings,
              by_status=sum(k.draft_warning for k in kinds)), "",
        f"| {_said('column.code', language)} | {_said('column.severity', language)} | "
        f"{_said('column.problem', language)} |",
        "|---|---|---|",
        *(f"| [{kind.code}](#{kind.code}) | {_severity(kind, language)} | {_text(text_of(kind, 'title', language))} |"
          for kind in kinds),
        "",
    ]
    for kind in kinds:
        lines += _entry(kind, language)
    return "\n".join(lines).rstrip("\n") + "\n"
