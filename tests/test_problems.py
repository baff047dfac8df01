"""Every problem in the catalogue, triggered by one mistake in a copy of the fixture repository.

Each test runs `cluster-plans validate` as a lead would, and asserts the exit code, the exact
`path:line:col: severity code: message` line and that a hint is printed under it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from generator.load.documents import MAX_ALIAS_EXPANSION, MAX_FILE_BYTES
from generator.problems.report import CATALOGUE, placeholders, required_values, text_of
from generator.schema.plan import SOURCE_ERROR_KINDS
from plan_testing import NEF_2022, NEF_2023, NWF_2022, UV_2022, CliResult, Repo, run_cli

NEF_PLAN = f"{NEF_2023}/plan.yaml"
NWF_PLAN = f"{NWF_2022}/plan.yaml"
UV_PLAN = f"{UV_2022}/plan.yaml"

MINISTERIAL = ("A Healthier Wales; Population health; Covid response; NHS recovery; Mental health and"
               " emotional wellbeing; Supporting the health and care workforce; NHS finance and managing"
               " within resources; Working alongside social care")


def reported(result: CliResult, file: str, line: int, col: int, severity: str, code: str, message: str) -> str:
    """Assert that the exact problem line is printed with a hint under it; return the hint."""
    hint = result.hint_after(f"{file}:{line}:{col}: {severity} {code}: {message}")
    assert hint
    return hint


def only_error(result: CliResult, file: str, line: int, code: str) -> None:
    """The run fails with exactly this one error."""
    assert result.exit_code == 1, result.output
    assert result.errors() == [(file, line, code)], result.output


def new_warnings(result: CliResult, pristine: CliResult) -> list[tuple[str, int, str]]:
    """Warnings beyond the fixture's own (for edits that keep every line where it was)."""
    return [w for w in result.warnings() if w not in pristine.warnings()]


@pytest.fixture
def pristine(repo: Repo) -> CliResult:
    """The fixture repository's own result: valid, with its known warnings."""
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0, result.output
    return result


# --- Files and YAML -------------------------------------------------------------


def test_fixture_repository_is_valid(repo: Repo):
    result = repo.validate()
    assert result.exit_code == 0, result.output
    assert result.errors() == []
    assert result.lines[-1] == "4 plans checked: 0 errors, 11 warnings"


def test_yaml_syntax(repo: Repo):
    repo.replace(NEF_PLAN, "title: North East Flintshire Cluster IMTP 2023/24",
                 "title: North East Flintshire: Cluster IMTP 2023/24")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "title: North East Flintshire:")
    only_error(result, NEF_PLAN, line, "yaml-colon-in-text")
    hint = reported(result, NEF_PLAN, line, 29, "error", "yaml-colon-in-text",
                    "this text contains ': ', which YAML reads as the start of another field")
    assert hint == 'Put the whole text in double quotes: title: "North East Flintshire: Cluster IMTP 2023/24"'
    excerpt = result.lines.index(f"{NEF_PLAN}:{line}:29: error yaml-colon-in-text: this text contains ': ', "
                                 "which YAML reads as the start of another field")
    assert result.lines[excerpt + 1:excerpt + 3] == [
        f"    {line} | title: North East Flintshire: Cluster IMTP 2023/24",
        "    " + " " * len(str(line)) + " | " + " " * 28 + "^"]


def test_yaml_bad_indentation_points_at_the_line(repo: Repo):
    repo.replace(NEF_PLAN, "      - Continued Recovery\n", "      - Continued Recovery\n     - Oops\n")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "     - Oops")
    only_error(result, NEF_PLAN, line, "yaml-item-depth")
    reported(result, NEF_PLAN, line, 6, "error", "yaml-item-depth",
             f"this list item is indented by 5 spaces, but the items above it (line {line - 1}) by 6 spaces")


def test_yaml_that_fits_no_known_mistake_is_still_told_in_plain_words(repo: Repo):
    # A directive line ('%YAML') in the middle of a file: rare enough to have no explanation of its own.
    repo.replace(NEF_PLAN, "\nleads:\n", "\n%YAML 1.2\nleads:\n")
    result = repo.validate()
    [(file, line, code)] = result.errors()
    assert (file, code) == (NEF_PLAN, "yaml-unreadable")
    hint = result.hint_after(f"{NEF_PLAN}:{line}:1: error yaml-unreadable: YAML cannot read the file from this point")
    assert hint.startswith("Check this line and the one above it")


def test_yaml_duplicate_key(repo: Repo):
    repo.replace(NEF_PLAN, "status: published\n", "status: published\nstatus: draft\n")
    result = repo.validate()
    first = repo.line_of(NEF_PLAN, "status: published")
    only_error(result, NEF_PLAN, first + 1, "yaml-duplicate-key")
    hint = reported(result, NEF_PLAN, first + 1, 1, "error", "yaml-duplicate-key",
                    f"'status' appears twice in the same block (first on line {first})")
    assert hint == "Delete one of the two, or merge their contents into one."


def test_yaml_duplicate_key_inside_an_activity(repo: Repo):
    repo.replace(NEF_PLAN, "    budget: £18,500\n", "    budget: £18,500\n    budget: £19,000\n")
    result = repo.validate("--format", "json")
    problems = json.loads(result.output)["problems"]
    duplicate = [p for p in problems if p["code"] == "yaml-duplicate-key"]
    assert [(p["line"], p["column"], p["field"]) for p in duplicate] == [
        (repo.line_of(NEF_PLAN, "budget: £19,000"), 5, "activities[1].budget")]


def test_yaml_python_object_tag_is_refused(repo: Repo):
    repo.replace(NEF_PLAN, "title: North East Flintshire Cluster IMTP 2023/24",
                 "title: !!python/object/apply:os.system [echo pwned]")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "!!python/object")
    only_error(result, NEF_PLAN, line, "yaml-forbidden-tag")
    hint = reported(result, NEF_PLAN, line, 8, "error", "yaml-forbidden-tag",
                    "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in plan files")
    assert "Remove the tag" in hint


def test_yaml_unknown_tag_is_refused(repo: Repo):
    repo.replace(NEF_PLAN, "    budget: £18,500\n", "    budget: !money 18500\n")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "!money")
    only_error(result, NEF_PLAN, line, "yaml-forbidden-tag")
    reported(result, NEF_PLAN, line, 13, "error", "yaml-forbidden-tag",
             "the tag '!money' is not allowed in plan files")


def test_yaml_merge_key_is_refused(repo: Repo):
    repo.replace(NEF_PLAN, "source:\n  document:", "source: &src\n  document:")
    repo.replace(NEF_PLAN, "\nleads:\n", "\nleads:\n  - <<: *src\n    name: Someone\n")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "<<: *src")
    only_error(result, NEF_PLAN, line, "yaml-forbidden-tag")
    reported(result, NEF_PLAN, line, 5, "error", "yaml-forbidden-tag", "the tag '<<' is not allowed in plan files")


@pytest.mark.parametrize("value, detail", [
    ("!!bool perhaps", "the value 'perhaps' cannot be read (not a yes/no value)"),
    ("!!map text", "the tag 'tag:yaml.org,2002:map' does not fit this value"),
    ("!!int twelve", "the value 'twelve' cannot be read (not a whole number)"),
    ("!!float", "the value '' cannot be read (not a number)"),
])
def test_yaml_standard_tag_that_does_not_fit_its_value(repo: Repo, value: str, detail: str):
    repo.replace(NEF_PLAN, "title: North East Flintshire Cluster IMTP 2023/24", f"title: {value}")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, f"title: {value}")
    only_error(result, NEF_PLAN, line, "yaml-syntax")
    reported(result, NEF_PLAN, line, 8, "error", "yaml-syntax", f"this is not valid YAML: {detail}")


def test_yaml_alias_bomb_is_stopped(repo: Repo):
    bomb = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        bomb.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    repo.write(NEF_PLAN, "\n".join(bomb) + "\n")
    result = repo.validate()
    assert result.exit_code == 1
    [(file, line, code)] = result.errors()
    assert (file, code) == (NEF_PLAN, "yaml-alias-limit")
    assert re.search(rf"^{re.escape(NEF_PLAN)}:\d+:\d+: error yaml-alias-limit: the file expands aliases to more"
                     rf" than {MAX_ALIAS_EXPANSION} values$", result.output, re.M)
    assert "    hint: Write the values out instead of repeating them with '*' aliases." in result.lines


