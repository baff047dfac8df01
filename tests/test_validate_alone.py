"""`validate` stands alone: it loads no template engine, no Markdown engine and no MkDocs, gives the same
problems in a repository that holds only plans, and checks every address a page will hold as the build's
link check does."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plan_testing import FIXTURE_REPO
from site_testing import run_build, site_repo

PROJECT = Path(__file__).resolve().parents[1]
PLAN = "clusters/betsi-cadwaladr/north-east-flintshire/2022-23"
ENGINES = ("jinja2", "markdown", "mkdocs", "material", "pymdownx")


def validate(root: Path, *args: str, importtime: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "-m", "generator", "validate",
               "--root", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_validate_imports_no_template_markdown_or_site_engine(tmp_path):
    root = site_repo(tmp_path / "repo")
    result = validate(root, importtime=True)
    assert result.returncode == 0, result.stdout + result.stderr
    loaded = {m[1].strip() for m in re.finditer(r"^import time:\s*\d+ \|\s*\d+ \|(.*)$", result.stderr, re.M)}
    tops = {name.split(".")[0] for name in loaded}
    assert not tops & set(ENGINES), sorted(tops & set(ENGINES))
    # What the check does need is there: the plans were read and checked.
    assert "plans checked" in result.stdout


def test_a_repository_of_plans_only_gets_the_same_problems_byte_for_byte(tmp_path):
    full = site_repo(tmp_path / "full")
    plans_only = tmp_path / "plans-only"
    shutil.copytree(FIXTURE_REPO / "clusters", plans_only / "clusters")
    # A link into the leads' guide and to a part of it: checked against the guide the package carries.
    section = Path(PLAN) / "achievements.md"
    for root in (full, plans_only):
        with open(root / section, "a", encoding="utf-8") as text:
            text.write("\nSee [the guide](../../../guide/#no-such-part) and [its codes](../../../guide/problems/).\n")
    here, there = validate(full, "--format", "json"), validate(plans_only, "--format", "json")
    assert here.returncode == there.returncode == 1
    assert here.stdout == there.stdout
    codes = [p["code"] for p in json.loads(there.stdout)["problems"] if p["severity"] == "error"]
    # The guide's headings are named in each language's words: an English anchor is not on the Welsh page.
    assert codes == ["prose-anchor-language"]


@pytest.fixture
def quoting_html(tmp_path) -> Path:
    """A plan whose prose quotes HTML and attribute-like text: the page shows it as text."""
    root = site_repo(tmp_path / "repo")
    with open(root / PLAN / "achievements.md", "a", encoding="utf-8") as text:
        text.write('\nInline <img src="x"> text, <a href="nowhere/">a quoted link</a>, <video src="clip.mp4">,'
                   ' id="made-up" and src="y" written as words.\n')
    return root


def test_html_quoted_in_prose_is_text_for_validate_and_for_the_build(quoting_html):
    checked = validate(quoting_html)
    assert checked.returncode == 0, checked.stdout
    assert "prose-" not in checked.stdout
    built = run_build(quoting_html)
    assert built.returncode == 0, built.stdout + built.stderr
    page = (quoting_html / "site" / PLAN.removeprefix("clusters/") / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=&quot;x&quot;&gt;" in page or '&lt;img src="x"&gt;' in page


def test_a_heading_of_a_generated_page_is_refused_with_the_parts_every_language_keeps(tmp_path):
    root = site_repo(tmp_path / "repo")
    with open(root / PLAN / "achievements.md", "a", encoding="utf-8") as text:
        text.write("\nSee [the board's clusters](../../#clusters) and [a service](../../#service-frail).\n")
    result = validate(root)
    assert result.returncode == 1
    assert "error prose-anchor-language: the link '../../#clusters' points to a part of betsi-cadwaladr/index.html" \
           " that the page does not keep under the same name in English and Welsh" in result.stdout
    assert "Link to the page itself, '../../', or to one of the parts it keeps in every language: " \
           "#service-frail-and-vulnerable" in result.stdout
