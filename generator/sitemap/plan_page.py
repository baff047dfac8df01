"""The plan page's parts: each block around the plan's prose, the id it carries and the plans it is shown for.

The template writes a part's id from here and shows the part only where it says so, and `validate` knows
the page's anchors from here, so a link such as `../2024-25/#finance-table` is checked against the page
the build writes, not against a second list that may drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from generator.model.records import PlanRecord


@dataclass(frozen=True)
class PlanPart:
    """A part of a plan's page with an id of its own; `shown` says whether a plan's page has it."""
    name: str
    anchor: str
    shown: Callable[[PlanRecord], bool]


def _always(plan: PlanRecord) -> bool:
    return True


def _with(field: str) -> Callable[[PlanRecord], bool]:
    """Shown only when the plan fills in `field`: a page has no empty "Risk register" heading."""
    def shown(plan: PlanRecord) -> bool:
        return bool(getattr(plan.plan, field))
    return shown


def _with_notes(plan: PlanRecord) -> bool:
    """The list of notes on the source's mistakes, shown only when there are some."""
    return bool(plan.flags)


# Named as the template names them: a block of READING_ORDER is `@name`, and the plan field it shows is
# mostly `name` too. The ids are those published links already point to; changing one breaks them.
PLAN_PARTS = (
    PlanPart("title", "plan-title", _always),
    PlanPart("key_actions", "key-cluster-actions", _with("key_actions")),
    PlanPart("swot", "swot", _with("swot")),
    PlanPart("key_facts", "key-facts", _with("key_facts")),
    PlanPart("action_plan", "action-plan", _with("action_plan")),
    PlanPart("activities", "activities", _always),
    PlanPart("finance", "finance-table", _with("finance")),
    PlanPart("workforce", "workforce-tables", _with("workforce")),
    PlanPart("risks", "risk-register", _with("risks")),
    PlanPart("members", "members", _with("members")),
    PlanPart("source", "source", _with("source")),
    PlanPart("notes", "data-quality", _with_notes),
)

# Where the plan's blocks (@ and a part's name) sit among its prose sections on the plan page.
READING_ORDER = (
    "executive-summary", "forward-look", "@key_actions", "key-actions", "vision-and-values",
    "strategic-background", "@swot", "needs", "@key_facts", "development", "achievements", "difficulties",
    "challenges", "@action_plan", "@activities", "enablers", "finance", "@finance", "workforce", "@workforce",
    "governance", "@members", "community-assets", "risks", "@risks", "appendix", "terms-of-reference", "@source",
)


def plan_parts(plan: PlanRecord) -> dict[str, str]:
    """The parts the plan's page shows, by name, with their ids."""
    return {part.name: part.anchor for part in PLAN_PARTS if part.shown(plan)}

