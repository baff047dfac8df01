"""Guide: the leads' reference of problem codes, generated from the problem catalogue so that it never drifts."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from generator.problems import catalogue  # noqa: F401  (importing it fills the catalogue)
from generator.problems.report import CATALOGUE, ERROR, ProblemType, shown_template, text_of

PROBLEMS_PAGE = "content/guide/problems.md"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _text(value: str) -> str:
    """Catalogue text as Markdown that shows exactly that text: no emphasis, links or tags by accident."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("<", "&lt;").replace(">", "&gt;")


def _code(value: str) -> str:
    fence = "``" if "`" in value else "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


WORDS = {
    "en": {"error": "error", "warning": "warning", "by_status": "error when published, warning in a draft", "known": " · can be recorded as a known issue of the source document",
           "says": "What it says", "fix": "How to fix it", "heading": "# Problem codes",
           "table": "| Code | Severity | Problem |"},
    "cy": {"error": "gwall", "warning": "rhybudd", "by_status": "gwall pan gyhoeddir, rhybudd mewn drafft",
           "known": " · gellir ei gofnodi fel gwall hysbys yn y ddogfen ffynhonnell",
           "says": "Beth mae'n ei ddweud", "fix": "Sut i'w drwsio", "heading": "# Codau problemau",
           "table": "| Cod | Difrifoldeb | Problem |"},
}

INTRO = {
    "en": [
        "*This page is generated from the problem catalogue in `generator/problems/catalogue.py`. Do not edit it by "
        "hand: change the catalogue, then run `python -m generator.problems.guide`.*",
        "",
        "`cluster-plans validate` reports every problem it finds as one line: the file, the line and column, "
        "whether it is an error or a warning, a code and a message. Under it, a mistake in the writing of the "
        "file shows the line as you wrote it, with a `^` under the place, and a hint says how to fix it. "
        "For example:",
        "",
        "```text",
        "clusters/betsi-cadwaladr/north-east-flintshire/2024-25/plan.yaml:69:11: error yaml-missing-colon: "
        "there is no colon after the field name 'budget'",
        "    69 |     budget TBC",
        "       |           ^",
        "    hint: Put a colon and a space after the field name: budget: TBC",
        "```",
        "",
        "**Errors** must be fixed: the check on your pull request fails, and the site is not rebuilt, until "
        "they are. **Warnings** point at something worth a look, such as a budget still to be confirmed; the "
        "plan is published with them. `cluster-plans validate --language cy` gives the messages in Welsh.",
        "",
        "In the messages and hints below, a word in braces such as `{written}` stands for what the check "
        "found in your plan, and `{place}` for where, as in *activity 2, 'Phlebotomy'*. `{field}` is the "
        "place as `known_issues` names it, each item by its own key, as in `activities[phlebotomy].budget` "
        "(the activity whose id is phlebotomy): write it that way under `known_issues`, so that the note stays "
        "on its activity when others are added, deleted or reordered.",
    ],
    "cy": [
        "*Mae'r dudalen hon yn cael ei chreu o gatalog y problemau yn `generator/problems/catalogue.py`. Peidiwch â'i "
        "golygu â llaw: newidiwch y catalog, yna rhedwch `python -m generator.problems.guide`.*",
        "",
        "Mae `cluster-plans validate` yn adrodd pob problem y mae'n ei chanfod ar un llinell: y ffeil, y "
        "llinell a'r golofn, ai gwall neu rybudd ydyw, cod a neges. Oddi tani, pan fo camgymeriad yn y ffordd "
        "y mae'r ffeil wedi'i hysgrifennu, dangosir y llinell fel y gwnaethoch ei hysgrifennu, gyda `^` o dan "
        "y man dan sylw, ac mae awgrym yn dweud sut i'w drwsio. Rhedwch `cluster-plans validate --language cy` "
        "i gael y negeseuon yn Gymraeg. Er enghraifft:",
        "",
        "```text",
        "clusters/betsi-cadwaladr/north-east-flintshire/2024-25/plan.yaml:69:11: gwall yaml-missing-colon: "
        "nid oes colon ar ôl enw'r maes 'budget'",
        "    69 |     budget TBC",
        "       |           ^",
        "    awgrym: Rhowch golon a bwlch ar ôl enw'r maes: budget: TBC",
        "```",
        "",
        "Rhaid trwsio **gwallau**: mae'r gwiriad ar eich cais tynnu yn methu, ac nid yw'r wefan yn cael ei "
        "hailadeiladu, nes eu bod wedi'u trwsio. Mae **rhybuddion** yn tynnu sylw at rywbeth sy'n werth ei "
        "wirio, fel cyllideb sydd eto i'w chadarnhau; mae'r cynllun yn cael ei gyhoeddi gyda nhw.",
        "",
        "Yn y negeseuon a'r awgrymiadau isod, mae gair rhwng cromfachau fel `{written}` yn sefyll am yr hyn a "
        "ganfu'r gwiriad yn eich cynllun, ac mae `{place}` yn dweud ble, fel *gweithgaredd 2, 'Phlebotomy'*. "
        "Mae `{field}` yn rhoi'r man fel y mae `known_issues` yn ei enwi, pob eitem wrth ei allwedd ei hun, fel "
        "`activities[phlebotomy].budget` (y gweithgaredd ag id phlebotomy): ysgrifennwch ef felly o dan "
        "`known_issues`, fel bod y nodyn yn aros ar ei weithgaredd pan ychwanegir, y dilëir neu yr aildrefnir "
        "eraill. Mae enwau'r meysydd (fel `budget`) a'r codau yn aros yn "
        "Saesneg, fel y maent yn y ffeiliau.",
    ],
}


