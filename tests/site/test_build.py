"""`cluster-plans build` end to end on the fixture repository, as a user runs it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.engine.links import external_requests
from site_testing import run_build as build, site_repo

NEF = "clusters/betsi-cadwaladr/north-east-flintshire"


@pytest.fixture(scope="module")
def built(fixture_site) -> Path:
    """The fixture repository copied and built as a user builds it (`cluster-plans build`)."""
    return fixture_site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_page_type_is_built(built):
    for page in ["index.html", "betsi-cadwaladr/index.html", "betsi-cadwaladr/north-east-flintshire/index.html",
                 "betsi-cadwaladr/north-east-flintshire/2023-24/index.html",
                 "betsi-cadwaladr/north-east-flintshire/2023-24/on-a-page/index.html",
                 "themes/index.html", "themes/a-healthier-wales/index.html", "services/index.html",
                 "downloads/index.html", "data-quality/index.html", "betsi-cadwaladr/data-quality/index.html",
                 "swansea-bay/upper-valleys/2022-23/index.html"]:
        assert (built / page).is_file(), page


def test_plan_page_shows_the_plan_on_a_page_first_then_the_sections(built):
    html = (built / "betsi-cadwaladr/north-east-flintshire/2023-24/index.html").read_text()
    html = html[html.index("<article"):]  # the page body, not the contents list in the sidebar
    pop = html.index("Plan on a page: North East Flintshire 2023-24")
    assert pop < html.index("Cluster Executive Summary") < html.index('id="activities"')
    assert "Dr Angharad Fletcher" in html
    assert '<caption>Activities of North East Flintshire cluster plan 2023-24</caption>' in html


def test_downloads_hold_every_activity(built):
    data = json.loads((built / "betsi-cadwaladr/north-east-flintshire/2023-24/activities.json").read_text())
    assert data["licence"]["title"] == "Open Government Licence v3.0"
    rows = data["activities"]
    csv_lines = (built / "betsi-cadwaladr/north-east-flintshire/2023-24/activities.csv").read_text().splitlines()
    assert len(csv_lines) == len(rows) + 1
    assert {"audiology", "improving-access"} <= {r["id"] for r in rows}
    everything = (built / "downloads/activities.csv").read_text()
    assert "upper-valleys" in everything or "north-west-flintshire" in everything
    schema = json.loads((built / "schema/plan.schema.json").read_text())
    assert schema["title"] == "Cluster plan"


def test_search_is_indexed_in_chunks_for_each_language(built):
    entry = json.loads((built / "pagefind/pagefind-entry.json").read_text())
    # Every page a reader searches for: not the editor's, and not the What changed pages, whose every word
    # is a word of the two plans they compare (those are searched).
    pages = sum(1 for p in built.rglob("index.html") if not {"pagefind", "admin", "changes"} & set(p.parts))
    assert set(entry["languages"]) == {"en", "cy"}
    assert sum(lang["page_count"] for lang in entry["languages"].values()) >= pages - 2
    assert len(list((built / "pagefind/index").iterdir())) >= 2
    # Material's single-file index is not used: no page asks for it.
    assert 'name="search"' not in (built / "index.html").read_text()


def test_site_makes_no_third_party_requests(built):
    assert external_requests(built) == []
    assert "fonts.googleapis.com" not in (built / "index.html").read_text()


def test_same_input_gives_byte_identical_output(tmp_path, built):
    # Its documents compiled afresh, to be compared with those of the first build.
    root = site_repo(tmp_path / "again", compiled=False)
    assert build(root).returncode == 0
    assert tree(root / "site") == tree(built)


def published_before(root: Path, site: Path) -> None:
    """The site an earlier build of the same plans published, in `root`'s site folder."""
    shutil.copytree(site, root / "site")


def test_plan_errors_stop_the_build_and_leave_the_previous_site(tmp_path, built):
    root = site_repo(tmp_path / "repo")
    published_before(root, built)
    marker = root / "site" / "index.html"
    before = marker.read_bytes()
    plan = root / NEF / "2023-24" / "plan.yaml"
    plan.write_text(plan.read_text().replace("year: 2023-24", "year: 2023-25"))
    result = build(root)
    assert result.returncode == 1
    assert "layout-mismatch" in result.stdout
    assert "Build failed" in result.stderr
    assert "Traceback" not in result.stderr
    assert marker.read_bytes() == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []


def test_engine_failure_leaves_the_previous_site(tmp_path, built):
    root = site_repo(tmp_path / "repo")
    published_before(root, built)
    before = tree(root / "site")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("name: material", "name: no-such-theme"))
    result = build(root)
    assert result.returncode == 1
    assert "MkDocs could not build the site" in result.stderr
    assert tree(root / "site") == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site")]


