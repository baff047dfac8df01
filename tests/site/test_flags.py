"""What a reader of a plan's page sees of its source's mistakes: each figure as printed, marked where it
is with the note beside it, a committed budget that says where it comes from, and the data-quality
pages counting the flags by plan and by kind, in English and Welsh."""

from __future__ import annotations

import html as html_lib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from site_testing import site_repo

NEF_2023 = "betsi-cadwaladr/north-east-flintshire/2023-24"
NEF_2022 = "betsi-cadwaladr/north-east-flintshire/2022-23"
UV = "swansea-bay/upper-valleys/2022-23"
UV_PLAN = f"clusters/{UV}/plan.yaml"
NEF_PLAN = f"clusters/{NEF_2023}/plan.yaml"

RECORDED = """  - problem: source-error
    field: key_facts[The Cluster area has 4 GP…].fact
    kind: total
    as_written: "4 GP practices"
    note: The community assets section counts 5 GP practices.
  - problem: source-error
    field: needs.md
    kind: placeholder
    as_written: check source
    note: The obesity figure is followed by the words 'check source'.
  - problem: plan-no-expected-results
    field: activities[blood-pressure-monitoring].expected_results
    kind: missing
    note: The activity table leaves the results expected of Blood Pressure Monitoring empty.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The fixture site, with Upper Valleys recording three mistakes of its source (one of them the results its
    Blood Pressure Monitoring row leaves out) and North East Flintshire's finance table giving Frail and
    Vulnerable Service another amount than its activity table."""
    root = site_repo(tmp_path_factory.mktemp("flags") / "repo")
    uv = root / UV_PLAN
    text = uv.read_text(encoding="utf-8")
    results = ("    expected_results:\n      - Early diagnosis of Hypertension\n"
               "      - More patients with blood pressure in the target range\n")
    assert text.count(results) == 1
    uv.write_text(text.replace(results, "") + "\nknown_issues:\n" + RECORDED, encoding="utf-8")
    nef = root / NEF_PLAN
    text = nef.read_text(encoding="utf-8")
    nef.write_text(text.replace("    - item: Frail and Vulnerable Service\n      amount: £18,500\n",
                                "    - item: Frail and Vulnerable Service\n      amount: £18,000\n"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def seen(html: str) -> str:
    """The text a reader sees (and a screen reader reads) of a piece of a page."""
    # Blocks (cells, items, paragraphs, and a flag, which stands on a line of its own) part the words.
    text = re.sub(r"</?(?:td|th|tr|li|ul|p|div|br|table|caption|thead|tbody|tfoot|dt|dd|h\d)\b[^>]*>|<span class=\"cp-source-flag[^>]*>",
                  " ", html)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", html_lib.unescape(text)).strip()


def page(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):]


def part(html: str, start: str, end: str) -> str:
    i = html.index(start)
    return html[i:html.index(end, i)]


def test_misprinted_figure_is_flagged_in_its_finance_line(site: Path):
    finance = part(page(site, NEF_2023), '<table class="cp-finance-table">', "</table>")
    line = part(finance, "Phlebotomy", "</tr>")
    assert '<span class="cp-flagged">' in line
    # A small numbered marker opens to the note, in neutral words: what the source printed, what is wrong.
    assert ("· figure As printed: “£77,0194.24”. The plan prints the cost of Phlebotomy as"
            " £77,0194.24, which is not a valid figure; the activity table gives its budget as TBC.") in seen(line)
    assert "Source error" not in seen(line) and 'popovertarget="note-' in line


def test_total_to_be_confirmed_is_shown_as_written(site: Path):
    foot = part(page(site, NEF_2023), "<tfoot>", "</tfoot>")
    assert seen(foot) == "Total £TBC"


def test_disagreement_is_flagged_at_the_activity_and_at_its_finance_line(site: Path):
    html = page(site, NEF_2023)
    row = part(html, 'id="activity-frail-and-vulnerable"', "</tr>")
    message = ("tables disagree the activity table gives 'Frail and vulnerable Service' a"
               " budget of £18,500, but the finance line 'Frail and Vulnerable Service' says £18,000")
    assert message in seen(row)
    # One anchor and one note, at the activity; the finance line it concerns links to it.
    number = re.search(r'id="(flag-\d+)"', row)[1]
    line = part(part(html, '<table class="cp-finance-table">', "</table>"), "Frail and Vulnerable Service", "</tr>")
    assert f'href="#{number}"' in line and message not in seen(line)
    assert html.count(f'id="{number}"') == 1 and f'href="#{number}"' in html


def test_recorded_mistakes_are_flagged_at_the_key_fact_and_the_prose_section(site: Path):
    html = page(site, UV)
    facts = part(html, '<ul class="cp-key-facts">', "</ul>")
    # The note's number is its place among the plan's notes; the words beside it are what a reader sees.
    assert re.search(r"The Cluster area has 4 GP practices \(1 of which operates branch practices\)\. ?⚠︎Note (\d+)"
                     r"Note \1 · total As printed: “4 GP practices”\. The community assets section counts 5 GP "
                     r"practices\.", seen(facts)), seen(facts)
    needs = part(html, 'id="needs"', "</div>")
    assert ("note left in As printed: “check source”. The obesity figure is followed by the words"
            " 'check source'.") in seen(needs)
    assert "⚠" in facts and 'aria-hidden="true">⚠' in facts  # the sign is seen, the words are read


def test_results_the_source_leaves_out_are_flagged_in_the_activitys_results_cell(site: Path):
    row = part(page(site, UV), 'id="activity-blood-pressure-monitoring"', "</tr>")
    cells = re.findall(r"<td\b.*?</td>", row, re.S)
    results = cells[2]  # new or existing, description, then the results expected
    assert '<span class="cp-flagged">' in results
    assert seen(results).endswith("· missing The activity table leaves the results expected of Blood"
                                  " Pressure Monitoring empty. All notes")


def test_committed_budget_says_where_it_comes_from(site: Path):
    stated = part(page(site, UV), "<dt>Committed budget</dt>", "</dd>")
    assert seen(stated) == ("Committed budget £202,382.50 (the total the plan states); 1 of 3 activity budgets to be"
                            " confirmed")
    derived = part(page(site, NEF_2022), "<dt>Committed budget</dt>", "</dd>")
    assert seen(derived) == ("Committed budget £37,000 (derived, not stated in the plan: the sum of the 2 of its 4"
                             " finance lines that give an amount; the plan gives its total as “£TBC”); 3 of 5"
                             " activity budgets to be confirmed")


def test_data_quality_page_counts_flags_by_kind_and_by_plan(site: Path):
    html = page(site, "data-quality")
    kinds = part(html, '<table class="cp-quality-kinds">', "</table>")
    rows = {seen(r).rsplit(" ", 3)[0]: seen(r).rsplit(" ", 3)[1:] for r in re.findall(r"<tr><th scope=\"row\">.*?</tr>",
                                                                                     kinds)}
    assert rows == {"figure": ["1", "1", "1"], "total": ["1", "1", "1"], "tables disagree": ["1", "0", "1"],
                    "note left in": ["1", "1", "1"], "missing": ["1", "1", "1"]}
    uv = part(html, f'id="swansea-bay-upper-valleys-2022-23"', "</table>")
    assert "Source errors flagged: 3: total 1 · note left in 1 · missing 1" in seen(uv)


def test_welsh_page_flags_in_welsh_with_the_note_marked_english(site: Path):
    html = page(site, f"cy/{UV}")
    facts = part(html, '<ul class="cp-key-facts">', "</ul>")
    assert re.search(r"Nodyn \d+ · cyfanswm Fel y'i hargraffwyd: “4 GP practices”\.", seen(facts)), seen(facts)
    assert '<span class="cp-flag-note" lang="en">The community assets section counts 5 GP practices.</span>' in facts
    assert "Gwallau yn y ffynhonnell wedi'u nodi: 3" in seen(page(site, "cy/data-quality"))


def test_a_rules_finding_on_a_welsh_page_is_in_welsh(site: Path):
    # The checker's own words are the catalogue's, in Welsh; the plan's titles and figures stay as written.
    html = page(site, f"cy/{NEF_2023}")
    row = part(html, 'id="activity-frail-and-vulnerable"', "</tr>")
    assert ("mae tabl y gweithgareddau yn rhoi cyllideb o £18,500 i 'Frail and vulnerable Service', ond mae'r"
            " llinell gyllid 'Frail and Vulnerable Service' yn dweud £18,000") in seen(row)
    note = re.search(r'<span class="cp-flag-note"[^>]*>mae tabl y gweithgareddau', row)[0]
    assert 'lang="en"' not in note


def test_the_welsh_data_quality_page_says_each_problem_in_welsh(site: Path):
    html = page(site, "cy/data-quality")
    uv = seen(part(html, 'id="swansea-bay-upper-valleys-2022-23"', "</table>"))
    assert "Cyllideb i'w chadarnhau" in uv and "budget-tbc" not in uv
    assert "mae cyllideb 'Blood Pressure Monitoring' eto i'w chadarnhau" in uv
    assert "is to be confirmed" not in uv and "Budget to be confirmed" not in uv
    # A known issue's note is the plan's own words: shown as written, marked as English.
    assert re.search(r'\(gwall hysbys yn y ffynhonnell: <span lang="en">[^<]+</span>\)', html)
