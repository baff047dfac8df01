"""Every problem type, one class each: its code, severity and how the site treats it. What each says (title,
message, hint, description) is in the catalogues of generator/locale, under problem.CODE.PART; the leads'
guide is made from both."""

from __future__ import annotations

from generator.problems.report import WARNING, ProblemType, phrase, problem_type


# --- Files and YAML -------------------------------------------------------


@problem_type
class YamlSyntax(ProblemType):
    code = "yaml-syntax"


@problem_type
class YamlDuplicateKey(ProblemType):
    code = "yaml-duplicate-key"


@problem_type
class YamlForbiddenTag(ProblemType):
    code = "yaml-forbidden-tag"


@problem_type
class YamlAliasLimit(ProblemType):
    code = "yaml-alias-limit"


@problem_type
class FileUnsafePath(ProblemType):
    code = "file-unsafe-path"


@problem_type
class FileTooLarge(ProblemType):
    code = "file-too-large"


@problem_type
class FileEncoding(ProblemType):
    code = "file-encoding"


# --- Folder layout and registry ---------------------------------------------


@problem_type
class LayoutNoClusters(ProblemType):
    code = "layout-no-clusters"


@problem_type
class LayoutUnknownBoard(ProblemType):
    code = "layout-unknown-board"


@problem_type
class LayoutUnknownCluster(ProblemType):
    code = "layout-unknown-cluster"


@problem_type
class LayoutBadYear(ProblemType):
    code = "layout-bad-year"


@problem_type
class LayoutBadSlug(ProblemType):
    code = "layout-bad-slug"


@problem_type
class LayoutMissingPlan(ProblemType):
    code = "layout-missing-plan"


@problem_type
class LayoutMissingVocabularies(ProblemType):
    code = "layout-missing-vocabularies"


@problem_type
class LayoutUnknownSection(ProblemType):
    code = "layout-unknown-section"


@problem_type
class LayoutUnknownBoardText(ProblemType):
    code = "layout-unknown-board-text"


@problem_type
class LayoutWelshSectionName(ProblemType):
    code = "layout-welsh-section-name"


@problem_type
class LayoutUnreadFile(ProblemType):
    code = "layout-unread-file"


@problem_type
class LayoutMismatch(ProblemType):
    code = "layout-mismatch"


@problem_type
class RegistryDuplicateName(ProblemType):
    code = "registry-duplicate-name"


@problem_type
class RegistryBadMaintainer(ProblemType):
    code = "registry-bad-maintainer"


@problem_type
class RegistryEmptyPlace(ProblemType):
    code = "registry-empty-place"


@problem_type
class RegistryDuplicatePlace(ProblemType):
    code = "registry-duplicate-place"
    severity = WARNING


# --- Schema -----------------------------------------------------------------


@problem_type
class SchemaMissingField(ProblemType):
    code = "schema-missing-field"


@problem_type
class SchemaUnknownField(ProblemType):
    code = "schema-unknown-field"


@problem_type
class SchemaWrongType(ProblemType):
    code = "schema-wrong-type"


@problem_type
class SchemaInvalidValue(ProblemType):
    code = "schema-invalid-value"


# --- Plan rules -------------------------------------------------------------


@problem_type
class ActivityDuplicateId(ProblemType):
    code = "activity-duplicate-id"


@problem_type
class MoneyUnparseable(ProblemType):
    code = "money-unparseable"
    # The known-issue route only for a figure that looks printed that way (pound sign, digits and misplaced
    # separators, in a plan transcribed from a source document), never for a lead's own typing.
    acknowledgeable = True
    flag_kind = "figure"


@problem_type
class FinanceTotalMismatch(ProblemType):
    code = "finance-total-mismatch"
    acknowledgeable = True
    flag_kind = "total"


@problem_type
class FinanceBalanceMismatch(ProblemType):
    code = "finance-balance-mismatch"
    acknowledgeable = True
    flag_kind = "total"


@problem_type
class VocabularyUnknown(ProblemType):
    code = "vocabulary-unknown"
    # A source whose table columns slipped can put other text in a vocabulary cell; it is kept as printed.
    acknowledgeable = True
    flag_kind = "wrong-column"


@problem_type
class VocabularyVariant(ProblemType):
    code = "vocabulary-variant"
    severity = WARNING


