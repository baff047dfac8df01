"""A cluster's towns, communities and GP practices in cluster.yaml: read as names, checked for empty and
repeated entries, and filled for the real clusters only where the source documents name them."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.problems.report import CATALOGUE, text_of
from plan_testing import CliResult, Repo
from site_testing import PROJECT

UV = "clusters/swansea-bay/upper-valleys/cluster.yaml"
NWF = "clusters/betsi-cadwaladr/north-west-flintshire/cluster.yaml"


def reported(result: CliResult, file: str, line: int, col: int, severity: str, code: str, message: str) -> str:
    hint = result.hint_after(f"{file}:{line}:{col}: {severity} {code}: {message}")
    assert hint, result.output
    return hint


def test_the_fixture_cluster_lists_its_wards_and_is_valid(repo: Repo):
    result = repo.validate()
    assert result.exit_code == 0, result.output
    assert not [p for p in result.warnings() if p[0] == UV]


def test_an_empty_entry_is_an_error_at_its_line(repo: Repo):
    repo.write(NWF, repo.read(NWF) + "communities:\n- Holywell\n-\npractices:\n- ''\n")
    result = repo.validate()
    assert result.exit_code == 1
    empty, quoted = repo.line_of(NWF, "- Holywell") + 1, repo.line_of(NWF, "- ''")
    assert result.errors() == [(NWF, empty, "registry-empty-place"), (NWF, quoted, "registry-empty-place")]
    hint = reported(result, NWF, empty, 2, "error", "registry-empty-place", "entry 2 of communities has no name")
    assert hint == "Write the name as the source gives it, or delete the line."
    reported(result, NWF, quoted, 3, "error", "registry-empty-place", "entry 1 of practices has no name")


def test_a_name_listed_twice_is_a_warning_naming_the_first(repo: Repo):
    repo.write(NWF, repo.read(NWF) + "communities:\n- Colwyn Bay\n- Abergele\n- colwyn  bay\n"
               "practices:\n- {name: Meddygfa Bron Meirion}\n- Meddygfa Bron Meirion\n")
    result = repo.validate()
    assert result.exit_code == 0, result.output
    first, again = repo.line_of(NWF, "- Colwyn Bay"), repo.line_of(NWF, "- colwyn  bay")
    hint = reported(result, NWF, again, 3, "warning", "registry-duplicate-place",
                    f"'colwyn  bay' is listed twice in communities (first on line {first})")
    assert hint == "Delete one of the two: the cluster's page lists each name once."
    practice = repo.line_of(NWF, "- Meddygfa Bron Meirion")
    reported(result, NWF, practice, 3, "warning", "registry-duplicate-place",
             f"'Meddygfa Bron Meirion' is listed twice in practices (first on line {practice - 1})")


def test_a_welsh_name_is_given_beside_the_name(repo: Repo):
    repo.write(NWF, repo.read(NWF) + "communities:\n- {name: Holywell, name_cy: Treffynnon}\n- {name_cy: Y Fflint}\n")
    result = repo.validate()
    line = repo.line_of(NWF, "- {name_cy: Y Fflint}")
    assert result.errors() == [(NWF, line, "schema-missing-field")], result.output


def test_the_problems_are_in_the_catalogue_in_both_languages():
    for code in ("registry-empty-place", "registry-duplicate-place"):
        kind = CATALOGUE[code]
        for part in ("title", "message", "hint"):
            assert text_of(kind, part, "cy") != text_of(kind, part, "en")


def places(board: str, cluster: str) -> tuple[list[str], list[str]]:
    data = yaml.safe_load((PROJECT / "clusters" / board / cluster / "cluster.yaml").read_text(encoding="utf-8"))
    return data.get("communities", []), data.get("practices", [])


def test_the_real_clusters_list_what_their_plans_name():
    """Facts of the source documents: the Upper Valleys plan lists its 14 wards; Betsi Cadwaladr's
    annual plans name the towns of its clusters' teams and a few practices."""
    communities, practices = places("swansea-bay", "upper-valleys")
    assert len(communities) == 14 and communities[0] == "Lower Brynamman" and "Glynneath" in communities
    assert places("betsi-cadwaladr", "central-wrexham")[0] == ["Wrexham"]
    assert places("betsi-cadwaladr", "north-denbighshire")[0] == ["Rhyl", "Prestatyn"]
    assert "Penygroes" in places("betsi-cadwaladr", "arfon")[0]
    assert places("betsi-cadwaladr", "dwyfor")[1] == ["Blaenau Ffestiniog Health Centre", "Meddygfa Bron Meirion"]
    # Nothing is filled where no source names it.
    assert places("betsi-cadwaladr", "north-east-flintshire") == ([], [])
    everywhere = [n for path in Path(PROJECT, "clusters").glob("*/*/cluster.yaml")
                  for n in sum(places(path.parent.parent.name, path.parent.name), [])]
    assert "Holyhead" not in everywhere and "Caernarfon" not in everywhere
