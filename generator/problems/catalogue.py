"""Every problem type, one class each; the leads' guide and the docs are generated from this file."""

from __future__ import annotations

from generator.problems.report import WARNING, ProblemType, phrase, problem_type

ACK_HINT = (" If the source document itself prints it this way, keep it as written and add"
            " under known_issues: problem: {code}, field: {field}, note: <what is wrong in the source>.")


# --- Files and YAML -------------------------------------------------------


@problem_type
class YamlSyntax(ProblemType):
    code = "yaml-syntax"
    title = "YAML syntax error"
    message = "this is not valid YAML: {detail}"
    hint = ("Write the value as plain text, a number, a list or fields, without a tag starting with '!!';"
            " if the '!' is part of the text, put the whole text in double quotes.")


@problem_type
class YamlDuplicateKey(ProblemType):
    code = "yaml-duplicate-key"
    title = "Duplicate key"
    message = "'{key}' appears twice in the same block (first on line {first_line})"
    hint = "Delete one of the two, or merge their contents into one."


@problem_type
class YamlForbiddenTag(ProblemType):
    code = "yaml-forbidden-tag"
    title = "Forbidden YAML tag"
    message = "the tag '{tag}' is not allowed in plan files"
    hint = ("Remove the tag (the part starting with '!'); plan files hold plain text, numbers, lists and mappings."
            " If the '!' is part of the text, put the whole text in double quotes.")


@problem_type
class YamlAliasLimit(ProblemType):
    code = "yaml-alias-limit"
    title = "Too many YAML aliases"
    message = "the file expands aliases to more than {limit} values"
    hint = "Write the values out instead of repeating them with '*' aliases."


@problem_type
class FileUnsafePath(ProblemType):
    code = "file-unsafe-path"
    title = "File is a link or lies outside the repository"
    message = "{reason}"
    hint = "Replace the link with the file itself, inside the repository."


@problem_type
class FileTooLarge(ProblemType):
    code = "file-too-large"
    title = "File too large"
    message = "the file is {size} bytes; the limit is {limit} bytes"
    hint = "Split long prose into several section files, or move large tables out of the plan."


@problem_type
class FileEncoding(ProblemType):
    code = "file-encoding"
    title = "File is not UTF-8 text"
    message = "{detail}"
    hint = "Save the file as UTF-8 text (in most editors: 'Save with encoding' > UTF-8)."


# --- Folder layout and registry ---------------------------------------------


@problem_type
class LayoutNoClusters(ProblemType):
    code = "layout-no-clusters"
    title = "No clusters folder"
    message = "there is no clusters/ folder in {root}"
    hint = "Run the command inside the repository (or a folder below it), or name the repository with --root."


@problem_type
class LayoutUnknownBoard(ProblemType):
    code = "layout-unknown-board"
    title = "Unknown health board folder"
    message = "the folder '{name}' is not a health board in the registry[[; did you mean '{close}'?]]"
    hint = "Board folders are: {choices}. Rename the folder, or add a board.yaml if this is a new board."


@problem_type
class LayoutUnknownCluster(ProblemType):
    code = "layout-unknown-cluster"
    title = "Unknown cluster folder"
    message = "the folder '{name}' is not a cluster of {board}[[; did you mean '{close}'?]]"
    hint = "Rename the folder to the cluster's slug, or add a cluster.yaml describing the new cluster."


@problem_type
class LayoutBadYear(ProblemType):
    code = "layout-bad-year"
    title = "Plan year folder badly named"
    message = "the folder '{name}' is not a financial year written YYYY-YY"
    hint = "Name the folder after the financial year, e.g. 2023-24 for April 2023 to March 2024."


@problem_type
class LayoutBadSlug(ProblemType):
    code = "layout-bad-slug"
    title = "Folder name is not a slug"
    message = "the folder name '{name}' may only hold lowercase letters, digits and hyphens"
    hint = "Rename it to '{suggestion}'."


@problem_type
class LayoutMissingPlan(ProblemType):
    code = "layout-missing-plan"
    title = "Plan year folder without plan.yaml"
    message = "the folder '{name}' has no plan.yaml"
    hint = "Create the plan with: cluster-plans new {board}/{cluster} {name}"


@problem_type
class LayoutUnknownSection(ProblemType):
    code = "layout-unknown-section"
    title = "Unknown prose file"
    message = "'{name}' is not one of the plan's section files[[; did you mean '{close}'?]]"
    hint = "Section files are: {choices}. Rename the file to one of them."


@problem_type
class LayoutUnknownBoardText(ProblemType):
    code = "layout-unknown-board-text"
    title = "Unknown file in a board's year folder"
    message = "'{name}' is not one of the board's texts for a year[[; did you mean '{close}'?]]"
    hint = ("A board's year folder (clusters/<board>/years/<year>/) holds {choices}, and their Welsh versions"
            " ending in .cy.md. Rename the file to one of them.")


@problem_type
class LayoutWelshSectionName(ProblemType):
    code = "layout-welsh-section-name"
    title = "Welsh section file badly named"
    message = "'{name}' looks like the Welsh version of {section}.md, but Welsh sections end in .cy.md"
    hint = "Rename it to {fixed}, so that it is published as the Welsh text of that section."


@problem_type
class LayoutUnreadFile(ProblemType):
    code = "layout-unread-file"
    title = "File in a plan folder that is not read"
    message = "'{name}' is not read: a plan folder holds plan.yaml and Markdown section files (.md) only"
    hint = ("[[fixed|Rename it to {fixed}.]][[other|Write prose as Markdown in a section file such as"
            " executive-summary.md, and delete this file or move it out of the plan folder.]]")


@problem_type
class LayoutMismatch(ProblemType):
    code = "layout-mismatch"
    title = "File does not match its folder"
    message = "the file says {key}: {value}, but it is in the folder for {expected}"
    hint = "Set {key}: {expected}, or move the file to the right folder."


@problem_type
class RegistryDuplicateName(ProblemType):
    code = "registry-duplicate-name"
    title = "Two clusters share a name"
    message = "the name '{name}' is used by both {first} and {second}"
    hint = "Each name or alias must find exactly one cluster; remove it from one of them."


@problem_type
class RegistryBadMaintainer(ProblemType):
    code = "registry-bad-maintainer"
    title = "Maintainer who is not a GitHub handle"
    description = ("The maintainers of a cluster.yaml are written into .github/CODEOWNERS, so that GitHub asks"
                   " them to review every change to the cluster's plans; `cluster-plans codeowners` writes nothing"
                   " while one of them is not a handle GitHub knows.")
    message = "'{handle}' is not a GitHub handle"
    hint = "Write @user, @organisation/team or an e-mail address, e.g. @angharad-fletcher."


@problem_type
class RegistryEmptyPlace(ProblemType):
    code = "registry-empty-place"
    title = "Town or practice without a name"
    description = ("A cluster.yaml's communities and practices are shown on the cluster's page and found by the"
                   " site's search; an entry without a name would show as an empty item.")
    message = "entry {number} of {list} has no name"
    hint = "Write the name as the source gives it, or delete the line."


@problem_type
class RegistryDuplicatePlace(ProblemType):
    code = "registry-duplicate-place"
    title = "Town or practice listed twice"
    severity = WARNING
    message = "'{name}' is listed twice in {list} (first on line {first_line})"
    hint = "Delete one of the two: the cluster's page lists each name once."