@problem_type
class BudgetToBeConfirmed(ProblemType):
    code = "budget-tbc"
    severity = WARNING


@problem_type
class FundingSourceMissing(ProblemType):
    code = "funding-source-missing"
    severity = WARNING


@problem_type
class FinanceTotalUncheckable(ProblemType):
    code = "finance-total-unchecked"
    severity = WARNING


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
    severity = WARNING
    acknowledgeable = True
    flag_kind = "disagreement"


@problem_type
class BudgetWithoutFinanceLine(ProblemType):
    code = "budget-no-finance-line"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "disagreement"


@problem_type
class FinanceLineWithoutActivity(ProblemType):
    code = "finance-line-no-activity"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "disagreement"


@problem_type
class BudgetNotStated(ProblemType):
    code = "budget-not-stated"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "missing"


@problem_type
class TbcMisspelt(ProblemType):
    code = "tbc-misspelt"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "spelling"


@problem_type
class FigureMalformed(ProblemType):
    code = "figure-malformed"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "figure"


@problem_type
class PercentageImpossible(ProblemType):
    code = "percentage-impossible"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "figure"


@problem_type
class TableWidthMismatch(ProblemType):
    code = "table-width-mismatch"


@problem_type
class TableBadReference(ProblemType):
    code = "table-bad-reference"


@problem_type
class TableTotalMismatch(ProblemType):
    code = "table-total-mismatch"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "total"


@problem_type
class TableCountMissing(ProblemType):
    code = "table-count-missing"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "missing"


@problem_type
class NumberingBroken(ProblemType):
    code = "numbering-broken"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "numbering"


@problem_type
class DuplicateEntry(ProblemType):
    code = "duplicate-entry"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "duplicate"


@problem_type
class BracketUnbalanced(ProblemType):
    code = "bracket-unbalanced"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "bracket"


@problem_type
class PlaceholderLeft(ProblemType):
    code = "placeholder-left"
    acknowledgeable = True
    flag_kind = "placeholder"
    draft_warning = True


@problem_type
class TermMisspelt(ProblemType):
    code = "term-misspelt"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "spelling"


@problem_type
class KnownIssueUnmatched(ProblemType):
    code = "known-issue-unmatched"
    severity = WARNING


@problem_type
class KnownIssueNotAllowed(ProblemType):
    code = "known-issue-not-allowed"


@problem_type
class SectionMissingLead(ProblemType):
    code = "plan-missing-lead"
    severity = WARNING



@problem_type
class SourceError(ProblemType):
    code = "source-error"
    flag_kind = "other"
    severity = WARNING
    acknowledgeable = True
    recorded_only = True


@problem_type
class KnownIssueBadField(ProblemType):
    code = "known-issue-bad-field"


@problem_type
class KnownIssueGone(ProblemType):
    code = "known-issue-gone"


@problem_type
class KnownIssueAmbiguous(ProblemType):
    code = "known-issue-ambiguous"


@problem_type
class KnownIssuePositional(ProblemType):
    code = "known-issue-by-position"


# --- YAML mistakes, explained -------------------------------------------------
# A file YAML cannot read (or reads other than meant) is reported as the mistake a lead made, at the
# line and column where it is, instead of the parser's own wording; generator/yaml_mistakes.py finds them.


@problem_type
class YamlTab(ProblemType):
    code = "yaml-tab"


@problem_type
class YamlMissingColon(ProblemType):
    code = "yaml-missing-colon"


@problem_type
class YamlColonSpace(ProblemType):
    code = "yaml-colon-space"


@problem_type
class YamlDashSpace(ProblemType):
    code = "yaml-dash-space"


@problem_type
class YamlLineNotAField(ProblemType):
    code = "yaml-line-not-a-field"


@problem_type
class YamlColonInText(ProblemType):
    code = "yaml-colon-in-text"


@problem_type
class YamlCommentInText(ProblemType):
    code = "yaml-comment-in-text"
    severity = WARNING


@problem_type
class YamlCurlyQuotes(ProblemType):
    code = "yaml-curly-quotes"


@problem_type
class YamlUnclosedQuote(ProblemType):
    code = "yaml-unclosed-quote"