def test_yaml_a_few_aliases_are_accepted(repo: Repo, pristine: CliResult):
    first, *others = repo.read(NEF_PLAN).split("    funding_sources: [Cluster funding]\n")
    repo.write(NEF_PLAN, first + "    funding_sources: &cluster [Cluster funding]\n"
               + "    funding_sources: *cluster\n".join(others))
    assert len(others) == 4
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0, result.output
    assert result.problems() == pristine.problems()


def test_symlinked_plan_file_is_refused(repo: Repo):
    plan = repo.path(NEF_PLAN)
    real = repo.path("clusters/plan-source.yaml.txt")
    plan.rename(real)
    plan.symlink_to(os.path.relpath(real, plan.parent))
    result = repo.validate()
    only_error(result, NEF_PLAN, 0, "file-unsafe-path")
    hint = reported(result, NEF_PLAN, 0, 0, "error", "file-unsafe-path", "the file is a symbolic link")
    assert hint == "Replace the link with the file itself, inside the repository."


def test_symlinked_prose_file_is_refused(repo: Repo):
    prose = repo.path(f"{NEF_2023}/achievements.md")
    prose.unlink()
    prose.symlink_to("difficulties.md")
    result = repo.validate()
    only_error(result, f"{NEF_2023}/achievements.md", 0, "file-unsafe-path")


def test_file_resolving_outside_the_repository_is_refused(repo: Repo, tmp_path: Path):
    outside = tmp_path / "elsewhere" / "2024-25"
    shutil.copytree(repo.path(NEF_2023), outside)
    plan = outside / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2023-24", "year: 2024-25"), encoding="utf-8")
    folder = "clusters/betsi-cadwaladr/north-east-flintshire/2024-25"
    repo.path(folder).symlink_to(outside, target_is_directory=True)
    result = repo.validate()
    assert result.exit_code == 1
    files = sorted(p.name for p in outside.iterdir())
    assert result.errors() == [(f"{folder}/{name}", 0, "file-unsafe-path") for name in files]
    reported(result, f"{folder}/plan.yaml", 0, 0, "error", "file-unsafe-path",
             "the file resolves to a place outside the repository")


def test_file_over_the_size_limit(repo: Repo):
    text = repo.read(NEF_PLAN) + "# " + "x" * MAX_FILE_BYTES + "\n"
    repo.write(NEF_PLAN, text)
    size = len(text.encode("utf-8"))
    result = repo.validate()
    only_error(result, NEF_PLAN, 0, "file-too-large")
    reported(result, NEF_PLAN, 0, 0, "error", "file-too-large",
             f"the file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes")


