"""Fixtures for the whole suite; the helpers they use live in plan_testing.py and site_testing.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from xdist.scheduler import LoadFileScheduling

import site_testing
from plan_testing import FIXTURE_REPO, Repo
from site_testing import built_real_site, built_site, kept_documents, made_once

TESTS = Path(__file__).resolve().parent
# Tests that drive a browser, and those that build a site or install the package: `-m "not browser"`
# or `-m "not slow"` leaves them out when one part is being worked on.
MARKED = {"browser": "browser", "site": "slow", "package": "slow"}


# Modules whose tests share nothing made per module (each makes what it needs, or reads what the whole run
# makes once): pytest-xdist may run each of their tests on any worker. Their long walks over the real site
# are cut into parts, by board, cluster or language, that run side by side.
SPREAD = {f"tests/{module}.py" for module in (
    "browser/test_find_your_cluster", "browser/test_phone_and_paper", "browser/test_public_text",
    "browser/test_real_site", "browser/test_serve_problems", "site/test_build", "site/test_serve",
    "test_validate_alone", "test_word_import", "test_workflow")}


class ModulesOrTests(LoadFileScheduling):
    """`--dist loadfile` as tools/run-tests asks for it: a module's tests stay on one worker, so that what its
    fixtures make (a built site, a served preview) is made once, except in the SPREAD modules, whose tests
    go one by one to whichever worker is free."""

    def _split_scope(self, nodeid: str) -> str:
        module = super()._split_scope(nodeid)
        return nodeid if module in SPREAD else module


def pytest_xdist_make_scheduler(config: pytest.Config, log) -> LoadFileScheduling | None:
    if config.getvalue("dist") != "loadfile":
        return None
    # In the order collected: the browser and site modules, the longest, go first, the many short tests of the
    # modules at the top last, to fill the gaps; xdist would otherwise send the modules with the most tests first.
    config.option.loadscopereorder = False
    return ModulesOrTests(config, log)


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
def shared_dir(tmp_path_factory, worker_id: str) -> Path:
    """A folder every worker of this test run shares (pytest-xdist gives each its own temporary folder
    inside one for the run); the run's own folder when there are no workers."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@pytest.fixture(scope="session")
def fixture_site(shared_dir: Path) -> Path:
    """The fixture repository built once for the whole run, as a user builds it, for every test that only
    reads the site (a test that changes a site builds its own copy)."""
    site = made_once(shared_dir, "fixture-site", built_site)
    site_testing.fixture_documents = kept_documents(site.parent)
    return site


@pytest.fixture(scope="module", autouse=True)
def compiled_fixture_documents(request: pytest.FixtureRequest) -> None:
    """A module that builds copies of the fixture (those that import site_repo) has the run's build of the
    fixture made first, so that its copies start with the documents that build compiled (see site_repo)."""
    if getattr(request.module, "site_repo", None) is site_testing.site_repo:
        request.getfixturevalue("fixture_site")


@pytest.fixture(scope="session")
def real_site(shared_dir: Path) -> Path:
    """This repository's own plans built once for the whole run, as a user builds them, for every test
    that only reads them."""
    return made_once(shared_dir, "real-site", built_real_site)