# --- Schema -----------------------------------------------------------------


@problem_type
class SchemaMissingField(ProblemType):
    code = "schema-missing-field"
    title = "Required field missing"
    message = "'{name}' is required here but missing"
    hint = "Add '{name}:' to {place}. See the plan template (generator/authoring/plan-template.yaml) for an example."


@problem_type
class SchemaUnknownField(ProblemType):
    code = "schema-unknown-field"
    title = "Unknown field"
    message = "'{name}' is not a field of {where}[[; did you mean '{close}'?]]"
    hint = "Allowed fields here: {choices}."


@problem_type
class SchemaWrongType(ProblemType):
    code = "schema-wrong-type"
    title = "Value of the wrong kind"
    message = "expected {expected}, received {received}[[: {why}]]"
    hint = ("[[name|The '{name}' of {place} should be {expected}.]][[whole|The whole file should be {expected},"
            " starting with a line such as 'board: betsi-cadwaladr'.]][[ {tip}]]")


@problem_type
class SchemaInvalidValue(ProblemType):
    code = "schema-invalid-value"
    title = "Value not allowed"
    message = "{detail}"
    hint = ("[[choices|Write one of these as the '{name}' of {place}: {choices}.]][[money|Write the '{name}' of"
            " {place} as an amount such as £45,000, or TBC until it is agreed.]][[other|Correct the '{name}' of"
            " {place}.]]")


# --- Plan rules -------------------------------------------------------------


@problem_type
class ActivityDuplicateId(ProblemType):
    code = "activity-duplicate-id"
    title = "Two activities share an id"
    message = "the activity id '{id}' is already used on line {first_line}"
    hint = "Give each activity its own id; keep an id unchanged from year to year for the same activity."


@problem_type
class MoneyUnparseable(ProblemType):
    code = "money-unparseable"
    title = "Amount of money cannot be read"
    message = "'{written}' is not an amount of money[[: {why}]]"
    # The known-issue route only for a figure that looks printed that way (pound sign, digits and misplaced
    # separators, in a plan transcribed from a source document), never for a lead's own typing.
    hint = ("Write the amount in pounds as a number, e.g. 77019.42 or '£77,019.42', or TBC if it is"
            " not known yet.[[fixed| Here: {fixed}]][[misprint|" + ACK_HINT + "]]")
    acknowledgeable = True
    flag_kind = "figure"


@problem_type
class FinanceTotalMismatch(ProblemType):
    code = "finance-total-mismatch"
    title = "Finance total does not add up"
    message = "the total is {stated}, but the lines add up to {computed}"
    hint = "Correct the total or the lines so that they agree." + ACK_HINT
    acknowledgeable = True
    flag_kind = "total"


@problem_type
class FinanceBalanceMismatch(ProblemType):
    code = "finance-balance-mismatch"
    title = "Finance balance does not add up"
    message = "the balance is {stated}, but allocation plus carry-over minus committed is {computed}"
    hint = "Correct the balance, the allocation or the committed total so that they agree." + ACK_HINT
    acknowledgeable = True
    flag_kind = "total"


@problem_type
class VocabularyUnknown(ProblemType):
    code = "vocabulary-unknown"
    title = "Term not in the controlled vocabulary"
    message = "'{term}' is not a known {vocabulary}[[; did you mean '{close}'?]]"
    hint = "Use one of: {choices}.[[ {tip}]]"
    # A source whose table columns slipped can put other text in a vocabulary cell; it is kept as printed.
    acknowledgeable = True
    flag_kind = "wrong-column"


@problem_type
class VocabularyVariant(ProblemType):
    code = "vocabulary-variant"
    title = "Variant spelling of a term"
    severity = WARNING
    message = "'{term}' is a variant of the {vocabulary} '{canonical}'"
    hint = "Write '{canonical}' so that the plan is counted with others that use it."


@problem_type
class BudgetToBeConfirmed(ProblemType):
    code = "budget-tbc"
    title = "Budget to be confirmed"
    severity = WARNING
    message = "the budget of '{title}' is to be confirmed"
    hint = "Enter the amount once it is agreed, so that board and national totals include it."


@problem_type
class FundingSourceMissing(ProblemType):
    code = "funding-source-missing"
    title = "No funding source"
    severity = WARNING
    message = "'{title}' names no funding source"
    hint = "Add funding_sources, e.g. [Cluster funding] or [Health board core funding]."


@problem_type
class FinanceTotalUncheckable(ProblemType):
    code = "finance-total-unchecked"
    title = "Finance total cannot be checked"
    severity = WARNING
    message = "the total cannot be checked because {count} of the lines are to be confirmed"
    hint = "Enter the amounts of the lines once they are agreed."


# --- Mistakes a source document makes --------------------------------------
# Each is a warning: the plan keeps the figure as printed, and the site flags it beside the figure.
# A known issue with the same code and field adds the plan's note.

# Said of a gap or leftover the plan does not record as its source's, in a draft and a published plan alike.
CANNOT_GO_OUT = "[[unrecorded|, which a published plan cannot go out with]]"
# The way out for a published plan that is not ready: shown only when the plan says status: published.
PUBLISHED_HINT = "[[published| If the plan is not ready to publish, set status: draft in plan.yaml until it is.]]"
# A source's own gap, recorded so that the site shows it as the source's (for plans with a source document).
MISSING_HINT = ("[[transcribed| If the source document itself {gap}, keep the plan as printed and record the gap under"
                " known_issues: problem: {code}, field: {field}, kind: missing, note: <what the source leaves out>.]]")

RECORD_HINT = (" If the source document prints it this way, keep it as written and record it under known_issues:"
               " problem: {code}, field: {field}, note: <what is wrong in the source>.")


@problem_type
class BudgetDisagrees(ProblemType):
    code = "budget-disagrees"
    title = "Activity and finance tables disagree"
    severity = WARNING
    message = "the activity table gives '{title}' a budget of {budget}, but the finance line '{item}' says {amount}"
    hint = "Make the two tables agree if one of them is a slip." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "disagreement"


@problem_type
class BudgetWithoutFinanceLine(ProblemType):
    code = "budget-no-finance-line"
    title = "Budgeted activity missing from the finance table"
    severity = WARNING
    message = "'{title}' has a budget of {budget}, but no line of the finance table is for it"
    hint = "Add the finance line, or check the activity's title against the finance table's items." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "disagreement"


@problem_type
class FinanceLineWithoutActivity(ProblemType):
    code = "finance-line-no-activity"
    title = "Finance line for no activity"
    severity = WARNING
    message = "the finance line '{item}' ({amount}) is for no activity of the activity table"
    hint = "Add the activity, or check the line's item against the activity titles." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "disagreement"


@problem_type
class BudgetNotStated(ProblemType):
    code = "budget-not-stated"
    title = "Budget not stated"
    severity = WARNING
    message = "'{title}' {how}, so the site shows it as not stated"
    hint = ("Write the amount, or TBC if it is not known yet, so that board and national totals can count it."
            + RECORD_HINT)
    acknowledgeable = True
    flag_kind = "missing"


@problem_type
class TbcMisspelt(ProblemType):
    code = "tbc-misspelt"
    title = "TBC misspelt"
    severity = WARNING
    message = "'{written}' looks like a misspelling of TBC (to be confirmed)"
    hint = "Write TBC." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "spelling"


