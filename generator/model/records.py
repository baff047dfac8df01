"""Model: the typed objects the renderer works from - repository, boards, clusters, plans - with derived figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from generator.model.flags import PlanFlags
from generator.load.documents import Prose
from generator.core.money import AMOUNT, Money, known_amount, known_amounts
from generator.problems.report import Problem
from generator.schema.plan import BOARD_TEXTS, SECTIONS, Activity, Board, Cluster, Plan
from generator.schema.vocabulary import VocabularySet


@dataclass
class ActivityView:
    """An activity with its vocabulary terms resolved to canonical ones."""
    activity: Activity
    status: str | None
    origin: str | None
    ministerial: list[str]
    sppc: list[str]
    board_priorities: list[str]
    funding: list[str]

    def __getattr__(self, name):
        # Only called for names the view lacks; while a copy is being unpickled `activity` itself is
        # not there yet, and must not be looked up through itself.
        if name == "activity" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.activity, name)

    @property
    def budget_rank(self) -> Decimal:
        """Known budgets first, largest first; unknown ones after."""
        amount = known_amount(self.activity.budget)
        return amount if amount is not None else Decimal(-1)


def status_counts(activities, vocab: VocabularySet | None) -> list[tuple[str, int]]:
    """How many activities have each status, in the vocabulary's order, "not stated" last."""
    counts = Counter(a.status or "not stated" for a in activities)
    order = (vocab.status.terms if vocab else []) + ["not stated"]
    return [(s, counts[s]) for s in order if counts.get(s)]


STATED = "stated"
FINANCE_LINES = "finance-lines"
ACTIVITY_BUDGETS = "activity-budgets"
NOTHING_KNOWN = "none"


@dataclass(frozen=True)
class Committed:
    """A plan's committed budget and its basis: the total the plan states, or a sum worked out here."""
    amount: Decimal | None
    basis: str
    counted: int = 0          # for a worked-out sum: how many figures it adds up
    of: int = 0               # ... out of how many lines or budgets
    stated_as: str | None = None  # the plan's own total when it is no amount ('£TBC', '£')

    @property
    def derived(self) -> bool:
        return self.basis in (FINANCE_LINES, ACTIVITY_BUDGETS)


