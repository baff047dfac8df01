"""The mistakes source documents make, each found by a rule: one mistake made in a copy of the fixture
repository, and the exact line `cluster-plans validate` prints for it.

These are warnings (the plan keeps the figure as printed and the site flags it), except a table whose
rows and header differ in width, which is a conversion slip and an error.
"""

from __future__ import annotations

import pytest

from plan_testing import NEF_2023, PROBLEM_LINE, UV_2022, CliResult, Repo

NEF_PLAN = f"{NEF_2023}/plan.yaml"
UV_PLAN = f"{UV_2022}/plan.yaml"
ACHIEVEMENTS = f"{NEF_2023}/achievements.md"


@pytest.fixture
def pristine(repo: Repo) -> CliResult:
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0, result.output
    return result


def new_problems(result: CliResult, pristine: CliResult) -> list[tuple[str, int, str]]:
    """Problems beyond the fixture's own, compared by file, code and message: an edit that adds or
    removes lines moves the fixture's own problems, which are still the same problems."""
    def said(r: CliResult) -> list:
        return [m for m in map(PROBLEM_LINE.match, r.lines) if m]
    before = {(m["file"], m["code"], m["message"]) for m in said(pristine)}
    return [(m["file"], int(m["line"]), m["code"]) for m in said(result)
            if (m["file"], m["code"], m["message"]) not in before]


def shows(result: CliResult, file: str, line: int, col: int, severity: str, code: str, message: str) -> str:
    hint = result.hint_after(f"{file}:{line}:{col}: {severity} {code}: {message}")
    assert hint
    return hint


def only_new_warning(repo: Repo, pristine: CliResult, file: str, line: int, code: str) -> CliResult:
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0, result.output
    assert new_problems(result, pristine) == [(file, line, code)], result.output
    return result


# --- activity and finance tables ----------------------------------------------------------------


def test_activity_and_finance_line_with_different_amounts(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "    - item: Frail and Vulnerable Service\n      amount: £18,500\n",
                 "    - item: Frail and Vulnerable Service\n      amount: £18,000\n")
    line = repo.line_of(NEF_PLAN, "    budget: £18,500")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "budget-disagrees")
    hint = shows(result, NEF_PLAN, line, 13, "warning", "budget-disagrees",
                 "the activity table gives 'Frail and vulnerable Service' a budget of £18,500, but the finance line"
                 " 'Frail and Vulnerable Service' says £18,000")
    assert "problem: budget-disagrees, field: activities[frail-and-vulnerable].budget" in hint


def test_activity_amount_against_a_finance_line_to_be_confirmed(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "    - item: Frail and Vulnerable Service\n      amount: £18,500\n",
                 "    - item: Frail and Vulnerable Service\n      amount: TBC\n")
    line = repo.line_of(NEF_PLAN, "    budget: £18,500")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "budget-disagrees")
    shows(result, NEF_PLAN, line, 13, "warning", "budget-disagrees",
          "the activity table gives 'Frail and vulnerable Service' a budget of £18,500, but the finance line"
          " 'Frail and Vulnerable Service' says TBC")


def test_budgeted_activity_without_a_finance_line(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "    - item: Frail and Vulnerable Service\n      amount: £18,500\n", "")
    line = repo.line_of(NEF_PLAN, "    budget: £18,500")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "budget-no-finance-line")
    shows(result, NEF_PLAN, line, 13, "warning", "budget-no-finance-line",
          "'Frail and vulnerable Service' has a budget of £18,500, but no line of the finance table is for it")


def test_finance_line_for_no_activity(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "    - item: Frail and Vulnerable Service\n",
                 "    - item: Leg Ulcer Clinic\n      amount: £1000\n    - item: Frail and Vulnerable Service\n")
    line = repo.line_of(NEF_PLAN, "    - item: Leg Ulcer Clinic")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "finance-line-no-activity")
    shows(result, NEF_PLAN, line, 13, "warning", "finance-line-no-activity",
          "the finance line 'Leg Ulcer Clinic' (£1000) is for no activity of the activity table")


def test_titles_that_differ_pair_by_their_shared_amount(repo: Repo, pristine: CliResult):
    # The source names one piece of work twice in two ways; its figure is the same in both tables.
    repo.replace(NEF_PLAN, "    - item: Frail and Vulnerable Service\n", "    - item: Care of the housebound\n")
    result = repo.validate()
    assert new_problems(result, pristine) == []


