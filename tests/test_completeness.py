"""Completeness: empty values, template text left in, and what a published plan must not lack.

Each kind is made once in a published plan of the fixture and once in the same plan set to draft: the
line a lead sees, its severity and its hint. A gap that the plan records as its source document's stays a
warning, with the plan's note, whatever the status.
"""

from __future__ import annotations

import pytest

from plan_testing import NEF_2023, NWF_2022, UV_2022, Repo, run_cli

NEF_PLAN = f"{NEF_2023}/plan.yaml"
NWF_PLAN = f"{NWF_2022}/plan.yaml"
NEXT = "clusters/betsi-cadwaladr/north-east-flintshire/2024-25"
NOT_READY = " If the plan is not ready to publish, set status: draft in plan.yaml until it is."
NO_GO = ", which a published plan cannot go out with"


def first(repo: Repo, rel: str, old: str, new: str) -> None:
    """Change the first occurrence of `old`."""
    text = repo.read(rel)
    assert old in text
    repo.write(rel, text.replace(old, new, 1))


def reported(result, file: str, line: int, col: int, severity: str, code: str, message: str) -> str:
    return result.hint_after(f"{file}:{line}:{col}: {severity} {code}: {message}")


def set_status(repo: Repo, plan: str, status: str) -> None:
    repo.replace(plan, "\nstatus: published\n", f"\nstatus: {status}\n")


def without_source(repo: Repo, plan: str) -> None:
    """The plan no longer says it was transcribed from a source document: its gaps are its own."""
    text = repo.read(plan)
    start = text.index("\nsource:\n")
    end = text.index("\n\n", start + 1)
    repo.write(plan, text[:start] + text[end:])


def add_activity_without_results(repo: Repo, plan: str = NWF_PLAN) -> int:
    repo.replace(plan, "\nactivities:\n", "\nactivities:\n  - id: home-visits\n    title: Home visits\n"
                 "    funding_sources: [Cluster funding]\n")
    return repo.line_of(plan, "  - id: home-visits")


def add_known_issue(repo: Repo, plan: str, entry: str) -> None:
    text = repo.read(plan)
    if "\nknown_issues:\n" not in text:
        text = text.rstrip("\n") + "\n\nknown_issues:\n"
    repo.write(plan, text.replace("\nknown_issues:\n", "\nknown_issues:\n" + entry, 1))


# --- Values left empty ----------------------------------------------------------------------------


STATUS_HINT = ("Write the 'status' after the colon, one of: planned, started, ongoing, delayed, completed, stopped,"
               " or delete the line if it does not apply.")


def test_an_empty_activity_status_is_an_error_in_a_published_plan(repo: Repo):
    first(repo, NEF_PLAN, "    status: ongoing\n", "    status:\n")
    result = repo.validate(NEF_2023)
    lines = repo.read(NEF_PLAN).splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text == "    status:")
    hint = reported(result, NEF_PLAN, line, 12, "error", "plan-empty-value",
                    "the 'status' of activity 1, 'Improving access' is empty" + NO_GO)
    assert hint == STATUS_HINT + NOT_READY
    assert result.exit_code == 1


def test_an_empty_activity_status_only_warns_in_a_draft(repo: Repo):
    set_status(repo, NEF_PLAN, "draft")
    first(repo, NEF_PLAN, "    status: ongoing\n", "    status:\n")
    result = repo.validate(NEF_2023)
    lines = repo.read(NEF_PLAN).splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text == "    status:")
    hint = reported(result, NEF_PLAN, line, 12, "warning", "plan-empty-value",
                    "the 'status' of activity 1, 'Improving access' is empty" + NO_GO)
    assert hint == STATUS_HINT
    assert result.exit_code == 0


@pytest.mark.parametrize("status, severity, exit_code", [("published", "error", 1), ("draft", "warning", 0)])
def test_an_empty_origin_names_new_or_existing(repo: Repo, status: str, severity: str, exit_code: int):
    set_status(repo, NEF_PLAN, status)
    first(repo, NEF_PLAN, "    new_or_existing: existing\n", "    new_or_existing:\n")
    result = repo.validate(NEF_2023)
    line = repo.line_of(NEF_PLAN, "    new_or_existing:")
    hint = reported(result, NEF_PLAN, line, 21, severity, "plan-empty-value",
                    "the 'new_or_existing' of activity 1, 'Improving access' is empty" + NO_GO)
    assert hint.startswith("Write the 'new_or_existing' after the colon, one of: new, existing, or delete the line")
    assert result.exit_code == exit_code


@pytest.mark.parametrize("status", ["published", "draft"])
def test_an_empty_budget_warns_that_it_is_not_stated(repo: Repo, status: str):
    set_status(repo, NEF_PLAN, status)
    first(repo, NEF_PLAN, "    budget: TBC\n", "    budget:\n")
    result = repo.validate(NEF_2023)
    line = repo.line_of(NEF_PLAN, "    budget:")
    hint = reported(result, NEF_PLAN, line, 5, "warning", "budget-not-stated",
                    "'Improving access' has an empty budget, so the site shows it as not stated")
    assert hint.startswith("Write the amount, or TBC if it is not known yet")
    assert result.exit_code == 0


