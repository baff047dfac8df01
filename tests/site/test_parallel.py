"""Work shared out between worker processes: the result must not depend on the sharing, and a worker that
dies must end the command at once with a clear message, leaving the published site as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.engine import links
from generator.core import parallel
from generator.pipeline.build import Project, check, render_clusters, render_overviews
from generator.checks.validate import validate
from site_testing import PROJECT, kept_documents, site_repo

sys.path.insert(0, str(PROJECT / "benchmarks"))
import corpus  # noqa: E402


@pytest.fixture(scope="module")
def big_repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("big")
    corpus.generate(root, clusters=10, years=5)
    return root


def test_forked_validation_equals_the_serial_one(big_repo):
    forked = validate(big_repo, jobs=2)
    serial = validate(big_repo, jobs=1)
    assert forked.report.plans_checked == serial.report.plans_checked == 50
    assert forked.report.sorted() == serial.report.sorted()
    assert [p.url for p in forked.repository.plans] == [p.url for p in serial.repository.plans]


def test_forked_rendering_equals_the_serial_one(big_repo, tmp_path):
    def render(jobs: int) -> dict[str, bytes]:
        project = Project(site_repo(tmp_path / f"jobs-{jobs}", big_repo))
        validation = check(project, jobs)
        pages = render_clusters(project, validation, jobs) + render_overviews(project, validation, jobs)
        docs = project.work_dir / "docs"
        assert len(pages) == sum(1 for p in docs.rglob("*") if p.is_file())
        return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}

    assert render(2) == render(1)


def test_the_worker_count_is_the_cpus_this_process_may_use():
    assert parallel.worker_count(None) == len(os.sched_getaffinity(0))
    assert parallel.worker_count(3) == 3


def run(root: Path, *args: str, kill: str) -> tuple[subprocess.CompletedProcess, float]:
    env = dict(os.environ, **{parallel.KILL_WORKER: kill})
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(root), "--jobs", "2"],
                            capture_output=True, text=True, env=env, timeout=60)
    return result, time.monotonic() - start


@pytest.fixture
def published(tmp_path) -> Path:
    """A repository whose site/ holds a previous build (here, one marker page)."""
    root = site_repo(tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site")
    return root


def test_a_worker_dying_while_plans_are_checked_ends_validate(published):
    result, seconds = run(published, "validate", kill="checking plans")
    assert seconds < 10
    assert result.returncode == 1
    assert "Validation failed: a worker died while checking plans" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("stage", ["checking plans", "rendering pages", "compiling documents", "checking links"])
def test_a_worker_dying_ends_the_build_and_leaves_the_site(published, stage):
    if stage == "compiling documents":
        shutil.rmtree(kept_documents(published))  # else the documents are taken as compiled before
    result, seconds = run(published, "build", kill=stage)
    assert result.returncode == 1
    assert f"Build failed: a worker died while {stage} (it was killed or ran out of memory); nothing was " \
           "published" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (published / "site" / "index.html").read_text() == "the previous site"
    assert not [p for p in published.iterdir() if p.name.startswith(".site")]
    if stage in ("checking plans", "rendering pages"):  # the later ones come after the engine, which takes its own time
        assert seconds < 10


def test_a_worker_dying_in_the_link_check_is_reported_within_seconds(tmp_path, monkeypatch):
    site = tmp_path / "site"
    for n in range(4):
        (site / str(n)).mkdir(parents=True)
        (site / str(n) / "index.html").write_text('<a href="../">up</a>')
    monkeypatch.setenv(parallel.KILL_WORKER, "checking links")
    start = time.monotonic()
    with pytest.raises(parallel.WorkerDied, match="a worker died while checking links"):
        links.check_site(site, jobs=2)
    assert time.monotonic() - start < 10
