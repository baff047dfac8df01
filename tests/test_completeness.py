"""Completeness: empty values, template text left in, and what a published plan must not lack."""

from __future__ import annotations

from plan_testing import NEF_2023, NWF_2022, Repo, run_cli

NEF_PLAN = f"{NEF_2023}/plan.yaml"
NEXT = "clusters/betsi-cadwaladr/north-east-flintshire/2024-25"


def first(repo: Repo, rel: str, old: str, new: str) -> None:
    """Change the first occurrence of `old`."""
    text = repo.read(rel)
    assert old in text
    repo.write(rel, text.replace(old, new, 1))


def reported(result, file: str, line: int, col: int, severity: str, code: str, message: str) -> str:
    return result.hint_after(f"{file}:{line}:{col}: {severity} {code}: {message}")


def test_an_empty_status_and_origin_are_reported(repo: Repo):
    first(repo, NEF_PLAN, "    status: ongoing\n", "    status:\n")
    result = repo.validate(NEF_2023)
    lines = repo.read(NEF_PLAN).splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text == "    status:")
    hint = reported(result, NEF_PLAN, line, 12, "error", "plan-empty-value",
                    "the 'status' of activity 1, 'Improving access' is empty")
    assert hint == "Write the 'status' after the colon, or delete the line if it does not apply."
    assert result.exit_code == 1


def test_an_empty_value_only_warns_in_a_draft(repo: Repo):
    repo.replace(NEF_PLAN, "status: published\n", "status: draft\n")
    first(repo, NEF_PLAN, "    new_or_existing: existing\n", "    new_or_existing:\n")
    result = repo.validate(NEF_2023)
    assert any(code == "plan-empty-value" for _, _, code in result.warnings()), result.output
    assert result.exit_code == 0


def test_a_new_draft_warns_of_its_prompts_and_a_published_one_is_refused(repo: Repo):
    assert run_cli("new", "betsi-cadwaladr/north-east-flintshire", "2024-25", cwd=repo.root).exit_code == 0
    draft = repo.validate(NEXT)
    prompts = [(f, line) for f, line, code in draft.warnings() if code == "plan-template-text"]
    assert (f"{NEXT}/executive-summary.md", 3) in prompts, draft.output
    assert draft.exit_code == 0
    repo.replace(f"{NEXT}/plan.yaml", "status: draft", "status: published")
    published = repo.validate(NEXT)
    assert published.exit_code == 1
    errors = {(f, code) for f, _, code in published.errors()}
    assert (f"{NEXT}/executive-summary.md", "plan-template-text") in errors, published.output
    message = next(line for line in published.lines if line.startswith(f"{NEXT}/executive-summary.md:3:1: error"))
    assert ": executive-summary.md still holds the template's text '" in message


def test_the_template_example_lead_is_template_text(repo: Repo):
    repo.replace(NEF_PLAN, "  - name: Dr Angharad Fletcher\n", "  - name: Dr A. N. Other\n")
    result = repo.validate(NEF_2023)
    line = repo.line_of(NEF_PLAN, "Dr A. N. Other")
    reported(result, NEF_PLAN, line, 11, "error", "plan-template-text",
             "the 'name' of lead 1, 'Dr A. N. Other' still holds the template's text 'Dr A. N. Other'")


def test_a_published_plan_written_here_needs_expected_results_and_section_text(repo: Repo):
    # The plan no longer says it was transcribed from a source document, so its gaps are its own.
    plan = f"{NWF_2022}/plan.yaml"
    text = repo.read(plan)
    start = text.index("\nsource:\n")
    end = text.index("\n\n", start + 1)
    repo.write(plan, text[:start] + text[end:])
    repo.replace(plan, "\nactivities:\n", "\nactivities:\n  - id: home-visits\n    title: Home visits\n"
                 "    funding_sources: [Cluster funding]\n")
    repo.write(f"{NWF_2022}/needs.md", "# Population needs\n\n")
    result = repo.validate(NWF_2022)
    reported(result, f"{NWF_2022}/needs.md", 1, 1, "warning", "plan-empty-section",
             "the section needs.md has a heading but no text")
    line = repo.line_of(plan, "  - id: home-visits")
    hint = reported(result, plan, line, 5, "warning", "plan-no-expected-results",
                    "activity 1, 'Home visits' gives no expected results")
    assert hint.startswith("Add expected_results:")


def test_a_transcribed_plan_keeps_its_sources_gaps_as_warnings(repo: Repo):
    repo.write(f"{NWF_2022}/needs.md", "# Population needs\n\n")
    result = repo.validate(NWF_2022)
    assert (f"{NWF_2022}/needs.md", 1, "plan-empty-section") in result.warnings()
    assert result.exit_code == 0
