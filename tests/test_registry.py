"""The registry of the real repository: Wales's 7 health boards and 60 clusters, found by any of their names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.documents import load_yaml
from generator.model.registry import Registry, UnknownCluster
from generator.schema.plan import Board, Cluster
from generator.checks.schema_check import check
from generator.checks.validate import validate
from plan_testing import REAL_REPO

CLUSTERS = REAL_REPO / "clusters"

# Clusters per health board, from the national list of the Accelerated Cluster Development programme.
CLUSTERS_PER_BOARD = {
    "aneurin-bevan": 11, "betsi-cadwaladr": 14, "cardiff-and-vale": 9, "cwm-taf-morgannwg": 8,
    "hywel-dda": 7, "powys": 3, "swansea-bay": 8,
}


def load(path: Path, model):
    doc, problems = load_yaml(path, path.relative_to(REAL_REPO).as_posix(), REAL_REPO)
    assert problems == [], [p.message for p in problems]
    value, problems = check(model, doc)
    assert problems == [], [(p.field, p.message) for p in problems]
    return value


@pytest.fixture(scope="module")
def registry() -> Registry:
    registry = Registry()
    for board_file in sorted(CLUSTERS.glob("*/board.yaml")):
        board = load(board_file, Board)
        registry.add_board(board)
        for cluster_file in sorted(board_file.parent.glob("*/cluster.yaml")):
            clashes = registry.add_cluster(board.slug, load(cluster_file, Cluster))
            assert clashes == [], f"{cluster_file}: names already taken: {clashes}"
    return registry


def test_real_repository_has_7_boards_and_60_clusters(registry: Registry):
    assert sorted(registry.boards) == sorted(CLUSTERS_PER_BOARD)
    assert len(registry.clusters) == 60
    per_board = {b: sum(1 for board, _ in registry.clusters if board == b) for b in registry.boards}
    assert per_board == CLUSTERS_PER_BOARD


def test_validator_builds_the_same_registry():
    found = validate(REAL_REPO).registry
    assert len(found.boards) == 7
    assert len(found.clusters) == 60


def test_every_cluster_and_board_slug_matches_its_folder():
    boards = [p for p in CLUSTERS.iterdir() if p.is_dir()]
    assert len(boards) == 7
    for board_dir in boards:
        assert load(board_dir / "board.yaml", Board).slug == board_dir.name
        # A board's own texts for each year live in its years/ folder, beside its clusters.
        cluster_dirs = [p for p in board_dir.iterdir() if p.is_dir() and p.name != "years"]
        assert len(cluster_dirs) == CLUSTERS_PER_BOARD[board_dir.name]
        for cluster_dir in cluster_dirs:
            assert load(cluster_dir / "cluster.yaml", Cluster).slug == cluster_dir.name


def test_clusters_are_numbered_1_to_60(registry: Registry):
    assert sorted(c.number for c in registry.clusters.values()) == list(range(1, 61))


@pytest.mark.parametrize("name, path", [
    ("North & West Wrexham", ("betsi-cadwaladr", "north-west-wrexham")),
    ("North and West Wrexham", ("betsi-cadwaladr", "north-west-wrexham")),
    ("Dwyfor & North Meirionnydd", ("betsi-cadwaladr", "dwyfor")),
    ("South Meirionnydd", ("betsi-cadwaladr", "meirionnydd")),
    ("Ynys Môn", ("betsi-cadwaladr", "anglesey")),
    ("Anglesey", ("betsi-cadwaladr", "anglesey")),
    ("north-east-flintshire", ("betsi-cadwaladr", "north-east-flintshire")),
    ("North East Flintshire", ("betsi-cadwaladr", "north-east-flintshire")),
    ("north east flintshire cluster", ("betsi-cadwaladr", "north-east-flintshire")),
    ("NEF", ("betsi-cadwaladr", "north-east-flintshire")),
    ("Gogledd Ddwyrain Sir y Fflint", ("betsi-cadwaladr", "north-east-flintshire")),
    ("Upper Valleys Cluster", ("swansea-bay", "upper-valleys")),
    ("Upper Valleys Cluster Network", ("swansea-bay", "upper-valleys")),
])
def test_cluster_lookup_by_any_name(registry: Registry, name: str, path: tuple[str, str]):
    assert registry.find_path(name) == path
    assert registry.resolve(name).path == "/".join(path)


@pytest.mark.parametrize("name", ["Nowhere", "Wrexham", "", "North"])
def test_unknown_cluster_name(registry: Registry, name: str):
    assert registry.find_path(name) is None
    with pytest.raises(UnknownCluster):
        registry.resolve(name)


@pytest.mark.parametrize("name, slug", [
    ("Owm Taf Morgannwg", "cwm-taf-morgannwg"),       # the misspelling in the source documents
    ("Owm Taf Morgannwg LHB", "cwm-taf-morgannwg"),
    ("Cwm Taf", "cwm-taf-morgannwg"),
    ("Cwm Taf Morgannwg University Health Board", "cwm-taf-morgannwg"),
    ("Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg", "cwm-taf-morgannwg"),
    ("BCUHB", "betsi-cadwaladr"),
    ("Betsi Cadwaladr University LHB", "betsi-cadwaladr"),
    ("betsi-cadwaladr", "betsi-cadwaladr"),
    ("Swansea Bay UHB", "swansea-bay"),
    ("Swansea Bay Health Board", "swansea-bay"),
    ("Bae Abertawe", "swansea-bay"),
    ("Powys Teaching Health Board", "powys"),
])
def test_board_lookup_by_any_name(registry: Registry, name: str, slug: str):
    assert registry.find_board(name).slug == slug


@pytest.mark.parametrize("name", ["Nowhere Health Board", "Taf", ""])
def test_unknown_board_name(registry: Registry, name: str):
    assert registry.find_board(name) is None

