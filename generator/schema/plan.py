"""The plan schema: the one source of truth for validation, the published JSON Schema and the field reference."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema, model_validator

from generator.problems import catalogue as C
from generator.core.money import MONEY_JSON_SCHEMA, Money, NotAnAmount, money_from_yaml
from generator.problems.report import PhrasedError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
YEAR_PATTERN = r"^[0-9]{4}-[0-9]{2}$"

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, description="Lowercase letters, digits and hyphens.")]
Year = Annotated[str, Field(pattern=YEAR_PATTERN, description="A financial year, e.g. 2023-24.",
                            examples=["2023-24"])]
Text = Annotated[str, Field(description="Plain text; Markdown emphasis and links are allowed.")]
Cell = Optional[str | int | float]


def _money(value: Any) -> Money:
    try:
        return money_from_yaml(value)
    except KeyError as exc:
        raise PhrasedError(C.MONEY_UNKNOWN_FIELD(name=exc.args[0]), money=True) from None
    except NotAnAmount as exc:
        raise PhrasedError(C.MONEY_RECEIVED(received=_NOT_AN_AMOUNT[exc.what](**exc.values)), money=True) from None


# What a value that is no amount of money is, by NotAnAmount's `what`.
_NOT_AN_AMOUNT = {"yes-no": C.MONEY_YES_NO, "not-finite": C.MONEY_NOT_FINITE, "note": C.MONEY_NOTE_NOT_TEXT,
                  "as-written": C.MONEY_WRITTEN_NOT_TEXT, "amount": C.MONEY_AMOUNT_NOT_NUMBER, "list": C.MONEY_LIST,
                  "other": C.MONEY_OTHER}


MoneyField = Annotated[Money, PlainValidator(_money), PlainSerializer(lambda m: m.to_json()),
                       WithJsonSchema(MONEY_JSON_SCHEMA)]


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Part):
    """Where the plan's content comes from."""
    document: str = Field(description="Title of the source document.")
    publisher: Optional[str] = Field(None, description="Who published it, e.g. the health board.")
    url: Optional[str] = Field(None, description="Where the source document can be found.")
    pages: Optional[str] = Field(None, description="Pages or section of the source holding this plan.")


class Lead(Part):
    """A cluster lead, as signed on the plan."""
    name: str = Field(description="Name as signed, e.g. 'Dr Angharad Fletcher'.")
    role: Optional[str] = Field(None, description="Role as signed, e.g. 'Cluster Lead'.")


class KeyActionTheme(Part):
    """A theme of the year's key cluster actions, with its actions."""
    theme: str = Field(description="e.g. 'Primary Care Sustainability'.")
    theme_cy: Optional[str] = Field(None, description="The theme in Welsh, where the plan has it.")
    actions: list[Text] = Field(default_factory=list, description="The actions under this theme.")


class PriorityArea(Part):
    """A priority area of the plan on a page, with its goals."""
    title: str
    goals: list[Text] = Field(default_factory=list)


class Activity(Part):
    """One row of the national template's activity table."""
    id: Slug = Field(description="Stable id; keep it the same from year to year for the same activity.")
    title: str = Field(description="Activity or project title.")
    title_cy: Optional[str] = Field(None, description="The title in Welsh, where the plan has it.")
    new_or_existing: Optional[str] = Field(None, description="'new' or 'existing' (activity origin vocabulary).")
    since: Optional[Year] = Field(None, description="For an existing activity: the plan year it started in.")
    new_or_existing_detail: Optional[str] = Field(None, description="The plan's own wording, e.g. 'Existing from 21/22'.")
    description: Text = Field("", description="Brief activity or project description.")
    description_cy: Optional[Text] = Field(None, description="The description in Welsh, where the plan has it.")
    expected_results: list[Text] = Field(default_factory=list,
                                         description="Results or benefits expected by the end of March.")
    ministerial_priorities: list[str] = Field(default_factory=list, description="Ministerial priorities it fits.")
    sppc_priorities: list[str] = Field(default_factory=list,
                                       description="Strategic Programme for Primary Care priorities it fits.")
    board_priorities: list[str] = Field(default_factory=list,
                                        description="The health board's strategic priority areas it fits.")
    alignment_detail: Optional[str] = Field(
        None, description="The plan's own wording of its strategic alignment, where it differs from the terms.")
    budget: Optional[MoneyField] = Field(None, description="Activity or project budget.")
    funding_sources: list[str] = Field(default_factory=list, description="Sources of funding.")
    funding_detail: Optional[str] = Field(
        None, description="The plan's own wording of its funding, e.g. 'Transformation Funded 21/22 (awaiting "
                          "confirmation on continuation of funding)', shown beside the terms.")
    status: Optional[str] = Field(None, description="Current status (activity status vocabulary).")
    status_detail: Optional[str] = Field(None, description="The plan's own wording of the status.")
    comments: list[Text] = Field(default_factory=list, description="Barriers, workforce issues and other comments.")


