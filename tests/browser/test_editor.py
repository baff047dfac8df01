"""The online editor, driven in headless Chromium against a scratch clone served by decap-server.

A lead opens North East Flintshire 2023-24, changes a budget, adds an activity and edits a prose
section; each save lands on a cms/ branch. The branch is tidied (comments and layout kept), then
validated and compared as a reviewer would see it.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import material
from playwright.sync_api import expect
import pytest
import yaml

from generator.core import i18n
from generator.cms import local
from generator.cms.admin import admin_pages
from generator.engine.mkdocs import write_pages
from generator.checks.validate import validate
from plan_testing import REAL_REPO

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
NEF = "clusters/betsi-cadwaladr/north-east-flintshire/2023-24"
NEF_ENTRY = "betsi-cadwaladr-north-east-flintshire-2023-24"
PLAN_BRANCH = f"cms/plans/{NEF_ENTRY}"
SECTION_BRANCH = f"cms/sections/{NEF_ENTRY}-executive-summary"
COPIED = ("clusters", "content", "templates", "schema", "mkdocs.yml")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    return local.git(repo, *args)


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """(admin address, scratch clone): the repository's plans in a git repository of their own, a clone
    of it served by decap-server, and the admin page written for it."""
    work = tmp_path_factory.mktemp("editor")
    source = work / "source"
    for name in COPIED:
        (shutil.copytree if (REAL_REPO / name).is_dir() else shutil.copy)(REAL_REPO / name, source / name)
    git(source, "init", "--quiet", "-b", "main")
    git(source, "add", ".")
    git(source, "commit", "--quiet", "-m", "The plans")
    # A lead starts next year's plan and opens the editor before committing it.
    made = subprocess.run([sys.executable, "-m", "generator", "new", "betsi-cadwaladr/dwyfor", "--root", str(source)],
                          cwd=source, capture_output=True, text=True)
    assert made.returncode == 0, made.stdout + made.stderr
    repo = local.make_scratch(source, work / "scratch")
    proxy_port = free_port()
    site = work / "site"
    styles = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    for sheet in [*styles.glob("*.min.css"), REAL_REPO / "templates/assets/stylesheets/cluster-plans.css"]:
        shutil.copy(sheet, site / "assets" / "stylesheets" / sheet.name)
    validation = validate(repo)
    translations = i18n.words()
    write_pages(admin_pages(repo, validation.repository, translations, repo / "templates", site, ("en",),
                            local_backend={"url": f"http://127.0.0.1:{proxy_port}/api/v1"}), site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    proxy = local.start_proxy(repo, proxy_port, log=work / "decap-server.log")
    yield f"http://127.0.0.1:{server.server_address[1]}/admin/", repo
    proxy.terminate()
    proxy.wait(timeout=10)
    server.shutdown()


def log_in(page, admin: str) -> None:
    page.goto(admin)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Plan sections").wait_for()


def open_entry(page, admin: str, collection: str, entry: str) -> None:
    page.goto(f"{admin}#/collections/{collection}/entries/{entry}")
    page.get_by_role("button", name="Save").wait_for()


def save(page) -> None:
    page.get_by_role("button", name="Save").click()
    try:
        page.get_by_text("Changes saved").wait_for(timeout=30_000)
    except Exception:
        errors = page.locator("[class*=ControlErrorsList] li, [role=alert]").all_inner_texts()
        raise AssertionError(f"the editor did not save: {errors}") from None


def list_item(page, summary: str):
    """A list item of the form, found by the summary the collapsed list shows (the first such item)."""
    return page.locator(f"xpath=(//div[normalize-space(text())='{summary}'])[1]/..")


def expand(item) -> None:
    item.locator("button").first.click()


def open_list(page, heading: str) -> None:
    """Unfold a list the form shows folded to its heading ("4 activities")."""
    page.locator(f"xpath=//*[normalize-space(text())='{heading}']/..//button[@data-testid='expand-button']") \
        .first.click()


def budget_box(item):
    return item.get_by_label(re.compile(r"^(Budget|Cyllideb)\b"))


def branch_diff(repo: Path, branch: str) -> str:
    return git(repo, "diff", f"main...{branch}")


def changed_lines(diff: str) -> list[str]:
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_a_lead_edits_a_plan_and_a_section_and_only_those_lines_change(editor, browser):
    admin, repo = editor
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    log_in(page, admin)
    open_entry(page, admin, "plans", NEF_ENTRY)
    SCREENSHOTS.mkdir(exist_ok=True)
    open_list(page, "4 activities")
    audiology = list_item(page, "Audiology")
    expand(audiology)
    budget_box(audiology).fill("12500")
    page.get_by_role("button", name="Add activity").click()
    page.get_by_label("Identifier", exact=True).filter(visible=True).last.fill("social-prescribing")
    page.get_by_label(re.compile(r"^Title( \(optional\))?$")).filter(visible=True).last.fill("Social prescribing")
    # A published plan's activity says what it will achieve: the lead writes one result too.
    page.get_by_role("button", name=re.compile(r"^Add Results expected by the end of March", re.I)) \
        .filter(visible=True).last.click()
    page.get_by_label(re.compile(r"^Results expected by the end of March( \(optional\))?$")).filter(visible=True) \
        .last.fill("Fewer patients returning to the GP with loneliness")
    budget_box(audiology).scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "editor-form.png")
    save(page)

    open_entry(page, admin, "sections", f"{NEF_ENTRY}-executive-summary")
    page.reload()
    page.get_by_text("NEF Cluster has become a formidable forum to:").first.wait_for()
    last_line = page.locator("[data-slate-editor='true']").get_by_text("North East Flintshire Cluster Lead")
    box = last_line.bounding_box()
    # The caret goes after the signature, the last line of the section, before typing on.
    last_line.click(position={"x": box["width"] - 1, "y": box["height"] / 2})
    page.keyboard.press("End")
    page.wait_for_function("() => { const s = getSelection(); return s.anchorNode && "
                           "s.anchorOffset === s.anchorNode.textContent.length; }")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("We will review this plan with our partners in September.")
    page.screenshot(path=SCREENSHOTS / "editor-section.png")
    save(page)
    context.close()

    plan_diff = branch_diff(repo, PLAN_BRANCH)
    assert len(changed_lines(plan_diff)) > 20  # the editor's own save rewrote the file
    kept = local.keep_layout(repo, PLAN_BRANCH)
    assert kept.files == [f"{NEF}/plan.yaml"] and not kept.errors
    plan_diff = branch_diff(repo, PLAN_BRANCH)
    assert changed_lines(plan_diff) == [
        "-    budget: TBC", "+    budget: 12500",
        "+  - id: social-prescribing", "+    title: Social prescribing",
        "+    expected_results:", "+      - Fewer patients returning to the GP with loneliness"]
    section_diff = branch_diff(repo, SECTION_BRANCH)
    assert changed_lines(section_diff) == [
        "+", "+We will review this plan with our partners in September."]

    # The reviewer's view of both saves together: valid, and exactly these edits.
    git(repo, "checkout", "--quiet", "-b", "review", PLAN_BRANCH)
    git(repo, "merge", "--quiet", "--no-edit", SECTION_BRANCH)
    plan_text = (repo / NEF / "plan.yaml").read_text(encoding="utf-8")
    assert plan_text.startswith("# yaml-language-server: $schema=../../../../schema/plan.schema.json\n")
    checked = subprocess.run([sys.executable, "-m", "generator", "validate", NEF, "--root", str(repo)],
                             cwd=repo, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
    compared = subprocess.run([sys.executable, "-m", "generator", "diff", "--base", "main", "--format", "json",
                               "--root", str(repo)], cwd=repo, capture_output=True, text=True)
    assert compared.returncode == 0, compared.stdout + compared.stderr
    git(repo, "checkout", "--quiet", "main")
    report = json.loads(compared.stdout)
    [plan] = report["plans"]
    assert plan["summary"] == {
        "activities_added": 1, "activities_carried_over": 4, "activities_changed": 1, "activities_removed": 0,
        "activities_renamed": 0, "budget_changes": 1, "finance_lines_added": 0, "finance_lines_changed": 0,
        "finance_lines_removed": 0, "sections_changed": 1, "status_changes": 0}
    assert [a["id"] for a in plan["activities"]["added"]] == ["social-prescribing"]
    [budget] = [c for c in plan["activities"]["carried_over"] if c["budget"]]
    assert (budget["after"]["id"], budget["budget"]["after"]["amount"]) == ("audiology", 12500)
    assert [section["name"] for section in plan["sections"] if section["state"] == "changed"] == ["executive-summary"]


@pytest.mark.parametrize("folder, entry, lead", [
    ("clusters/betsi-cadwaladr/anglesey/2022-23", "betsi-cadwaladr-anglesey-2022-23", "Dr Dyfrig ap Dafydd"),
    ("clusters/swansea-bay/upper-valleys/2022-23", "swansea-bay-upper-valleys-2022-23", "Dr Rebecca Jones"),
])
def test_figures_as_written_and_known_issues_survive_a_save_byte_for_byte(editor, browser, folder, entry, lead):
    """A lead changes their role; the figures as printed and the known issues, which the form either
    shows untouched or does not show at all, come back exactly as they were."""
    admin, repo = editor
    original = git(repo, "show", f"main:{folder}/plan.yaml")
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    log_in(page, admin)
    open_entry(page, admin, "plans", entry)
    open_list(page, "1 cluster lead")
    leader = list_item(page, lead)
    expand(leader)
    role = leader.get_by_label(re.compile(r"^Role\b"))
    role.fill(role.input_value() + " (acting)")
    if entry.startswith("swansea-bay"):
        page.screenshot(path=SCREENSHOTS / "editor-preview-upper-valleys.png")
    save(page)
    context.close()
    branch = f"cms/plans/{entry}"
    local.keep_layout(repo, branch)
    saved = git(repo, "show", f"{branch}:{folder}/plan.yaml")
    assert len(changed_lines(branch_diff(repo, branch))) == 2
    unchanged = [line for line in original.splitlines() if "role:" not in line]
    assert unchanged == [line for line in saved.splitlines() if "role:" not in line]
    assert yaml.safe_load(saved).get("known_issues") == yaml.safe_load(original).get("known_issues")


ANGLESEY = "clusters/betsi-cadwaladr/anglesey/2022-23"
ANGLESEY_ENTRY = "betsi-cadwaladr-anglesey-2022-23"
# Its budget is printed £18,000 in the plan: each figure typed below differs from it.
NURSES = "West area Practice Nurse Education programme"


def saved_budget(repo: Path, folder: str, entry: str, activity: str):
    """The budget of an activity as the lead's branch holds it, and as the validator reads it."""
    from generator.core.money import money_from_yaml
    text = git(repo, "show", f"cms/plans/{entry}:{folder}/plan.yaml")
    [found] = [a for a in yaml.safe_load(text)["activities"] if a["id"] == activity]
    read = money_from_yaml(found["budget"])
    return found["budget"], (read.kind, read.amount)