@problem_type
class YamlTextAfterQuote(ProblemType):
    code = "yaml-text-after-quote"


@problem_type
class YamlApostrophe(ProblemType):
    code = "yaml-apostrophe"


@problem_type
class YamlBadEscape(ProblemType):
    code = "yaml-bad-escape"


@problem_type
class YamlReservedStart(ProblemType):
    code = "yaml-reserved-start"


@problem_type
class YamlUnclosedBracket(ProblemType):
    code = "yaml-unclosed-bracket"


@problem_type
class YamlBracketItems(ProblemType):
    code = "yaml-bracket-items"


@problem_type
class YamlPlaceholderThenItems(ProblemType):
    code = "yaml-placeholder-then-items"


@problem_type
class YamlItemDepth(ProblemType):
    code = "yaml-item-depth"


@problem_type
class YamlItemMerged(ProblemType):
    code = "yaml-item-merged"


@problem_type
class YamlFieldDepth(ProblemType):
    code = "yaml-field-depth"


@problem_type
class YamlUnreadable(ProblemType):
    code = "yaml-unreadable"


@problem_type
class YamlSecondDocument(ProblemType):
    code = "yaml-second-document"


@problem_type
class YamlItemAfterKey(ProblemType):
    code = "yaml-item-after-key"


@problem_type
class YamlInvisibleCharacter(ProblemType):
    code = "yaml-invisible-character"


@problem_type
class YamlMissingName(ProblemType):
    code = "yaml-missing-name"


# --- Pasted characters and YAML's own readings -----------------------------------
# What a word processor or a web page brings into a plan (bullets, long dashes, curly quotes, invisible
# spaces) and what YAML reads other than meant (yes/no, numbers, '#', '&'), each named in a lead's words
# at the character itself, with the line as it should be (generator/load/characters.py finds them).


@problem_type
class YamlInvisibleSpace(ProblemType):
    code = "yaml-invisible-space"


@problem_type
class YamlPastedBullet(ProblemType):
    code = "yaml-pasted-bullet"


@problem_type
class YamlCommentAsValue(ProblemType):
    code = "yaml-comment-as-value"


@problem_type
class YamlAnchorInText(ProblemType):
    code = "yaml-anchor-in-text"


@problem_type
class YamlMisreadNumber(ProblemType):
    code = "yaml-misread-number"


