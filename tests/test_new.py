"""`cluster-plans new`: next year's plan from the latest one, on the fixtures and on every real plan."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.load.documents import field_path

from generator.authoring.scaffold import SCHEMA_HEADER
from generator.core.years import following, is_year
from generator.schema.references import resolve
from plan_testing import NEF_2023, NWF_2022, REAL_REPO, UV_2022, Repo, run_cli

NEF = "betsi-cadwaladr/north-east-flintshire"
NEF_2024 = "clusters/betsi-cadwaladr/north-east-flintshire/2024-25"
SCHEMA = json.loads((REAL_REPO / "schema" / "plan.schema.json").read_text(encoding="utf-8"))


def new(repo: Repo, *args: str):
    return run_cli("new", *args, cwd=repo.root)


def plan_of(repo: Repo, folder: str) -> dict:
    return yaml.safe_load(repo.read(f"{folder}/plan.yaml"))


def activity(plan: dict, id_: str) -> dict:
    [found] = [a for a in plan["activities"] if a["id"] == id_]
    return found


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- On the fixture repository --------------------------------------------------------------


def test_new_plan_from_the_latest_one(repo: Repo):
    result = new(repo, NEF, "2024-25")
    assert result.exit_code == 0, result.output
    assert result.lines[0] == (f"Created {NEF_2024}/ from the 2023-24 plan of North East Flintshire.")
    assert sorted(p.name for p in repo.path(NEF_2024).iterdir()) == [
        "achievements.md", "challenges.md", "difficulties.md", "executive-summary.cy.md",
        "executive-summary.md", "plan.yaml"]
    plan = plan_of(repo, NEF_2024)
    assert (plan["board"], plan["cluster"], plan["year"], plan["status"]) == (
        "betsi-cadwaladr", "north-east-flintshire", "2024-25", "draft")
    assert plan["title"] == "North East Flintshire Cluster IMTP 2024/25"
    assert "source" not in plan  # the new plan is written here, not taken from a published document


def test_welsh_title_moves_on_a_year_too(repo: Repo):
    repo.replace(f"{NEF_2023}/plan.yaml", "title: North East Flintshire Cluster IMTP 2023/24\n",
                 "title: North East Flintshire Cluster IMTP 2023/24\n"
                 "title_cy: Cynllun Tymor Canolig Integredig Clwstwr Gogledd Ddwyrain Sir y Fflint 2023/24\n")
    assert new(repo, NEF, "2024-25").exit_code == 0
    assert plan_of(repo, NEF_2024)["title_cy"].endswith("Sir y Fflint 2024/25")


def test_new_plan_validates_with_warnings_only(repo: Repo):
    assert new(repo, NEF, "2024-25").exit_code == 0
    result = repo.validate(NEF_2024)
    assert result.exit_code == 0, result.output
    assert result.errors() == []
    assert result.lines[-1].startswith("1 plan checked: 0 errors")
    assert repo.validate().exit_code == 0


def test_new_plan_starts_with_the_schema_line(repo: Repo):
    # The new plan always has it, for editor support, even when the plan it starts from does not.
    source = repo.root / NEF_2023 / "plan.yaml"
    source.write_text(source.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    assert not repo.read(f"{NEF_2023}/plan.yaml").startswith(SCHEMA_HEADER)
    new(repo, NEF, "2024-25")
    text = repo.read(f"{NEF_2024}/plan.yaml")
    assert text.splitlines()[0] == SCHEMA_HEADER
    assert text.splitlines()[1] == ("# North East Flintshire cluster plan for April 2024 to March 2025, "
                                    "started from the 2023-24 plan")


def test_activities_in_progress_are_carried_over_as_existing(repo: Repo):
    new(repo, NEF, "2024-25")
    before = plan_of(repo, NEF_2023)
    after = plan_of(repo, NEF_2024)
    assert [a["id"] for a in after["activities"]] == [a["id"] for a in before["activities"]]
    for a in after["activities"]:
        assert a["new_or_existing"] == "existing"
        assert a["status"] == "planned"
        assert a["expected_results"] == []
        assert a["budget"] == "TBC"
        assert "status_detail" not in a and "new_or_existing_detail" not in a
        assert is_year(a["since"])
    # what the lead wrote that still holds is kept
    assert activity(after, "improving-access")["description"] == activity(before, "improving-access")["description"]
    assert activity(after, "improving-access")["funding_sources"] == ["Cluster funding"]
    assert activity(after, "improving-access")["comments"] == ["Recruitment of professionals"]


def test_since_is_the_year_each_activity_started(repo: Repo):
    repo.replace(f"{NEF_2023}/plan.yaml", "    since: 2021-22\n    new_or_existing_detail: Existing from 21/22\n"
                 "    description: Provision of care",
                 "    new_or_existing_detail: Existing from 21/22\n    description: Provision of care")
    new(repo, NEF, "2024-25")
    after = plan_of(repo, NEF_2024)
    assert activity(after, "improving-access")["since"] == "2021-22"        # its own since
    assert activity(after, "frail-and-vulnerable")["since"] == "2021-22"    # read from "Existing from 21/22"
    assert activity(after, "audiology")["since"] == "2023-24"               # new in 2023-24


def test_since_inferred_from_the_plans_says_so(repo: Repo):
    # An existing activity that says nowhere when it started: the earliest plan listing it is the best
    # evidence, and the plan says where the year comes from.
    repo.replace(f"{NEF_2023}/plan.yaml", "    since: 2021-22\n    new_or_existing_detail: Existing from 21/22\n"
                 "    description: Improving", "    description: Improving")
    new(repo, NEF, "2024-25")
    text = repo.read(f"{NEF_2024}/plan.yaml")
    assert ("    since: 2022-23  # first listed in the 2022-23 plan; set the year it started if that was earlier"
            in text)


def test_finished_activities_are_left_out(repo: Repo):
    plan = f"{NEF_2023}/plan.yaml"
    lines = repo.read(plan).splitlines()
    audiology_status = next(i for i, line in enumerate(lines) if line == "  - id: audiology")
    status_line = next(i for i in range(audiology_status, len(lines)) if lines[i].startswith("    status: "))
    lines[status_line] = "    status: Complete"
    repo.write(plan, "\n".join(lines) + "\n")
    result = new(repo, NEF, "2024-25")
    assert result.exit_code == 0, result.output
    assert "  Left out 'Audiology' (Complete)." in result.lines
    assert "audiology" not in [a["id"] for a in plan_of(repo, NEF_2024)["activities"]]
    assert repo.validate(NEF_2024).exit_code == 0


def test_finance_figures_are_to_be_confirmed(repo: Repo):
    assert new(repo, "Upper Valleys").exit_code == 0
    folder = "clusters/swansea-bay/upper-valleys/2023-24"
    finance = plan_of(repo, folder)["finance"]
    money = {k: v for k, v in finance.items() if k in ("allocation", "carry_over", "total", "balance")}
    assert money and set(money.values()) == {"TBC"}
    assert {line["amount"] for line in finance["lines"]} == {"TBC"}
    assert "notes" not in finance  # they stated last year's figures
    assert repo.validate(folder).errors() == []


def test_round_trip_keeps_comments_and_layout(repo: Repo):
    plan = f"{NEF_2023}/plan.yaml"
    repo.replace(plan, "    alignment_detail: NHS recovery; Community Infrastructure\n",
                 "    alignment_detail: NHS recovery; Community Infrastructure   # as agreed in March\n")
    repo.replace(plan, "\nactivities:\n", "\n# Activities are reviewed at every cluster meeting.\nactivities:\n")
    new(repo, NEF, "2024-25")
    text = repo.read(f"{NEF_2024}/plan.yaml")
    assert "    alignment_detail: NHS recovery; Community Infrastructure   # as agreed in March\n" in text
    assert "\n\n# Activities are reviewed at every cluster meeting.\nactivities:\n" in text
    # flow lists stay flow lists, block lists stay block lists
    assert "    funding_sources: [Cluster funding]\n" in text
    assert "leads:\n  - name: Dr Angharad Fletcher\n" in text


def test_prose_files_become_headed_prompts(repo: Repo):
    new(repo, NEF, "2024-25")
    achievements = repo.read(f"{NEF_2024}/achievements.md")
    lines = achievements.splitlines()
    # last year's heading, about the plan before this one, moves on a year
    assert lines[0] == "# Key achievements/successes related to the 2023/24 Cluster Plan"
    assert lines[1] == ""
    assert all(line.startswith(">") for line in lines[2:])
    assert "*List what the cluster achieved under its 2023-24 plan" in achievements
    assert "Last year's text is in ../2023-24/achievements.md." in achievements
    assert "Practices supported each other" not in achievements
    for md in repo.path(NEF_2024).glob("*.md"):
        text = md.read_text(encoding="utf-8")
        assert text.startswith("# ")
        assert "<" not in text and ">" not in text.replace("\n>", "\n").lstrip(">")  # no HTML
    welsh = repo.read(f"{NEF_2024}/executive-summary.cy.md")
    assert welsh.splitlines()[0] == "# Crynodeb Gweithredol y Clwstwr"
    assert "> *Ysgrifennwch yr adran hon o gynllun 2024-25.*" in welsh


def test_cluster_by_name_and_default_year(repo: Repo):
    result = new(repo, "North East Flintshire")
    assert result.exit_code == 0, result.output
    assert repo.path(NEF_2024, ).joinpath("plan.yaml").is_file()
    assert new(repo, "NEF").exit_code == 0  # the alias; the year after 2024-25 this time
    assert repo.path("clusters/betsi-cadwaladr/north-east-flintshire/2025-26/plan.yaml").is_file()
    assert new(repo, f"clusters/{UV_2022.split('/')[1]}/upper-valleys/").exit_code == 0


def test_refuses_to_overwrite_an_existing_year(repo: Repo):
    before = files_under(repo.root)
    result = new(repo, NEF, "2023-24")
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: {NEF_2023}/plan.yaml already exists; a plan is never overwritten. "
                                     "Edit it, or give another year.")
    assert files_under(repo.root) == before


def test_fills_a_year_folder_that_has_no_plan_yet(repo: Repo):
    repo.write(f"{NEF_2024}/executive-summary.md", "# Cluster Executive Summary\n\nAlready started.\n")
    result = new(repo, NEF, "2024-25")
    assert result.exit_code == 0, result.output
    assert "  Kept executive-summary.md, which was already there." in result.lines
    assert repo.read(f"{NEF_2024}/executive-summary.md").endswith("Already started.\n")
    assert repo.path(f"{NEF_2024}/plan.yaml").is_file()


def test_cluster_without_an_earlier_plan_gets_the_blank_template(repo: Repo):
    result = new(repo, "betsi-cadwaladr/north-west-flintshire", "2021-22")
    assert result.exit_code == 0, result.output
    folder = "clusters/betsi-cadwaladr/north-west-flintshire/2021-22"
    text = repo.read(f"{folder}/plan.yaml")
    assert text.startswith(SCHEMA_HEADER + "\n")
    assert "# One entry per activity or project" in text
    plan = yaml.safe_load(text)
    assert (plan["year"], plan["status"], plan["activities"]) == ("2021-22", "draft", [])
    assert sorted(p.name for p in repo.path(folder).iterdir()) == [
        "achievements.md", "challenges.md", "difficulties.md", "executive-summary.md", "plan.yaml"]
    validation = repo.validate(folder)
    assert validation.exit_code == 0 and validation.errors() == []


def test_the_blank_templates_examples_are_valid_once_uncommented(repo: Repo):
    new(repo, "betsi-cadwaladr/north-west-flintshire", "2021-22")
    folder = "clusters/betsi-cadwaladr/north-west-flintshire/2021-22"
    head, _, body = repo.read(f"{folder}/plan.yaml").partition("\nboard:")
    for key in ("leads", "key_actions", "activities"):
        body = body.replace(f"{key}: []\n#  ", f"{key}:\n  ")
    text = head + "\nboard:" + re.sub(r"^#  ( *)", r"  \1", body, flags=re.MULTILINE)
    text = text.replace("  lines: []\n  #  ", "  lines:\n    ").replace("\n  #    amount", "\n      amount")
    repo.write(f"{folder}/plan.yaml", text)
    plan = yaml.safe_load(text)
    assert plan["activities"][0]["id"] == "audiology"
    assert plan["finance"]["lines"] == [{"item": "Audiology", "amount": "TBC"}]
    result = repo.validate(folder)
    assert result.errors() == [], result.output


def end_of_line_comment(text: str, line_start: str) -> list[str]:
    """The end-of-line comments of the lines that start with `line_start`."""
    return [line.rsplit(" # ", 1)[1].strip() for line in text.splitlines()
            if line.startswith(line_start) and " # " in line]


def test_draft_carries_the_blank_templates_guidance(repo: Repo):
    new(repo, "betsi-cadwaladr/north-west-flintshire", "2021-22")
    blank = repo.read("clusters/betsi-cadwaladr/north-west-flintshire/2021-22/plan.yaml")
    assert new(repo, NEF, "2024-25").exit_code == 0
    text = repo.read(f"{NEF_2024}/plan.yaml")
    assert end_of_line_comment(text, "status: ") == end_of_line_comment(blank, "status: ") == [
        "draft or published: change to published once the plan is signed off"]
    activities = len(plan_of(repo, NEF_2024)["activities"])
    for key, note in [("status", "planned, started, ongoing, delayed, completed or stopped"),
                      ("budget", "an amount such as £45,000, or TBC until it is agreed"),
                      ("new_or_existing", "new or existing")]:
        assert end_of_line_comment(blank, f"#    {key}: ") == [note]
        assert end_of_line_comment(text, f"    {key}: ") == [note] * activities
    assert repo.validate(NEF_2024).errors() == []


def test_the_statuses_offered_are_the_vocabularys(repo: Repo):
    repo.replace("clusters/vocabularies.yaml", "    - term: stopped\n",
                 "    - term: paused\n      cy: wedi'i seibio\n    - term: stopped\n")
    new(repo, "betsi-cadwaladr/north-west-flintshire", "2021-22")
    new(repo, NEF, "2024-25")
    blank = repo.read("clusters/betsi-cadwaladr/north-west-flintshire/2021-22/plan.yaml")
    statuses = "planned, started, ongoing, delayed, completed, paused or stopped"
    assert end_of_line_comment(blank, "#    status: ") == [statuses]
    assert set(end_of_line_comment(repo.read(f"{NEF_2024}/plan.yaml"), "    status: ")) == {statuses}


def test_notes_on_last_years_document_are_left_behind(repo: Repo):
    plan = f"{NEF_2023}/plan.yaml"
    repo.replace(plan, "    sppc_priorities: [Community Infrastructure]\n    budget: {note: BCUHB Funded}\n",
                 '    sppc_priorities: [Community Infrastructure]   # the plan says "Community infrastructure"\n'
                 "    # The budget cell of this row runs on over a page break in the source;\n"
                 "    # joined here.\n"
                 "    budget: {note: BCUHB Funded}\n")
    repo.replace(plan, "    alignment_detail: NHS recovery; Community Infrastructure\n",
                 "    alignment_detail: NHS recovery; Community Infrastructure   # as agreed in March\n")
    assert repo.validate(NEF_2023).exit_code == 0
    new(repo, NEF, "2024-25")
    text = repo.read(f"{NEF_2024}/plan.yaml")
    assert "    sppc_priorities: [Community Infrastructure]\n" in text
    assert "the plan says" not in text and "page break" not in text and "joined here" not in text
    assert "# as agreed in March" in text  # the lead's own note still holds
    # notes on last year's figures go with the figures
    assert "Funded jointly" not in new_plan_text(repo, "Upper Valleys", "clusters/swansea-bay/upper-valleys/2023-24")
    assert "considering significant spend" not in repo.read("clusters/swansea-bay/upper-valleys/2023-24/plan.yaml")


def new_plan_text(repo: Repo, cluster: str, folder: str) -> str:
    assert new(repo, cluster).exit_code == 0
    return repo.read(f"{folder}/plan.yaml")


def uncommented(text: str, first: str) -> str:
    """The plan as a lead makes it after updating the commented-out lines from `first` on."""
    lines = text.split("\n")
    start = lines.index(first)
    end = start
    while end < len(lines) and lines[end].lstrip().startswith("#"):
        end += 1
    block = [re.sub(r"^( *)# ?", r"\1", line) for line in lines[start:end]]
    return "\n".join(lines[:start] + block + lines[end:])


def test_last_years_workforce_figures_wait_as_comments(repo: Repo):
    result = new(repo, NEF, "2024-25")
    assert ("  Workforce tables hold the 2023-24 figures: they are in plan.yaml as comments until you update "
            "and uncomment them.") in result.lines
    text = repo.read(f"{NEF_2024}/plan.yaml")
    assert "workforce" not in plan_of(repo, NEF_2024)  # nothing of 2023-24 is published as "Current"
    assert "# Last year's workforce figures (from the 2023-24 plan), kept as comments so that they are" in text
    restored = yaml.safe_load(uncommented(text, "# workforce:"))
    assert restored["workforce"] == plan_of(repo, NEF_2023)["workforce"]
    repo.write(f"{NEF_2024}/plan.yaml", uncommented(text, "# workforce:"))
    assert repo.validate(NEF_2024).errors() == []


def test_workforce_roles_stay_beside_last_years_tables(repo: Repo):
    plan = f"{UV_2022}/plan.yaml"
    repo.replace(plan, "workforce:\n  roles:\n",
                 "workforce:\n  tables:\n    - caption: GPs by year\n      columns: [Year, GPs]\n"
                 "      rows:\n        - [\"21/22\", \"12\"]\n  notes:\n    - Two GPs retire in March.\n"
                 "  roles:\n")
    assert repo.validate(UV_2022).exit_code == 0
    text = new_plan_text(repo, "Upper Valleys", "clusters/swansea-bay/upper-valleys/2023-24")
    workforce = yaml.safe_load(text)["workforce"]
    assert set(workforce) == {"roles"}
    assert "Two GPs retire" not in text
    restored = yaml.safe_load(uncommented(text, "  # tables:"))["workforce"]
    assert restored["tables"] == [{"caption": "GPs by year", "columns": ["Year", "GPs"], "rows": [["21/22", "12"]]}]
    assert restored["roles"] == workforce["roles"]


def test_last_years_known_issues_stay_with_last_years_plan(repo: Repo):
    # Last year's known issues are about last year's source document; next year's plan is written by the lead.
    repo.replace(f"{NEF_2023}/plan.yaml", "known_issues:\n", """known_issues:
  - problem: source-error
    kind: spelling
    field: achievements.md
    as_written: "Practices supported each other"
    note: The plan writes this heading in capitals.
  - problem: source-error
    kind: missing
    field: workforce.tables[Current workforce].rows[21/22][GP’s across the cluster]
    as_written: "32"
    note: The plan gives no whole-time equivalent for 21/22.
  - problem: source-error
    kind: spelling
    field: activities[audiology].description
    as_written: "Directly assess"
    note: The plan's description has no subject.
