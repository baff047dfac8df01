"""The command line: output formats, exit codes, help, the published JSON Schema and path selection."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from generator.cli import cli
from generator.load.documents import load_yaml
from plan_testing import NEF_2022, NEF_2023, NWF_2022, PLANS, PROBLEM_LINE, REAL_REPO, UV_2022, Repo, run_cli

NWF_PLAN = f"{NWF_2022}/plan.yaml"
PROBLEM_KEYS = {"file", "line", "column", "severity", "code", "field", "reference", "acknowledged", "message", "hint",
                "excerpt"}


def break_nwf_budget(repo: Repo) -> int:
    repo.replace(NWF_PLAN, "    budget: £45,000\n", "    budget: £72,,000\n")
    return repo.line_of(NWF_PLAN, "£72,,000")


# --- Output formats ------------------------------------------------------------------


def test_text_output_ends_with_a_summary(repo: Repo):
    result = repo.validate()
    assert result.exit_code == 0
    assert result.lines[-1] == "4 plans checked: 0 errors, 11 warnings"
    assert "\x1b[" not in result.output  # no colour when the output is not a terminal


def test_json_output(repo: Repo):
    line = break_nwf_budget(repo)
    result = repo.validate("--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert set(report) == {"valid", "plans_checked", "errors", "warnings", "problems"}
    assert report["valid"] is False
    # The fixture's 11 warnings, and one more: without its amount, Project Management support no longer
    # pairs with the finance line of the same £45,000 ('Admin / Managerial Support').
    assert (report["plans_checked"], report["errors"], report["warnings"]) == (4, 1, 12)
    assert all(set(p) == PROBLEM_KEYS for p in report["problems"])
    [error] = [p for p in report["problems"] if p["severity"] == "error"]
    assert error == {
        "file": NWF_PLAN, "line": line, "column": 13, "severity": "error", "code": "money-unparseable",
        "field": "activities[2].budget", "reference": "activities[project-management-support].budget",
        "acknowledged": False, "message": "'£72,,000' is not an amount of money",
        "hint": error["hint"], "excerpt": "",
    }
    assert error["hint"].startswith("Write the amount in pounds as a number")


def test_json_output_of_a_valid_repository(repo: Repo):
    result = repo.validate("--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert (report["valid"], report["plans_checked"], report["errors"], report["warnings"]) == (True, 4, 0, 11)
    codes = {p["code"] for p in report["problems"]}
    assert codes == {"budget-tbc", "money-unparseable", "funding-source-missing"}


def test_json_and_text_report_the_same_problems(repo: Repo):
    break_nwf_budget(repo)
    report = json.loads(repo.validate("--format", "json").output)
    own = [(p["file"], p["line"], p["code"]) for p in report["problems"] if not p["acknowledged"]]
    recorded = [(p["file"], p["line"], p["code"]) for p in report["problems"] if p["acknowledged"]]
    assert recorded  # the fixture's £77,0194.24, recorded as its source's
    # The text lists the problems to look at first, then (on request) the notes the plans record.
    assert repo.validate("--acknowledged").problems() == own + recorded
    assert repo.validate().problems() == own


def test_github_annotations(repo: Repo):
    line = break_nwf_budget(repo)
    result = repo.validate("--format", "github")
    assert result.exit_code == 1
    [error] = [x for x in result.lines if x.startswith("::error ")]
    assert error.startswith(f"::error file={NWF_PLAN},line={line},col=13,title=money-unparseable::"
                            "'£72,,000' is not an amount of money%0AWrite the amount in pounds")
    warnings = [x for x in result.lines if x.startswith("::warning ")]
    assert len(warnings) == 12  # with the finance line the broken budget no longer pairs with
    assert all(",title=" in w for w in warnings)
    assert result.lines[-1] == "4 plans checked: 1 error, 12 warnings"


def test_github_annotation_of_a_problem_without_a_line(repo: Repo):
    folder = "clusters/swansea-bay/upper-valleys/2023-24"
    repo.path(folder).mkdir()
    result = repo.validate("--format", "github")
    [error] = [x for x in result.lines if x.startswith("::error ")]
    assert error.startswith(f"::error file={folder},title=layout-missing-plan::"
                            "the folder '2023-24' has no plan.yaml")


def test_github_escapes_properties_and_newlines(repo: Repo):
    line = break_nwf_budget(repo)
    result = repo.validate("--format", "github")
    [error] = [x for x in result.lines if x.startswith("::error ")]
    body = error.split("::", 2)[2]
    assert "\n" not in body and "%0A" in body
    assert f"line={line}" in error


# --- Exit codes and usage errors -----------------------------------------------------


def test_exit_code_1_on_errors_0_on_warnings(repo: Repo):
    assert repo.validate().exit_code == 0
    break_nwf_budget(repo)
    assert repo.validate().exit_code == 1


def test_unknown_option_is_a_usage_error(repo: Repo):
    result = repo.validate("--strict")
    assert result.exit_code == 2
    assert "No such option '--strict'" in result.output
    assert "Usage: cluster-plans validate" in result.output


def test_a_missing_year_folder_is_refused(repo: Repo):
    result = repo.validate("clusters/betsi-cadwaladr/north-east-flintshire/2030-31")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == ("Error: betsi-cadwaladr/north-east-flintshire has no plan for 2030-31: "
                                     "there is no folder clusters/betsi-cadwaladr/north-east-flintshire/2030-31")


def test_bad_format_is_a_usage_error(repo: Repo):
    result = repo.validate("--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is not one of 'text', 'json', 'github'" in result.output


def test_unknown_command_is_a_usage_error(repo: Repo):
    result = run_cli("valdate", cwd=repo.root)
    assert result.exit_code == 2
    assert "No such command 'valdate'" in result.output


# --- Help ------------------------------------------------------------------------------


def test_top_level_help_lists_every_command():
    result = run_cli("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: cluster-plans [OPTIONS] COMMAND [ARGS]...")
    for name in cli.commands:
        assert f"  {name} " in result.output or f"  {name}\n" in result.output, name


def test_version():
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.output.startswith("cluster-plans, version ")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_help_of_every_command_lists_its_options(name: str):
    command = cli.commands[name]
    result = run_cli(name, "--help")
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: cluster-plans {name} ")
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("-"):
                assert opt in result.output, f"{name} --help does not list {opt}"
    assert "-h, --help" in result.output
    # The first line of the docstring, however click wraps it.
    assert command.help and " ".join(command.help.split("\n")[0].split()) in " ".join(result.output.split())


def test_validate_help_names_the_formats():
    result = run_cli("validate", "--help")
    for option in ("--format [text|json|github]", "--root DIRECTORY"):
        assert option in result.output


# --- The JSON Schema ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan_schema() -> dict:
    result = run_cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def plan_data(repo: Repo, rel: str):
    doc, problems = load_yaml(repo.path(rel), rel)
    assert problems == []
    return doc.data


def test_schema_is_draft_2020_12(plan_schema: dict):
    assert plan_schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # This repository's mkdocs.yml gives no site address, so the schema claims no address of its own.
    assert "$id" not in plan_schema
    assert plan_schema["type"] == "object"
    assert set(plan_schema["required"]) == {"board", "cluster", "year"}
    assert plan_schema["additionalProperties"] is False


@pytest.mark.parametrize("plan", PLANS)
def test_schema_accepts_the_fixture_plans(repo: Repo, plan_schema: dict, plan: str):
    jsonschema.validate(plan_data(repo, f"{plan}/plan.yaml"), plan_schema,
                        cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("path, key", [
    ((), "colour"),
    (("activities", 0), "budjet"),
    (("finance", "lines", 1), "amout"),
])
def test_schema_rejects_an_unknown_field(repo: Repo, plan_schema: dict, path: tuple, key: str):
    data = plan_data(repo, f"{NEF_2023}/plan.yaml")
    target = data
    for part in path:
        target = target[part]
    target[key] = "green"
    with pytest.raises(jsonschema.ValidationError) as caught:
        jsonschema.validate(data, plan_schema, cls=jsonschema.Draft202012Validator)
    assert key in str(caught.value)


def test_schema_rejects_bad_values(repo: Repo, plan_schema: dict):
    validator = jsonschema.Draft202012Validator(plan_schema)
    data = plan_data(repo, f"{UV_2022}/plan.yaml")
    data["year"] = "2022/23"
    data["risks"][0]["likelihood"] = "High"
    data["activities"][0]["id"] = "OT in primary care"
    data["finance"]["total"] = {"amount": "lots"}
    failing = sorted(".".join(map(str, e.absolute_path)) for e in validator.iter_errors(data))
    # Optional blocks are anyOf [block, null], so a bad amount is reported at the block.
    assert failing == ["activities.0.id", "finance", "risks.0.likelihood", "year"]


def test_schema_output_file(tmp_path, plan_schema: dict):
    target = tmp_path / "plan.schema.json"
    result = run_cli("schema", "--output", target)
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(target.read_text(encoding="utf-8")) == plan_schema


def test_schema_is_deterministic():
    assert run_cli("schema").output == run_cli("schema").output


# --- Choosing what to validate --------------------------------------------------------------


def test_validate_path_restricts_the_run_to_that_plan(repo: Repo):
    break_nwf_budget(repo)
    result = repo.validate(NEF_2023)
    assert result.exit_code == 0, result.output
    assert result.lines[-1] == "1 plan checked: 0 errors, 4 warnings"
    assert {file for file, _, _ in result.problems()} == {f"{NEF_2023}/plan.yaml"}


def test_validate_plan_file_path(repo: Repo):
    line = break_nwf_budget(repo)
    result = repo.validate(NWF_PLAN)
    assert result.exit_code == 1
    assert result.errors() == [(NWF_PLAN, line, "money-unparseable")]
    assert result.lines[-1].startswith("1 plan checked: 1 error, ")


def test_validate_cluster_folder_checks_its_years(repo: Repo):
    result = repo.validate("clusters/betsi-cadwaladr/north-east-flintshire")
    assert result.lines[-1].startswith("2 plans checked: 0 errors, ")
    assert {file.rsplit("/", 1)[0] for file, _, _ in result.problems()} == {NEF_2022, NEF_2023}


def test_validate_several_paths(repo: Repo):
    result = repo.validate(NEF_2022, UV_2022)
    assert result.lines[-1].startswith("2 plans checked: 0 errors, ")


def test_validate_from_inside_a_plan_folder_finds_the_root(repo: Repo):
    line = break_nwf_budget(repo)
    result = run_cli("validate", cwd=repo.path(NWF_2022))
    assert result.exit_code == 1
    assert result.errors() == [(NWF_PLAN, line, "money-unparseable")]


def test_validate_with_root_option(repo: Repo, tmp_path):
    result = run_cli("validate", "--root", repo.root, cwd=tmp_path)
    assert result.exit_code == 0
    assert result.lines[-1] == "4 plans checked: 0 errors, 11 warnings"


def test_validate_without_a_repository(tmp_path):
    result = run_cli("validate", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.errors() == [("clusters", 0, "layout-no-clusters")]
    assert result.lines[-1] == "0 plans checked: 1 error, 0 warnings"


def test_notes_the_plans_record_are_counted_per_plan_and_listed_on_request(repo: Repo):
    result = repo.validate()
    assert result.lines[-3:] == [
        "Notes on the source documents, already recorded in the plans' known_issues (not listed; validate"
        " --acknowledged lists them):",
        "  clusters/betsi-cadwaladr/north-east-flintshire/2023-24: 1 note",
        "4 plans checked: 0 errors, 11 warnings"]
    assert "known issue of the source" not in result.output
    listed = repo.validate("--acknowledged")
    heading = listed.lines.index("Notes on the source documents, already recorded in the plans' known_issues:")
    assert listed.lines[heading + 1].startswith(
        "clusters/betsi-cadwaladr/north-east-flintshire/2023-24/plan.yaml:129:15: warning money-unparseable:"
        " '£77,0194.24' is not an amount of money (known issue of the source:")
    welsh = repo.validate("--language", "cy")
    assert "  clusters/betsi-cadwaladr/north-east-flintshire/2023-24: nodiadau: 1" in welsh.lines


def test_on_the_real_plans_a_leads_own_problems_come_before_the_recorded_notes():
    result = run_cli("validate", cwd=REAL_REPO)
    at = result.lines.index("Notes on the source documents, already recorded in the plans' known_issues (not listed;"
                            " validate --acknowledged lists them):")
    counts = result.lines[at + 1:-1]
    # One line per plan with notes, e.g. Upper Valleys' 48 (its source prints its terms of reference twice...).
    assert "  clusters/swansea-bay/upper-valleys/2022-23: 48 notes" in counts
    assert len(counts) == len({line.split(":")[0] for line in counts})
    assert all(re.fullmatch(r"  clusters/[a-z-]+/[a-z-]+/\d{4}-\d{2}: \d+ notes?", line) for line in counts)
    recorded = sum(int(line.rsplit(": ", 1)[1].split()[0]) for line in counts)
    listed = [line for line in result.lines[:at] if PROBLEM_LINE.match(line)]
    warnings = int(re.search(r"(\d+) warnings", result.lines[-1])[1])
    assert len(listed) + recorded == warnings
    assert not any("known issue of the source" in line for line in listed)


def test_a_folder_that_will_not_take_the_file_is_named_with_what_to_check(repo: Repo):
    """As a user runs the command (its own process): a folder the system will not let it write to is one
    clear line and exit 1, not a fault of the tool. /sys takes no new files, whoever runs the command."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "generator", "template", "--docx", "-o", "/sys/plan-template.docx"],
                            cwd=repo.root, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Error: cannot write in the folder '/sys': "), result.stderr
    assert "Check that you may write to that folder" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_the_editor_outside_a_git_clone_says_so_without_blaming_git(repo: Repo):
    result = run_cli("edit", "--root", repo.root)
    assert result.exit_code == 1
    assert f"{repo.root} is not a git repository: the editor saves each change as a git commit" in result.output
    assert "apt-get install git" not in result.output


@pytest.mark.parametrize("board", ["betsi-cadwaladr", "betsi-cadwaladr/"])
def test_a_board_named_as_its_folder_is_validated_whole(repo: Repo, board: str):
    """`validate betsi-cadwaladr` checks the board's plans, as `validate clusters/betsi-cadwaladr` does."""
    named = run_cli("validate", board, cwd=repo.root)
    by_path = run_cli("validate", "clusters/betsi-cadwaladr", cwd=repo.root)
    assert named.exit_code == by_path.exit_code == 0, named.output
    assert named.output == by_path.output and "plans checked" in named.output


def test_the_preview_of_a_folder_without_plans_is_refused_before_it_starts(tmp_path):
    result = run_cli("serve", "--root", tmp_path, "--port", "0")
    assert result.exit_code == 1
    assert f"Cannot start the preview: there is no clusters/ folder in {tmp_path}" in result.output
    assert not (tmp_path / ".build").exists()
