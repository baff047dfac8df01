"""No silent wrong page: a value the page would show other than the lead wrote it is named at its place.

Each test makes one mistake a practice manager makes in a copy of the real plans (the fixture repository's
plans are copies of them) and asserts the line `cluster-plans validate` prints, as a lead reads it.
"""

from __future__ import annotations

from plan_testing import NEF_2023, REAL_REPO, UV_2022, CliResult, Repo, run_cli

NEF_PLAN = f"{NEF_2023}/plan.yaml"
UV_PLAN = f"{UV_2022}/plan.yaml"


def shown(result: CliResult, file: str, line: int, col: int, severity: str, code: str, message: str) -> str:
    return result.hint_after(f"{file}:{line}:{col}: {severity} {code}: {message}")


def test_no_typed_in_a_workforce_cell_is_an_error_not_a_zero(repo: Repo):
    repo.replace(NEF_PLAN, '["21/22", "32", "24"', '["21/22", "32", No')
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, '["21/22", "32", No')
    assert result.exit_code == 1
    assert result.errors() == [(NEF_PLAN, line, "cell-yes-no")]
    hint = shown(result, NEF_PLAN, line, 27, "error", "cell-yes-no",
                 "the cell 'Dental across the cluster' of row '21/22' in the table 'Current workforce' is written No,"
                 " which YAML reads as yes/no: the page would show 0")
    assert hint == 'Put it in quotes if the word is meant, "No", or write the figure it stands for (0 for none).'
    # The fix as the hint writes it validates.
    repo.replace(NEF_PLAN, '["21/22", "32", No', '["21/22", "32", "No"')
    assert repo.validate().exit_code == 0


def test_yes_as_a_whole_time_equivalent_is_an_error(repo: Repo):
    repo.replace(UV_PLAN, "      wte: 0.2\n", "      wte: yes\n")
    result = repo.validate()
    line = repo.line_of(UV_PLAN, "wte: yes")
    assert result.errors() == [(UV_PLAN, line, "cell-yes-no")]
    shown(result, UV_PLAN, line, 12, "error", "cell-yes-no",
          "the whole-time equivalent of the role 'Paediatric Occupational Therapist' is written yes, which YAML"
          " reads as yes/no: the page would show 1")


def test_empty_or_worded_whole_time_equivalent_is_a_warning(repo: Repo):
    repo.replace(UV_PLAN, "      wte: 0.2\n", "      wte: \"\"\n")
    repo.replace(UV_PLAN, "      wte: 0.25\n", "      wte: a quarter\n")
    result = repo.validate()
    assert result.exit_code == 0
    empty, words = repo.line_of(UV_PLAN, 'wte: ""'), repo.line_of(UV_PLAN, "wte: a quarter")
    shown(result, UV_PLAN, empty, 12, "warning", "cell-not-a-figure",
          "the whole-time equivalent of the role 'Paediatric Occupational Therapist' holds nothing where a figure goes")
    hint = shown(result, UV_PLAN, words, 12, "warning", "cell-not-a-figure",
                 "the whole-time equivalent of the role 'Cluster Support Officer' holds 'a quarter' where a figure goes")
    assert hint.startswith("Write the figure, e.g. 1.5, or N/A if there is none, or TBC if it is not known yet.")
    # The role the source gives no whole-time equivalent at all (the Audiologist) is not reported.
    assert "'Audiologist'" not in result.output


def test_words_in_a_column_of_figures_are_a_warning(repo: Repo):
    repo.replace(NEF_PLAN, '["21/22", "32", "24", "15.80"', '["21/22", "32", "24", "about sixteen"')
    repo.replace(NEF_PLAN, '"766 based on 17/18 figures", "2.39"]\n\nknown',
                 '"766 based on 17/18 figures", "2.39"]\n        - ["20/21", "30", "23", "16.2", "N/A", "2.1"]\n\nknown')
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "about sixteen")
    assert result.exit_code == 0
    assert [p for p in result.warnings() if p[2] == "cell-not-a-figure"] == [(NEF_PLAN, line, "cell-not-a-figure")]
    shown(result, NEF_PLAN, line, 33, "warning", "cell-not-a-figure",
          "the cell 'CRT for Flintshire' of row '21/22' in the table 'Current workforce' holds 'about sixteen'"
          " where a figure goes")


