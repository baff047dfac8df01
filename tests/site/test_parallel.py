"""Large repositories are checked and rendered by forked workers; the result must not depend on that."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator import i18n
from generator.render import SiteContext, render_site
from generator.validate import validate
from site_testing import PROJECT

sys.path.insert(0, str(PROJECT / "benchmarks"))
import corpus  # noqa: E402


@pytest.fixture(scope="module")
def big_repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("big")
    corpus.generate(root, clusters=10, years=5)
    return root


def test_forked_validation_equals_the_serial_one(big_repo, monkeypatch):
    forked = validate(big_repo)
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    serial = validate(big_repo)
    assert forked.report.plans_checked == serial.report.plans_checked == 50
    assert forked.report.sorted() == serial.report.sorted()
    assert [p.url for p in forked.repository.plans] == [p.url for p in serial.repository.plans]


def test_forked_rendering_equals_the_serial_one(big_repo):
    result = validate(big_repo)
    translations = i18n.Translations.load(PROJECT / "templates")

    def render(workers: int):
        ctx = SiteContext(result.repository, PROJECT / "content", PROJECT / "templates", translations)
        return sorted((p.path, p.content) for p in render_site(ctx, ("en", "cy"), workers=workers))

    assert render(2) == render(1)
