""""Did you mean": a field name or a cluster mistyped the ways people mistype them gets the name meant, in
the words a lead reads (generator/core/suggest.py is the one matcher behind every suggestion)."""

from __future__ import annotations

import pytest

from generator.checks.validate import registry_of
from generator.core.suggest import misspelt_start
from generator.model.registry import UnknownCluster
from plan_testing import NEF_2023, REAL_REPO, Repo

NEF_PLAN = f"{NEF_2023}/plan.yaml"
HOW = "Give the cluster as board/cluster, e.g. betsi-cadwaladr/north-east-flintshire, or by its name."


def test_mistyped_fields_of_a_plan_are_named_as_meant(repo: Repo):
    plan = repo.read(NEF_PLAN)
    lines = plan.splitlines(keepends=True)
    mistyped = {18: "Key Actions:", 44: "    desc:", 50: "    Budget:", 51: "    funding-sources:", 52: "    staus:",
                67: "    budjet:", 68: "    Funding Sources:", 69: "    status-detail:"}
    for number, key in mistyped.items():
        lines[number - 1] = key + lines[number - 1].split(":", 1)[1]
    repo.write(NEF_PLAN, "".join(lines))
    result = repo.validate()
    assert result.exit_code == 1
    shown = {line.split(": error schema-unknown-field: ", 1)[1] for line in result.lines
             if ": error schema-unknown-field: " in line}
    assert shown == {
        "'Key Actions' is not a field of a plan; did you mean 'key_actions'?",
        "'desc' is not a field of an activity; did you mean 'description'?",
        "'Budget' is not a field of an activity; did you mean 'budget'?",
        "'funding-sources' is not a field of an activity; did you mean 'funding_sources'?",
        "'staus' is not a field of an activity; did you mean 'status'?",
        "'budjet' is not a field of an activity; did you mean 'budget'?",
        "'Funding Sources' is not a field of an activity; did you mean 'funding_sources'?",
        "'status-detail' is not a field of an activity; did you mean 'status_detail'?",
    }


@pytest.mark.parametrize("mistyped, meant", [
    ("short-name", "short_name"),     # a hyphen for the underscore
    ("nam", "name"),                  # a letter short: the name itself, not name_cy
    ("area", "areas"),                # the plural, not areas_cy
    ("Plans Page", "plans_page"),     # words as a person writes them
])
def test_mistyped_fields_of_a_board_are_named_as_meant(repo: Repo, mistyped: str, meant: str):
    board = "clusters/betsi-cadwaladr/board.yaml"
    repo.write(board, repo.read(board) + f"{mistyped}: x\n")
    result = repo.validate()
    assert any(line.endswith(f"error schema-unknown-field: '{mistyped}' is not a field of a board;"
                             f" did you mean '{meant}'?") for line in result.lines), result.output


def test_a_word_that_is_no_field_gets_no_suggestion(repo: Repo):
    repo.replace(NEF_PLAN, "    budget: £18,500\n", "    budget: £18,500\n    a: b\n")
    result = repo.validate()
    assert any(line.endswith("error schema-unknown-field: 'a' is not a field of an activity") for line in result.lines), \
        result.output


@pytest.mark.parametrize("folder, meant", [
    ("north-east-flintshre", "north-east-flintshire"),    # a letter left out
    ("north-east-flinsthire", "north-east-flintshire"),   # two letters swapped
    ("north-east-flintshire-cluster", "north-east-flintshire"),  # a word too many
    ("north-westflintshire", "north-west-flintshire"),    # a hyphen left out
])
def test_a_mistyped_cluster_folder_is_named_as_meant(repo: Repo, folder: str, meant: str):
    repo.write(f"clusters/betsi-cadwaladr/{folder}/2024-25/plan.yaml", repo.read(NEF_PLAN))
    result = repo.validate()
    assert any(line.endswith(f"error layout-unknown-cluster: the folder '{folder}' is not a cluster of Betsi "
                             f"Cadwaladr University Health Board; did you mean '{meant}'?")
               for line in result.lines), result.output


@pytest.mark.parametrize("typed, message", [
    ("Upper Vallys", f"no cluster is known as 'Upper Vallys'. Did you mean swansea-bay/upper-valleys (Upper Valleys)? {HOW}"),
    ("Merthir", f"no cluster is known as 'Merthir'. Did you mean cwm-taf-morgannwg/merthyr-tydfil (Merthyr Tydfil)? {HOW}"),
    ("Torfaen Nrth", f"no cluster is known as 'Torfaen Nrth'. Did you mean aneurin-bevan/torfaen-north (Torfaen North)? {HOW}"),
    ("Dwyfor Meirionnydd", "no cluster is known as 'Dwyfor Meirionnydd'. Did you mean betsi-cadwaladr/dwyfor (Dwyfor) "
                           f"or betsi-cadwaladr/meirionnydd (Meirionnydd)? {HOW}"),
    ("Swansea", f"no cluster is known as 'Swansea'. {HOW}"),
])
def test_a_mistyped_cluster_name_is_offered_the_clusters_meant(typed: str, message: str):
    with pytest.raises(UnknownCluster) as failure:
        registry_of(REAL_REPO).resolve(typed)
    assert str(failure.value) == message


@pytest.mark.parametrize("written, meant", [
    ("Acceleration Cluster Development Demand management", "Accelerated Cluster Development"),
    ("Acelerated Cluster Developement: frailty", "Accelerated Cluster Development"),
])
def test_a_theme_starting_with_a_slip_of_a_priority_is_taken_for_it(written, meant):
    assert misspelt_start(written, ["Accelerated Cluster Development", "Urgent and emergency care"]) == meant


@pytest.mark.parametrize("written", [
    "Accelerated Cluster Development: frailty",  # the priority spelt right, then the theme's own words
    "Frailty and falls",  # no priority at all
])
def test_a_theme_that_is_no_slip_of_a_priority_is_left_alone(written):
    assert misspelt_start(written, ["Accelerated Cluster Development", "Urgent and emergency care"]) is None
