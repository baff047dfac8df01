"""Word in: every plan exported to Word and imported back is the same plan; a lead's edits made in Word come back
as exactly those edits in `git diff`, each doubt reported with its place in the Word document and in the plan."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document as open_docx
from docx.text.paragraph import Paragraph

from generator.authoring.word_import import import_into_plan
from generator.checks.validate import validate
from generator.cli import cli
from generator.core import i18n
from generator.documents.compile import Compiler
from generator.documents.word import docx_bytes

ROOT = Path(__file__).resolve().parents[1]
LEFT_OUT = {".git", ".venv", ".build", "node_modules", "site", "benchmarks", "tests", "__pycache__"}
ARFON = "clusters/betsi-cadwaladr/arfon/2022-23"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of this repository's plans, templates and content, committed, so that `git diff` shows an import."""
    copy_of = tmp_path / "repo"
    # The repository's own files as they are (what a build or a preview is writing beside them stays out).
    for name in git(ROOT, "ls-files").splitlines():
        if name.split("/", 1)[0] not in LEFT_OUT and (ROOT / name).is_file():
            (copy_of / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / name, copy_of / name)
    git(copy_of, "init", "-q")
    git(copy_of, "add", "-A")
    git(copy_of, "-c", "user.email=lead@example.org", "-c", "user.name=Lead", "commit", "-q", "-m", "plans")
    return copy_of


def export(repo: Path, plan: str, tmp_path: Path, language: str = "en") -> Path:
    output = tmp_path / f"{plan.replace('/', '-')}-{language}.docx"
    result = CliRunner().invoke(cli, ["compile", plan.removeprefix("clusters/"), "--output", str(output),
                                      "--language", language, "--root", str(repo)])
    assert result.exit_code == 0, result.output
    return output


def bring_in(repo: Path, docx: Path, plan: str):
    return CliRunner().invoke(cli, ["import", str(docx), "--into", str(repo / plan), "--root", str(repo)])


def test_every_plan_exported_to_word_and_imported_back_is_the_same_plan(repo: Path):
    validation = validate(repo)
    plans = validation.repository.plans
    # Every plan of the repository, however many there are: each is read back from its own Word file.
    assert len(plans) == len(list((repo / "clusters").glob("*/*/*/plan.yaml")))
    for language in ("en", "cy"):
        compiler = Compiler(validation.repository, i18n.words(), language)
        for plan in plans:
            imported = import_into_plan(docx_bytes(compiler.one_plan(plan)), plan, compiler, repo)
            assert (plan.folder, language, imported.written, imported.problems) == (plan.folder, language, [], [])
    assert git(repo, "status", "--porcelain") == ""
    checked = CliRunner().invoke(cli, ["validate", "--root", str(repo)])
    assert checked.exit_code == 0, checked.output
    compared = CliRunner().invoke(cli, ["diff", "--base", "HEAD", "--root", str(repo)])
    assert "No plan changed." in compared.output, compared.output


def edit_as_a_lead(exported: Path, edited: Path) -> None:
    """What a lead does in Word: a new budget, a row added to the activity table, a paragraph added."""
    document = open_docx(str(exported))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Activity/ project title")
    assert table.rows[1].cells[0].text == "COVID recovery"
    table.rows[1].cells[6].paragraphs[0].runs[0].text = "£95,000"
    row = table.add_row()
    for cell, text in zip(row.cells, ["Social prescribing link worker", "New",
                                      "A link worker in every practice to connect patients with community groups",
                                      "Fewer repeat GP appointments", "A Healthier Wales", "Community infrastructure",
                                      "£30,000", "Cluster funds", "Not yet started", ""]):
        cell.text = text
    first = next(p for p in document.paragraphs if p.text.startswith("The Arfon Cluster has worked"))
    added = copy.deepcopy(first._p)
    first._p.addnext(added)
    paragraph = Paragraph(added, first._parent)
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = "We will also open a second hub in Caernarfon in the autumn."
    document.save(str(edited))