@problem_type
class FigureMalformed(ProblemType):
    code = "figure-malformed"
    title = "Figure in the text that is not an amount"
    severity = WARNING
    message = "'{written}' in {where} is not a well-formed amount: {reason}"
    hint = "Write the figure as the amount it is, e.g. £37,701 or £37.7k." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "figure"


@problem_type
class PercentageImpossible(ProblemType):
    code = "percentage-impossible"
    title = "Percentage that cannot be right"
    severity = WARNING
    message = "'{written}' in {where} {reason}"
    hint = "Check the figure against its source." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "figure"


@problem_type
class TableWidthMismatch(ProblemType):
    code = "table-width-mismatch"
    title = "Table row and header of different widths"
    message = "the header of the table '{caption}' has {columns} columns, but {which} {cells} cells"
    hint = ("Give every row one cell per column. A header or cell holding a comma must be in quotes, e.g."
            " [Service, \"Comments (e.g. gaps in services, training needs)\"], or YAML splits it in two.")


@problem_type
class TableBadReference(ProblemType):
    code = "table-bad-reference"
    title = "Table check names no row or column of its table"
    message = "{detail}"
    hint = ("Rows and columns are counted from 0 (-1 for the last); a derived row names exactly one of sum,"
            " average or ratio (two rows: the one divided, then the one it is divided by).")


@problem_type
class TableTotalMismatch(ProblemType):
    code = "table-total-mismatch"
    title = "Table total or average does not follow from its figures"
    severity = WARNING
    message = "{label} of the table '{caption}' is {stated}, but {computed_as} is {computed}"
    hint = "Correct the figure or the figures it comes from so that they agree." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "total"


@problem_type
class TableCountMissing(ProblemType):
    code = "table-count-missing"
    title = "Table row without its figure"
    severity = WARNING
    message = "{what} in the table '{caption}' has no {missing}, although the other rows have one"
    hint = "Enter the figure, or write N/A if there is none." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "missing"


@problem_type
class NumberingBroken(ProblemType):
    code = "numbering-broken"
    title = "Numbering duplicated or skipped"
    severity = WARNING
    message = "{where} numbers '{number}' after '{previous}': {reason}"
    hint = "Number the items in order." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "numbering"


@problem_type
class DuplicateEntry(ProblemType):
    code = "duplicate-entry"
    title = "Entry repeated"
    severity = WARNING
    message = "{what} repeats {first} word for word"
    hint = "Delete the copy if it is a slip." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "duplicate"


@problem_type
class BracketUnbalanced(ProblemType):
    code = "bracket-unbalanced"
    title = "Bracket without its partner"
    severity = WARNING
    message = "'{words}' in {where} has {reason}"
    hint = "Add the missing bracket or remove the extra one." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "bracket"


@problem_type
class PlaceholderLeft(ProblemType):
    code = "placeholder-left"
    title = "Editing note left in the text"
    description = ("A warning while the plan is a draft; an error once it says status: published, as the note"
                   " would be published as written, unless the plan records it as printed so in its source.")
    message = ("'{written}' in {where} is an editing note, not part of the plan"
               "[[unrecorded|; a published plan cannot go out with it]]")
    hint = ("Replace the note with what it asks for." + PUBLISHED_HINT + RECORD_HINT)
    acknowledgeable = True
    flag_kind = "placeholder"
    draft_warning = True


@problem_type
class TermMisspelt(ProblemType):
    code = "term-misspelt"
    title = "Programme priority misspelt"
    severity = WARNING
    message = "the theme '{written}' looks like the {vocabulary} '{term}', misspelt"
    hint = "Write '{term}'." + RECORD_HINT
    acknowledgeable = True
    flag_kind = "spelling"


@problem_type
class KnownIssueUnmatched(ProblemType):
    code = "known-issue-unmatched"
    title = "Known issue matches no problem"
    severity = WARNING
    message = "the known issue {problem} at '{target}' matches no problem in this plan"
    hint = "Remove it if the figure has been corrected, or check the problem code and field path."


@problem_type
class KnownIssueNotAllowed(ProblemType):
    code = "known-issue-not-allowed"
    title = "Problem cannot be acknowledged"
    message = "'{problem}' cannot be recorded as a known issue of the source"
    hint = "Only these problems can be acknowledged: {choices}. Fix the others in the plan."


@problem_type
class SectionMissingLead(ProblemType):
    code = "plan-missing-lead"
    title = "Plan names no lead"
    severity = WARNING
    message = "the plan names no cluster lead"
    hint = "Add leads: with the name and role of each lead, as signed on the executive summary."



@problem_type
class SourceError(ProblemType):
    code = "source-error"
    flag_kind = "other"
    title = "Mistake of the source document"
    severity = WARNING
    description = ("A mistake of the source document that no automatic check finds, recorded under known_issues"
                   " with problem: source-error so that the site publishes the figure or words as printed with a"
                   " note beside them.")
    message = "the source document {what}"
    hint = "Nothing to fix in the plan: the site shows the note beside it. Remove the known issue if the source is corrected."
    acknowledgeable = True
    recorded_only = True


@problem_type
class KnownIssueBadField(ProblemType):
    code = "known-issue-bad-field"
    title = "Known issue names no place in the plan"
    message = "the known issue names '{target}', which is {reason}"
    hint = ("Write the place as the validator's hint names it, e.g. activities[phlebotomy].budget,"
            " finance.lines[Phlebotomy].amount or workforce.tables[Workforce].rows[Physio][No of staff by WTE],"
            " or a prose section file of this plan, e.g. {example}.")


@problem_type
class KnownIssueGone(ProblemType):
    code = "known-issue-gone"
    title = "Known issue's item is no longer in the plan"
    description = ("A known issue names its item by a key (an activity's id, a finance line's item, a table's"
                   " caption, a row's label). When no item has that key any more (the activity was deleted, or"
                   " its id changed), the note is not moved to another item: it is reported here, at its own line.")
    message = "this known issue's note was on {named}, which is no longer in {holder}: '{note}'"
    hint = ("If you deleted it, delete this known issue too (from '- problem:' to its note). If you renamed it,"
            " write its new name in field: instead.[[ {holder} now has: {choices}.]]")


@problem_type
class KnownIssueAmbiguous(ProblemType):
    code = "known-issue-ambiguous"
    title = "Known issue names more than one item"
    message = "the known issue names {named}, and more than one item of {holder} has that name"
    hint = "Write more of the item's words in field:, so that they name one item:[[ {choices}.]]"


@problem_type
class KnownIssuePositional(ProblemType):
    code = "known-issue-by-position"
    title = "Known issue names its item by position"
    description = ("A known issue that counts items (activities[3]) moves to another item when one is added,"
                   " deleted or reordered above it, and the site shows its note on the wrong activity. Items are"
                   " named by a key instead: an activity by its id, a finance line by its item, a table by its"
                   " caption, a row by its first cell, a cell by its column's name, a text by its first words"
                   " (ending in '…').")
    message = "the known issue names '{target}' by counting, so its note moves to another item when one is added," \
              " deleted or reordered"
    hint = "Write field: {keyed}"


# --- YAML mistakes, explained -------------------------------------------------
# A file YAML cannot read (or reads other than meant) is reported as the mistake a lead made, at the
# line and column where it is, instead of the parser's own wording; generator/yaml_mistakes.py finds them.