def test_prose_file_over_the_size_limit(repo: Repo):
    prose = f"{NEF_2023}/challenges.md"
    repo.write(prose, "# Challenges\n\n" + "Workforce. " * (MAX_FILE_BYTES // 10))
    result = repo.validate()
    only_error(result, prose, 0, "file-too-large")


def test_invalid_utf8(repo: Repo):
    # A Windows-1252 pound sign, as Word exports write it.
    raw = repo.path(NEF_PLAN).read_bytes().replace("    budget: £18,500".encode(), b"    budget: \xa318,500")
    repo.path(NEF_PLAN).write_bytes(raw)
    line = raw.split(b"\n").index(b"    budget: \xa318,500") + 1
    result = repo.validate()
    only_error(result, NEF_PLAN, line, "file-encoding")
    hint = reported(result, NEF_PLAN, line, 13, "error", "file-encoding", "byte 0xa3 is not valid UTF-8: it is £ as"
                    " Windows saves it (Windows-1252), so the file is not saved as UTF-8")
    assert "UTF-8" in hint


def test_invalid_utf8_in_prose(repo: Repo):
    prose = f"{NEF_2023}/difficulties.md"
    repo.path(prose).write_bytes(b"# Difficulties\n\nCaf\xe9 culture\n")
    result = repo.validate()
    only_error(result, prose, 3, "file-encoding")
    reported(result, prose, 3, 4, "error", "file-encoding", "byte 0xe9 is not valid UTF-8: it is é as Windows saves it"
             " (Windows-1252), so the file is not saved as UTF-8")


def test_a_byte_no_encoding_gives_a_character_is_named_by_its_value(repo: Repo):
    prose = f"{NEF_2023}/difficulties.md"
    repo.path(prose).write_bytes(b"# Difficulties\n\nCaf\x81 culture\n")
    result = repo.validate()
    reported(result, prose, 3, 4, "error", "file-encoding", "byte 0x81 is not valid UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_file_saved_as_utf16_is_told_so(repo: Repo, encoding: str):
    """Notepad's and Word's 'Unicode' is UTF-16, with or without its byte order mark."""
    for rel in (NEF_PLAN, f"{NEF_2023}/difficulties.md"):
        repo.path(rel).write_bytes(repo.read(rel).encode(encoding))
        result = repo.validate()
        hint = reported(result, rel, 1, 1, "error", "file-encoding",
                        "the file is saved as UTF-16 (what Notepad and Word call 'Unicode'), not as UTF-8")
        assert "Save the file as UTF-8" in hint
        repo.path(rel).write_bytes(repo.path(rel).read_bytes().decode(encoding).encode("utf-8"))


# Characters a plan's text cannot be published with (pages, PDF and Word files): pasted into a section, or into
# a field, where the online editor writes them as escapes in double quotes.
UNPUBLISHABLE = [
    ("\x0b", "Word's manual line break", "a line break from a word processor or web page (U+000B)", "Replace it"),
    ("\x0c", "Word's page break", "a line break from a word processor or web page (U+000C)", "Replace it"),
    ("\u2028", "a web page's line separator", "a line break from a word processor or web page (U+2028)",
     "Replace it"),
    ("\x07", "a bell", "an invisible control character (U+0007)", "Delete it"),
    ("\x1b", "an escape", "an invisible control character (U+001B)", "Delete it"),
]


@pytest.mark.parametrize("char, name, named, fix", UNPUBLISHABLE, ids=[case[1] for case in UNPUBLISHABLE])
def test_a_character_a_section_cannot_be_published_with_is_named_where_it_is(repo: Repo, char, name, named, fix):
    prose = f"{NEF_2023}/difficulties.md"
    repo.write(prose, repo.read(prose).replace("the recruitment and", f"the recruitment{char}and", 1))
    result = repo.validate()
    only_error(result, prose, 3, "text-pasted-character")
    hint = reported(result, prose, 3, 32, "error", "text-pasted-character",
                    f"there is {named} between 'recruitment' and 'and', which cannot be published in a page, a PDF"
                    " or a Word file")
    assert fix in hint
    # The quoted line stays one line, the character shown where it is.
    shown = "↵" if fix == "Replace it" else chr(0x2400 + ord(char))
    assert any(line.endswith(f"| Sustainability: the recruitment{shown}and retention of staff has been problematic"
                             " affecting the demand and capacity offered to patients.") for line in result.lines), \
        result.output


@pytest.mark.parametrize("char, name, named, fix", UNPUBLISHABLE, ids=[case[1] for case in UNPUBLISHABLE])
def test_a_character_a_field_cannot_be_published_with_is_named_in_its_value(repo: Repo, char, name, named, fix):
    escaped = char.encode("unicode_escape").decode("ascii")
    repo.write(NEF_PLAN, repo.read(NEF_PLAN).replace("    title: Improving access\n",
                                                     f'    title: "Improving{escaped}access"\n', 1))
    line = repo.line_of(NEF_PLAN, "title: \"Improving")
    result = repo.validate()
    only_error(result, NEF_PLAN, line, "text-pasted-character")
    assert fix in reported(result, NEF_PLAN, line, 12, "error", "text-pasted-character",
                           f"there is {named} between 'Improving' and 'access', which cannot be published in a"
                           " page, a PDF or a Word file")


def test_nul_byte(repo: Repo):
    raw = repo.path(NEF_PLAN).read_bytes().replace(b"status: published\n", b"status: pub\x00lished\n")
    repo.path(NEF_PLAN).write_bytes(raw)
    line = repo.line_of(NEF_PLAN, "status: pub")
    result = repo.validate()
    only_error(result, NEF_PLAN, line, "file-encoding")
    reported(result, NEF_PLAN, line, 1, "error", "file-encoding",
             "the file contains a NUL byte, so it is not a text file")


def test_utf8_bom_and_crlf_line_endings_are_accepted(repo: Repo, pristine: CliResult):
    for rel in (NEF_PLAN, f"{NEF_2023}/executive-summary.md", "clusters/swansea-bay/board.yaml"):
        text = repo.read(rel)
        repo.path(rel).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0, result.output
    # Same problems on the same lines: neither the BOM nor the CRs shift a line number.
    assert result.problems() == pristine.problems()


def test_old_mac_line_endings_are_accepted(repo: Repo, pristine: CliResult):
    repo.path(NWF_PLAN).write_bytes(repo.read(NWF_PLAN).replace("\n", "\r").encode("utf-8"))
    result = repo.validate("--acknowledged")
    assert result.problems() == pristine.problems()


# --- Folder layout and registry ---------------------------------------------------


def test_no_clusters_folder(tmp_path: Path):
    result = run_cli("validate", "--root", tmp_path, cwd=tmp_path)
    assert result.exit_code == 1
    hint = reported(result, "clusters", 0, 0, "error", "layout-no-clusters",
                    f"there is no clusters/ folder in {tmp_path.resolve()}")
    assert "--root" in hint


def test_unknown_board_folder_with_did_you_mean(repo: Repo):
    repo.write("clusters/swansea-bey/upper-valleys/2023-24/plan.yaml", repo.read(UV_PLAN))
    result = repo.validate()
    only_error(result, "clusters/swansea-bey", 0, "layout-unknown-board")
    hint = reported(result, "clusters/swansea-bey", 0, 0, "error", "layout-unknown-board",
                    "the folder 'swansea-bey' is not a health board in the registry; did you mean 'swansea-bay'?")
    assert hint == ("Board folders are: betsi-cadwaladr, swansea-bay. Rename the folder, or add a board.yaml"
                    " if this is a new board.")


def test_unknown_board_folder_without_a_close_name(repo: Repo):
    repo.write("clusters/powys/north-powys/2022-23/plan.yaml", "board: powys\n")
    result = repo.validate()
    reported(result, "clusters/powys", 0, 0, "error", "layout-unknown-board",
             "the folder 'powys' is not a health board in the registry")


def test_unknown_cluster_folder_with_did_you_mean(repo: Repo):
    folder = "clusters/betsi-cadwaladr/north-east-flintshre"
    repo.write(f"{folder}/2024-25/plan.yaml", repo.read(NEF_PLAN))
    result = repo.validate()
    only_error(result, folder, 0, "layout-unknown-cluster")
    hint = reported(result, folder, 0, 0, "error", "layout-unknown-cluster",
                    "the folder 'north-east-flintshre' is not a cluster of Betsi Cadwaladr University Health Board;"
                    " did you mean 'north-east-flintshire'?")
    assert "cluster.yaml" in hint


@pytest.mark.parametrize("name, fixed", [("2023-2024", "2023-24"), ("2023-25", ""), ("23-24", "2023-24"),
                                         ("2023_24", "2023-24"), ("2023 24", "2023-24"), ("2023–24", "2023-24"),
                                         ("plan 2023", "")])
def test_bad_year_folder(repo: Repo, name: str, fixed: str):
    folder = f"clusters/betsi-cadwaladr/north-east-flintshire/{name}"
    repo.path(NEF_2023).rename(repo.path(folder))
    result = repo.validate()
    only_error(result, folder, 0, "layout-bad-year")
    hint = reported(result, folder, 0, 0, "error", "layout-bad-year",
                    f"the folder '{name}' is not a financial year written YYYY-YY")
    general = "A plan year's folder is named after its financial year, e.g. 2023-24 for April 2023 to March 2024."
    assert hint == (f"Rename it to {fixed}. " if fixed else "") + general


def test_folder_name_that_is_not_a_slug(repo: Repo):
    folder = "clusters/betsi-cadwaladr/North East Flintshire"
    repo.path("clusters/betsi-cadwaladr/north-east-flintshire").rename(repo.path(folder))
    result = repo.validate()
    only_error(result, folder, 0, "layout-bad-slug")
    hint = reported(result, folder, 0, 0, "error", "layout-bad-slug",
                    "the folder name 'North East Flintshire' may only hold lowercase letters, digits and hyphens")
    assert hint == "Rename it to 'north-east-flintshire'."


def test_year_folder_without_plan(repo: Repo):
    folder = "clusters/betsi-cadwaladr/north-east-flintshire/2024-25"
    repo.write(f"{folder}/executive-summary.md", "# Cluster Executive Summary\n")
    result = repo.validate()
    only_error(result, folder, 0, "layout-missing-plan")
    hint = reported(result, folder, 0, 0, "error", "layout-missing-plan", "the folder '2024-25' has no plan.yaml")
    assert hint == "Create the plan with: cluster-plans new betsi-cadwaladr/north-east-flintshire 2024-25"


@pytest.mark.parametrize("name, suggestion", [
    ("summary.md", "; did you mean 'executive-summary.md'?"),
    ("risk.md", "; did you mean 'risks.md'?"),
    ("zzz.md", ""),
])
def test_unknown_prose_file(repo: Repo, name: str, suggestion: str):
    rel = f"{NEF_2023}/{name}"
    repo.write(rel, "# Notes\n")
    result = repo.validate()
    only_error(result, rel, 1, "layout-unknown-section")
    hint = reported(result, rel, 1, 1, "error", "layout-unknown-section",
                    f"'{name}' is not one of the plan's section files{suggestion}")
    assert hint.startswith("Section files are: executive-summary.md, forward-look.md, ")


@pytest.mark.parametrize("name", ["executive-summary-cy.md", "executive-summary_cy.md"])
def test_welsh_section_named_without_its_dot(repo: Repo, name: str):
    rel = f"{NEF_2023}/{name}"
    repo.write(rel, "# Crynodeb gweithredol\n")
    result = repo.validate()
    only_error(result, rel, 1, "layout-welsh-section-name")
    hint = reported(result, rel, 1, 1, "error", "layout-welsh-section-name",
                    f"'{name}' looks like the Welsh version of executive-summary.md, but Welsh sections end in .cy.md")
    assert hint == "Rename it to executive-summary.cy.md, so that it is published as the Welsh text of that section."


@pytest.mark.parametrize("name, fix", [
    ("challenges.cy.txt", "Rename it to challenges.cy.md."),
    ("needs.txt", "Rename it to needs.md."),
    ("plan.yml", "Rename it to plan.yaml."),
    ("minutes.docx", "Write prose as Markdown in a section file such as executive-summary.md, and delete this file"
                     " or move it out of the plan folder."),
    # A Word file named after a section: renaming it would not make it text.
    ("challenges.docx", "Copy its text into challenges.md, a Markdown section file, then delete this file or move it"
                        " out of the plan folder (to bring in a whole plan written in Word, use cluster-plans import)."),
    ("needs.pdf", "Copy its text into needs.md, a Markdown section file, then delete this file or move it out of the"
                  " plan folder (to bring in a whole plan written in Word, use cluster-plans import)."),
    # A text file whose new name is taken: renaming would overwrite the section.
    ("executive-summary.txt", "Copy its text into executive-summary.md, a Markdown section file, then delete this"
                              " file or move it out of the plan folder (to bring in a whole plan written in Word, use"
                              " cluster-plans import)."),
])
def test_a_file_the_plan_does_not_read_is_not_ignored(repo: Repo, name: str, fix: str):
    rel = f"{NEF_2023}/{name}"
    repo.write(rel, "text\n")
    result = repo.validate()
    only_error(result, rel, 1, "layout-unread-file")
    hint = reported(result, rel, 1, 1, "error", "layout-unread-file",
                    f"'{name}' is not read: a plan folder holds plan.yaml and Markdown section files (.md) only")
    assert hint == fix


@pytest.mark.parametrize("key, old, new, expected", [
    ("cluster", "cluster: north-east-flintshire", "cluster: north-west-flintshire", "north-east-flintshire"),
    ("year", "year: 2023-24", "year: 2022-23", "2023-24"),
    ("board", "board: betsi-cadwaladr", "board: swansea-bay", "betsi-cadwaladr"),
])
def test_plan_does_not_match_its_folder(repo: Repo, key: str, old: str, new: str, expected: str):
    repo.replace(NEF_PLAN, old, new)
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, new)
    only_error(result, NEF_PLAN, line, "layout-mismatch")
    hint = reported(result, NEF_PLAN, line, len(key) + 3, "error", "layout-mismatch",
                    f"the file says {key}: {new.split(': ')[1]}, but it is in the folder for {expected}")
    assert hint == f"Set {key}: {expected}, or move the file to the right folder."


def test_cluster_yaml_slug_does_not_match_its_folder(repo: Repo):
    rel = "clusters/betsi-cadwaladr/north-west-flintshire/cluster.yaml"
    repo.replace(rel, "slug: north-west-flintshire", "slug: north-west-flint")
    result = repo.validate()
    only_error(result, rel, 2, "layout-mismatch")
    reported(result, rel, 2, 7, "error", "layout-mismatch",
             "the file says slug: north-west-flint, but it is in the folder for north-west-flintshire")


def test_two_clusters_share_a_name(repo: Repo):
    rel = "clusters/betsi-cadwaladr/north-west-flintshire/cluster.yaml"
    repo.write(rel, repo.read(rel) + "aliases:\n- NWF\n- N.E.F.\n- NEF\n")
    result = repo.validate()
    line = repo.line_of(rel, "- NEF")
    only_error(result, rel, line, "registry-duplicate-name")
    hint = reported(result, rel, line, 3, "error", "registry-duplicate-name",
                    "the name 'NEF' is used by both betsi-cadwaladr/north-east-flintshire and"
                    " betsi-cadwaladr/north-west-flintshire")
    assert hint == "Each name or alias must find exactly one cluster; remove it from one of them."


def test_maintainer_that_is_not_a_handle(repo: Repo):
    rel = "clusters/swansea-bay/upper-valleys/cluster.yaml"
    repo.write(rel, repo.read(rel) + "maintainers:\n- rjones\n- Rebecca Jones\n")
    result = run_cli("codeowners", cwd=repo.root)
    line = repo.line_of(rel, "- Rebecca Jones")
    assert result.exit_code == 1
    assert result.errors() == [(rel, line, "registry-bad-maintainer")]
    hint = reported(result, rel, line, 3, "error", "registry-bad-maintainer",
                    "'Rebecca Jones' is not a GitHub handle")
    assert hint == "Write @user, @organisation/team or an e-mail address, e.g. @angharad-fletcher."


# --- Schema -----------------------------------------------------------------------


def test_missing_field(repo: Repo):
    repo.replace(NEF_PLAN, "    title: Audiology\n", "")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "- id: audiology")
    only_error(result, NEF_PLAN, line, "schema-missing-field")
    hint = reported(result, NEF_PLAN, line, 5, "error", "schema-missing-field", "'title' is required here but missing")
    assert hint == ("Add 'title:' to activity 5. See the plan template (generator/authoring/plan-template.yaml) for an"
                    " example.")


def test_missing_top_level_field(repo: Repo):
    repo.replace(NEF_PLAN, "year: 2023-24\n", "")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "board: betsi-cadwaladr")
    only_error(result, NEF_PLAN, line, "schema-missing-field")
    reported(result, NEF_PLAN, line, 1, "error", "schema-missing-field", "'year' is required here but missing")