@dataclass
class PlanRecord:
    """A loaded, valid plan with its prose, its place in the registry and its warnings."""
    plan: Plan
    board: Board
    cluster: Cluster
    folder: str
    prose: dict[str, dict[str, Prose]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    vocab: VocabularySet | None = None

    @property
    def year(self) -> str:
        return self.plan.year

    @property
    def url(self) -> str:
        return f"{self.board.slug}/{self.cluster.slug}/{self.plan.year}/"

    def __getstate__(self) -> dict:
        # Values worked out from the plan are left behind when a record goes to another process:
        # they cost more to send than to work out again.
        return {key: value for key, value in self.__dict__.items() if key not in _WORKED_OUT}

    @cached_property
    def activities(self) -> list[ActivityView]:
        v = self.vocab

        def canon(lookup, terms):
            out = []
            for t in terms:
                c = lookup.match(t).canonical if lookup else t
                if c and c not in out:
                    out.append(c)
            return out

        views = []
        for a in self.plan.activities:
            views.append(ActivityView(
                a,
                status=(v.status.match(a.status).canonical if v and a.status else a.status),
                origin=(v.origin.match(a.new_or_existing).canonical if v and a.new_or_existing else a.new_or_existing),
                ministerial=canon(v.ministerial if v else None, a.ministerial_priorities),
                sppc=canon(v.sppc if v else None, a.sppc_priorities),
                board_priorities=list(a.board_priorities),
                funding=canon(v.funding if v else None, a.funding_sources),
            ))
        return views

    @cached_property
    def status_counts(self) -> list[tuple[str, int]]:
        return status_counts(self.activities, self.vocab)

    @cached_property
    def budgets(self) -> list[Money]:
        return [a.budget for a in self.plan.activities if a.budget is not None]

    @cached_property
    def committed_budget(self) -> "Committed":
        """What the plan commits, and where the figure comes from: the finance total the plan states;
        else the sum of the finance lines with an amount; else the sum of the activity budgets with one.
        The last two are this site's sums, which the source never states."""
        f = self.plan.finance
        total = f.total if f is not None else None
        if total is not None and total.kind == AMOUNT:
            return Committed(total.amount, STATED)
        written = total.as_written.strip() if total is not None and total.as_written else None
        lines = [line.amount for line in f.lines] if f is not None else []
        known = [m.amount for m in lines if m is not None and m.kind == AMOUNT and m.amount is not None]
        if known:
            return Committed(sum(known, Decimal(0)), FINANCE_LINES, len(known), len(lines), written)
        budgets = [a.budget for a in self.plan.activities]
        known = [m.amount for m in budgets if m is not None and m.kind == AMOUNT and m.amount is not None]
        if known:
            return Committed(sum(known, Decimal(0)), ACTIVITY_BUDGETS, len(known), len(budgets), written)
        return Committed(None, NOTHING_KNOWN, 0, len(lines) or len(budgets), written)

    @property
    def committed(self) -> Decimal:
        """The committed figure for totals across plans (0 when the plan gives none: such a plan is
        counted apart, never shown as £0; see Totals.committed_unconfirmed)."""
        return self.committed_budget.amount or Decimal(0)

    @property
    def has_activity_table(self) -> bool:
        """Whether the plan sets out its work as activities (the national template): a plan written as an
        action plan of goals has none, and a count of its activities does not apply."""
        return bool(self.plan.activities) or not self.plan.action_plan

    @cached_property
    def tbc_count(self) -> int:
        return sum(1 for a in self.plan.activities if a.budget is None or a.budget.kind != AMOUNT)

    @property
    def tbc_share(self) -> float:
        n = len(self.plan.activities)
        return self.tbc_count / n if n else 0.0

    @property
    def lead_names(self) -> str:
        return "; ".join(lead.name for lead in self.plan.leads)

    def sections(self, language: str = "en") -> list[tuple[str, str, Prose]]:
        """Prose sections in reading order: (name, heading, prose), falling back to English."""
        out = []
        for name, heading in SECTIONS.items():
            versions = self.prose.get(name)
            if versions:
                out.append((name, heading, versions.get(language) or versions.get("en")
                            or next(iter(versions.values()))))
        return out

    @cached_property
    def flags(self) -> PlanFlags:
        """What the plan's page marks as wrong in the source, by the place each names."""
        return PlanFlags(self.problems)

    @property
    def known_issue_notes(self) -> list[Problem]:
        return [p for p in self.problems if p.acknowledged]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


@dataclass
class ClusterRecord:
    cluster: Cluster
    board: Board
    plans: list[PlanRecord] = field(default_factory=list)

    @property
    def latest(self) -> PlanRecord | None:
        return self.plans[-1] if self.plans else None

    @property
    def url(self) -> str:
        return f"{self.board.slug}/{self.cluster.slug}/"


@dataclass
class BoardRecord:
    board: Board
    clusters: list[ClusterRecord] = field(default_factory=list)

    # The board's own texts for a plan year (introduction, overview): year -> name -> language -> prose.
    texts: dict[str, dict[str, dict[str, Prose]]] = field(default_factory=dict)

    def texts_of(self, year: str, language: str = "en") -> list[tuple[str, str, Prose]]:
        """The board's texts for `year` in reading order: (name, heading, prose), falling back to English."""
        found = self.texts.get(year, {})
        return [(name, heading, versions.get(language) or versions["en"])
                for name, heading in BOARD_TEXTS.items()
                if (versions := found.get(name)) and (language in versions or "en" in versions)]

    def plans_of(self, year: str) -> list[PlanRecord]:
        return [p for c in self.clusters for p in c.plans if p.year == year]

    @property
    def text_years(self) -> list[str]:
        """The years the board has written texts for, or has plans in, latest first."""
        return sorted(set(self.texts) | {p.year for p in self.plans}, reverse=True)

    @property
    def plans(self) -> list[PlanRecord]:
        return [p for c in self.clusters for p in c.plans]

    @property
    def url(self) -> str:
        return f"{self.board.slug}/"


@dataclass
class Repository:
    """Everything the site is built from."""
    boards: list[BoardRecord] = field(default_factory=list)
    vocab: VocabularySet | None = None

    @property
    def clusters(self) -> list[ClusterRecord]:
        return [c for b in self.boards for c in b.clusters]

    @property
    def plans(self) -> list[PlanRecord]:
        return [p for b in self.boards for p in b.plans]

    @property
    def years(self) -> list[str]:
        return sorted({p.year for p in self.plans})


_WORKED_OUT = {name for name, value in vars(PlanRecord).items() if isinstance(value, cached_property)}
