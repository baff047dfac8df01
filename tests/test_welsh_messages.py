"""The validator in Welsh: every problem code has its Welsh text, and `validate --language cy` speaks it."""

from __future__ import annotations

import json
import re

import pytest

import generator.problems.catalogue  # noqa: F401  (importing it fills the catalogue)
from generator.core.i18n import catalogue_name, words
from generator.problems.report import CATALOGUE, shown_template, text_of
from plan_testing import NEF_2023, Repo

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Values that only the Welsh needs: the form a word takes after one that softens it ("Rhowch destun").
WELSH_ONLY = {"expected_soft"}


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_every_code_has_welsh_text(code: str):
    assert len(CATALOGUE) > 50
    kind = CATALOGUE[code]
    welsh = {part: str(words().catalogues["cy"].texts.get(f"problem.{code}.{part}", ""))
             for part in ("title", "message", "hint", "description")}
    for part in ("title", "message", "hint", "description"):
        english = text_of(kind, part, "en")
        if english:
            assert welsh.get(part, "").strip(), f"{code} has no Welsh {part} in {catalogue_name('cy')}"
            # The Welsh fills in only what the English is given.
            assert set(PLACEHOLDER.findall(welsh[part])) <= set(PLACEHOLDER.findall(english)) | WELSH_ONLY, (code, part)
            # The same text only where it is nothing but a value (its Welsh comes with the value).
            assert welsh[part] != english or not PLACEHOLDER.sub("", english).strip(), (code, part)


def test_no_text_for_a_code_that_does_not_exist():
    for language, catalogue in words().catalogues.items():
        codes = {key.split(".")[1] for key in catalogue.texts if key.startswith("problem.")}
        assert codes <= set(CATALOGUE), language


def test_validate_in_welsh(repo: Repo):
    plan = f"{NEF_2023}/plan.yaml"
    repo.replace(plan, "    title: Audiology\n", "    title Audiology\n")
    result = repo.validate("--language", "cy", NEF_2023)
    line = repo.line_of(plan, "    title Audiology")
    assert result.exit_code == 1
    at = result.lines.index(f"{plan}:{line}:10: gwall yaml-missing-colon: nid oes colon ar ôl enw'r maes 'title'")
    assert result.lines[at + 1] == f"    {line} |     title Audiology"
    assert result.lines[at + 3] == "    awgrym: Rhowch golon a bwlch ar ôl enw'r maes: title: Audiology"
    assert result.lines[-1] == "Cynlluniau a wiriwyd: 1; gwallau: 1; rhybuddion: 0"


def test_schema_hints_in_welsh_name_the_place_in_welsh(repo: Repo):
    plan = f"{NEF_2023}/plan.yaml"
    repo.replace(plan, "  - id: audiology\n", "  - id: Social Prescribing\n")
    result = repo.validate("--language", "cy", "--format", "json", NEF_2023)
    [problem] = [p for p in json.loads(result.output)["problems"] if p["code"] == "schema-wrong-type"]
    assert problem["message"] == ("disgwyliwyd slyg o lythrennau bach, digidau a chysylltnodau, cafwyd testun"
                                  " 'Social Prescribing': mae ganddo y briflythyren S, na all id ei gynnwys")
    assert problem["hint"] == ("Rhowch slyg o lythrennau bach, digidau a chysylltnodau yn y maes 'id' ar gyfer"
                               " gweithgaredd 5, 'Audiology'. Ysgrifennwch ef fel social-prescribing: geiriau mewn"
                               " llythrennau bach wedi'u cysylltu â chysylltnodau.")


def test_welsh_vocabulary_labels_are_used(repo: Repo):
    plan = f"{NEF_2023}/plan.yaml"
    text = repo.read(plan)
    assert "    status: ongoing\n" in text
    repo.write(plan, text.replace("    status: ongoing\n", "    status: strated\n", 1))
    result = repo.validate("--language", "cy", NEF_2023)
    [line] = [x for x in result.lines if "vocabulary-unknown" in x]
    assert line.endswith("term anhysbys (statws gweithgaredd): 'strated'; ai 'started' oedd dan sylw?"), line


def test_the_guide_shows_optional_parts_without_markers():
    assert shown_template("a[[; did you mean '{close}'?]]") == "a; did you mean '{close}'?"


def test_the_guide_shows_alternatives_apart_and_added_parts_in_place():
    # A message shows one of two alternatives; the guide shows both, apart.
    assert shown_template("[[space|Replace it with a space]][[delete|Delete it]]: {fixed}") \
        == "Replace it with a space / Delete it: {fixed}"
    assert shown_template("[[fixed|Rename it to {fixed}.]][[other|Write it as prose.]]") \
        == "Rename it to {fixed}. / Write it as prose."
    assert shown_template("[[space|Rhowch fwlch yn ei le]][[delete|Dilëwch ef]]") == "Rhowch fwlch yn ei le / Dilëwch ef"
    # Parts that add to what comes before stay as they are.
    assert shown_template("under '{heading}'[[, table {table}]][[, row {row}]]") == "under '{heading}', table {table}, row {row}"
    assert shown_template("Write it.[[fixed| Here: {fixed}]][[misprint| Or keep it.]]") == "Write it. Here: {fixed} Or keep it."
    # In the guide's pages, no alternative runs into the next.
    from generator.problems.guide import problem_reference_markdown
    assert "Replace it with an ordinary space / Delete it" in problem_reference_markdown("en")
    assert "Rhowch fwlch cyffredin yn ei le / Dilëwch ef" in problem_reference_markdown("cy")
