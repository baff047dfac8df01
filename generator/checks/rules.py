"""Plan rules beyond the schema: vocabularies, money, finance arithmetic, ids and known issues of the source."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Callable, Iterator

from generator.checks import agreement
from generator.checks import as_written
from generator.checks import completeness
from generator.checks import tables as table_checks
from generator.checks import text as text_checks
from generator.problems import catalogue as C
from generator.load.documents import Document, Prose
from generator.core.money import AMOUNT, TBC, UNPARSED, Money, format_pounds, known_amount, known_amounts
from generator.problems.report import CATALOGUE, Phrase, Problem, yaml_scalar
from generator.schema.plan import Plan
from generator.schema.references import Missing, counted, keyed, resolve
from generator.checks.schema_check import field_path, model_at, money_reading
from generator.core.i18n import in_each_language
from generator.schema.vocabulary import Lookup, VocabularySet


# Rules for the mistakes source documents make, each module a family of them; each takes the checker
# and yields problems.
SOURCE_RULES: tuple[Callable[["PlanChecker"], Iterator[Problem]], ...] = (
    agreement.check, table_checks.check, text_checks.check, as_written.check)


class PlanChecker:
    """Runs every rule on one schema-valid plan; each rule yields problems."""

    def __init__(self, plan: Plan, doc: Document, vocab: VocabularySet, board_priorities: Lookup,
                 prose: dict[str, Prose] | None = None):
        self.plan, self.doc, self.vocab, self.board_priorities = plan, doc, vocab, board_priorities
        # The plan's prose sections by file name (e.g. needs.md, needs.cy.md).
        self.prose = prose or {}

    def at(self, kind, loc: tuple, key: bool = False, **values) -> Problem:
        line, col = self.doc.where(loc, key=key)
        return Problem.of(kind, self.doc.file, line, col, field=field_path(loc), **values)

    def problems(self) -> list[Problem]:
        found = [*self.ids(), *self.terms(), *self.money(), *self.finance(), *self.advice()]
        for rules in SOURCE_RULES:
            found.extend(rules(self))
        found.extend(completeness.problems(self))
        return completeness.by_status(self, self.apply_known_issues(found))

    def ids(self) -> Iterator[Problem]:
        first: dict[str, int] = {}
        for i, activity in enumerate(self.plan.activities):
            line = self.doc.where(("activities", i, "id"))[0]
            if activity.id in first:
                yield self.at(C.ActivityDuplicateId, ("activities", i, "id"), id=activity.id,
                              first_line=first[activity.id])
            else:
                first[activity.id] = line

    def term(self, lookup: Lookup, written: str, loc: tuple) -> Iterator[Problem]:
        match = lookup.match(written)
        if match.canonical is None:
            yield self.at(C.VocabularyUnknown, loc, term=written, vocabulary=lookup.label,
                          vocabulary_cy=lookup.label_cy or lookup.label, close=match.suggestion or "",
                          choices="; ".join(lookup.terms) or "(none defined)",
                          choices_cy="; ".join(lookup.terms) or "(dim wedi'u diffinio)",
                          **self.origin_tip(lookup, written))
        elif match.variant:
            yield self.at(C.VocabularyVariant, loc, term=written, vocabulary=lookup.label,
                          vocabulary_cy=lookup.label_cy or lookup.label,
                          canonical=match.canonical)

    def origin_tip(self, lookup: Lookup, written: str) -> dict[str, Any]:
        """What to do with a 'new or existing' cell that holds TBC or an activity status, as source tables do:
        the page would otherwise show the activity as neither."""
        if lookup is not self.vocab.origin:
            return {}
        if re.fullmatch(r"\s*(tbc|tba|to be confirmed|unknown|not known)\s*", written, re.IGNORECASE):
            return in_each_language("tip", "tip.origin_unknown", written=written)
        status = self.vocab.status.match(written).canonical
        if status is not None:
            return in_each_language("tip", "tip.origin_is_status", written=written, status=status)
        return {}

    def terms(self) -> Iterator[Problem]:
        v = self.vocab
        for i, a in enumerate(self.plan.activities):
            base = ("activities", i)
            for field, lookup in (("ministerial_priorities", v.ministerial), ("sppc_priorities", v.sppc),
                                  ("funding_sources", v.funding), ("board_priorities", self.board_priorities)):
                for j, written in enumerate(getattr(a, field)):
                    yield from self.term(lookup, written, base + (field, j))
            if a.status is not None:
                yield from self.term(v.status, a.status, base + ("status",))
            if a.new_or_existing is not None:
                yield from self.term(v.origin, a.new_or_existing, base + ("new_or_existing",))
        for i, area in enumerate(self.plan.action_plan):
            for j, goal in enumerate(area.goals):
                for k, written in enumerate(goal.strategic_priorities):
                    yield from self.term(self.board_priorities, written,
                                         ("action_plan", i, "goals", j, "strategic_priorities", k))

    def money_fields(self) -> Iterator[tuple[tuple, Money]]:
        for i, a in enumerate(self.plan.activities):
            if a.budget is not None:
                yield ("activities", i, "budget"), a.budget
        f = self.plan.finance
        if f is None:
            return
        for name in ("allocation", "carry_over", "total", "balance"):
            value = getattr(f, name)
            if value is not None:
                yield ("finance", name), value
        for i, line in enumerate(f.lines):
            for name in ("amount", "full_year_effect"):
                value = getattr(line, name)
                if value is not None:
                    yield ("finance", "lines", i, name), value

    def looks_printed(self, written: str) -> bool:
        """Whether an unreadable figure looks like a source document's misprint kept as printed (£72,,000,
        £77,0194.24) rather than a lead's typo: only figures and separators, in a plan that has a source."""
        return (self.plan.source is not None and self.plan.status != "draft"
                and re.fullmatch(r"£?\s*[\d][\d,.\s]*", written.strip()) is not None)

    def money(self) -> Iterator[Problem]:
        for loc, value in self.money_fields():
            if value.kind == UNPARSED:
                problem = self.at(C.MoneyUnparseable, loc, written=value.as_written,
                                  misprint="yes" if self.looks_printed(value.as_written or "") else "")
                # How it was written, named at the character that stops it being read, with the amount as it should be.
                yield money_reading(self.doc, loc, problem, value.as_written or "")

    def finance(self) -> Iterator[Problem]:
        f = self.plan.finance
        if f is None:
            return
        amounts = [line.amount for line in f.lines if line.amount is not None]
        unknown = [m for m in amounts if m.kind != AMOUNT]
        computed = sum(known_amounts(amounts), Decimal(0))
        total = known_amount(f.total)
        # Without lines there is nothing to add up, but the balance can still be checked against the total.
        if f.lines and f.total is not None and total is not None:
            if unknown:
                yield self.at(C.FinanceTotalUncheckable, ("finance", "total"), count=len(unknown))
            elif total != computed:
                yield self.at(C.FinanceTotalMismatch, ("finance", "total"),
                              stated=_shown(f.total), computed=format_pounds(computed))
        balance, allocation = known_amount(f.balance), known_amount(f.allocation)
        if f.balance is not None and balance is not None and allocation is not None and total is not None:
            expected = allocation + (known_amount(f.carry_over) or Decimal(0)) - total
            if expected != balance:
                yield self.at(C.FinanceBalanceMismatch, ("finance", "balance"),
                              stated=_shown(f.balance), computed=format_pounds(expected))

    def advice(self) -> Iterator[Problem]:
        if not self.plan.leads:
            yield self.at(C.SectionMissingLead, ())
        for i, a in enumerate(self.plan.activities):
            if a.budget is not None and a.budget.kind == TBC:
                yield self.at(C.BudgetToBeConfirmed, ("activities", i, "budget"), title=a.title)
            funded = [s for s in a.funding_sources if self.vocab.funding.match(s).canonical != "To be confirmed"]
            if not funded:
                loc = ("activities", i, "funding_sources") if a.funding_sources else ("activities", i)
                yield self.at(C.FundingSourceMissing, loc, title=a.title)

    def apply_known_issues(self, found: list[Problem]) -> list[Problem]:
        """Each known issue's note put on the problem at the place it names by key; a known issue whose item
        is gone, or that counts items, is reported at its own line."""
        notes = {}
        out: list[Problem] = []
        for i, issue in enumerate(self.plan.known_issues):
            if issue.problem == C.SourceError.code:
                out.extend(self.source_error(i))
                continue
            kind = CATALOGUE.get(issue.problem)
            if kind is None or not kind.acknowledgeable:
                allowed = ", ".join(c for c, k in CATALOGUE.items() if k.acknowledgeable)
                out.append(self.at(C.KnownIssueNotAllowed, ("known_issues", i, "problem"),
                                   problem=issue.problem, choices=allowed))
                continue
            target = issue.field.strip()
            if target in self.prose or target.endswith(".md"):
                notes[(issue.problem, target)] = (i, issue)
                continue
            loc, refused = self.place_of(i)
            out.extend(refused)
            if loc is not None:
                notes[(issue.problem, field_path(loc))] = (i, issue)
        used = set()
        for p in found:
            key = (p.code, p.field)
            if key in notes:
                used.add(key)
                issue = notes[key][1]
                out.append(p.acknowledge(issue.note, as_written=issue.as_written, kind=issue.kind))
            else:
                out.append(p)
        for key, (i, issue) in notes.items():
            if key not in used:
                out.append(self.at(C.KnownIssueUnmatched, ("known_issues", i), problem=key[0],
                                   target=issue.field.strip()))
        return self.referenced(out)

    def referenced(self, found: list[Problem]) -> list[Problem]:
        """Problems of plan.yaml with their place also named by keys, as a known issue writes it."""
        out = []
        for p in found:
            resolved = resolve(p.field, self.doc.data) if p.file == self.doc.file and p.field else None
            if resolved is not None and resolved[1] is None:
                p = p.at_reference(keyed(resolved[0], self.doc.data))
            out.append(p)
        return out

    def place_of(self, i: int) -> tuple[tuple | None, list[Problem]]:
        """The place (by position) known issue i names by key, and the problems of how it names it: an item
        that is gone, or one it counts to (its note still applies there, as the plan is read now)."""
        target = self.plan.known_issues[i].field.strip()
        at = ("known_issues", i, "field")
        loc, reason = self.place(target)
        if reason is not None:
            if isinstance(reason, Missing):
                named = C.NAMED_ITEM.get(reason.list_name, C.NAMED_ITEM["text"])(key=reason.key)
                kind = C.KnownIssueAmbiguous if reason.ambiguous else C.KnownIssueGone
                return None, [self.at(kind, at, target=target, named=named,
                                      holder=keyed(reason.holder, self.doc.data) or C.THE_PLAN(),
                                      note=self.plan.known_issues[i].note, choices=_choices(reason.choices))]
            example = next(iter(sorted(self.prose)), "needs.md")
            return None, [self.at(C.KnownIssueBadField, at, target=target, reason=reason, example=example)]
        written = keyed(loc, self.doc.data)
        if counted(target) > counted(written):
            return loc, [self.at(C.KnownIssuePositional, at, target=target, keyed=yaml_scalar(written))]
        return loc, []

    def source_error(self, i: int) -> Iterator[Problem]:
        """A mistake of the source no rule detects: published as a note at the place it names."""
        issue = self.plan.known_issues[i]
        target = issue.field.strip()
        what = C.SOURCE_PRINTS(written=issue.as_written) if issue.as_written else C.SOURCE_HAS_MISTAKE()
        # The note is among the values so that two mistakes recorded at one place stay two problems.
        values: dict[str, Any] = dict(what=what, note=issue.note)
        if target in self.prose:
            prose = self.prose[target]
            # The mistake's line when the words as printed are found in the section, else its first line.
            at = prose.text.find(issue.as_written) if issue.as_written else -1
            line = prose.text.count("\n", 0, at) + 1 if at >= 0 else 1
            problem = Problem.of(C.SourceError, prose.file, line, 1, field=target, **values)
            yield problem.acknowledge(issue.note, as_written=issue.as_written, kind=issue.kind)
            return
        loc, refused = self.place_of(i)
        yield from refused
        if loc is None:
            return
        yield self.at(C.SourceError, loc, what=what, note=issue.note).acknowledge(issue.note, as_written=issue.as_written,
                                                                kind=issue.kind)

    def place(self, target: str) -> tuple[tuple, "Phrase | Missing | None"]:
        """The location (by position) a known issue's field names by key, or why it names none."""
        if target.endswith(".md"):
            return (), C.PATH_IS_PROSE()
        resolved = resolve(target, self.doc.data)
        if resolved is None:
            return (), C.PATH_MALFORMED()
        loc, missing = resolved
        if missing is not None and missing.by_position:
            return (), C.PATH_PAST_END(holder=field_path(missing.holder) or C.THE_PLAN(), size=missing.size)
        if missing is not None:
            return (), missing
        current = self.doc.data
        for n, part in enumerate(loc):
            if isinstance(part, int):
                current = current[part]
                continue
            if not isinstance(current, dict):
                return (), C.PATH_NO_FIELD(holder=field_path(loc[:n]), name=part)
            if part not in current:
                holder = model_at(Plan, loc[:n]) if n else Plan
                # A value the row lacks is a place too, as long as the schema has the field.
                if n == len(loc) - 1 and holder is not None and part in holder.model_fields:
                    return loc, None
                return (), C.PATH_NO_FIELD(holder=field_path(loc[:n]) or C.THE_PLAN(), name=part)
            current = current[part]
        return loc, None


def _choices(names: tuple[str, ...]) -> str:
    """An item's list as a hint shows it: the first few names, quoted."""
    shown = [f"'{name}'" for name in names[:8]]
    return ", ".join(shown) + (", …" if len(names) > 8 else "")


def _shown(m: Money) -> str:
    return m.as_written if m.as_written else format_pounds(m.amount)
