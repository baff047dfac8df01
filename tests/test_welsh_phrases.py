"""The words checks put into messages (why a file is refused, how a figure is malformed, which row) are
phrases of the catalogue: each has its Welsh, and `validate --language cy` says them in Welsh, never in the
English they were written in. Only what the plan itself says (its values, captions, field paths) stays as
written."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

import generator.problems.catalogue  # noqa: F401  (importing it fills the catalogue and its phrases)
from generator.core.i18n import catalogue_name, words
from generator.problems.report import CATALOGUE, PHRASES, Phrase, text_of
from problem_calls import problems_made
from plan_testing import NEF_2023, PROBLEM_LINE, UV_2022, Repo

PLACEHOLDER = re.compile(r"\{(\w+)\}")
GENERATOR = Path(__file__).resolve().parent.parent / "generator"
NEF_PLAN = f"{NEF_2023}/plan.yaml"
UV_PLAN = f"{UV_2022}/plan.yaml"


@pytest.mark.parametrize("key", list(PHRASES))
def test_every_phrase_has_welsh_with_the_same_values(key: str):
    assert len(PHRASES) > 60
    english = str(words().catalogues["en"].texts.get(f"phrase.{key}", ""))
    welsh = str(words().catalogues["cy"].texts.get(f"phrase.{key}", ""))
    assert english.strip(), f"the phrase {key} has no English in {catalogue_name('en')}"
    assert welsh.strip(), f"the phrase {key} has no Welsh in {catalogue_name('cy')}"
    assert set(PLACEHOLDER.findall(welsh)) == set(PLACEHOLDER.findall(english)), key
    # The same words only where the phrase is nothing but its values and punctuation.
    assert welsh != english or not re.search(r"[a-z]{2,}", PLACEHOLDER.sub("", english)), key


def test_no_phrase_text_without_its_phrase():
    for language, catalogue in words().catalogues.items():
        assert {key.removeprefix("phrase.") for key in catalogue.texts if key.startswith("phrase.")} <= set(PHRASES)


# Words a Welsh phrase keeps: the names of a table check's ways of deriving a row (sum, average, ratio) and of
# an amount's fields, as the file writes them; "tag" and "cell" (a table's, celloedd) are Welsh too.
KEPT = {"sum", "average", "ratio", "note", "amount", "tag", "cell"}


@pytest.mark.parametrize("key", list(PHRASES))
def test_a_phrase_said_in_welsh_keeps_none_of_its_english_words(key: str):
    values = {name: f"#{n}" for n, name in enumerate(PLACEHOLDER.findall(PHRASES[key].text))}
    english = PHRASES[key](**values).text_in("en")
    welsh = PHRASES[key](**values).text_in("cy")
    words = set(re.findall(r"[a-z]{3,}", PLACEHOLDER.sub("", PHRASES[key].text))) - KEPT
    # The file's own words (total_row, finance.lines[2].amount) stay as they are in both languages.
    words -= {w for part in re.findall(r"[\w.\[\]]*[_.\[][\w.\[\]]*", PHRASES[key].text)
              for w in re.findall(r"[a-z]+", part)}
    for word in words:
        assert not re.search(rf"\b{word}\b", welsh), (key, word, welsh)
    assert welsh != english or not words, key


def test_a_phrase_inside_a_phrase_is_said_in_the_same_language():
    from generator.problems import catalogue as C
    rows = C.AND_LIST(items=C.COMMA(first=C.ROW(row=2), then=C.ROW(row=3)), last="'Total'")
    assert C.SUM_OF(rows=rows).text_in("en") == "the sum of row 2, row 3 and 'Total'"
    assert C.SUM_OF(rows=rows).text_in("cy") == "swm rhes 2, rhes 3 a 'Total'"


def _english_given_as_a_value(path: Path) -> list[str]:
    """Words written in English straight into a problem's values, in one module of the generator."""
    found = []
    for node, kind in problems_made(ast.parse(path.read_text(encoding="utf-8"))):
        templates = text_of(kind, "message", "en") + text_of(kind, "hint", "en")
        given = {kw.arg for kw in node.keywords if kw.arg}
        for kw in node.keywords:
            # A flag that only says whether a part of the hint shows ([[money|...]]) is never printed; a
            # value with its own Welsh beside it (where_cy) is said in Welsh.
            if kw.arg is None or kw.arg not in PLACEHOLDER.findall(templates) or f"{kw.arg}_cy" in given:
                continue
            for text in _literals(kw.value):
                if re.search(r"[A-Za-z]{2,}", text) and text not in FILE_WORDS:
                    found.append(f"{path.name}:{node.lineno}: {kw.arg}={text!r}")
    return found


# The file's own words that a check names: a field, a file name, the ending of a section file.
FILE_WORDS = {"slug", "vocabularies.yaml", ".md", ".cy.md", "finance.lines[", "].amount"}