@pytest.mark.parametrize("empty", ["    budget:\n", '    budget: ""\n'])
def test_empty_budget_is_a_warning_like_tbc(repo: Repo, pristine: CliResult, empty: str):
    line = repo.line_of(NEF_PLAN, "    budget: £18,500")
    repo.replace(NEF_PLAN, "    budget: £18,500\n", empty)
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "budget-not-stated")
    shows(result, NEF_PLAN, line, 5 if empty.endswith(":\n") else 13, "warning", "budget-not-stated",
          "'Frail and vulnerable Service' has an empty budget, so the site shows it as not stated")


def test_activity_without_any_budget(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "    budget: £18,500\n", "")
    line = repo.line_of(NEF_PLAN, "  - id: frail-and-vulnerable")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "budget-not-stated")
    shows(result, NEF_PLAN, line, 5, "warning", "budget-not-stated",
          "'Frail and vulnerable Service' states no budget, so the site shows it as not stated")


# --- figures in the words ------------------------------------------------------------------------


def test_misspelt_tbc(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "      - Recruitment of Physios\n", "      - Recruitment of Physios, budget TCB\n")
    line = repo.line_of(NEF_PLAN, "budget TCB")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "tbc-misspelt")
    shows(result, NEF_PLAN, line, 9, "warning", "tbc-misspelt", "'TCB' looks like a misspelling of TBC (to be confirmed)")


@pytest.mark.parametrize("written, reason", [
    ("£37,701k", "it gives thousands twice, with a comma and 'k'"),
    ("£56, 269k", "it has a space inside the figure"),
    ("£72,,000", "it has a doubled comma"),
    ("£77,0194.24", "its thousands are not grouped in threes"),
])
def test_broken_amount_in_a_note(repo: Repo, pristine: CliResult, written: str, reason: str):
    repo.replace(NEF_PLAN, "    - item: Frail and Vulnerable Service\n      amount: £18,500\n",
                 f"    - item: Frail and Vulnerable Service\n      amount: £18,500\n      note: Full cost {written}\n")
    line = repo.line_of(NEF_PLAN, f"note: Full cost {written}")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "figure-malformed")
    shows(result, NEF_PLAN, line, 13, "warning", "figure-malformed",
          f"'{written}' in finance line 4, 'Frail and Vulnerable Service' is not a well-formed amount: {reason}")


def test_well_formed_amounts_in_text_pass(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "      - Recruitment of Physios\n",
                 "      - Recruitment of Physios, £37.7k a year, £1,200 set up, £5 per patient\n")
    assert new_problems(repo.validate(), pristine) == []


def test_percentage_over_the_whole(repo: Repo, pristine: CliResult):
    repo.replace(UV_PLAN, "  - fact: The Cluster area has 4 GP practices (1 of which operates branch practices).\n",
                 "  - fact: The Cluster area has 4 GP practices, serving 118.7% of the population.\n")
    line = repo.line_of(UV_PLAN, "118.7%")
    result = only_new_warning(repo, pristine, UV_PLAN, line, "percentage-impossible")
    shows(result, UV_PLAN, line, 11, "warning", "percentage-impossible",
          "'118.7%' in key fact 2 is a share of more than the whole")


def test_percentage_growth_over_the_whole_is_possible(repo: Repo, pristine: CliResult):
    repo.replace(UV_PLAN, "  - fact: The Cluster area has 4 GP practices (1 of which operates branch practices).\n",
                 "  - fact: Demand for appointments has seen an increase of 120% since 2019.\n")
    assert new_problems(repo.validate(), pristine) == []


def test_unbalanced_bracket(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "      - Recruitment of Physios\n", "      - Recruitment of Physios (see workforce\n")
    line = repo.line_of(NEF_PLAN, "(see workforce")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "bracket-unbalanced")
    shows(result, NEF_PLAN, line, 9, "warning", "bracket-unbalanced",
          "'Recruitment of Physios (see workforce' in activity 3, 'First Contact Physio' has a '(' that is never closed")


def test_enumerating_letters_are_not_brackets(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "      - Recruitment of Physios\n", "      - a) Recruitment of Physios b) training\n")
    assert new_problems(repo.validate(), pristine) == []


EDITING_NOTE = ("'check source' in achievements.md is an editing note, not part of the plan; a published plan"
                " cannot go out with it")


