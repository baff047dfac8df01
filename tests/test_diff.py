"""Comparing plans: matching, field changes, finance, prose, the diff command, git revisions and the site.

The fixture tests/fixtures/diff/repo holds one cluster (example-board/riverside) with two plan
years that differ in every way a diff reports; each activity of 2022-23/plan.yaml says which.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from generator.core import i18n
from generator.model.diff import RENAME_THRESHOLD, compare, consecutive, pair_up, title_score, word_diff
from generator.model.records import PlanRecord
from generator.render.renderer import Renderer, SiteContext
from generator.checks.validate import validate
from plan_testing import REAL_REPO, TESTS, run_cli

DIFF_REPO = TESTS / "fixtures" / "diff" / "repo"
CLUSTER = "example-board/riverside"
PLAN_2022 = "clusters/example-board/riverside/2022-23"
PLAN_2023 = "clusters/example-board/riverside/2023-24"


def plans_of(root: Path, board: str, cluster: str) -> list[PlanRecord]:
    result = validate(root)
    assert result.report.valid, result.report.as_text()
    [found] = [c for c in result.repository.clusters if (c.board.slug, c.cluster.slug) == (board, cluster)]
    return found.plans


@pytest.fixture(scope="module")
def riverside():
    return compare(*plans_of(DIFF_REPO, "example-board", "riverside"))


@pytest.fixture(scope="module")
def nef():
    """The real case: North East Flintshire's plans for 2022-23 and 2023-24 as converted from the seeds."""
    result = validate(REAL_REPO, [REAL_REPO / "clusters/betsi-cadwaladr/north-east-flintshire"])
    assert result.report.valid, result.report.as_text()
    [cluster] = [c for c in result.repository.clusters if c.cluster.slug == "north-east-flintshire"]
    by_year = {p.year: p for p in cluster.plans}
    return compare(by_year["2022-23"], by_year["2023-24"])


def change_of(diff, activity_id):
    [found] = [m for m in diff.activities.matched if m.after.id == activity_id]
    return found


def copy_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(DIFF_REPO, root)
    return root


# --- Matching --------------------------------------------------------------------------


def test_added_and_dropped_activities(riverside):
    assert [a.id for a in riverside.activities.added] == ["mental-health-practitioner"]
    assert [a.id for a in riverside.activities.removed] == ["care-home-anp"]
    [dropped] = riverside.activities.removed
    assert (dropped.title, dropped.status, dropped.budget.amount) == (
        "Advanced nurse practitioner for care homes", "delayed", Decimal(45000))


def test_rename_with_the_same_id(riverside):
    m = change_of(riverside, "first-contact-physio")
    assert (m.matched_by, m.renamed, m.id_changed) == ("id", True, False)
    assert (m.before.title, m.after.title) == ("First contact physiotherapy", "First contact physiotherapy (MSK)")
    assert 90 <= m.score < 100


def test_rename_with_a_new_id_is_paired_by_title_similarity(riverside):
    m = change_of(riverside, "diabetes-prevention")
    assert (m.matched_by, m.renamed, m.id_changed) == ("similarity", True, True)
    assert (m.before.id, m.before.title) == ("diabetes-education", "Diabetes education")
    assert m.after.title == "Diabetes education programme"
    assert m.score == title_score("Diabetes education", "Diabetes education programme") >= RENAME_THRESHOLD
    assert [r.after.id for r in riverside.activities.renamed] == ["first-contact-physio", "diabetes-prevention"]


def test_titles_sharing_a_word_or_two_are_not_a_rename():
    before = ["Advanced nurse practitioner for care homes", "Social prescribing", "Care home support"]
    after = ["Mental health practitioner", "Social care", "Advanced paramedic practitioner", "Care home ANP"]
    pairs, only_before, only_after = pair_up(before, after, title=str)
    assert (pairs, only_before, only_after) == ([], [0, 1, 2], [0, 1, 2, 3])


