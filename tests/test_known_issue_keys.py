"""Notes stay on their item: a known issue names its activity, finance line, table row or section by a key, so
deleting, inserting or reordering activities and finance lines in a real plan never moves a note to another item,
and a note whose item is gone is reported at its own line with what it named."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.authoring.yaml_edit import dump, load
from generator.checks.validate import validate
from plan_testing import REAL_REPO, run_cli

REAL_PLANS = sorted(str(p.parent.relative_to(REAL_REPO)) for p in (REAL_REPO / "clusters").glob("*/*/*/plan.yaml"))
ARFON = "clusters/betsi-cadwaladr/arfon/2022-23"


def copy_of(tmp_path: Path, plan_dir: str) -> Path:
    """A repository holding one real plan, with its board, cluster and the vocabularies."""
    root = tmp_path / "repo"
    board = Path(plan_dir).parent.parent
    for rel in ("clusters/vocabularies.yaml", f"{board}/board.yaml", f"{Path(plan_dir).parent}/cluster.yaml"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REAL_REPO / rel, root / rel)
    shutil.copytree(REAL_REPO / plan_dir, root / plan_dir)
    return root


def edit(root: Path, plan_dir: str, change) -> None:
    path = root / plan_dir / "plan.yaml"
    plan = load(path.read_text(encoding="utf-8"))
    change(plan)
    path.write_text(dump(plan), encoding="utf-8")


def notes(root: Path, plan_dir: str) -> tuple[set[tuple], list]:
    """Each note the plan's page shows, as (the item it is on, named by what the lead sees, the rest of its place,
    the note), and the errors."""
    report = validate(root, [root / plan_dir]).report
    data = yaml.safe_load((root / plan_dir / "plan.yaml").read_text(encoding="utf-8"))
    shown = set()
    for p in report.problems:
        if not p.acknowledged:
            continue
        m = re.match(r"^activities\[(\d+)\](.*)$", p.field)
        n = re.match(r"^finance\.lines\[(\d+)\](.*)$", p.field)
        if m:
            item = ("activity", data["activities"][int(m[1])]["id"], m[2])
        elif n:
            item = ("finance line", data["finance"]["lines"][int(n[1])]["item"], n[2])
        else:
            item = ("place", p.field, "")
        shown.add((*item, p.code, p.acknowledged))
    return shown, report.errors


def new_activity() -> CommentedMap:
    activity = CommentedMap()
    for key, value in (("id", "falls-clinic"), ("title", "Falls prevention clinic"), ("new_or_existing", "new"),
                       ("description", "A weekly clinic for people at risk of falls"),
                       ("expected_results", ["Fewer falls at home"]), ("ministerial_priorities", ["A Healthier Wales"]),
                       ("budget", "£4,000"), ("funding_sources", ["Cluster funding"]), ("status", "planned")):
        activity[key] = CommentedSeq(value) if isinstance(value, list) else value
    return activity


def new_line() -> CommentedMap:
    line = CommentedMap()
    line["item"] = "Falls prevention clinic"
    line["amount"] = "TBC"
    return line


def with_activities(plan_dir: str) -> bool:
    return len(yaml.safe_load((REAL_REPO / plan_dir / "plan.yaml").read_text(encoding="utf-8")).get("activities") or []) > 2


def with_lines(plan_dir: str) -> bool:
    finance = yaml.safe_load((REAL_REPO / plan_dir / "plan.yaml").read_text(encoding="utf-8")).get("finance") or {}
    return len(finance.get("lines") or []) > 2


def reverse(items: list) -> None:
    # Reordered through the round-trip list, so that each item keeps its own lines.
    moved = [items.pop() for _ in range(len(items))]
    items.extend(moved)


ACTIVITY_CHANGES = {
    "reversed": lambda plan: reverse(plan["activities"]),
    "one inserted first": lambda plan: plan["activities"].insert(0, new_activity()),
    "one inserted in the middle": lambda plan: plan["activities"].insert(len(plan["activities"]) // 2, new_activity()),
}
LINE_CHANGES = {
    "reversed": lambda plan: reverse(plan["finance"]["lines"]),
    "one inserted first": lambda plan: plan["finance"]["lines"].insert(0, new_line()),
}


@pytest.mark.parametrize("change", list(ACTIVITY_CHANGES))
@pytest.mark.parametrize("plan_dir", [p for p in REAL_PLANS if with_activities(p)])
def test_reordering_or_inserting_activities_keeps_every_note_on_its_activity(tmp_path: Path, plan_dir: str, change: str):
    root = copy_of(tmp_path, plan_dir)
    before, errors = notes(root, plan_dir)
    assert errors == [] and before
    edit(root, plan_dir, ACTIVITY_CHANGES[change])
    after, errors = notes(root, plan_dir)
    assert [p.as_text() for p in errors] == []
    assert after == before


@pytest.mark.parametrize("change", list(LINE_CHANGES))
@pytest.mark.parametrize("plan_dir", [p for p in REAL_PLANS if with_lines(p)])
def test_reordering_or_inserting_finance_lines_keeps_every_note_on_its_line(tmp_path: Path, plan_dir: str, change: str):
    root = copy_of(tmp_path, plan_dir)
    before, _ = notes(root, plan_dir)
    edit(root, plan_dir, LINE_CHANGES[change])
    after, errors = notes(root, plan_dir)
    assert [p.as_text() for p in errors] == []
    assert after == before


def delete(items: list, key: str, value: str) -> None:
    [at] = [i for i, item in enumerate(items) if item[key] == value]
    del items[at]


def test_deleting_an_activity_leaves_phlebotomy_with_its_own_note(tmp_path: Path):
    """The issue's example: deleting Arfon's Clinical Pharmacist used to move its source note onto Phlebotomy."""
    root = copy_of(tmp_path, ARFON)
    before, _ = notes(root, ARFON)
    pharmacist = {n for n in before if n[:2] == ("activity", "clinical-pharmacist")}
    phlebotomy = {n for n in before if n[:2] == ("activity", "phlebotomy")}
    assert pharmacist and phlebotomy and pharmacist != phlebotomy
    edit(root, ARFON, lambda plan: delete(plan["activities"], "id", "clinical-pharmacist"))
    after, errors = notes(root, ARFON)
    assert {n for n in after if n[:2] == ("activity", "phlebotomy")} == phlebotomy
    assert after == before - pharmacist
    # The pharmacist's note is reported once, at its own line, naming what it was on; nothing else is an error.
    plan = f"{ARFON}/plan.yaml"
    lines = (root / plan).read_text(encoding="utf-8").splitlines()
    line = lines.index("    field: activities[clinical-pharmacist].budget") + 1
    assert [(p.file, p.line, p.code) for p in errors] == [(plan, line, "known-issue-gone")]
    [gone] = errors
    assert gone.message.startswith("this known issue's note was on the activity with id 'clinical-pharmacist',"
                                   " which is no longer in activities: 'The activity table")
    assert "delete this known issue too" in gone.hint and "'phlebotomy'" in gone.hint


def test_deleting_an_activity_without_notes_changes_no_note(tmp_path: Path):
    root = copy_of(tmp_path, ARFON)
    before, _ = notes(root, ARFON)
    assert not any(n[:2] == ("activity", "care-home-support") for n in before)
    edit(root, ARFON, lambda plan: delete(plan["activities"], "id", "care-home-support"))
    after, errors = notes(root, ARFON)
    assert [p.as_text() for p in errors] == []
    assert after == before


def test_deleting_a_finance_line_reports_its_notes_and_keeps_the_others(tmp_path: Path):
    root = copy_of(tmp_path, ARFON)
    before, _ = notes(root, ARFON)
    item = "Leg ulcer Service: co –funded by Anglesey cluster"
    on_line = {n for n in before if n[:2] == ("finance line", item)}
    assert len(on_line) == 2
    edit(root, ARFON, lambda plan: delete(plan["finance"]["lines"], "item", item))
    after, errors = notes(root, ARFON)
    assert after == before - on_line
    assert {p.code for p in errors} == {"known-issue-gone"} and len(errors) == 2
    assert all("the finance line 'Leg ulcer Service: co –funded…'" in p.message for p in errors)


def test_a_known_issue_that_counts_is_refused_with_its_keyed_form(tmp_path: Path):
    root = copy_of(tmp_path, ARFON)
    plan = f"{ARFON}/plan.yaml"
    path = root / plan
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    field: activities[phlebotomy].budget\n", "    field: activities[5].budget\n"), encoding="utf-8")
    result = run_cli("validate", ARFON, cwd=root)
    line = path.read_text(encoding="utf-8").splitlines().index("    field: activities[5].budget") + 1
    said = (f"{plan}:{line}:12: error known-issue-by-position: the known issue names 'activities[5].budget' by"
            " counting, so its note moves to another item when one is added, deleted or reordered")
    assert result.errors() == [(plan, line, "known-issue-by-position")]
    assert result.hint_after(said) == "Write field: activities[phlebotomy].budget"


def test_a_known_issue_on_a_renamed_item_lists_what_there_is(tmp_path: Path):
    root = copy_of(tmp_path, ARFON)
    path = root / ARFON / "plan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: phlebotomy\n", "  - id: blood-tests\n"),
                    encoding="utf-8")
    _, errors = notes(root, ARFON)
    [gone] = errors
    assert gone.code == "known-issue-gone"
    assert "the activity with id 'phlebotomy'" in gone.message
    assert "activities now has: 'covid-recovery', 'care-home-support'" in gone.hint
    assert "'blood-tests'" in gone.hint


def test_the_record_hint_names_the_place_by_key(tmp_path: Path):
    root = copy_of(tmp_path, ARFON)
    path = root / ARFON / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    # Without its known issue, the disagreement is the lead's to settle, and the hint says how to record it.
    start = text.index("  - problem: budget-disagrees\n    field: activities[phlebotomy].budget\n")
    end = text.index("  - problem:", start + 10)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    report = validate(root, [root / ARFON]).report
    [p] = [p for p in report.problems if p.code == "budget-disagrees" and p.field == "activities[5].budget"]
    assert p.reference == "activities[phlebotomy].budget"
    assert "problem: budget-disagrees, field: activities[phlebotomy].budget, note:" in p.hint


def test_a_key_of_first_words_that_two_items_share_is_refused(tmp_path: Path):
    root = copy_of(tmp_path, ARFON)
    path = root / ARFON / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    field: activities[phlebotomy].budget\n",
                                 "    field: workforce.tables[Workforce].rows[Specialist Nursing…][S…]\n"),
                    encoding="utf-8")
    report = validate(root, [root / ARFON]).report
    [refused] = report.errors
    assert refused.code == "known-issue-ambiguous"
    # Two columns start with 'S': 'Staff by' and 'Services'.
    assert refused.message == ("the known issue names the column 'S…', and more than one item of"
                               " workforce.tables[Workforce].rows[Specialist Nursing (e.g. diabetes, COPD)] has that name")
    assert refused.hint == ("Write more of the item's words in field:, so that they name one item: 'Service', 'Staff by',"
                            " 'No of staff by WTE (please include vacancies)', 'Age profile – no of staff aged 50 and"
                            " over by band', 'Services', 'Comments'.")
