"""Downloads: every plan's activities as CSV and JSON, and the national data set, the same in every language."""

from __future__ import annotations

import csv
import io
import json
import re

from generator.core import licence
from generator.model.records import ActivityView, PlanRecord, Repository
from generator.sitemap import pages as P
from generator.sitemap.pages import SitePage, SitePages
from generator.render.renderer import Page
from generator.render.editor_schema import editor_schema_text

ACTIVITY_COLUMNS = ["board", "cluster", "year", "id", "title", "new_or_existing", "since",
                    "new_or_existing_detail", "description", "expected_results", "ministerial_priorities",
                    "sppc_priorities", "board_priorities", "budget", "budget_kind", "budget_as_written",
                    "funding_sources", "status", "status_detail", "comments"]


def activity_row(plan: PlanRecord, a: ActivityView) -> dict:
    budget = a.budget
    return {
        "board": plan.board.slug, "cluster": plan.cluster.slug, "year": plan.year, "id": a.id,
        "title": a.title, "new_or_existing": a.origin or "", "since": a.since or "",
        "new_or_existing_detail": a.new_or_existing_detail or "", "description": a.description,
        "expected_results": "; ".join(a.expected_results), "ministerial_priorities": "; ".join(a.ministerial),
        "sppc_priorities": "; ".join(a.sppc), "board_priorities": "; ".join(a.board_priorities),
        "budget": "" if budget is None or budget.amount is None else str(budget.amount),
        "budget_kind": "unstated" if budget is None else budget.kind,
        "budget_as_written": "" if budget is None else (budget.as_written or budget.note or ""),
        "funding_sources": "; ".join(a.funding), "status": a.status or "", "status_detail": a.status_detail or "",
        "comments": "; ".join(a.comments),
    }


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def spreadsheet_cell(value: str) -> str:
    """A value as a spreadsheet shows it and never runs it: text that would start a formula gets a leading
    single quote, as OWASP advises; plain numbers (a negative amount) stay numbers. The JSON keeps the value."""
    if value.startswith(FORMULA_STARTS) and not NUMBER.match(value):
        return "'" + value
    return value


def activities_csv(rows: list[dict]) -> str:
    # The byte order mark tells Excel the file is UTF-8, so that '£' is not shown as 'Â£'.
    out = io.StringIO("\ufeff")
    out.seek(0, io.SEEK_END)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACTIVITY_COLUMNS)
    # Every row has exactly these keys (activity_row makes them), so no per-row check is needed.
    writer.writerows([spreadsheet_cell(row[column]) for column in ACTIVITY_COLUMNS] for row in rows)
    return out.getvalue()


def plan_json(plan: PlanRecord) -> dict:
    data = plan.plan.model_dump(mode="json", exclude_none=True)
    data["prose"] = {name: {lang: p.text for lang, p in sorted(v.items())} for name, v in sorted(plan.prose.items())}
    data["known_issues_of_source"] = [{"code": p.code, "field": p.field, "message": p.message}
                                      for p in plan.known_issue_notes]
    return data


def data_pages(repo: Repository, site_url: str | None = None) -> list[Page]:
    """Language-independent downloads: per-plan activities, the whole data set and the plan schema (whose
    `$id` is its address on the site, when the site's address is known), as the list of the site's pages
    names them."""
    return [_made(page, repo, site_url) for page in SitePages(repo).data()]


def _made(page: SitePage, repo: Repository, site_url: str | None) -> Page:
    # A CSV file cannot say its licence without breaking the files readers open it with: the data package
    # and the downloads page say it; each JSON download carries it.
    if page.kind == P.PLAN_CSV:
        return Page(page.path, activities_csv(_rows(page.subject)), (page.subject.folder,))
    if page.kind == P.PLAN_JSON:
        return Page(page.path, _json({"licence": licence.metadata(), "activities": _rows(page.subject)}),
                    (page.subject.folder,))
    if page.kind == P.NATIONAL_CSV:
        return Page(page.path, activities_csv([activity_row(plan, a) for plan in repo.plans for a in plan.activities]))
    if page.kind == P.NATIONAL_JSON:
        return Page(page.path, _json({"licence": licence.metadata(), "plans": [plan_json(plan) for plan in repo.plans]}))
    if page.kind == P.DATA_PACKAGE:
        return Page(page.path, json.dumps(data_package(SitePages(repo).downloads()), ensure_ascii=False, indent=1) + "\n")
    if page.kind == P.SCHEMA:
        return Page(page.path, editor_schema_text(repo, site_url))
    raise ValueError(f"{page.path}: {page.kind} is not a data download")


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False) + "\n"


# What each kind of download holds, as the data package describes it.
_DESCRIBED = {P.PLAN_CSV: ("csv", "text/csv", "The activities of one plan, one row each"),
              P.PLAN_JSON: ("json", "application/json", "The activities of one plan, as in its plan.yaml"),
              P.NATIONAL_CSV: ("csv", "text/csv", "Every activity of every published plan, one row each"),
              P.NATIONAL_JSON: ("json", "application/json", "Every published plan with all its data and prose"),
              P.SCHEMA: ("json", "application/schema+json", "The format of plan.yaml (JSON Schema)")}


def data_package(downloads: list[SitePage]) -> dict:
    """A Frictionless data package: every data file of the site with its format and licence, the place a CSV
    file's licence is stated (the compiled documents are publications, listed on the downloads page)."""
    resources = []
    for page in downloads:
        if page.kind not in _DESCRIBED:
            continue
        fmt, mediatype, description = _DESCRIBED[page.kind]
        resources.append({"name": re.sub(r"[^a-z0-9._-]+", "-", page.path.lower()).strip("-"),
                          "path": page.path, "format": fmt, "mediatype": mediatype, "encoding": "utf-8",
                          "description": description, "licenses": [licence.metadata()]})
    return {"name": "cluster-plans-wales", "title": "Primary care cluster plans in Wales",
            "licenses": [licence.metadata()], "resources": resources}


def _rows(plan: PlanRecord) -> list[dict]:
    return [activity_row(plan, a) for a in plan.activities]