# What a lead typed, named: the characters a word processor puts in, where one is on its line, and why a
# value is not what the field takes (generator/load/characters.py, generator/load/written.py).
CHAR_NBSP = phrase("char-nbsp")
CHAR_NARROW_NBSP = phrase("char-narrow-nbsp")
CHAR_ZWSP = phrase("char-zwsp")
CHAR_ZW_JOINER = phrase("char-zw-joiner")
CHAR_ZW_NON_JOINER = phrase("char-zw-non-joiner")
CHAR_WORD_JOINER = phrase("char-word-joiner")
CHAR_BOM = phrase("char-bom")
CHAR_SOFT_HYPHEN = phrase("char-soft-hyphen")
CHAR_THIN_SPACE = phrase("char-thin-space")
CHAR_WIDE_SPACE = phrase("char-wide-space")
CHAR_LINE_BREAK = phrase("char-line-break")
CHAR_FORMAT_MARK = phrase("char-format-mark")
CHAR_CONTROL = phrase("char-control")
CHAR_TAB = phrase("char-tab")
CHAR_EN_DASH = phrase("char-en-dash")
CHAR_EM_DASH = phrase("char-em-dash")
CHAR_MINUS = phrase("char-minus")
CHAR_OTHER_DASH = phrase("char-other-dash")
CHAR_BULLET = phrase("char-bullet")
CHAR_STAR_BULLET = phrase("char-star-bullet")
CHAR_CURLY_QUOTE = phrase("char-curly-quote")
CHAR_ACCENTED = phrase("char-accented")
CHAR_CAPITAL = phrase("char-capital")
CHAR_SPACE = phrase("char-space")
CHAR_OTHER = phrase("char-other")
WHERE_INDENT = phrase("where-indent")
WHERE_AFTER = phrase("where-after")
WHERE_BETWEEN = phrase("where-between")
WHERE_BEFORE = phrase("where-before")
WHERE_ALONE = phrase("where-alone")
INDENTED = phrase("indented")
THEN_NEXT_LINE = phrase("then-next-line")
FIELD_NAMED = phrase("field-named")
ITEM_OF = phrase("item-of")
# Why a value is not what its field takes.
WHY_HAS_CHAR = phrase("why-has-char")
WANTED_HYPHEN = phrase("wanted-hyphen")
WANTED_NOTHING = phrase("wanted-nothing")
WANTED_STRAIGHT_QUOTE = phrase("wanted-straight-quote")
WHY_YEAR_SLASH = phrase("why-year-slash")
WHY_YEAR_LONG = phrase("why-year-long")
WHY_YEAR_SHORT = phrase("why-year-short")
WHY_YEAR_DATE = phrase("why-year-date")
WHY_YEAR_ALONE = phrase("why-year-alone")
WHY_YES_NO = phrase("why-yes-no")
WHY_SLUG_CHAR = phrase("why-slug-char")
WHY_LEADING_ZERO = phrase("why-leading-zero")
WHY_TIME = phrase("why-time")
WHY_DOT_THOUSANDS = phrase("why-dot-thousands")
WHY_COMMA_NUMBER = phrase("why-comma-number")
WHY_UNDERSCORE = phrase("why-underscore")
WHY_OTHER_BASE = phrase("why-other-base")
WHY_YEAR_PREFIX = phrase("why-year-prefix")
WHY_LIST_AS_TEXT = phrase("why-list-as-text")
SEPARATOR_COMMAS = phrase("separator-commas")
SEPARATOR_SEMICOLONS = phrase("separator-semicolons")
SEPARATOR_BULLETS = phrase("separator-bullets")
WHY_TEXT_AS_LIST = phrase("why-text-as-list")
# How an amount of money was written.
MONEY_WHY_CURRENCY = phrase("money-why-currency")
MONEY_WHY_PER_YEAR = phrase("money-why-per-year")
MONEY_WHY_MILLION = phrase("money-why-million")
MONEY_WHY_DOT = phrase("money-why-dot")
MONEY_WHY_SPACE = phrase("money-why-space")
MONEY_WHY_SIGN = phrase("money-why-sign")
MONEY_WHY_BRACKETS = phrase("money-why-brackets")
MONEY_WHY_WORDS = phrase("money-why-words")
MONEY_WHY_RANGE = phrase("money-why-range")
MONEY_WHY_OTHER_CURRENCY = phrase("money-why-other-currency")
MONEY_WHY_COMMA_SPLIT = phrase("money-why-comma-split")
MONEY_WHY_AMOUNT_TEXT = phrase("money-why-amount-text")


# --- Completeness -------------------------------------------------------------
# Empty values, the template's prompts left in, and what a published plan must not lack
# (generator/completeness.py). Warnings while a plan is a draft, errors once it is published.


@problem_type
class PlanEmptyValue(ProblemType):
    code = "plan-empty-value"
    draft_warning = True


@problem_type
class PlanTemplateText(ProblemType):
    code = "plan-template-text"
    draft_warning = True


@problem_type
class PlanEmptySection(ProblemType):
    code = "plan-empty-section"
    acknowledgeable = True
    draft_warning = True


@problem_type
class PlanNoExpectedResults(ProblemType):
    code = "plan-no-expected-results"
    acknowledgeable = True
    draft_warning = True


@problem_type
class PlanMissingSection(ProblemType):
    code = "plan-missing-section"
    acknowledgeable = True
    draft_warning = True
    flag_kind = "missing"


# --- What the page would show other than written ----------------------------------------------
# A value the page would show differently from what the lead wrote is named at its place, never converted.


@problem_type
class CellYesNo(ProblemType):
    code = "cell-yes-no"


@problem_type
class CellNotAFigure(ProblemType):
    code = "cell-not-a-figure"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "wrong-column"


@problem_type
class SinceAfterPlanYear(ProblemType):
    code = "since-after-plan-year"


@problem_type
class HeadingSkipsLevel(ProblemType):
    code = "heading-skips-level"
    severity = WARNING


@problem_type
class BudgetsExceedAllocation(ProblemType):
    code = "budgets-exceed-allocation"
    severity = WARNING
    acknowledgeable = True
    flag_kind = "total"