def test_editing_note_left_in_a_published_plan_is_an_error(repo: Repo, pristine: CliResult):
    repo.replace(ACHIEVEMENTS, "via the local practices.", "via the local practices (check source).")
    line = repo.line_of(ACHIEVEMENTS, "(check source)")
    result = repo.validate()
    assert result.exit_code == 1
    assert new_problems(result, pristine) == [(ACHIEVEMENTS, line, "placeholder-left")], result.output
    hint = shows(result, ACHIEVEMENTS, line, 1, "error", "placeholder-left", EDITING_NOTE)
    assert hint.startswith("Replace the note with what it asks for. If the plan is not ready to publish, set"
                           " status: draft in plan.yaml until it is.")
    assert "problem: placeholder-left, field: achievements.md" in hint


def test_editing_note_left_in_a_draft_warns(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "\nstatus: published\n", "\nstatus: draft\n")
    repo.replace(ACHIEVEMENTS, "via the local practices.", "via the local practices (check source).")
    line = repo.line_of(ACHIEVEMENTS, "(check source)")
    result = repo.validate()
    assert result.exit_code == 0, result.output
    hint = shows(result, ACHIEVEMENTS, line, 1, "warning", "placeholder-left", EDITING_NOTE)
    assert "set status: draft" not in hint


def test_editing_note_the_source_prints_is_recorded_and_stays_a_warning(repo: Repo, pristine: CliResult):
    repo.replace(ACHIEVEMENTS, "via the local practices.", "via the local practices (check source).")
    text = repo.read(NEF_PLAN)
    repo.write(NEF_PLAN, text.replace("\nknown_issues:\n", "\nknown_issues:\n  - problem: placeholder-left\n"
                                      "    field: achievements.md\n    kind: placeholder\n"
                                      "    note: The source still carries the authors' note 'check source'.\n", 1))
    line = repo.line_of(ACHIEVEMENTS, "(check source)")
    result = only_new_warning(repo, pristine, ACHIEVEMENTS, line, "placeholder-left")
    shows(result, ACHIEVEMENTS, line, 1, "warning", "placeholder-left",
          "'check source' in achievements.md is an editing note, not part of the plan (known issue of the source:"
          " The source still carries the authors' note 'check source'.)")


def test_misspelt_programme_priority_in_key_actions(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "  - theme: Primary Care Access\n", "  - theme: Acceleration Cluster Development Demand\n")
    line = repo.line_of(NEF_PLAN, "Acceleration Cluster Development Demand")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "term-misspelt")
    shows(result, NEF_PLAN, line, 12, "warning", "term-misspelt",
          "the theme 'Acceleration Cluster Development Demand' looks like the SPPC programme priority"
          " 'Accelerated Cluster Development', misspelt")


# --- numbering and repeats ---------------------------------------------------------------------


@pytest.mark.parametrize("third, reason", [("2", "the number is repeated"), ("4", "a number is skipped")])
def test_numbering_of_key_actions(repo: Repo, pristine: CliResult, third: str, reason: str):
    repo.replace(NEF_PLAN, '      - "Sustainability: this will be a huge challenge for all going forwards"\n'
                           "      - Cost of Living Crisis\n"
                           '      - "Retention of staff: both clinical and administrative"\n',
                 '      - "1. Sustainability: this will be a huge challenge for all going forwards"\n'
                 "      - 2. Cost of Living Crisis\n"
                 f'      - "{third}. Retention of staff: both clinical and administrative"\n')
    line = repo.line_of(NEF_PLAN, f'"{third}. Retention of staff')
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "numbering-broken")
    shows(result, NEF_PLAN, line, 9, "warning", "numbering-broken",
          f"the list of actions in key action theme 1, 'Primary Care Sustainability' numbers '{third}' after '2': {reason}")


def test_numbered_list_in_prose_that_markdown_would_renumber(repo: Repo, pristine: CliResult):
    repo.replace(ACHIEVEMENTS, "- Practices supported each other through staff sickness and shared resources.\n",
                 "1. Practices supported each other.\n2. Shared resources.\n2. Staff sickness covered.\n")
    line = repo.line_of(ACHIEVEMENTS, "2. Staff sickness covered.")
    result = only_new_warning(repo, pristine, ACHIEVEMENTS, line, "numbering-broken")
    shows(result, ACHIEVEMENTS, line, 1, "warning", "numbering-broken",
          "the list in achievements.md numbers '2' after '2': the number is repeated")


