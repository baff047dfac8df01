"""The Central and West area plans of Betsi Cadwaladr keep each mistake of their source document, flagged.

Each entry below is a mistake read off the board's Annual Cluster Plans 2022/2023 (sections 2 and 3, and the
document's overview): the place in the plan, the kind of mistake and the words as printed. The validator must
report every one as an acknowledged warning of the source, with the plan's note for the public, and the plan
must still hold the words as printed, so that nothing is corrected silently.
"""

from __future__ import annotations


import pytest

from generator.problems.report import WARNING, Problem
from generator.checks.validate import validate
from site_testing import PROJECT
from source_flags import plan_value, reported_at

BOARD = "clusters/betsi-cadwaladr"

# plan folder -> (field or section file, problem code, kind, as written in the source; "" where it has nothing)
FLAGS: dict[str, list[tuple[str, str, str, str]]] = {
    "central-and-south-denbighshire/2022-23": [
        ("activities[2].funding_sources[0]", "vocabulary-unknown", "wrong-column", "Current Covid restrictions"),
        ("activities[2].budget", "money-unparseable", "wrong-column", "December 2021"),
        ("activities[2].ministerial_priorities[0]", "source-error", "spelling", "Working jointly with social care"),
        ("finance.total", "finance-total-mismatch", "total", "£189,483"),
        ("workforce.tables[0].rows[27][1]", "table-total-mismatch", "total", "1,641"),
        ("workforce.tables[1].notes[0]", "source-error", "disagreement", "Denbigh CRT District Nurses WTE – 18.99"),
        ("workforce.tables[2].rows[0][1]", "bracket-unbalanced", "bracket", "1 covers Ruthin and Denbigh)"),
        ("workforce.tables[2].rows[11][0]", "table-count-missing", "missing", ""),
        ("workforce.tables[2].rows[12][0]", "table-count-missing", "missing", ""),
        ("challenges.md", "source-error", "duplicate", "Recruitment and retention across all teams in the locality"),
        ("title", "source-error", "name-variant", "Central & South Denbighshire Cluster"),
        ("activities", "source-error", "disagreement", "the recruitment of 2 Chronic Conditions nurses"),
        ("achievements.md", "source-error", "copied", "a priority for 21/22 is to build on the collaborative"),
        ("activities[3].budget", "budget-not-stated", "missing", ""),
        ("activities[4].budget", "budget-not-stated", "missing", ""),
        ("activities[5].budget", "budget-not-stated", "missing", ""),
        ("finance.lines[1].item", "finance-line-no-activity", "disagreement", "Home Visit ANP"),
        ("activities[0].budget", "source-error", "disagreement", "£40,000"),
        ("activities[1].budget", "source-error", "disagreement", "£10,368"),
    ],
    "north-denbighshire/2022-23": [
        ("activities[4].budget", "money-unparseable", "figure", "£72,,000"),
        ("activities[2].budget", "budget-disagrees", "disagreement", "£79,083"),
        ("activities[1].sppc_priorities[0]", "source-error", "spelling", "Mental Wellbeing and Crisis Support"),
        ("activities[10].ministerial_priorities[0]", "source-error", "spelling",
         "Collaboration and integration between Health and Social"),
        ("activities[11].sppc_priorities[0]", "source-error", "spelling", "Mental Health"),
        ("activities[4].description", "source-error", "spelling", "Nurse ole"),
        ("challenges.md", "source-error", "duplicate", "Recruitment and retention across all teams in the locality,"),
        ("title", "source-error", "name-variant", "North Denbighshire Cluster"),
        ("achievements.md", "source-error", "copied", "a priority for 21/22 is to build on the collaborative"),
        ("activities[3].budget", "budget-not-stated", "missing", ""),
        ("activities[5].budget", "budget-not-stated", "missing", ""),
        ("activities[6].budget", "budget-not-stated", "missing", ""),
        ("activities[7].budget", "budget-not-stated", "missing", ""),
        ("activities[8].budget", "budget-not-stated", "missing", ""),
        ("activities[9].budget", "budget-not-stated", "missing", ""),
        ("activities[10].budget", "budget-not-stated", "missing", ""),
        ("finance.lines[0].item", "finance-line-no-activity", "disagreement", "Physiotherapist"),
        ("finance.lines[2].item", "finance-line-no-activity", "disagreement", "Leads Payment"),
        ("activities[0].budget", "source-error", "disagreement", "£40,000"),
        ("activities[12].budget", "source-error", "disagreement", "£10,368"),
    ],
    "conwy-east/2022-23": [
        ("activities[1].budget", "budget-disagrees", "disagreement", "£79,083"),
        ("workforce.tables[0].rows[0][2]", "source-error", "figure", "22.83"),
        ("workforce.tables[2].rows[15][1]", "table-count-missing", "missing", ""),
        ("workforce.tables[4].rows[6][1]", "table-count-missing", "missing", ""),
        ("key_actions[1].actions[2]", "source-error", "missing", "Develop relationships with stakeholders,"),
        ("challenges.md", "source-error", "duplicate", "Recruitment and retention across all teams in the locality,"),
        ("executive-summary.md", "source-error", "missing", "the last 12 months were by the Covid-19 pandemic"),
        ("activities[2].budget", "budget-not-stated", "missing", ""),
        ("activities[3].budget", "budget-not-stated", "missing", ""),
        ("activities[5].budget", "budget-not-stated", "missing", ""),
        ("activities[6].budget", "budget-not-stated", "missing", ""),
        ("activities[7].budget", "budget-not-stated", "missing", ""),
        ("activities[8].budget", "budget-not-stated", "missing", ""),
        ("finance.lines[3].item", "finance-line-no-activity", "disagreement", "Care Home ANP"),
        ("finance.lines[4].item", "finance-line-no-activity", "disagreement", "Post consumables"),
        ("finance.lines[5].item", "finance-line-no-activity", "disagreement", "Training"),
        ("activities[0].budget", "source-error", "disagreement", "£40,000"),
        ("activities[9].budget", "source-error", "disagreement", "£10,368"),
    ],
    "conwy-west/2022-23": [
        ("activities[2].funding_sources[0]", "vocabulary-unknown", "wrong-column", "In progress"),
        ("activities[2].budget", "money-unparseable", "wrong-column", "Cluster funding"),
        ("activities[1].budget", "source-error", "disagreement", "£129,369"),
        ("activities[4].ministerial_priorities[0]", "source-error", "spelling", "Mental health and well-being"),
        ("activities[5].description", "source-error", "missing", "To reduce the impact on primary care services and"),
        ("workforce.tables[0].rows[2][0]", "source-error", "spelling", "LLanrwst"),
        ("workforce.tables[1].rows[1][1]", "table-total-mismatch", "total", "3"),
        ("workforce.tables[1].rows[13][1]", "table-total-mismatch", "total", "49"),
        ("workforce.tables[1].rows[20][0]", "source-error", "figure", "NB Actual Note total amount of GPs is 76"),
        ("workforce.tables[1].rows[28][1]", "table-total-mismatch", "total", "2,106"),
        ("challenges.md", "source-error", "duplicate", "Recruitment and retention across all teams in the locality,"),
        ("activities[0].budget", "budget-no-finance-line", "disagreement", "£40,000"),
        ("activities[3].budget", "budget-not-stated", "missing", ""),
        ("finance.lines[1].item", "finance-line-no-activity", "disagreement", "Project Manager"),
        ("finance.lines[4].item", "finance-line-no-activity", "disagreement", "Post Consumables"),
    ],
    "arfon/2022-23": [
        ("activities[2].title", "source-error", "spelling", "Advanced Physiotherapi st"),
        ("activities[0].budget", "budget-disagrees", "disagreement", "£90,000"),
        ("activities[2].budget", "budget-disagrees", "disagreement", "Cluster funds £54,000"),
        ("activities[4].budget", "budget-disagrees", "disagreement", "Cluster funds £63,500"),
        ("activities[5].budget", "budget-disagrees", "disagreement", "£10,000"),
        ("activities[8].budget", "money-unparseable", "missing", "Cluster funds"),
        ("finance.lines[7].amount", "source-error", "disagreement", "TBC"),
        ("workforce.tables[0].rows[1][3]", "source-error", "missing", "1 1 1 7"),
        ("workforce.tables[0].rows[5][2]", "source-error", "missing", "Nil 4 1"),
        ("workforce.tables[0].rows[5][4]", "source-error", "missing",
         "Preventing the admission to acute setting providing"),
        ("executive-summary.md", "source-error", "copied", "Part of the work for 2021 will be"),
        ("finance.lines[8].note", "figure-malformed", "figure", "£37,701k"),
        ("finance.lines[6].item", "finance-line-no-activity", "disagreement",
         "I CAN OT Band 4 post – reviewed after 12 months TBC"),
        ("finance.lines[7].item", "finance-line-no-activity", "disagreement",
         "Leg ulcer Service: co –funded by Anglesey cluster"),
        ("finance.lines[8].item", "finance-line-no-activity", "disagreement",
         "Trainee ANP post for 3 years Band 6 (need to recruit)"),
    ],
    "dwyfor/2022-23": [
        ("title", "source-error", "name-variant", "Dwyfor & North Meirionnydd Cluster"),
        ("activities[1].new_or_existing_detail", "source-error", "wrong-column", "Completed. Staff attended course"),
        ("activities[4].budget", "money-unparseable", "wrong-column", "Transformation funding"),
        ("finance.lines[2].item", "figure-malformed", "figure", "£70,376k"),
        ("finance.lines[2].amount", "source-error", "disagreement", "£76,000"),
        ("finance.lines[3].item", "figure-malformed", "figure", "£75,402k"),
        ("finance.lines[4].item", "figure-malformed", "figure", "£112,538k"),
        ("finance.lines[4].item", "bracket-unbalanced", "bracket", "Yr 3 Onwards (Band 7 Dwyfor – £112,538k"),
        ("workforce.tables[0].rows[0][3]", "source-error", "missing", "72% 39% 20% 34%"),
        ("workforce.tables[0].rows[2][2]", "source-error", "missing", "1.0 WTE 1.0 WTE 0.96 WTE 12.04/ 1.0 Vacancy"),
        ("workforce.tables[0].rows[2][3]", "source-error", "missing", "1 7"),
        ("workforce.tables[0].rows[6][2]", "source-error", "missing", "1WTE 1WTE 10.32 + 0.96temp"),
        ("achievements.md", "source-error", "bracket", "Collaborative approach to support each other in a time of"),
        ("challenges.md", "source-error", "copied", "particularly in Tywyn"),
        ("activities[1].budget", "budget-not-stated", "missing", ""),
    ],
    "meirionnydd/2022-23": [
        ("title", "source-error", "name-variant", "South Meirionnydd Cluster"),
        ("activities[3].budget", "budget-disagrees", "copied", "£45,000"),
        ("activities[5].budget", "money-unparseable", "wrong-column", "Transformation funding"),
        ("finance.lines[0].amount", "source-error", "missing", ""),
        ("finance.lines[4].amount", "source-error", "missing", ""),
        ("finance.lines[5].amount", "source-error", "missing", ""),
        ("finance.lines[6].amount", "source-error", "missing", ""),
        ("workforce.tables[1].rows[0][3]", "source-error", "missing", "33% 26% 24% 0% 13%"),
        ("workforce.tables[1].rows[2][2]", "source-error", "missing", "1 1 4.61 WTE 1"),
        ("activities[2].budget", "budget-not-stated", "missing", ""),
        ("workforce.tables[1].rows[11][0]", "table-count-missing", "missing", ""),
    ],
    "anglesey/2022-23": [
        ("finance.total", "money-unparseable", "missing", "£"),
        ("finance.balance", "money-unparseable", "missing", "£"),
        ("leads[0].role", "source-error", "name-variant", "Ynys Mon Cluster Lead"),
        ("key_actions[3].actions[3]", "source-error", "missing", "Consider developing external"),
        ("activities[0]", "source-error", "missing", "£5,000"),
        ("activities[2].budget", "budget-no-finance-line", "disagreement", "Cluster funds £46,567"),
        ("activities[4].new_or_existing_detail", "tbc-misspelt", "spelling", "TCB"),
        ("finance.lines[5].amount", "source-error", "disagreement", "£1000"),
        ("executive-summary.md", "source-error", "other", "the advanced physiotherapists are increasingly managing"),
        ("workforce.tables[0].rows[0][5]", "source-error", "placeholder", "X retirement papers"),
        ("workforce.tables[0].rows[5][2]", "source-error", "missing", ""),
        ("workforce.tables[0].rows[6][2]", "source-error", "figure", "1x1.0.2x0.6"),
        ("activities[4].budget", "budget-not-stated", "missing", ""),
        ("finance.lines[5].item", "finance-line-no-activity", "disagreement",
         "Leg Ulcer Service – funding for 12 months co-funded with"),
        ("activities[8].budget", "budget-not-stated", "missing", ""),
    ],
}