def test_reordering_alone_is_not_a_change():
    [older, _] = plans_of(DIFF_REPO, "example-board", "riverside")
    reordered = PlanRecord(older.plan.model_copy(update={"activities": older.plan.activities[::-1]}),
                           older.board, older.cluster, older.folder, older.prose, older.problems, older.vocab)
    diff = compare(older, reordered)
    assert diff.is_empty
    assert (diff.activities.added, diff.activities.removed, diff.activities.changed) == ((), (), [])
    assert len(diff.activities.unchanged) == 6


def test_the_fixture_reorders_its_activities_without_that_counting(riverside):
    # 2023-24 lists every carried-over activity in another order; only real changes are reported.
    unchanged = [m.after.id for m in riverside.activities.unchanged]
    assert unchanged == []
    assert [m.after.id for m in riverside.activities.changed] == [
        "first-contact-physio", "phlebotomy", "diabetes-prevention", "audiology", "social-prescribing"]


# --- Field changes ---------------------------------------------------------------------


def test_rebudgeted_to_and_from_tbc(riverside):
    audiology = change_of(riverside, "audiology").budget
    assert (audiology.kind, audiology.before.amount, audiology.after.kind) == ("to_tbc", Decimal(12000), "tbc")
    phlebotomy = change_of(riverside, "phlebotomy").budget
    assert (phlebotomy.kind, phlebotomy.before.kind, phlebotomy.after.amount) == ("from_tbc", "tbc", Decimal(20000))
    physio = change_of(riverside, "first-contact-physio").budget
    assert (physio.kind, physio.delta) == ("up", Decimal(5500))
    assert change_of(riverside, "social-prescribing").budget is None
    assert len(riverside.activities.budget_changes) == 3


def test_status_changes_use_the_canonical_status(riverside):
    assert [(m.after.id, m.status.before, m.status.after) for m in riverside.activities.status_changes] == [
        ("first-contact-physio", "started", "completed"), ("audiology", "planned", "started")]
    # 'On-going' -> 'Ongoing' is the same status written differently.
    assert change_of(riverside, "social-prescribing").status is None


def test_priorities_funding_results_comments_and_description(riverside):
    m = change_of(riverside, "social-prescribing")
    assert m.fields_changed == ["funding", "ministerial", "description", "expected_results", "comments"]
    assert (m.funding.added, m.funding.removed) == (("Welsh Government",), ())
    assert m.ministerial.added == ("Working alongside social care",)
    assert m.expected_results.added == ("Patients supported with loneliness",)
    assert m.comments.removed == ("Recruitment of link workers",)
    [hunk] = m.description.hunks
    assert [(s.kind, s.text) for s in hunk.segments] == [
        ("same", "Link workers connect patients with community"),
        ("removed", "groups and"), ("added", "groups, housing and debt"), ("same", "advice services.")]


# --- Finance and budgets ---------------------------------------------------------------


def test_finance_then_and_now(riverside):
    f = riverside.finance
    assert [(name, m.before.amount, m.after.amount, m.delta) for name, m in f.headline] == [
        ("allocation", 150000, 160000, 10000), ("total", 135000, 138500, 3500), ("balance", 15000, 21500, 6500)]
    assert [x.item for x in f.lines_added] == ["Phlebotomy", "Mental health practitioner"]
    assert [x.item for x in f.lines_removed] == ["Audiology", "Advanced nurse practitioner for care homes"]
    assert [(x.before.item, x.after.item, x.amount.kind) for x in f.lines_changed] == [
        ("Diabetes education", "Diabetes education programme", "same"),
        ("First contact physiotherapy", "First contact physiotherapy (MSK)", "up")]


def test_activity_budget_totals(riverside):
    b = riverside.budgets
    assert (b.known_before, b.known_after) == (Decimal(135000), Decimal(138500))
    assert (b.unknown_before, b.count_before, b.unknown_after, b.count_after) == (1, 6, 1, 6)


# --- Prose and key actions ---------------------------------------------------------------