class Goal(Part):
    """A goal of the action plan, with how it will be met and what it should achieve."""
    goal: Text
    strategic_priorities: list[str] = Field(default_factory=list,
                                            description="The health board's strategic priority areas it serves.")
    methods: list[Text] = Field(default_factory=list)
    outcomes: list[Text] = Field(default_factory=list)
    lead: Optional[str] = None
    timescale: Optional[str] = None


class ActionPlanArea(Part):
    """A priority area of the goals/methods/outcomes action plan."""
    priority_area: str
    goals: list[Goal] = Field(default_factory=list)


class FinanceLine(Part):
    """One line of the finance table."""
    item: str = Field(description="Project or investment line.")
    amount: Optional[MoneyField] = Field(None, description="Cost or investment for the year.")
    recurrent: Optional[bool] = Field(None, description="Whether the investment recurs each year.")
    full_year_effect: Optional[MoneyField] = Field(None, description="Full-year effect of the investment.")
    note: Optional[Text] = None


class Finance(Part):
    """The plan's finance profile; totals and balance are checked against the lines."""
    caption: Optional[str] = Field(None, description="Heading of the finance table.")
    allocation: Optional[MoneyField] = Field(None, description="The cluster's allocation for the year.")
    carry_over: Optional[MoneyField] = Field(None, description="Brokerage or carry-over from last year.")
    lines: list[FinanceLine] = Field(default_factory=list)
    total: Optional[MoneyField] = Field(None, description="Total of the lines (total committed), as stated.")
    balance: Optional[MoneyField] = Field(None, description="Allocation plus carry-over minus total, as stated.")
    balance_label: Optional[str] = Field(None, description="The source's own name for the balance row, e.g. Variance.")
    notes: list[Text] = Field(default_factory=list)


class DerivedFigure(Part):
    """A row of a table whose figures the source works out from other rows, so that they can be checked."""
    row: int = Field(description="The row holding the worked-out figures, counted from 0 (-1 for the last).")
    sum: Optional[list[int]] = Field(None, description="The rows it adds up, e.g. [10, 11].")
    average: Optional[list[int]] = Field(None, description="The rows it is the average of.")
    ratio: Optional[list[int]] = Field(None, description="Two rows it divides, e.g. [25, 24] for a list size per WTE GP.")


class DataTable(Part):
    """A captioned table for anything without its own structure (e.g. GPs by year)."""
    caption: str
    section: Optional[str] = Field(None, description="The section it belongs to (a section file name).")
    columns: list[str]
    rows: list[list[Cell]]
    total_row: Optional[int] = Field(None, description="The row (counted from 0, -1 for the last) that holds the"
                                                       " totals of the rows above it; a last row named Total is one.")
    total_column: Optional[int] = Field(None, description="The column (counted from 0, -1 for the last) that holds"
                                                          " the total of each row's figures; a column named Total is one.")
    derived: list[DerivedFigure] = Field(default_factory=list,
                                         description="Rows worked out from other rows (sums, averages, ratios).")
    source: Optional[str] = None
    notes: list[Text] = Field(default_factory=list)


class WorkforceRole(Part):
    """A role the cluster funds or plans, with its whole-time equivalent and expected impact."""
    role: str
    wte: Optional[float | str] = Field(None, description="Whole-time equivalent.")
    band: Optional[str] = None
    funding: Optional[str] = None
    impact: Optional[Text] = None


class Workforce(Part):
    tables: list[DataTable] = Field(default_factory=list)
    roles: list[WorkforceRole] = Field(default_factory=list)
    notes: list[Text] = Field(default_factory=list)


