"""The search index, made one language at a time: the same index as one Pagefind run over the whole
site, and a clear failure when Pagefind cannot index."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.engine import mkdocs as engine
from generator.engine import search_index


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(fixture_site) -> Path:
    return fixture_site


def test_each_language_is_indexed_from_its_own_pages(built):
    groups = search_index.pages_by_language(built, built / "pagefind")
    assert Path("cy/index.html") in groups["cy"] and Path("index.html") in groups["en"]
    assert all(p.parts[0] == "cy" for p in groups["cy"])
    assert not any(p.parts[0] in ("cy", "pagefind") for p in groups["en"])
    entry = json.loads((built / "pagefind/pagefind-entry.json").read_text())
    # Every plan page of each language is in that language's index.
    plans = {lang: sum(1 for p in pages if len(p.parts) >= 4 and p.parts[-2][:2] == "20") for lang, pages in groups.items()}
    for language in ("en", "cy"):
        assert entry["languages"][language]["page_count"] >= plans[language] > 0


def test_the_index_is_the_one_a_single_run_over_the_whole_site_makes(built, tmp_path):
    """Pagefind keeps a separate index for each language, so indexing them one at a time must give the
    same files; the only difference allowed is that the entry file is written with sorted keys. (The
    What changed pages, which the index leaves out, are left out of the single run too.)"""
    pages = tmp_path / "site"
    shutil.copytree(built, pages, ignore=shutil.ignore_patterns("pagefind"))
    for comparisons in [*pages.glob("*/*/changes"), *pages.glob("cy/*/*/changes")]:
        shutil.rmtree(comparisons)
    single = tmp_path / "single"
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(single),
                    "--exclude-selectors", ".headerlink", "--quiet"], check=True, capture_output=True)
    ours, theirs = tree(built / "pagefind"), tree(single)
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == ["pagefind-entry.json"]
    assert json.loads(ours["pagefind-entry.json"]) == json.loads(theirs["pagefind-entry.json"])


def test_the_editor_is_not_searched_so_it_can_be_written_while_the_index_is_made(built, tmp_path):
    """The build writes /admin/ and /cy/admin/ while Pagefind runs: the index leaves those folders out
    in every language, and is the same whatever they hold at the time."""
    groups = search_index.pages_by_language(built, built / "pagefind", ("admin",))
    assert Path("admin/index.html") in search_index.pages_by_language(built, built / "pagefind")["en"]
    assert Path("admin/index.html") not in groups["en"] and Path("cy/admin/index.html") not in groups["cy"]
    assert Path("cy/index.html") in groups["cy"] and Path("index.html") in groups["en"]
    pages = tmp_path / "site"
    shutil.copytree(built, pages)
    for language in ("", "cy/"):
        editor = pages / f"{language}admin" / "index.html"
        editor.write_text("<html lang='en'><body><div data-pagefind-body>half written editor</div></body></html>")
    engine.run_pagefind(pages, unsearched=("admin",))
    assert tree(pages / "pagefind") == tree(built / "pagefind")


def test_an_index_already_in_the_site_is_replaced_not_indexed(built, tmp_path):
    pages = tmp_path / "site"
    shutil.copytree(built, pages)
    stale = pages / "pagefind" / "stale.html"
    stale.write_text("<html lang='en'><body><main>stale</main></body></html>")
    engine.run_pagefind(pages)
    assert not stale.exists()
    assert tree(pages / "pagefind") == tree(built / "pagefind")
    assert not list(tmp_path.glob(".search-*")), "the work folder beside the site is removed"


def test_a_failing_index_is_a_clear_failure(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html lang='en'><body><main>Plans</main></body></html>")
    # Pagefind refuses an output folder that is a file.
    (tmp_path / "taken").write_text("a file")
    result = subprocess.run([sys.executable, "-m", "generator.engine.search_index", str(site), str(tmp_path / "taken" / "x")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("the search index could not be made:")
    assert "Traceback" not in result.stderr
    assert (tmp_path / "taken").read_text() == "a file"
    with pytest.raises(engine.EngineFailure, match="the search index could not be made"):
        engine.run_pagefind(site, tmp_path / "taken" / "x")


def test_a_site_with_no_pages_is_refused_in_words(tmp_path):
    (tmp_path / "site").mkdir()
    result = subprocess.run([sys.executable, "-m", "generator.engine.search_index", str(tmp_path / "site"),
                             str(tmp_path / "site" / "pagefind")], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == f"the search index could not be made: {tmp_path / 'site'} has no pages to index"
    assert not (tmp_path / "site" / "pagefind").exists()


def test_what_changed_pages_are_not_searched_but_the_plans_they_compare_are(built):
    """A What changed page shows words of the two plans it compares: search leads to the plans, and
    the index does not hold every plan's words a second time."""
    comparisons = sorted(p.relative_to(built) for p in built.glob("*/*/changes/*/index.html"))
    assert comparisons, "the fixture has a cluster with two plans"
    groups = search_index.pages_by_language(built, built / "pagefind")
    for page in comparisons:
        assert page not in groups["en"] and Path("cy", page) not in groups["cy"]
        assert Path(*page.parts[:2], "index.html") in groups["en"]
    nef = Path("betsi-cadwaladr", "north-east-flintshire")
    assert {nef / "2022-23" / "index.html", nef / "2023-24" / "index.html"} <= set(groups["en"])