def test_repeated_row(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, '        - ["21/22", "32", "24", "15.80", "766 based on 17/18 figures", "2.39"]\n',
                 '        - ["21/22", "32", "24", "15.80", "766 based on 17/18 figures", "2.39"]\n' * 2)
    line = repo.line_of(NEF_PLAN, '"21/22", "32"', nth=2)
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "duplicate-entry")
    shows(result, NEF_PLAN, line, 11, "warning", "duplicate-entry",
          "entry 3 of rows in table 1, 'Current workforce' repeats entry 2 word for word")


def test_repeated_paragraph_in_prose(repo: Repo, pristine: CliResult):
    paragraph = ("**Phlebotomy:** the cluster provided a Phlebotomy service response via the local practices.\n")
    repo.replace(ACHIEVEMENTS, paragraph, paragraph + "\n" + paragraph)
    line = repo.line_of(ACHIEVEMENTS, "**Phlebotomy:**", nth=2)
    first = repo.line_of(ACHIEVEMENTS, "**Phlebotomy:**")
    result = only_new_warning(repo, pristine, ACHIEVEMENTS, line, "duplicate-entry")
    shows(result, ACHIEVEMENTS, line, 1, "warning", "duplicate-entry",
          f"the paragraph on line {line} of achievements.md repeats line {first} word for word")


def add_to(repo: Repo, tables: str) -> None:
    """Give the Upper Valleys plan the tables (it has none of its own in the fixture)."""
    repo.write(UV_PLAN, repo.read(UV_PLAN) + tables)


# --- tables -------------------------------------------------------------------------------------

GP_TABLE = """
tables:
  - caption: GPs by practice
    columns: [Practice, GPs, Nurses]
    rows:
      - [Bron Derw, 4, 2]
      - [Bryn Coch, 3, 5]
      - [Total, {gps}, 7]
"""


def test_total_row_that_does_not_add_up(repo: Repo, pristine: CliResult):
    add_to(repo, GP_TABLE.format(gps=8))
    line = repo.line_of(UV_PLAN, "[Total, 8, 7]")
    result = only_new_warning(repo, pristine, UV_PLAN, line, "table-total-mismatch")
    shows(result, UV_PLAN, line, 17, "warning", "table-total-mismatch",
          "the total of 'GPs' of the table 'GPs by practice' is 8, but the sum of 'Bron Derw' and 'Bryn Coch' is 7")


def test_total_row_that_adds_up(repo: Repo, pristine: CliResult):
    add_to(repo, GP_TABLE.format(gps=7))
    assert new_problems(repo.validate(), pristine) == []


LOCALITY = """
tables:
  - caption: Locality
    columns: ["", Locality]
    rows:
      - [Number of female GPs, "10"]
      - [Number of male GPs, "21"]
      - [Total Number of GPs, "{total}"]
      - [Total WTE of GPs, "25.14"]
      - [Total list size, "41,870"]
      - [Average list size per WTE GP, "{average}"]
    derived:
      - row: 2
        sum: [0, 1]
      - row: -1
        ratio: [4, 3]
"""


def test_declared_sum_and_ratio_rows(repo: Repo, pristine: CliResult):
    add_to(repo, LOCALITY.format(total=33, average="1,641"))
    total, average = repo.line_of(UV_PLAN, '[Total Number of GPs, "33"]'), repo.line_of(UV_PLAN, '"1,641"')
    result = repo.validate()
    assert new_problems(result, pristine) == [(UV_PLAN, total, "table-total-mismatch"),
                                              (UV_PLAN, average, "table-total-mismatch")]
    shows(result, UV_PLAN, total, 31, "warning", "table-total-mismatch",
          "'Total Number of GPs' of the table 'Locality' is 33, but the sum of 'Number of female GPs' and"
          " 'Number of male GPs' is 31")
    shows(result, UV_PLAN, average, 40, "warning", "table-total-mismatch",
          "'Average list size per WTE GP' of the table 'Locality' is 1,641, but 'Total list size' divided by"
          " 'Total WTE of GPs' is 1,665.47")


def test_declared_rows_that_agree(repo: Repo, pristine: CliResult):
    add_to(repo, LOCALITY.format(total=31, average="1,665"))
    assert new_problems(repo.validate(), pristine) == []


def test_total_column(repo: Repo, pristine: CliResult):
    table = ("\ntables:\n  - caption: Staff\n    columns: [Team, Nurses, Therapists, All staff]\n    total_column: -1\n"
             "    rows:\n      - [Llandudno, 26, 17, 43]\n      - [Llanrwst, 13, 17, 31]\n")
    add_to(repo, table)
    line = repo.line_of(UV_PLAN, "[Llanrwst, 13, 17, 31]")
    result = only_new_warning(repo, pristine, UV_PLAN, line, "table-total-mismatch")
    shows(result, UV_PLAN, line, 28, "warning", "table-total-mismatch",
          "the total of 'Llanrwst' of the table 'Staff' is 31, but the sum of its figures is 30")


