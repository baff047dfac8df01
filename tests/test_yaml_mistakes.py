"""Mistakes leads make when they edit a real plan's YAML, each as the validator reports it.

Every case copies the repository's own plans, makes one mistake in one of them and runs
`cluster-plans validate` on that plan. The report must name the mistake in plain words at the
line and column where it is, quote that line with a caret, and say how to fix it; never the
parser's own wording, never a line late, never silent.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from plan_testing import REAL_REPO, Repo

NEF = "clusters/betsi-cadwaladr/north-east-flintshire/2023-24"
UV = "clusters/swansea-bay/upper-valleys/2022-23"
ANGLESEY = "clusters/betsi-cadwaladr/anglesey/2022-23"

# Words of PyYAML and libyaml that must never reach a lead.
PARSER_WORDS = re.compile(r"could not find expected|mapping values are not allowed|did not find expected|"
                          r"block end|block mapping|simple key|cannot start any token|scanning|<scalar>|"
                          r"flow sequence|end of stream|while parsing")


@dataclass(frozen=True)
class Mistake:
    name: str
    plan: str
    old: str          # text of the plan (its first occurrence is changed), or "re:" and a pattern
    new: str          # the same text with the mistake made (for a pattern: the replacement)
    where: str        # text of the line the report must point at (its first occurrence after the edit)
    column: int
    code: str
    message: str
    fix: str          # a part of the hint that tells the fix
    severity: str = "error"
    # Lines the message names, as {name}: the text of the line (its first occurrence after the edit).
    # With a third member n: its nth occurrence.
    refs: tuple[tuple, ...] = ()


CORPUS = [
    Mistake("tab indenting a field", NEF, "    title: Audiology\n", "\ttitle: Audiology\n", "\ttitle: Audiology",
            1, "yaml-tab", "a tab character is used to indent this line; plan files may only use spaces",
            "Replace the tab with spaces"),
    Mistake("tab among the spaces", NEF, "    funding_sources: [", "  \t  funding_sources: [", "\t  funding_sources", 3,
            "yaml-tab",
            "a tab character is used to indent this line; plan files may only use spaces", "2 spaces for each level"),
    Mistake("budget TBC without a colon", NEF, "    budget: TBC\n", "    budget TBC\n", "    budget TBC", 11,
            "yaml-missing-colon", "there is no colon after the field name 'budget'",
            "Put a colon and a space after the field name: budget: TBC"),
    Mistake("colon missing on the first field of a block", NEF, "  caption: Cluster Finance",
            "  caption Cluster Finance", "  caption Cluster Finance", 10, "yaml-missing-colon",
            "there is no colon after the field name 'caption'", "caption: Cluster Finance"),
    Mistake("'=' for ':'", NEF, "    budget: TBC\n", "    budget = TBC\n", "    budget = TBC", 11,
            "yaml-missing-colon", "there is no colon after the field name 'budget'", "budget: TBC"),
    Mistake("- id audiology", NEF, "  - id: audiology\n", "  - id audiology\n", "  - id audiology", 7,
            "yaml-missing-colon", "there is no colon after the field name 'id'", "- id: audiology"),
    Mistake("no space after the colon", NEF, "    status: ongoing\n    status_detail: Expansion",
            "    status:ongoing\n    status_detail: Expansion", "    status:ongoing", 12, "yaml-colon-space",
            "there is no space after the colon in 'status:ongoing'", "Put a space after the colon: status: ongoing"),
    Mistake("no space after the colon, last field of a block", UV,
            "  publisher: Swansea Bay University Health Board", "  publisher:Swansea Bay University Health Board",
            "  publisher:Swansea", 13, "yaml-colon-space",
            "there is no space after the colon in 'publisher:Swansea Bay University Health Board'",
            "publisher: Swansea Bay University Health Board"),
    Mistake("no space after a list item's dash", UV, "    - Strengthened TOR\n", "    -Strengthened TOR\n",
            "    -Strengthened TOR", 6, "yaml-dash-space",
            "there is no space after the '-' that starts this list item", "- Strengthened TOR"),
    Mistake("curly quotes around text with a colon", NEF,
            '"Sustainability: this will be a huge challenge for all going forwards"',
            "“Sustainability: this will be a huge challenge for all going forwards”", "“Sustainability", 9,
            "yaml-curly-quotes", "the text starts with a curly quote “, which YAML does not read as a quote",
            '- "Sustainability: this will be a huge challenge for all going forwards"'),
    Mistake("curly single quotes", NEF, '"Retention of staff: both clinical and administrative"',
            "‘Retention of staff: both clinical and administrative’", "‘Retention", 9, "yaml-curly-quotes",
            "the text starts with a curly quote ‘, which YAML does not read as a quote",
            '- "Retention of staff: both clinical and administrative"'),
    Mistake("quote never closed", NEF, '"Retention of staff: both clinical and administrative"',
            '"Retention of staff: both clinical and administrative', '"Retention of staff', 9,
            "yaml-unclosed-quote", 'the quote " that opens this text is never closed',
            'Add the closing " at the end of the text'),
    Mistake("quote never closed, with quotes further down", NEF,
            "    description: Directly assess patients reporting hearing difficulty, bothersome tinnitus & BPPV",
            '    description: "Directly assess patients reporting hearing difficulty, bothersome tinnitus & BPPV',
            '    description: "Directly', 18, "yaml-unclosed-quote",
            'the quote " that opens this text is never closed', 'Add the closing "'),
    Mistake("single quote never closed in a list", NEF, "      - Cost of Living Crisis\n",
            "      - 'Cost of Living Crisis\n", "'Cost of Living", 9, "yaml-unclosed-quote",
            "the quote ' that opens this text is never closed", "Add the closing ' at the end of the text"),
    Mistake("single quote never closed in a title", NEF, "    title: Phlebotomy\n", "    title: 'Phlebotomy\n",
            "title: 'Phlebotomy", 12, "yaml-unclosed-quote", "the quote ' that opens this text is never closed",
            "Add the closing '"),
    Mistake("apostrophe inside single quotes", UV, "      - Improve EOL for patients and patient’s family",
            "      - 'Improve EOL for patients and patient's family'", "patient's family", 46, "yaml-apostrophe",
            "the apostrophe in 'patient's' ends the single quotes early",
            "- \"Improve EOL for patients and patient's family\""),
    Mistake("text after the closing quote", NEF, "title: North East Flintshire Cluster IMTP 2023/24",
            'title: "North East Flintshire" Cluster IMTP 2023/24', 'title: "North East', 32,
            "yaml-text-after-quote", "there is more text after the closing quote",
            'title: "North East Flintshire Cluster IMTP 2023/24"'),
    Mistake("list item one space short", NEF, "      - Cost of Living Crisis\n", "     - Cost of Living Crisis\n",
            "     - Cost of Living Crisis", 6, "yaml-item-depth",
            "this list item is indented by 5 spaces, but the items above it (line {above}) by 6 spaces",
            "indent it by 6 spaces", refs=(("above", "Sustainability: this"),)),
    Mistake("list item one space too far, after quoted text", NEF, "      - Cost of Living Crisis\n",
            "       - Cost of Living Crisis\n", "       - Cost of Living Crisis", 8, "yaml-item-depth",
            "this list item is indented by 7 spaces, but the items above it (line {above}) by 6 spaces",
            "indent it by 6 spaces", refs=(("above", "Sustainability: this"),)),
    Mistake("list item one space too far, read as more text", UV,
            "      - Maintain essential services in responding to COVID 19",
            "       - Maintain essential services in responding to COVID 19", "       - Maintain essential", 8,
            "yaml-item-merged",
            "this line starts with '- ' but is indented by 7 spaces, further than the line it follows"
            " (line {above}), so it was read as more text of that line",
            "indent it by 6 spaces, like the item on line", refs=(("above", "Improve diagnosis and management"),)),
    Mistake("activity at the wrong depth", NEF, "  - id: phlebotomy\n", "    - id: phlebotomy\n",
            "    - id: phlebotomy", 5, "yaml-item-depth",
            "this list item is indented by 4 spaces, but the items above it (line {above}) by 2 spaces",
            "indent it by 2 spaces", refs=(("above", "  - id: audiology"),)),
    Mistake("field one space too far", NEF, "    title: Phlebotomy\n", "     title: Phlebotomy\n",
            "     title: Phlebotomy", 6, "yaml-field-depth",
            "'title' is indented by 5 spaces, but 'id' on line {id} by 4 spaces", "indent 'title' by 4 spaces",
            refs=(("id", "  - id: phlebotomy"),)),
    Mistake("field one space short", NEF, "    title: Phlebotomy\n", "   title: Phlebotomy\n",
            "   title: Phlebotomy", 4, "yaml-field-depth",
            "'title' is indented by 3 spaces, but 'id' on line {id} by 4 spaces", "indent 'title' by 4 spaces",
            refs=(("id", "  - id: phlebotomy"),)),
    Mistake("top-level field indented", NEF, "\nstatus: published\n", "\n status: published\n",
            " status: published", 2, "yaml-field-depth",
            "'status' is indented by 1 space, but 'year' on line {year} by 0 spaces", "indent 'status' by 0 spaces",
            refs=(("year", "year: 2023-24"),)),
    Mistake("leads: [] with leads below", NEF, "leads:\n  - name: Dr Angharad Fletcher",
            "leads: []\n  - name: Dr Angharad Fletcher", "leads: []", 8, "yaml-placeholder-then-items",
            "'leads: []' says leads is empty, but entries follow on line {lead}",
            "Delete the '[]' after 'leads:'", refs=(("lead", "  - name: Dr Angharad Fletcher"),)),
    Mistake("finance: {} with fields below", NEF, "finance:\n  caption: Cluster Finance",
            "finance: {}\n  caption: Cluster Finance", "finance: {}", 10, "yaml-placeholder-then-items",
            "'finance: {{}}' says finance is empty, but entries follow on line {caption}",
            "Delete the '{}' after 'finance:'", refs=(("caption", "  caption: Cluster Finance"),)),
    Mistake("': ' in a field's text", NEF,
            "    description: Provide a Phlebotomy service response via the local practices",
            "    description: Provide: a Phlebotomy service response via the local practices",
            "description: Provide:", 25, "yaml-colon-in-text",
            "this text contains ': ', which YAML reads as the start of another field",
            'description: "Provide: a Phlebotomy service response via the local practices"'),
    Mistake("': ' in a list item's text", UV, "      - Improve diagnosis and management of Hypertension",
            "      - Improve diagnosis: management of Hypertension", "Improve diagnosis:", 26, "yaml-colon-in-text",
            "this text contains ': ', which YAML reads as the start of another field",
            '- "Improve diagnosis: management of Hypertension"'),
    Mistake("' #' in a title", NEF, "    title: Audiology\n", "    title: Audiology #2 clinic\n", "Audiology #2", 22,
            "yaml-comment-in-text", "'#2 clinic' is read as a comment, so the value is only 'Audiology'",
            'title: "Audiology #2 clinic"', severity="warning"),
    Mistake("text starting with '*'", UV, "    - Good working relationship between cluster practices",
            "    - *Good* working relationship between cluster practices", "*Good*", 7, "yaml-reserved-start",
            "text that starts with '*' must be in quotes", '- "*Good* working relationship'),
    Mistake("text starting with '['", NEF, "    title: Collaborative Working\n",
            "    title: [Draft] Collaborative Working\n", "[Draft]", 12, "yaml-reserved-start",
            "text that starts with '[' must be in quotes", 'title: "[Draft] Collaborative Working"'),
    Mistake("text starting with '@'", UV, "    - Sharing of good practice and skills",
            "    - @Sharing of good practice and skills", "@Sharing", 7, "yaml-reserved-start",
            "text that starts with '@' must be in quotes", '- "@Sharing of good practice and skills"'),
    Mistake("list in brackets not closed", NEF, r"re:^(    funding_sources: \[[^\]\n]*)\]$", r"\1",
            "    funding_sources: [", 22,
            "yaml-unclosed-bracket", "the list opened with '[' is not closed with ']' on this line",
            "Close it on the same line"),
    Mistake("backslash in double quotes", UV, "  document: Upper Valleys Cluster IMTP 2022/23",
            '  document: "S:\\Cluster plans\\Upper Valleys 2022-23.docx"', "S:\\Cluster", 16, "yaml-bad-escape",
            "'\\C' inside double quotes is not a character YAML knows", "Use single quotes"),
    Mistake("a line of text that is not a field", NEF, "status: published\n",
            "status: published\nPrepared by the cluster team\n", "Prepared by the cluster team", 1,
            "yaml-line-not-a-field", "this line is neither a field ('name: value') nor a list item ('- ...')",
            "indent it further than the field name above it"),
    Mistake("a quoted word inside a list in brackets", NEF, r"re:^    funding_sources: \[", '    funding_sources: ["Health board" ',
            '"Health board" ', 38, "yaml-bracket-items",
            "an item of the list in '[]' cannot be read here", "in double quotes"),
    Mistake("a list item on its field's line", UV, "  strengths:\n    - Good working",
            "  strengths: - Good working", "  strengths: - Good", 14, "yaml-item-after-key",
            "the list item '- Good working relationship between cluster practices and with partners' starts on"
            " the same line as 'strengths:'", "on the next line, indented by 4 spaces"),
    Mistake("a field lined up with the list above it", NEF, "      - Aims to save GP appointment time\n    budget: TBC",
            "      - Aims to save GP appointment time\n      budget: TBC", "      budget: TBC", 7, "yaml-field-depth",
            "'budget' is indented by 6 spaces, but 'expected_results' on line {results} by 4 spaces",
            "indent 'budget' by 4 spaces", refs=(("results", "    expected_results:", 2),)),
    Mistake("a field name deleted", NEF, "    status: ongoing\n    status_detail: Expansion",
            "    : ongoing\n    status_detail: Expansion", "    : ongoing", 5, "yaml-missing-name",
            "this line has a ':' but no field name before it", "Write the field's name before the colon"),
    Mistake("a second document pasted in", NEF, "\nleads:\n", "\n---\nleads:\n", "---", 1, "yaml-second-document",
            "'---' on a line of its own starts a second document, but a plan file holds only one", "Delete this line"),
    Mistake("an invisible character pasted in", UV, "    - Strengthened TOR\n", "    - Strengthened\x07 TOR\n",
            "Strengthened\x07", 19, "yaml-invisible-character",
            "there is an invisible character (U+0007) here, which plan files may not hold", "Delete it"),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A copy of the repository's own boards, clusters and plans."""
    root = tmp_path_factory.mktemp("real") / "repo"
    shutil.copytree(REAL_REPO / "clusters", root / "clusters")
    return root