CASES = [(plan, *flag) for plan, flags in FLAGS.items() for flag in flags]
IDS = [f"{plan}:{field}:{code}:{kind}" for plan, field, code, kind, _ in CASES]

# Mistakes whose words the document prints outside the plan (its overview), not at the plan's own field.
PRINTED_OUTSIDE_THE_PLAN = {("central-and-south-denbighshire/2022-23", "activities")}


@pytest.fixture(scope="module")
def problems() -> list[Problem]:
    return validate(PROJECT).report.problems


def reported(problems: list[Problem], plan: str, field: str) -> list[Problem]:
    return reported_at(problems, f"{BOARD}/{plan}", field)


def value_at(plan: str, field: str) -> object:
    return plan_value(f"{BOARD}/{plan}", field)


@pytest.mark.parametrize("plan, field, code, kind, as_written", CASES, ids=IDS)
def test_each_source_mistake_is_reported_as_an_acknowledged_warning(problems, plan, field, code, kind, as_written):
    found = reported(problems, plan, field)
    matching = [p for p in found if p.code == code and dict(p.values).get("kind") == kind and as_written in p.as_written]
    assert matching, f"{plan} {field}: expected {code} of kind {kind} printed {as_written!r}, found " + \
        "; ".join(f"{p.code} {p.message}" for p in found)
    for p in matching:
        assert p.severity == WARNING
        assert p.acknowledged, "the flag carries the plan's note for the public"