def test_a_leads_edits_in_word_come_back_as_exactly_those_edits(repo: Path, tmp_path: Path):
    edited = tmp_path / "arfon-edited.docx"
    edit_as_a_lead(export(repo, ARFON, tmp_path), edited)
    result = bring_in(repo, edited, ARFON)
    assert result.exit_code == 0, result.output
    changed = [line for line in git(repo, "diff", "-U0").splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        "+We will also open a second hub in Caernarfon in the autumn.",
        "+",
        '-    budget: "£90,000"',
        '+    budget: "£95,000"',
        "+  - id: social-prescribing-link-worker",
        "+    title: Social prescribing link worker",
        "+    new_or_existing: new",
        "+    new_or_existing_detail: New",
        "+    description: A link worker in every practice to connect patients with community groups",
        "+    expected_results:",
        "+      - Fewer repeat GP appointments",
        "+    ministerial_priorities:",
        "+      - A Healthier Wales",
        "+    sppc_priorities:",
        "+      - Community infrastructure",
        "+    budget: £30,000",
        "+    funding_sources:",
        "+      - Cluster funds",
        "+    status_detail: Not yet started",
    ]
    # Each doubt names its place in the plan and in the Word document; the figure is as the lead typed it.
    assert f"{ARFON}/plan.yaml:54:0: warning import-figure-as-written: the figure '£95,000' (under the heading" \
        in result.output
    assert "table 3, row 2, cell 7)" in result.output
    assert "import-new-activity: a new row of the activity table (" in result.output
    assert "row 12) was added to the plan as the activity 'Social prescribing link worker'" in result.output
    assert CliRunner().invoke(cli, ["validate", "--root", str(repo), ARFON]).exit_code == 0


def test_what_has_no_place_in_the_plan_is_kept_where_the_lead_sees_it(repo: Path, tmp_path: Path):
    exported = export(repo, ARFON, tmp_path)
    document = open_docx(str(exported))
    finance = next(t for t in document.tables if t.rows[0].cells[0].text == "Project")
    finance.rows[1].cells[0].paragraphs[0].runs[0].text = "Practice support (revised)"
    document.add_heading("Our partners", level=2)
    document.add_paragraph("The county council and the third sector join the cluster's meetings.")
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    result = bring_in(repo, edited, ARFON)
    assert result.exit_code == 0, result.output
    appendix = (repo / ARFON / "appendix.md").read_text(encoding="utf-8")
    assert "## Imported from Word: not placed" in appendix
    assert "- Practice support (revised) (under the heading 'Finance and Workforce Profiles 2022/23', table 1, " \
           "row 2, cell 1)" in appendix
    assert "- The county council and the third sector join the cluster's meetings. (under the heading 'Our " \
           "partners', paragraph 1)" in appendix
    assert result.output.count("warning import-unplaced") == 2
    assert git(repo, "diff", "--stat", "--", f"{ARFON}/plan.yaml") == ""
    assert "import-unplaced" in codes_of(result.output)


def codes_of(output: str) -> set[str]:
    """The problem codes an import reported."""
    return {line.split(": ")[1].split()[-1] for line in output.splitlines() if ": warning " in line or ": error " in line}


def test_an_activity_row_deleted_in_word_is_reported_and_kept_in_the_plan(repo: Path, tmp_path: Path):
    exported = export(repo, ARFON, tmp_path)
    document = open_docx(str(exported))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Activity/ project title")
    assert table.rows[1].cells[0].text == "COVID recovery"
    table._tbl.remove(table.rows[1]._tr)
    edited = tmp_path / "row-deleted.docx"
    document.save(str(edited))
    result = bring_in(repo, edited, ARFON)
    assert result.exit_code == 0, result.output
    assert "import-row-removed" in codes_of(result.output)
    assert "the activity 'COVID recovery' is not in the Word document's activity table" in result.output
    # An import never takes a part of the plan away: the lead does, knowingly.
    assert git(repo, "diff", "--", f"{ARFON}/plan.yaml") == ""


