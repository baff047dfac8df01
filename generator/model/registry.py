"""The registry of health boards and clusters, found by slug, by any name they are known by, or by abbreviation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.schema.plan import Board, Cluster
from generator.schema.vocabulary import normalise
from generator.core.suggest import close_ones
from generator.core.years import looks_like_year

# Words left out of a name's initials: "North & West Wrexham" is NWW, "Central and South Denbighshire" CSD.
_LINKING_WORDS = {"and", "ac", "a", "of", "the", "y", "yr"}
# How many clusters are offered as "did you mean" (how alike they must be is suggest's to say).
_MOST_OFFERED = 4
# How many of the clusters an ambiguous abbreviation fits are listed.
_MOST_LISTED = 6
EXAMPLE = "betsi-cadwaladr/north-east-flintshire"


@dataclass(frozen=True)
class ClusterRef:
    """A cluster of the registry, as a command names it back to the user."""
    board: str
    cluster: str
    name: str
    # The year folder named after the cluster (clusters/B/C/2023-24), if one was.
    year: str | None = None

    @property
    def path(self) -> str:
        """board/cluster, as the cluster's folder is named under clusters/."""
        return f"{self.board}/{self.cluster}"


class UnknownCluster(Exception):
    """No one cluster is known by the name given; the message says what to give instead."""


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
        for name in _names_of(cluster):
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

    @classmethod
    def board_key(cls, name: str) -> str:
        # "Cwm Taf Morgannwg University Health Board", "Cwm Taf Morgannwg UHB" and "... LHB" are one board.
        return re.sub(r"\s+(university\s+)?(health\s+board|uhb|lhb)$", "", cls.key(name))

    def find_board(self, name: str) -> Board | None:
        """The health board known by `name` (slug, English or Welsh name, short name or alias)."""
        slug = self.board_names.get(self.board_key(name))
        return self.boards[slug] if slug else None

    def find_path(self, name: str) -> tuple[str, str] | None:
        """The (board, cluster) slugs of the cluster known by `name`: its slug, English or Welsh name,
        an alias or a former name."""
        return self.names.get(self.key(name))

    def resolve(self, text: str) -> ClusterRef:
        """The cluster `text` names, as every command that takes a cluster accepts it.

        `text` is board/cluster (each a slug or a name), a cluster folder's path (clusters/B/C, with or
        without a year folder), any name the cluster is known by, or an abbreviation that fits one
        cluster only: its initials (NEF) or the first letters of each word (N E Flint). Raises
        UnknownCluster, listing the closest clusters, when no cluster or more than one fits.
        """
        wanted = text.strip().replace("\\", "/").strip("/").removeprefix("./").removeprefix("clusters/")
        parts = [part for part in wanted.split("/") if part]
        year = parts.pop() if len(parts) > 1 and looks_like_year(parts[-1]) else None
        if not parts or len(parts) > 2:
            raise UnknownCluster(f"'{text}' is not a cluster. {_how_to_name()}")
        if len(parts) == 1:
            return self._ref(self._one(parts[0], text, self.clusters, self.clusters), year)
        board_part, cluster_part = parts
        board = self._board(board_part)
        of_board = {k: c for k, c in self.clusters.items() if board is not None and k[0] == board.slug}
        try:
            return self._ref(self._one(cluster_part, text, of_board, of_board if board else self.clusters), year)
        except UnknownCluster:
            elsewhere = self._fitting(cluster_part, self.clusters)
            if len(elsewhere) == 1:
                [(owner, slug)] = elsewhere
                raise UnknownCluster(f"'{cluster_part}' is a cluster of {owner}, not of {board_part}: "
                                     f"give it as {owner}/{slug}") from None
            raise

    def _board(self, name: str) -> Board | None:
        """The board known by `name`, or the one board it abbreviates."""
        board = self.find_board(name)
        if board is not None:
            return board
        typed = self.board_key(name).split()
        fitting = [b for b in self.boards.values()
                   if any(_abbreviates(typed, self.board_key(n).split())
                          for n in (b.slug, b.name, b.name_cy, b.short_name, b.short_name_cy, *b.aliases) if n)]
        return fitting[0] if len(fitting) == 1 and typed else None

    def _ref(self, found: tuple[str, str], year: str | None) -> ClusterRef:
        return ClusterRef(found[0], found[1], self.clusters[found].name, year)

    def _one(self, name: str, text: str, among: dict[tuple[str, str], Cluster],
             offered: dict[tuple[str, str], Cluster]) -> tuple[str, str]:
        """The one cluster of `among` that `name` names; the closest of `offered` are suggested otherwise."""
        fitting = self._fitting(name, among)
        if len(fitting) == 1:
            return fitting[0]
        if fitting:
            listed = [self._named(found) for found in fitting[:_MOST_LISTED]]
            more = f" and {len(fitting) - _MOST_LISTED} more" if len(fitting) > _MOST_LISTED else ""
            raise UnknownCluster(f"'{text}' could be any of {len(fitting)} clusters: {', '.join(listed)}{more}. "
                                 "Give the one you mean as board/cluster, or by its full name.")
        close = [self._named(found) for found in self._close(name, offered)]
        hint = f" Did you mean {_either(close)}?" if close else ""
        raise UnknownCluster(f"no cluster is known as '{text}'.{hint} {_how_to_name()}")

    def _fitting(self, name: str, among: dict[tuple[str, str], Cluster]) -> list[tuple[str, str]]:
        """The clusters `name` names: the one known by exactly that name, else those it abbreviates."""
        exact = self.find_path(name)
        if exact is not None and exact in among:
            return [exact]
        typed = self.key(name).split()
        if not typed or len("".join(typed)) < 2:
            return []
        return sorted(found for found, cluster in among.items()
                      if any(_abbreviates(typed, self.key(n).split()) for n in _names_of(cluster)))

    def _close(self, name: str, among: dict[tuple[str, str], Cluster]) -> list[tuple[str, str]]:
        """The clusters with a name most like `name`, closest first."""
        return close_ones(self.key(name), ((self.key(n), found) for found, cluster in sorted(among.items())
                                           for n in _names_of(cluster)), most=_MOST_OFFERED)

    def _named(self, found: tuple[str, str]) -> str:
        return f"{found[0]}/{found[1]} ({self.clusters[found].name})"


def _names_of(cluster: Cluster) -> list[str]:
    names = [cluster.slug, cluster.name, *cluster.aliases, *cluster.former_names]
    if cluster.name_cy:
        names.append(cluster.name_cy)
    return list(dict.fromkeys(names))


def _abbreviates(typed: list[str], words: list[str]) -> bool:
    """Whether the words typed abbreviate a name's words: its initials (NEF), or the start of its first
    words (N E Flint, Upper), linking words such as "and" counted or not."""
    if len(typed) == 1 and len(words) > 1 and typed[0] in (
            "".join(w[0] for w in words), "".join(w[0] for w in words if w not in _LINKING_WORDS)):
        return True
    if len(typed) == 1 and len(typed[0]) < 3:
        return False
    significant = [w for w in words if w not in _LINKING_WORDS]
    return any(len(typed) <= len(ws) and all(w.startswith(t) for t, w in zip(typed, ws))
               for ws in (words, significant))


def _either(named: list[str]) -> str:
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]


def _how_to_name() -> str:
    return f"Give the cluster as board/cluster, e.g. {EXAMPLE}, or by its name."
