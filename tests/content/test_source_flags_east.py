"""The East area plans of Betsi Cadwaladr keep each mistake of their source documents, flagged.

Each entry below is a mistake read off the source (the board's Annual Cluster Plans 2022/2023, section 1,
and North East Flintshire's 2023/24 plan): the place in the plan, the kind of mistake and the words as
printed. The validator must report every one as an acknowledged warning of the source, and the plan
must still hold the words as printed, so that nothing is corrected silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.problems.report import WARNING, Problem
from generator.checks.validate import validate
from site_testing import PROJECT
from source_flags import plan_value, reported_at

BOARD = "clusters/betsi-cadwaladr"
THREE_THOUSAND = "No of daily appointments across the cluster = 3000"

# plan folder -> (field or section file, kind, as written in the source; "" where the source has nothing)
FLAGS: dict[str, list[tuple[str, str, str]]] = {
    "south-wrexham/2022-23": [
        ("key_actions[4].actions[2]", "spelling", "low lever MSK issues"),
        ("key_actions[4].actions[5]", "numbering", "Health Board 2. To the ability"),
        ("workforce.tables[0].rows[0][5]", "copied", "587 based on 17/18 figures"),
        ("achievements.md", "copied", THREE_THOUSAND),
        ("executive-summary.md", "spelling", "socials services"),
    ],
    "central-wrexham/2022-23": [
        ("key_actions[4].actions[4]", "numbering", "5.3 Home visiting Service"),
        ("key_actions[4].actions[5]", "numbering", "5.4 Allied Health Professionals"),
        ("activities[1].ministerial_priorities[0]", "spelling", "Mental health emotional wellbeing"),
        ("activities[2].description", "missing", "for patients with"),
        ("activities[8].status", "missing", ""),
        ("achievements.md", "spelling", "5. Continue Recover"),
    ],
    "north-west-wrexham/2022-23": [
        ("title", "name-variant", "North & West Wrexham Cluster"),
        ("tables[0].rows[0][0]", "name-variant", "NW Wrexham"),
        ("activities[5].description", "copied", "Expand provision of the Cluster Pharmacy Team"),
        ("workforce.tables[0].rows[0][5]", "copied", "587 based on 17/18 figures"),
        ("achievements.md", "copied", THREE_THOUSAND),
    ],
    "south-flintshire/2022-23": [
        ("activities[5].budget", "disagreement", "£54,000"),
        ("activities[6].budget", "disagreement", "£62,000"),
        ("activities[7].budget", "missing", ""),
        ("activities[8].budget", "missing", ""),
        ("activities[7].status_detail", "disagreement", "New"),
        ("activities[1].sppc_priorities[0]", "spelling", "Mental Well- being"),
        ("activities[11].ministerial_priorities[0]", "spelling", "Mental health emotional well-being"),
        ("key_actions[4].actions[8]", "spelling", "services available for patents"),
        ("workforce.tables[0].rows[0][5]", "copied", "766 based on 17/18 figures"),
        ("achievements.md", "numbering", "reduced **Covid Vaccination Programme:**"),
    ],
    "north-east-flintshire/2022-23": [
        ("activities[2].description", "missing", "for patients with"),
        ("key_actions[4].actions[3]", "spelling", "ensure then public"),
        ("workforce.tables[0].rows[0][5]", "copied", "766 based on 17/18 figures"),
        ("achievements.md", "copied", THREE_THOUSAND),
    ],
    "north-west-flintshire/2022-23": [
        ("key_actions[4].actions[5]", "numbering", "5.2 Diabetes Service"),
        ("key_actions[4].actions[6]", "numbering", "5.3 Waiting List initiative"),
        ("workforce.tables[0].rows[0][3]", "copied", "14"),
        ("workforce.tables[0].rows[0][4]", "copied", "28.6"),
        ("workforce.tables[0].rows[0][5]", "copied", "708 based on 17/18 figures"),
        ("workforce.tables[0].rows[0][6]", "disagreement", "2.29"),
        ("finance.lines[6].item", "name-variant", "Admin / Managerial Support"),
        ("finance.lines[8].item", "name-variant", "MDT Service"),
        ("achievements.md", "copied", THREE_THOUSAND),
    ],
    "north-east-flintshire/2023-24": [
        ("finance.lines[2].amount", "figure", "£77,0194.24"),
        ("finance.lines[1].amount", "wrong-column", "BCUHB Funded"),
        ("key_actions[1].theme", "spelling", "Acceleration Cluster Development Demand"),
        ("key_actions[1].actions", "missing", ""),
        ("activities[3].new_or_existing_detail", "copied", "Existing"),
        ("achievements.md", "missing", "Primary Care Sustainability"),
        ("executive-summary.md", "other", "NEF Cluster has become a formidable forum to:"),
    ],
}

# Where an automatic rule finds the mistake, the plan acknowledges that rule's problem; the rest are source-error.
BY_RULE: dict[tuple[str, str], str] = {
    ("central-wrexham/2022-23", "key_actions[4].actions[4]"): "numbering-broken",
    ("north-west-flintshire/2022-23", "key_actions[4].actions[5]"): "numbering-broken",
    ("north-west-flintshire/2022-23", "finance.lines[6].item"): "finance-line-no-activity",
    ("north-west-flintshire/2022-23", "finance.lines[8].item"): "finance-line-no-activity",
    ("south-flintshire/2022-23", "activities[5].budget"): "budget-disagrees",
    ("south-flintshire/2022-23", "activities[6].budget"): "budget-disagrees",
    ("south-flintshire/2022-23", "activities[7].budget"): "budget-not-stated",
    ("south-flintshire/2022-23", "activities[8].budget"): "budget-not-stated",
    ("north-east-flintshire/2023-24", "key_actions[1].theme"): "term-misspelt",
    ("north-east-flintshire/2023-24", "finance.lines[2].amount"): "money-unparseable",
}

CASES = [(plan, *flag) for plan, flags in FLAGS.items() for flag in flags]


@pytest.fixture(scope="module")
def problems() -> list[Problem]:
    return validate(PROJECT).report.problems


def reported(problems: list[Problem], plan: str, field: str) -> list[Problem]:
    return reported_at(problems, f"{BOARD}/{plan}", field)


def value_at(plan: str, field: str) -> object:
    return plan_value(f"{BOARD}/{plan}", field)


@pytest.mark.parametrize("plan, field, kind, as_written", CASES,
                         ids=[f"{plan}:{field}:{kind}" for plan, field, kind, _ in CASES])
def test_each_source_mistake_is_reported_as_an_acknowledged_warning(problems, plan, field, kind, as_written):
    found = reported(problems, plan, field)
    matching = [p for p in found if dict(p.values).get("kind") == kind and p.as_written == as_written]
    assert matching, f"{plan} {field}: expected a flag of kind {kind} printed {as_written!r}, found " + \
        "; ".join(p.message for p in found)
    for p in matching:
        assert p.code == BY_RULE.get((plan, field), "source-error")
        assert p.severity == WARNING
        assert p.acknowledged, "the flag carries the plan's note for the public"


@pytest.mark.parametrize("plan, field, kind, as_written", CASES,
                         ids=[f"{plan}:{field}:{kind}" for plan, field, kind, _ in CASES])
def test_the_plan_still_holds_what_the_source_printed(plan, field, kind, as_written):
    if field.endswith(".md"):
        text = (PROJECT / BOARD / plan / field).read_text(encoding="utf-8")
        assert as_written in text
        return
    value = value_at(plan, field)
    if not as_written:
        assert value in (None, "", []), f"{field} holds {value!r} where the source has nothing"
        return
    if isinstance(value, dict):
        value = value.get("as_written") or value.get("note")
    if "_priorities[" in field and as_written not in str(value):
        # A garbled priority is filed under its term; the plan's own wording stays beside it.
        value = value_at(plan, field.split("_priorities[")[0].rsplit(".", 1)[0] + ".alignment_detail")
    assert as_written in str(value)


def test_east_plans_print_funding_sources_as_the_source_words_them(problems):
    plan = "south-wrexham/2022-23"
    assert value_at(plan, "activities[0].funding_sources") == ["Cluster"]
    assert value_at(plan, "activities[1].funding_sources") == ["TBC"]
    assert value_at("north-east-flintshire/2023-24", "activities[1].funding_sources") == ["Core funded"]
    variants = [p for p in reported(problems, plan, "activities[0].funding_sources[0]")
                if p.code == "vocabulary-variant"]
    assert variants and "'Cluster' is a variant of the funding source 'Cluster funding'" in variants[0].message


def test_no_known_issue_of_an_east_plan_is_left_unmatched(problems):
    east = tuple(f"{BOARD}/{plan}/" for plan in FLAGS)
    stray = [p.message for p in problems
             if p.file.startswith(east) and p.code in {"known-issue-unmatched", "known-issue-bad-field"}]
    assert stray == []


def test_the_flag_note_says_what_the_source_prints(problems):
    [flag] = [p for p in reported(problems, "north-west-flintshire/2022-23", "workforce.tables[0].rows[0][4]")]
    assert flag.acknowledged == ("The plan gives CRT for Flintshire as 28.6 in both years, the figure the Wrexham"
                                 " plans give for CRT for Wrexham, while the other two Flintshire plans give 15.8.")
    assert Path(flag.file).name == "plan.yaml"