def test_broken_internal_link_fails_the_build(tmp_path):
    root = site_repo(tmp_path / "repo")
    prose = root / NEF / "2023-24" / "challenges.md"
    prose.write_text(prose.read_text() + "\nSee [the old plan](../../no-such-year/).\n")
    result = build(root)
    assert result.returncode == 1
    # Named where the lead wrote it (the prose file and line), once, though both languages show it.
    line = len(prose.read_text().splitlines())
    assert result.stdout.count(f"{NEF}/2023-24/challenges.md:{line}:") == 1, result.stdout
    # The plans are checked before anything is built, links of the prose included.
    assert "error prose-missing-page: link to a page the site does not have: '../../no-such-year/'" in result.stdout
    assert "nothing was built" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (root / "site").exists()


def problems_of(result: subprocess.CompletedProcess) -> list[tuple[str, int, str]]:
    return [(p["file"], p["line"], p["code"]) for p in json.loads(result.stdout)["problems"]]


def test_broken_links_are_reported_as_json_at_the_prose_line(tmp_path):
    root = site_repo(tmp_path / "repo")
    prose = root / NEF / "2023-24" / "challenges.md"
    prose.write_text(prose.read_text() + "\nSee [the old plan](../../no-such-year/).\n")
    result = build(root, "--format", "json")
    assert result.returncode == 1
    line = len(prose.read_text().splitlines())
    assert problems_of(result) == [(f"{NEF}/2023-24/challenges.md", line, "prose-missing-page")]


def test_broken_links_are_annotations_in_a_workflow(tmp_path):
    root = site_repo(tmp_path / "repo")
    prose = root / NEF / "2023-24" / "challenges.md"
    prose.write_text(prose.read_text() + "\nSee [the old plan](../../no-such-year/).\n")
    result = build(root, "--format", "github")
    assert result.returncode == 1
    assert f"::error file={NEF}/2023-24/challenges.md,line=" in result.stdout
    assert "title=prose-missing-page::" in result.stdout


def test_prose_is_untrusted(tmp_path):
    root = site_repo(tmp_path / "repo")
    prose = root / NEF / "2023-24" / "challenges.md"
    # A javascript: link is refused before the build (see test_prose_links); raw HTML is shown as text.
    prose.write_text(prose.read_text() + "\n<script>alert('x')</script> <a href=javascript:alert(1)>click</a>"
                     " <img src=x onerror=alert(1)>\n\nStaffing <!-- ask Sian for the\nfigures --> is the main challenge.\n")
    assert build(root).returncode == 0
    html = (root / "site" / "betsi-cadwaladr/north-east-flintshire/2023-24/index.html").read_text()
    # A note to the plan's editors, hidden in every Markdown preview, is not published either.
    assert re.search(r"Staffing\s+is the main challenge\.", html)
    assert "ask Sian" not in html and "&lt;!--" not in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert 'href="javascript:' not in html
    assert "<img src=x" not in html and 'onerror="alert' not in html


def test_build_from_inside_the_repository_with_a_relative_root(tmp_path):
    root = site_repo(tmp_path / "repo")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", "."], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "site" / "index.html").is_file()


def with_cluster_template_line(tmp_path: Path, line: str) -> Path:
    """The fixture repository with `line` written into the cluster page's template as its 12th line."""
    root = site_repo(tmp_path / "repo")
    template = root / "templates" / "pages" / "cluster.md.j2"
    lines = template.read_text().splitlines()
    lines.insert(11, line)
    template.write_text("\n".join(lines) + "\n")
    return root


def test_a_broken_template_ends_in_build_failed_naming_the_template_and_line(tmp_path):
    root = with_cluster_template_line(tmp_path, "{% if cluster %}never closed")
    result = build(root)
    assert result.returncode == 1
    assert "templates/pages/cluster.md.j2:" in result.stdout
    assert "error template-error: the template cannot be used: Unexpected end of template" in result.stdout
    assert "Build failed: a template could not be used; nothing was published" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (root / "site").exists()


def test_a_template_error_while_rendering_names_the_line(tmp_path):
    root = with_cluster_template_line(tmp_path, "{{ cluster.no_such_field }}")
    result = build(root)
    assert result.returncode == 1
    assert "templates/pages/cluster.md.j2:12:0: error template-error: the template cannot be used:" in result.stdout
    assert "no_such_field" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert problems_of(build(root, "--format", "json")) == [("templates/pages/cluster.md.j2", 12, "template-error")]