def _literals(value: ast.expr) -> list[str]:
    """The text written into a value: string constants, the fixed parts of f-strings, either branch of an if."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return [value.value]
    if isinstance(value, ast.JoinedStr):
        return [v.value for v in value.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(value, ast.IfExp):
        return _literals(value.body) + _literals(value.orelse)
    if isinstance(value, ast.BoolOp):
        return [t for v in value.values for t in _literals(v)]
    if isinstance(value, ast.BinOp):
        return _literals(value.left) + _literals(value.right)
    return []


def test_no_check_writes_english_words_into_a_message():
    found = [line for path in sorted(GENERATOR.rglob("*.py")) for line in _english_given_as_a_value(path)]
    assert not found, "write these as phrases of generator/problems/catalogue.py:\n" + "\n".join(found)


def test_phrases_travel_with_the_problem_and_print_in_english_by_default():
    from generator.problems import catalogue as C
    from generator.problems.report import Problem
    problem = Problem.of(C.FileUnsafePath, "clusters/x/plan.yaml", reason=C.FILE_IS_A_LINK())
    assert isinstance(dict(problem.values)["reason"], Phrase)
    assert problem.message == "the file is a symbolic link"
    assert problem.message_in("cy") == "dolen symbolaidd yw'r ffeil"
    assert problem.value("reason") == "the file is a symbolic link"


# --- validate --language cy on broken plans --------------------------------------------------------


def _welsh_problem(repo: Repo, code: str, *paths: str) -> tuple[str, str]:
    """The one problem of `code` that validate --language cy reports, as (place, message), and its hint."""
    result = repo.validate("--language", "cy", *paths)
    found = [(i, m) for i, line in enumerate(result.lines) if (m := PROBLEM_LINE.match(line)) and m["code"] == code]
    assert len(found) == 1, result.output
    i, m = found[0]
    hint = next((line.removeprefix("    awgrym: ") for line in result.lines[i + 1:i + 4]
                 if line.startswith("    awgrym: ")), "")
    return f"{m['file']}:{m['line']}:{m['column']}: {m['severity']} {m['code']}: {m['message']}", hint


def _no_english_phrase(line: str) -> None:
    for key, kind in PHRASES.items():
        words = PLACEHOLDER.split(kind.text)
        fixed = max(words, key=len)
        if len(re.findall(r"[a-z]{3,}", fixed)) >= 2:
            assert fixed not in line, (key, line)


def test_a_symbolic_link_in_welsh(repo: Repo):
    plan = repo.path(NEF_PLAN)
    real = repo.path("clusters/plan-source.yaml.txt")
    plan.rename(real)
    plan.symlink_to(os.path.relpath(real, plan.parent))
    line, hint = _welsh_problem(repo, "file-unsafe-path", NEF_2023)
    assert line == f"{NEF_PLAN}:0:0: gwall file-unsafe-path: dolen symbolaidd yw'r ffeil"
    assert hint == "Rhowch y ffeil ei hun yn lle'r ddolen, y tu mewn i'r ystorfa."


def test_a_nul_byte_in_welsh(repo: Repo):
    repo.path(NEF_PLAN).write_bytes(repo.path(NEF_PLAN).read_bytes().replace(b"status: published\n",
                                                                           b"status: pub\x00lished\n"))
    line, _ = _welsh_problem(repo, "file-encoding", NEF_2023)
    assert line == (f"{NEF_PLAN}:8:1: gwall file-encoding: mae beit NUL yn y ffeil, felly nid yw'n ffeil destun")


def test_a_value_not_among_the_choices_in_welsh(repo: Repo):
    repo.replace(NEF_PLAN, "status: published\n", "status: publishd\n")
    line, hint = _welsh_problem(repo, "schema-invalid-value", NEF_2023)
    assert line == (f"{NEF_PLAN}:8:9: gwall schema-invalid-value: disgwyliwyd un o 'draft' neu 'published',"
                    " cafwyd testun 'publishd'")
    assert hint == "Rhowch un o'r rhain yn y maes 'status' ar gyfer y cynllun: draft, published."


def test_an_amount_that_is_no_amount_in_welsh(repo: Repo):
    repo.replace(NEF_PLAN, "    budget: £18,500\n", "    budget: [18500]\n")
    line, _ = _welsh_problem(repo, "schema-invalid-value", NEF_2023)
    assert line.endswith("gwall schema-invalid-value: disgwyliwyd swm o arian, cafwyd rhestr"), line


def test_an_empty_budget_in_welsh(repo: Repo):
    repo.replace(NEF_PLAN, "    budget: £18,500\n", "    budget:\n")
    row = repo.read(NEF_PLAN).splitlines().index("    budget:") + 1
    line, _ = _welsh_problem(repo, "budget-not-stated", NEF_2023)
    assert line == (f"{NEF_PLAN}:{row}:5: rhybudd budget-not-stated: mae cyllideb 'Frail and vulnerable Service' yn"
                    " wag, felly mae'r wefan yn ei dangos fel un heb ei nodi")


def test_a_malformed_figure_and_a_lone_bracket_in_prose_in_welsh(repo: Repo):
    prose = f"{NEF_2023}/achievements.md"
    repo.write(prose, repo.read(prose) + "\nWe spent £72,,000 on care (see the table.\n")
    row = repo.line_of(prose, "We spent £72,,000")
    line, _ = _welsh_problem(repo, "figure-malformed", NEF_2023)
    assert line == (f"{prose}:{row}:1: rhybudd figure-malformed: nid yw '£72,,000' yn achievements.md yn swm"
                    " wedi'i ffurfio'n gywir: mae ganddo goma dwbl")
    line, _ = _welsh_problem(repo, "bracket-unbalanced", NEF_2023)
    assert line.endswith("yn achievements.md: mae '(' nad yw byth yn cau"), line


def test_a_numbered_list_that_skips_in_welsh(repo: Repo):
    prose = f"{NEF_2023}/achievements.md"
    repo.write(prose, repo.read(prose) + "\n1. First\n2. Second\n4. Fourth\n")
    row = repo.line_of(prose, "4. Fourth")
    line, _ = _welsh_problem(repo, "numbering-broken", NEF_2023)
    assert line == (f"{prose}:{row}:1: rhybudd numbering-broken: yn y rhestr yn achievements.md, daw '4' ar ôl"
                    " '2': mae rhif wedi'i hepgor")


@pytest.mark.parametrize("target, reason", [
    ("risks.md", "nad yw'n ffeil adran destun o'r cynllun hwn"),
    ("Needs section", "nad yw'n llwybr maes fel finance.lines[2].amount"),
    ("key_facts[99].fact", "nad yw yn y cynllun: mae gan key_facts 4 o gofnodion, wedi'u cyfrif o 0"),
    ("key_facts[0].facts", "nad yw yn y cynllun: nid oes maes 'facts' gan key_facts[0]"),
])
def test_a_known_issue_naming_no_place_in_welsh(repo: Repo, target: str, reason: str):
    repo.write(UV_PLAN, repo.read(UV_PLAN) + f"\nknown_issues:\n  - problem: source-error\n    field: {target}\n"
                                             "    note: Something is wrong.\n")
    row = repo.line_of(UV_PLAN, f"    field: {target}")
    line, _ = _welsh_problem(repo, "known-issue-bad-field", UV_2022)
    assert line == f"{UV_PLAN}:{row}:12: gwall known-issue-bad-field: mae'r gwall hysbys yn enwi '{target}', {reason}"


def test_a_table_row_of_the_wrong_width_in_welsh(repo: Repo):
    repo.write(UV_PLAN, repo.read(UV_PLAN) + "\ntables:\n  - caption: Practices\n    columns: [Practice, GPs, Nurses]\n"
                                             "    rows:\n      - [Amman, 4, 2]\n      - [Brynamman, 3]\n")
    row = repo.line_of(UV_PLAN, "      - [Brynamman, 3]")
    line, _ = _welsh_problem(repo, "table-width-mismatch", UV_2022)
    assert line == (f"{UV_PLAN}:{row}:9: gwall table-width-mismatch: mae gan bennawd y tabl 'Practices' 3 colofn,"
                    " ond mae gan res 2 2 cell")


def test_a_total_that_does_not_add_up_in_welsh(repo: Repo):
    repo.write(UV_PLAN, repo.read(UV_PLAN) + "\ntables:\n  - caption: Practices\n    columns: [Practice, GPs, Nurses]\n"
                                             "    rows:\n      - [Amman, 4, 2]\n      - [Brynamman, 3, 1]\n"
                                             "      - [Garnant, 2, 1]\n      - [Total, 10, 4]\n")
    result = repo.validate("--language", "cy", UV_2022)
    lines = [line for line in result.lines if " table-total-mismatch: " in line]
    assert [line.split(": ", 2)[-1] for line in lines] == [
        "cyfanswm 'GPs' y tabl 'Practices' yw 10, ond swm 'Amman', 'Brynamman' a 'Garnant' yw 9",
    ], result.output
    for line in result.lines:
        _no_english_phrase(line)


def test_a_fraction_where_a_whole_number_belongs_in_welsh(repo: Repo):
    repo.write(UV_PLAN, repo.read(UV_PLAN) + "\ntables:\n  - caption: Practices\n    columns: [Practice, GPs]\n"
                                             "    rows:\n      - [Amman, 4]\n    total_row: 1.5\n")
    row = repo.line_of(UV_PLAN, "    total_row: 1.5")
    line, hint = _welsh_problem(repo, "schema-wrong-type", UV_2022)
    assert line == f"{UV_PLAN}:{row}:16: gwall schema-wrong-type: disgwyliwyd rhif cyfan, cafwyd rhif '1.5'"
    assert hint == "Rhowch rif cyfan yn y maes 'total_row' ar gyfer tabl 1, 'Practices'."
