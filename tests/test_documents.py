"""The compiled documents: the board's annual document and one plan, as PDF and Word, read back as a reader's
tools read them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as read_docx
from pypdf import PdfReader

from document_coverage import coverage, docx_text, pdf_text
from generator.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = Path("/work/shared/seeds/001_aed6f578f2b5ac42.txt")


def compile_to(tmp_path: Path, *args: str) -> Path:
    output = tmp_path / args[-1]
    result = CliRunner().invoke(cli, ["compile", *args[:-1], "--output", str(output), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture(scope="module")
def board_pdf(tmp_path_factory) -> Path:
    return compile_to(tmp_path_factory.mktemp("pdf"), "betsi-cadwaladr", "2022-23", "bcu.pdf")


@pytest.fixture(scope="module")
def board_docx(tmp_path_factory) -> Path:
    return compile_to(tmp_path_factory.mktemp("docx"), "betsi-cadwaladr", "2022-23", "bcu.docx")


def test_pdf_is_tagged_titled_bookmarked_with_fonts_embedded(board_pdf: Path):
    reader = PdfReader(board_pdf)
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"
    assert reader.metadata.title == "Betsi Cadwaladr University Health Board: Annual Cluster Plans 2022/2023"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:3] == ["Introduction", "2022/23 Cluster Plans: an overview", "1. East Area Plans"]
    fonts = {font["/BaseFont"] for page in reader.pages[:6]
             for font in (page["/Resources"].get("/Font") or {}).values()}
    assert fonts and all(("+" in str(name)) for name in fonts)  # subset fonts, embedded in the file


def test_pdf_is_the_same_bytes_each_time(board_pdf: Path, tmp_path: Path):
    again = compile_to(tmp_path, "betsi-cadwaladr", "2022-23", "again.pdf")
    assert again.read_bytes() == board_pdf.read_bytes()


def test_word_file_has_real_headings_and_tables_with_header_rows(board_docx: Path):
    document = read_docx(str(board_docx))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Introduction") in headings
    assert ("Heading 2", "1.1 South Wrexham Cluster") in headings
    assert ("Heading 3", "Cluster Executive Summary") in headings
    activity_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Activity/ project title"]
    assert len(activity_tables) == 14
    header = activity_tables[0].rows[0]._tr
    assert header.trPr is not None and header.trPr.xpath("./w:tblHeader")


def test_the_compiled_document_holds_the_seed_in_its_order(board_pdf: Path, board_docx: Path):
    # pdftotext comes with poppler-utils, which tools/run-tests installs; the seed is the board's own document.
    seed = SEED.read_text(encoding="utf-8")
    assert coverage(seed, docx_text(board_docx)).share >= 0.98
    assert coverage(seed, pdf_text(board_pdf)).share >= 0.98


def test_a_table_row_is_never_cut_off_at_the_foot_of_a_page(board_pdf: Path):
    # A row of the Conwy West activities is longer than the space left on its page: it goes whole onto the next
    # page instead of running under the footer, so the words of its cells are all there, in order.
    text = " ".join(pdf_text(board_pdf).split())
    assert ("Recruit Advanced Nurse Practitioners. Work closely with the CRT to reduce unscheduled admissions. "
            "Contributing to enable people to have End of Life Care in their place of choice.") in text


def test_word_file_opens_in_libreoffice_with_each_list_numbered_from_one(board_docx: Path, tmp_path: Path):
    # LibreOffice Writer (which tools/run-tests installs) reads the file as an office suite does and lays it out.
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(board_docx)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    laid_out = tmp_path / "bcu.pdf"
    assert len(PdfReader(laid_out).pages) > 100
    text = subprocess.run(["pdftotext", str(laid_out), "-"], capture_output=True, text=True, check=True).stdout
    # Word numbers a list itself: each plan's key actions start again at 1, not where the last plan's ended.
    assert text.count("1. As a whole, the Cluster is committed to") == text.count("As a whole, the Cluster is") > 1


@pytest.mark.parametrize("args, message", [
    (["nowhere", "2022-23", "--output", "x.pdf"], "there is no health board 'nowhere'"),
    (["powys", "2022-23", "--output", "x.pdf"], "has no plan for 2022-23"),
    (["betsi-cadwaladr", "2022-23", "--output", "x.txt"], "must end in .pdf (a PDF) or .docx"),
])
def test_refusals_are_said_in_words(args: list[str], message: str, tmp_path: Path):
    result = CliRunner().invoke(cli, ["compile", *args[:-1], str(tmp_path / args[-1]), "--root", str(ROOT)])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.fixture
def given_to_compile(monkeypatch) -> list[list[tuple[str, str | None, str]]]:
    """What each call of document_files gives the workers to compile (they are fresh processes, where nothing
    patched here reaches): (plan folder or board, year of a board's year, language) of each document, sorted."""
    from generator.documents import published

    given: list[list[tuple[str, str | None, str]]] = []
    share_out = published.share_out

    def recording(stage, function, units, jobs=None, fresh=False):
        given.append(sorted((getattr(u.record, "folder", None) or u.record.board.slug, u.year, u.language)
                            for u in units))
        return share_out(stage, function, units, jobs, fresh)

    monkeypatch.setattr(published, "share_out", recording)
    return given


def test_the_sites_documents_are_compiled_once_and_kept_for_the_next_build(tmp_path: Path, given_to_compile):
    from generator.checks.validate import validate
    from generator.core import i18n
    from generator.documents import published

    repository = validate(ROOT, [ROOT / "clusters" / "swansea-bay"]).repository
    translations = i18n.words()
    kept = tmp_path / "documents"
    first = published.document_files(repository, translations, ROOT / "templates", 1, kept)
    assert [page.path for page in first] == [
        "swansea-bay/upper-valleys/2022-23/upper-valleys-2022-23.pdf",
        "swansea-bay/upper-valleys/2022-23/upper-valleys-2022-23.docx",
        "swansea-bay/upper-valleys/2022-23/upper-valleys-2022-23-cy.pdf",
        "swansea-bay/upper-valleys/2022-23/upper-valleys-2022-23-cy.docx",
        "swansea-bay/swansea-bay-cluster-plans-2022-23.pdf", "swansea-bay/swansea-bay-cluster-plans-2022-23.docx",
        "swansea-bay/swansea-bay-cluster-plans-2022-23-cy.pdf", "swansea-bay/swansea-bay-cluster-plans-2022-23-cy.docx"]

    # The second time, no document is compiled again.
    again = published.document_files(repository, translations, ROOT / "templates", 1, kept)
    assert given_to_compile[1] == [], "compiled again"
    assert [(page.path, page.content) for page in again] == [(page.path, page.content) for page in first]


def test_a_change_compiles_only_the_documents_made_from_it(tmp_path: Path, given_to_compile):
    """Documents are taken as the last build made them when what they are made from is the same; a change to a
    plan makes again only that plan's documents and its board's year."""
    import dataclasses

    from generator.checks.validate import validate
    from generator.core import i18n
    from generator.documents import published
    from plan_testing import FIXTURE_REPO

    repository = validate(FIXTURE_REPO).repository
    translations = i18n.words()
    kept = tmp_path / "documents"
    given = given_to_compile
    first = {page.path: page.content for page in
             published.document_files(repository, translations, ROOT / "templates", 2, kept)}
    assert len(given[0]) == len(first) // 2  # every document, once per language, each in both formats
    again = {page.path: page.content for page in
             published.document_files(repository, translations, ROOT / "templates", 2, kept)}
    assert given[1] == [] and again == first

    plan = next(p for p in repository.plans if p.folder.endswith("north-west-flintshire/2022-23"))
    name, versions = next(iter(plan.prose.items()))
    plan.prose[name] = {language: dataclasses.replace(prose, text=prose.text + "\n\nA sentence the lead added.\n")
                        for language, prose in versions.items()}
    changed = {page.path: page.content for page in
               published.document_files(repository, translations, ROOT / "templates", 2, kept)}
    assert given[2] == sorted([(plan.folder, None, "cy"), (plan.folder, None, "en"),
                               ("betsi-cadwaladr", plan.year, "cy"), ("betsi-cadwaladr", plan.year, "en")])
    differ = {path for path in first if changed[path] != first[path]}
    assert differ == {path for path in first if "north-west-flintshire/2022-23/" in path
                      or path.startswith(f"betsi-cadwaladr/betsi-cadwaladr-cluster-plans-{plan.year}")}