@problem_type
class CopiedTextUnreviewed(ProblemType):
    code = "copied-text-unreviewed"
    severity = WARNING


ALLOCATION_AND_CARRY = phrase("allocation-and-carry")
ALLOCATION_ONLY = phrase("allocation-only")


# --- Building the site ----------------------------------------------------------------------


@problem_type
class LinkBroken(ProblemType):
    code = "link-broken"


@problem_type
class TemplateBroken(ProblemType):
    code = "template-error"


@problem_type
class TranslationMissing(ProblemType):
    code = "translation-missing"


# --- Links in a plan's prose ---------------------------------------------------------------
# Checked by `validate` against the pages the build makes (generator/prose_links.py), so that what
# publishing would refuse is refused in review too.


@problem_type
class ProseUnsafeLink(ProblemType):
    code = "prose-unsafe-link"


@problem_type
class ProseMissingPage(ProblemType):
    code = "prose-missing-page"


@problem_type
class ProseMissingAnchor(ProblemType):
    code = "prose-missing-anchor"


@problem_type
class ProseRootLink(ProblemType):
    code = "prose-root-link"


@problem_type
class ProseAnchorNotShared(ProblemType):
    code = "prose-anchor-language"


@problem_type
class TextPastedCharacter(ProblemType):
    code = "text-pasted-character"


@problem_type
class ProsePastedBullet(ProblemType):
    code = "prose-pasted-bullet"


# Markdown a section holds that is published other than it looks: warnings, as the lead may mean the text.
@problem_type
class ProseHeadingWithoutSpace(ProblemType):
    code = "prose-heading-without-space"
    severity = WARNING


@problem_type
class ProsePastedCells(ProblemType):
    code = "prose-pasted-cells"
    severity = WARNING


@problem_type
class ProseTableWithoutRule(ProblemType):
    code = "prose-table-without-rule"
    severity = WARNING


# --- A plan brought in from Word (`cluster-plans import`) ---------------------------------------
# Each names its place in the Word document (`word_place`: heading, table, row, cell, paragraph); the problem's
# own place is where the import wrote it.


@problem_type
class ImportUnplaced(ProblemType):
    code = "import-unplaced"
    severity = WARNING


@problem_type
class ImportNewActivity(ProblemType):
    code = "import-new-activity"
    severity = WARNING


@problem_type
class ImportRowRemoved(ProblemType):
    code = "import-row-removed"
    severity = WARNING


@problem_type
class ImportFigureAsWritten(ProblemType):
    code = "import-figure-as-written"
    severity = WARNING


# --- Phrases put into messages ------------------------------------------------------------------
# The words a check puts into a message (why a file is refused, how a figure is malformed, which row),
# each keyed with its own values, so that every language says them in its own words: the Welsh is in the
# `phrases` section of generator/problems/catalogue-cy.yaml. What the file itself says (a value, a field path, a
# caption) goes in as written.

# Files
FILE_IS_A_LINK = phrase("file-is-a-link")
FILE_OUTSIDE = phrase("file-outside-repository")
FILE_NOT_PERMITTED = phrase("file-not-permitted")
FILE_UNREADABLE = phrase("file-unreadable")
FILE_NUL_BYTE = phrase("file-nul-byte")
FILE_NOT_UTF8 = phrase("file-not-utf8")
FILE_UTF16 = phrase("file-utf16")
FILE_WINDOWS_TEXT = phrase("file-windows-text")

# YAML
YAML_TOO_DEEP = phrase("yaml-too-deep")
YAML_TAG_MISFIT = phrase("yaml-tag-misfit")
YAML_VALUE_UNREADABLE = phrase("yaml-value-unreadable")
YAML_NOT_YES_NO = phrase("yaml-not-yes-no")
YAML_NOT_WHOLE_NUMBER = phrase("yaml-not-whole-number")
YAML_NOT_NUMBER = phrase("yaml-not-number")
YAML_COMPLEX_KEY = phrase("yaml-complex-key")

