"""Fixtures for the whole suite; the helpers they use live in plan_testing.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plan_testing import FIXTURE_REPO, Repo


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A fresh copy of the fixture repository (tests/fixtures/repo) that a test may break."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_REPO, root, symlinks=True)
    return Repo(root)
