"""Saves from the online editor: re-applied onto the original plan so only the edited lines change.

The editor (Decap CMS) writes files with the `yaml` JavaScript package; the tests save plans through
that very package (from node_modules) to rewrite them the way the editor does.
"""

from __future__ import annotations

import difflib
import json
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.cms.node import ensure_installed, node_executable
from generator.authoring.roundtrip import RoundTripError, reapply
from plan_testing import REAL_REPO, Repo, run_cli

NEF = REAL_REPO / "clusters/betsi-cadwaladr/north-east-flintshire/2023-24/plan.yaml"
ANGLESEY = REAL_REPO / "clusters/betsi-cadwaladr/anglesey/2022-23/plan.yaml"
UPPER_VALLEYS = REAL_REPO / "clusters/swansea-bay/upper-valleys/2022-23/plan.yaml"

# Decap's save: parse the file, then stringify the data; comments, order of flow lists and quoting go.
EDITOR_SAVE = """
const yaml = require(process.argv[1] + '/yaml');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(yaml.stringify(input));
"""


def editor_save(data: object) -> str:
    modules = ensure_installed()
    result = subprocess.run([node_executable(), "-e", EDITOR_SAVE, str(modules)], input=json.dumps(data),
                            capture_output=True, text=True, check=True)
    return result.stdout


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def all_plans() -> list[Path]:
    return sorted((REAL_REPO / "clusters").rglob("plan.yaml"))


def test_the_editors_save_alone_loses_comments_and_layout():
    original = NEF.read_text(encoding="utf-8")
    saved = editor_save(yaml.safe_load(original))
    assert "yaml-language-server" not in saved
    assert len(changed_lines(original, saved)) > 50


@pytest.mark.parametrize("plan", all_plans(), ids=lambda p: p.relative_to(REAL_REPO / "clusters").parent.as_posix())
def test_a_save_without_edits_gives_back_every_plan_byte_for_byte(plan: Path):
    original = plan.read_text(encoding="utf-8")
    assert reapply(original, editor_save(yaml.safe_load(original))).text == original


def test_a_budget_edit_changes_only_its_line():
    original = NEF.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    audiology = next(a for a in data["activities"] if a["id"] == "audiology")
    audiology["budget"] = 12500
    result = reapply(original, editor_save(data))
    assert changed_lines(original, result.text) == ["-    budget: TBC", "+    budget: 12500"]
    assert result.text.startswith("# yaml-language-server: $schema=../../../../schema/plan.schema.json\n")


def test_an_added_activity_is_written_after_the_last_one_in_the_plans_own_style():
    original = NEF.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    # The form fills in empty fields a lead did not touch; they are left out of the file.
    data["activities"].append({"id": "social-prescribing", "title": "Social prescribing", "title_cy": "",
                               "funding_sources": ["Cluster funding"], "comments": [], "budget": None})
    result = reapply(original, editor_save(data))
    added = changed_lines(original, result.text)
    assert added == ["+  - id: social-prescribing", "+    title: Social prescribing",
                     "+    funding_sources:", "+      - Cluster funding"]
    # The new activity sits in the activity list, before the blank line that ends it.
    assert "      - Cluster engagement\n  - id: social-prescribing\n" in result.text
    assert yaml.safe_load(result.text)["activities"][-1]["id"] == "social-prescribing"


def test_a_removed_activity_takes_only_its_own_lines():
    original = NEF.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    data["activities"] = [a for a in data["activities"] if a["id"] != "phlebotomy"]
    result = reapply(original, editor_save(data))
    assert all(line.startswith("-") for line in changed_lines(original, result.text))
    assert "id: phlebotomy" not in result.text and "id: collaborative-working" in result.text


@pytest.mark.parametrize("plan", [ANGLESEY, UPPER_VALLEYS], ids=["anglesey", "upper-valleys"])
def test_figures_as_written_and_known_issues_survive_an_edit_elsewhere(plan: Path):
    original = plan.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    data["leads"][0]["role"] = "Cluster Lead (acting)"
    result = reapply(original, editor_save(data))
    assert len(changed_lines(original, result.text)) == 2
    untouched = [line for line in original.splitlines() if "as_written" in line or "known_issues" in line]
    assert untouched and all(line in result.text.splitlines() for line in untouched)
    assert yaml.safe_load(result.text).get("known_issues") == yaml.safe_load(original).get("known_issues")


def test_a_money_mapping_from_the_form_is_written_on_one_line():
    original = NEF.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    data["finance"]["lines"][0]["amount"] = {"amount": 1000, "as_written": "£1,000"}
    result = reapply(original, editor_save(data))
    assert changed_lines(original, result.text) == ["-      amount: TBC", "+      amount: {amount: 1000, as_written: '£1,000'}"]


def test_unreadable_saves_are_refused_with_a_reason():
    with pytest.raises(RoundTripError, match="the edited file is not readable YAML at line 2"):
        reapply(NEF.read_text(encoding="utf-8"), "board: x\n  cluster: : y\n")
    with pytest.raises(RoundTripError, match="must hold fields"):
        reapply(NEF.read_text(encoding="utf-8"), "- just a list\n")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def edited_repo(repo: Repo) -> Repo:
    """The fixture repository in git, with a branch where the editor saved a budget change."""
    git(repo.root, "init", "-q", "-b", "main")
    git(repo.root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(repo.root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "plans")
    git(repo.root, "checkout", "-q", "-b", "cms/plans/betsi-cadwaladr-north-east-flintshire-2023-24")
    path = repo.root / "clusters/betsi-cadwaladr/north-east-flintshire/2023-24/plan.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["activities"][0]["title"] = "Improving access to the practices"
    path.write_text(editor_save(data), encoding="utf-8")
    return repo


def test_cms_merge_puts_the_layout_back_and_validates(edited_repo: Repo):
    root = edited_repo.root
    result = run_cli("cms-merge", "--base", "main", "--root", root)
    name = "clusters/betsi-cadwaladr/north-east-flintshire/2023-24/plan.yaml"
    assert result.exit_code == 0, result.output
    assert f"{name}: comments and layout put back; 2 lines differ from main" in result.lines
    assert result.lines[-1].startswith("1 plan checked: 0 errors")
    assert git(root, "diff", "--numstat", "main").split() == ["1", "1", name]
    again = run_cli("cms-merge", "--base", "main", "--root", root)
    assert f"{name}: layout already kept (2 lines changed since main)" in again.lines


def test_cms_merge_check_reports_a_lost_layout_without_writing(edited_repo: Repo):
    root = edited_repo.root
    before = git(root, "diff", "--stat", "main")
    result = run_cli("cms-merge", "--base", "main", "--check", "--root", root)
    assert result.exit_code == 1
    assert "the editor's save changed comments or layout; run cluster-plans cms-merge --base main" in result.output
    assert git(root, "diff", "--stat", "main") == before


def test_cms_merge_names_an_unknown_base(edited_repo: Repo):
    result = CliRunnerResult = run_cli("cms-merge", "--base", "no-such-branch", "--root", edited_repo.root)
    assert result.exit_code == 2
    assert "'no-such-branch' is not a revision of this repository (git: fatal: Not a valid object name" \
        in CliRunnerResult.output
    assert "['" not in result.output and "e.g. --base main" in result.output
    assert "Traceback" not in result.output
