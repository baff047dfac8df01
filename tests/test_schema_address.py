"""Where a plan's editor finds the plan schema: the line at the top of each plan.yaml, written by `new` and
printed by `cluster-plans schema --modeline`, in this repository and in one that holds only plans."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from plan_testing import FIXTURE_REPO, NEF_2023, REAL_REPO, run_cli

from generator.authoring.scaffold import SCHEMA_HEADER

BOARD = "clusters/betsi-cadwaladr"
CLUSTER = f"{BOARD}/north-east-flintshire"
ADDRESS = "https://plans.example.org/betsi/"
PUBLISHED = "https://plans.example.org/betsi/schema/plan.schema.json"
BIN = Path(sys.executable).parent


def plans_only(root: Path) -> Path:
    """A repository that holds only plans: the vocabularies, one board, one cluster and its 2023-24 plan;
    no schema/, no mkdocs.yml, none of this project's files."""
    (root / CLUSTER).mkdir(parents=True)
    shutil.copy2(FIXTURE_REPO / "clusters" / "vocabularies.yaml", root / "clusters")
    shutil.copy2(FIXTURE_REPO / BOARD / "board.yaml", root / BOARD)
    shutil.copy2(FIXTURE_REPO / CLUSTER / "cluster.yaml", root / CLUSTER)
    shutil.copytree(FIXTURE_REPO / NEF_2023, root / NEF_2023)
    return root


def first_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n", 1)[0]


def target_of(plan: Path) -> Path:
    """The file a relative schema line names, from the plan's own folder, as an editor resolves it."""
    return (plan.parent / first_line(plan).split("$schema=", 1)[1]).resolve()


def test_this_repository_names_its_committed_schema():
    result = run_cli("schema", "--modeline", "--root", REAL_REPO)
    assert result.exit_code == 0
    assert result.stdout == SCHEMA_HEADER + "\n"
    assert SCHEMA_HEADER == "# yaml-language-server: $schema=../../../../schema/plan.schema.json"
    assert result.stderr == ""  # schema/plan.schema.json is there


def test_with_a_site_address_the_line_names_the_published_schema():
    result = run_cli("schema", "--modeline", "--site-url", ADDRESS.rstrip("/"), "--root", REAL_REPO)
    assert result.exit_code == 0
    assert result.stdout == f"# yaml-language-server: $schema={PUBLISHED}\n"


def test_the_schemas_id_is_its_published_address_only_when_there_is_one():
    assert "$id" not in json.loads(run_cli("schema", "--root", REAL_REPO).stdout)
    schema = json.loads(run_cli("schema", "--site-url", ADDRESS, "--root", REAL_REPO).stdout)
    assert schema["$id"] == PUBLISHED
    jsonschema.Draft202012Validator.check_schema(schema)


def test_a_site_address_that_is_not_one_is_refused(tmp_path: Path):
    result = run_cli("schema", "--modeline", "--site-url", "plans.example.org", "--root", REAL_REPO)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "--site-url 'plans.example.org' is not a web address" in result.stderr
    root = plans_only(tmp_path / "plans")
    (root / "mkdocs.yml").write_text("site_url: plans.example.org/betsi\n", encoding="utf-8")
    for args in (("schema", "--modeline"), ("schema",), ("new", "north-east-flintshire")):
        result = run_cli(*args, "--root", root)
        assert result.exit_code == 1, args
        assert "site_url in mkdocs.yml ('plans.example.org/betsi') is not a web address" in result.output, args
    assert not (root / CLUSTER / "2024-25").exists()


def test_a_repository_of_plans_only_is_told_what_to_write(tmp_path: Path):
    root = plans_only(tmp_path / "plans")
    result = run_cli("schema", "--modeline", "--root", root)
    assert result.exit_code == 0
    assert result.stdout == SCHEMA_HEADER + "\n"
    assert "schema/plan.schema.json does not exist yet" in result.stderr
    assert "make the folder schema/ and write it with `cluster-plans schema -o schema/plan.schema.json`" in \
        result.stderr
    assert "--site-url" in result.stderr
    published = run_cli("schema", "--modeline", "--site-url", ADDRESS, "--root", root)
    assert published.stdout == f"# yaml-language-server: $schema={PUBLISHED}\n" and published.stderr == ""


