"""Every command that takes a cluster accepts it the same way: board/cluster, any name, or an abbreviation."""

from __future__ import annotations

import pytest

from generator.model.registry import UnknownCluster
from generator.checks.validate import registry_of
from plan_testing import FIXTURE_REPO, NEF_2023, REAL_REPO, Repo, run_cli

NEF = "betsi-cadwaladr/north-east-flintshire"
HOW = "Give the cluster as board/cluster, e.g. betsi-cadwaladr/north-east-flintshire, or by its name."


@pytest.fixture(scope="module")
def registry():
    return registry_of(REAL_REPO)


@pytest.mark.parametrize("text, path", [
    ("betsi-cadwaladr/north-east-flintshire", NEF),
    ("clusters/betsi-cadwaladr/north-east-flintshire/", NEF),
    ("clusters\\betsi-cadwaladr\\north-east-flintshire", NEF),
    ("North East Flintshire", NEF),
    ("Gogledd Ddwyrain Sir y Fflint", NEF),          # the Welsh name
    ("NEF", NEF),                                    # an alias in cluster.yaml
    ("nef", NEF),
    ("n e flint", NEF),                              # the start of each word
    ("north east", NEF),
    ("BCUHB/NEF", NEF),                              # a board's alias, a cluster's abbreviation
    ("Betsi Cadwaladr/North East Flintshire", NEF),
    ("NWF", "betsi-cadwaladr/north-west-flintshire"),  # initials
    ("csd", "betsi-cadwaladr/central-and-south-denbighshire"),  # "and" left out of the initials
    ("South Meirionnydd", "betsi-cadwaladr/meirionnydd"),        # a former name
    ("Ynys Môn", "betsi-cadwaladr/anglesey"),
    ("upper", "swansea-bay/upper-valleys"),
    ("swansea/uv", "swansea-bay/upper-valleys"),
])
def test_a_cluster_by_any_name_or_abbreviation(registry, text, path):
    assert registry.resolve(text).path == path


def test_a_year_after_the_cluster_is_kept(registry):
    ref = registry.resolve("NEF/2023-24")
    assert (ref.path, ref.name, ref.year) == (NEF, "North East Flintshire", "2023-24")
    assert registry.resolve("NEF").year is None


@pytest.mark.parametrize("text, message", [
    ("CW", "'CW' could be any of 3 clusters: betsi-cadwaladr/central-wrexham (Central Wrexham), "
           "betsi-cadwaladr/conwy-west (Conwy West), cardiff-and-vale/cardiff-west (Cardiff West). "
           "Give the one you mean as board/cluster, or by its full name."),
    ("north west", "'north west' could be any of 2 clusters: betsi-cadwaladr/north-west-flintshire "
                   "(North West Flintshire), betsi-cadwaladr/north-west-wrexham (North West Wrexham). "
                   "Give the one you mean as board/cluster, or by its full name."),
    ("Wrexham", "no cluster is known as 'Wrexham'. Did you mean betsi-cadwaladr/central-wrexham (Central Wrexham), "
                "betsi-cadwaladr/north-west-wrexham (North West Wrexham) or betsi-cadwaladr/south-wrexham "
                f"(South Wrexham)? {HOW}"),
    ("Anglesy", f"no cluster is known as 'Anglesy'. Did you mean betsi-cadwaladr/anglesey (Anglesey)? {HOW}"),
    ("nowhere", f"no cluster is known as 'nowhere'. {HOW}"),
    ("swansea-bay/nef", "'nef' is a cluster of betsi-cadwaladr, not of swansea-bay: "
                        "give it as betsi-cadwaladr/north-east-flintshire"),
    ("a/b/c", f"'a/b/c' is not a cluster. {HOW}"),
])
def test_an_ambiguous_or_unknown_name_lists_the_closest_clusters(registry, text, message):
    with pytest.raises(UnknownCluster) as failure:
        registry.resolve(text)
    assert str(failure.value) == message