def test_unknown_field_with_suggestion(repo: Repo):
    repo.replace(NEF_PLAN, "    budget: £18,500\n", "    budjet: £18,500\n")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "budjet")
    only_error(result, NEF_PLAN, line, "schema-unknown-field")
    hint = reported(result, NEF_PLAN, line, 5, "error", "schema-unknown-field",
                    "'budjet' is not a field of an activity; did you mean 'budget'?")
    assert hint.startswith("Allowed fields here: id, title, title_cy, new_or_existing, since, ")


def test_unknown_top_level_field(repo: Repo):
    repo.replace(NEF_PLAN, "\nactivities:\n", "\nactivites:\n")
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "activites:")
    only_error(result, NEF_PLAN, line, "schema-unknown-field")
    reported(result, NEF_PLAN, line, 1, "error", "schema-unknown-field",
             "'activites' is not a field of a plan; did you mean 'activities'?")


def test_unknown_field_without_suggestion(repo: Repo):
    repo.replace(UV_PLAN, "  - fact: The locality has 10 community pharmacies.\n",
                 "  - fact: The locality has 10 community pharmacies.\n    colour: green\n")
    result = repo.validate()
    line = repo.line_of(UV_PLAN, "colour: green")
    only_error(result, UV_PLAN, line, "schema-unknown-field")
    hint = reported(result, UV_PLAN, line, 5, "error", "schema-unknown-field",
                    "'colour' is not a field of a key fact")
    assert hint == "Allowed fields here: fact, source."


@pytest.mark.parametrize("old, new, message, hint", [
    ("leads:\n  - name: Dr Angharad Fletcher\n    role: North East Flintshire Cluster Lead\n",
     "leads: Dr Angharad Fletcher\n",
     "expected a list (lines starting with '- '), received text 'Dr Angharad Fletcher'",
     "The 'leads' of the plan should be a list (lines starting with '- '). Write each entry on a line of its own"
     " below 'leads:', starting with '- ', e.g. - Dr Angharad Fletcher"),
    ("    title: Audiology\n", "    title: [Audiology, Hearing]\n",
     "expected text, received a list: it is written as a list of 2 items",
     "The 'title' of activity 5 should be text. 'title' takes one piece of text: write the entries on its line, in"
     " place of the list: title: Audiology; Hearing"),
    ("  - id: audiology\n", "  - id: Social Prescribing\n",
     "expected a slug of lowercase letters, digits and hyphens, received text 'Social Prescribing': it has the"
     " capital letter S, which an id cannot hold",
     "The 'id' of activity 5, 'Audiology' should be a slug of lowercase letters, digits and hyphens."
     " Write it as social-prescribing: lowercase words joined by hyphens."),
    ("    since: 2022-23\n", "    since: 2022/23\n",
     "expected a financial year such as 2023-24, received text '2022/23': a financial year is written with a"
     " hyphen, not '/'",
     "The 'since' of activity 4, 'Phlebotomy' should be a financial year such as 2023-24. Write it as since: 2022-23"),
    ("    since: 2022-23\n", "    since: 2022-2023\n",
     "expected a financial year such as 2023-24, received text '2022-2023': the second year is written with two digits",
     "The 'since' of activity 4, 'Phlebotomy' should be a financial year such as 2023-24. Write it as since: 2022-23"),
    ("    title: Audiology\n", "    title: 2023\n", "expected text, received a number '2023'",
     "The 'title' of activity 5 should be text. Put it in quotes so that YAML reads it as text: title: \"2023\""),
])
def test_wrong_type(repo: Repo, old: str, new: str, message: str, hint: str):
    repo.replace(NEF_PLAN, old, new)
    result = repo.validate()
    first_new_line = new.splitlines()[0]
    line = repo.line_of(NEF_PLAN, first_new_line)
    col = len(first_new_line) - len(first_new_line.split(": ", 1)[1]) + 1
    # A year with a slash is reported at the slash itself.
    col += first_new_line.split(": ", 1)[1].find("/") if "/" in first_new_line else 0
    only_error(result, NEF_PLAN, line, "schema-wrong-type")
    assert reported(result, NEF_PLAN, line, col, "error", "schema-wrong-type", message) == hint