def shown(page, item, box):
    """The box, with its list and item unfolded again where a save folded them."""
    if box.is_visible():
        return box
    if not item.count():
        open_list(page, "9 activities")
    expand(item)
    return box


def test_a_budget_is_saved_as_the_validator_reads_it_and_abc_is_refused_at_the_field(editor, browser):
    admin, repo = editor
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    log_in(page, admin)
    open_entry(page, admin, "plans", ANGLESEY_ENTRY)
    open_list(page, "9 activities")
    activity = list_item(page, NURSES)
    expand(activity)
    box = budget_box(activity)

    box.fill("abc")
    refusal = "'abc' is not an amount of money. Write the amount in pounds as a number"
    # Refused at the field as the lead types, and again when they try to save: nothing is saved.
    expect(activity.get_by_text(refusal)).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("[class*=ControlErrorsList] li").filter(has_text=refusal)).to_be_visible()
    box.scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "editor-budget-refused.png")
    branch = f"cms/plans/{ANGLESEY_ENTRY}"
    assert branch not in local.cms_branches(repo) or "abc" not in git(repo, "show", f"{branch}:{ANGLESEY}/plan.yaml")

    for typed, kept, reading in [("£18,500", "£18,500", ("amount", 18500)), ("18500", 18500, ("amount", 18500)),
                                 ("18,500.00", "18,500.00", ("amount", 18500)), ("TBC", "TBC", ("tbc", None))]:
        shown(page, activity, box).fill(typed)
        expect(activity.get_by_text("Saved as")).to_be_visible()
        page.screenshot(path=SCREENSHOTS / "editor-budget-typed.png")
        save(page)
        value, read = saved_budget(repo, ANGLESEY, ANGLESEY_ENTRY, "practice-nurse-education")
        assert (value, read[0]) == (kept, reading[0])
        assert read[1] == (None if reading[1] is None else reading[1])
    # An ambiguous figure is refused, never read as another one (18.5).
    shown(page, activity, box).fill("18.500")
    expect(activity.get_by_text("'18.500' is not an amount of money")).to_be_visible()
    context.close()


def test_a_plan_made_with_new_and_not_yet_committed_opens_in_the_editor(editor, browser):
    admin, repo = editor
    assert (repo / "clusters/betsi-cadwaladr/dwyfor/2023-24/plan.yaml").exists()
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    log_in(page, admin)
    open_entry(page, admin, "plans", "betsi-cadwaladr-dwyfor-2023-24")
    expect(page.get_by_text("Draft plan: not on the public site yet")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "editor-new-plan.png")
    context.close()