@problem_type
class YamlTab(ProblemType):
    code = "yaml-tab"
    title = "Tab character used for spacing"
    message = "a tab character is used {where}; plan files may only use spaces"
    hint = ("Replace the tab with spaces. Indent with 2 spaces for each level, lined up with the lines it"
            " belongs with (most editors have a setting 'insert spaces for tabs').[[ Here: {fixed}]]")


@problem_type
class YamlMissingColon(ProblemType):
    code = "yaml-missing-colon"
    title = "Colon missing after a field name"
    message = "there is no colon after the field name '{name}'"
    hint = "Put a colon and a space after the field name: {fixed}"


@problem_type
class YamlColonSpace(ProblemType):
    code = "yaml-colon-space"
    title = "No space after a colon"
    message = "there is no space after the colon in '{written}'"
    hint = "Put a space after the colon: {fixed}"


@problem_type
class YamlDashSpace(ProblemType):
    code = "yaml-dash-space"
    title = "No space after a list item's dash"
    message = "there is no space after the '-' that starts this list item"
    hint = "Put a space after the dash: {fixed}"


@problem_type
class YamlLineNotAField(ProblemType):
    code = "yaml-line-not-a-field"
    title = "Line that is neither a field nor a list item"
    message = "this line is neither a field ('name: value') nor a list item ('- ...')"
    hint = ("If the text continues the line above, indent it further than the field name above it; if it"
            " is a field of its own, write its name, a colon and a space before the value.")


@problem_type
class YamlColonInText(ProblemType):
    code = "yaml-colon-in-text"
    title = "Text containing ': ' without quotes"
    message = "this text contains ': ', which YAML reads as the start of another field"
    hint = "Put the whole text in double quotes: {fixed}"


@problem_type
class YamlCommentInText(ProblemType):
    code = "yaml-comment-in-text"
    title = "Text cut short by ' #'"
    severity = WARNING
    message = "'{dropped}' is read as a comment, so the value is only '{value}'"
    hint = "If '{dropped}' is part of the text, put the whole text in double quotes: {fixed}"


@problem_type
class YamlCurlyQuotes(ProblemType):
    code = "yaml-curly-quotes"
    title = "Curly quotes around text"
    message = "the text starts with a curly quote {quote}, which YAML does not read as a quote"
    hint = "Use straight quotes (\"), as a word processor's curly ones are not quotes to YAML: {fixed}"


@problem_type
class YamlUnclosedQuote(ProblemType):
    code = "yaml-unclosed-quote"
    title = "Quote that is never closed"
    message = "the quote {quote} that opens this text is never closed"
    hint = "Add the closing {quote} at the end of the text, on the same line."


@problem_type
class YamlTextAfterQuote(ProblemType):
    code = "yaml-text-after-quote"
    title = "Text after the closing quote"
    message = "there is more text after the closing quote"
    hint = "Put the quotes around the whole text: {fixed}"


@problem_type
class YamlApostrophe(ProblemType):
    code = "yaml-apostrophe"
    title = "Apostrophe inside single quotes"
    message = "the apostrophe in '{word}' ends the single quotes early"
    hint = "Use double quotes around the text: {fixed} (or write the apostrophe twice: {doubled})"


@problem_type
class YamlBadEscape(ProblemType):
    code = "yaml-bad-escape"
    title = "Backslash inside double quotes"
    message = "'{escape}' inside double quotes is not a character YAML knows"
    hint = "Use single quotes around text that holds a backslash, or write the backslash twice (\\\\)."


@problem_type
class YamlReservedStart(ProblemType):
    code = "yaml-reserved-start"
    title = "Text starting with a special character"
    message = "text that starts with {char} must be in quotes"
    hint = "Put the whole text in double quotes: {fixed}"


@problem_type
class YamlUnclosedBracket(ProblemType):
    code = "yaml-unclosed-bracket"
    title = "List in brackets that is not closed"
    message = "the list opened with '{open}' is not closed with '{close}' on this line"
    hint = ("Close it on the same line, e.g. [Cluster funding, Welsh Government], or write the items on"
            " lines of their own starting with '- '.")


@problem_type
class YamlBracketItems(ProblemType):
    code = "yaml-bracket-items"
    title = "Item of a list in brackets that cannot be read"
    message = "an item of the list in '{open}{close}' cannot be read here"
    hint = "Put each item that holds ',', ':' or a quote in double quotes, e.g. [\"Cluster: hub\", Welsh Government]."


@problem_type
class YamlPlaceholderThenItems(ProblemType):
    code = "yaml-placeholder-then-items"
    title = "Empty placeholder followed by entries"
    message = "'{key}: {empty}' says {key} is empty, but entries follow on line {item_line}"
    hint = "Delete the '{empty}' after '{key}:' so that the entries below belong to it."


@problem_type
class YamlItemDepth(ProblemType):
    code = "yaml-item-depth"
    title = "List item at the wrong depth"
    message = "this list item is indented by {found}, but the items above it (line {item_line}) by {expected}"
    hint = "Line the '-' up with the items above it: indent it by {expected}."


@problem_type
class YamlItemMerged(ProblemType):
    code = "yaml-item-merged"
    title = "List item read as more text"
    message = ("this line starts with '- ' but is indented by {found}, further than the line it follows"
               " (line {above}), so it was read as more text of that line")
    hint = "To make it a list item of its own, indent it by {expected}, like the item on line {above}."


@problem_type
class YamlFieldDepth(ProblemType):
    code = "yaml-field-depth"
    title = "Field at the wrong depth"
    message = "'{name}' is indented by {found}, but '{sibling}' on line {sibling_line} by {expected}"
    hint = ("Fields of the same block must line up: indent '{name}' by {expected}, like '{sibling}'"
            " (or, if it belongs to a block of its own, add that block's name above it).")


@problem_type
class YamlUnreadable(ProblemType):
    code = "yaml-unreadable"
    title = "Line YAML cannot read"
    message = "YAML cannot read the file from this point"
    hint = ("Check this line and the one above it: each field is written 'name: value', list items start"
            " with '- ', lines are indented with spaces and lined up with the lines they belong with, and"
            " text holding ': ' or ' #', or starting with a quote, '[' or '*', is put in double quotes.")


@problem_type
class YamlSecondDocument(ProblemType):
    code = "yaml-second-document"
    title = "Second document in one file"
    message = "'{marker}' on a line of its own starts a second document, but a plan file holds only one"
    hint = "Delete this line (and, if a second plan was pasted below it, move that plan to its own folder)."


@problem_type
class YamlItemAfterKey(ProblemType):
    code = "yaml-item-after-key"
    title = "List item on the same line as its field name"
    message = "the list item '{item}' starts on the same line as '{name}:'"
    hint = "Put '{item}' on the next line, indented by {indent}, or write the list in brackets: [...]."


@problem_type
class YamlInvisibleCharacter(ProblemType):
    code = "yaml-invisible-character"
    title = "Invisible character in the file"
    message = "there is an invisible character ({char}) here, which plan files may not hold"
    hint = ("Delete it: it usually comes with text pasted from another program. Retype the start of the line"
            " if your editor does not show it.")


@problem_type
class YamlMissingName(ProblemType):
    code = "yaml-missing-name"
    title = "Value without a field name"
    message = "this line has a ':' but no field name before it"
    hint = "Write the field's name before the colon, e.g. 'status: ongoing', or delete the line."