def test_wrong_type_of_whole_file(repo: Repo):
    repo.write(NEF_PLAN, "- board: betsi-cadwaladr\n- cluster: north-east-flintshire\n")
    result = repo.validate()
    only_error(result, NEF_PLAN, 1, "schema-wrong-type")
    hint = reported(result, NEF_PLAN, 1, 1, "error", "schema-wrong-type",
                    "expected a mapping of fields (lines like 'name: value'), received a list")
    assert hint == ("The whole file should be a mapping of fields (lines like 'name: value'), starting with a line"
                    " such as 'board: betsi-cadwaladr'.")


def test_empty_plan_file(repo: Repo):
    repo.write(NEF_PLAN, "# nothing yet\n")
    result = repo.validate()
    only_error(result, NEF_PLAN, 1, "schema-wrong-type")
    reported(result, NEF_PLAN, 1, 1, "error", "schema-wrong-type",
             "expected a mapping of fields (lines like 'name: value'), received nothing")


def test_value_that_fits_no_alternative_is_one_problem(repo: Repo):
    repo.replace(UV_PLAN, "      wte: 0.2\n", "      wte: [0.2]\n")
    result = repo.validate()
    line = repo.line_of(UV_PLAN, "wte: [0.2]")
    only_error(result, UV_PLAN, line, "schema-wrong-type")
    hint = reported(result, UV_PLAN, line, 12, "error", "schema-wrong-type",
                    "expected a number or text, received a list")
    assert hint.startswith("The 'wte' of workforce role 2, '") and hint.endswith("' should be a number or text.")


@pytest.mark.parametrize("rel, old, new, message, hint", [
    (NEF_PLAN, "status: published\n", "status: final\n",
     "expected one of 'draft' or 'published', received text 'final'",
     "Write one of these as the 'status' of the plan: draft, published."),
    (UV_PLAN, "    likelihood: M\n", "    likelihood: High\n",
     "expected one of 'L', 'M' or 'H', received text 'High'", "Write one of these as the 'likelihood' of risk 3, 'OT in Primary Care': L, M, H."),
    (NEF_PLAN, "    budget: {note: BCUHB Funded}\n", "    budget: {amout: 12000}\n",
     "unknown field 'amout' in an amount of money",
     "Write the 'budget' of activity 5, 'Audiology' as an amount such as £45,000, or TBC until it is agreed."),
    (NEF_PLAN, "    budget: £18,500\n", "    budget: yes\n", "expected an amount of money, received a yes/no value",
     "Write the 'budget' of activity 2, 'Frail and vulnerable Service' as an amount"),
    (NEF_PLAN, "    budget: £18,500\n", "    budget: .inf\n",
     "expected an amount of money, received the number inf, which is not an amount",
     "Write the 'budget' of activity 2, 'Frail and vulnerable Service' as an amount"),
])
def test_invalid_value(repo: Repo, rel: str, old: str, new: str, message: str, hint: str):
    repo.replace(rel, old, new)
    result = repo.validate()
    line = repo.line_of(rel, new.rstrip("\n"))
    col = len(new) - len(new.split(": ", 1)[1]) + 1
    only_error(result, rel, line, "schema-invalid-value")
    assert reported(result, rel, line, col, "error", "schema-invalid-value", message).startswith(hint)


def test_board_yaml_schema_problem(repo: Repo):
    rel = "clusters/swansea-bay/board.yaml"
    repo.replace(rel, "short_name: Swansea Bay\n", "short-name: Swansea Bay\n")
    result = repo.validate()
    line = repo.line_of(rel, "short-name")
    assert (rel, line, "schema-unknown-field") in result.errors()
    reported(result, rel, line, 1, "error", "schema-unknown-field",
             "'short-name' is not a field of a board; did you mean 'short_name'?")


# --- Plan rules ---------------------------------------------------------------------


def test_duplicate_activity_ids(repo: Repo):
    repo.replace(NEF_PLAN, "  - id: audiology\n", "  - id: phlebotomy\n")
    result = repo.validate()
    first = repo.line_of(NEF_PLAN, "- id: phlebotomy")
    second = repo.line_of(NEF_PLAN, "- id: phlebotomy", nth=2)
    only_error(result, NEF_PLAN, second, "activity-duplicate-id")
    hint = reported(result, NEF_PLAN, second, 9, "error", "activity-duplicate-id",
                    f"the activity id 'phlebotomy' is already used on line {first}")
    assert "keep an id unchanged from year to year" in hint


def test_unparseable_money_is_an_error(repo: Repo):
    text = repo.read(NEF_PLAN)
    repo.write(NEF_PLAN, text[:text.index("known_issues:")])
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, "£77,0194.24")
    only_error(result, NEF_PLAN, line, "money-unparseable")
    hint = reported(result, NEF_PLAN, line, 15, "error", "money-unparseable",
                    "'£77,0194.24' is not an amount of money")
    assert hint.endswith("add under known_issues: problem: money-unparseable, field: finance.lines[Phlebotomy].amount,"
                         " note: <what is wrong in the source>.")


def test_a_leads_typo_in_an_amount_is_not_sent_to_known_issues(repo: Repo):
    # A figure with a letter in it is typed, not printed: the hint says how to write it, nothing more.
    repo.replace(NWF_PLAN, "    budget: £45,000\n", "    budget: £45,OOO\n")
    result = repo.validate()
    line = repo.line_of(NWF_PLAN, "£45,OOO")
    hint = reported(result, NWF_PLAN, line, 13, "error", "money-unparseable", "'£45,OOO' is not an amount of money")
    assert hint == "Write the amount in pounds as a number, e.g. 77019.42 or '£77,019.42', or TBC if it is not known yet."


@pytest.mark.parametrize("written, words", [("½ of £45,000", "½ of"), ("1e4", "e4"), ("2 x £500", "x £500"),
                                            ("£45,000 (3 years)", "(3 years)")])
def test_words_that_change_the_amount_are_not_turned_into_one(repo: Repo, written: str, words: str):
    """The figure beside words that count ('½ of', 'x', 'e4') is not the amount: no amount is offered as the fix."""
    repo.replace(NWF_PLAN, "    budget: £45,000\n", f"    budget: {written}\n")
    result = repo.validate()
    line = repo.line_of(NWF_PLAN, f"budget: {written}")
    problem = next(x for x in result.lines if x.startswith(f"{NWF_PLAN}:{line}:") and "money-unparseable" in x)
    assert problem.endswith(f"'{written}' is not an amount of money: the words '{words}' are written with the figure")
    assert "Here:" not in result.hint_after(problem) and "amount:" not in result.hint_after(problem)


def test_a_misprinted_figure_of_a_sourced_plan_is_offered_the_known_issue_route(repo: Repo):
    repo.replace(NWF_PLAN, "    budget: £45,000\n", "    budget: £45,,000\n")
    result = repo.validate()
    line = repo.line_of(NWF_PLAN, "£45,,000")
    hint = reported(result, NWF_PLAN, line, 13, "error", "money-unparseable", "'£45,,000' is not an amount of money")
    assert "If the source document itself prints it this way" in hint and "known_issues" in hint


def test_unparseable_activity_budget(repo: Repo):
    repo.replace(NWF_PLAN, "    budget: £45,000\n", "    budget: £72,,000\n")
    result = repo.validate()
    line = repo.line_of(NWF_PLAN, "£72,,000")
    only_error(result, NWF_PLAN, line, "money-unparseable")
    reported(result, NWF_PLAN, line, 13, "error", "money-unparseable", "'£72,,000' is not an amount of money")


def test_acknowledged_unparseable_money_is_a_warning(repo: Repo):
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0
    line = repo.line_of(NEF_PLAN, "£77,0194.24")
    reported(result, NEF_PLAN, line, 15, "warning", "money-unparseable",
             "'£77,0194.24' is not an amount of money (known issue of the source: The plan prints the cost of"
             " Phlebotomy as £77,0194.24, which is not a valid figure; the activity table gives its budget as TBC.)")


