"""`cluster-plans serve`: the preview shows an edit within moments and keeps the last good version on errors."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from site_testing import site_repo

PLAN = "betsi-cadwaladr/north-east-flintshire/2023-24"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def wait_for(condition, timeout: float = 30.0) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if condition():
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError("timed out")


@pytest.fixture
def preview(tmp_path):
    root = site_repo(tmp_path / "repo")
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "North East Flintshire" in fetch(base + PLAN + "/"), timeout=90)
        yield root, base, log
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_an_edit_to_a_plan_shows_in_the_preview(preview):
    root, base, _ = preview
    prose = root / "clusters" / PLAN / "challenges.md"
    prose.write_text(prose.read_text() + "\nKingfisher clinics are planned.\n")
    wait_for(lambda: "Kingfisher clinics" in fetch(base + PLAN + "/"), timeout=15)
    assert "__cluster_plans_reload" in fetch(base + PLAN + "/")


def test_a_broken_edit_is_reported_and_the_last_good_version_stays(preview):
    root, base, log = preview
    plan = root / "clusters" / PLAN / "plan.yaml"
    good = plan.read_text()
    plan.write_text(good.replace("year: 2023-24", "year: 2023-25"))

    def reported() -> bool:
        log.seek(0)
        return "layout-mismatch" in log.read()

    wait_for(reported, timeout=15)
    assert "North East Flintshire" in fetch(base + PLAN + "/")
    plan.write_text(good.replace("Dr Angharad Fletcher", "Dr Angharad Fletcher-Jones"))
    wait_for(lambda: "Fletcher-Jones" in fetch(base + PLAN + "/"), timeout=15)


def test_reload_endpoint_reports_a_new_version_after_an_edit(preview):
    root, base, _ = preview
    before = fetch(base + "__cluster_plans_reload?since=-1")
    prose = root / "clusters" / PLAN / "challenges.md"
    prose.write_text(prose.read_text() + "\nHeron.\n")
    # The reload request is a long poll: the server holds it until the edit is in (at most 25 s).
    after = fetch(base + f"__cluster_plans_reload?since={before}", timeout=60)
    assert int(after) > int(before)