# Schema
ONE_OF = phrase("one-of")
OR_LIST = phrase("or-list")
MONEY_UNKNOWN_FIELD = phrase("money-unknown-field")
MONEY_RECEIVED = phrase("money-received")
MONEY_YES_NO = phrase("money-yes-no")
MONEY_NOT_FINITE = phrase("money-not-finite")
MONEY_NOTE_NOT_TEXT = phrase("money-note-not-text")
MONEY_WRITTEN_NOT_TEXT = phrase("money-written-not-text")
MONEY_AMOUNT_NOT_NUMBER = phrase("money-amount-not-number")
MONEY_LIST = phrase("money-list")
MONEY_OTHER = phrase("money-other")

# Plan rules
BUDGET_EMPTY = phrase("budget-empty")
BUDGET_ABSENT = phrase("budget-absent")
SOURCE_PRINTS = phrase("source-prints")
SOURCE_HAS_MISTAKE = phrase("source-has-mistake")
PATH_IS_PROSE = phrase("path-is-prose")
PATH_MALFORMED = phrase("path-malformed")
PATH_PAST_END = phrase("path-past-end")
PATH_NO_FIELD = phrase("path-no-field")
THE_PLAN = phrase("the-plan")
# What a known issue's key named, by the kind of list (generator/schema/references.py).
NAMED_ITEM = {
    "activities": phrase("named-activity"),
    "lines": phrase("named-finance-line"),
    "tables": phrase("named-table"),
    "rows": phrase("named-row"),
    "cells": phrase("named-column"),
    "roles": phrase("named-role"),
    "leads": phrase("named-lead"),
    "members": phrase("named-member"),
    "key_actions": phrase("named-theme"),
    "priority_areas": phrase("named-priority-area"),
    "action_plan": phrase("named-action-area"),
    "goals": phrase("named-goal"),
    "key_facts": phrase("named-key-fact"),
    "risks": phrase("named-risk"),
    "text": phrase("named-entry"),
}

# Mistakes of a source document
FIGURE_SPACE = phrase("figure-space")
FIGURE_DOUBLE_COMMA = phrase("figure-double-comma")
FIGURE_GROUPING = phrase("figure-grouping")
FIGURE_THOUSANDS_TWICE = phrase("figure-thousands-twice")
FIGURE_PENCE = phrase("figure-pence")
SHARE_OVER_WHOLE = phrase("share-over-whole")
BRACKET_UNOPENED = phrase("bracket-unopened")
BRACKET_UNCLOSED = phrase("bracket-unclosed")
NUMBER_REPEATED = phrase("number-repeated")
NUMBER_SKIPPED = phrase("number-skipped")
NUMBERS_BACKWARDS = phrase("numbers-backwards")
THE_ACTION_PLAN = phrase("the-action-plan")
LIST_IN = phrase("list-in")
PARAGRAPH_OF = phrase("paragraph-of")
LINE_NUMBER = phrase("line-number")

# Tables
NO_CAPTION = phrase("no-caption")
EVERY_ROW_HAS = phrase("every-row-has")
ITS_ROW_HAS = phrase("its-row-has")
ROW_HAS = phrase("row-has")
ROW = phrase("row")
ROWS_FROM_TO = phrase("rows-from-to")
AND_LIST = phrase("and-list")
COMMA = phrase("comma")
TOTAL_OF = phrase("total-of")
AVERAGE_OF = phrase("average-of")
COLUMN = phrase("column")
SUM_OF_ITS_FIGURES = phrase("sum-of-its-figures")
SUM_OF = phrase("sum-of")
AVERAGE_OF_ROWS = phrase("average-of-rows")
DIVIDED_BY = phrase("divided-by")
FIGURE = phrase("figure")
NAME = phrase("name")
TOTAL_ROW_OUTSIDE = phrase("total-row-outside")
TOTAL_COLUMN_OUTSIDE = phrase("total-column-outside")
DERIVED_HOW = phrase("derived-how")
NONE = phrase("none")
DERIVED_ROWS_OUTSIDE = phrase("derived-rows-outside")

# The built site's links
LINK_NO_PAGE = phrase("link-no-page")
LINK_NO_ANCHOR_HERE = phrase("link-no-anchor-here")
LINK_NO_ANCHOR_THERE = phrase("link-no-anchor-there")

# A place in a Word document brought in with `cluster-plans import`
WORD_PLACE = phrase("word-place")
WORD_PLACE_FIRST = phrase("word-place-first")
