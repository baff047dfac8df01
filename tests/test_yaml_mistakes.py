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
    shown = real.read(plan).splitlines()[line - 1].replace("\t", "→").rstrip()
    assert result.lines[at + 1] == f"    {line} | {shown}"
    assert result.lines[at + 2] == "    " + " " * len(str(line)) + " | " + " " * (mistake.column - 1) + "^"
    assert not PARSER_WORDS.search(result.output), result.output
    assert result.exit_code == (1 if mistake.severity == "error" else 0)
    if mistake.severity == "error":
        assert [p for p in result.errors() if p[0] == plan] == [(plan, line, mistake.code)], result.output