def test_prose_sections_word_by_word(riverside):
    sections = {(s.name, s.language): s for s in riverside.sections}
    assert {k: s.state for k, s in sections.items()} == {
        ("executive-summary", "en"): "changed", ("executive-summary", "cy"): "added",
        ("achievements", "en"): "added", ("challenges", "en"): "removed"}
    summary = sections[("executive-summary", "en")].text
    changes = [[(s.kind, s.text) for s in h.segments if s.kind != "same"] for h in summary.hunks]
    assert changes == [[("removed", "42,000"), ("added", "43,500")],
                       [("removed", "care of people living in care homes."),
                        ("added", "mental health of our population.")]]
    first = summary.hunks[0]
    assert first.segments[0].text.endswith("Riverside cluster serves") and not first.cut_before
    assert first.cut_after


def test_word_diff_ignores_layout_and_folds_tiny_anchors():
    assert word_diff("# Title\n\nSome  words\nhere.", "# Title\n\nSome words here.") is None
    assert word_diff("- one\n- **two**", "* one\n* two") is None
    text = word_diff("the cat sat on the mat", "a dog lay on a rug")
    assert [[(s.kind, s.text) for s in h.segments] for h in text.hunks] == [
        [("removed", "the cat sat on the mat"), ("added", "a dog lay on a rug")]]


def test_key_actions(riverside):
    themes = {(t.before, t.after): t for t in riverside.key_actions}
    assert set(themes) == {("Access", "Access"), (None, "Mental health"), ("Winter pressures", None)}
    access = themes[("Access", "Access")].actions
    assert (access.added, access.removed) == (("Online consultations",), ("Extended hours on Saturdays",))


# --- The real case ---------------------------------------------------------------------


def test_north_east_flintshire_activities(nef):
    a = nef.activities
    assert [x.id for x in a.added] == ["audiology", "phlebotomy", "collaborative-working"]
    assert [x.id for x in a.removed] == ["frail-and-vulnerable-service", "mental-health-ican",
                                         "first-contact-physiotherapy", "upcc"]
    [improving] = a.matched
    assert (improving.after.id, improving.matched_by, improving.renamed) == ("improving-access", "id", False)
    # Still ongoing ('On-going' then, 'Ongoing' now), still TBC, no longer tagged with any priority.
    assert (improving.status, improving.budget) == (None, None)
    assert improving.ministerial.removed == ("NHS recovery",)
    assert improving.sppc.removed == ("Community Infrastructure",)
    audiology = a.added[0]
    assert (audiology.origin, audiology.budget.kind, audiology.funding) == (
        "new", "tbc", ("Health board core funding",))
    assert not a.renamed  # nothing dropped is close enough to anything added to be called a rename


def test_north_east_flintshire_finance_keeps_the_misprint_as_printed(nef):
    f = nef.finance
    assert [(n, m.before.kind, m.after.kind, m.changed) for n, m in f.headline] == [("total", "tbc", "tbc", False)]
    phlebotomy = {x.item: x.amount for x in f.lines_added}["Phlebotomy"]
    assert (phlebotomy.kind, phlebotomy.as_written) == ("unparsed", "£77,0194.24")
    # "Improving patient's access" and "Improving Patient’s Access" are one line, written differently.
    [line] = f.lines_matched
    assert (line.matched_by, line.renamed, line.changed) == ("title", False, False)


def test_north_east_flintshire_prose(nef):
    summary = {s.name: s for s in nef.sections}["executive-summary"]
    added = [s.text for h in summary.text.hunks for s in h.segments if s.kind == "added"]
    assert "It has generated" in added and "As a Cluster, we have listened" in added


# --- The command ---------------------------------------------------------------------------


def test_text_output(tmp_path):
    result = run_cli("diff", CLUSTER, "--root", DIFF_REPO)
    assert result.exit_code == 0, result.output
    assert result.lines[0] == "What changed in Riverside: 2022-23 → 2023-24"
    assert result.lines[1].startswith("activities: 1 added, 1 dropped, 2 renamed, 5 changed, 5 carried over;")
    assert "  + Mental health practitioner: new · planned · £35,000 · Transformation funding" in result.lines
    assert "  - Advanced nurse practitioner for care homes: existing · delayed · £45,000 · Cluster funding" \
        in result.lines
    assert "      Budget: £12,000 → TBC (now to be confirmed)" in result.lines
    assert "      Budget: TBC → £20,000 (now confirmed; was to be confirmed)" in result.lines
    assert "  Allocation: £150,000 → £160,000 (+£10,000)" in result.lines
    assert any("[-42,000-] {+43,500+}" in line for line in result.lines)
    assert "\x1b[" not in result.output  # no colour when the output is not a terminal


