"""The plan's problems beside the editor's form, in English and Welsh, as `cluster-plans edit` shows them.

The editor is served by the preview's own web server, as `edit` serves it; each save is tidied and checked
out where the preview reads it, as `edit` does, and the plan is checked by the validator and its problems
written where the preview writes them. A lead of Conwy West changes the finance table's total to a figure
the lines do not add up to: the validator's error appears beside the form, with its line and hint, without
reloading the editor.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from pathlib import Path

import material
from playwright.sync_api import expect
import pytest

from generator.checks.validate import validate
from generator.cms import local
from generator.cms.admin import admin_pages
from generator.core import i18n
from generator.engine.mkdocs import write_pages
from generator.preview import server as preview_server
from generator.preview.rebuild import STATE_FILE, by_plan, write_plan_problems
from plan_testing import REAL_REPO
from test_editor import COPIED, free_port, git, log_in, open_entry, open_list, save

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CONWY_WEST = "clusters/betsi-cadwaladr/conwy-west/2022-23"
CONWY_WEST_ENTRY = "betsi-cadwaladr-conwy-west-2022-23"
MISMATCH_EN = "the total is £393,000, but the lines add up to £393,643"


class Editing:
    """The scratch clone decap-server serves, the preview's checkout of the last save, and what the preview's
    server reads."""

    def __init__(self, work: Path, repo: Path, preview: Path):
        self.work, self.repo, self.preview = work, repo, preview
        self.version = 0

    def check(self) -> None:
        """What `edit` and its preview do after a save: keep the plan's layout, check the save out for the
        preview, validate the plan there, and publish its problems with a new version."""
        head = "main"
        for branch in sorted(local.cms_branches(self.repo)):
            head = local.keep_layout(self.repo, branch).commit
        git(self.preview, "checkout", "--quiet", "--detach", head)
        report = validate(self.preview, [self.preview / CONWY_WEST]).report
        self.version += 1
        write_plan_problems(self.work / preview_server.PROBLEMS_FILE, by_plan(report.problems), self.version)
        (self.work / STATE_FILE).write_text(json.dumps({"version": self.version, "banner": {}, "unavailable": {}}),
                                            encoding="utf-8")


@pytest.fixture(scope="module")
def editing(tmp_path_factory):
    """(admin address, Editing): the real plans in a repository of their own, a scratch clone served by
    decap-server, and the admin pages in English and Welsh served by the preview's web server."""
    work = tmp_path_factory.mktemp("editor-problems")
    source = work / "source"
    for name in COPIED:
        (shutil.copytree if (REAL_REPO / name).is_dir() else shutil.copy)(REAL_REPO / name, source / name)
    git(source, "init", "--quiet", "-b", "main")
    git(source, "add", ".")
    git(source, "commit", "--quiet", "-m", "The plans")
    repo = local.make_scratch(source, work / "scratch")
    preview = work / "scratch" / "preview"
    git(repo, "worktree", "add", "--quiet", "--detach", str(preview), "main")
    editing = Editing(work, repo, preview)
    editing.check()
    site = work / "site"
    styles = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    for sheet in [*styles.glob("*.min.css"), REAL_REPO / "templates/assets/stylesheets/cluster-plans.css"]:
        shutil.copy(sheet, site / "assets" / "stylesheets" / sheet.name)
    proxy_port = free_port()
    translations = i18n.words()
    write_pages(admin_pages(repo, validate(repo).repository, translations, repo / "templates", site, ("en", "cy"),
                            local_backend={"url": f"http://127.0.0.1:{proxy_port}/api/v1"}), site)
    handler = type("PreviewHandler", (preview_server.Handler,), {
        "state": preview_server.State(work / STATE_FILE),
        "problems": preview_server.State(work / preview_server.PROBLEMS_FILE, {"plans": {}})})
    server = preview_server.Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    proxy = local.start_proxy(repo, proxy_port, log=work / "decap-server.log")
    yield f"http://127.0.0.1:{server.server_address[1]}/", editing
    proxy.terminate()
    proxy.wait(timeout=10)
    server.shutdown()


def problems_beside_the_form(page):
    """The problems panel in the editor's preview pane, beside the form."""
    return page.frame_locator("iframe").first.locator(".cp-problems")


def test_a_total_the_lines_do_not_add_up_to_is_shown_beside_the_form_in_english_and_welsh(editing, browser):
    address, editing_ = editing
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    admin = address + "admin/"
    log_in(page, admin)
    open_entry(page, admin, "plans", CONWY_WEST_ENTRY)
    panel = problems_beside_the_form(page)
    # The plan as committed: nothing of the lead's to fix; the source document's notes are counted, not listed.
    expect(panel).to_contain_text("Not listed:")
    expect(panel.locator(".cp-problem-error")).to_have_count(0)

    # The finance table, folded to its caption.
    open_list(page, "Finance and Workforce Profiles 2022/23")
    total = page.get_by_label(re.compile(r"^Total\b")).first
    total.fill("£393,000")
    save(page)
    editing_.check()
    # The lead's branch as `edit` leaves it: the plan's own layout, with only the total changed.
    saved = git(editing_.repo, "show", f"cms/plans/{CONWY_WEST_ENTRY}:{CONWY_WEST}/plan.yaml")
    assert 'total: "£393,000"' in saved

    # Shown beside the form without reloading the editor: where, what and how to fix it, in the validator's words.
    error = panel.locator("li.cp-problem").filter(has_text=MISMATCH_EN)
    expect(error).to_be_visible(timeout=30_000)
    line = next(n for n, text in enumerate(saved.splitlines(), 1) if "£393,000" in text)
    expect(error).to_contain_text(f"error plan.yaml, line {line}: {MISMATCH_EN}")
    expect(error.locator(".cp-problem-hint")).to_contain_text("Correct the total or the lines so that they agree.")
    expect(page.get_by_label(re.compile(r"^Total\b")).first).to_have_value("£393,000")
    page.screenshot(path=SCREENSHOTS / "editor-problems.png")

    # In Welsh: the same problem in the validator's Welsh words.
    welsh = context.new_page()
    cy_admin = address + "cy/admin/"
    # Logged in already: the editor keeps its user in the browser.
    welsh.goto(f"{cy_admin}#/collections/plans/entries/{CONWY_WEST_ENTRY}")
    cy_panel = problems_beside_the_form(welsh)
    cy_error = cy_panel.locator("li.cp-problem").filter(has_text="£393,643")
    expect(cy_error).to_contain_text(f"gwall plan.yaml, llinell {line}:", timeout=60_000)
    expect(cy_panel.locator("h2")).to_have_text("Problemau yn y cynllun hwn, o'r gwiriad diwethaf")
    assert "the total is" not in cy_error.inner_text()
    welsh.screenshot(path=SCREENSHOTS / "editor-problems-cy.png")
    context.close()
