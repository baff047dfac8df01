"""The registry of health boards and clusters, found by slug or by any name they are known by."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .schema import Board, Cluster
from .vocabulary import closest, normalise


@dataclass
class Registry:
    boards: dict[str, Board] = field(default_factory=dict)
    clusters: dict[tuple[str, str], Cluster] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    board_names: dict[str, str] = field(default_factory=dict)

    def add_board(self, board: Board) -> None:
        self.boards[board.slug] = board
        for name in (board.slug, board.name, board.name_cy, board.short_name, board.short_name_cy, *board.aliases):
            if name:
                self.board_names.setdefault(self.board_key(name), board.slug)

    def add_cluster(self, board: str, cluster: Cluster) -> list[tuple[str, tuple[str, str]]]:
        """Register a cluster; returns the names already taken by another cluster."""
        self.clusters[(board, cluster.slug)] = cluster
        clashes = []
        for name in {cluster.slug, cluster.name, *(cluster.aliases), *(cluster.former_names),
                     *([cluster.name_cy] if cluster.name_cy else [])}:
            key = self.key(name)
            owner = self.names.get(key)
            if owner and owner != (board, cluster.slug):
                clashes.append((name, owner))
            else:
                self.names[key] = (board, cluster.slug)
        return clashes

    @staticmethod
    def key(name: str) -> str:
        # "North & West Wrexham", "north-and-west-wrexham" and "North and West Wrexham" are one name.
        return normalise(name.replace("-", " ")).removesuffix(" cluster")

    def find(self, name: str) -> Cluster | None:
        """The cluster known by `name` (slug, English or Welsh name, alias or former name)."""
        found = self.names.get(self.key(name))
        return self.clusters[found] if found else None

    @classmethod
    def board_key(cls, name: str) -> str:
        # "Cwm Taf Morgannwg University Health Board", "Cwm Taf Morgannwg UHB" and "... LHB" are one board.
        return re.sub(r"\s+(university\s+)?(health\s+board|uhb|lhb)$", "", cls.key(name))

    def find_board(self, name: str) -> Board | None:
        """The health board known by `name` (slug, English or Welsh name, short name or alias)."""
        slug = self.board_names.get(self.board_key(name))
        return self.boards[slug] if slug else None

    def find_path(self, name: str) -> tuple[str, str] | None:
        return self.names.get(self.key(name))

    def clusters_of(self, board: str) -> list[Cluster]:
        return sorted((c for (b, _), c in self.clusters.items() if b == board),
                      key=lambda c: (c.number or 0, c.slug))

    def suggest(self, name: str, choices: list[str]) -> str | None:
        return closest(name, choices)