def test_table_check_naming_no_row(repo: Repo, pristine: CliResult):
    table = ("\ntables:\n  - caption: Staff\n    columns: [Team, Nurses]\n    total_row: 5\n"
             "    rows:\n      - [Llandudno, 26]\n      - [Total, 26]\n")
    add_to(repo, table)
    line = repo.line_of(UV_PLAN, "    total_row: 5")
    result = repo.validate()
    assert result.exit_code == 1
    assert result.errors() == [(UV_PLAN, line, "table-bad-reference")]
    shows(result, UV_PLAN, line, 16, "error", "table-bad-reference",
          "total_row is 5, but the table 'Staff' has 2 rows")


def test_row_without_its_count(repo: Repo, pristine: CliResult):
    table = ("\ntables:\n  - caption: CRT Workforce\n    columns: [Health Care Professional, Number of Staff]\n"
             "    rows:\n      - [District Nurses, '15']\n      - [Midwife, '2']\n      - [Family Worker, '7']\n"
             "      - [Safeguarding Nurse, '']\n")
    add_to(repo, table)
    line = repo.line_of(UV_PLAN, "[Safeguarding Nurse, '']")
    result = only_new_warning(repo, pristine, UV_PLAN, line, "table-count-missing")
    shows(result, UV_PLAN, line, 30, "warning", "table-count-missing",
          "'Safeguarding Nurse' in the table 'CRT Workforce' has no 'Number of Staff', although the other rows"
          " have one")


def test_header_split_at_a_comma_is_an_error(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, 'columns: ["", GP’s across the cluster, Dental across the cluster, CRT for Flintshire,'
                           ' Social Care for the cluster, OT for Flintshire]',
                 'columns: ["", GP’s across the cluster, Dental across the cluster, CRT for Flintshire,'
                 ' Social Care for the cluster, OT for Flintshire (e.g. adults, children)]')
    line = repo.line_of(NEF_PLAN, "(e.g. adults, children)")
    result = repo.validate()
    assert result.exit_code == 1
    assert result.errors() == [(NEF_PLAN, line, "table-width-mismatch")]
    hint = shows(result, NEF_PLAN, line, 16, "error", "table-width-mismatch",
                 "the header of the table 'Current workforce' has 7 columns, but every row has 6 cells")
    assert 'must be in quotes, e.g. [Service, "Comments (e.g. gaps in services, training needs)"]' in hint


def test_row_of_another_width_is_an_error(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, '        - ["21/22", "32", "24", "15.80", "766 based on 17/18 figures", "2.39"]\n',
                 '        - ["21/22", "32", "24", "15.80", "766 based on 17/18 figures"]\n')
    line = repo.line_of(NEF_PLAN, '"21/22", "32"')
    result = repo.validate()
    assert result.errors() == [(NEF_PLAN, line, "table-width-mismatch")]
    shows(result, NEF_PLAN, line, 11, "error", "table-width-mismatch",
          "the header of the table 'Current workforce' has 6 columns, but row 2 has 5 cells")


# --- recorded as known issues -----------------------------------------------------------------


def test_a_rule_acknowledged_as_a_known_issue_keeps_its_note(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "    - item: Frail and Vulnerable Service\n      amount: £18,500\n",
                 "    - item: Frail and Vulnerable Service\n      amount: £18,000\n")
    repo.write(NEF_PLAN, repo.read(NEF_PLAN) + "  - problem: budget-disagrees\n    field: activities[frail-and-vulnerable].budget\n"
               "    as_written: £18,000\n    note: The finance table gives £18,000, the activity table £18,500.\n")
    line = repo.line_of(NEF_PLAN, "    budget: £18,500")
    result = only_new_warning(repo, pristine, NEF_PLAN, line, "budget-disagrees")
    shows(result, NEF_PLAN, line, 13, "warning", "budget-disagrees",
          "the activity table gives 'Frail and vulnerable Service' a budget of £18,500, but the finance line"
          " 'Frail and Vulnerable Service' says £18,000 (known issue of the source: The finance table gives"
          " £18,000, the activity table £18,500.)")
    assert "known-issue-unmatched" not in result.codes()
