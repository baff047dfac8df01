"""Links in a plan's prose: `validate` refuses, at the section file and line, what the build would."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.sitemap.pages import SitePages
from generator.checks.validate import validate
from plan_testing import NEF_2023, REAL_REPO, Repo
from site_testing import site_repo

SECTION = f"{NEF_2023}/achievements.md"


def add_paragraph(repo: Repo, text: str) -> int:
    """Append a paragraph to the section; the 1-based line it is on."""
    repo.write(SECTION, repo.read(SECTION).rstrip("\n") + "\n\n" + text + "\n")
    return repo.line_of(SECTION, text.splitlines()[0])


def column_of(repo: Repo, line: int, address: str) -> int:
    """The 1-based column where the address is written on the section's line."""
    return repo.read(SECTION).splitlines()[line - 1].index(address) + 1


@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html;base64,PHA+", "vbscript:msgbox",
                                     "JavaScript:alert(1)", "file:///etc/passwd"])
def test_an_unsafe_link_is_an_error_at_its_line(repo: Repo, address: str):
    line = add_paragraph(repo, f"See [the form]({address}) for details.")
    result = repo.validate()
    assert result.exit_code == 1
    column = column_of(repo, line, address)
    printed = f"{SECTION}:{line}:{column}: error prose-unsafe-link: unsafe link '{address}'"
    shown = [entry for entry in result.lines if entry.startswith(printed)]
    assert shown, result.output
    assert "https://" in result.hint_after(shown[0])


def test_a_link_on_a_later_line_of_a_paragraph_is_placed_on_that_line(repo: Repo):
    line = add_paragraph(repo, "The cluster met twice.\nIts notes are\n[here](javascript:void(0)).")
    result = repo.validate()
    assert (SECTION, line + 2, "prose-unsafe-link") in result.errors()


@pytest.mark.parametrize("address, close", [("../../nowhere/", "../../"), ("../2021-22/", "../2022-23/"),
                                             ("/betsi-cadwaladr/north-east-flintshir/", "../"),
                                             ("activity.csv", "activities.csv"),
                                             ("../../../downloads/plan.json", "../../../downloads/plans.json"),
                                             ("../../../../../outside/", "")])
def test_a_link_to_a_page_the_site_does_not_have(repo: Repo, address: str, close: str):
    line = add_paragraph(repo, f"Compare [the earlier plan]({address}).")
    result = repo.validate()
    assert result.exit_code == 1
    column = column_of(repo, line, address)
    printed = (f"{SECTION}:{line}:{column}: error prose-missing-page: link to a page the site does not have:"
               f" '{address}'")
    shown = [entry for entry in result.lines if entry.startswith(printed)]
    assert shown, result.output
    if close:
        assert shown[0].endswith(f"; did you mean '{close}'?")


@pytest.mark.parametrize("address, relative", [("/swansea-bay/upper-valleys/", "../../../swansea-bay/upper-valleys/"),
                                                ("/cy/betsi-cadwaladr/", "../../"),
                                                ("/betsi-cadwaladr/north-east-flintshire/2023-24/#achievements",
                                                 "./#achievements")])
def test_a_link_from_the_servers_root_is_an_error_with_the_relative_link(repo: Repo, address: str, relative: str):
    line = add_paragraph(repo, f"See [the page]({address}).")
    result = repo.validate()
    assert result.exit_code == 1
    column = column_of(repo, line, address)
    printed = (f"{SECTION}:{line}:{column}: error prose-root-link: the link '{address}' starts with '/', so it breaks"
               " where the site is published under a sub-path")
    assert result.hint_after(printed) == f"Write it relative to the plan's page: '{relative}'."
    assert (SECTION, line, "prose-root-link") in result.errors()


def test_a_link_to_an_anchor_the_page_does_not_carry(repo: Repo):
    line = add_paragraph(repo, "As [said above](#no-such-anchor).")
    result = repo.validate()
    assert result.exit_code == 1
    column = column_of(repo, line, "#no-such-anchor")
    printed = (f"{SECTION}:{line}:{column}: error prose-missing-anchor: the link '#no-such-anchor' points to no part"
               " of its page (betsi-cadwaladr/north-east-flintshire/2023-24/index.html)")
    assert result.hint_after(printed).startswith("The parts of that page nearest to it: #")