@pytest.mark.parametrize("plan, field, code, kind, as_written", CASES, ids=IDS)
def test_the_plan_still_holds_what_the_source_printed(plan, field, code, kind, as_written):
    if (plan, field) in PRINTED_OUTSIDE_THE_PLAN:
        return
    if field.endswith(".md"):
        assert as_written in (PROJECT / BOARD / plan / field).read_text(encoding="utf-8")
        return
    value = value_at(plan, field)
    if not as_written:
        assert value in (None, "", []), f"{field} holds {value!r} where the source has nothing"
        return
    if isinstance(value, dict) and ("as_written" in value or "note" in value):
        value = value.get("as_written") or value.get("note")
    if "_priorities[" in field and as_written not in str(value):
        # A garbled priority is filed under its term; the plan's own wording stays beside it.
        value = value_at(plan, field.split("_priorities[")[0].rsplit(".", 1)[0] + ".alignment_detail")
    assert as_written in str(value)


def test_the_overview_s_chronic_conditions_nurses_are_not_in_the_plan():
    # The overview promises Central-South Denbighshire two Chronic Conditions nurses; the plan has none.
    plan = "central-and-south-denbighshire/2022-23"
    titles = [a["title"] for a in value_at(plan, "activities")]
    assert not any("chronic" in t.lower() for t in titles), titles
    assert ["Chronic Conditions Nurses", "0"] in value_at(plan, "workforce.tables[1].rows")