def test_a_file_that_is_not_word_is_refused_in_words(repo: Path, tmp_path: Path):
    not_word = tmp_path / "plan.docx"
    not_word.write_text("not a Word file", encoding="utf-8")
    result = bring_in(repo, not_word, ARFON)
    assert result.exit_code == 1
    assert "it is not a Word document (.docx)" in result.output
    assert "Traceback" not in result.output
    new = bring_in(repo, not_word, "clusters/betsi-cadwaladr/arfon/2030-31")
    assert new.exit_code == 1 and "it is not a Word document (.docx)" in new.output
    assert not (repo / "clusters/betsi-cadwaladr/arfon/2030-31").exists()


def fill_in_as_a_lead(blank: Path, filled: Path) -> None:
    """A lead writes into the blank template: a paragraph and a list item under their headings, an activity in
    the table's first empty row, the finance table, and a part of their own."""
    document = open_docx(str(blank))

    def under(heading: str, text: str, style: str | None = None) -> None:
        at = next(p for p in document.paragraphs if p.text == heading)
        written = document.add_paragraph(text, style)
        at._p.addnext(written._p)

    under("Executive summary", "Our cluster serves 32,000 people from six practices in Dwyfor.")
    under("Challenges for this year", "Recruiting GPs to the Lleyn peninsula.", "List Bullet")
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Activity/ project title")
    for cell, text in zip(table.rows[1].cells, ["Audiology", "New", "First-contact audiology in two practices",
                                                "Shorter waits for hearing tests", "A Healthier Wales",
                                                "Community infrastructure", "£42,500", "Cluster funds", "Started",
                                                ""]):
        cell.text = text
    finance = next(t for t in document.tables if t.rows[0].cells[0].text == "Project")
    finance.rows[1].cells[1].text = "£250,000"
    finance.rows[2].cells[0].text, finance.rows[2].cells[1].text = "Audiology", "£42,5OO"
    finance.rows[-1].cells[1].text = "£42,500"
    document.add_heading("Our partners", level=2)
    document.add_paragraph("Gwynedd Council joins every meeting.")
    document.save(str(filled))


def test_a_blank_template_filled_in_in_word_becomes_a_draft_plan(repo: Path, tmp_path: Path):
    blank, filled = tmp_path / "blank.docx", tmp_path / "filled.docx"
    made = CliRunner().invoke(cli, ["template", "--docx", "--output", str(blank), "--root", str(repo)])
    assert made.exit_code == 0, made.output
    fill_in_as_a_lead(blank, filled)
    target = "clusters/betsi-cadwaladr/dwyfor/2024-25"
    result = bring_in(repo, filled, target)
    assert result.exit_code == 0, result.output
    folder = repo / target
    assert sorted(p.name for p in folder.iterdir()) == ["appendix.md", "challenges.md", "executive-summary.md",
                                                         "plan.yaml"]
    plan = (folder / "plan.yaml").read_text(encoding="utf-8")
    assert "status: draft\n" in plan
    assert "  allocation: £250,000\n  lines:\n  - item: Audiology\n    amount: £42,5OO\n  total: £42,500\n" in plan
    assert "- id: audiology\n  title: Audiology\n  new_or_existing: new\n" in plan
    assert "  budget: £42,500\n" in plan
    assert (folder / "executive-summary.md").read_text(encoding="utf-8") == \
        "# Executive summary\n\nOur cluster serves 32,000 people from six practices in Dwyfor.\n"
    assert (folder / "challenges.md").read_text(encoding="utf-8") == \
        "# Challenges for this year\n\n- Recruiting GPs to the Lleyn peninsula.\n"
    assert "- Gwynedd Council joins every meeting. (under the heading 'Our partners', paragraph 1)" in \
        (folder / "appendix.md").read_text(encoding="utf-8")
    # The letter O typed for a zero is kept as typed, and validate says the figure does not read as one.
    assert f"{target}/plan.yaml:11:0: warning import-figure-as-written: the figure '£42,5OO' (under the heading " \
           "'Finance', table 1, row 3, cell 2)" in result.output
    assert f"{target}/appendix.md:5:0: warning import-unplaced:" in result.output
    assert "as a draft (status: draft). 1 plan checked: 1 error" in result.output
    assert f"{target}/plan.yaml:11:13: error money-unparseable" in result.output.split("as a draft")[1]