def test_years_default_to_the_two_latest_and_can_be_chosen(tmp_path):
    root = copy_repo(tmp_path)
    newest = root / "clusters/example-board/riverside/2024-25"
    newest.mkdir()
    (newest / "plan.yaml").write_text(
        (root / PLAN_2023 / "plan.yaml").read_text(encoding="utf-8").replace("year: 2023-24", "year: 2024-25"),
        encoding="utf-8")
    assert run_cli("diff", CLUSTER, "--root", root).lines[0] == "What changed in Riverside: 2023-24 → 2024-25"
    assert run_cli("diff", CLUSTER, "--to", "2023-24", "--root", root).lines[0].endswith("2022-23 → 2023-24")
    assert run_cli("diff", CLUSTER, "--from", "2022-23", "--root", root).lines[0].endswith("2022-23 → 2024-25")


def test_markdown_output_is_a_compact_comment():
    result = run_cli("diff", CLUSTER, "--format", "markdown", "--root", DIFF_REPO)
    assert result.exit_code == 0
    assert result.lines[0] == ("**What changed in Riverside: 2022-23 → 2023-24**: activities: 1 added, 1 dropped, "
                               "2 renamed, 5 changed, 5 carried over; finance lines: 2 added, 2 removed, 2 changed; "
                               "prose sections changed: 4")
    assert "| added | **Mental health practitioner** | new · planned · £35,000 · Transformation funding |" \
        in result.lines
    assert "| dropped | ~~Advanced nurse practitioner for care homes~~ | existing · delayed · £45,000 · " \
           "Cluster funding |" in result.lines
    [physio] = [line for line in result.lines if line.startswith("| renamed | First contact physiotherapy (MSK) | ")]
    assert "renamed from “First contact physiotherapy”, title similarity 97%" in physio
    assert "Budget: £40,000 → £45,500 (+£5,500)" in physio
    assert any("<del>42,000</del> <ins>43,500</ins>" in line for line in result.lines)
    assert result.output.count("<details>") == result.output.count("</details>") == 3


def test_markdown_escapes_what_plans_write(tmp_path):
    root = copy_repo(tmp_path)
    plan = root / PLAN_2023 / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "title: Mental health practitioner", "title: \"Mental *health* | <b>practitioner</b>\""), encoding="utf-8")
    result = run_cli("diff", CLUSTER, "--format", "markdown", "--root", root)
    assert result.exit_code == 0, result.output
    assert "| added | **Mental \\*health\\* \\| &lt;b&gt;practitioner&lt;/b&gt;** |" in result.output


def test_json_output_has_stable_keys():
    result = run_cli("diff", CLUSTER, "--format", "json", "--root", DIFF_REPO)
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert list(data) == sorted(data)
    assert set(data) == {"comparison", "before", "after", "plans_compared", "summary", "plans"}
    assert (data["comparison"], data["before"], data["after"], data["plans_compared"]) == (
        "years", "2022-23", "2023-24", 1)
    [plan] = data["plans"]
    assert set(plan) == {"board", "cluster", "state", "context", "before", "after", "summary", "activities",
                         "budgets", "finance", "key_actions", "sections", "leads", "plan_status", "title",
                         "committed"}
    assert plan["summary"] == data["summary"]
    assert plan["summary"]["activities_added"] == 1
    [audiology] = [m for m in plan["activities"]["carried_over"] if m["after"]["id"] == "audiology"]
    assert audiology["budget"] == {
        "before": {"kind": "amount", "amount": 12000, "as_written": "£12,000", "note": None},
        "after": {"kind": "tbc", "amount": None, "as_written": "TBC", "note": None},
        "kind": "to_tbc", "delta": None}
    # Every activity change has the same keys whatever changed, so tools need no guesswork.
    assert len({tuple(sorted(m)) for m in plan["activities"]["carried_over"]}) == 1
    assert set(audiology) == {"before", "after", "matched_by", "title_score", "renamed", "id_changed",
                              "changed_fields", "status", "budget", "funding", "ministerial", "sppc",
                              "board_priorities", "description", "expected_results", "comments"}
    assert {tuple(sorted(s)) for s in plan["sections"]} == {
        ("changes", "heading", "language", "name", "state", "words_after", "words_before")}
    assert plan["before"] == {"label": "2022-23", "year": "2022-23"}