def test_new_or_existing_holding_tbc_or_a_status_says_what_to_do(repo: Repo):
    text = repo.read(NEF_PLAN)
    first = text.index("    new_or_existing: existing")
    second = text.index("    new_or_existing: existing", first + 1)
    text = (text[:first] + "    new_or_existing: TBC" + text[first + len("    new_or_existing: existing"):second]
            + "    new_or_existing: Completed" + text[second + len("    new_or_existing: existing"):])
    repo.write(NEF_PLAN, text)
    result = repo.validate()
    tbc, status = repo.line_of(NEF_PLAN, "new_or_existing: TBC"), repo.line_of(NEF_PLAN, "new_or_existing: Completed")
    assert result.exit_code == 1
    hint = shown(result, NEF_PLAN, tbc, 22, "error", "vocabulary-unknown",
                 "'TBC' is not a known new or existing activity")
    assert hint == ("Use one of: new; existing. If it is not known yet, leave new_or_existing out and keep the plan's"
                    " words in new_or_existing_detail: TBC")
    hint = shown(result, NEF_PLAN, status, 22, "error", "vocabulary-unknown",
                 "'Completed' is not a known new or existing activity")
    assert "'Completed' is an activity status: write status: completed" in hint


def test_since_after_the_plans_year_is_an_error(repo: Repo):
    text = repo.read(NEF_PLAN)
    repo.write(NEF_PLAN, text.replace("    since: 2021-22\n", "    since: 2024-25\n", 1))
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "since: 2024-25")
    assert result.errors() == [(NEF_PLAN, line, "since-after-plan-year")]
    hint = shown(result, NEF_PLAN, line, 12, "error", "since-after-plan-year",
                 "'Improving access' is an existing activity since 2024-25, after this plan's year 2023-24: the"
                 " page would say it has run since a year that has not begun")
    assert hint.startswith("Write the plan year it started in, 2023-24 or earlier;")


def test_published_plan_without_its_executive_summary_is_an_error(repo: Repo):
    repo.path(f"{NEF_2023}/executive-summary.md").unlink()
    repo.path(f"{NEF_2023}/executive-summary.cy.md").unlink()
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "status: published")
    assert result.errors() == [(NEF_PLAN, line, "plan-missing-section")]
    hint = shown(result, NEF_PLAN, line, 9, "error", "plan-missing-section",
                 "the plan has no executive summary (write it in executive-summary.md (forward-look.md in the Swansea"
                 " Bay IMTP format)), which a published plan cannot go out with")
    assert "set status: draft" in hint
    assert "problem: plan-missing-section, field: executive-summary.md, kind: missing" in hint
    # A draft may lack it for now: a warning.
    repo.replace(NEF_PLAN, "status: published", "status: draft")
    draft = repo.validate()
    assert draft.exit_code == 0
    assert (NEF_PLAN, line, "plan-missing-section") in draft.warnings()
    # Recorded as the source's gap, a published plan keeps it as a warning.
    repo.replace(NEF_PLAN, "status: draft", "status: published")
    repo.write(NEF_PLAN, repo.read(NEF_PLAN) + "  - problem: plan-missing-section\n    field: executive-summary.md\n"
               "    kind: missing\n    note: The source document has no executive summary.\n")
    recorded = repo.validate()
    assert recorded.exit_code == 0, recorded.output


def test_the_swansea_bay_format_gives_the_same_parts_by_other_names(repo: Repo):
    # Upper Valleys has a forward look, priority areas and an action plan: nothing is missing.
    assert "plan-missing-section" not in repo.validate().output
    repo.path(f"{UV_2022}/forward-look.md").unlink()
    result = repo.validate()
    assert (UV_PLAN, repo.line_of(UV_PLAN, "status: published"), "plan-missing-section") in result.errors()


