"""Facets: small computations over many plans that overview, theme and service pages show."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.model.records import (STATED, ActivityView, BoardRecord, ClusterRecord, PlanRecord, Repository,
                                     status_counts)
from generator.model.flags import FlagKind
from generator.problems.report import Problem
from generator.schema.plan import SOURCE_ERROR_KINDS

@dataclass
class ServiceGroup:
    """Activities of the same kind (the same id) run by several clusters."""
    id: str
    titles: list[str]
    rows: list[tuple[PlanRecord, ActivityView]]

    @property
    def clusters(self) -> int:
        return len({(p.board.slug, p.cluster.slug) for p, _ in self.rows})


# Where a warning's kind of source mistake comes on a data-quality page; warnings of no kind come last.
_KIND_ORDER: dict[str | None, int] = {kind: n for n, kind in enumerate([*SOURCE_ERROR_KINDS, None])}


@dataclass
class FlagKinds:
    total: int             # every flag, of whatever kind
    rows: list[FlagKind]   # the kinds asked for that some plan has


@dataclass
class Totals:
    plans: int
    clusters_with_plans: int
    activities: int
    committed: Decimal     # the sum of the committed figures that are known (see PlanRecord.committed)
    tbc: int
    # Plans by what is known of their committed budget: a total the plan states, this site's sum of
    # some of its figures, or nothing confirmed yet. A total over plans says how many it leaves out.
    committed_stated: int = 0
    committed_partial: int = 0
    committed_unconfirmed: int = 0

    @property
    def tbc_share(self) -> float:
        return self.tbc / self.activities if self.activities else 0.0

    @property
    def budgets_confirmed(self) -> int:
        return self.activities - self.tbc

    @property
    def committed_known(self) -> bool:
        """Whether any plan counted gives a committed figure: if none does, the total is unknown, not £0."""
        return self.committed_stated + self.committed_partial > 0


class Facets:
    def __init__(self, repo: Repository):
        self.repo = repo
        self._by_theme: dict[tuple[str, str], list] = {}

    def themes(self) -> list[tuple[str, str]]:
        v = self.repo.vocab
        if v is None:
            return []
        return [("ministerial", t) for t in v.ministerial.terms] + [("sppc", t) for t in v.sppc.terms]

    def activities_for(self, vocabulary: str, term: str) -> list[tuple[BoardRecord, list[tuple[ClusterRecord, list]]]]:
        """Every activity serving a theme, by board and cluster, latest year first. Kept: the themes page
        counts them and each theme's page lists them."""
        key = (vocabulary, term)
        if key not in self._by_theme:
            self._by_theme[key] = self._activities_for(vocabulary, term)
        return self._by_theme[key]

    def _activities_for(self, vocabulary: str, term: str) -> list:
        attribute = {"ministerial": "ministerial", "sppc": "sppc"}[vocabulary]
        out = []
        for board in self.repo.boards:
            clusters = []
            for cluster in board.clusters:
                rows = [(plan, a) for plan in reversed(cluster.plans) for a in plan.activities
                        if term in getattr(a, attribute)]
                if rows:
                    clusters.append((cluster, rows))
            if clusters:
                out.append((board, clusters))
        return out

    def theme_count(self, vocabulary: str, term: str) -> int:
        return sum(len(rows) for _, clusters in self.activities_for(vocabulary, term) for _, rows in clusters)

    def latest_plans(self, board: BoardRecord | None = None) -> list[PlanRecord]:
        clusters = board.clusters if board else self.repo.clusters
        return [c.latest for c in clusters if c.latest]

    def totals(self, plans: list[PlanRecord]) -> Totals:
        return Totals(
            plans=len(plans),
            clusters_with_plans=len({(p.board.slug, p.cluster.slug) for p in plans}),
            activities=sum(len(p.activities) for p in plans),
            committed=sum((p.committed for p in plans), Decimal(0)),
            tbc=sum(p.tbc_count for p in plans),
            committed_stated=sum(1 for p in plans if p.committed_budget.basis == STATED),
            committed_partial=sum(1 for p in plans if p.committed_budget.derived),
            committed_unconfirmed=sum(1 for p in plans if p.committed_budget.amount is None),
        )

    def status_mix(self, plans: list[PlanRecord]) -> list[tuple[str, int]]:
        return status_counts([a for p in plans for a in p.activities], self.repo.vocab)

    def priority_matrix(self, board: BoardRecord) -> tuple[list[tuple[str, str]], list[tuple[ClusterRecord, list[int]]]]:
        """Latest plan of each cluster x every ministerial and SPPC priority: number of activities."""
        columns = self.themes()
        rows = []
        for cluster in board.clusters:
            plan = cluster.latest
            if plan is None:
                continue
            counts = [sum(1 for a in plan.activities if term in getattr(a, vocab)) for vocab, term in columns]
            rows.append((cluster, counts))
        return columns, rows

    def shared_services(self, plans: list[PlanRecord], minimum: int = 2) -> list[ServiceGroup]:
        groups: dict[str, ServiceGroup] = {}
        for plan in plans:
            for a in plan.activities:
                g = groups.setdefault(a.id, ServiceGroup(a.id, [], []))
                if a.title not in g.titles:
                    g.titles.append(a.title)
                g.rows.append((plan, a))
        shared = [g for g in groups.values() if g.clusters >= minimum]
        return sorted(shared, key=lambda g: (-g.clusters, g.id))

    def years_matrix(self) -> tuple[list[str], list[tuple[BoardRecord, list[tuple[ClusterRecord, dict]]]]]:
        years = self.repo.years
        out = []
        for board in self.repo.boards:
            out.append((board, [(c, {p.year: p for p in c.plans}) for c in board.clusters]))
        return years, out

    def problems_by_cluster(self, board: BoardRecord) -> list[tuple[ClusterRecord, PlanRecord, list[Problem]]]:
        """Each plan of the board with warnings, and its warnings by kind of source mistake (in the order of
        SOURCE_ERROR_KINDS, then those of no kind; in the file's order within a kind)."""
        out = []
        for cluster in board.clusters:
            for plan in cluster.plans:
                if plan.warnings:
                    listed = [p for p in plan.warnings if p.source_kind in _KIND_ORDER]
                    listed.sort(key=lambda p: _KIND_ORDER[p.source_kind])
                    out.append((cluster, plan, listed))
        return out

    @staticmethod
    def flag_kinds(boards: list[BoardRecord], kinds: list[str]) -> FlagKinds:
        """The flags of the boards' plans counted by kind of source mistake, in the order of `kinds`."""
        rows = {kind: FlagKind(kind) for kind in kinds}
        total = 0
        for plan in (plan for board in boards for plan in board.plans):
            total += len(plan.flags)
            for count in plan.flags.counts(kinds):
                row = rows[count.kind]
                row.flags += count.flags
                row.recorded += count.recorded
                row.plans += count.plans
        return FlagKinds(total, [row for row in rows.values() if row.flags])