def test_a_reference_link_and_an_image_are_checked_too(repo: Repo):
    line = add_paragraph(repo, "See [the map][map] and ![a chart](../charts/x.png).\n\n[map]: ../../gone/")
    errors = repo.validate().errors()
    assert errors.count((SECTION, line, "prose-missing-page")) == 2


def test_sound_links_to_real_pages_pass(repo: Repo):
    add_paragraph(repo, "See [last year](../2022-23/), [the cluster](../), [the board](../../),"
                        " [its neighbour](../../north-west-flintshire/2022-23/on-a-page/),"
                        " [Swansea Bay](../../../swansea-bay/upper-valleys/),"
                        " [what changed](../changes/2022-23-to-2023-24/), [the themes](../../../themes/),"
                        " [the data](activities.csv), [the summary](#executive-summary),"
                        " [this plan's summary](./#achievements), [the board](https://bcuhb.nhs.wales/),"
                        " [email](mailto:cluster@example.org) and [phone](tel:+441234567890).")
    result = repo.validate()
    assert result.exit_code == 0, result.output
    assert not {"prose-unsafe-link", "prose-missing-page", "prose-missing-anchor"} & result.codes()


def test_a_welsh_section_is_checked_as_well(repo: Repo):
    welsh = f"{NEF_2023}/executive-summary.cy.md"
    repo.write(welsh, repo.read(welsh).rstrip("\n") + "\n\nGweler [y cynllun](../2020-21/).\n")
    line = repo.line_of(welsh, "Gweler [y cynllun]")
    assert (welsh, line, "prose-missing-page") in repo.validate().errors()


def test_the_pages_known_include_the_guide_themes_and_downloads():
    site = SitePages(validate(REAL_REPO).repository, REAL_REPO / "content")
    assert {"guide/", "guide/problems/", "themes/", "downloads/plans.json", "betsi-cadwaladr/data-quality/",
            "betsi-cadwaladr/north-east-flintshire/2023-24/on-a-page/", "cy/guide/", "cy/themes/population-health/",
            "betsi-cadwaladr/north-east-flintshire/2023-24/activities.csv"} <= set(site.by_address)
    # The downloads are published once, at the site's root, for every language.
    assert "cy/downloads/plans.json" not in site.by_address


def test_the_real_plans_have_no_link_errors():
    result = validate(REAL_REPO)
    assert not [p for p in result.report.problems if p.code.startswith("prose-") and p.code.endswith(("link", "page", "anchor"))]
    assert not [p for p in result.report.problems if p.is_error]


@pytest.mark.parametrize("address", ["#swot", "#risk-register", "../2022-23/#nope"])
def test_an_anchor_of_a_block_the_plan_does_not_have_is_refused(repo: Repo, address: str):
    """The fixture plan has no SWOT or risk register, so its page carries no such part."""
    line = add_paragraph(repo, f"As [said]({address}).")
    assert (SECTION, line, "prose-missing-anchor") in repo.validate().errors()


def test_an_anchor_of_another_plans_page_passes_when_it_is_there(repo: Repo):
    add_paragraph(repo, "As [last year](../2022-23/#achievements).")
    assert repo.validate().exit_code == 0


@pytest.fixture
def site(tmp_path: Path) -> Repo:
    """The fixture plans with this project's templates, content and mkdocs.yml: a repository that builds."""
    return Repo(site_repo(tmp_path / "site"))


@pytest.mark.parametrize("address, near", [
    ("../../#service-frail-and-vulnerabl", "#service-frail-and-vulnerable"),   # a board's services
    ("../../../services/#service-audiolgy", "#service-audiology"),          # the services page
    ("../../../#board-betsi", "#board-betsi-cadwaladr"),                    # the home page's boards
    ("../../../themes/population-health/#swansea-bay-upper-valley", "#swansea-bay-upper-valleys"),
    ("../../data-quality/#betsi-cadwaladr-north-east-flintshire-2023-2", "#betsi-cadwaladr-north-east-flintshire-2023-24"),
])
def test_an_anchor_missing_from_another_kind_of_page_is_refused_with_the_nearest(site: Repo, address: str, near: str):
    repo = site
    line = add_paragraph(repo, f"See [there]({address}).")
    result = repo.validate()
    column = column_of(repo, line, address)
    printed = [entry for entry in result.lines
               if entry.startswith(f"{SECTION}:{line}:{column}: error prose-missing-anchor: the link '{address}'")]
    assert printed, result.output
    nearest = result.hint_after(printed[0]).removeprefix("The parts of that page nearest to it: ") \
        .split(". Link to")[0].split(", ")
    assert nearest[0] == near