def test_json_output_says_where_each_committed_budget_comes_from():
    """The text and Markdown summaries say whether a committed budget is the plan's stated total or a sum
    worked out here; the JSON carries the same, for tools."""
    plan = json.loads(run_cli("diff", CLUSTER, "--format", "json", "--root", DIFF_REPO).output)["plans"][0]
    assert set(plan["committed"]) == {"before", "after"}
    for side in ("before", "after"):
        committed = plan["committed"][side]
        assert set(committed) == {"amount", "basis", "counted", "of", "stated_as"}
        assert committed["basis"] in ("stated", "finance-lines", "activity-budgets", "none")
    # Riverside's plans state their totals: the JSON's figures and basis are the text's.
    assert plan["committed"]["before"] == {"amount": 135000, "basis": "stated", "counted": 0, "of": 0,
                                           "stated_as": None}
    assert plan["committed"]["after"]["amount"] == 138500 and plan["committed"]["after"]["basis"] == "stated"
    text = run_cli("diff", CLUSTER, "--root", DIFF_REPO).output
    assert ("Committed budget: £135,000 (the total the plan states) → £138,500 (the total the plan states)"
            in text)


def test_welsh_output():
    result = run_cli("diff", CLUSTER, "--language", "cy", "--root", DIFF_REPO)
    # The name follows a colon, so it stands as written (no mutation after "yn").
    assert result.lines[0] == "Beth sydd wedi newid: Glan yr Afon, 2022-23 → 2023-24"
    assert "  + Mental health practitioner: newydd · wedi'i gynllunio · £35,000 · Cyllid trawsnewid" in result.lines


def test_an_invalid_plan_exits_1_with_the_validators_messages(tmp_path):
    root = copy_repo(tmp_path)
    plan = root / PLAN_2023 / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("budget: £20,000", "budget: £20,,000"),
                    encoding="utf-8")
    result = run_cli("diff", CLUSTER, "--root", root)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{PLAN_2023}/plan.yaml:38:13: error money-unparseable: '£20,,000' is not an amount of money" \
        in result.stderr


@pytest.mark.parametrize("args, message", [
    (["example-board/riverside", "--from", "2019-20"], "has no plan for 2019-20; its plans are for 2022-23, 2023-24"),
    (["example-board/riverside", "--from", "2023-24", "--to", "2023-24"], "--from and --to are both 2023-24"),
    ([], "give a cluster as BOARD/CLUSTER"),
    (["--head", "HEAD"], "--head needs --base"),
])
def test_usage_mistakes(args, message):
    result = run_cli("diff", *args, "--root", DIFF_REPO)
    assert result.exit_code == 2
    assert message in result.output


def test_an_unknown_cluster_is_refused_with_the_closest_name():
    result = run_cli("diff", "example-board/riversde", "--root", DIFF_REPO)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: no cluster is known as 'example-board/riversde'. Did you mean example-board/riverside (Riverside)? "
        "Give the cluster as board/cluster, e.g. betsi-cadwaladr/north-east-flintshire, or by its name.")


