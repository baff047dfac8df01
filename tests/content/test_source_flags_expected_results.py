"""Activities of the real plans whose source gives no expected results keep the gap as printed, flagged.

Each entry is an activity row of the board's Annual Cluster Plans 2022/2023 whose cell "Results/ benefits
expected by end March 2023" is empty in the source: the plan records the gap as a known issue, so the
validator reports it as an acknowledged warning (not the error a published plan's own gap would be), and
the plan holds no expected results there, so that nothing is made up.
"""

from __future__ import annotations

import pytest

from generator.problems.report import WARNING, Problem
from generator.checks.validate import validate
from site_testing import PROJECT
from source_flags import plan_value, reported_at

BOARD = "clusters/betsi-cadwaladr"

# plan folder -> (the activity's place, counted from 0, and its title as printed)
GAPS: dict[str, list[tuple[str, str]]] = {
    "anglesey/2022-23": [
        ("activities[0]", "COVID related costs"),
        ("activities[4]", "Minor Surgery Training programme – West wide project"),
        ("activities[6]", "Medrwn Môn Social prescribing Community Linc"),
        ("activities[8]", "Cluster Community Development Nurse – Band 7"),
    ],
    "arfon/2022-23": [("activities[7]", "Minor Surgery Training programme")],
    "central-and-south-denbighshire/2022-23": [("activities[3]", "Locality integrated working")],
    "conwy-east/2022-23": [("activities[7]", "Trainee ANP support")],
}

CASES = [(plan, field, title) for plan, gaps in GAPS.items() for field, title in gaps]


@pytest.fixture(scope="module")
def problems() -> list[Problem]:
    return validate(PROJECT).report.problems


@pytest.mark.parametrize("plan, field, title", CASES, ids=[f"{p}:{f}" for p, f, _ in CASES])
def test_the_sources_missing_results_are_an_acknowledged_warning(problems, plan, field, title):
    results = f"{field}.expected_results"
    found = [p for p in reported_at(problems, f"{BOARD}/{plan}", results) if p.code == "plan-no-expected-results"]
    assert len(found) == 1, [p.message for p in reported_at(problems, f"{BOARD}/{plan}", results)]
    [gap] = found
    assert gap.severity == WARNING
    assert gap.source_kind == "missing"
    number = int(field.strip("activities[]")) + 1
    assert gap.message.startswith(f"activity {number}, '{title}' gives no expected results (known issue of the source:")
    assert f"'{title}'" in gap.acknowledged


@pytest.mark.parametrize("plan, field, title", CASES, ids=[f"{p}:{f}" for p, f, _ in CASES])
def test_the_plan_holds_no_expected_results_there(plan, field, title):
    assert plan_value(f"{BOARD}/{plan}", f"{field}.title") == title
    assert plan_value(f"{BOARD}/{plan}", f"{field}.expected_results") in (None, [])


def test_anglesey_keeps_the_activity_row_its_finance_table_also_has():
    # The source's activity table ends with this row (new or existing: TBC; no description, results or budget).
    plan = f"{BOARD}/anglesey/2022-23"
    assert plan_value(plan, "activities[8].new_or_existing_detail") == "TBC"
    assert plan_value(plan, "activities[8].ministerial_priorities") == ["A Healthier Wales"]
    assert plan_value(plan, "finance.lines[8].item") == plan_value(plan, "activities[8].title")


def test_upper_valleys_risk_register_is_its_section_and_not_an_empty_one(problems):
    # The source's risks section is its risk register, a table under the heading, kept in plan.yaml.
    plan = "clusters/swansea-bay/upper-valleys/2022-23"
    heading = (PROJECT / plan / "risks.md").read_text(encoding="utf-8").strip()
    assert heading == "# Emergency Preparedness, Resilience and Response (Business Continuity Plan )"
    assert plan_value(plan, "risks[0].project")
    assert [p for p in problems if p.code == "plan-empty-section" and p.file.startswith(plan)] == []
