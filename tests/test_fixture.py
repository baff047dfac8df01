"""The fixture mini-repository is what the rest of the suite assumes it is (see tests/fixtures/README.md)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.core.money import AMOUNT
from generator.schema.plan import SECTIONS
from generator.checks.validate import validate
from plan_testing import FIXTURE_REPO, NEF_2022, NEF_2023, PLANS, REAL_REPO, UV_2022


@pytest.fixture(scope="module")
def fixture():
    return validate(FIXTURE_REPO)


def plan(fixture, folder: str):
    [record] = [p for p in fixture.repository.plans if p.folder == folder]
    return record


def test_fixture_has_no_errors(fixture):
    assert fixture.report.errors == []
    assert fixture.report.plans_checked == 4
    assert sorted(p.folder for p in fixture.repository.plans) == sorted(PLANS)


def test_fixture_registry_files_are_copies_of_the_real_ones():
    for rel in ("clusters/vocabularies.yaml", "clusters/betsi-cadwaladr/board.yaml", "clusters/swansea-bay/board.yaml",
                "clusters/betsi-cadwaladr/north-east-flintshire/cluster.yaml",
                "clusters/betsi-cadwaladr/north-west-flintshire/cluster.yaml",
                "clusters/swansea-bay/upper-valleys/cluster.yaml"):
        assert (FIXTURE_REPO / rel).read_text(encoding="utf-8") == (REAL_REPO / rel).read_text(encoding="utf-8"), \
            f"{rel} changed in the repository: copy it again into tests/fixtures/repo/{rel}"


def test_consecutive_years_differ_by_one_of_each_kind_of_change(fixture):
    before = {a.id: a for a in plan(fixture, NEF_2022).plan.activities}
    after = {a.id: a for a in plan(fixture, NEF_2023).plan.activities}
    assert sorted(before.keys() - after.keys()) == ["upcc"]
    assert sorted(after.keys() - before.keys()) == ["audiology"]
    shared = before.keys() & after.keys()
    assert [i for i in sorted(shared) if before[i].title != after[i].title] == ["first-contact-physio"]
    assert [i for i in sorted(shared) if before[i].budget != after[i].budget] == ["frail-and-vulnerable"]
    assert [i for i in sorted(shared) if before[i].status != after[i].status] == ["phlebotomy"]
    assert (before["frail-and-vulnerable"].budget.amount, after["frail-and-vulnerable"].budget.amount) == \
        (Decimal("12000"), Decimal("18500"))
    assert (before["phlebotomy"].status, after["phlebotomy"].status) == ("delayed", "ongoing")


def test_swansea_bay_plan_is_complete_and_adds_up(fixture):
    record = plan(fixture, UV_2022)
    p = record.plan
    assert p.priority_areas and p.action_plan and p.swot and p.risks and p.key_facts and p.members
    assert p.workforce.roles
    f = p.finance
    lines = sum(line.amount.amount for line in f.lines if line.amount is not None)
    assert f.total.kind == AMOUNT and f.total.amount == lines == Decimal("202382.50")
    assert f.allocation.amount + f.carry_over.amount - f.total.amount == f.balance.amount
    assert record.committed == Decimal("202382.50")


def test_every_activity_fills_the_national_template_columns(fixture):
    columns = ("title", "new_or_existing", "description", "expected_results", "ministerial_priorities",
               "sppc_priorities", "budget", "funding_sources", "status", "comments")
    for record in fixture.repository.plans:
        assert len(record.plan.activities) >= 3
        for activity in record.plan.activities:
            assert all(getattr(activity, column) for column in columns), (record.folder, activity.id)


def test_prose_files_start_with_a_heading(fixture):
    for record in fixture.repository.plans:
        assert record.prose, record.folder
        for name, versions in record.prose.items():
            assert name in SECTIONS
            for prose in versions.values():
                assert prose.text.startswith("# "), prose.file


def test_welsh_prose_is_found(fixture):
    versions = plan(fixture, NEF_2023).prose["executive-summary"]
    assert sorted(versions) == ["cy", "en"]
    assert versions["cy"].text.startswith("# Crynodeb Gweithredol")