def test_a_repository_of_plans_only_with_its_own_schema_file(tmp_path: Path):
    """The first way the guide gives: write the schema into the repository; the plans' line then finds it."""
    root = plans_only(tmp_path / "plans")
    (root / "schema").mkdir()
    assert run_cli("schema", "-o", "schema/plan.schema.json", cwd=root).exit_code == 0
    plan = root / NEF_2023 / "plan.yaml"
    assert first_line(plan) == SCHEMA_HEADER
    target = target_of(plan)
    assert target == (root / "schema" / "plan.schema.json").resolve() and target.is_file()
    schema = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(plan.read_text(encoding="utf-8")))
    assert run_cli("schema", "--modeline", cwd=root).stderr == ""


def hook(root: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    """The pre-commit hook as pre-commit runs it: its entry and the changed files, from the repository root."""
    [definition] = yaml.safe_load((REAL_REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run([*shlex.split(definition["entry"]), *files], cwd=root, capture_output=True, text=True,
                          env=env)


def test_new_writes_the_published_address_where_the_site_has_one(tmp_path: Path):
    root = plans_only(tmp_path / "plans")
    (root / "mkdocs.yml").write_text(f"site_url: {ADDRESS}\n", encoding="utf-8")
    assert run_cli("schema", "--modeline", cwd=root).stdout == f"# yaml-language-server: $schema={PUBLISHED}\n"
    result = run_cli("new", "north-east-flintshire", "2024-25", cwd=root)
    assert result.exit_code == 0, result.output
    plan = root / CLUSTER / "2024-25" / "plan.yaml"
    assert first_line(plan) == f"# yaml-language-server: $schema={PUBLISHED}"
    # The hook, run where the lead commits, passes the new draft and the plan it started from.
    checked = hook(root, [f"{CLUSTER}/2024-25/plan.yaml", f"{NEF_2023}/plan.yaml"])
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1].startswith("2 plans checked: 0 errors")


def test_new_writes_the_relative_path_without_a_site_address(tmp_path: Path):
    root = plans_only(tmp_path / "plans")
    result = run_cli("new", "north-east-flintshire", "2024-25", cwd=root)
    assert result.exit_code == 0, result.output
    assert first_line(root / CLUSTER / "2024-25" / "plan.yaml") == SCHEMA_HEADER


@pytest.mark.parametrize("site_url", ["", "null"])
def test_an_empty_site_address_is_no_address(tmp_path: Path, site_url: str):
    root = plans_only(tmp_path / "plans")
    (root / "mkdocs.yml").write_text(f"site_url: {site_url}\n", encoding="utf-8")
    assert run_cli("schema", "--modeline", cwd=root).stdout == SCHEMA_HEADER + "\n"


def test_a_blank_plan_names_the_published_schema_too(tmp_path: Path):
    """A cluster's first plan starts from the blank template, whose first line is the same schema line."""
    root = plans_only(tmp_path / "plans")
    newcomer = f"{BOARD}/north-west-flintshire"
    (root / newcomer).mkdir()
    shutil.copy2(FIXTURE_REPO / newcomer / "cluster.yaml", root / newcomer)
    (root / "mkdocs.yml").write_text(f"site_url: {ADDRESS}\n", encoding="utf-8")
    result = run_cli("new", "north-west-flintshire", "2024-25", cwd=root)
    assert result.exit_code == 0, result.output
    plan = root / newcomer / "2024-25" / "plan.yaml"
    assert first_line(plan) == f"# yaml-language-server: $schema={PUBLISHED}"
    assert "${" not in plan.read_text(encoding="utf-8")