# --- Git revisions ---------------------------------------------------------------------------


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(root.parent)}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """The fixture repository committed to a new git repository: one commit holding both plan years."""
    root = copy_repo(tmp_path)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Riverside plans")
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_revision_diff_of_the_working_tree(git_repo: Path):
    edit(git_repo, f"{PLAN_2023}/plan.yaml", "budget: £45,500", "budget: £50,000")
    edit(git_repo, f"{PLAN_2023}/executive-summary.md", "43,500 people", "44,000 people")
    result = run_cli("diff", "--base", "HEAD", cwd=git_repo)
    assert result.exit_code == 0, result.output
    assert result.lines[0] == "What changed in the plans: HEAD → the working tree"
    assert result.lines[1].startswith("plans compared: 1; activities: 0 added, 0 dropped, 0 renamed, 1 changed,")
    assert "Riverside (example-board/riverside) 2023-24: HEAD → the working tree" in result.lines
    assert "      Budget: £45,500 → £50,000 (+£4,500)" in result.lines
    assert any("[-43,500-] {+44,000+}" in line for line in result.lines)


def test_revision_diff_between_commits_reads_old_versions_with_git(git_repo: Path):
    edit(git_repo, f"{PLAN_2022}/plan.yaml", "status: delayed", "status: stopped")
    git(git_repo, "commit", "-q", "-am", "ANP stopped")
    # The working tree is moved on past both commits: the diff must come from git, not from the files.
    (git_repo / PLAN_2022 / "plan.yaml").unlink()
    data = json.loads(run_cli("diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "json",
                              cwd=git_repo).output)
    assert (data["comparison"], data["before"], data["after"], data["plans_compared"]) == (
        "revisions", "HEAD~1", "HEAD", 1)
    [plan] = data["plans"]
    assert (plan["context"], plan["before"]["year"], plan["after"]["year"]) == ("revisions", "2022-23", "2022-23")
    [anp] = [m for m in plan["activities"]["carried_over"] if m["changed_fields"]]
    assert anp["status"]["before"] == "delayed" and anp["status"]["after"] == "stopped"


def test_revision_diff_of_a_new_plan_compares_it_with_the_year_before(git_repo: Path):
    newest = git_repo / "clusters/example-board/riverside/2024-25"
    newest.mkdir()
    text = (git_repo / PLAN_2023 / "plan.yaml").read_text(encoding="utf-8")
    (newest / "plan.yaml").write_text(text.replace("year: 2023-24", "year: 2024-25").replace(
        "budget: TBC", "budget: £9,000"), encoding="utf-8")
    result = run_cli("diff", "--base", "HEAD", "--format", "markdown", cwd=git_repo)
    assert result.exit_code == 0, result.output
    assert "### Riverside 2024-25" in result.lines
    assert "A new plan for 2024-25, compared with the cluster's plan for 2023-24." in result.lines
    assert any(line.startswith("| changed | Audiology | Budget: TBC → £9,000") for line in result.lines)


def test_revision_diff_of_a_removed_plan(git_repo: Path):
    shutil.rmtree(git_repo / PLAN_2022)
    data = json.loads(run_cli("diff", "--base", "HEAD", "--format", "json", cwd=git_repo).output)
    [plan] = data["plans"]
    assert (plan["state"], plan["summary"]["activities_removed"]) == ("removed", 6)


def test_revision_diff_with_nothing_changed(git_repo: Path):
    result = run_cli("diff", "--base", "HEAD", cwd=git_repo)
    assert (result.exit_code, result.lines) == (0, ["What changed in the plans: HEAD → the working tree",
                                                    "No plan changed."])


def test_revision_diff_of_an_invalid_old_version(git_repo: Path):
    edit(git_repo, f"{PLAN_2023}/plan.yaml", "budget: £20,000", "budget: [20000]")
    git(git_repo, "commit", "-q", "-am", "broken")
    edit(git_repo, f"{PLAN_2023}/plan.yaml", "budget: [20000]", "budget: £21,000")
    result = run_cli("diff", "--base", "HEAD", cwd=git_repo)
    assert result.exit_code == 1
    assert "The plans at HEAD have errors, so they cannot be compared:" in result.stderr
    assert f"{PLAN_2023}/plan.yaml:38:13: error" in result.stderr


