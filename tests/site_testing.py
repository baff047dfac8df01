"""Site test support: build the fixture repository with the project's own templates, as `build` does."""

from __future__ import annotations

import fcntl
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from generator.pipeline.build import Project, build

TESTS = Path(__file__).resolve().parent
PROJECT = TESTS.parent
FIXTURE_REPO = TESTS / "fixtures" / "repo"
GOLDEN = TESTS / "golden"
SITE_PARTS = ("templates", "content", "mkdocs.yml")
# What the golden snapshot keeps: the docs trees the generator wrote and the published pages and downloads
# (the compiled PDF and Word files are checked by tests/test_documents.py, which reads them as a reader does).
# Left out: the assets (copies of templates/assets and the theme's own files), the online editor's
# vendored Decap CMS bundle and the search index (Pagefind's; the browser tests check that search works).
LEFT_OUT = {"docs": ("en/assets/", "cy/assets/"), "site": ("assets/", "cy/assets/", "pagefind/", "search/", "cy/search/")}


# The PDF and Word files the run's one build of the fixture compiled, as that build kept them for its next
# build (see tests/conftest.py, `fixture_site`); None until that build is made.
fixture_documents: Path | None = None


def kept_documents(root: Path) -> Path:
    """Where a build of the repository at `root` keeps the documents it compiled, for its next build."""
    return Project(root).work_dir / "documents"


def site_repo(destination: Path, source: Path = FIXTURE_REPO, compiled: bool = True) -> Path:
    """A buildable repository: the given plans plus this project's templates, content and mkdocs.yml.
    A copy of the fixture starts, unless not `compiled`, with the documents the run's build of the fixture
    compiled, as a repository built before does: its builds compile only the documents its own changes alter
    (tests/test_documents.py checks that a kept document is the one compiling would make)."""
    shutil.copytree(source / "clusters", destination / "clusters")
    for part in SITE_PARTS:
        origin = PROJECT / part
        if origin.is_dir():
            shutil.copytree(origin, destination / part)
        else:
            shutil.copy2(origin, destination / part)
    if compiled and source == FIXTURE_REPO and fixture_documents is not None and fixture_documents.is_dir():
        shutil.copytree(fixture_documents, kept_documents(destination))
    return destination


def run_build(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`cluster-plans build --root ROOT ARGS` in its own process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root), *args],
                          capture_output=True, text=True)


def built_site(folder: Path) -> Path:
    """The fixture repository copied into `folder` and built as a user builds it (`cluster-plans build`,
    in its own process); the built site's folder."""
    root = site_repo(folder / "repo")
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def built_real_site(folder: Path) -> Path:
    """This repository's own plans built as a user builds them, into `folder`/site; the built site's folder."""
    site = folder / "site"
    result = run_build(PROJECT, "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def made_once(shared: Path, name: str, make: Callable[[Path], Path]) -> Path:
    """What `make(folder)` returns, made once for every process of the test run: the first to ask makes it
    in `shared`/`name` while the others wait on a lock, then each reads what it made (the way pytest-xdist
    documents for session fixtures shared between its workers). A failed making is not kept, so each
    process that asks fails with its own report."""
    folder = shared / name
    made = shared / f"{name}.made"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if made.is_file():
            return Path(made.read_text(encoding="utf-8"))
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        result = make(folder)
        made.write_text(str(result), encoding="utf-8")
        return result


# Binary files the snapshot leaves out: images and fonts, compressed copies, and the compiled PDF and Word files.
LEFT_OUT_SUFFIXES = (".gz", ".png", ".svg", ".ico", ".woff2", ".pdf", ".docx")


def _files(folder: Path, prefix: str) -> dict[str, bytes]:
    return {f"{prefix}/{rel}": _kept(path) for path in sorted(folder.rglob("*")) if path.is_file()
            and not (rel := path.relative_to(folder).as_posix()).startswith(LEFT_OUT[prefix])
            and path.suffix not in LEFT_OUT_SUFFIXES and not rel.endswith("decap-cms.js")}


# A published page's own part: its language, its title and its article; the theme's header, navigation and
# footer around it are the theme's, the same on every page, and are left out so a change to them is one
# change to review rather than one on every page.
_HTML_TAG = re.compile(rb"<html[^>]*>")
_TITLE = re.compile(rb"<title>.*?</title>", re.S)
_ARTICLE = re.compile(rb"<article\b.*</article>", re.S)


def _kept(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix != ".html":
        return data
    article = _ARTICLE.search(data)
    if article is None:
        return data  # not a page of the theme (the editor's): kept whole
    parts = [m.group(0) for m in (_HTML_TAG.search(data), _TITLE.search(data)) if m] + [article.group(0)]
    return b"\n".join(parts) + b"\n"


def built_fixture() -> dict[str, bytes]:
    """The fixture repository built by the build's own stages, in a fresh folder (so with no git history
    and the fixed build date): {"docs/en/...", "docs/cy/...", "site/...": content}."""
    with tempfile.TemporaryDirectory() as tmp:
        root = site_repo(Path(tmp) / "repo")
        build(Project(root), root / "site")
        return snapshot(root)


def snapshot(root: Path) -> dict[str, bytes]:
    """What the golden snapshot keeps of the repository at `root` as its last build left it."""
    files = _files(Project(root).work_dir / "docs", "docs")
    files.update(_files(root / "site", "site"))
    return files


def refresh_golden() -> int:
    """Rewrite the golden snapshot from the current templates and code."""
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    files = built_fixture()
    for path, data in files.items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)


if __name__ == "__main__":
    print(f"golden snapshot refreshed: {refresh_golden()} files in {GOLDEN.relative_to(PROJECT)}")
