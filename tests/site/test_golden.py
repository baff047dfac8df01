"""Golden snapshot: the pages rendered for the fixture clusters match the reviewed copy in tests/golden/."""

from __future__ import annotations

import difflib

from site_testing import GOLDEN, as_bytes, render_fixture


def test_rendered_pages_match_the_golden_snapshot():
    pages = {page.path: as_bytes(page) for page in render_fixture()}
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(pages) == sorted(golden), "pages added or removed: run tools/refresh-golden and review the diff"
    for path, data in sorted(pages.items()):
        if data != golden[path]:
            diff = "\n".join(difflib.unified_diff(golden[path].decode().splitlines(), data.decode().splitlines(),
                                                  "golden/" + path, "rendered/" + path, lineterm="", n=2))
            raise AssertionError(f"{path} differs from the golden snapshot "
                                 f"(run tools/refresh-golden if intended):\n{diff[:4000]}")


def test_rendering_is_deterministic():
    first = [(p.path, as_bytes(p)) for p in render_fixture()]
    second = [(p.path, as_bytes(p)) for p in render_fixture()]
    assert first == second
