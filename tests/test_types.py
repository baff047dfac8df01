"""The generator type-checks: mypy, as configured in pyproject.toml, finds no error in generator/."""

from __future__ import annotations

import subprocess
import sys

from plan_testing import REAL_REPO


def test_mypy_finds_no_errors_in_the_generator():
    result = subprocess.run([sys.executable, "-m", "mypy", "--config-file", "pyproject.toml"], cwd=REAL_REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")
