"""Golden snapshot: what the build writes for the fixture repository (the docs trees and the published
pages) matches the reviewed copy in tests/golden/, byte for byte."""

from __future__ import annotations

import difflib

import pytest

from site_testing import GOLDEN, LEFT_OUT_SUFFIXES, built_fixture, snapshot


@pytest.fixture(scope="module")
def built(fixture_site) -> dict[str, bytes]:
    """The run's build of the fixture (made as a user makes it, in a fresh folder: no git history, the fixed
    build date), as the snapshot keeps it."""
    return snapshot(fixture_site.parent)


def test_the_build_matches_the_golden_snapshot(built):
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*")
              if p.is_file() and p.suffix not in LEFT_OUT_SUFFIXES}
    assert sorted(built) == sorted(golden), "files added or removed: run tools/refresh-golden and review the diff"
    for path, data in sorted(built.items()):
        if data != golden[path]:
            diff = "\n".join(difflib.unified_diff(golden[path].decode().splitlines(), data.decode().splitlines(),
                                                  "golden/" + path, "built/" + path, lineterm="", n=2))
            raise AssertionError(f"{path} differs from the golden snapshot "
                                 f"(run tools/refresh-golden if intended):\n{diff[:4000]}")


def test_the_golden_snapshot_holds_the_published_pages_of_both_languages(built):
    plan = "betsi-cadwaladr/north-east-flintshire/2023-24/index.html"
    assert "North East Flintshire" in built[f"site/{plan}"].decode()
    assert '<html lang="cy"' in built[f"site/cy/{plan}"].decode()
    assert f"docs/en/{plan.replace('.html', '.md')}" in built


def test_building_twice_gives_the_same_bytes(built):
    # Built again by the build's own stages in this process, in another fresh folder.
    assert built_fixture() == built