# --- Pasted characters and YAML's own readings -----------------------------------
# What a word processor or a web page brings into a plan (bullets, long dashes, curly quotes, invisible
# spaces) and what YAML reads other than meant (yes/no, numbers, '#', '&'), each named in a lead's words
# at the character itself, with the line as it should be (generator/load/characters.py finds them).


@problem_type
class YamlInvisibleSpace(ProblemType):
    code = "yaml-invisible-space"
    title = "Invisible character pasted into the file"
    message = "there is {char} {where}, an invisible character that YAML does not read as an ordinary space"
    hint = ("[[space|Replace it with an ordinary space]][[delete|Delete it]] (retype that part of the line if"
            " your editor does not show it): {fixed}")
    description = ("Text copied from Word, a PDF or a web page often carries non-breaking, zero-width or other"
                   " invisible spaces; in the indentation, around a colon, in a field name or an id they change"
                   " what YAML reads, and in text they break search.")


@problem_type
class YamlPastedBullet(ProblemType):
    code = "yaml-pasted-bullet"
    title = "Bullet pasted from a word processor"
    message = ("the text starts with {char}, pasted from a word processor, which YAML keeps as part of the"
               " text[[several| ({count} of them on this line)]]")
    hint = ("[[list|Write the entries as a YAML list, each starting with '- ' and no bullet: {fixed}]]"
            "[[text|Write the text without the bullet: {fixed}]]")


@problem_type
class YamlCommentAsValue(ProblemType):
    code = "yaml-comment-as-value"
    title = "Text starting with '#' read as a comment"
    message = "'{dropped}' starts with '#', so YAML reads it as a comment and leaves {name} empty"
    hint = "Put the whole text in double quotes: {fixed}"


@problem_type
class YamlAnchorInText(ProblemType):
    code = "yaml-anchor-in-text"
    title = "Text starting with '&' read as a YAML anchor"
    message = ("'{anchor}' at the start of the text is read as a YAML anchor (a label for '*' to refer to),"
               " so the value is only '{value}'")
    hint = "Put the whole text in double quotes: {fixed}"


@problem_type
class YamlMisreadNumber(ProblemType):
    code = "yaml-misread-number"
    title = "Number YAML reads other than written"
    message = "'{written}' is read as the number {read}: {why}"
    hint = "[[number|Write the number as it is meant: {fixed}]][[text|Put it in quotes to keep it as written: {fixed}]]"


# What a lead typed, named: the characters a word processor puts in, where one is on its line, and why a
# value is not what the field takes (generator/load/characters.py, generator/load/written.py).
CHAR_NBSP = phrase("char-nbsp", "a non-breaking space")
CHAR_NARROW_NBSP = phrase("char-narrow-nbsp", "a narrow non-breaking space")
CHAR_ZWSP = phrase("char-zwsp", "a zero-width space")
CHAR_ZW_JOINER = phrase("char-zw-joiner", "a zero-width joiner")
CHAR_ZW_NON_JOINER = phrase("char-zw-non-joiner", "a zero-width non-joiner")
CHAR_WORD_JOINER = phrase("char-word-joiner", "a word joiner")
CHAR_BOM = phrase("char-bom", "a byte order mark")
CHAR_SOFT_HYPHEN = phrase("char-soft-hyphen", "a soft hyphen")
CHAR_THIN_SPACE = phrase("char-thin-space", "a thin space")
CHAR_WIDE_SPACE = phrase("char-wide-space", "a typesetter's space (U+{code})")
CHAR_TAB = phrase("char-tab", "a tab")
CHAR_EN_DASH = phrase("char-en-dash", "Word's long dash –")
CHAR_EM_DASH = phrase("char-em-dash", "Word's longer dash —")
CHAR_MINUS = phrase("char-minus", "a minus sign −")
CHAR_OTHER_DASH = phrase("char-other-dash", "the dash {char}")
CHAR_BULLET = phrase("char-bullet", "a bullet {char}")
CHAR_STAR_BULLET = phrase("char-star-bullet", "a star * used as a bullet")
CHAR_CURLY_QUOTE = phrase("char-curly-quote", "a curly quote {char}")
CHAR_ACCENTED = phrase("char-accented", "the letter {char}")
CHAR_CAPITAL = phrase("char-capital", "the capital letter {char}")
CHAR_SPACE = phrase("char-space", "a space")
CHAR_OTHER = phrase("char-other", "the character {char}")
WHERE_INDENT = phrase("where-indent", "in the indentation of this line")
WHERE_AFTER = phrase("where-after", "after '{before}'")
WHERE_BETWEEN = phrase("where-between", "between '{before}' and '{after}'")
WHERE_BEFORE = phrase("where-before", "before '{after}'")
WHERE_ALONE = phrase("where-alone", "alone on this line")
INDENTED = phrase("indented", "{line} (indented by {indent} spaces)")
THEN_NEXT_LINE = phrase("then-next-line", "{first}, then on the next line {then}")
FIELD_NAMED = phrase("field-named", "'{name}'")
ITEM_OF = phrase("item-of", "this item of '{name}'")
# Why a value is not what its field takes.
WHY_HAS_CHAR = phrase("why-has-char", "it has {char} where {wanted} goes")
WANTED_HYPHEN = phrase("wanted-hyphen", "a hyphen -")
WANTED_NOTHING = phrase("wanted-nothing", "nothing")
WANTED_STRAIGHT_QUOTE = phrase("wanted-straight-quote", "a straight quote \" or nothing")
WHY_YEAR_SLASH = phrase("why-year-slash", "a financial year is written with a hyphen, not '/'")
WHY_YEAR_LONG = phrase("why-year-long", "the second year is written with two digits")
WHY_YEAR_SHORT = phrase("why-year-short", "the first year is written with four digits")
WHY_YEAR_DATE = phrase("why-year-date", "it is a date; the field takes the financial year it falls in")
WHY_YEAR_ALONE = phrase("why-year-alone", "it is one calendar year; a financial year runs from April to March")
WHY_YES_NO = phrase("why-yes-no", "YAML reads '{written}' as yes/no")
WHY_SLUG_CHAR = phrase("why-slug-char", "it has {char}, which an id cannot hold")
WHY_LEADING_ZERO = phrase("why-leading-zero", "a number starting with 0 is read as an octal number")
WHY_TIME = phrase("why-time", "a number with ':' is read as hours and minutes, in minutes")
WHY_DOT_THOUSANDS = phrase("why-dot-thousands", "the dot is read as a decimal point, so this is £{read}")
WHY_COMMA_NUMBER = phrase("why-comma-number", "a number is written without commas")
WHY_UNDERSCORE = phrase("why-underscore", "YAML leaves out the '_' between its digits")
WHY_OTHER_BASE = phrase("why-other-base", "a number starting with 0x or 0b is read in base 16 or base 2")
WHY_YEAR_PREFIX = phrase("why-year-prefix", "'{prefix}' is written before the year")
WHY_LIST_AS_TEXT = phrase("why-list-as-text", "it is written as one line of text separated by {separator}")
SEPARATOR_COMMAS = phrase("separator-commas", "commas")
SEPARATOR_SEMICOLONS = phrase("separator-semicolons", "semicolons")
SEPARATOR_BULLETS = phrase("separator-bullets", "bullets")
WHY_TEXT_AS_LIST = phrase("why-text-as-list", "it is written as a list of {count} items")
# How an amount of money was written.
MONEY_WHY_CURRENCY = phrase("money-why-currency", "'{word}' is written beside the figure; amounts are in pounds already")
MONEY_WHY_PER_YEAR = phrase("money-why-per-year", "'{word}' is written beside the figure; amounts are for the plan's year already")
MONEY_WHY_MILLION = phrase("money-why-million", "'{word}' for million is not read")
MONEY_WHY_DOT = phrase("money-why-dot", "a dot separates the thousands, where a comma goes")
MONEY_WHY_SPACE = phrase("money-why-space", "a space separates the thousands, where a comma goes")
MONEY_WHY_SIGN = phrase("money-why-sign", "the minus sign goes before the £")
MONEY_WHY_BRACKETS = phrase("money-why-brackets", "a figure in brackets is not read as a negative amount")
MONEY_WHY_WORDS = phrase("money-why-words", "the words '{words}' are written with the figure")
MONEY_WHY_RANGE = phrase("money-why-range", "it gives a range of two figures; an amount is one figure")
MONEY_WHY_OTHER_CURRENCY = phrase("money-why-other-currency", "{char} is not pounds")
MONEY_WHY_COMMA_SPLIT = phrase("money-why-comma-split",
                               "the comma in '{written}' ends the amount inside {{ }}, so '{rest}' is read as a"
                               " field of its own")
