"""Agreement: whether the activity table and the finance table say the same about each piece of work,
and whether every activity states a budget."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from generator.problems import catalogue as C
from generator.model.diff import pair_up
from generator.core.money import AMOUNT, TBC, UNPARSED, Money, format_pounds
from generator.problems.report import Problem

if TYPE_CHECKING:
    from generator.checks.rules import PlanChecker

# Finance items are often longer than the activity's title ("Phlebotomy payment to provide additional
# sessions"), so they pair at a lower similarity than a renamed activity between two years does;
# below this, unrelated titles sharing one word ("Project Management support", "Admin / Managerial
# Support") would pair.
PAIR_THRESHOLD = 66.0


def shown(m: Money | None) -> str:
    """A figure in a message, as the plan has it."""
    if m is None:
        return "nothing"
    if m.kind == TBC:
        return "TBC"
    if m.kind == AMOUNT:
        return m.as_written.strip() if m.as_written else format_pounds(m.amount)
    if m.as_written:
        return f"'{m.as_written.strip()}'"
    return f"'{m.note}'" if m.note else "nothing"


def _differ(a: Money | None, b: Money | None) -> bool:
    """Two figures for one piece of work that cannot both be right: two amounts, or an amount and TBC.
    A figure printed badly is reported as such (money-unparseable), and 'not stated' is no figure."""
    if a is None or b is None or UNPARSED in (a.kind, b.kind):
        return False
    if a.kind == AMOUNT and b.kind == AMOUNT:
        return a.amount != b.amount
    return {a.kind, b.kind} == {AMOUNT, TBC}


def check(c: "PlanChecker") -> Iterator[Problem]:
    yield from budgets_stated(c)
    f = c.plan.finance
    activities = c.plan.activities
    if f is None or not f.lines or not activities:
        return
    pairs, lone_activities, lone_lines = pair_up(activities, f.lines, title=lambda x: getattr(x, "title", None)
                                                 or getattr(x, "item"), threshold=PAIR_THRESHOLD)
    matched = [(p.before, p.after) for p in pairs] + _same_amounts(activities, f.lines, lone_activities, lone_lines)
    # A table that shares few pieces of work with the other lists different things (the costs of a
    # whole action plan beside a few template activities); its unpaired rows are no disagreement.
    if len(matched) * 3 < len(activities):
        lone_activities = []
    if len(matched) * 3 < len(f.lines):
        lone_lines = []
    for i, j in matched:
        a, line = activities[i], f.lines[j]
        if _differ(a.budget, line.amount):
            yield c.at(C.BudgetDisagrees, ("activities", i, "budget"), title=a.title, budget=shown(a.budget),
                       item=line.item, amount=shown(line.amount), also=f"finance.lines[{j}].amount")
    for i in lone_activities:
        a = activities[i]
        if a.budget is not None and a.budget.kind == AMOUNT:
            yield c.at(C.BudgetWithoutFinanceLine, ("activities", i, "budget"), title=a.title, budget=shown(a.budget))
    for j in lone_lines:
        line = f.lines[j]
        if line.amount is not None and line.amount.kind in (AMOUNT, TBC):
            yield c.at(C.FinanceLineWithoutActivity, ("finance", "lines", j, "item"), item=line.item,
                       amount=shown(line.amount))


def _same_amounts(activities, lines, lone_activities: list[int], lone_lines: list[int]) -> list[tuple[int, int]]:
    """Pairs the titles missed that the figures give away: an activity and a finance line, each unpaired,
    with the same amount that no other unpaired one has ("MY LIFE" and "Diabetes Teams", £129,369 each).
    The paired indexes leave the lone lists."""
    def amount(m: Money | None):
        return m.amount if m is not None and m.kind == AMOUNT and m.amount else None

    by_activity: dict = {}
    for i in lone_activities:
        by_activity.setdefault(amount(activities[i].budget), []).append(i)
    by_line: dict = {}
    for j in lone_lines:
        by_line.setdefault(amount(lines[j].amount), []).append(j)
    out = []
    for value, found in by_activity.items():
        if value is not None and len(found) == 1 and len(by_line.get(value, [])) == 1:
            out.append((found[0], by_line[value][0]))
    for i, j in out:
        lone_activities.remove(i)
        lone_lines.remove(j)
    return out


def budgets_stated(c: "PlanChecker") -> Iterator[Problem]:
    """An activity whose budget cell is empty is published as "not stated": worth a warning, as TBC is."""
    raw = c.doc.data.get("activities") if isinstance(c.doc.data, dict) else None
    for i, a in enumerate(c.plan.activities):
        written = raw[i] if isinstance(raw, list) and i < len(raw) and isinstance(raw[i], dict) else {}
        if "budget" in written and (written["budget"] is None or written["budget"] == ""):
            yield c.at(C.BudgetNotStated, ("activities", i, "budget"), key=written["budget"] is None, title=a.title,
                       how=C.BUDGET_EMPTY())
        elif a.budget is None:
            yield c.at(C.BudgetNotStated, ("activities", i, "budget"), title=a.title, how=C.BUDGET_ABSENT())
