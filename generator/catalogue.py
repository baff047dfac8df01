"""Every problem type, one class each; the leads' guide and the docs are generated from this file."""

from __future__ import annotations

from .problems import WARNING, ProblemType, problem_type

ACK_HINT = (" If the source document itself prints it this way, keep it as written and add"
            " under known_issues: problem: {code}, field: {field}, note: <what is wrong in the source>.")


# --- Files and YAML -------------------------------------------------------


@problem_type
class YamlSyntax(ProblemType):
    code = "yaml-syntax"
    title = "YAML syntax error"
    message = "this is not valid YAML: {detail}"
    hint = ("Check the indentation and punctuation on this line and the one above; text containing"
            " ': ' or starting with a quote or '-' must be in quotes.")


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
    hint = "Remove the tag (the part starting with '!'); plan files hold plain text, numbers, lists and mappings."


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
    message = "the folder '{name}' is not a health board in the registry{suggestion}"
    hint = "Board folders are: {choices}. Rename the folder, or add a board.yaml if this is a new board."


@problem_type
class LayoutUnknownCluster(ProblemType):
    code = "layout-unknown-cluster"
    title = "Unknown cluster folder"
    message = "the folder '{name}' is not a cluster of {board}{suggestion}"
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
    message = "'{name}' is not one of the plan's section files{suggestion}"
    hint = "Section files are: {choices}. Rename the file to one of them."


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


# --- Schema -----------------------------------------------------------------


@problem_type
class SchemaMissingField(ProblemType):
    code = "schema-missing-field"
    title = "Required field missing"
    message = "'{name}' is required here but missing"
    hint = "Add '{name}:' to this block. See the plan template for an example."


@problem_type
class SchemaUnknownField(ProblemType):
    code = "schema-unknown-field"
    title = "Unknown field"
    message = "'{name}' is not a field of {where}{suggestion}"
    hint = "Allowed fields here: {choices}."


@problem_type
class SchemaWrongType(ProblemType):
    code = "schema-wrong-type"
    title = "Value of the wrong kind"
    message = "expected {expected}, received {received}"
    hint = "Change the value at '{field}' to {expected}."


@problem_type
class SchemaInvalidValue(ProblemType):
    code = "schema-invalid-value"
    title = "Value not allowed"
    message = "{detail}"
    hint = "Change the value at '{field}'."


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
    message = "'{written}' is not an amount of money"
    hint = ("Write the amount in pounds as a number, e.g. 77019.42 or '£77,019.42', or TBC if it is"
            " not known yet." + ACK_HINT)
    acknowledgeable = True


@problem_type
class FinanceTotalMismatch(ProblemType):
    code = "finance-total-mismatch"
    title = "Finance total does not add up"
    message = "the total is {stated}, but the lines add up to {computed}"
    hint = "Correct the total or the lines so that they agree." + ACK_HINT
    acknowledgeable = True


@problem_type
class FinanceBalanceMismatch(ProblemType):
    code = "finance-balance-mismatch"
    title = "Finance balance does not add up"
    message = "the balance is {stated}, but allocation plus carry-over minus committed is {computed}"
    hint = "Correct the balance, the allocation or the committed total so that they agree." + ACK_HINT
    acknowledgeable = True


@problem_type
class VocabularyUnknown(ProblemType):
    code = "vocabulary-unknown"
    title = "Term not in the controlled vocabulary"
    message = "'{term}' is not a known {vocabulary}{suggestion}"
    hint = "Use one of: {choices}."
    # A source whose table columns slipped can put other text in a vocabulary cell; it is kept as printed.
    acknowledgeable = True


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
    hint = ("Write the field path the validator names, e.g. finance.lines[2].amount, key_facts[0].fact or"
            " workforce.tables[0].rows[3][2] (counted from 0), or a prose section file of this plan, e.g. {example}.")