def test_a_plan_without_activities_is_an_error_once_published(repo: Repo):
    text = repo.read(NEF_PLAN)
    start, end = text.index("activities:\n"), text.index("finance:\n")
    repo.write(NEF_PLAN, text[:start] + text[end:])
    result = repo.validate()
    assert "the plan has no activities (activities: in plan.yaml, one per row of the activity table" in result.output


def test_heading_that_skips_a_level_warns_at_its_line(repo: Repo):
    achievements = f"{NEF_2023}/achievements.md"
    repo.replace(achievements, "## Primary Care Sustainability", "### Primary Care Sustainability")
    result = repo.validate()
    assert result.exit_code == 0
    hint = shown(result, achievements, 3, 1, "warning", "heading-skips-level",
                 "this heading is level 3 (###) under a heading of level 1")
    assert hint == "Write it one level below the heading before it: ## Primary Care Sustainability"
    repo.replace(achievements, "### Primary Care Sustainability", "## Primary Care Sustainability")
    assert "heading-skips-level" not in repo.validate().output


def test_activity_budgets_beyond_allocation_and_carry_over_warn_naming_both(repo: Repo):
    # The real plans' budgets fit their funds (Meirionnydd's excepted, below).
    assert "budgets-exceed-allocation" not in repo.validate().output
    # North East Flintshire: the finance table's allocation, and one budget typed ten times over.
    repo.replace(NEF_PLAN, "    budget: £18,500", "    budget: £185,000")
    text = repo.read(NEF_PLAN)
    repo.write(NEF_PLAN, text.replace("finance:\n", "finance:\n  allocation: £100,000\n  carry_over: £5,000\n", 1))
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "allocation: £100,000")
    hint = shown(result, NEF_PLAN, line, 15, "warning", "budgets-exceed-allocation",
                 "the budgets of the 1 activities with an amount add up to £185,000, more than the allocation"
                 " £100,000 plus the carry-over £5,000 (£105,000)")
    assert "185000 for 18500" in hint


def test_meirionnydd_records_its_activity_budgets_beyond_its_funds_as_the_sources():
    # The real plan: its activity table gives Covid recovery £45,000 (as Dwyfor's does), its finance table £25,000.
    result = run_cli("validate", "--acknowledged", "clusters/betsi-cadwaladr/meirionnydd", cwd=REAL_REPO)
    assert result.exit_code == 0
    line = next(line for line in result.lines if " budgets-exceed-allocation: " in line)
    assert line.startswith("clusters/betsi-cadwaladr/meirionnydd/2022-23/plan.yaml:")
    assert ("the budgets of the 3 activities with an amount add up to £145,000, more than the allocation £135,000"
            " (known issue of the source: The activity table's budgets add up to £145,000") in line


def test_welsh_messages_name_the_cell(repo: Repo):
    repo.replace(NEF_PLAN, '["21/22", "32", "24"', '["21/22", "32", No')
    result = repo.validate("--language", "cy")
    assert ("gwall cell-yes-no: y gell 'Dental across the cluster' yn rhes '21/22' yn y tabl 'Current workforce':"
            " mae wedi'i ysgrifennu fel No, y mae YAML yn ei ddarllen fel ie/na: byddai'r dudalen yn dangos 0"
            ) in result.output


def test_a_first_heading_that_skips_a_level_says_which_heading_it_is_under(repo: Repo):
    difficulties = f"{NEF_2023}/difficulties.md"
    repo.write(difficulties, "### Cluster difficulties\n\nStaffing.\n")
    result = repo.validate()
    hint = shown(result, difficulties, 1, 1, "warning", "heading-skips-level",
                 "this heading is level 3 (###) under a heading of level 1 (the section's own heading, which the"
                 " page gives it)")
    assert hint == "Write it one level below the heading before it: ## Cluster difficulties"