MONEY_WHY_AMOUNT_TEXT = phrase("money-why-amount-text", "amount: inside {{ }} takes a plain number, without '£' or commas")


# --- Completeness -------------------------------------------------------------
# Empty values, the template's prompts left in, and what a published plan must not lack
# (generator/completeness.py). Warnings while a plan is a draft, errors once it is published.


@problem_type
class PlanEmptyValue(ProblemType):
    code = "plan-empty-value"
    title = "Value left empty"
    description = "A warning while the plan is a draft; an error once it says status: published."
    message = "the '{name}' of {place} is empty" + CANNOT_GO_OUT
    hint = ("Write the '{name}' after the colon[[choices|, one of: {choices}]], or delete the line if it does not"
            " apply." + PUBLISHED_HINT)
    draft_warning = True


@problem_type
class PlanTemplateText(ProblemType):
    code = "plan-template-text"
    title = "Template text left in"
    description = ("A prompt or example of the plan template that the plan still holds: a warning while the"
                   " plan is a draft, an error once it says status: published, as it would be published as written.")
    message = "{where} still holds the template's text '{text}'" + CANNOT_GO_OUT
    hint = ("Replace it with the plan's own text, or delete it[[prose|: the template's note is the lines starting"
            " with '>' under the heading]]." + PUBLISHED_HINT)
    draft_warning = True


@problem_type
class PlanEmptySection(ProblemType):
    code = "plan-empty-section"
    title = "Section with a heading and no text"
    description = ("A warning while the plan is a draft; an error once it says status: published, unless the"
                   " plan records that its source document has no text there either.")
    message = "the section {name} has a heading but no text" + CANNOT_GO_OUT
    hint = ("Write the section's text under its heading, or delete the file if the plan has no such section."
            + PUBLISHED_HINT + MISSING_HINT.replace("{gap}", "has a heading and no text here"))
    acknowledgeable = True
    draft_warning = True


@problem_type
class PlanNoExpectedResults(ProblemType):
    code = "plan-no-expected-results"
    title = "Activity with no expected results"
    description = ("A warning while the plan is a draft; an error once it says status: published, unless the"
                   " plan records that its source document gives none either.")
    message = "{place} gives no expected results" + CANNOT_GO_OUT
    hint = ("Add expected_results: to the activity, with what it should achieve by the end of March, one '- '"
            " line each." + PUBLISHED_HINT + MISSING_HINT.replace("{gap}", "gives no expected results for it"))
    acknowledgeable = True
    draft_warning = True


@problem_type
class PlanMissingSection(ProblemType):
    code = "plan-missing-section"
    title = "Plan without a part the national template requires"
    description = ("Every cluster plan, whatever its format, tells the public three things the national template"
                   " asks for: the lead's summary of the year (executive-summary.md; forward-look.md in the Swansea"
                   " Bay IMTP format), the year's key actions (key_actions or priority_areas in plan.yaml, or"
                   " key-actions.md), and what the cluster will do (activities or action_plan in plan.yaml). The plan"
                   " on a page and the activity table are made of them: without one the plan's page opens on a gap"
                   " that nothing on it explains. A warning while the plan is a draft; an error once it says status:"
                   " published, unless the plan records that its source document has no such part either. The"
                   " other sections (achievements, difficulties, challenges, needs...) are asked for too, but"
                   " formats give them in different places, so a plan may leave them out.")
    message = "the plan has no {what} ({how})" + CANNOT_GO_OUT
    hint = ("Add it: {how}." + PUBLISHED_HINT
            + MISSING_HINT.replace("{gap}", "has no such part"))
    acknowledgeable = True
    draft_warning = True
    flag_kind = "missing"


# --- What the page would show other than written ----------------------------------------------
# A value the page would show differently from what the lead wrote is named at its place, never converted.


@problem_type
class CellYesNo(ProblemType):
    code = "cell-yes-no"
    title = "Yes or No where a figure or words go"
    description = ("YAML reads Yes, No, On, Off, True and False written without quotes as yes/no, and a table"
                   " would show them as 1 and 0: a cell typed No would say 0 staff.")
    message = "{where} is written {written}, which YAML reads as yes/no: the page would show {shown}"
    hint = ("Put it in quotes if the word is meant, \"{written}\", or write the figure it stands for"
            " (0 for none).")


@problem_type
class CellNotAFigure(ProblemType):
    code = "cell-not-a-figure"
    title = "Words or nothing where a figure goes"
    severity = WARNING
    description = ("A column whose other rows hold figures, or a role's whole-time equivalent, given words or left"
                   " empty: the page shows the words as they are, and no total counts them. N/A, nil, vacant and"
                   " TBC say there is no figure and are not reported.")
    message = "{where} holds {what} where a figure goes"
    hint = ("Write the figure, e.g. 1.5, or N/A if there is none, or TBC if it is not known yet." + RECORD_HINT)
    acknowledgeable = True
    flag_kind = "wrong-column"


@problem_type
class SinceAfterPlanYear(ProblemType):
    code = "since-after-plan-year"
    title = "Activity started after the plan's year"
    message = ("'{title}' is an existing activity since {since}, after this plan's year {year}: the page would say"
               " it has run since a year that has not begun")
    hint = ("Write the plan year it started in, {year} or earlier; an activity that starts this year is new:"
            " new_or_existing: new, without since.")


@problem_type
class HeadingSkipsLevel(ProblemType):
    code = "heading-skips-level"
    title = "Heading that skips a level"
    severity = WARNING
    description = ("A heading more than one level below the heading before it (# then ###) leaves a gap in the"
                   " page's outline, which screen readers and the page's contents follow.")
    message = "this heading is level {found} ({written}) under a heading of level {previous}"
    hint = "Write it one level below the heading before it: {fixed}"


@problem_type
class BudgetsExceedAllocation(ProblemType):
    code = "budgets-exceed-allocation"
    title = "Activity budgets beyond the cluster's money"
    severity = WARNING
    message = "the budgets of the {count} activities with an amount add up to {total}, more than {had}"
    hint = ("Check each budget against the finance table: an amount typed with a figure too many (185000 for"
            " 18500) is the usual cause. If some activities are funded from elsewhere, the finance table's"
            " allocation does not cover them, and this warning can stay." + RECORD_HINT)
    acknowledgeable = True
    flag_kind = "total"


