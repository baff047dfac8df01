"""The guide for leads in Welsh: every page of the English guide has its Welsh page with the same sections
and pictures, and the Welsh problem reference explains every code in Welsh."""

from __future__ import annotations

import re

import pytest

import generator.problems.catalogue  # noqa: F401  (importing it fills the catalogue)
from generator.problems.guide import problem_reference_markdown
from generator.problems.report import CATALOGUE, text_of
from plan_testing import REAL_REPO

GUIDE = REAL_REPO / "content" / "guide"
WELSH_GUIDE = REAL_REPO / "content" / "cy" / "guide"
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def _outline(text: str) -> list[str]:
    """A page's headings by level (## and ###) and its pictures, outside code blocks."""
    prose = FENCE.sub("", text)
    return [*(m[1] for m in re.finditer(r"^(#{1,4}) ", prose, re.MULTILINE)),
            *sorted(re.findall(r"!\[[^\]]*\]\(([^)]+)\)", prose))]


@pytest.mark.parametrize("page", sorted(p.name for p in GUIDE.glob("*.md")))
def test_every_guide_page_has_its_welsh_page_with_the_same_sections(page: str):
    english = (GUIDE / page).read_text(encoding="utf-8")
    welsh_page = WELSH_GUIDE / page
    assert welsh_page.exists(), f"content/cy/guide/{page} is missing"
    welsh = welsh_page.read_text(encoding="utf-8")
    assert _outline(welsh) == _outline(english), page
    # The Welsh page is written in Welsh, not copied.
    assert welsh.splitlines()[0] != english.splitlines()[0]


def test_no_welsh_guide_page_without_its_english_page():
    assert {p.name for p in WELSH_GUIDE.glob("*.md")} <= {p.name for p in GUIDE.glob("*.md")}


def test_the_welsh_guide_shows_validate_in_welsh():
    text = (WELSH_GUIDE / "index.md").read_text(encoding="utf-8")
    assert "cluster-plans validate --language cy" in text
    assert "error money-unparseable: nid yw '£18,,500' yn swm o arian" in text
    assert "Cynlluniau a wiriwyd: 1; gwallau: 1; rhybuddion: 4" in text


def test_the_welsh_problem_reference_explains_every_code_in_welsh():
    text = problem_reference_markdown("cy")
    assert re.findall(r"^## (\S+)$", text, flags=re.MULTILINE) == list(CATALOGUE)
    for code, kind in CATALOGUE.items():
        section = text.split(f"\n## {code}\n", 1)[1].split("\n## ", 1)[0]
        title = text_of(kind, "title", "cy")
        assert title != text_of(kind, "title", "en"), code
        assert f"**{title}** · {'gwall' if kind.severity == 'error' else 'rhybudd'}" in section, code
        assert "Beth mae'n ei ddweud: " in section, code
        if text_of(kind, "hint", "en"):
            assert "Sut i'w drwsio: " in section, code
        assert "What it says" not in section and "How to fix it" not in section, code