def test_finance_total_mismatch(repo: Repo):
    repo.replace(UV_PLAN, "      amount: £6,799.00\n", "      amount: £6,899.00\n")
    result = repo.validate()
    line = repo.line_of(UV_PLAN, "  total: £202,382.50")
    only_error(result, UV_PLAN, line, "finance-total-mismatch")
    hint = reported(result, UV_PLAN, line, 10, "error", "finance-total-mismatch",
                    "the total is £202,382.50, but the lines add up to £202,482.50")
    assert hint.startswith("Correct the total or the lines so that they agree.")


def test_finance_total_mismatch_acknowledged_is_a_warning(repo: Repo):
    repo.replace(UV_PLAN, "      amount: £6,799.00\n", "      amount: £6,899.00\n")
    repo.write(UV_PLAN, repo.read(UV_PLAN) + "\nknown_issues:\n  - problem: finance-total-mismatch\n"
               "    field: finance.total\n    note: The source's total leaves out £100 of Audiology.\n")
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0, result.output
    reported(result, UV_PLAN, repo.line_of(UV_PLAN, "  total: £202,382.50"), 10, "warning",
             "finance-total-mismatch", "the total is £202,382.50, but the lines add up to £202,482.50"
             " (known issue of the source: The source's total leaves out £100 of Audiology.)")


def test_finance_balance_mismatch(repo: Repo):
    repo.replace(UV_PLAN, "  balance: £22,403.50\n", "  balance: £22,000\n")
    result = repo.validate()
    line = repo.line_of(UV_PLAN, "  balance: £22,000")
    only_error(result, UV_PLAN, line, "finance-balance-mismatch")
    hint = reported(result, UV_PLAN, line, 12, "error", "finance-balance-mismatch",
                    "the balance is £22,000, but allocation plus carry-over minus committed is £22,403.50")
    assert hint.startswith("Correct the balance, the allocation or the committed total so that they agree.")


def test_finance_balance_is_checked_without_lines(repo: Repo):
    text = repo.read(UV_PLAN)
    start, end = text.index("  lines:\n"), text.index("  total: £202,382.50")
    repo.write(UV_PLAN, text[:start] + text[end:])
    repo.replace(UV_PLAN, "  balance: £22,403.50\n", "  balance: £2,403.50\n")
    result = repo.validate()
    only_error(result, UV_PLAN, repo.line_of(UV_PLAN, "  balance:"), "finance-balance-mismatch")
    assert "the balance is £2,403.50, but allocation plus carry-over minus committed is £22,403.50" in result.output


def test_finance_total_that_cannot_be_checked(repo: Repo, pristine: CliResult):
    repo.replace(UV_PLAN, "      amount: £1,920.00\n", "      amount: TBC\n")
    result = repo.validate()
    assert result.exit_code == 0
    line = repo.line_of(UV_PLAN, "  total: £202,382.50")
    assert new_warnings(result, pristine) == [(UV_PLAN, line, "finance-total-unchecked")]
    reported(result, UV_PLAN, line, 10, "warning", "finance-total-unchecked",
             "the total cannot be checked because 1 of the lines are to be confirmed")


@pytest.mark.parametrize("old, new, vocabulary, suggestion", [
    ("    ministerial_priorities: [A Healthier Wales]\n    sppc_priorities: [Community Infrastructure]\n"
     "    budget: £18,500", "    ministerial_priorities: [Population helth]\n    sppc_priorities: [Community"
     " Infrastructure]\n    budget: £18,500", "ministerial priority", "Population health"),
    ("    status: delayed\n    status_detail: Started but delayed\n    comments:\n      - Recruitment\n",
     "    status: stalled\n    status_detail: Started but delayed\n    comments:\n      - Recruitment\n",
     "activity status", "started"),
])
def test_unknown_vocabulary_term(repo: Repo, old: str, new: str, vocabulary: str, suggestion: str):
    repo.replace(NEF_PLAN, old, new)
    term = "Population helth" if "helth" in new else "stalled"
    result = repo.validate()
    line = repo.line_of(NEF_PLAN, new.splitlines()[0])
    only_error(result, NEF_PLAN, line, "vocabulary-unknown")
    col = repo.read(NEF_PLAN).splitlines()[line - 1].index(term) + 1
    hint = reported(result, NEF_PLAN, line, col, "error", "vocabulary-unknown",
                    f"'{term}' is not a known {vocabulary}; did you mean '{suggestion}'?")
    assert hint.startswith("Use one of: ")


def test_unknown_ministerial_priority_hint_lists_the_vocabulary(repo: Repo):
    repo.replace(UV_PLAN, "    ministerial_priorities: [Population health]\n",
                 "    ministerial_priorities: [Levelling up]\n")
    result = repo.validate()
    line = repo.line_of(UV_PLAN, "Levelling up")
    hint = reported(result, UV_PLAN, line, 30, "error", "vocabulary-unknown",
                    "'Levelling up' is not a known ministerial priority")
    assert hint == f"Use one of: {MINISTERIAL}."


def test_unknown_board_strategic_priority(repo: Repo):
    repo.replace(UV_PLAN, "        strategic_priorities: [Improving Cancer and Palliative Care]\n",
                 "        strategic_priorities: [Improving Cancer Care]\n")
    result = repo.validate()
    line = repo.line_of(UV_PLAN, "Improving Cancer Care")
    only_error(result, UV_PLAN, line, "vocabulary-unknown")
    reported(result, UV_PLAN, line, 32, "error", "vocabulary-unknown",
             "'Improving Cancer Care' is not a known Swansea Bay strategic priority area;"
             " did you mean 'Improving Cancer and Palliative Care'?")


@pytest.mark.parametrize("old, new, term, vocabulary, canonical", [
    ("    ministerial_priorities: [A Healthier Wales]\n    sppc_priorities: [Community Infrastructure]\n"
     "    budget: £18,500", "    ministerial_priorities: [Covid-19 response]\n    sppc_priorities: [Community"
     " Infrastructure]\n    budget: £18,500", "Covid-19 response", "ministerial priority", "Covid response"),
    ("    status: delayed\n    status_detail: Started but delayed\n    comments:\n      - Recruitment\n",
     "    status: on hold\n    status_detail: Started but delayed\n    comments:\n      - Recruitment\n",
     "on hold", "activity status", "delayed"),
    ("    funding_sources: [Health board core funding]\n", "    funding_sources: [BCUHB Funded]\n",
     "BCUHB Funded", "funding source", "Health board core funding"),
    ("    sppc_priorities: [Community Infrastructure]\n    budget: {note",
     "    sppc_priorities: [community infrastructure]\n    budget: {note",
     "community infrastructure", "SPPC programme priority", "Community Infrastructure"),
])
def test_variant_spelling_is_a_warning(repo: Repo, pristine: CliResult, old, new, term, vocabulary, canonical):
    repo.replace(NEF_PLAN, old, new)
    result = repo.validate()
    assert result.exit_code == 0, result.output
    line = repo.line_of(NEF_PLAN, new.splitlines()[0])
    col = repo.read(NEF_PLAN).splitlines()[line - 1].index(term) + 1
    assert new_warnings(result, pristine) == [(NEF_PLAN, line, "vocabulary-variant")]
    hint = reported(result, NEF_PLAN, line, col, "warning", "vocabulary-variant",
                    f"'{term}' is a variant of the {vocabulary} '{canonical}'")
    assert hint == f"Write '{canonical}' so that the plan is counted with others that use it."


def test_budget_to_be_confirmed(repo: Repo, pristine: CliResult):
    repo.replace(NWF_PLAN, "    budget: 8000\n", "    budget: £TBC\n")
    result = repo.validate()
    assert result.exit_code == 0
    line = repo.line_of(NWF_PLAN, "budget: £TBC")
    # The finance table still gives the activity its £8,000: the two tables now disagree as well.
    assert new_warnings(result, pristine) == [(NWF_PLAN, line, "budget-disagrees"), (NWF_PLAN, line, "budget-tbc")]
    hint = reported(result, NWF_PLAN, line, 13, "warning", "budget-tbc",
                    "the budget of 'Waiting List initiative' is to be confirmed")
    assert hint == "Enter the amount once it is agreed, so that board and national totals include it."