def test_an_empty_plan_status_is_an_error_naming_both_values(repo: Repo):
    repo.replace(NEF_PLAN, "\nstatus: published\n", "\nstatus:\n")
    result = repo.validate(NEF_2023)
    line = repo.line_of(NEF_PLAN, "status:")
    hint = reported(result, NEF_PLAN, line, 8, "error", "schema-invalid-value",
                    "expected one of 'draft' or 'published', received nothing")
    assert hint == "Write one of these as the 'status' of the plan: draft, published."
    assert result.exit_code == 1


# --- The template's text left in ------------------------------------------------------------------


def test_a_new_draft_warns_of_its_prompts_and_a_published_one_is_refused(repo: Repo):
    assert run_cli("new", "betsi-cadwaladr/north-east-flintshire", "2024-25", cwd=repo.root).exit_code == 0
    summary = f"{NEXT}/executive-summary.md"
    prompt = "Summarise the cluster's plan for 2024-25 in a few paragraphs: who the cluster is, what it..."
    draft = repo.validate(NEXT)
    hint = reported(draft, summary, 3, 1, "warning", "plan-template-text",
                    f"executive-summary.md still holds the template's text '{prompt}'" + NO_GO)
    assert hint == ("Replace it with the plan's own text, or delete it: the template's note is the lines starting"
                    " with '>' under the heading.")
    assert draft.exit_code == 0
    repo.replace(f"{NEXT}/plan.yaml", "status: draft", "status: published")
    published = repo.validate(NEXT)
    hint = reported(published, summary, 3, 1, "error", "plan-template-text",
                    f"executive-summary.md still holds the template's text '{prompt}'" + NO_GO)
    assert hint.endswith(NOT_READY)
    assert published.exit_code == 1


def test_the_note_naming_last_years_file_is_template_text(repo: Repo):
    # Only the template's pointer at last year's file is left: a path of the repository, not the plan's words.
    assert run_cli("new", "betsi-cadwaladr/north-east-flintshire", "2024-25", cwd=repo.root).exit_code == 0
    repo.write(f"{NEXT}/achievements.md", "# Key achievements\n\nThe cluster opened two clinics.\n\n"
               "> *Last year's text is in ../2023-24/achievements.md.*\n")
    repo.replace(f"{NEXT}/plan.yaml", "status: draft", "status: published")
    result = repo.validate(NEXT)
    reported(result, f"{NEXT}/achievements.md", 5, 1, "error", "plan-template-text",
             "achievements.md still holds the template's text 'Last year's text is in ../2023-24/achievements.md.'"
             + NO_GO)


@pytest.mark.parametrize("status, severity", [("published", "error"), ("draft", "warning")])
def test_the_template_example_lead_is_template_text(repo: Repo, status: str, severity: str):
    set_status(repo, NEF_PLAN, status)
    repo.replace(NEF_PLAN, "  - name: Dr Angharad Fletcher\n", "  - name: Dr A. N. Other\n")
    result = repo.validate(NEF_2023)
    line = repo.line_of(NEF_PLAN, "Dr A. N. Other")
    hint = reported(result, NEF_PLAN, line, 11, severity, "plan-template-text",
                    "the 'name' of lead 1, 'Dr A. N. Other' still holds the template's text 'Dr A. N. Other'" + NO_GO)
    assert hint == "Replace it with the plan's own text, or delete it." + (NOT_READY if status == "published" else "")


# --- Sections with no text ------------------------------------------------------------------------


EMPTY_NEEDS = "the section needs.md has no text"
RECORD_SECTION = (" If the source document itself has a heading and no text here, keep the plan as printed and record"
                  " the gap under known_issues: problem: plan-empty-section, field: needs.md, kind: missing,"
                  " note: <what the source leaves out>.")


def test_an_empty_section_of_a_published_plan_is_an_error(repo: Repo):
    repo.write(f"{NWF_2022}/needs.md", "# Population needs\n\n")
    result = repo.validate(NWF_2022)
    hint = reported(result, f"{NWF_2022}/needs.md", 1, 1, "error", "plan-empty-section", EMPTY_NEEDS + NO_GO)
    assert hint == ("Write the section's text under its heading, or delete the file if the plan has no such section."
                    + NOT_READY + RECORD_SECTION)
    assert result.exit_code == 1


@pytest.mark.parametrize("text", ["<!-- to do -->\n", "# Population needs\n\n<!-- Ask Sian for the figures\n   by Friday -->\n",
                                  ""], ids=["only a note to the editors", "a heading and a note", "nothing at all"])
def test_a_section_holding_only_notes_to_its_editors_is_empty(repo: Repo, text: str):
    repo.write(f"{NWF_2022}/needs.md", text)
    result = repo.validate(NWF_2022)
    reported(result, f"{NWF_2022}/needs.md", 1, 1, "error", "plan-empty-section", EMPTY_NEEDS + NO_GO)