def test_the_first_north_clusters_are_listed_when_there_are_many(registry):
    with pytest.raises(UnknownCluster, match=r"^'North' could be any of \d+ clusters: .* and \d+ more\. "):
        registry.resolve("North")


# --- The commands ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["NEF", "nef", "North East Flintshire", "n e flint", "BCUHB/NEF"])
def test_new_takes_a_name_or_an_abbreviation(repo: Repo, name):
    result = run_cli("new", name, "2024-25", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert result.lines[0] == f"Created clusters/{NEF}/2024-25/ from the 2023-24 plan of North East Flintshire."


def test_new_takes_the_year_after_the_cluster(repo: Repo):
    result = run_cli("new", "NEF/2025-26", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert result.lines[0] == f"Created clusters/{NEF}/2025-26/ from the 2023-24 plan of North East Flintshire."


@pytest.mark.parametrize("name", ["NEF", "North East Flintshire", "Gogledd Ddwyrain Sir y Fflint", "n e flint",
                                  "betsi/nef"])
def test_diff_takes_a_name_or_an_abbreviation(name):
    result = run_cli("diff", name, "--root", FIXTURE_REPO)
    assert result.exit_code == 0, result.output
    assert result.lines[0].startswith("What changed in North East Flintshire: 2022-23 → 2023-24")


def test_diff_of_north_east_flintshire_by_its_initials():
    by_name = run_cli("diff", "NEF", "--format", "json", "--root", REAL_REPO)
    by_slugs = run_cli("diff", NEF, "--format", "json", "--root", REAL_REPO)
    assert by_name.exit_code == 0, by_name.output
    assert by_name.stdout == by_slugs.stdout


@pytest.mark.parametrize("command", [("new",), ("diff",), ("validate",)])
def test_an_ambiguous_abbreviation_is_refused_by_every_command(repo: Repo, command):
    before = sorted(p.relative_to(repo.root).as_posix() for p in repo.root.rglob("*"))
    result = run_cli(*command, "north", cwd=repo.root)
    assert result.exit_code == 1
    assert result.stdout == ""
    prefix = "there is no file or folder north, and " if command == ("validate",) else ""
    assert result.stderr.strip() == (
        f"Error: {prefix}'north' could be any of 2 clusters: betsi-cadwaladr/north-east-flintshire "
        "(North East Flintshire), betsi-cadwaladr/north-west-flintshire (North West Flintshire). "
        "Give the one you mean as board/cluster, or by its full name.")
    assert sorted(p.relative_to(repo.root).as_posix() for p in repo.root.rglob("*")) == before


@pytest.mark.parametrize("command", [("new",), ("diff",), ("validate",)])
def test_an_unknown_cluster_is_refused_with_the_closest_names(repo: Repo, command):
    result = run_cli(*command, "north east flintshre", cwd=repo.root)
    assert result.exit_code == 1
    assert "no cluster is known as 'north east flintshre'. Did you mean betsi-cadwaladr/north-east-flintshire " \
           "(North East Flintshire)" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", ["NEF", "North East Flintshire", "n e flint"])
def test_validate_takes_a_cluster_by_name(repo: Repo, name):
    result = repo.validate(name)
    assert result.exit_code == 0, result.output
    assert result.lines[-1].startswith("2 plans checked: 0 errors")


def test_validate_takes_one_plan_of_a_cluster_by_name(repo: Repo):
    repo.replace(f"{NEF_2023}/plan.yaml", "budget: £18,500\n", "budget: £18,,500\n")
    whole = repo.validate("NEF/2022-23")
    assert whole.exit_code == 0, whole.output
    assert whole.lines[-1].startswith("1 plan checked: 0 errors")
    broken = repo.validate("NEF/2023-24")
    assert broken.exit_code == 1
    assert [code for _, _, code in broken.errors()] == ["money-unparseable"]


def test_validate_still_takes_paths(repo: Repo):
    result = repo.validate(NEF_2023)
    assert result.exit_code == 0, result.output
    assert result.lines[-1].startswith("1 plan checked: 0 errors")
