"""Fixtures for the whole suite; the helpers they use live in plan_testing.py and site_testing.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plan_testing import FIXTURE_REPO, Repo
from site_testing import built_site

TESTS = Path(__file__).resolve().parent
# Tests that drive a browser, and those that build a site or install the package: `-m "not browser"`
# or `-m "not slow"` leaves them out when one part is being worked on.
MARKED = {"browser": "browser", "site": "slow", "package": "slow"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = Path(str(item.fspath)).relative_to(TESTS).parts[0]
        if folder in MARKED:
            item.add_marker(MARKED[folder])


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A fresh copy of the fixture repository (tests/fixtures/repo) that a test may break."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_REPO, root, symlinks=True)
    return Repo(root)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture repository built once, as a user builds it, for every test that only reads the site."""
    return built_site(tmp_path_factory.mktemp("fixture-site"))