def test_funding_source_to_be_confirmed(repo: Repo):
    # The fixture's own warning: the only source named is "To be confirmed".
    result = repo.validate()
    assert result.exit_code == 0
    line = repo.line_of(NWF_PLAN, "funding_sources: [To be confirmed]")
    hint = reported(result, NWF_PLAN, line, 22, "warning", "funding-source-missing",
                    "'Mental Health - ICAN' names no funding source")
    assert hint == "Add funding_sources, e.g. [Cluster funding] or [Health board core funding]."


def test_funding_source_missing(repo: Repo, pristine: CliResult):
    repo.replace(NWF_PLAN, "    funding_sources: [Cluster funding, Health board core funding]\n", "")
    result = repo.validate()
    assert result.exit_code == 0
    line = repo.line_of(NWF_PLAN, "- id: waiting-list-initiative")
    assert new_warnings(result, pristine) == [(NWF_PLAN, line, "funding-source-missing")]
    reported(result, NWF_PLAN, line, 5, "warning", "funding-source-missing",
             "'Waiting List initiative' names no funding source")


def test_known_issue_that_matches_no_problem(repo: Repo, pristine: CliResult):
    repo.replace(NEF_PLAN, "    field: finance.lines[Phlebotomy].amount\n", "    field: finance.lines[Audiology].amount\n")
    result = repo.validate()
    issue = repo.line_of(NEF_PLAN, "  - problem: money-unparseable")
    figure = repo.line_of(NEF_PLAN, "£77,0194.24")
    assert result.exit_code == 1
    assert result.errors() == [(NEF_PLAN, figure, "money-unparseable")]
    hint = reported(result, NEF_PLAN, issue, 5, "warning", "known-issue-unmatched",
                    "the known issue money-unparseable at 'finance.lines[Audiology].amount' matches no problem in this plan")
    assert hint == "Remove it if the figure has been corrected, or check the problem code and field path."


def test_known_issue_not_allowed(repo: Repo):
    repo.write(NWF_PLAN, repo.read(NWF_PLAN) + "\nknown_issues:\n  - problem: budget-tbc\n"
               "    field: activities[0].budget\n    note: The source gives no figure.\n")
    result = repo.validate()
    line = repo.line_of(NWF_PLAN, "  - problem: budget-tbc")
    only_error(result, NWF_PLAN, line, "known-issue-not-allowed")
    hint = reported(result, NWF_PLAN, line, 14, "error", "known-issue-not-allowed",
                    "'budget-tbc' cannot be recorded as a known issue of the source")
    allowed = [code for code, kind in CATALOGUE.items() if kind.acknowledgeable]
    assert {"money-unparseable", "finance-total-mismatch", "finance-balance-mismatch"} <= set(allowed)
    assert "budget-tbc" not in allowed
    assert hint == f"Only these problems can be acknowledged: {', '.join(allowed)}. Fix the others in the plan."


def _with_known_issues(repo: Repo, plan: str, *entries: str) -> None:
    repo.write(plan, repo.read(plan) + "\nknown_issues:\n" + "".join(entries))


def test_source_error_is_a_warning_at_the_place_it_names(repo: Repo, pristine: CliResult):
    _with_known_issues(repo, UV_PLAN,
                       "  - problem: source-error\n    field: key_facts[The Upper Valleys Cluster serves…].fact\n"
                       "    kind: figure\n"
                       "    as_written: '31,088'\n    note: The needs section gives the population as 31,008.\n")
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0, result.output
    line = repo.line_of(UV_PLAN, "  - fact: The Upper Valleys Cluster serves")
    assert new_warnings(result, pristine) == [(UV_PLAN, line, "source-error")]
    hint = reported(result, UV_PLAN, line, 11, "warning", "source-error",
                    "the source document prints '31,088' here (known issue of the source: The needs section"
                    " gives the population as 31,008.)")
    assert "known-issue-unmatched" not in result.codes()
    assert hint.startswith("Nothing to fix in the plan")


def test_source_error_in_a_prose_section(repo: Repo, pristine: CliResult):
    _with_known_issues(repo, UV_PLAN, "  - problem: source-error\n    field: needs.md\n    kind: placeholder\n"
                                      "    note: The source leaves 'check source' in the text.\n")
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0, result.output
    assert new_warnings(result, pristine) == [(f"{UV_2022}/needs.md", 1, "source-error")]
    reported(result, f"{UV_2022}/needs.md", 1, 1, "warning", "source-error",
             "the source document has a mistake here (known issue of the source: The source leaves 'check"
             " source' in the text.)")


def test_source_error_at_a_value_the_row_lacks(repo: Repo, pristine: CliResult):
    # A value missing from the source has no line of its own: the problem is placed at its row.
    _with_known_issues(repo, UV_PLAN, "  - problem: source-error\n"
                                      "    field: key_facts[The Cluster area has 4 GP practices…].source\n"
                                      "    kind: missing\n    note: The source names no source for this fact.\n")
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0, result.output
    line = repo.line_of(UV_PLAN, "  - fact: The Cluster area has 4 GP practices")
    assert new_warnings(result, pristine) == [(UV_PLAN, line, "source-error")]


@pytest.mark.parametrize("target, reason", [
    ("key_facts[99].fact", "not in the plan: key_facts has 4 entries, counted from 0"),
    ("key_facts[0].facts", "not in the plan: key_facts[0] has no field 'facts'"),
    ("finance.lines[2].amount.value", "not in the plan: finance.lines[2].amount has no field 'value'"),
    ("risks.md", "not a prose section file of this plan"),
    ("Needs section", "not a field path such as finance.lines[2].amount"),
])
def test_source_error_naming_no_place(repo: Repo, target: str, reason: str):
    _with_known_issues(repo, UV_PLAN, f"  - problem: source-error\n    field: {target}\n"
                                      "    note: Something is wrong.\n")
    result = repo.validate()
    line = repo.line_of(UV_PLAN, f"    field: {target}")
    only_error(result, UV_PLAN, line, "known-issue-bad-field")
    hint = reported(result, UV_PLAN, line, 12, "error", "known-issue-bad-field",
                    f"the known issue names '{target}', which is {reason}")
    assert hint.endswith("or a prose section file of this plan, e.g. community-assets.md.")


def test_known_issue_kind_must_be_one_of_the_kinds(repo: Repo):
    _with_known_issues(repo, UV_PLAN, "  - problem: source-error\n    field: needs.md\n    kind: typo\n"
                                      "    note: Something is wrong.\n")
    result = repo.validate()
    line = repo.line_of(UV_PLAN, "    kind: typo")
    only_error(result, UV_PLAN, line, "schema-invalid-value")
    assert "expected one of 'figure', 'total', 'disagreement'" in result.output


def test_source_error_kinds_are_listed_once():
    from typing import get_args

    from generator.schema.plan import SOURCE_ERROR_KINDS, SourceErrorKind
    assert list(SOURCE_ERROR_KINDS) == list(get_args(SourceErrorKind))


def test_plan_without_lead(repo: Repo, pristine: CliResult):
    repo.replace(NWF_PLAN, "leads:\n  - name: Dr Bisola Ekwueme\n    role: North West Flintshire Cluster Lead\n", "")
    result = repo.validate("--acknowledged")
    assert result.exit_code == 0
    line = repo.line_of(NWF_PLAN, "board: betsi-cadwaladr")
    assert len(result.warnings()) == len(pristine.warnings()) + 1
    assert [w for w in result.warnings() if w[2] == "plan-missing-lead"] == [(NWF_PLAN, line, "plan-missing-lead")]
    reported(result, NWF_PLAN, line, 1, "warning", "plan-missing-lead", "the plan names no cluster lead")


# --- The run as a whole -------------------------------------------------------------------


