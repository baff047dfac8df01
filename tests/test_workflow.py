"""The lead's workflow around the tool: GitHub workflows, pre-commit hooks, the editor schema and the guide."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml

from generator.cli import cli
from generator.commands.schema import schema_text
from generator.problems.guide import problem_reference_markdown
from generator.problems.report import CATALOGUE, text_of
from generator.authoring.scaffold import SCHEMA_HEADER
from plan_testing import CliResult, FIXTURE_REPO, NEF_2023, NWF_2022, PLANS, REAL_REPO, Repo, run_cli
from site_testing import kept_documents

WORKFLOWS = REAL_REPO / ".github" / "workflows"
BIN = Path(sys.executable).parent
COMMAND = re.compile(r"\bcluster-plans[ \t]+(?P<verb>[a-z][a-z-]*)(?P<args>[^\n|>;&]*)")
# What GitHub fills in, as a run on a project site (published under /cluster-plans/) gets it.
GITHUB_EXPRESSIONS = {"${{ github.base_ref }}": "main",
                      "${{ steps.pages.outputs.base_url }}": "https://example.github.io/cluster-plans"}


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(data: dict) -> dict:
    # YAML 1.1 reads the key `on` as true.
    return data.get("on", data.get(True))


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def uses(data: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(data) if "uses" in step]


def hooks(name: str) -> list[dict]:
    data = yaml.safe_load((REAL_REPO / name).read_text(encoding="utf-8"))
    return data if isinstance(data, list) else [h for repo in data["repos"] for h in repo["hooks"]]


def invocations() -> list[tuple[str, str, list[str]]]:
    """Every `cluster-plans VERB ARGS` the workflows and hooks run: (where, verb, args)."""
    found = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for step in steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for m in COMMAND.finditer(step.get("run", "")):
                found.append((path.name, m["verb"], m["args"]))
    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        for hook in hooks(name):
            for m in COMMAND.finditer(hook["entry"]):
                found.append((name, m["verb"], m["args"]))
    out = []
    for where, verb, args in found:
        for expression, value in GITHUB_EXPRESSIONS.items():
            args = args.replace(expression, value)
        assert "${{" not in args, f"{where}: an expression the test does not know in {args!r}"
        out.append((where, verb, shlex.split(args)))
    return out


def shell_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **extra}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=root,
                   check=True, capture_output=True)


def repository_copy(target: Path, clusters: Path = REAL_REPO / "clusters") -> Path:
    """The repository as a fresh clone has it: sources, content, templates and the given plans."""
    ignore = shutil.ignore_patterns(".venv", ".git", "site", ".build", ".site-*", "__pycache__", "*.egg-info",
                                    ".hypothesis", ".pytest_cache", "tests", "benchmarks", "clusters",
                                    "node_modules")
    shutil.copytree(REAL_REPO, target, ignore=ignore)
    shutil.copytree(clusters, target / "clusters")
    return target


# --- The workflow files ------------------------------------------------------------------------


def test_workflow_files_parse():
    names = sorted(p.name for p in WORKFLOWS.glob("*.yml"))
    assert names == ["cms.yml", "pr.yml", "publish.yml"]
    for name in names:
        data = workflow(name)
        assert data["name"] and triggers(data) and data["jobs"]


def test_workflow_files_follow_githubs_schema():
    # check-jsonschema ships GitHub's workflow schema, so this needs no network.
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                             *map(str, sorted(WORKFLOWS.glob("*.yml")))], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_request_workflow():
    data = workflow("pr.yml")
    assert "pull_request" in triggers(data)
    assert data["permissions"]["pull-requests"] == "write"
    [setup] = [s for s in steps(data) if s.get("uses", "").startswith("actions/setup-python@")]
    assert str(setup["with"]["python-version"]) == "3.11"
    runs = [s["run"].strip() for s in steps(data) if "run" in s]
    assert runs[0] == "pip install ."
    assert "cluster-plans validate --format github" in runs
    assert any(r.startswith("cluster-plans diff --base origin/${{ github.base_ref }} --format markdown")
               for r in runs)
    [checkout] = [s for s in steps(data) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0  # the diff reads the base branch's history
    assert "actions/github-script" in uses(data)
    # the same build as publishing, its problems as annotations, the site kept for reviewers
    [publish_build] = [r for r in (s.get("run", "").strip() for s in steps(workflow("publish.yml")))
                       if r.startswith("cluster-plans build")]
    assert publish_build.split(" --")[0] == "cluster-plans build"
    assert "cluster-plans build --format github" in runs
    [upload] = [s for s in steps(data) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["with"]["path"] == "site" and "steps.build.outcome == 'success'" in upload["if"]


def test_editor_saves_are_tidied_on_their_branch():
    data = workflow("cms.yml")
    assert "pull_request" in triggers(data)
    assert data["permissions"] == {"contents": "write"}
    [job] = data["jobs"].values()
    # Only the editor's branches, and only from this repository (a fork's token cannot push).
    assert "startsWith(github.head_ref, 'cms/')" in job["if"]
    assert "github.event.pull_request.head.repo.full_name == github.repository" in job["if"]
    [checkout] = [s for s in steps(data) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"] == {"ref": "${{ github.head_ref }}", "fetch-depth": 0}
    runs = [s["run"].strip() for s in steps(data) if "run" in s]
    assert runs[:2] == ["pip install .", "cluster-plans cms-merge --base origin/${{ github.base_ref }} --format github"]
    [push] = [s for s in steps(data) if "git push" in s.get("run", "")]
    assert 'git push origin "HEAD:$BRANCH"' in push["run"]
    assert push["env"] == {"BRANCH": "${{ github.head_ref }}"}


def test_publish_workflow():
    data = workflow("publish.yml")
    assert triggers(data)["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    runs = [s["run"].strip() for s in steps(data) if "run" in s]
    assert runs == ["pip install .", 'cluster-plans build --site-url "${{ steps.pages.outputs.base_url }}/"']
    # the address comes from the Pages step, which runs before the build
    names = [s.get("id") or s.get("name") for s in steps(data)]
    assert names.index("pages") < names.index("Build the site")
    [upload] = [s for s in steps(data) if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "site"
    assert "actions/deploy-pages" in uses(data)
    assert data["jobs"]["deploy"]["needs"] == "build"


def test_every_command_the_workflows_and_hooks_run_exists():
    found = invocations()
    verbs = {verb for _, verb, _ in found}
    assert {"validate", "diff", "build", "codeowners"} <= verbs
    for where, verb, args in found:
        assert verb in cli.commands, f"{where} runs `cluster-plans {verb}`, which is not a command"
        # click parses the arguments as the command would: an unknown option fails here. The command's
        # context is made under the group's, as `cluster-plans VERB` makes it (click keeps the command's
        # help option from the first context made, so one made alone would drop -h from its help).
        try:
            parent = click.Context(cli, info_name="cluster-plans", **cli.context_settings)
            cli.commands[verb].make_context(verb, list(args), parent=parent, resilient_parsing=False)
        except click.exceptions.Exit:
            pass
        except click.UsageError as exc:
            pytest.fail(f"{where}: `cluster-plans {verb} {' '.join(args)}`: {exc}")


def test_the_pull_request_checks_run_locally(tmp_path: Path, real_site: Path):
    """Every shell step of pr.yml, run as GitHub would run it, on a pull request adding next year's plan."""
    root = repository_copy(tmp_path / "clone")
    # The cache step gives the build the documents an earlier run compiled: here, the run's own build of the
    # same plans (`real_site`).
    [cached] = [s["with"]["path"] for s in steps(workflow("pr.yml")) if s.get("uses", "").startswith("actions/cache@")]
    shutil.copytree(kept_documents(REAL_REPO), root / cached)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    assert run_cli("new", "North East Flintshire", cwd=root).exit_code == 0
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start the 2024-25 plan")
    summary = tmp_path / "step-summary.md"
    summary.touch()
    data = workflow("pr.yml")
    for step in steps(data):
        script = step.get("run")
        if script is None or script.strip() == "pip install .":
            continue
        for expression, value in GITHUB_EXPRESSIONS.items():
            script = script.replace(expression, value)
        result = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=root, capture_output=True,
                                text=True, env=shell_env(GITHUB_STEP_SUMMARY=str(summary)))
        assert result.returncode == 0, f"{step.get('name')}: {result.stdout}\n{result.stderr}"
        if "validate --format github" in script:
            assert re.fullmatch(r"\d+ plans checked: 0 errors, \d+ warnings", result.stdout.splitlines()[-1])
            assert all(line.startswith("::warning ") for line in result.stdout.splitlines()[:-1])
    changes = (root / "plan-changes.md").read_text(encoding="utf-8")
    assert changes.startswith("**What changed")
    assert "North East Flintshire 2024-25" in changes
    assert summary.read_text(encoding="utf-8") == changes