def test_an_empty_section_of_a_draft_warns(repo: Repo):
    set_status(repo, NWF_PLAN, "draft")
    repo.write(f"{NWF_2022}/needs.md", "# Population needs\n\n")
    result = repo.validate(NWF_2022)
    hint = reported(result, f"{NWF_2022}/needs.md", 1, 1, "warning", "plan-empty-section", EMPTY_NEEDS + NO_GO)
    assert NOT_READY not in hint
    assert result.exit_code == 0


def test_a_plan_written_here_is_not_told_to_record_a_source_gap(repo: Repo):
    without_source(repo, NWF_PLAN)
    repo.write(f"{NWF_2022}/needs.md", "# Population needs\n\n")
    result = repo.validate(NWF_2022)
    hint = reported(result, f"{NWF_2022}/needs.md", 1, 1, "error", "plan-empty-section", EMPTY_NEEDS + NO_GO)
    assert "known_issues" not in hint


def test_a_section_the_source_leaves_empty_is_recorded_and_stays_a_warning(repo: Repo):
    repo.write(f"{NWF_2022}/needs.md", "# Population needs\n\n")
    add_known_issue(repo, NWF_PLAN, "  - problem: plan-empty-section\n    field: needs.md\n    kind: missing\n"
                    "    note: The source gives the heading Population needs and no text under it.\n")
    result = repo.validate("--acknowledged", NWF_2022)
    reported(result, f"{NWF_2022}/needs.md", 1, 1, "warning", "plan-empty-section",
             EMPTY_NEEDS + " (known issue of the source: The source gives the heading Population needs and no"
             " text under it.)")
    assert result.exit_code == 0


def test_a_section_whose_table_is_in_the_plan_is_not_empty(repo: Repo):
    # The risk register is a table under its heading in plan.yaml: the section file holds the heading only.
    repo.write(f"{UV_2022}/risks.md", "# Risk register\n")
    result = repo.validate(UV_2022)
    assert "plan-empty-section" not in result.codes(), result.output
    assert result.exit_code == 0


# --- Activities with no expected results --------------------------------------------------------


NO_RESULTS = "activity 1, 'Home visits' gives no expected results"
ADD_RESULTS = ("Add expected_results: to the activity, with what it should achieve by the end of March, one '- '"
               " line each.")
RECORD_RESULTS = (" If the source document itself gives no expected results for it, keep the plan as printed and"
                  " record the gap under known_issues: problem: plan-no-expected-results,"
                  " field: activities[home-visits].expected_results, kind: missing, note: <what the source leaves out>.")


def test_an_activity_with_no_expected_results_is_an_error_in_a_published_plan(repo: Repo):
    line = add_activity_without_results(repo)
    result = repo.validate(NWF_2022)
    hint = reported(result, NWF_PLAN, line, 5, "error", "plan-no-expected-results", NO_RESULTS + NO_GO)
    assert hint == ADD_RESULTS + NOT_READY + RECORD_RESULTS
    assert result.exit_code == 1


def test_an_activity_with_no_expected_results_warns_in_a_draft(repo: Repo):
    set_status(repo, NWF_PLAN, "draft")
    line = add_activity_without_results(repo)
    result = repo.validate(NWF_2022)
    hint = reported(result, NWF_PLAN, line, 5, "warning", "plan-no-expected-results", NO_RESULTS + NO_GO)
    assert hint == ADD_RESULTS + RECORD_RESULTS
    assert result.exit_code == 0


def test_a_plan_written_here_gets_no_known_issue_route_for_expected_results(repo: Repo):
    without_source(repo, NWF_PLAN)
    line = add_activity_without_results(repo)
    result = repo.validate(NWF_2022)
    hint = reported(result, NWF_PLAN, line, 5, "error", "plan-no-expected-results", NO_RESULTS + NO_GO)
    assert hint == ADD_RESULTS + NOT_READY


def test_expected_results_the_source_leaves_out_are_recorded_and_stay_a_warning(repo: Repo):
    line = add_activity_without_results(repo)
    add_known_issue(repo, NWF_PLAN, "  - problem: plan-no-expected-results\n    field: activities[home-visits].expected_results\n"
                    "    kind: missing\n    note: The activity table leaves the results of Home visits empty.\n")
    result = repo.validate("--acknowledged", NWF_2022)
    reported(result, NWF_PLAN, line, 5, "warning", "plan-no-expected-results",
             NO_RESULTS + " (known issue of the source: The activity table leaves the results of Home visits empty.)")
    assert result.exit_code == 0


def test_in_welsh_a_published_plan_is_held_back_in_welsh(repo: Repo):
    line = add_activity_without_results(repo)
    result = repo.validate("--language", "cy", NWF_2022)
    said = (f"{NWF_PLAN}:{line}:5: gwall plan-no-expected-results: nid yw gweithgaredd 1, 'Home visits' yn rhoi"
            " canlyniadau disgwyliedig, ac ni ellir cyhoeddi cynllun gyda hyn")
    assert said in result.lines, result.output
    hint = result.lines[result.lines.index(said) + 1]
    assert hint.startswith("    awgrym: Ychwanegwch expected_results:")
    assert "rhowch status: draft yn plan.yaml" in hint
