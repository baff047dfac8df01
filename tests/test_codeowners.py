"""`cluster-plans codeowners`: .github/CODEOWNERS written from the maintainers in cluster.yaml."""

from __future__ import annotations

import json

from generator.commands.codeowners import HEADER, owner
from plan_testing import REAL_REPO, Repo, run_cli

NEF_CLUSTER = "clusters/betsi-cadwaladr/north-east-flintshire/cluster.yaml"
UV_CLUSTER = "clusters/swansea-bay/upper-valleys/cluster.yaml"


def add_maintainers(repo: Repo, rel: str, block: str) -> None:
    repo.write(rel, repo.read(rel).rstrip("\n") + "\n" + block)


def codeowners(repo: Repo, *args: str):
    return run_cli("codeowners", *args, cwd=repo.root)


def test_each_cluster_folder_is_owned_by_its_maintainers(repo: Repo):
    add_maintainers(repo, NEF_CLUSTER, 'maintainers:\n  - angharad-fletcher\n  - "@bcuhb/primary-care"\n')
    add_maintainers(repo, UV_CLUSTER, "maintainers: [rjones, cluster.lead@example.org]\n")
    result = codeowners(repo)
    assert result.exit_code == 0, result.output
    assert result.lines == ["Wrote .github/CODEOWNERS (2 clusters with maintainers)."]
    assert repo.read(".github/CODEOWNERS") == HEADER + (
        "\n"
        "/clusters/betsi-cadwaladr/north-east-flintshire/ @angharad-fletcher @bcuhb/primary-care\n"
        "/clusters/swansea-bay/upper-valleys/             @rjones cluster.lead@example.org\n")


def test_no_maintainers_gives_the_header_only(repo: Repo):
    result = codeowners(repo)
    assert result.exit_code == 0
    assert repo.read(".github/CODEOWNERS") == HEADER
    assert result.lines == ["Wrote .github/CODEOWNERS (0 clusters with maintainers)."]


def test_a_maintainer_named_twice_is_listed_once(repo: Repo):
    add_maintainers(repo, NEF_CLUSTER, "maintainers: [angharad-fletcher, '@Angharad-Fletcher']\n")
    codeowners(repo)
    assert repo.read(".github/CODEOWNERS").endswith(
        "/clusters/betsi-cadwaladr/north-east-flintshire/ @angharad-fletcher\n")


def test_a_bad_handle_is_reported_with_its_place_and_nothing_is_written(repo: Repo):
    add_maintainers(repo, NEF_CLUSTER, "maintainers:\n  - angharad-fletcher\n  - Angharad Fletcher\n")
    line = repo.line_of(NEF_CLUSTER, "- Angharad Fletcher")
    result = codeowners(repo)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{NEF_CLUSTER}:{line}:5: error registry-bad-maintainer: 'Angharad Fletcher' is not a GitHub handle",
        "    hint: Write @user, @organisation/team or an e-mail address, e.g. @angharad-fletcher."]
    assert result.stderr.strip() == ".github/CODEOWNERS was not written."
    assert not repo.path(".github/CODEOWNERS").exists()


def test_a_bad_handle_as_json_and_as_an_annotation(repo: Repo):
    add_maintainers(repo, NEF_CLUSTER, "maintainers: [Angharad Fletcher]\n")
    line = repo.line_of(NEF_CLUSTER, "maintainers:")
    as_json = json.loads(codeowners(repo, "--format", "json").stdout)
    assert as_json["valid"] is False
    assert [(p["file"], p["line"], p["code"], p["field"]) for p in as_json["problems"]] == [
        (NEF_CLUSTER, line, "registry-bad-maintainer", "maintainers[0]")]
    github = codeowners(repo, "--format", "github")
    assert github.exit_code == 1
    assert github.stdout.splitlines() == [
        f"::error file={NEF_CLUSTER},line={line},col=15,title=registry-bad-maintainer::'Angharad Fletcher' is not "
        "a GitHub handle%0AWrite @user, @organisation/team or an e-mail address, e.g. @angharad-fletcher."]
    assert not repo.path(".github/CODEOWNERS").exists()


def test_a_broken_cluster_file_is_reported(repo: Repo):
    add_maintainers(repo, NEF_CLUSTER, "maintainers: angharad-fletcher\n")
    result = codeowners(repo)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{NEF_CLUSTER}:")
    assert "schema-wrong-type" in result.stdout
    assert not repo.path(".github/CODEOWNERS").exists()


def test_check_says_whether_the_file_is_up_to_date(repo: Repo):
    result = codeowners(repo, "--check")
    assert result.exit_code == 1
    assert result.stderr.strip() == (".github/CODEOWNERS is out of date with the maintainers in cluster.yaml; "
                                     "run: cluster-plans codeowners")
    assert not repo.path(".github/CODEOWNERS").exists()  # --check never writes
    codeowners(repo)
    assert codeowners(repo, "--check").exit_code == 0
    add_maintainers(repo, UV_CLUSTER, "maintainers: [rjones]\n")
    assert codeowners(repo, "--check").exit_code == 1
    assert codeowners(repo).exit_code == 0
    assert codeowners(repo, "--check").lines == [".github/CODEOWNERS is up to date (1 cluster with maintainers)."]


def test_running_twice_changes_nothing(repo: Repo):
    add_maintainers(repo, UV_CLUSTER, "maintainers: [rjones]\n")
    codeowners(repo)
    first = repo.read(".github/CODEOWNERS")
    assert codeowners(repo).lines == [".github/CODEOWNERS is already up to date (1 cluster with maintainers)."]
    assert repo.read(".github/CODEOWNERS") == first


def test_owner_forms():
    assert owner("octocat") == "@octocat"
    assert owner("@octocat") == "@octocat"
    assert owner("bcuhb/primary-care") == "@bcuhb/primary-care"
    assert owner("lead@example.org") == "lead@example.org"
    for bad in ("two words", "-leading-hyphen", "double--hyphen", "a" * 40, "@", "x/y/z", ""):
        assert owner(bad) is None, bad


def test_the_committed_codeowners_is_up_to_date():
    result = run_cli("codeowners", "--check", "--root", REAL_REPO)
    assert result.exit_code == 0, result.output