def _severity(kind: type[ProblemType], language: str = "en") -> str:
    if kind.draft_warning:
        return WORDS[language]["by_status"]
    return WORDS[language]["error" if kind.severity == ERROR else "warning"]


def _entry(kind: type[ProblemType], language: str = "en") -> list[str]:
    words = WORDS[language]
    known = words["known"] if kind.acknowledgeable else ""
    title = text_of(kind, "title", language)
    lines = [f"## {kind.code}", "", f"**{_text(title)}** · {_severity(kind, language)}{known}", ""]
    description = text_of(kind, "description", language)
    if description:
        lines += [_text(description), ""]
    lines += [f"{words['says']}: {_code(shown_template(text_of(kind, 'message', language)))}", ""]
    hint = text_of(kind, "hint", language)
    if hint:
        lines += [f"{words['fix']}: {_text(shown_template(hint))}", ""]
    return lines


def problem_reference_markdown(language: str = "en") -> str:
    """The Markdown of the problem reference page: every problem code, what it means and how to fix it."""
    kinds = list(CATALOGUE.values())
    words = WORDS[language]
    errors, warnings = sum(k.severity == ERROR for k in kinds), sum(k.severity != ERROR for k in kinds)
    by_status = sum(k.draft_warning for k in kinds)
    count = (f"There are {len(kinds)} codes: {errors} errors ({by_status} of them only warnings while the plan is"
             f" a draft) and {warnings} warnings." if language == "en"
             else f"Nifer y codau: {len(kinds)} (gwallau: {errors}, gyda {by_status} ohonynt yn rhybuddion yn unig tra"
                  f" bo'r cynllun yn ddrafft; rhybuddion: {warnings}).")
    lines = [
        words["heading"],
        "",
        *INTRO[language],
        "",
        count,
        "",
        words["table"],
        "|---|---|---|",
        *(f"| [{kind.code}](#{kind.code}) | {_severity(kind, language)} | {_text(text_of(kind, 'title', language))} |"
          for kind in kinds),
        "",
    ]
    for kind in kinds:
        lines += _entry(kind, language)
    return "\n".join(lines).rstrip("\n") + "\n"


# Where each language's page is written: English at the guide's root, Welsh in content/cy/.
PAGES = {"en": PROBLEMS_PAGE, "cy": "content/cy/guide/problems.md"}


def main(argv: list[str] | None = None) -> int:
    """Write the problem reference pages: python -m generator.problems.guide [REPOSITORY_ROOT]."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    for language, page in PAGES.items():
        target = root / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(problem_reference_markdown(language), encoding="utf-8")
        print(f"Wrote {page} ({len(CATALOGUE)} problem codes).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