def run_step(data: dict, name: str, root: Path) -> subprocess.CompletedProcess:
    [step] = [s for s in steps(data) if s.get("name") == name]
    return subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=root, capture_output=True,
                          text=True, env=shell_env())


def test_the_pull_request_build_refuses_what_publishing_would(tmp_path: Path):
    # A prose link to a page the site does not have: the pull request's build fails, as publishing
    # would, with an annotation saying what is broken, and no site is kept.
    root = repository_copy(tmp_path / "clone", FIXTURE_REPO / "clusters")
    summary = root / "clusters/betsi-cadwaladr/north-east-flintshire/2023-24/executive-summary.md"
    summary.write_text(summary.read_text(encoding="utf-8") + "\nSee [last year](../../nowhere/).\n",
                       encoding="utf-8")
    result = run_step(workflow("pr.yml"), "Build the site as publishing does", root)
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    # The annotation sits on the prose file and line the lead wrote, found when the plans are checked.
    assert any("file=clusters/betsi-cadwaladr/north-east-flintshire/2023-24/executive-summary.md" in a
               and "line=" in a and "title=prose-missing-page" in a and "nowhere" in a
               for a in annotations), result.stdout + result.stderr
    assert not (root / "site").exists()


def test_the_publish_build_runs_locally(tmp_path: Path):
    root = repository_copy(tmp_path / "clone", FIXTURE_REPO / "clusters")
    for step in steps(workflow("publish.yml")):
        script = step.get("run")
        if script is None or script.strip() == "pip install .":
            continue
        for expression, value in GITHUB_EXPRESSIONS.items():
            script = script.replace(expression, value)
        result = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=root, capture_output=True,
                                text=True, env=shell_env())
        assert result.returncode == 0, f"{step.get('name')}: {result.stdout}\n{result.stderr}"
    site = root / "site"
    for page in ("index.html", "guide/index.html", "guide/problems/index.html", "schema/plan.schema.json"):
        assert (site / page).is_file(), page
    assert not any(p.is_symlink() for p in site.rglob("*"))  # GitHub Pages refuses links in the artifact
    assert '<link rel="canonical" href="https://example.github.io/cluster-plans/guide/">' in \
        (site / "guide/index.html").read_text(encoding="utf-8")
    assert 'href="/cluster-plans/assets/stylesheets/cluster-plans.css"' in (site / "404.html").read_text()
    # The schema the plans' editors read is published under the Pages address, and says so.
    schema = json.loads((site / "schema/plan.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "https://example.github.io/cluster-plans/schema/plan.schema.json"


# --- The pull-request comment ------------------------------------------------------------------

COMMENT_HARNESS = r"""
const fs = require('fs');
const calls = [];
const existing = JSON.parse(process.env.EXISTING);
const github = {
  rest: { issues: {
    listComments: 'listComments',
    updateComment: async (args) => calls.push(['update', args]),
    createComment: async (args) => calls.push(['create', args]),
  } },
  paginate: async (method, args) => { calls.push(['list', method, args]); return existing; },
};
const context = { repo: { owner: 'nhs-wales', repo: 'cluster-plans' }, issue: { number: 7 },
                  serverUrl: 'https://github.com', runId: 42 };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction('github', 'context', 'require', process.env.SCRIPT)(github, context, require)
  .then(() => console.log(JSON.stringify(calls)));
"""


def comment_script() -> str:
    [step] = [s for s in steps(workflow("pr.yml")) if s.get("uses", "").startswith("actions/github-script@")]
    return step["with"]["script"]


def run_comment_script(tmp_path: Path, changes: str, existing: list[dict]) -> list:
    (tmp_path / "plan-changes.md").write_text(changes, encoding="utf-8")
    (tmp_path / "harness.js").write_text(COMMENT_HARNESS, encoding="utf-8")
    result = subprocess.run(["node", "harness.js"], cwd=tmp_path, capture_output=True, text=True, check=True,
                            env={**os.environ, "SCRIPT": comment_script(), "EXISTING": json.dumps(existing)})
    return [c for c in json.loads(result.stdout) if c[0] != "list"]


needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js runs the github-script step")


@needs_node
def test_the_comment_is_created_once_with_a_hidden_marker(tmp_path: Path):
    [(kind, args)] = run_comment_script(tmp_path, "**What changed** …\n", [])
    assert kind == "create"
    assert args["issue_number"] == 7
    assert args["body"] == "<!-- cluster-plans-diff -->\n**What changed** …\n"


@needs_node
def test_the_comment_is_updated_in_place(tmp_path: Path):
    existing = [{"id": 1, "user": {"type": "User"}, "body": "Looks good <!-- cluster-plans-diff -->"},
                {"id": 2, "user": {"type": "Bot"}, "body": "<!-- cluster-plans-diff -->\nold summary"}]
    [(kind, args)] = run_comment_script(tmp_path, "new summary\n", existing)
    assert kind == "update"
    assert (args["comment_id"], args["body"]) == (2, "<!-- cluster-plans-diff -->\nnew summary\n")


@needs_node
def test_a_long_summary_is_cut_to_fit_a_comment(tmp_path: Path):
    [(_, args)] = run_comment_script(tmp_path, "x" * 100_000, [])
    assert len(args["body"]) < 65_536
    assert "https://github.com/nhs-wales/cluster-plans/actions/runs/42" in args["body"]


# --- pre-commit --------------------------------------------------------------------------------


def test_the_pre_commit_hook_definition():
    [hook] = hooks(".pre-commit-hooks.yaml")
    assert hook["id"] == "cluster-plans-validate"
    assert hook["language"] == "python"  # pre-commit installs this repository to run it
    assert shlex.split(hook["entry"]) == ["cluster-plans", "validate"]
    [local] = hooks(".pre-commit-config.yaml")
    assert (local["id"], local["entry"], local["files"]) == (hook["id"], hook["entry"], hook["files"])


@pytest.mark.parametrize("path, checked", [
    *((f"{plan}/plan.yaml", True) for plan in PLANS),
    (f"{NEF_2023}/executive-summary.md", True),
    (f"{NEF_2023}/executive-summary.cy.md", True),
    ("clusters/betsi-cadwaladr/north-east-flintshire/cluster.yaml", True),
    ("README.md", False),
    ("content/guide/index.md", False),
    ("generator/cli.py", False),
    ("mkdocs.yml", False),
    ("tests/fixtures/repo/clusters/betsi-cadwaladr/board.yaml", False),
])
def test_the_hook_runs_on_changed_plans_only(path: str, checked: bool):
    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        [hook] = hooks(name)
        assert bool(re.search(hook["files"], path)) is checked, (name, path)


def run_hook(root: Path, files: list[str]) -> subprocess.CompletedProcess:
    [hook] = hooks(".pre-commit-hooks.yaml")
    # pre-commit runs the entry with the changed files that match, from the repository's root
    return subprocess.run([*shlex.split(hook["entry"]), *hook.get("args", []), *files], cwd=root,
                          capture_output=True, text=True, env=shell_env())


def test_the_hook_passes_good_plans(repo: Repo):
    files = [f"{NEF_2023}/plan.yaml", f"{NEF_2023}/executive-summary.md", f"{NWF_2022}/plan.yaml"]
    result = run_hook(repo.root, files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("2 plans checked: 0 errors")


def test_the_hook_stops_a_commit_of_a_broken_plan(repo: Repo):
    repo.replace(f"{NWF_2022}/plan.yaml", "    budget: £45,000\n", "    budget: £45,,000\n")
    line = repo.line_of(f"{NWF_2022}/plan.yaml", "£45,,000")
    result = run_hook(repo.root, [f"{NWF_2022}/plan.yaml"])
    assert result.returncode == 1
    assert f"{NWF_2022}/plan.yaml:{line}:13: error money-unparseable: '£45,,000' is not an amount of money" \
        in result.stdout.splitlines()
    # only the changed plan was checked
    assert result.stdout.splitlines()[-1].startswith("1 plan checked: 1 error")


def test_the_hook_rechecks_every_plan_a_vocabulary_change_affects(repo: Repo):
    # Dropping a term that plans use makes those plans invalid, though no plan file changed.
    repo.replace("clusters/vocabularies.yaml", "    - term: Cluster funding\n      cy: Cyllid clwstwr\n"
                 "      variants: [Cluster, Cluster funds, Cluster budget]\n", "")
    result = run_hook(repo.root, ["clusters/vocabularies.yaml"])
    assert result.returncode == 1, result.stdout
    assert result.stdout.splitlines()[-1].startswith(f"{len(PLANS)} plans checked: ")
    broken = {file for file, _, code in CliResult(1, result.stdout, result.stdout, "").errors()
              if code == "vocabulary-unknown"}
    assert f"{NEF_2023}/plan.yaml" in broken and f"{NWF_2022}/plan.yaml" in broken


def test_the_hook_rechecks_a_boards_plans_when_its_board_yaml_changes(repo: Repo):
    result = run_hook(repo.root, ["clusters/swansea-bay/board.yaml"])
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("1 plan checked: 0 errors")


# --- Editor support ------------------------------------------------------------------------------


def test_the_committed_schema_is_current():
    committed = (REAL_REPO / "schema" / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: cluster-plans schema -o schema/plan.schema.json"
    assert run_cli("schema").stdout == committed


def test_every_plan_points_editors_to_the_schema():
    plans = sorted((REAL_REPO / "clusters").glob("*/*/*/plan.yaml"))
    assert plans
    for plan in plans:
        first = plan.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == SCHEMA_HEADER, plan.relative_to(REAL_REPO)
        target = (plan.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (REAL_REPO / "schema" / "plan.schema.json").resolve()


# --- The guide ---------------------------------------------------------------------------------

GUIDE = REAL_REPO / "content" / "guide"


def test_the_problem_reference_is_made_by_the_build_not_kept_in_content():
    # Made from the catalogue each time the site is built, it cannot fall behind what validate says.
    assert not (GUIDE / "problems.md").exists()
    assert not (REAL_REPO / "content" / "cy" / "guide" / "problems.md").exists()
    assert problem_reference_markdown().startswith("# Problem codes\n")
    assert problem_reference_markdown("cy").startswith("# Codau problemau\n")


def test_the_guide_lists_every_problem_code():
    text = problem_reference_markdown()
    headings = re.findall(r"^## (\S+)$", text, flags=re.MULTILINE)
    assert headings == list(CATALOGUE)
    for code, kind in CATALOGUE.items():
        section = text.split(f"\n## {code}\n", 1)[1].split("\n## ", 1)[0]
        assert ("· error" if kind.severity == "error" else "· warning") in section, code
        if text_of(kind, "hint", "en"):
            assert "How to fix it: " in section, code
    assert "<" not in text.replace("&lt;", "")  # catalogue text shown as text, never as markup


def test_the_guide_covers_the_lead_workflow():
    text = (GUIDE / "index.md").read_text(encoding="utf-8")
    assert text.startswith("# Guide for cluster leads\n")
    assert "(problems.md)" in text
    for heading in ("## Update a plan on GitHub, in your browser", "## Update a plan on your computer",
                    "## Start next year's plan", "## Worked example: North East Flintshire 2024-25",
                    "## Read the checks", "## Read the summary of changes"):
        assert f"\n{heading}\n" in text, heading
    for verb in {m["verb"] for m in COMMAND.finditer(text)}:
        assert verb in cli.commands, f"the guide mentions `cluster-plans {verb}`, which is not a command"