""")
    assert repo.validate(NEF_2023).errors() == []
    assert new(repo, NEF, "2024-25").exit_code == 0
    # Every one is a note on the 2023-24 source document: they stay with the 2023-24 plan.
    assert "known_issues" not in plan_of(repo, NEF_2024)
    assert repo.validate(NEF_2024).errors() == []


@pytest.mark.parametrize("args, message", [
    (("nowhere",), "Error: no cluster is known as 'nowhere'. Give the cluster as board/cluster, "
                   "e.g. betsi-cadwaladr/north-east-flintshire, or by its name."),
    (("north east flintshre",), "Error: no cluster is known as 'north east flintshre'. Did you mean "
                                "betsi-cadwaladr/north-east-flintshire (North East Flintshire) or "
                                "betsi-cadwaladr/north-west-flintshire (North West Flintshire)? Give the cluster "
                                "as board/cluster, e.g. betsi-cadwaladr/north-east-flintshire, or by its name."),
    (("swansea-bay/north-east-flintshire",), "Error: 'north-east-flintshire' is a cluster of betsi-cadwaladr, "
                                             "not of swansea-bay: give it as betsi-cadwaladr/north-east-flintshire"),
    ((NEF, "2024-26"), "Error: '2024-26' is not a financial year written YYYY-YY, e.g. 2024-25"),
])
def test_bad_arguments_are_refused_with_a_clear_message(repo: Repo, args, message):
    before = files_under(repo.root)
    result = new(repo, *args)
    assert result.exit_code == 1
    assert result.stderr.strip() == message
    assert files_under(repo.root) == before


def test_a_plan_with_errors_is_not_copied(repo: Repo):
    repo.replace(f"{NWF_2022}/plan.yaml", "    budget: £45,000\n", "    budget: £45,,000\n")
    before = files_under(repo.root)
    result = new(repo, "betsi-cadwaladr/north-west-flintshire", "2023-24")
    assert result.exit_code == 1
    assert result.errors()[0][2] == "money-unparseable"
    assert result.stderr.strip().startswith("Error: the 2022-23 plan has errors, and next year's plan would copy "
                                            "them. Fix them first (cluster-plans validate")
    assert files_under(repo.root) == before


# --- On the real content ---------------------------------------------------------------------

REAL_PLANS = sorted(p.parent.relative_to(REAL_REPO).as_posix()
                    for p in (REAL_REPO / "clusters").glob("*/*/*/plan.yaml"))


def isolated_copy(base: Path, plan_folder: str) -> Repo:
    """A repository holding one real plan and the earlier plans of its cluster, as it was in that year."""
    root = base / plan_folder.replace("/", "_")
    board_dir, cluster_dir = Path(plan_folder).parent.parent, Path(plan_folder).parent
    for rel in ("clusters/vocabularies.yaml", f"{board_dir}/board.yaml", f"{cluster_dir}/cluster.yaml"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REAL_REPO / rel, root / rel)
    year = Path(plan_folder).name
    for earlier in (REAL_REPO / cluster_dir).iterdir():
        if earlier.is_dir() and is_year(earlier.name) and earlier.name <= year:
            shutil.copytree(earlier, root / cluster_dir / earlier.name)
    return Repo(root)


def test_there_are_real_plans():
    assert len(REAL_PLANS) >= 15
    assert "clusters/betsi-cadwaladr/north-east-flintshire/2023-24" in REAL_PLANS


@pytest.mark.parametrize("plan_folder", REAL_PLANS)
def test_new_on_every_real_plan(tmp_path: Path, plan_folder: str):
    repo = isolated_copy(tmp_path, plan_folder)
    board, cluster, year = plan_folder.split("/")[1:]
    result = new(repo, f"{board}/{cluster}")
    assert result.exit_code == 0, result.output
    folder = f"clusters/{board}/{cluster}/{following(year)}"
    validation = repo.validate(folder)
    assert validation.errors() == [], validation.output
    assert validation.exit_code == 0
    text = repo.read(f"{folder}/plan.yaml")
    assert text.startswith(SCHEMA_HEADER + "\n")
    data = yaml.safe_load(text)
    # an editor using the published schema underlines nothing but the terms the plan keeps as its source
    # printed them (acknowledged under known_issues, which the validator also accepts)
    kept = {field_path(resolve(issue["field"], data)[0]) for issue in data.get("known_issues", [])}
    underlined = [e for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(data)
                  if field_path(tuple(e.absolute_path)) not in kept]
    assert underlined == []
    source = yaml.safe_load((REAL_REPO / plan_folder / "plan.yaml").read_text(encoding="utf-8"))
    finished = {"completed", "stopped", "complete", "achieved", "done", "ceased", "discontinued", "cancelled"}
    expected = [a["id"] for a in source.get("activities", []) if str(a.get("status", "")).lower() not in finished]
    assert [a["id"] for a in data.get("activities", [])] == expected
    for a in data.get("activities", []):
        assert (a["new_or_existing"], a["status"], a["budget"], a["expected_results"]) == (
            "existing", "planned", "TBC", [])
        assert is_year(a["since"]) and a["since"] <= year
    # the top-level sections kept are separated as they were
    blank_before = lambda t: {m[1] for m in re.finditer(r"\n\n(?:#.*\n)*([a-z_]+):", t)}  # noqa: E731
    source_text = (REAL_REPO / plan_folder / "plan.yaml").read_text(encoding="utf-8")
    assert blank_before(source_text) & set(data) - {"source"} <= blank_before(text)
    # every comment of the source is still there, but for those on or just above a value that was reset
    # and the notes on how last year's document was written down
    assert comments_lost(source_text, text) == []
    assert [line for line in text.splitlines() if SOURCE_NOTE.search(line)] == []
    # last year's workforce figures are not this year's
    assert "tables" not in (data.get("workforce") or {})


REMOVED_OR_RESET = re.compile(r"^\s*(?:- )?(new_or_existing_detail|status_detail|budget|amount|allocation|carry_over|"
                              r"total|balance|expected_results|status|since|notes?|source|document|publisher|pages|"
                              r"tables):")
# How the real plans' comments speak of the document they were taken from.
SOURCE_NOTE = re.compile(r"#.*(the plan says|the plan writes|the plan numbers|the plan's|in the plan|the source|source's|document's|as printed|"
                         r"cells?\b|the table's)", re.IGNORECASE)


def comments_lost(source: str, result: str) -> list[str]:
    lines = source.splitlines()
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))  # replaced on purpose
    lost = []
    for i, line in enumerate(lines[header:], header):
        if not line.lstrip().startswith("#") and " #" not in line:
            continue
        comment = line[line.index("#"):]
        if comment in result:
            continue
        # a comment line belongs to the value under it; an end-of-line comment to its own line
        owner = next((x for x in lines[i:] if not x.lstrip().startswith("#")), "") \
            if line.lstrip().startswith("#") else line
        # a note of several lines goes whole when one of its lines speaks of the source
        note = [comment]
        if line.lstrip().startswith("#"):
            start = i
            while start > header and lines[start - 1].lstrip().startswith("#"):
                start -= 1
            end = i
            while end + 1 < len(lines) and lines[end + 1].lstrip().startswith("#"):
                end += 1
            note = lines[start:end + 1]
        if not REMOVED_OR_RESET.match(owner) and not any(SOURCE_NOTE.search(n) for n in note):
            lost.append(comment)
    return lost


def test_real_plans_notes_on_their_source_are_left_behind(tmp_path: Path):
    repo = isolated_copy(tmp_path, "clusters/betsi-cadwaladr/north-east-flintshire/2023-24")
    assert new(repo, NEF).exit_code == 0
    text = repo.read(f"{NEF_2024}/plan.yaml")
    source = (REAL_REPO / NEF_2023 / "plan.yaml").read_text(encoding="utf-8")
    assert '    ministerial_priorities: []   # the plan says "None"\n' in source
    # the 2024-25 plan is written here: what the 2023-24 document said is no longer a note on it
    assert "    ministerial_priorities: []\n" in text
    assert "    sppc_priorities: []\n" in text
    assert "the plan says" not in text
    # nor are the 2023-24 workforce figures "Current": they wait, as comments, to be updated
    assert "workforce" not in yaml.safe_load(text)
    assert '#         - ["22/23", "28 (WTE 21.41)", "", "24", "15.80", "766 based on 17/18 figures", "2.39"]' in text


def test_a_term_carried_with_its_sources_mistake_is_reset_and_named(tmp_path: Path):
    # Conwy West 2022-23 keeps the funding source 'In progress' its source printed in a shifted column, recorded
    # as a known issue. The known issue stays with 2022-23; the draft asks for the funding source, naming the term.
    repo = isolated_copy(tmp_path, "clusters/betsi-cadwaladr/conwy-west/2022-23")
    assert new(repo, "Conwy West").exit_code == 0
    folder = "clusters/betsi-cadwaladr/conwy-west/2023-24"
    plan = plan_of(repo, folder)
    assert "known_issues" not in plan
    assert activity(plan, "diabetes")["funding_sources"] == ["To be confirmed"]
    assert ("    funding_sources: [To be confirmed] # the 2022-23 plan had 'In progress' here, as its source printed"
            " it; write the funding source it is\n") in repo.read(f"{folder}/plan.yaml")
    assert repo.validate(folder).errors() == []
    repo = isolated_copy(tmp_path, "clusters/betsi-cadwaladr/central-and-south-denbighshire/2022-23")
    assert new(repo, "betsi-cadwaladr/central-and-south-denbighshire").exit_code == 0
    assert "known_issues" not in plan_of(repo, "clusters/betsi-cadwaladr/central-and-south-denbighshire/2023-24")


def test_text_copied_from_last_year_is_marked_and_warns_once_published(repo: Repo):
    assert new(repo, NEF, "2024-25").exit_code == 0
    path = f"{NEF_2024}/plan.yaml"
    text = repo.read(path)
    note = "# copied from the 2023-24 plan: review it for 2024-25, then delete this note"
    assert f"  - theme: Primary Care Sustainability  {note}\n" in text
    marked = [line for line in text.splitlines() if line.strip().startswith("description:")]
    assert marked and all(note in line for line in marked)
    # A draft may keep the notes; a published plan that still has them publishes last year's words.
    assert "copied-text-unreviewed" not in repo.validate(NEF_2024).output
    repo.replace(path, "status: draft", "status: published")
    result = repo.validate(NEF_2024)
    line = repo.line_of(path, "  - theme: Primary Care Sustainability")
    hint = result.hint_after(
        f"{path}:{line}:12: warning copied-text-unreviewed: the key actions of 'Primary Care Sustainability': still"
        " the 2023-24 plan's text, marked to be reviewed: 'Sustainability: this will be a huge challenge for all going forwards; Cost of Living…'")
    assert hint.startswith("Read it again for this year and change what no longer holds")
    # Reviewed: the note deleted, the warning goes.
    repo.replace(path, f"  - theme: Primary Care Sustainability  {note}", "  - theme: Primary Care Sustainability")
    after = repo.validate(NEF_2024)
    assert (path, line, "copied-text-unreviewed") not in after.warnings()


def test_blank_template_for_every_real_cluster_without_a_plan(tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(REAL_REPO / "clusters", root / "clusters")
    repo = Repo(root)
    empty = sorted(d.relative_to(root / "clusters").as_posix() for d in (root / "clusters").glob("*/*")
                   if d.is_dir() and not any(is_year(y.name) for y in d.iterdir()))
    assert len(empty) >= 40
    for cluster in empty:
        result = new(repo, cluster, "2024-25")
        assert result.exit_code == 0, result.output
    validation = repo.validate()
    assert validation.errors() == [], validation.output