def test_revision_diff_of_a_layout_only_edit(git_repo: Path):
    edit(git_repo, f"{PLAN_2023}/plan.yaml", "# The newer plan:", "# The newer plan (reviewed):")
    result = run_cli("diff", "--base", "HEAD", cwd=git_repo)
    assert result.exit_code == 0
    assert "  No change in content: only the layout or comments of the files changed." in result.lines


def test_revision_diff_of_plans_in_a_subfolder_of_the_git_repository(tmp_path: Path):
    shutil.copytree(DIFF_REPO, tmp_path / "plans")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "plans")
    newest = tmp_path / "plans/clusters/example-board/riverside/2024-25"
    newest.mkdir()
    (newest / "plan.yaml").write_text((tmp_path / "plans" / PLAN_2023 / "plan.yaml").read_text(
        encoding="utf-8").replace("year: 2023-24", "year: 2024-25"), encoding="utf-8")
    data = json.loads(run_cli("diff", "--base", "HEAD", "--format", "json", cwd=tmp_path / "plans").output)
    [plan] = data["plans"]
    assert (plan["context"], plan["before"]["year"], plan["after"]["year"]) == ("new_plan", "2023-24", "2024-25")
    assert plan["summary"]["activities_carried_over"] == 6


def test_revision_diff_needs_a_known_revision(git_repo: Path):
    result = run_cli("diff", "--base", "no-such-branch", cwd=git_repo)
    assert result.exit_code == 2
    assert "unknown revision 'no-such-branch'" in result.output


# --- The site ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_pages():
    result = validate(DIFF_REPO)
    templates = REAL_REPO / "templates"
    ctx = SiteContext(result.repository, REAL_REPO / "content", templates, i18n.words())
    return {p.path: p.content for p in Renderer(ctx).pages()}


def test_site_has_a_what_changed_page_per_consecutive_pair(site_pages):
    page = site_pages["example-board/riverside/changes/2022-23-to-2023-24/index.md"]
    assert 'title: "What changed: Riverside 2022-23 to 2023-24"' in page
    assert '<a href="../../2023-24/#activity-mental-health-practitioner">Mental health practitioner</a>' in page
    assert "<del><span class=\"cp-visually-hidden\">removed: </span>42,000</del>" in page
    assert [p for p in site_pages if "/changes/" in p] == [
        "example-board/riverside/changes/2022-23-to-2023-24/index.md"]


def test_plan_pages_link_to_the_changes_and_the_cluster_page_counts_them(site_pages):
    assert '<a href="../changes/2022-23-to-2023-24/">What changed since 2022-23</a>' in \
        site_pages["example-board/riverside/2023-24/index.md"]
    assert '<a href="../changes/2022-23-to-2023-24/">What changed in 2023-24</a>' in \
        site_pages["example-board/riverside/2022-23/index.md"]
    cluster = site_pages["example-board/riverside/index.md"]
    assert ('<tr><th scope="row"><a href="changes/2022-23-to-2023-24/">2022-23 to 2023-24</a></th>'
            '<td class="cp-num">1</td><td class="cp-num">1</td><td class="cp-num">2</td>'
            '<td class="cp-num">5</td><td class="cp-num">5</td><td class="cp-num">4</td></tr>') in cluster


def test_every_diff_string_is_in_english_and_welsh():
    table = i18n.words()
    mine = [key for key in table.keys() if key.startswith(("diff.", "changes."))]
    assert len(mine) > 50
    assert [(key, language) for key, language in table.missing() if key in mine] == []


def test_consecutive_pairs_oldest_first():
    plans = plans_of(DIFF_REPO, "example-board", "riverside")
    assert [(d.before_year, d.after_year) for d in consecutive(plans[::-1])] == [("2022-23", "2023-24")]


def test_comparing_revisions_outside_a_git_clone_says_so(repo: Repo):
    result = run_cli("diff", "--base", "HEAD", "--root", repo.root)
    assert result.exit_code == 2
    assert f"{repo.root.resolve()} is not a git repository: comparing revisions (--base, --head) needs the plans'" \
        " history" in result.output
    assert "fatal:" not in result.output