class KeyFact(Part):
    """A locality key fact or needs highlight, with its source."""
    fact: Text
    source: Optional[str] = None


class Swot(Part):
    strengths: list[Text] = Field(default_factory=list)
    weaknesses: list[Text] = Field(default_factory=list)
    opportunities: list[Text] = Field(default_factory=list)
    threats: list[Text] = Field(default_factory=list)


class Risk(Part):
    """A row of the risk register."""
    project: str
    risk: Text
    impact: Optional[Text] = None
    likelihood: Optional[Literal["L", "M", "H"]] = Field(None, description="L, M or H.")
    mitigation: Optional[Text] = None
    lead: Optional[str] = Field(None, description="Responsible lead.")


class Member(Part):
    """A member of the cluster, e.g. a practice or partner organisation."""
    name: str
    role: Optional[str] = None
    organisation: Optional[str] = None


# What kind of mistake of the source document a known issue records.
SOURCE_ERROR_KINDS: dict[str, str] = {
    "figure": "a malformed or mistyped figure",
    "total": "a total, sum or average that does not follow from its figures",
    "disagreement": "two parts of the plan disagree",
    "numbering": "duplicated or skipped numbering",
    "duplicate": "a repeated row or section",
    "placeholder": "text like 'check source' left in",
    "spelling": "typos in names, places or controlled terms",
    "name-variant": "a name that differs between documents",
    "wrong-column": "a value in the wrong column",
    "copied": "another cluster's figures copied in",
    "bracket": "unbalanced brackets",
    "missing": "a value a row lacks",
    "other": "any other mistake of the source",
}
SourceErrorKind = Literal["figure", "total", "disagreement", "numbering", "duplicate", "placeholder", "spelling",
                          "name-variant", "wrong-column", "copied", "bracket", "missing", "other"]


class KnownIssue(Part):
    """A problem of the source document that the plan keeps as written, acknowledged so it is published as a note."""
    problem: str = Field(description="The problem code, e.g. money-unparseable; source-error for a mistake of the"
                                     " source that no automatic check finds.")
    field: str = Field(description="Where it is: the field path the validator names, e.g. finance.lines[2].amount"
                                   " or workforce.tables[0].rows[3][2], or a prose section file, e.g. needs.md.")
    note: str = Field(description="What is wrong in the source, in a sentence.")
    as_written: Optional[str] = Field(None, description="The figure or words exactly as printed in the source.")
    kind: Optional[SourceErrorKind] = Field(
        None, description="What kind of mistake: " + "; ".join(f"{k}: {v}" for k, v in SOURCE_ERROR_KINDS.items()) + ".")


class Plan(Part):
    """A cluster's plan for one financial year (plan.yaml)."""
    board: Slug = Field(description="Health board slug; must match the folder.")
    cluster: Slug = Field(description="Cluster slug; must match the folder.")
    year: Year = Field(description="Financial year; must match the folder.")
    status: Literal["draft", "published"] = Field("published", description="draft or published.")
    title: Optional[str] = Field(None, description="The plan's own title, e.g. 'Cluster IMTP 2022-25'.")
    title_cy: Optional[str] = Field(None, description="The plan's title in Welsh, where it has one.")
    source: Optional[Source] = None
    leads: list[Lead] = Field(default_factory=list)
    key_actions: list[KeyActionTheme] = Field(default_factory=list,
                                              description="Key cluster actions for the year, by theme.")
    priority_areas: list[PriorityArea] = Field(default_factory=list,
                                               description="Priority areas and goals (plan on a page).")
    activities: list[Activity] = Field(default_factory=list)
    action_plan: list[ActionPlanArea] = Field(default_factory=list)
    finance: Optional[Finance] = None
    workforce: Optional[Workforce] = None
    key_facts: list[KeyFact] = Field(default_factory=list)
    swot: Optional[Swot] = None
    risks: list[Risk] = Field(default_factory=list)
    members: list[Member] = Field(default_factory=list)
    tables: list[DataTable] = Field(default_factory=list, description="Other captioned tables.")
    known_issues: list[KnownIssue] = Field(default_factory=list)