def test_no_known_issue_of_these_plans_is_left_unmatched(problems):
    ours = tuple(f"{BOARD}/{plan}/" for plan in FLAGS)
    stray = [p.message for p in problems
             if p.file.startswith(ours) and p.code in {"known-issue-unmatched", "known-issue-bad-field"}]
    assert stray == []


def test_workforce_headers_with_a_comma_stay_one_column():
    for plan in ("meirionnydd/2022-23", "anglesey/2022-23"):
        table = [t for t in value_at(plan, "workforce.tables") if t["caption"] != ""][-1]
        assert table["columns"][-1] == "Comments (e.g. gaps in services, training needs)", plan
        assert {len(row) for row in table["rows"]} == {len(table["columns"])}, plan


def test_budgets_that_are_not_figures_are_kept_as_printed(problems):
    [flag] = [p for p in reported(problems, "central-and-south-denbighshire/2022-23", "activities[2].budget")]
    assert flag.code == "money-unparseable"
    assert "'December 2021' is not an amount of money" in flag.message
    assert flag.acknowledged.startswith("The budget cell of the Extra Care Housing row holds a date")
    estates = value_at("dwyfor/2022-23", "activities[3].budget")
    assert estates == {"tbc": True, "as_written": "Not yet agreed – enquiries being undertaken"}


def test_the_finance_total_note_says_what_the_lines_add_up_to(problems):
    [flag] = [p for p in reported(problems, "central-and-south-denbighshire/2022-23", "finance.total")]
    assert flag.message.startswith("the total is £189,483, but the lines add up to £189,493 (known issue")
    assert "£86,035 and £103,458" in flag.acknowledged


def test_both_broken_figures_of_a_finance_note_are_flagged_with_its_one_note(problems):
    flags = [p for p in reported(problems, "arfon/2022-23", "finance.lines[8].note") if p.code == "figure-malformed"]
    assert sorted(dict(p.values)["written"] for p in flags) == ["£37,701k", "£56, 269k"]
    assert all("£37,701k" in p.acknowledged and "£56, 269k" in p.acknowledged for p in flags)


def test_worked_out_rows_of_the_locality_tables_are_checked(problems):
    [average] = reported(problems, "conwy-west/2022-23", "workforce.tables[1].rows[28][1]")
    assert average.code == "table-total-mismatch" and "2,106" in average.message
    assert "about 2,035" in average.acknowledged
    # Where the source's own figures agree, nothing is flagged.
    assert reported(problems, "central-and-south-denbighshire/2022-23", "workforce.tables[0].rows[13][1]") == []