def test_one_run_reports_every_problem_in_every_file(repo: Repo):
    repo.replace(NEF_PLAN, "status: published\n", "status: published\nstatus: draft\n")
    repo.replace(f"{NEF_2022}/plan.yaml", "    budget: 25000\n", "    budget: £25,00\n")
    repo.replace(f"{NEF_2022}/plan.yaml", "  - id: phlebotomy\n", "  - id: upcc\n")
    repo.path(f"{NEF_2022}/difficulties.md").write_bytes(b"# Difficulties\n\n\x96 Workforce\n")
    repo.replace(NWF_PLAN, "    title: Waiting List initiative\n", "    titel: Waiting List initiative\n")
    repo.replace(UV_PLAN, "  balance: £22,403.50\n", "  balance: £22,403.51\n")
    repo.write(f"{UV_2022}/risk-register.md", "# Risk register\n")
    result = repo.validate()
    assert result.exit_code == 1
    assert sorted((file, code) for file, _, code in result.errors()) == sorted([
        (f"{NEF_2022}/difficulties.md", "file-encoding"),
        (f"{NEF_2022}/plan.yaml", "money-unparseable"),
        (f"{NEF_2022}/plan.yaml", "activity-duplicate-id"),
        (NEF_PLAN, "yaml-duplicate-key"),
        (NWF_PLAN, "schema-unknown-field"),
        (NWF_PLAN, "schema-missing-field"),
        (f"{UV_2022}/plan.yaml", "finance-balance-mismatch"),
        (f"{UV_2022}/risk-register.md", "layout-unknown-section"),
    ])
    assert result.lines[-1].startswith("4 plans checked: 8 errors, ")


def test_problems_are_printed_in_file_and_line_order(repo: Repo):
    repo.replace(UV_PLAN, "  balance: £22,403.50\n", "  balance: £1\n")
    repo.replace(UV_PLAN, "    likelihood: M\n", "    likelihood: X\n")
    repo.replace(NEF_PLAN, "  - id: audiology\n", "  - id: phlebotomy\n")
    problems = repo.validate().problems()
    assert problems == sorted(problems)


# --- The catalogue itself ----------------------------------------------------------------


def test_every_problem_code_has_a_test():
    # Most are tested here; the problems only a build can meet (links, templates) with the build's tests.
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.rglob("test_*.py")))
    untested = [code for code in CATALOGUE if f'"{code}"' not in source]
    assert untested == []


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_catalogue_entries_are_complete(code: str):
    kind = CATALOGUE[code]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", code)
    assert all(text_of(kind, part, "en") for part in ("title", "message", "hint")), code
    # Every value the words need is given where the problem is made (tests/test_problem_values.py).
    assert required_values(kind) <= placeholders(kind)
    assert kind.severity in ("error", "warning")
    if kind.severity == "warning" and kind.acknowledgeable:
        # A warning a plan can record as the source's: it is a mistake of the source, shown as a flag.
        assert kind.flag_kind in SOURCE_ERROR_KINDS
    if kind.recorded_only:
        assert kind.acknowledgeable and kind.severity == "warning"


def test_file_paths_use_forward_slashes(repo: Repo):
    repo.write(f"{UV_2022}/risk-register.md", "# Risk register\n")
    result = repo.validate()
    assert all("\\" not in file and not os.path.isabs(file) for file, _, _ in result.problems())


def test_a_duplicate_key_does_not_hide_the_other_problems_of_the_plan(repo):
    """The first value of a repeated key is kept, so the rest of the file is still checked in the same run."""
    plan = repo.root / "clusters/betsi-cadwaladr/north-east-flintshire/2023-24/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("year: 2023-24\n", "year: 2023-24\nyear: 2023-24\n", 1)
    text = text.replace("status: ongoing", "status: finished", 1)
    plan.write_text(text, encoding="utf-8")
    result = run_cli("validate", cwd=repo.root)
    assert result.exit_code == 1
    assert {"yaml-duplicate-key", "vocabulary-unknown"} <= result.codes()


def test_a_repository_without_its_vocabularies_file_is_told_how_to_put_it_back(repo: Repo):
    (repo.root / "clusters" / "vocabularies.yaml").unlink()
    result = repo.validate()
    assert result.exit_code == 1
    assert result.lines[0] == ("clusters/vocabularies.yaml:0:0: error layout-missing-vocabularies: there is no "
                               "clusters/vocabularies.yaml, which holds the lists of priorities, themes and statuses "
                               "that plans are checked against")
    assert result.lines[1] == "    hint: Put it back as it was last committed: git checkout HEAD -- clusters/vocabularies.yaml"
    assert "internal error" not in result.output
    assert [code for _, _, code in result.problems()] == ["layout-missing-vocabularies"]


# Lists pasted from Word into a section: each bullet that starts a line is named where it is, with the line
# as a Markdown list item; the same characters inside a code block, or after a line's first word, stay text.
@pytest.mark.parametrize("line, column, named, fixed", [
    ("• Catching up on disease management reviews", 1, "a bullet •", "- Catching up on disease management reviews"),
    ("  ▪ Supply chain issues", 3, "a bullet ▪", "  - Supply chain issues"),
    ("\uf0b7 Winter pressures", 1, "a bullet •", "- Winter pressures"),
    ("– Recruitment of a pharmacist", 1, "Word's long dash –", "- Recruitment of a pharmacist"),
], ids=["round bullet", "square bullet under an item", "Word's Symbol-font bullet", "long dash"])
def test_a_bullet_pasted_into_a_section_is_named_with_the_list_item_to_write(repo: Repo, line, column, named, fixed):
    prose = f"{NEF_2023}/difficulties.md"
    repo.write(prose, repo.read(prose) + f"\n- Workforce\n{line}\n\n```\n• a bullet in a code block stays\n```\n"
               "Waiting lists • a bullet inside a line stays\n")
    at = repo.line_of(prose, line.strip())
    result = repo.validate()
    only_error(result, prose, at, "prose-pasted-bullet")
    hint = reported(result, prose, at, column, "error", "prose-pasted-bullet",
                    f"the line starts with {named}, pasted from a word processor, which Markdown does not read as a"
                    " list item")
    assert hint == f"Start the line with '- ' in place of the bullet: {fixed}"
    # The line as the hint writes it: the plan validates.
    repo.write(prose, repo.read(prose).replace(line, fixed, 1))
    assert repo.validate().exit_code == 0


# Markdown in a section that is published other than it looks: each said once, at its first line, with the
# Markdown to write; what is meant as text ('#1 priority'), proper tables and code blocks are left alone.
SLIPS = [
    ("#Workforce pressure", "prose-heading-without-space",
     "'#Workforce pressure' is published as text, not as a heading: Markdown needs a space after the #",
     "If it is a heading, put a space after the #: # Workforce pressure"),
    ("##Key risks", "prose-heading-without-space",
     "'##Key risks' is published as text, not as a heading: Markdown needs a space after the #",
     "If it is a heading, put a space after the #: ## Key risks"),
    ("Practice\tList size\tWTE\nHope\t9,000\t4.5\nCaergwrle\t7,500\t3", "prose-pasted-cells",
     "this line holds 3 cells separated by tabs, as a spreadsheet pastes them; it is published as one line of text,"
     " not as a table",
     "Write the rows as a Markdown table, each cell between | marks, with a line such as |---|---|---| under the"
     " first row: | Practice | List size | WTE |"),
    ("| Practice | List size |\n| Hope | 9,000 |", "prose-table-without-rule",
     "these lines are published as text with | marks, not as a table: a Markdown table needs a line of dashes under"
     " its first row", "Add this line under the first row: |---|---|"),
]


@pytest.mark.parametrize("written, code, message, hint", SLIPS, ids=[case[1] + ": " + case[0][:12] for case in SLIPS])
def test_markdown_published_other_than_it_looks_is_named_with_what_to_write(repo: Repo, written, code, message, hint):
    prose = f"{NEF_2023}/difficulties.md"
    kept = "\n\n#1 priority is access\n\n| Practice | List |\n|---|---|\n| Hope | 9,000 |\n\n```\n#Code\ta\tb\n```\n"
    repo.write(prose, repo.read(prose) + "\n" + written + "\n" + kept)
    at = repo.line_of(prose, written.split("\n")[0])
    result = repo.validate()
    assert result.exit_code == 0
    slips = [p for p in result.warnings() if p[2].startswith("prose-") and p[0] == prose]
    assert slips == [(prose, at, code)], result.output
    assert reported(result, prose, at, 1, "warning", code, message) == hint
