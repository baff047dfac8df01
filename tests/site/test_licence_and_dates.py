"""What a public-sector site owes its readers: an open licence on the downloads (on the page, in each JSON
file, and for the CSV files in the data package), and on each plan the day it was published here and last
updated, from git's history (none without it), with the document it comes from."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.core.history import Dates, folder_dates
from site_testing import run_build, site_repo

NEF = "clusters/betsi-cadwaladr/north-east-flintshire"
OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def commit(root: Path, message: str, when: str) -> None:
    """Commit everything in `root` as on the day `when` (ISO), by a fixed author."""
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Board",
           "GIT_AUTHOR_EMAIL": "board@example.org", "GIT_COMMITTER_NAME": "Board",
           "GIT_COMMITTER_EMAIL": "board@example.org"}
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", message], check=True, env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The fixture site built from a repository whose NEF 2022-23 plan came on 1 March 2023 and changed on
    2 April 2024; the other plans came with the first commit too."""
    root = site_repo(tmp_path_factory.mktemp("dated") / "repo")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    commit(root, "Plans of 2022-23", "2023-03-01T10:00:00+00:00")
    plan = root / NEF / "2022-23" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(root, "A blank line", "2024-04-02T23:30:00+00:00")
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_folder_dates_are_the_first_and_last_commits_touching_each_plan(tmp_path):
    root = tmp_path / "repo"
    (root / "clusters/b/c/2022-23").mkdir(parents=True)
    (root / "clusters/b/c/2023-24").mkdir(parents=True)
    (root / "clusters/b/c/2022-23/plan.yaml").write_text("a\n")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    commit(root, "first", "2022-05-01T12:00:00+00:00")
    (root / "clusters/b/c/2022-23/summary.md").write_text("b\n")
    commit(root, "second", "2022-06-09T12:00:00+00:00")
    (root / "clusters/b/c/2023-24/plan.yaml").write_text("c\n")
    commit(root, "third", "2023-04-01T12:00:00+00:00")
    dates = folder_dates(root, ["clusters/b/c/2022-23", "clusters/b/c/2023-24", "clusters/b/d/2022-23"])
    assert dates == {"clusters/b/c/2022-23": Dates(date(2022, 5, 1), date(2022, 6, 9)),
                     "clusters/b/c/2023-24": Dates(date(2023, 4, 1), date(2023, 4, 1))}
    # A folder no commit touched, or no git history at all: no dates rather than wrong ones.
    assert folder_dates(tmp_path / "nowhere", ["clusters/b/c/2022-23"]) == {}


def test_each_plan_says_when_it_was_published_and_last_updated(built):
    english = (built / "betsi-cadwaladr/north-east-flintshire/2022-23/index.html").read_text(encoding="utf-8")
    assert "Published here 1 March 2023 · last updated 2 April 2024" in english
    welsh = (built / "cy/betsi-cadwaladr/north-east-flintshire/2022-23/index.html").read_text(encoding="utf-8")
    assert "Cyhoeddwyd yma 1 Mawrth 2023 · diweddarwyd ddiwethaf 2 Ebrill 2024" in welsh
    other = (built / "betsi-cadwaladr/north-east-flintshire/2023-24/index.html").read_text(encoding="utf-8")
    assert "Published here 1 March 2023 · last updated 1 March 2023" in other
    # The document the plan comes from, named beside the dates (English on the Welsh page, marked so).
    assert 'Ffynhonnell: <span lang="en">' in welsh


def test_the_downloads_say_their_licence(built):
    page = (built / "downloads/index.html").read_text(encoding="utf-8")
    assert f'<a href="{OGL}" rel="license">Open Government Licence v3.0</a>' in page
    welsh = (built / "cy/downloads/index.html").read_text(encoding="utf-8")
    assert 'open-government-licence-cymraeg/version/3/" rel="license">Drwydded Llywodraeth Agored v3.0</a>' in welsh
    plans = json.loads((built / "downloads/plans.json").read_text(encoding="utf-8"))
    assert plans["licence"] == {"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0", "path": OGL}
    assert {p["cluster"] for p in plans["plans"]} >= {"north-east-flintshire", "upper-valleys"}
    one = json.loads((built / "betsi-cadwaladr/north-east-flintshire/2023-24/activities.json").read_text("utf-8"))
    assert one["licence"]["name"] == "OGL-UK-3.0"
    # A CSV file starts with its header row, so its licence is in the data package, which lists every file.
    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    csv = resources["betsi-cadwaladr/north-east-flintshire/2023-24/activities.csv"]
    assert csv["format"] == "csv" and csv["licenses"][0]["name"] == "OGL-UK-3.0"
    assert {"downloads/activities.csv", "downloads/plans.json"} <= resources.keys()
    assert all((built / path).is_file() for path in resources)
    # (Without git's history a plan has no dates: the golden snapshot, built from a copy, shows none.)
    assert (built / "downloads/activities.csv").read_text(encoding="utf-8-sig").startswith("board,cluster,year,")