class Board(Part):
    """A health board (board.yaml)."""
    slug: Slug
    name: str
    name_cy: Optional[str] = None
    short_name: Optional[str] = None
    short_name_cy: Optional[str] = None
    areas: list[str] = Field(default_factory=list, description="Areas or localities the board groups clusters into.")
    areas_cy: list[str] = Field(default_factory=list, description="The same areas in Welsh, in the same order.")
    aliases: list[str] = Field(default_factory=list)
    strategic_priorities: list[str] = Field(default_factory=list,
                                            description="The board's strategic priority areas (a vocabulary).")
    website: Optional[str] = None
    plans_page: Optional[str] = Field(None, description="The address of the board's own page of its clusters' plans, "
                                      "which a cluster with no plan on this site links to.")


class Place(Part):
    """A town or community a cluster serves, or one of its GP practices: written as a name alone
    (`- Rhyl`), or with the Welsh name where the source gives one (`- {name: ..., name_cy: ...}`)."""
    name: str = Field(description="The name as the source writes it.")
    name_cy: Optional[str] = Field(None, description="The Welsh name, only where the source gives it.")

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, value: Any) -> Any:
        # A name alone is the usual entry; an empty one (`- ` or `- ""`) is kept as an empty name, so the
        # check of the registry can say which entry is empty instead of a complaint about its type.
        if value is None or isinstance(value, str):
            return {"name": value or ""}
        return value


class Cluster(Part):
    """A primary care cluster (cluster.yaml)."""
    slug: Slug
    name: str
    name_cy: Optional[str] = None
    area: Optional[str] = None
    aliases: list[str] = Field(default_factory=list, description="Other names the cluster is known by.")
    former_names: list[str] = Field(default_factory=list)
    number: Optional[int] = Field(None, description="Number in the national list of clusters.")
    maintainers: list[str] = Field(default_factory=list, description="GitHub handles of the plan's maintainers.")
    communities: list[Place] = Field(default_factory=list, description=(
        "Towns, villages and communities the cluster serves, as its plans or the health board name them;"
        " search finds the cluster by any of them."))
    practices: list[Place] = Field(default_factory=list, description=(
        "The cluster's member GP practices, as its plans or the health board name them; search finds the"
        " cluster by any of them."))


class Term(Part):
    term: str
    cy: Optional[str] = None
    variants: list[str] = Field(default_factory=list)
    description: Optional[str] = None


class Vocabulary(Part):
    label: str
    label_cy: Optional[str] = None
    terms: list[Term]


class Vocabularies(Part):
    """Controlled vocabularies (clusters/vocabularies.yaml)."""
    ministerial_priorities: Vocabulary
    sppc_priorities: Vocabulary
    activity_statuses: Vocabulary
    activity_origins: Vocabulary
    funding_sources: Vocabulary


# Prose files of a plan, in reading order: file stem -> heading.
SECTIONS: dict[str, str] = {
    "executive-summary": "Executive summary",
    "forward-look": "Forward look",
    "vision-and-values": "Vision and values",
    "strategic-background": "Strategic background",
    "key-actions": "Key cluster actions",
    "needs": "Population needs",
    "achievements": "Achievements from last year's plan",
    "difficulties": "Difficulties from last year's plan",
    "challenges": "Challenges for this year",
    "development": "How we developed this plan",
    "enablers": "Enablers",
    "finance": "Finance",
    "workforce": "Workforce",
    "governance": "Governance and members",
    "community-assets": "Community assets",
    "risks": "Risks",
    "appendix": "Appendix",
    "terms-of-reference": "Terms of reference",
}


# A board's own texts for a plan year (clusters/<board>/years/<year>/<name>.md), in reading order: they open
# the board's page for that year and its compiled annual document.
BOARD_YEARS_FOLDER = "years"
BOARD_TEXTS: dict[str, str] = {
    "introduction": "Introduction",
    "overview": "Overview",
}


def plan_json_schema_text(site_url: str | None = None) -> str:
    """The plan JSON Schema as published: stable key order, one trailing newline."""
    return json.dumps(plan_json_schema(site_url), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def plan_json_schema(site_url: str | None = None) -> dict:
    """The plan JSON Schema; with the site's address, its `$id` is the address it is published at there
    (without one it has none: its address is wherever it is read from)."""
    from generator.schema.address import schema_url

    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    if site_url:
        schema["$id"] = schema_url(site_url)
    schema["title"] = "Cluster plan"
    return schema