@problem_type
class CopiedTextUnreviewed(ProblemType):
    code = "copied-text-unreviewed"
    title = "Last year's words still to be reviewed"
    severity = WARNING
    description = ("`cluster-plans new` copies last year's key actions and activity descriptions into next year's plan"
                   " with a note beside them: '# copied from the 2023-24 plan: review it for 2024-25, then delete this"
                   " note'. A published plan that still has the note publishes last year's words as this year's.")
    message = "{what}: still the {year} plan's text, marked to be reviewed: '{words}'"
    hint = ("Read it again for this year and change what no longer holds (a year, a figure, what is done), then delete"
            " the note '# copied from the {year} plan…' at the end of its line.")


ALLOCATION_AND_CARRY = phrase("allocation-and-carry",
                              "the allocation {allocation} plus the carry-over {carry} ({available})")
ALLOCATION_ONLY = phrase("allocation-only", "the allocation {allocation}")


# --- Building the site ----------------------------------------------------------------------


@problem_type
class LinkBroken(ProblemType):
    code = "link-broken"
    title = "Link to a page or anchor that does not exist"
    message = "the link to '{target}' {reason}"
    hint = ("Correct the address: a page of this site is linked relative to the page it is on"
            " (from a plan, ../2022-23/ is the cluster's plan of 2022-23), an anchor as #its-id;"
            " or remove the link.")
    description = "Found by `cluster-plans build`, which follows every link of every page it makes."


@problem_type
class TemplateBroken(ProblemType):
    code = "template-error"
    title = "A template cannot be used"
    message = "the template cannot be used: {detail}"
    hint = "Correct the template at this line (templates/ holds the site's page layouts)."


@problem_type
class TranslationMissing(ProblemType):
    code = "translation-missing"
    title = "A text of the site has no translation"
    message = "there is no {language} text for '{key}' in templates/translations.yaml"
    hint = "Add '{key}' to templates/translations.yaml with its English (en) and Welsh (cy) text."


# --- Links in a plan's prose ---------------------------------------------------------------
# Checked by `validate` against the pages the build makes (generator/prose_links.py), so that what
# publishing would refuse is refused in review too.


@problem_type
class ProseUnsafeLink(ProblemType):
    code = "prose-unsafe-link"
    title = "Unsafe link in the prose"
    message = "unsafe link '{target}': a '{scheme}:' link could run code or hide content in a reader's browser"
    hint = ("Link to a web page (https://...), an email address (mailto:...), a telephone number (tel:...)"
            " or a page of this site; or remove the link and keep its words.")
    description = "Links may only use http, https, mailto and tel, or point to a page of this site."


@problem_type
class ProseMissingPage(ProblemType):
    code = "prose-missing-page"
    title = "Link to a page the site does not have"
    message = "link to a page the site does not have: '{target}'[[; did you mean '{close}'?]]"
    hint = ("A page of this site is linked relative to the plan's page: from a plan, ../2022-23/ is the"
            " cluster's plan of 2022-23, ../ the cluster and ../../ the health board. Correct the address or"
            " remove the link.")


@problem_type
class ProseMissingAnchor(ProblemType):
    code = "prose-missing-anchor"
    title = "Link to a part of a page that does not exist"
    message = "the link '{target}' points to no part of its page ({page})"
    hint = "The parts of that page nearest to it: {choices}. Link to one of them, or remove the link."


@problem_type
class ProseRootLink(ProblemType):
    code = "prose-root-link"
    title = "Link written from the root of the web server"
    message = "the link '{target}' starts with '/', so it breaks where the site is published under a sub-path"
    hint = "Write it relative to the plan's page: '{relative}'."


@problem_type
class ProseAnchorNotShared(ProblemType):
    code = "prose-anchor-language"
    title = "Link to a part of a page that is named differently in each language"
    message = ("the link '{target}' points to a part of {page} that the page does not keep under the same name "
               "in English and Welsh (a heading's anchor is made from its words, so it changes with the language)")
    hint = ("Link to the page itself, '{page_link}', or to one of the parts it keeps in every language: "
            "{choices}.")


# --- A plan brought in from Word (`cluster-plans import`) ---------------------------------------
# Each names its place in the Word document (`word_place`: heading, table, row, cell, paragraph); the problem's
# own place is where the import wrote it.


@problem_type
class ImportUnplaced(ProblemType):
    code = "import-unplaced"
    severity = WARNING
    title = "Part of a Word document with no place in the plan"
    message = "what the Word document holds {word_place} has no place in the plan; it is kept in {kept_in}"
    hint = ("Move the words to the section or the field of plan.yaml they belong to, and take them out of the"
            " part 'Imported from Word: not placed' of {kept_in}.")
    description = ("An import never drops a part of the Word document: what differs from the plan and has no"
                   " field or section to go to is kept in the plan's appendix, which the plan's page shows.")


@problem_type
class ImportNewActivity(ProblemType):
    code = "import-new-activity"
    severity = WARNING
    title = "An activity added in Word"
    message = "a new row of the activity table ({word_place}) was added to the plan as the activity '{title}'"
    hint = ("Check the activity in plan.yaml: its id (which stays the same from year to year), whether it is new"
            " or existing, its status and its budget; the Word table gives only what its cells say.")


@problem_type
class ImportRowRemoved(ProblemType):
    code = "import-row-removed"
    severity = WARNING
    title = "An activity no longer in the Word document"
    message = "the activity '{title}' is not in the Word document's activity table ({word_place}); the plan keeps it"
    hint = "If the activity has ended, take it out of plan.yaml yourself: an import never removes a part of a plan."


@problem_type
class ImportFigureAsWritten(ProblemType):
    code = "import-figure-as-written"
    severity = WARNING
    title = "A figure brought in from Word as it is written"
    message = "the figure '{figure}' ({word_place}) is written into the plan exactly as the Word document gives it"
    hint = ("An import never corrects a figure. Check that it says what is meant: an amount in pounds (£12,500),"
            " TBC, or words; `cluster-plans validate` says whether it reads as one.")


# --- Phrases put into messages ------------------------------------------------------------------
# The words a check puts into a message (why a file is refused, how a figure is malformed, which row),
# each keyed with its own values, so that every language says them in its own words: the Welsh is in the
# `phrases` section of generator/problems/catalogue-cy.yaml. What the file itself says (a value, a field path, a
# caption) goes in as written.

# Files
FILE_IS_A_LINK = phrase("file-is-a-link", "the file is a symbolic link")
FILE_OUTSIDE = phrase("file-outside-repository", "the file resolves to a place outside the repository")
FILE_NOT_PERMITTED = phrase("file-not-permitted", "the file cannot be read: you have no permission to read it")
FILE_UNREADABLE = phrase("file-unreadable", "the file cannot be read: {error}")
FILE_NUL_BYTE = phrase("file-nul-byte", "the file contains a NUL byte, so it is not a text file")
FILE_NOT_UTF8 = phrase("file-not-utf8", "byte {byte} is not valid UTF-8")

