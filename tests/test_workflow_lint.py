"""The GitHub workflows pass actionlint, and actionlint is shown to catch a broken one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from plan_testing import REAL_REPO

LINT = REAL_REPO / "tools" / "lint-workflows"
WORKFLOWS = REAL_REPO / ".github" / "workflows"


def lint(pattern: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT), *([pattern] if pattern else [])], capture_output=True, text=True,
                          timeout=120)


def test_the_workflows_pass_actionlint():
    result = lint()
    count = len(list(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {count} workflow file(s)..." in result.stdout
    assert "All workflow files passed lint checks" in result.stdout


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """The workflows copied into tmp_path with `old` replaced by `new` in `name`; the changed line."""
    copy = tmp_path / ".github" / "workflows"
    shutil.copytree(WORKFLOWS, copy)
    text = (copy / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    (copy / name).write_text(text.replace(old, new), encoding="utf-8")
    return copy, text[:text.index(old)].count("\n") + 1


def test_actionlint_names_a_step_that_does_not_exist(tmp_path: Path):
    copy, line = broken_copy(tmp_path, "pr.yml", "steps.build.outcome", "steps.biuld.outcome")
    result = lint(str(copy / "*.yml"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"pr.yml:{line}:" in result.stdout
    assert 'property "biuld" is not defined' in result.stdout
    # the other workflows are still clean
    assert "cms.yml:" not in result.stdout and "publish.yml:" not in result.stdout


def test_actionlint_refuses_a_branch_name_spliced_into_a_script(tmp_path: Path):
    copy, line = broken_copy(tmp_path, "cms.yml", 'git push origin "HEAD:$BRANCH"',
                             "git push origin HEAD:${{ github.head_ref }}")
    result = lint(str(copy / "*.yml"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cms.yml:" in result.stdout
    assert '"github.head_ref" is potentially untrusted' in result.stdout


def test_actionlint_refuses_an_unknown_runner_key(tmp_path: Path):
    copy, line = broken_copy(tmp_path, "publish.yml", "    runs-on: ubuntu-latest\n    steps:\n",
                             "    runs_on: ubuntu-latest\n    steps:\n")
    result = lint(str(copy / "*.yml"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"publish.yml:{line}:" in result.stdout
    assert 'unexpected key "runs_on"' in result.stdout