def test_a_plan_exported_from_one_year_starts_another(repo: Path, tmp_path: Path):
    exported = export(repo, ARFON, tmp_path)
    target = "clusters/betsi-cadwaladr/arfon/2025-26"
    result = bring_in(repo, exported, target)
    assert result.exit_code == 0, result.output
    before = yaml.safe_load((repo / ARFON / "plan.yaml").read_text(encoding="utf-8"))
    after = yaml.safe_load((repo / target / "plan.yaml").read_text(encoding="utf-8"))
    assert [a["title"] for a in after["activities"]] == [a["title"] for a in before["activities"]]
    # Each budget as the plan prints it, with its words ('Cluster funds £54,000'), never made into a number.
    printed = [a.get("budget") for a in after["activities"]]
    assert "Cluster funds £54,000" in printed and "£90,000" in printed
    assert "Cluster funds" in printed  # the words the source printed in the budget's column, without the site's note
    assert sorted(p.name for p in (repo / target).glob("*.md")) == sorted(
        ["achievements.md", "appendix.md", "challenges.md", "difficulties.md", "executive-summary.md", "finance.md",
         "key-actions.md"])
    # The figures that are words and a figure stay as written; validate names each, at its line.
    errors = [line for line in result.output.splitlines() if ": error " in line]
    assert errors and all("error money-unparseable" in line for line in errors)


def test_the_imports_doubts_are_said_in_welsh_too(repo: Path, tmp_path: Path):
    edited = tmp_path / "arfon-edited.docx"
    edit_as_a_lead(export(repo, ARFON, tmp_path), edited)
    validation = validate(repo, [repo / ARFON])
    [plan] = validation.repository.plans
    compiler = Compiler(validation.repository, i18n.words(), "en")
    imported = import_into_plan(edited.read_bytes(), plan, compiler, repo)
    said = {problem.code: problem.message_in("cy") for problem in imported.problems}
    assert said["import-figure-as-written"].startswith(
        "mae'r ffigur '£95,000' (o dan y pennawd 'List activities or projects planned")
    assert said["import-figure-as-written"].endswith(", tabl 3, rhes 2, cell 7) wedi'i hysgrifennu yn y cynllun yn "
                                                     "union fel y mae'r ddogfen Word yn ei rhoi")
    assert ", tabl 3, rhes 12) at y cynllun fel y gweithgaredd 'Social prescribing link worker'" in \
        said["import-new-activity"]


@pytest.mark.parametrize("named", ["clusters/Betsi Cadwaladr/Arfon/2025-26", "clusters/BETSI-CADWALADR/arfon/2025-26"])
def test_a_plan_brought_in_under_a_name_goes_in_its_clusters_own_folder(repo: Path, tmp_path: Path, named: str):
    """--into written as a lead says the board and cluster: the plan goes where the site looks for it, and no
    folder of the other spelling is left behind."""
    exported = export(repo, ARFON, tmp_path)
    result = bring_in(repo, exported, named)
    assert result.exit_code == 0, result.output
    assert "Wrote clusters/betsi-cadwaladr/arfon/2025-26/" in result.output
    assert (repo / "clusters/betsi-cadwaladr/arfon/2025-26/plan.yaml").is_file()
    assert sorted(p.name for p in (repo / "clusters").iterdir() if p.is_dir()) == sorted(
        p.name for p in (ROOT / "clusters").iterdir() if p.is_dir())