# YAML
YAML_TOO_DEEP = phrase("yaml-too-deep", "the file is nested too deeply")
YAML_TAG_MISFIT = phrase("yaml-tag-misfit", "the tag '{tag}' does not fit this value")
YAML_VALUE_UNREADABLE = phrase("yaml-value-unreadable", "the value '{value}' cannot be read ({reason})")
YAML_NOT_YES_NO = phrase("yaml-not-yes-no", "not a yes/no value")
YAML_NOT_WHOLE_NUMBER = phrase("yaml-not-whole-number", "not a whole number")
YAML_NOT_NUMBER = phrase("yaml-not-number", "not a number")
YAML_COMPLEX_KEY = phrase("yaml-complex-key", "complex key")

# Schema
ONE_OF = phrase("one-of", "expected one of {choices}, received {received}")
OR_LIST = phrase("or-list", "{items} or {last}")
MONEY_UNKNOWN_FIELD = phrase("money-unknown-field", "unknown field '{name}' in an amount of money")
MONEY_RECEIVED = phrase("money-received", "expected an amount of money, received {received}")
MONEY_YES_NO = phrase("money-yes-no", "a yes/no value")
MONEY_NOT_FINITE = phrase("money-not-finite", "the number {number}, which is not an amount")
MONEY_NOTE_NOT_TEXT = phrase("money-note-not-text", "a note that is not text")
MONEY_WRITTEN_NOT_TEXT = phrase("money-written-not-text", "an as_written that is not text")
MONEY_AMOUNT_NOT_NUMBER = phrase("money-amount-not-number", "an amount that is not a number")
MONEY_LIST = phrase("money-list", "a list")
MONEY_OTHER = phrase("money-other", "a value of the kind {kind}")

# Plan rules
BUDGET_EMPTY = phrase("budget-empty", "has an empty budget")
BUDGET_ABSENT = phrase("budget-absent", "states no budget")
SOURCE_PRINTS = phrase("source-prints", "prints '{written}' here")
SOURCE_HAS_MISTAKE = phrase("source-has-mistake", "has a mistake here")
PATH_IS_PROSE = phrase("path-is-prose", "not a prose section file of this plan")
PATH_MALFORMED = phrase("path-malformed", "not a field path such as finance.lines[2].amount")
PATH_PAST_END = phrase("path-past-end", "not in the plan: {holder} has {size} entries, counted from 0")
PATH_NO_FIELD = phrase("path-no-field", "not in the plan: {holder} has no field '{name}'")
THE_PLAN = phrase("the-plan", "the plan")
# What a known issue's key named, by the kind of list (generator/schema/references.py).
NAMED_ITEM = {
    "activities": phrase("named-activity", "the activity with id '{key}'"),
    "lines": phrase("named-finance-line", "the finance line '{key}'"),
    "tables": phrase("named-table", "the table '{key}'"),
    "rows": phrase("named-row", "the row '{key}'"),
    "cells": phrase("named-column", "the column '{key}'"),
    "roles": phrase("named-role", "the role '{key}'"),
    "leads": phrase("named-lead", "the lead '{key}'"),
    "members": phrase("named-member", "the member '{key}'"),
    "key_actions": phrase("named-theme", "the theme '{key}'"),
    "priority_areas": phrase("named-priority-area", "the priority area '{key}'"),
    "action_plan": phrase("named-action-area", "the priority area '{key}'"),
    "goals": phrase("named-goal", "the goal '{key}'"),
    "key_facts": phrase("named-key-fact", "the key fact '{key}'"),
    "risks": phrase("named-risk", "the risk '{key}'"),
    "text": phrase("named-entry", "the entry '{key}'"),
}

# Mistakes of a source document
FIGURE_SPACE = phrase("figure-space", "it has a space inside the figure")
FIGURE_DOUBLE_COMMA = phrase("figure-double-comma", "it has a doubled comma")
FIGURE_GROUPING = phrase("figure-grouping", "its thousands are not grouped in threes")
FIGURE_THOUSANDS_TWICE = phrase("figure-thousands-twice", "it gives thousands twice, with a comma and '{suffix}'")
FIGURE_PENCE = phrase("figure-pence", "it has more than two figures of pence")
SHARE_OVER_WHOLE = phrase("share-over-whole", "is a share of more than the whole")
BRACKET_UNOPENED = phrase("bracket-unopened", "a '{close}' that closes no '{open}'")
BRACKET_UNCLOSED = phrase("bracket-unclosed", "a '{open}' that is never closed")
NUMBER_REPEATED = phrase("number-repeated", "the number is repeated")
NUMBER_SKIPPED = phrase("number-skipped", "a number is skipped")
NUMBERS_BACKWARDS = phrase("numbers-backwards", "the numbers go backwards")
THE_ACTION_PLAN = phrase("the-action-plan", "the action plan")
LIST_IN = phrase("list-in", "the list in {name}")
PARAGRAPH_OF = phrase("paragraph-of", "the paragraph on line {line} of {name}")
LINE_NUMBER = phrase("line-number", "line {line}")

# Tables
NO_CAPTION = phrase("no-caption", "(no caption)")
EVERY_ROW_HAS = phrase("every-row-has", "every row has")
ITS_ROW_HAS = phrase("its-row-has", "its row has")
ROW_HAS = phrase("row-has", "row {row} has")
ROW = phrase("row", "row {row}")
ROWS_FROM_TO = phrase("rows-from-to", "rows {first} to {last}")
AND_LIST = phrase("and-list", "{items} and {last}")
COMMA = phrase("comma", "{first}, {then}")
TOTAL_OF = phrase("total-of", "the total of '{name}'")
AVERAGE_OF = phrase("average-of", "the average of '{name}'")
COLUMN = phrase("column", "column {column}")
SUM_OF_ITS_FIGURES = phrase("sum-of-its-figures", "the sum of its figures")
SUM_OF = phrase("sum-of", "the sum of {rows}")
AVERAGE_OF_ROWS = phrase("average-of-rows", "the average of {rows}")
DIVIDED_BY = phrase("divided-by", "{rows} divided by {by}")
FIGURE = phrase("figure", "figure")
NAME = phrase("name", "name")
TOTAL_ROW_OUTSIDE = phrase("total-row-outside", "total_row is {row}, but the table '{caption}' has {size} rows")
TOTAL_COLUMN_OUTSIDE = phrase("total-column-outside",
                              "total_column is {column}, but the table '{caption}' has {size} columns")
DERIVED_HOW = phrase("derived-how", "a derived row of the table '{caption}' must name one of sum, average or ratio;"
                                    " it names {count}")
NONE = phrase("none", "none")
DERIVED_ROWS_OUTSIDE = phrase("derived-rows-outside",
                              "a derived row of the table '{caption}' names rows {rows}; the table has {size} rows")

# The built site's links
LINK_NO_PAGE = phrase("link-no-page", "points to a page that does not exist")
LINK_NO_ANCHOR_HERE = phrase("link-no-anchor-here", "points to an anchor missing from the page")
LINK_NO_ANCHOR_THERE = phrase("link-no-anchor-there", "points to an anchor missing from its page")

# A place in a Word document brought in with `cluster-plans import`
WORD_PLACE = phrase("word-place", "under the heading '{heading}'[[, table {table}]][[, row {row}]][[, cell {cell}]]"
                                  "[[, paragraph {paragraph}]]")
WORD_PLACE_FIRST = phrase("word-place-first", "before the first heading[[, table {table}]][[, row {row}]]"
                                              "[[, cell {cell}]][[, paragraph {paragraph}]]")