@pytest.mark.parametrize("key", ["cluster.name_en", "cluster.heading"])  # a fixed text, and one with values
def test_a_text_the_catalogues_lack_names_the_key_and_where_it_is_used(tmp_path, key):
    # A repository's own template asks for a text by a key the catalogues do not have (a typing slip).
    root = site_repo(tmp_path / "repo")
    template = root / "templates" / "pages" / "cluster.md.j2"
    template.write_text(template.read_text().replace(f"t('{key}'", f"t('{key}s'"))
    result = build(root)
    assert result.returncode == 1
    assert (f"error translation-missing: there is no English text for '{key}s' in generator/locale/messages.pot"
            in result.stdout)
    assert "templates/pages/cluster.md.j2:" in result.stdout
    assert "Build failed: a template could not be used" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    [(file, line, code)] = problems_of(build(root, "--format", "json"))
    assert (file, code) == ("templates/pages/cluster.md.j2", "translation-missing")
    assert f"t('{key}s'" in (root / file).read_text().splitlines()[line - 1]


@pytest.mark.parametrize("where, why", [("/proc/cluster-plans-site", "no such file or directory"),
                                         ("{tmp}/a-file/site", "{tmp}/a-file is a file, not a folder")])
def test_a_site_folder_that_cannot_be_written_is_refused_at_once(tmp_path, where, why):
    root = site_repo(tmp_path / "repo", compiled=False)  # nothing kept from a build before: none is written
    (tmp_path / "a-file").write_text("not a folder")
    site = where.format(tmp=tmp_path)
    result = build(root, "--site-dir", site)
    assert result.returncode == 1
    assert f"Build failed: the site cannot be written to {site}: {why.format(tmp=tmp_path)}" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (root / ".build").exists()


def test_an_anchor_missing_from_a_hand_written_page_is_found_by_the_build(tmp_path):
    # Validation checks the plans' prose; the build's link check finds the rest, at the file and line.
    root = site_repo(tmp_path / "repo")
    guide = root / "content" / "guide" / "index.md"
    guide.write_text(guide.read_text() + "\nSee [the board](../betsi-cadwaladr/#no-such-part).\n")
    result = build(root, "--format", "json")
    assert result.returncode == 1
    line = len(guide.read_text().splitlines())
    assert ("content/guide/index.md", line, "link-broken") in problems_of(result)


def test_an_anchor_missing_from_a_board_page_is_refused_before_anything_is_built(tmp_path):
    root = site_repo(tmp_path / "repo")
    prose = root / NEF / "2023-24" / "challenges.md"
    prose.write_text(prose.read_text() + "\nSee [the board](../../#no-such-part).\n")
    result = build(root, "--format", "json")
    assert result.returncode == 1
    line = len(prose.read_text().splitlines())
    assert (f"{NEF}/2023-24/challenges.md", line, "prose-anchor-language") in problems_of(result)
    assert not (tmp_path / "repo" / "site").exists()


# Folders a build must never replace with the site: the repository, a folder holding it, its own folders,
# a file, a folder of someone else's files. Each is refused before anything is built, and left as it was.
NOT_SITE_FOLDERS = {
    "the repository itself": (".", "it holds the plans repository itself"),
    "the folder above it": ("..", "it holds the plans repository itself"),
    "the templates": ("templates", "it is the repository's own templates/ folder"),
    "a board's plans": ("clusters/betsi-cadwaladr", "it is inside the repository's own clusters/ folder"),
    "a folder of other files": ("notes", "it holds other files than a site this tool built"),
}


@pytest.mark.parametrize("name", NOT_SITE_FOLDERS)
def test_a_folder_that_is_not_a_site_is_never_built_over(tmp_path, name):
    root = site_repo(tmp_path / "repo", compiled=False)
    (root / "notes").mkdir()
    (root / "notes" / "minutes.txt").write_text("Cluster meeting, 3 May\n")
    folder, reason = NOT_SITE_FOLDERS[name]
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    # Run from the repository, as a lead does, so that the folder is read from there.
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--site-dir", folder], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"Error: the site cannot be built into '{folder}': {reason}" in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


def test_a_file_where_the_site_goes_is_left_and_named(tmp_path):
    root = site_repo(tmp_path / "repo", compiled=False)
    (root / "site").write_text("not a site\n")
    result = build(root)
    assert result.returncode == 1
    assert "it is a file, not a folder" in result.stderr
    assert (root / "site").read_text() == "not a site\n"
    assert not list(root.glob(".site-*"))
