"""The Upper Valleys plan keeps each mistake of its source document (the cluster's IMTP 2022/23), flagged.

Each entry is a mistake read off the source: the place in the plan, the kind of mistake and the words as
printed. The validator must report every one as an acknowledged warning, and the plan must still hold the
words as printed, so that nothing is corrected silently.
"""

from __future__ import annotations


import pytest

from generator.problems.report import WARNING, Problem
from generator.checks.validate import validate
from site_testing import PROJECT
from source_flags import plan_value, reported_at

PLAN = "clusters/swansea-bay/upper-valleys/2022-23"

# (field or section file, kind, as printed in the source) of the mistakes no automatic rule finds
SOURCE_ERRORS = [
    ("needs.md", "spelling", "Cluser GP registered population"),
    ("needs.md", "spelling", "acohol-attributable hospital admissions"),
    ("needs.md", "figure", "477 per 100,00"),
    ("needs.md", "figure", "1,743 per 1000,00"),
    ("needs.md", "copied", "80% at 71.6% (2018-19"),
    ("needs.md", "figure", "The prevalence of Dementia in SBUHB (.73%) is slightly above the Wales average (.070%)"),
    ("needs.md", "copied", "Neath Cluster prevalence is 0.92%"),
    ("needs.md", "copied", "Taken from Cwm Tawe (check source)"),
    ("needs.md", "disagreement", "17% in Swansea Bay UHB"),
    ("needs.md", "spelling", "there were604 referrals"),
    ("key_facts[0].fact", "spelling", "servers a (GP registered) population"),
    ("key_facts[6].fact", "figure", "approximately 10,940 people over the age of 65 years and over (18.7%)"),
    ("key_facts[9].fact", "disagreement", "There are 4 dental practices that offer NHS treatment"),
    ("key_facts[13].fact", "name-variant", "Upper Valley Cluster"),
    ("priority_areas[3].title", "name-variant", "IMPROVING MENTAL HEALTH & LEARNING DIFFICULTIES"),
    ("strategic-background.md", "duplicate", "Improving Planned Care"),
    ("action_plan[2].goals[0].goal", "duplicate",
     "3.1. Reduce demand on outpatients and support improved referral to treatment times."),
    ("workforce.roles[4].impact", "spelling", "Sudden Sensorieneural hearing loss"),
    ("finance.lines[0].item", "missing", "Social Prescriber"),
    ("finance.lines[8].item", "name-variant", "Clinical Summarisers"),
    ("risks[9].impact", "wrong-column", "UVCN to give plenty of notice to PIP can be prepared ( Adequate exit strategy )"),
    ("risks[21].risk", "spelling", "inconsitent"),
    ("terms-of-reference.md", "spelling", "These terms or reference"),
]

# Mistakes an automatic rule finds, acknowledged under that rule's code: (field, code)
BY_RULE = [
    ("needs.md", "bracket-unbalanced"),
    ("needs.md", "placeholder-left"),
    ("key_facts[5].fact", "bracket-unbalanced"),
]


@pytest.fixture(scope="module")
def problems() -> list[Problem]:
    return validate(PROJECT).report.problems


def at(problems: list[Problem], field: str) -> list[Problem]:
    return reported_at(problems, PLAN, field)


def value_at(field: str) -> object:
    return plan_value(PLAN, field)


@pytest.mark.parametrize("field, kind, as_written", SOURCE_ERRORS, ids=[f"{f}:{k}" for f, k, _ in SOURCE_ERRORS])
def test_each_source_mistake_is_flagged_and_kept_as_printed(problems, field, kind, as_written):
    flags = [p for p in at(problems, field) if p.code == "source-error" and p.as_written == as_written]
    assert flags, f"no source-error flag at {field} printed {as_written!r}"
    assert all(p.severity == WARNING and p.acknowledged and dict(p.values).get("kind") == kind for p in flags)
    held = (PROJECT / PLAN / field).read_text(encoding="utf-8") if field.endswith(".md") else str(value_at(field))
    assert as_written in held, "the plan must keep the words the source printed"


@pytest.mark.parametrize("field, code", BY_RULE)
def test_mistakes_the_rules_find_are_acknowledged_with_a_note(problems, field, code):
    found = [p for p in at(problems, field) if p.code == code]
    assert found and all(p.acknowledged and p.severity == WARNING for p in found)


def test_risks_the_source_leaves_empty_stay_empty_and_flagged(problems):
    for index, project in ((10, "Flu Planning"), (11, "CRP Testing")):
        assert value_at(f"risks[{index}].project") == project
        assert not value_at(f"risks[{index}].risk")
        assert [p for p in at(problems, f"risks[{index}].risk") if p.code == "source-error"]

