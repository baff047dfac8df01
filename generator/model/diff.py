"""Diff: compare two versions of a plan (two years of a cluster, or two revisions) into a typed PlanDiff.

Pure functions over validated PlanRecords: no files, no git, no markup. The command line
(commands/diff.py) and the site (render.py) both present the same PlanDiff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable, ClassVar, Sequence, TypeVar

from rapidfuzz import fuzz, utils
from rapidfuzz.distance import Indel

from generator.core.languages import LANGUAGES
from generator.model.records import ActivityView, Committed, PlanRecord
from generator.core.money import AMOUNT, TBC, UNPARSED, Money, known_amount, known_amounts
from generator.core.prose import title_of
from generator.schema.plan import SECTIONS
from generator.schema.vocabulary import normalise

# Two titles scoring at least this (0-100, see title_score) are taken to be one thing renamed. Set so
# that "Diabetes education" -> "Diabetes education programme" (89) pairs while "Advanced nurse
# practitioner for care homes" / "Advanced paramedic practitioner" (76) does not: a missed rename
# still shows, as one activity dropped and one added, but a wrong one would misreport both.
RENAME_THRESHOLD = 80.0
# Themes of key actions are a handful of short headings per plan, often shortened from one year to the
# next ("Primary Care Access - Urgent Primary Care Centre" -> "Primary Care Access"): pair them more freely.
THEME_THRESHOLD = 75.0
# Words of unchanged prose shown either side of a change.
CONTEXT_WORDS = 6

T = TypeVar("T")


def same_text(a: str | None, b: str | None) -> bool:
    """Equal once case, spacing, dashes and curly quotes are set aside: retyping is not a change."""
    return _norm(a or "") == _norm(b or "")


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    return normalise(text.replace("’", "'").replace("‘", "'"))


def title_score(a: str, b: str) -> float:
    """How alike two titles are: the mean of rapidfuzz's token-set and token-sort ratios.

    Token-set alone scores 100 whenever one title's words are all in the other ("Phlebotomy",
    "Community phlebotomy hub"); token-sort alone punishes such additions. Their mean keeps real
    renames above the threshold while two titles sharing one word ("Advanced nurse practitioner for
    care homes", "Mental health practitioner") stay well below, where WRatio would pair them.
    """
    return round((fuzz.token_set_ratio(a, b, processor=utils.default_process)
                  + fuzz.token_sort_ratio(a, b, processor=utils.default_process)) / 2, 1)


# The JSON output is made by walking a diff's dataclasses (see as_json). A field's metadata may give
# the name it has in JSON, or None to leave it out; a class's `derived` names the properties that join
# its fields there, each under its JSON name.
JSON_NAME = "json"
NOT_IN_JSON = {JSON_NAME: None}


def json_name(name: str) -> dict[str, str]:
    return {JSON_NAME: name}


# --- matching ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """Indexes of one thing in the older and the newer list, how they were paired and how alike their titles are."""
    before: int
    after: int
    by: str  # "id", "title" (the same title) or "similarity"
    score: float


def pair_up(before: Sequence[T], after: Sequence[T], title: Callable[[T], str],
            key: Callable[[T], str] | None = None,
            threshold: float = RENAME_THRESHOLD) -> tuple[list[Pair], list[int], list[int]]:
    """Pair items by stable key, then by equal title, then by title similarity (best pairs first).

    Returns the pairs in the newer list's order and the unpaired indexes of each side. Position plays
    no part, so reordering alone never changes the result.
    """
    pairs: list[Pair] = []
    free_b = list(range(len(before)))
    free_a = list(range(len(after)))

    def take(i: int, j: int, by: str, score: float) -> None:
        pairs.append(Pair(i, j, by, score))
        free_b.remove(i)
        free_a.remove(j)

    if key is not None:
        where: dict[str, int] = {}
        for j, item in enumerate(after):
            where.setdefault(key(item), j)
        for i, item in enumerate(before):
            found = where.get(key(item))
            if found is not None and found in free_a:
                take(i, found, "id", title_score(title(item), title(after[found])))
    titles: dict[str, int] = {}
    for j in free_a:
        titles.setdefault(_norm(title(after[j])), j)
    for i in list(free_b):
        found = titles.get(_norm(title(before[i])))
        if found is not None and found in free_a:
            take(i, found, "title", 100.0)
    candidates = sorted(
        ((title_score(title(before[i]), title(after[j])), i, j) for i in free_b for j in free_a),
        key=lambda c: (-c[0], c[1], c[2]))
    for score, i, j in candidates:
        if score < threshold:
            break
        if i in free_b and j in free_a:
            take(i, j, "similarity", score)
    pairs.sort(key=lambda p: p.after)
    return pairs, free_b, free_a


# --- pieces of a diff ------------------------------------------------------------------


@dataclass(frozen=True)
class MoneyMove:
    """An amount then and now: pounds, to be confirmed, as printed in the source, or not stated."""
    before: Money | None
    after: Money | None
    derived: ClassVar[dict[str, str]] = {"kind": "kind", "delta": "delta"}

    @staticmethod
    def _key(m: Money | None) -> tuple:
        if m is None:
            return ("unstated", None)
        if m.kind == AMOUNT:
            return (AMOUNT, m.amount)
        if m.kind == TBC:
            return (TBC,)
        if m.kind == UNPARSED:
            return (UNPARSED, (m.as_written or "").strip())
        return ("unstated", m.note)

    @property
    def changed(self) -> bool:
        return self._key(self.before) != self._key(self.after)

    @property
    def delta(self) -> Decimal | None:
        before, after = known_amount(self.before), known_amount(self.after)
        return after - before if before is not None and after is not None else None

    @property
    def kind(self) -> str:
        """same, up, down, to_tbc (an amount became to be confirmed), from_tbc, added, removed, or other."""
        if not self.changed:
            return "same"
        if self.delta is not None:
            return "up" if self.delta > 0 else "down"
        b, a = self.before, self.after
        if a is not None and a.kind == TBC and b is not None and b.kind == AMOUNT:
            return "to_tbc"
        if b is not None and b.kind == TBC and a is not None and a.kind == AMOUNT:
            return "from_tbc"
        if b is None:
            return "added"
        if a is None:
            return "removed"
        return "other"


@dataclass(frozen=True)
class Segment:
    """A run of words that is the same on both sides, removed, or added."""
    kind: str  # "same", "removed" or "added"
    text: str

    def clipped(self, words: int) -> str:
        """The run shortened to its first and last words, for a compact view of a long change."""
        parts = self.text.split(" ")
        if len(parts) <= words:
            return self.text
        half = max(words // 2, 1)
        return " ".join(parts[:half]) + " … " + " ".join(parts[-half:])


@dataclass(frozen=True)
class Hunk:
    """One place where prose changed, with a few unchanged words around it."""
    segments: tuple[Segment, ...]
    # Whether words were left out before and after the hunk (shown as an ellipsis).
    cut_before: bool = False
    cut_after: bool = False


@dataclass(frozen=True)
class TextChange:
    """Word-level changes between two versions of a piece of prose."""
    hunks: tuple[Hunk, ...]
    words_added: int
    words_removed: int


@dataclass(frozen=True)
class ItemsChange:
    """Items of a list (terms, expected results, comments, actions) gained and lost."""
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


@dataclass(frozen=True)
class ValueChange:
    """A single value (a status, a plan's title) then and now, with the plan's own wording."""
    before: str | None
    after: str | None
    before_detail: str | None = None
    after_detail: str | None = None


def word_diff(before: str, after: str, context: int = CONTEXT_WORDS) -> TextChange | None:
    """The words that changed between two texts, or None when only spacing or markup layout differs."""
    a, b = prose_words(before), prose_words(after)
    if a == b:
        return None
    # rapidfuzz's Indel alignment (a longest common subsequence, as difflib finds) runs in C.
    ops = _absorb_small_anchors([(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
                                 for op in Indel.opcodes(a, b)])
    hunks: list[Hunk] = []
    segments: list[Segment] = []
    cut = False
    added = removed = 0
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            first, last = n == 0, n == len(ops) - 1
            if not first and not last and i2 - i1 <= 2 * context:
                segments.append(Segment("same", " ".join(a[i1:i2])))
                continue
            if not first:
                segments.append(Segment("same", " ".join(a[i1:i1 + context])))
                hunks.append(Hunk(tuple(segments), cut, i2 - i1 > context))
                segments = []
            if not last:
                segments.append(Segment("same", " ".join(a[max(i1, i2 - context):i2])))
                cut = i2 - i1 > context
            continue
        if i2 > i1:
            segments.append(Segment("removed", " ".join(a[i1:i2])))
            removed += i2 - i1
        if j2 > j1:
            segments.append(Segment("added", " ".join(b[j1:j2])))
            added += j2 - j1
    if segments:
        hunks.append(Hunk(tuple(segments), cut, False))
    return TextChange(tuple(hunks), added, removed)


# Runs of fewer unchanged words than this between two changes are folded into one change: a rewritten
# paragraph that happens to share "the" and "of" with the old one reads better as old text, new text.
MIN_ANCHOR = 3


def _absorb_small_anchors(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        tag, i1, i2, j1, j2 = op
        if out and tag != "equal" and out[-1][0] == "equal" and len(out) >= 2 and out[-2][0] != "equal" \
                and out[-1][2] - out[-1][1] < MIN_ANCHOR:
            out.pop()
            _, p1, _, q1, _ = out.pop()
            out.append(("replace", p1, i2, q1, j2))
        elif out and tag != "equal" and out[-1][0] != "equal":
            _, p1, _, q1, _ = out.pop()
            out.append(("replace", p1, i2, q1, j2))
        else:
            out.append(op)
    return out


_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|>\s*)|\*\*|__")


@lru_cache(maxsize=4096)
def prose_words(text: str) -> tuple[str, ...]:
    """The words a reader reads: heading marks, list bullets and bold markers are layout, not words.
    Kept for a while: each section is compared with the year before and the year after."""
    words: list[str] = []
    for line in text.splitlines():
        words += _MARKUP.sub("", line).split()
    return tuple(words)


def items_change(before: Sequence[str], after: Sequence[str]) -> ItemsChange:
    """Items gained and lost, compared as retyping-insensitive text, in each side's own order."""
    old = {_norm(x) for x in before}
    new = {_norm(x) for x in after}
    return ItemsChange(tuple(x for x in after if _norm(x) not in old),
                       tuple(x for x in before if _norm(x) not in new))


# --- activities --------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityEntry:
    """One activity as a plan gives it: enough to list it as added, dropped or carried over."""
    id: str
    title: str
    status: str | None
    status_detail: str | None
    origin: str | None
    since: str | None
    budget: Money | None
    funding: tuple[str, ...]

    @classmethod
    def of(cls, a: ActivityView) -> "ActivityEntry":
        return cls(a.id, a.title, a.status, a.status_detail, a.origin, a.since, a.budget, tuple(a.funding))


@dataclass(frozen=True)
class ActivityChange:
    """An activity found in both plans, and what moved between them (None or empty when nothing did)."""
    before: ActivityEntry
    after: ActivityEntry
    matched_by: str
    score: float = field(metadata=json_name("title_score"))
    status: ValueChange | None = None
    budget: MoneyMove | None = None
    funding: ItemsChange = ItemsChange()
    ministerial: ItemsChange = ItemsChange()
    sppc: ItemsChange = ItemsChange()
    board_priorities: ItemsChange = ItemsChange()
    description: TextChange | None = None
    expected_results: ItemsChange = ItemsChange()
    comments: ItemsChange = ItemsChange()
    derived: ClassVar[dict[str, str]] = {"renamed": "renamed", "id_changed": "id_changed",
                                         "changed_fields": "fields_changed"}

    @property
    def renamed(self) -> bool:
        return not same_text(self.before.title, self.after.title)

    @property
    def id_changed(self) -> bool:
        return self.before.id != self.after.id

    @property
    def fields_changed(self) -> list[str]:
        """Names of the fields that changed, in the order they are shown."""
        names = ["status", "budget", "funding", "ministerial", "sppc", "board_priorities", "description",
                 "expected_results", "comments"]
        return [n for n in names if getattr(self, n)]

    @property
    def changed(self) -> bool:
        return self.renamed or self.id_changed or bool(self.fields_changed)


def compare_activity(b: ActivityView, a: ActivityView, pair: Pair) -> ActivityChange:
    status = None
    if (b.status or None) != (a.status or None):
        status = ValueChange(b.status, a.status, b.status_detail, a.status_detail)
    budget = MoneyMove(b.budget, a.budget)
    return ActivityChange(
        ActivityEntry.of(b), ActivityEntry.of(a), pair.by, pair.score,
        status=status,
        budget=budget if budget.changed else None,
        funding=items_change(b.funding, a.funding),
        ministerial=items_change(b.ministerial, a.ministerial),
        sppc=items_change(b.sppc, a.sppc),
        board_priorities=items_change(b.board_priorities, a.board_priorities),
        description=word_diff(b.description, a.description),
        expected_results=items_change(b.expected_results, a.expected_results),
        comments=items_change(b.comments, a.comments),
    )


@dataclass(frozen=True)
class ActivitiesDiff:
    added: tuple[ActivityEntry, ...]
    removed: tuple[ActivityEntry, ...]
    matched: tuple[ActivityChange, ...] = field(metadata=json_name("carried_over"))

    @property
    def changed(self) -> list[ActivityChange]:
        return [m for m in self.matched if m.changed]

    @property
    def unchanged(self) -> list[ActivityChange]:
        return [m for m in self.matched if not m.changed]

    @property
    def renamed(self) -> list[ActivityChange]:
        return [m for m in self.matched if m.renamed or m.id_changed]

    @property
    def status_changes(self) -> list[ActivityChange]:
        return [m for m in self.matched if m.status]

    @property
    def budget_changes(self) -> list[ActivityChange]:
        return [m for m in self.matched if m.budget]


def compare_activities(before: list[ActivityView], after: list[ActivityView]) -> ActivitiesDiff:
    pairs, only_b, only_a = pair_up(before, after, title=lambda x: x.title, key=lambda x: x.id)
    return ActivitiesDiff(
        added=tuple(ActivityEntry.of(after[j]) for j in only_a),
        removed=tuple(ActivityEntry.of(before[i]) for i in only_b),
        matched=tuple(compare_activity(before[p.before], after[p.after], p) for p in pairs))


@dataclass(frozen=True)
class BudgetsSummary:
    """Activity budgets then and now: the sum of those known, and how many are to be confirmed."""
    known_before: Decimal
    known_after: Decimal
    unknown_before: int
    unknown_after: int
    count_before: int
    count_after: int

    @classmethod
    def of(cls, before: PlanRecord | None, after: PlanRecord | None) -> "BudgetsSummary":
        def figures(p: PlanRecord | None) -> tuple[Decimal, int, int]:
            if p is None:
                return Decimal(0), 0, 0
            known = sum(known_amounts(a.budget for a in p.plan.activities), Decimal(0))
            return known, p.tbc_count, len(p.plan.activities)
        kb, ub, nb = figures(before)
        ka, ua, na = figures(after)
        return cls(kb, ka, ub, ua, nb, na)


# --- finance -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FinanceLineEntry:
    item: str
    amount: Money | None


@dataclass(frozen=True)
class FinanceLineChange:
    before: FinanceLineEntry
    after: FinanceLineEntry
    matched_by: str
    score: float = field(metadata=json_name("title_score"))
    amount: MoneyMove
    derived: ClassVar[dict[str, str]] = {"renamed": "renamed"}

    @property
    def renamed(self) -> bool:
        return not same_text(self.before.item, self.after.item)

    @property
    def changed(self) -> bool:
        return self.renamed or self.amount.changed


@dataclass(frozen=True)
class FinanceDiff:
    """The finance table then and now: headline figures and each line."""
    present_before: bool
    present_after: bool
    allocation: MoneyMove
    carry_over: MoneyMove
    total: MoneyMove
    balance: MoneyMove
    lines_added: tuple[FinanceLineEntry, ...]
    lines_removed: tuple[FinanceLineEntry, ...]
    lines_matched: tuple[FinanceLineChange, ...]

    @property
    def present(self) -> bool:
        return self.present_before or self.present_after

    @property
    def headline(self) -> list[tuple[str, MoneyMove]]:
        """The headline figures either plan states, in table order."""
        moves = [("allocation", self.allocation), ("carry_over", self.carry_over), ("total", self.total),
                 ("balance", self.balance)]
        return [(name, m) for name, m in moves if m.before is not None or m.after is not None]

    @property
    def lines_changed(self) -> list[FinanceLineChange]:
        return [m for m in self.lines_matched if m.changed]

    @property
    def changed(self) -> bool:
        return bool(self.lines_added or self.lines_removed or self.lines_changed
                    or any(m.changed for _, m in self.headline))


def compare_finance(before: PlanRecord | None, after: PlanRecord | None) -> FinanceDiff:
    fb = before.plan.finance if before is not None else None
    fa = after.plan.finance if after is not None else None

    def move(name: str) -> MoneyMove:
        return MoneyMove(getattr(fb, name) if fb is not None else None,
                         getattr(fa, name) if fa is not None else None)

    lines_b = [FinanceLineEntry(x.item, x.amount) for x in (fb.lines if fb else [])]
    lines_a = [FinanceLineEntry(x.item, x.amount) for x in (fa.lines if fa else [])]
    pairs, only_b, only_a = pair_up(lines_b, lines_a, title=lambda x: x.item)
    return FinanceDiff(
        fb is not None, fa is not None,
        allocation=move("allocation"), carry_over=move("carry_over"), total=move("total"), balance=move("balance"),
        lines_added=tuple(lines_a[j] for j in only_a),
        lines_removed=tuple(lines_b[i] for i in only_b),
        lines_matched=tuple(FinanceLineChange(lines_b[p.before], lines_a[p.after], p.by, p.score,
                                              MoneyMove(lines_b[p.before].amount, lines_a[p.after].amount))
                            for p in pairs))


# --- key actions and prose -------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeChange:
    """A theme of the key cluster actions: None on the side that lacks it, and the actions gained and lost."""
    before: str | None
    after: str | None
    actions: ItemsChange
    derived: ClassVar[dict[str, str]] = {"renamed": "renamed"}

    @property
    def renamed(self) -> bool:
        return self.before is not None and self.after is not None and not same_text(self.before, self.after)

    @property
    def changed(self) -> bool:
        return self.before is None or self.after is None or self.renamed or bool(self.actions)


def compare_key_actions(before: PlanRecord | None, after: PlanRecord | None) -> tuple[ThemeChange, ...]:
    tb = before.plan.key_actions if before is not None else []
    ta = after.plan.key_actions if after is not None else []
    pairs, only_b, only_a = pair_up(tb, ta, title=lambda x: x.theme, threshold=THEME_THRESHOLD)
    out = [ThemeChange(tb[p.before].theme, ta[p.after].theme, items_change(tb[p.before].actions, ta[p.after].actions))
           for p in pairs]
    out += [ThemeChange(None, ta[j].theme, ItemsChange(tuple(ta[j].actions))) for j in only_a]
    out += [ThemeChange(tb[i].theme, None, ItemsChange(removed=tuple(tb[i].actions))) for i in only_b]
    return tuple(t for t in out if t.changed)


@dataclass(frozen=True)
class SectionChange:
    """A prose section (one language of one section file): added, removed, or edited word by word."""
    name: str
    heading: str
    language: str
    state: str  # "added", "removed" or "changed"
    words_before: int
    words_after: int
    text: TextChange | None = field(metadata=json_name("changes"))


def compare_sections(before: PlanRecord | None, after: PlanRecord | None) -> tuple[SectionChange, ...]:
    pb = before.prose if before is not None else {}
    pa = after.prose if after is not None else {}
    out = []
    for name, default_heading in SECTIONS.items():
        for language in LANGUAGES:
            old = pb.get(name, {}).get(language)
            new = pa.get(name, {}).get(language)
            if old is None and new is None:
                continue
            titles = (title_of(p.text) for p in (new, old) if p is not None)
            heading = next((title for title in titles if title), default_heading)
            words_before = len(prose_words(old.text)) if old else 0
            words_after = len(prose_words(new.text)) if new else 0
            if old is None or new is None:
                out.append(SectionChange(name, heading, language, "added" if old is None else "removed",
                                         words_before, words_after, None))
                continue
            text = word_diff(old.text, new.text)
            if text is not None:
                out.append(SectionChange(name, heading, language, "changed", words_before, words_after, text))
    return tuple(out)


# --- the whole plan ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """The counts a reader wants first."""
    activities_added: int
    activities_removed: int
    activities_renamed: int
    activities_changed: int
    activities_carried_over: int
    status_changes: int
    budget_changes: int
    finance_lines_added: int
    finance_lines_removed: int
    finance_lines_changed: int
    sections_changed: int


@dataclass(frozen=True)
class PlanDiff:
    """Everything that changed between two versions of one cluster's plan."""
    board: str
    cluster: str
    before_label: str = field(metadata=NOT_IN_JSON)
    after_label: str = field(metadata=NOT_IN_JSON)
    before_year: str | None = field(metadata=NOT_IN_JSON)
    after_year: str | None = field(metadata=NOT_IN_JSON)
    activities: ActivitiesDiff
    budgets: BudgetsSummary
    finance: FinanceDiff
    key_actions: tuple[ThemeChange, ...]
    sections: tuple[SectionChange, ...]
    leads: ItemsChange
    plan_status: ValueChange | None
    title: ValueChange | None
    # What is compared: "years" (two years of a cluster), "revisions" (one plan at two revisions) or
    # "new_plan" (a plan added at a revision, compared with the cluster's year before it).
    context: str = "years"
    before: PlanRecord | None = field(default=None, compare=False, repr=False, metadata=NOT_IN_JSON)
    after: PlanRecord | None = field(default=None, compare=False, repr=False, metadata=NOT_IN_JSON)
    derived: ClassVar[dict[str, str]] = {"state": "state", "summary": "summary", "before": "before_side",
                                         "after": "after_side", "committed": "committed"}

    @property
    def state(self) -> str:
        """changed, added (no older plan) or removed (no newer plan)."""
        if self.before is None and self.before_year is None:
            return "added"
        if self.after is None and self.after_year is None:
            return "removed"
        return "changed"

    @property
    def plan(self) -> PlanRecord:
        """The newer plan, or the older one when the plan was removed."""
        plan = self.after if self.after is not None else self.before
        if plan is None:
            raise ValueError("a PlanDiff compares at least one plan")
        return plan

    @property
    def before_side(self) -> dict[str, str | None]:
        return {"label": self.before_label, "year": self.before_year}

    @property
    def after_side(self) -> dict[str, str | None]:
        return {"label": self.after_label, "year": self.after_year}

    @property
    def committed(self) -> dict[str, Committed | None]:
        """Each side's committed budget and where its figure comes from (the stated total, or a sum of the
        finance lines or of the activity budgets), as the text and Markdown summaries say it."""
        return {"before": self.before.committed_budget if self.before is not None else None,
                "after": self.after.committed_budget if self.after is not None else None}

    @property
    def summary(self) -> Summary:
        a, f = self.activities, self.finance
        return Summary(len(a.added), len(a.removed), len(a.renamed), len(a.changed), len(a.matched),
                       len(a.status_changes), len(a.budget_changes), len(f.lines_added), len(f.lines_removed),
                       len(f.lines_changed), len(self.sections))

    @property
    def is_empty(self) -> bool:
        a = self.activities
        return not (a.added or a.removed or a.changed or self.finance.changed or self.key_actions
                    or self.sections or self.leads or self.plan_status or self.title)


def _lead(lead) -> str:
    return f"{lead.name} ({lead.role})" if lead.role else lead.name


def compare(before: PlanRecord | None, after: PlanRecord | None,
            before_label: str | None = None, after_label: str | None = None, context: str = "years") -> PlanDiff:
    """Compare two versions of a cluster's plan; either may be None (a plan added or removed)."""
    either = after if after is not None else before
    if either is None:
        raise ValueError("compare needs at least one plan")
    status = title = None
    if before is not None and after is not None:
        if before.plan.status != after.plan.status:
            status = ValueChange(before.plan.status, after.plan.status)
        if not same_text(before.plan.title, after.plan.title):
            title = ValueChange(before.plan.title, after.plan.title)
    by = before.year if before is not None else None
    ay = after.year if after is not None else None
    return PlanDiff(
        board=either.board.slug, cluster=either.cluster.slug,
        before_label=before_label or by or "", after_label=after_label or ay or "",
        before_year=by, after_year=ay,
        activities=compare_activities(before.activities if before else [], after.activities if after else []),
        budgets=BudgetsSummary.of(before, after),
        finance=compare_finance(before, after),
        key_actions=compare_key_actions(before, after),
        sections=compare_sections(before, after),
        leads=items_change([_lead(x) for x in before.plan.leads] if before else [],
                           [_lead(x) for x in after.plan.leads] if after else []),
        plan_status=status, title=title, context=context, before=before, after=after)


def consecutive(plans: Sequence[PlanRecord]) -> list[PlanDiff]:
    """Each plan compared with the one before it, oldest pair first."""
    ordered = sorted(plans, key=lambda p: p.year)
    return [compare(b, a) for b, a in zip(ordered, ordered[1:])]


# --- JSON for tools ---------------------------------------------------------------------------


def as_json(value: Any) -> Any:
    """Any part of a diff as JSON data: each dataclass an object of its fields and derived properties
    (named as JSON_NAME and `derived` say), amounts in pounds as numbers, tuples as lists. Money keeps
    the same keys whatever its kind, so that tools can rely on them."""
    if isinstance(value, Money):
        return {"kind": value.kind, "amount": as_json(value.amount), "as_written": value.as_written,
                "note": value.note}
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in fields(value):
            name = f.metadata.get(JSON_NAME, f.name)
            if name is not None:
                out[name] = as_json(getattr(value, f.name))
        # A diff's part names its derived fields in a class-level dict; a plan's `Committed` has a
        # property of that name (derived or stated), which is a field of its own, not such a list.
        derived = getattr(type(value), "derived", {})
        for name, attribute in (derived.items() if isinstance(derived, dict) else ()):
            out[name] = as_json(getattr(value, attribute))
        return out
    if isinstance(value, (list, tuple)):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    return value
