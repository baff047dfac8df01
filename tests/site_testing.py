"""Site test support: render or build the fixture repository with the project's own templates."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import i18n
from generator.render import Page, SiteContext, render_site
from generator.languages import LANGUAGES
from generator.validate import validate

TESTS = Path(__file__).resolve().parent
PROJECT = TESTS.parent
FIXTURE_REPO = TESTS / "fixtures" / "repo"
GOLDEN = TESTS / "golden" / "docs"
SITE_PARTS = ("templates", "content", "mkdocs.yml")


def site_repo(destination: Path, source: Path = FIXTURE_REPO) -> Path:
    """A buildable repository: the given plans plus this project's templates, content and mkdocs.yml."""
    shutil.copytree(source / "clusters", destination / "clusters")
    for part in SITE_PARTS:
        origin = PROJECT / part
        if origin.is_dir():
            shutil.copytree(origin, destination / part)
        else:
            shutil.copy2(origin, destination / part)
    return destination


def render_fixture() -> list[Page]:
    """The docs tree the generator renders for the fixture repository, before the engine runs."""
    result = validate(FIXTURE_REPO)
    assert result.report.valid, result.report.as_text()
    translations = i18n.Translations.load(PROJECT / "templates")
    ctx = SiteContext(result.repository, PROJECT / "content", PROJECT / "templates", translations)
    return render_site(ctx, LANGUAGES)


def as_bytes(page: Page) -> bytes:
    return page.content.encode("utf-8") if isinstance(page.content, str) else page.content


def refresh_golden() -> int:
    """Rewrite the golden snapshot from the current templates and code."""
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    pages = render_fixture()
    for page in pages:
        target = GOLDEN / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(as_bytes(page))
    return len(pages)


if __name__ == "__main__":
    print(f"golden snapshot refreshed: {refresh_golden()} files in {GOLDEN.relative_to(PROJECT)}")