@pytest.fixture
def real(pristine: Path, tmp_path: Path) -> Repo:
    root = tmp_path / "repo"
    shutil.copytree(pristine, root)
    return Repo(root)


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 25
    assert len({m.name for m in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("mistake", CORPUS, ids=[m.name for m in CORPUS])
def test_each_mistake_is_named_where_it_is(real: Repo, mistake: Mistake):
    plan = f"{mistake.plan}/plan.yaml"
    text = real.read(plan)
    if mistake.old.startswith("re:"):
        changed = re.sub(mistake.old[3:], mistake.new, text, count=1, flags=re.M)
    else:
        changed = text.replace(mistake.old, mistake.new, 1)
    assert changed != text, f"{mistake.old!r} is not in {plan}"
    real.write(plan, changed)
    line = real.line_of(plan, mistake.where)
    result = real.validate(mistake.plan)
    message = mistake.message.format(**{name: real.line_of(plan, *where) for name, *where in mistake.refs})
    problem = f"{plan}:{line}:{mistake.column}: {mistake.severity} {mistake.code}: {message}"
    hint = result.hint_after(problem)
    assert mistake.fix in hint
    # The line is quoted as written, with a caret under the column.
    at = result.lines.index(problem)
    shown = real.read(plan).splitlines()[line - 1].replace("\t", "→").replace("\x07", "␇").rstrip()
    assert result.lines[at + 1] == f"    {line} | {shown}"
    assert result.lines[at + 2] == "    " + " " * len(str(line)) + " | " + " " * (mistake.column - 1) + "^"
    assert not PARSER_WORDS.search(result.output), result.output
    assert result.exit_code == (1 if mistake.severity == "error" else 0)
    if mistake.severity == "error":
        assert [p for p in result.errors() if p[0] == plan] == [(plan, line, mistake.code)], result.output


# --- The families of mistakes a lead makes, each made on a copy of a real plan -------------------------
# Characters pasted from Word or a web page, YAML's own readings (yes/no, numbers, '#', '&'), lists written
# as text and text as a list, money written as a person writes it, ids from titles. Each case names what
# was typed at the character itself, and the fix the hint writes out is applied: the plan then validates.

ARFON = "clusters/betsi-cadwaladr/arfon/2022-23"
CONWY_W = "clusters/betsi-cadwaladr/conwy-west/2022-23"
DWYFOR = "clusters/betsi-cadwaladr/dwyfor/2022-23"
S_WREXHAM = "clusters/betsi-cadwaladr/south-wrexham/2022-23"
C_WREXHAM = "clusters/betsi-cadwaladr/central-wrexham/2022-23"
MEIRIONNYDD = "clusters/betsi-cadwaladr/meirionnydd/2022-23"
CONWY_E = "clusters/betsi-cadwaladr/conwy-east/2022-23"
S_FLINTS = "clusters/betsi-cadwaladr/south-flintshire/2022-23"
NEF_22 = "clusters/betsi-cadwaladr/north-east-flintshire/2022-23"
NBSP, ZWSP = "\u00a0", "\u200b"


@dataclass(frozen=True)
class Family:
    name: str
    plan: str
    old: str          # text of the file (its first occurrence is changed)
    new: str          # the same text with the mistake made
    where: str        # text of the line the report must point at (its first occurrence after the edit)
    column: int       # the column of the character itself
    code: str
    says: tuple[str, ...]  # what the message must say, in plain words
    fix: str          # the line as the hint writes it out (from its field name, or its '- ')
    file: str = "plan.yaml"
    # How the fix is applied: the line from the fix's field name (or '- ') on is replaced by `fix`, or,
    # when `value` is set, that value on the line is replaced by `fix`; `drop` lines after it are deleted.
    value: str = ""
    drop: int = 0
    # Where the fixed line starts, from the reported line (-1: the field name on the line above its list).
    start: int = 0


def family(name, plan, old, new, where, column, code, says, fix, **kw) -> Family:
    return Family(name, plan, old, new, where, column, code, (says,) if isinstance(says, str) else says, fix, **kw)


FAMILIES = [
    # Characters pasted from Word or the web: bullets.
    family("bullet after a list item's dash", NEF, "      - Cost of Living Crisis\n", "      - • Cost of Living Crisis\n",
           "- • Cost of Living", 9, "yaml-pasted-bullet", "starts with a bullet •", "- Cost of Living Crisis"),
    family("bullet in place of the dash", NEF, "      - Cost of Living Crisis\n", "      • Cost of Living Crisis\n",
           "• Cost of Living", 7, "yaml-pasted-bullet", "starts with a bullet •", "- Cost of Living Crisis"),
    family("square bullet in an expected result", ANGLESEY, "      - Remote locum triaging service",
           "      - ▪ Remote locum triaging service", "▪ Remote locum", 9, "yaml-pasted-bullet", "a bullet ▪",
           "- Remote locum triaging service to support practices struggling with GP staffing."),
    family("hollow bullet in a SWOT strength", UV, "    - Good working relationship between cluster practices",
           "    - ◦ Good working relationship between cluster practices", "◦ Good working", 7, "yaml-pasted-bullet",
           "a bullet ◦", "- Good working relationship between cluster practices and with partners"),
    family("triangular bullet in a key action", CONWY_E, "      - Help citizens of Conwy who have been ill",
           "      - ‣ Help citizens of Conwy who have been ill", "‣ Help citizens", 9, "yaml-pasted-bullet",
           "a bullet ‣", "- Help citizens of Conwy who have been ill to return to work"),
    family("round bullet in place of the dash", S_FLINTS, "      - Winter pressures\n", "      ● Winter pressures\n",
           "● Winter pressures", 7, "yaml-pasted-bullet", "a bullet ●", "- Winter pressures"),
    family("Word's Symbol-font bullet", MEIRIONNYDD, "      - Support COVID vaccination/booster programme",
           "      - \uf0b7 Support COVID vaccination/booster programme", "Support COVID vaccination", 9,
           "yaml-pasted-bullet", "a bullet •", "- Support COVID vaccination/booster programme"),
    family("long dash as a bullet", NEF, "      - Buildings and maintenance\n", "      - – Buildings and maintenance\n",
           "– Buildings and", 9, "yaml-pasted-bullet", "Word's long dash –", "- Buildings and maintenance"),
    family("star as a bullet in place of the dash", UV, "    - Good working relationship between cluster practices",
           "    * Good working relationship between cluster practices", "* Good working", 5, "yaml-pasted-bullet",
           "a star * used as a bullet", "- Good working relationship between cluster practices and with partners"),
    family("star as a bullet after the dash", S_FLINTS, "      - Flu and Covid booster programmes\n",
           "      - * Flu and Covid booster programmes\n", "* Flu and Covid", 9, "yaml-pasted-bullet",
           "a star * used as a bullet", "- Flu and Covid booster programmes"),
    family("bullet on a line below a list item", NEF, "      - Rising Energy Costs Heating/Electric\n",
           "      - Rising Energy Costs Heating/Electric\n        • Buildings in need of repair\n",
           "• Buildings in need", 9, "yaml-pasted-bullet", "a bullet •",
           "- Buildings in need of repair (indented by 6 spaces)"),
    family("bullet on a line below a description", UV, "  document: Upper Valleys Cluster IMTP 2022/23",
           "  document: Upper Valleys Cluster IMTP 2022/23\n    • Swansea Bay", "• Swansea Bay", 5,
           "yaml-pasted-bullet", "a bullet •", "Swansea Bay (indented by 4 spaces)"),
    family("bulleted funding sources on one line", NEF, "    funding_sources: [Core funded]",
           "    funding_sources: • Core funded • Welsh Government", "funding_sources: • Core", 22,
           "yaml-pasted-bullet", ("a bullet •", "2 of them"), "funding_sources: [Core funded, Welsh Government]"),
    family("bullets in a description", ARFON, "    description: Additional support for practices to manage backlog",
           "    description: • Additional support for practices • Backlog", "description: • Additional", 18,
           "yaml-pasted-bullet", "a bullet •",
           "description: Additional support for practices; Backlog of people awaiting chronic disease reviews due"
           " to COVID"),
    # Long dashes in years and ranges.
    family("Word's long dash in since", NEF, "    since: 2021-22\n", "    since: 2021–22\n", "since: 2021–22", 16,
           "schema-wrong-type", "Word's long dash – where a hyphen - goes", "since: 2021-22"),
    family("long dash in since, another plan", CONWY_W, "    since: 2021-22\n", "    since: 2021—22\n",
           "since: 2021—22", 16, "schema-wrong-type", "Word's longer dash — where a hyphen - goes", "since: 2021-22"),
    family("minus sign in since", S_WREXHAM, "    since: 2021-22\n", "    since: 2021−22\n", "since: 2021−22", 16,
           "schema-wrong-type", "a minus sign −", "since: 2021-22"),
    family("long dash in the plan's year", ANGLESEY, "year: 2022-23\n", "year: 2022–23\n", "year: 2022–23", 11,
           "schema-wrong-type", "Word's long dash –", "year: 2022-23"),
    family("long dash in a range of money", ARFON, '    budget: "£90,000"', "    budget: £90,000–£95,000",
           "budget: £90,000–£95,000", 13, "money-unparseable", "a range of two figures",
           'budget: {tbc: true, note: "£90,000–£95,000"}'),
    # Curly quotes.
    family("curly quotes around a status", DWYFOR, "    status: ongoing\n", "    status: ‘ongoing’\n",
           "status: ‘ongoing’", 13, "yaml-curly-quotes", "curly quote ‘", 'status: "ongoing"'),
    family("curly double quotes around a year", C_WREXHAM, "    since: 2021-22\n", "    since: “2021-22”\n",
           "since: “2021-22”", 12, "yaml-curly-quotes", "a curly quote “", 'since: "2021-22"'),
    family("curly quotes around text with a colon", ANGLESEY, "      - Remote locum triaging service to support practices struggling with GP staffing.",
           "      - “Remote locum: triaging service to support practices struggling with GP staffing.”",
           "“Remote locum", 9, "yaml-curly-quotes", "curly quote “",
           '- "Remote locum: triaging service to support practices struggling with GP staffing."'),
    # Invisible spaces anywhere.
    family("non-breaking space as indentation", NEF, "    title: Audiology\n", f"{NBSP}   title: Audiology\n",
           "   title: Audiology", 1, "yaml-invisible-space", ("a non-breaking space", "indentation"),
           "title: Audiology"),
    family("non-breaking space after a colon", ARFON, "    status: started\n", f"    status:{NBSP}started\n",
           f"status:{NBSP}started", 12, "yaml-invisible-space", ("a non-breaking space", "between 'status:' and 'started'"),
           "status: started"),
    family("zero-width space before a field name", NEF, "    budget: TBC\n", f"    {ZWSP}budget: TBC\n",
           "budget: TBC", 5, "yaml-invisible-space", ("a zero-width space", "before 'budget:'"), "budget: TBC"),
    family("zero-width space inside an id", ANGLESEY, "  - id: covid-recovery\n", f"  - id: covid{ZWSP}-recovery\n",
           "  - id: covid", 14, "yaml-invisible-space", ("a zero-width space", "between 'covid' and '-recovery'"),
           "- id: covid-recovery"),
    family("non-breaking space inside a field name", CONWY_W, "    new_or_existing: existing\n",
           f"    new_or{NBSP}existing: existing\n", "new_or", 11, "yaml-invisible-space", "a non-breaking space",
           "new_or_existing: existing", value=f"new_or{NBSP}existing: existing"),
    family("narrow non-breaking space in a figure", UV, "  allocation: £224,786.00", "  allocation: £224\u202f786.00",
           "allocation: £224", 19, "yaml-invisible-space", "a narrow non-breaking space", "allocation: £224,786.00",
           value="allocation: £224\u202f786.00"),
    family("zero-width joiner at the end of a title", DWYFOR, "    title: Covid recovery support\n",
           "    title: Covid recovery support\u200d\n", "title: Covid recovery support", 34, "yaml-invisible-space",
           ("a zero-width joiner", "after 'support'"), "title: Covid recovery support"),
    family("byte order mark pasted into a list item", S_FLINTS, "      - Winter pressures\n",
           "      - \ufeffWinter pressures\n", "Winter pressures", 9, "yaml-invisible-space", "a byte order mark",
           "- Winter pressures"),
    family("thin space in a lead's name", UV, "  - name: Dr Rebecca Jones", "  - name: Dr\u2009Rebecca Jones",
           "Rebecca Jones", 13, "yaml-invisible-space", ("a thin space", "between 'Dr' and 'Rebecca'"),
           "- name: Dr Rebecca Jones"),
    family("soft hyphen in a word", MEIRIONNYDD, "      - Review the uptake of flu and Covid vaccination.",
           "      - Review the up\u00adtake of flu and Covid vaccination.", "Review the up", 22, "yaml-invisible-space",
           ("a soft hyphen", "between 'up' and 'take'"), "- Review the uptake of flu and Covid vaccination."),
    # Line breaks that are not the file's own, and marks that show nothing.
    family("Word's manual line break inside a title", DWYFOR, "    title: Covid recovery support\n",
           "    title: Covid\x0brecovery support\n", "title: Covid", 17, "yaml-invisible-space",
           ("a line break from a word processor or web page (U+000B)", "between 'Covid' and 'recovery'"),
           "title: Covid recovery support"),
    family("web page's line separator in an expected result", S_FLINTS, "      - Winter pressures\n",
           "      - Winter\u2028pressures\n", "- Winter", 15, "yaml-invisible-space",
           ("a line break from a word processor or web page (U+2028)", "between 'Winter' and 'pressures'"),
           "- Winter pressures"),
    family("paragraph separator at the end of a lead's name", UV, "  - name: Dr Rebecca Jones",
           "  - name: Dr Rebecca Jones\u2029", "Rebecca Jones", 27, "yaml-invisible-space",
           ("(U+2029)", "after 'Jones'"), "- name: Dr Rebecca Jones"),
    family("right-to-left mark before a status", ARFON, "    status: started\n", "    status: \u200fstarted\n",
           "status: \u200fstarted", 13, "yaml-invisible-space", ("an invisible formatting mark (U+200F)", "after 'status:'"),
           "status: started"),
    family("direction isolate around an id", ANGLESEY, "  - id: covid-recovery\n",
           "  - id: \u2068covid-recovery\u2069\n", "  - id: ", 9, "yaml-invisible-space",
           "an invisible formatting mark (U+2068)", "- id: covid-recovery"),
    # Tabs.
    family("tab between the words of a title", DWYFOR, "    title: Covid recovery support\n",
           "    title: Covid\trecovery support\n", "title: Covid", 17, "yaml-tab", "a tab character is used for spacing",
           "title: Covid recovery support"),
    family("tab indenting a list item", CONWY_E, "      - Help citizens of Conwy who have been ill to return to work",
           "\t- Help citizens of Conwy who have been ill to return to work", "\t- Help citizens", 1, "yaml-tab",
           "a tab character is used to indent",
           "- Help citizens of Conwy who have been ill to return to work (indented by 6 spaces)"),
    # YAML's own conversions: yes/no, on/off where text or a status goes.
    family("yes in new_or_existing", NEF, "    new_or_existing: existing\n", "    new_or_existing: yes\n",
           "new_or_existing: yes", 22, "schema-wrong-type", ("received 'yes'", "YAML reads 'yes' as yes/no"),
           "new_or_existing: existing"),
    family("on as a status", NEF, "    status: ongoing\n", "    status: on\n", "status: on", 13, "schema-wrong-type",
           "YAML reads 'on' as yes/no", "status: ongoing"),
    family("No as a status", S_WREXHAM, "    status: delayed\n", "    status: No\n", "status: No", 13,
           "schema-wrong-type", "YAML reads 'No' as yes/no", "status: ongoing"),
    family("off as a status", C_WREXHAM, "    status: delayed\n", "    status: off\n", "status: off", 13,
           "schema-wrong-type", "YAML reads 'off' as yes/no", "status: ongoing"),
    family("true as a title", DWYFOR, "    title: Covid recovery support\n", "    title: True\n", "title: True", 12,
           "schema-wrong-type", "YAML reads 'True' as yes/no", 'title: "True"'),
    family("Yes as a lead's role", UV, "    role: Upper Valleys Cluster Lead", "    role: Yes", "role: Yes", 11,
           "schema-wrong-type", "YAML reads 'Yes' as yes/no", 'role: "Yes"'),
    # Numbers that are not what they look like.
    family("budget 18.500 with a dot for the thousands", NEF, "    budget: TBC\n", "    budget: 18.500\n",
           "budget: 18.500", 13, "yaml-misread-number", ("'18.500' is read as the number 18.5", "£18.50"),
           "budget: 18500"),
    family("finance line 4.840 with a dot", UV, "      amount: £4,840.00", "      amount: 4.840", "amount: 4.840", 15,
           "yaml-misread-number", "'4.840' is read as the number 4.84", "amount: 4840"),
    family("leading zero in a budget", ANGLESEY, '    budget: "£5,000"', "    budget: 05000", "budget: 05000", 13,
           "yaml-misread-number", ("read as the number 2560", "octal"), "budget: 5000"),
    family("leading zero in a cluster number", UV, "number: 8\n", "number: 010\n", "number: 010", 9,
           "yaml-misread-number", ("read as the number 8", "a number starting with 0"), "number: 10",
           file="../cluster.yaml"),
    family("a time in the source's pages", ARFON, "  pages: 3.1 Arfon Cluster, pages 56-61",
           "  pages: 9:12", "pages: 9:12", 10, "yaml-misread-number", ("read as the number 552", "hours and minutes"),
           'pages: "9:12"'),
    family("1,000 in a number field", UV, "number: 8\n", "number: 1,000\n", "number: 1,000", 10,
           "schema-wrong-type", "a number is written without commas", "number: 1000", file="../cluster.yaml"),
    family("a date for since", CONWY_W, "    since: 2021-22\n", "    since: 2021-04-01\n", "since: 2021-04-01", 12,
           "schema-wrong-type", "it is a date", "since: 2021-22"),
    family("a calendar year for since", ANGLESEY, "    since: 2021-22\n", "    since: 2021\n", "since: 2021", 12,
           "schema-wrong-type", "one calendar year", "since: 2021-22"),
    family("a slash in since", MEIRIONNYDD, "    since: 2021-22\n", "    since: 21/22\n", "since: 21/22", 14,
           "schema-wrong-type", "not '/'", "since: 2021-22"),
    family("four-digit second year", DWYFOR, "    since: 2021-22\n", "    since: 2021-2022\n", "since: 2021-2022", 12,
           "schema-wrong-type", "two digits", "since: 2021-22"),
    # '#', '&', '!', '*', '%', '@', '`' starting a value; ': ' and ' #' inside one.
    family("#1 priority as a description", NEF, "    description: Improving patients access",
           "    description: #1 priority Improving patients access", "description: #1 priority", 18,
           "yaml-comment-as-value", ("starts with '#'", "leaves 'description' empty"),
           'description: "#1 priority Improving patients access to maintain sustainability other health professionals"'),
    family("#2 as a list item", S_FLINTS, "      - Winter pressures\n", "      - #2 Winter pressures\n",
           "- #2 Winter", 9, "yaml-comment-as-value", "this item of 'actions'", '- "#2 Winter pressures"'),
    family("& at the start of a title", CONWY_W, "    title: MY LIFE\n", "    title: &Co MY LIFE\n", "title: &Co", 12,
           "yaml-anchor-in-text", ("'&Co'", "the value is only 'MY LIFE'"), 'title: "&Co MY LIFE"'),
    family("% at the start of a status detail", NEF, "    status_detail: Ongoing\n",
           "    status_detail: %50 complete\n", "status_detail: %50", 20, "yaml-reserved-start", "'%'",
           'status_detail: "%50 complete"'),
    family("` at the start of a title", ANGLESEY, "    title: COVID related costs\n",
           "    title: `COVID` related costs\n", "title: `COVID`", 12, "yaml-reserved-start", "'`'",
           'title: "`COVID` related costs"'),
    family("@ at the start of a key action", S_FLINTS, "      - Winter pressures\n", "      - @Winter pressures\n",
           "@Winter", 9, "yaml-reserved-start", "'@'", '- "@Winter pressures"'),
    family("*emphasis* at the start of a comment", NEF, "      - Cluster engagement\n", "      - *Cluster* engagement\n",
           "*Cluster*", 9, "yaml-reserved-start", "'*'", '- "*Cluster* engagement"'),
    family("': ' inside a title", DWYFOR, "    title: Covid recovery support\n",
           "    title: Covid recovery: support\n", "title: Covid recovery:", 26, "yaml-colon-in-text", "': '",
           'title: "Covid recovery: support"'),
    # Lists written as text, and text as a list.
    family("funding sources separated by commas", ARFON, "    funding_sources: [Cluster funds]\n    status: started",
           "    funding_sources: Cluster funding, Welsh Government\n    status: started",
           "funding_sources: Cluster funding, Welsh", 22, "schema-wrong-type", "separated by commas",
           "funding_sources: [Cluster funding, Welsh Government]"),
    family("ministerial priorities separated by semicolons", DWYFOR,
           "    ministerial_priorities: [NHS recovery]\n    sppc_priorities: [Community infrastructure]\n    budget: \"£45,000\"",
           "    ministerial_priorities: NHS recovery; Covid response\n    sppc_priorities: [Community infrastructure]\n"
           "    budget: \"£45,000\"",
           "ministerial_priorities: NHS recovery;", 29, "schema-wrong-type", "separated by semicolons",
           "ministerial_priorities: [NHS recovery, Covid response]"),
    family("one comment written as text", S_WREXHAM,
           "    comments:\n      - Provision of care to the frail/ vulnerable\n      - Recruitment\n",
           "    comments: Provision of care to the frail/ vulnerable\n", "comments: Provision of care", 15,
           "schema-wrong-type", "expected a list", "comments: [Provision of care to the frail/ vulnerable]"),
    family("a description written as a list", NEF, "    description: Improving patients access to maintain sustainability other health professionals\n",
           "    description:\n      - Improving patients access\n      - Maintain sustainability\n",
           "      - Improving patients access", 7, "schema-wrong-type", "written as a list of 2 items",
           "description: Improving patients access; Maintain sustainability", start=-1, drop=1),
    # Money written as a person writes it, wherever an amount goes.
    family("56,000 GBP as a budget", NEF, "    budget: TBC\n", "    budget: 56,000 GBP\n", "budget: 56,000 GBP", 20,
           "money-unparseable", "'GBP' is written beside the figure", "budget: £56,000"),
    family("£ and GBP in an allocation", UV, "  allocation: £224,786.00", "  allocation: £224,786.00 GBP",
           "allocation: £224,786.00 GBP", 27, "money-unparseable", "'GBP'", "allocation: £224,786.00"),
    family("per annum after a finance line", UV, "      amount: £4,840.00", "      amount: £4,840.00 per annum",
           "amount: £4,840.00 per", 25, "money-unparseable", "'per annum'", "amount: £4,840.00"),
    family("£1.2m as a budget", ARFON, '    budget: "£90,000"', "    budget: £0.09m", "budget: £0.09m", 18,
           "money-unparseable", "'m' for million", "budget: £90,000"),
    family("a dot for the thousands in quotes", CONWY_W, '    budget: "£40,000"', '    budget: "£40.000"',
           'budget: "£40.000"', 17, "money-unparseable", "a dot separates the thousands", "budget: £40,000"),
    family("a space for the thousands", DWYFOR, '    budget: "£45,000"', "    budget: £45 000", "budget: £45 000", 16,
           "money-unparseable", "a space separates the thousands", "budget: £45,000"),
    family("£56,000 inside {amount: }", NEF, "    budget: TBC\n", "    budget: {amount: £56,000}\n",
           "budget: {amount: £56,000}", 13, "money-unparseable",
           "the comma in '£56,000' ends the amount inside { }", "budget: {amount: 56000}"),
    family("£ inside {amount: } with its source's words", ARFON, '    budget: {amount: 54000, as_written: "Cluster funds £54,000"}',
           '    budget: {amount: "£54,000", as_written: "Cluster funds £54,000"}', 'budget: {amount: "£54,000"', 13,
           "money-unparseable", "takes a plain number",
           'budget: {amount: 54000, as_written: "Cluster funds £54,000"}'),
    family("words with a figure", CONWY_W, '    budget: "£129,369"', "    budget: approx £129,369", "budget: approx", 13,
           "money-unparseable", "the words 'approx'", 'budget: {amount: 129369, as_written: "approx £129,369"}'),
    family("a minus after the pound sign", ARFON, '    budget: "£90,000"', "    budget: £-90,000", "budget: £-90,000", 14,
           "money-unparseable", "the minus sign goes before the £", "budget: -£90,000"),
    family("27,128 inside {amount: }", CONWY_E, '      amount: "27,128"', "      amount: {amount: 27,128}",
           "amount: {amount: 27,128}", 15, "money-unparseable", "the comma in '27,128'", "amount: {amount: 27128}"),
    family("a trailing p after pence", CONWY_E, '      amount: "27,128"', "      amount: £27,128.00p",
           "amount: £27,128.00p", 25, "money-unparseable", "'p' is written beside the figure", "amount: £27,128.00"),
    family("1_000 as a budget", S_WREXHAM, "    budget: TBC\n", "    budget: 1_000\n", "budget: 1_000", 13,
           "yaml-misread-number", "YAML leaves out the '_'", "budget: 1000"),
    family("FY before a year", NEF_22, "    since: 2021-22\n", "    since: FY2021/22\n", "since: FY2021/22", 18,
           "schema-wrong-type", "not '/'", "since: 2021-22"),
    family("!Important starting a key action", S_FLINTS, "      - Winter pressures\n", "      - !Important winter pressures\n",
           "!Important", 9, "yaml-reserved-start", "'!'", '- "!Important winter pressures"'),
    family("curly quotes in a list in brackets", NEF_22, "    funding_sources: [Cluster]", "    funding_sources: [‘Cluster funding’]",
           "funding_sources: [‘Cluster", 23, "yaml-curly-quotes", "curly quote ‘", 'funding_sources: ["Cluster funding"]'),
    family("Recurrent in the recurrent field", CONWY_E, "      recurrent: true\n", "      recurrent: Recurrent\n",
           "recurrent: Recurrent", 18, "schema-wrong-type", "expected yes or no", "recurrent: true"),
    # Ids from titles, Welsh letters included.
    family("Welsh letters in an id", NEF, "  - id: audiology\n", "  - id: gŵyl-iechyd\n", "id: gŵyl", 10,
           "schema-wrong-type", "the letter ŵ", "gwyl-iechyd", value="gŵyl-iechyd"),
    family("an id written as its title", ANGLESEY, "  - id: first-contact-physiotherapy\n",
           "  - id: Advanced Physiotherapist\n", "id: Advanced Physio", 9, "schema-wrong-type", "the capital letter A",
           "advanced-physiotherapist", value="Advanced Physiotherapist"),
    family("an id with a circumflex and spaces", DWYFOR, "  - id: covid-recovery\n", "  - id: Ymateb i'r pandemig â COVID\n",
           "id: Ymateb", 9, "schema-wrong-type", "the capital letter Y", "ymateb-ir-pandemig-a-covid",
           value="Ymateb i'r pandemig â COVID"),
    family("an underscore in an id", CONWY_E, "  - id: my-surgery-app\n", "  - id: my_surgery_app\n",
           "id: my_surgery", 11, "schema-wrong-type", "the character _", "my-surgery-app", value="my_surgery_app"),
]


def _apply_fix(line: str, case: Family) -> str:
    """The line with the fix the hint writes out put in: from the fix's field name (or '- ') on, or in
    place of the mistaken value; an invisible character in what stays is made a plain space."""
    from generator.load.characters import mended
    indented = re.search(r" \(indented by (\d+) spaces\)$", case.fix)
    if indented:
        return " " * int(indented[1]) + case.fix[:indented.start()]
    if case.value:
        assert case.value in line, (case.value, line)
        return mended(line.replace(case.value, case.fix, 1))
    line = mended(line)
    indent = len(line) - len(line.lstrip())
    if case.fix.startswith("- ") or ":" not in case.fix:
        return " " * indent + case.fix
    key = case.fix.split(":", 1)[0]
    start = line.find(key + ":")
    start = start if start >= 0 else line.find(key)
    assert start >= 0, (key, line)
    return line[:start] + case.fix


def test_the_families_corpus_is_large_enough():
    assert len(FAMILIES) >= 60
    assert len({m.name for m in FAMILIES}) == len(FAMILIES)


@pytest.mark.parametrize("case", FAMILIES, ids=[m.name for m in FAMILIES])
def test_each_family_is_named_at_its_character_and_its_fix_works(real: Repo, case: Family):
    rel = str(Path(case.plan, case.file)).replace("\\", "/")
    rel = str(Path(rel).resolve().relative_to(Path.cwd().resolve())) if ".." in rel else rel
    rel = rel if ".." not in case.file else "/".join(case.plan.split("/")[:-1]) + "/" + case.file.removeprefix("../")
    text = real.read(rel)
    assert case.old in text, f"{case.old!r} is not in {rel}"
    real.write(rel, text.replace(case.old, case.new, 1))
    line = real.line_of(rel, case.where)
    result = real.validate(case.plan)
    problem = next((x for x in result.lines if x.startswith(f"{rel}:{line}:{case.column}: error {case.code}: ")), None)
    assert problem is not None, (line, _errors(result))
    for words in case.says:
        assert words in problem, (words, problem)
    assert case.fix in result.hint_after(problem)
    assert not PARSER_WORDS.search(result.output), result.output
    assert [p for p in result.errors() if p[0] == rel] == [(rel, line, case.code)], _errors(result)
    # The fix as the hint writes it, put in its place: the plan validates.
    lines = real.read(rel).split("\n")
    first = line - 1 + case.start
    lines[first:line + case.drop] = [_apply_fix(lines[first], case)]
    real.write(rel, "\n".join(lines))
    again = real.validate(case.plan)
    assert again.errors() == [], _errors(again)


def _errors(result) -> str:
    """The errors of a run with their hints (its warnings left out), to read a failure by."""
    out, keep = [], False
    for text in result.lines:
        if not text.startswith(" "):
            keep = " error " in text
        if keep:
            out.append(text)
    return "\n".join(out)


# A pasted space or tab and, elsewhere in the same plan, another mistake: one run names both, each at its own
# line, so the lead fixes them together instead of meeting the second only once the first is fixed.
TOGETHER = [
    ("a non-breaking space indenting a title, and a misspelt status", NEF,
     ("    title: Audiology\n", f"{NBSP}   title: Audiology\n", "title: Audiology", "yaml-invisible-space"),
     ("    status: ongoing\n", "    status: finishd\n", "status: finishd", "vocabulary-unknown")),
    ("a tab inside a title, and a budget in words", DWYFOR,
     ("    title: Covid recovery support\n", "    title: Covid\trecovery support\n", "title: Covid", "yaml-tab"),
     ('    budget: "£45,000"', "    budget: forty five thousand", "budget: forty five", "money-unparseable")),
    ("a zero-width space in an id, and curly quotes around a status", ARFON,
     ("  - id: covid-recovery", f"  - id: covid{ZWSP}-recovery", "id: covid", "yaml-invisible-space"),
     ("    status: started\n", "    status: ‘started’\n", "status: ‘started’", "yaml-curly-quotes")),
    ("a narrow space in a figure, and a field left out", UV,
     ("  allocation: £224,786.00", "  allocation: £224\u202f786.00", "allocation: £224", "yaml-invisible-space"),
     ("cluster: upper-valleys\n", "", "board: swansea-bay", "schema-missing-field")),
]


@pytest.mark.parametrize("name, plan, pasted, other", TOGETHER, ids=[case[0] for case in TOGETHER])
def test_a_pasted_character_does_not_hide_the_plans_other_mistakes(real: Repo, name, plan, pasted, other):
    rel = f"{plan}/plan.yaml"
    text = real.read(rel)
    for old, new, _, _ in (pasted, other):
        assert old in text, f"{old!r} is not in {rel}"
        text = text.replace(old, new, 1)
    real.write(rel, text)
    result = real.validate(plan)
    expected = sorted((rel, real.line_of(rel, where), code) for _, _, where, code in (pasted, other))
    assert sorted(p for p in result.errors() if p[0] == rel) == expected, _errors(result)
    assert result.exit_code == 1
    assert not PARSER_WORDS.search(result.output), result.output


def test_every_character_that_shows_nothing_is_named_and_mended():
    """Every format character Unicode has (it draws nothing) and every line break other than the file's own
    is found on its line, named by its code or its name, never as 'another character', and mended to
    nothing or a space; the tag characters that spell out Wales's flag emoji are left as written."""
    import sys
    import unicodedata

    from generator.load import characters

    format_marks = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"
                    and not 0xE0020 <= c <= 0xE007F]
    breaks = [end for end in "\x0b\x0c\x85\u2028\u2029"]
    assert len(format_marks) > 50
    for char in format_marks + breaks:
        assert characters.INVISIBLE.search(f"title: a{char}b"), f"U+{ord(char):04X}"
        assert characters.mended(f"title: a{char}b") in ("title: ab", "title: a b"), f"U+{ord(char):04X}"
        named = characters.name(char).text_in("en")
        assert not named.startswith("the character") and ("U+" in named or char in characters._WIDTHLESS), (f"U+{ord(char):04X}", named)
    wales = "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F"
    assert not characters.INVISIBLE.search(f"title: Cymru {wales}")