def test_anchors_of_other_pages_that_are_there_pass(site: Repo):
    add_paragraph(site, "See [frailty](../../#service-frail-and-vulnerable),"
                        " [everywhere](../../../services/#service-audiology), [the board](../../../#board-betsi-cadwaladr),"
                        " [the theme](../../../themes/population-health/#swansea-bay-upper-valleys)"
                        " and [its notes](../../data-quality/#betsi-cadwaladr-north-east-flintshire-2023-24).")
    result = site.validate()
    assert not {"prose-missing-anchor", "prose-anchor-language"} & result.codes(), result.output


@pytest.mark.parametrize("address, page", [
    ("../../#services-several-clusters-run", "betsi-cadwaladr/index.html"),  # an English heading of the board's page
    ("../../#servics-several-clusters-run", "betsi-cadwaladr/index.html"),
    ("../../../guide/#read-the-checks", "guide/index.html"),               # an English heading of the guide
])
def test_a_heading_anchor_that_changes_with_the_language_is_refused(site: Repo, address: str, page: str):
    # The prose is shown on the English and the Welsh page: a heading's anchor, made from its words, is
    # there on one of them only, and the build's link check would refuse the link on the other.
    line = add_paragraph(site, f"See [there]({address}).")
    result = site.validate()
    printed = [entry for entry in result.lines if entry.startswith(
        f"{SECTION}:{line}:{column_of(site, line, address)}: error prose-anchor-language: the link '{address}'"
        f" points to a part of {page} that the page does not keep under the same name in English and Welsh")]
    assert printed, result.output
    assert result.hint_after(printed[0]).startswith(f"Link to the page itself, '{address.split('#')[0]}'")


@pytest.mark.parametrize("address", ["activities.csv", "activities.json", "../2022-23/activities.csv",
                                     "../../../downloads/activities.csv", "../../../downloads/plans.json",
                                     "../../../schema/plan.schema.json"])
def test_a_download_linked_relative_to_the_plans_page_passes(repo: Repo, address: str):
    add_paragraph(repo, f"Download [the data]({address}).")
    result = repo.validate()
    assert not {"prose-missing-page", "prose-root-link"} & result.codes(), result.output


def test_a_download_linked_from_the_servers_root_is_refused_with_the_relative_link(repo: Repo):
    address = "/betsi-cadwaladr/north-east-flintshire/2022-23/activities.csv"
    line = add_paragraph(repo, f"Download [last year's activities]({address}).")
    result = repo.validate()
    printed = (f"{SECTION}:{line}:{column_of(repo, line, address)}: error prose-root-link: the link '{address}'"
               " starts with '/'")
    shown = [entry for entry in result.lines if entry.startswith(printed)]
    assert shown, result.output
    assert result.hint_after(shown[0]) == "Write it relative to the plan's page: '../2022-23/activities.csv'."


def test_a_link_to_a_plan_with_errors_is_not_a_missing_page(repo: Repo):
    """The other plan's own errors are reported; once they are corrected, its page is there."""
    other = f"{NEF_2023.rsplit('/', 1)[0]}/2022-23/plan.yaml"
    repo.write(other, repo.read(other).replace("status:", "status: [", 1))
    line = add_paragraph(repo, "Compare [last year](../2022-23/) and [its data](../2022-23/activities.csv).")
    result = repo.validate()
    assert result.exit_code == 1
    assert (SECTION, line, "prose-missing-page") not in result.errors()


def test_checking_one_plan_knows_the_pages_of_the_others(repo: Repo):
    add_paragraph(repo, "Compare [last year](../2022-23/) and [the neighbour](../../north-west-flintshire/2022-23/).")
    result = repo.validate(NEF_2023)
    assert result.exit_code == 0, result.output
