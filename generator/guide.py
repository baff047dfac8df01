"""Guide: the leads' reference of problem codes, generated from the problem catalogue so that it never drifts."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from . import catalogue  # noqa: F401  (importing it fills the catalogue)
from .problems import CATALOGUE, ERROR, ProblemType

PROBLEMS_PAGE = "content/guide/problems.md"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _text(value: str) -> str:
    """Catalogue text as Markdown that shows exactly that text: no emphasis, links or tags by accident."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("<", "&lt;").replace(">", "&gt;")


def _code(value: str) -> str:
    fence = "``" if "`" in value else "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _severity(kind: type[ProblemType]) -> str:
    return "error" if kind.severity == ERROR else "warning"


def _entry(kind: type[ProblemType]) -> list[str]:
    known = " · can be recorded as a known issue of the source document" if kind.acknowledgeable else ""
    lines = [f"## {kind.code}", "", f"**{_text(kind.title)}** · {_severity(kind)}{known}", ""]
    if kind.description:
        lines += [_text(kind.description), ""]
    lines += [f"What it says: {_code(kind.message)}", ""]
    if kind.hint:
        lines += [f"How to fix it: {_text(kind.hint)}", ""]
    return lines


def problem_reference_markdown() -> str:
    """The Markdown of content/guide/problems.md: every problem code, what it means and how to fix it."""
    kinds = list(CATALOGUE.values())
    lines = [
        "# Problem codes",
        "",
        "*This page is generated from the problem catalogue in `generator/catalogue.py`. Do not edit it by "
        "hand: change the catalogue, then run `python -m generator.guide`.*",
        "",
        "`cluster-plans validate` reports every problem it finds as one line: the file, the line and column, "
        "whether it is an error or a warning, a code and a message; under it, a hint says how to fix it. "
        "For example:",
        "",
        "```text",
        "clusters/betsi-cadwaladr/north-east-flintshire/2024-25/plan.yaml:69:13: error money-unparseable: "
        "'£18,,500' is not an amount of money",
        "    hint: Write the amount in pounds as a number, e.g. 77019.42 or '£77,019.42', or TBC if it is not "
        "known yet. [...]",
        "```",
        "",
        "**Errors** must be fixed: the check on your pull request fails, and the site is not rebuilt, until "
        "they are. **Warnings** point at something worth a look, such as a budget still to be confirmed; the "
        "plan is published with them.",
        "",
        "In the messages and hints below, a word in braces such as `{written}` stands for what the check "
        "found in your plan, and `{field}` for the place in the file, written as in "
        "`activities[2].budget` (the third activity's budget: counting starts at 0).",
        "",
        f"There are {len(kinds)} codes: {sum(k.severity == ERROR for k in kinds)} errors and "
        f"{sum(k.severity != ERROR for k in kinds)} warnings.",
        "",
        "| Code | Severity | Problem |",
        "|---|---|---|",
        *(f"| [{kind.code}](#{kind.code}) | {_severity(kind)} | {_text(kind.title)} |" for kind in kinds),
        "",
    ]
    for kind in kinds:
        lines += _entry(kind)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the problem reference page: python -m generator.guide [REPOSITORY_ROOT]."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    target = root / PROBLEMS_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(problem_reference_markdown(), encoding="utf-8")
    print(f"Wrote {PROBLEMS_PAGE} ({len(CATALOGUE)} problem codes).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
