"""One plan as document blocks, in the national template's order as the boards print it, each source error
flagged where it is: the figure as printed, a mark, and the note at the foot of its table or section."""

from __future__ import annotations

from typing import Callable

from generator.core import i18n
from generator.core.money import Money
from generator.core.years import preceding, slashed, start_of
from generator.documents.blocks import (Block, Cell, Heading, ListBlock, ListItem, Note, Notes, Paragraph, Run,
                                        Table)
from generator.documents.markdown import blocks_of, inline_runs, split_title
from generator.model.flags import Flag, cell_of
from generator.model.records import PlanRecord
from generator.schema.plan import DataTable

Words = Callable[..., str]

# Prose sections before the key actions, between them and the finance profile, after the activity table.
OPENING = ("executive-summary", "forward-look", "vision-and-values", "strategic-background")
LOOKING_BACK = ("needs", "achievements")
LOOKING_AHEAD = ("difficulties", "challenges")
CLOSING = ("development", "enablers", "governance", "community-assets", "risks", "appendix", "terms-of-reference")

MARK = "⚠"


class PlanParts:
    """The blocks of one plan, its headings from `level` down (the plan's own heading is at level - 1)."""

    def __init__(self, plan: PlanRecord, words: Words, language: str, level: int, term: Callable[[str, str], str],
                 in_board_document: bool = False):
        self.plan = plan
        # In the board's own document a plan's source is the document itself, and goes without saying.
        self.in_board_document = in_board_document
        self.words = words
        self.language = language
        self.level = level
        self.term = term
        self.shown: set[int] = set()
        self.by_section: dict[str, list[DataTable]] = {}
        for table in plan.plan.tables:
            self.by_section.setdefault(table.section or "appendix", []).append(table)

    # --- flags ---------------------------------------------------------------------------------

    def note(self, flag: Flag) -> Note:
        self.shown.add(flag.number)
        # Labelled as the plan's page labels its notes (templates/partials/flags.html.j2).
        label = f"{self.words('document.note_n', n=flag.number)} · {self.words('flags.kind.' + flag.kind)}"
        as_written = f"{self.words('flags.as_written')} “{flag.as_written}”." if flag.as_written else ""
        return Note(f"{MARK}{flag.number}", label, as_written, flag.note_in(self.language),
                    "en" if flag.note_is_english(self.language) else None)

    def marks(self, flags: list[Flag]) -> str:
        return " ".join(f"{MARK}{f.number}" for f in flags)

    def notes_block(self, flags: list[Flag]) -> list[Block]:
        fresh = [f for f in flags if f.number not in self.shown]
        return [Notes([self.note(f) for f in fresh])] if fresh else []

    # --- words --------------------------------------------------------------------------------

    def lang_of(self, written_in: str) -> str | None:
        return written_in if written_in != self.language else None

    def source_lang(self) -> str | None:
        """The plan's own words (titles, terms as written) are English; marked so on a Welsh document."""
        return self.lang_of("en")

    def money(self, m: Money | None) -> str:
        """An amount as the site shows it (core.money.shown): the figure as printed, TBC, or the words."""
        return i18n.money_as_text(m, self.words)

    # --- the plan -----------------------------------------------------------------------------

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        for name in OPENING:
            out += self.section(name)
        out += self.key_actions()
        out += self.section("key-actions")
        out += self.priority_areas()
        for name in LOOKING_BACK:
            out += self.section(name)
            if name == "needs":
                out += self.key_facts()
        out += self.finance_and_workforce()
        for name in LOOKING_AHEAD:
            out += self.section(name)
        out += self.activities()
        out += self.swot()
        out += self.action_plan()
        for name in CLOSING:
            out += self.section(name)
            if name == "governance":
                out += self.members()
            if name == "risks":
                out += self.risks()
        if "appendix" not in self.plan.prose and self.by_section.get("appendix"):
            out.append(Heading(self.level, self.words("document.other_tables")))
            out += self.tables_of("appendix")
        out += self.source()
        return out

    def section(self, name: str) -> list[Block]:
        versions = self.plan.prose.get(name)
        if not versions:
            return []
        prose = versions.get(self.language) or versions.get("en") or next(iter(versions.values()))
        title, body = split_title(prose.text)
        heading_lang = self.lang_of(prose.language) if title else None
        heading = title or self.words(f"cms.section.{name}")
        out: list[Block] = [Heading(self.level, heading, heading_lang)]
        out += self.notes_block(self.plan.flags.sections([f"{name}.md", f"{name}.cy.md"]))
        out += blocks_of(body, self.level + 1, self.lang_of(prose.language))
        if name != "appendix" or self.by_section.get(name):
            out += self.tables_of(name)
        return out

    def tables_of(self, section: str) -> list[Block]:
        out: list[Block] = []
        for table in self.by_section.get(section, []):
            out += self.data_table(table)
        return out

    def key_actions(self) -> list[Block]:
        themes = self.plan.plan.key_actions
        if not themes:
            return []
        flags = self.plan.flags
        items = []
        for i, theme in enumerate(themes):
            place = f"key_actions[{i}]"
            local = theme.theme_cy if self.language == "cy" and theme.theme_cy else theme.theme
            mark = self.marks(flags.at(place) + flags.at(place + ".theme"))
            body: list[Block] = [Paragraph([Run(local, bold=True)] + ([Run(" " + mark)] if mark else []),
                                           None if local is theme.theme_cy else self.source_lang())]
            actions = []
            for j, action in enumerate(theme.actions):
                here = flags.under(f"{place}.actions[{j}]")
                runs = inline_runs(action) + ([Run(" " + self.marks(here))] if here else [])
                actions.append(ListItem([Paragraph(runs, self.source_lang())]))
            if actions:
                body.append(ListBlock(actions))
            items.append(ListItem(body))
        out: list[Block] = [Heading(self.level, self.words("document.key_actions", year=slashed(self.plan.year)))]
        out.append(ListBlock(items, ordered=True))
        out += self.notes_block(flags.under("key_actions"))
        return out

    def priority_areas(self) -> list[Block]:
        areas = self.plan.plan.priority_areas
        if not areas:
            return []
        items = []
        for a in areas:
            body: list[Block] = [Paragraph([Run(a.title, bold=True)], self.source_lang())]
            if a.goals:
                body.append(ListBlock([ListItem([Paragraph(inline_runs(g), self.source_lang())]) for g in a.goals]))
            items.append(ListItem(body))
        return [Heading(self.level, self.words("document.priority_areas")), ListBlock(items)]

    def key_facts(self) -> list[Block]:
        facts = self.plan.plan.key_facts
        if not facts:
            return []
        items = []
        for i, fact in enumerate(facts):
            runs = inline_runs(fact.fact)
            if fact.source:
                runs.append(Run(f" ({self.words('table.source')}: {fact.source})", italic=True))
            here = self.plan.flags.under(f"key_facts[{i}]")
            if here:
                runs.append(Run(" " + self.marks(here)))
            items.append(ListItem([Paragraph(runs, self.source_lang())]))
        out: list[Block] = [Heading(self.level, self.words("plan.key_facts")), ListBlock(items)]
        return out + self.notes_block(self.plan.flags.under("key_facts"))

    # --- finance and workforce ----------------------------------------------------------------

    def finance_and_workforce(self) -> list[Block]:
        plan = self.plan.plan
        has_finance = plan.finance is not None or "finance" in self.plan.prose
        has_workforce = plan.workforce is not None or "workforce" in self.plan.prose
        if not (has_finance or has_workforce):
            return []
        out: list[Block] = [Heading(self.level, self.words("document.finance_and_workforce",
                                                           year=slashed(self.plan.year)))]
        if "finance" in self.plan.prose:
            out += self.sub_section("finance")
        if plan.finance is not None:
            out += self.finance_table()
        if "workforce" in self.plan.prose:
            out += self.sub_section("workforce")
        if plan.workforce is not None:
            out += self.notes_block(self.plan.flags.at("workforce") + self.plan.flags.at("workforce.tables"))
            for table in plan.workforce.tables:
                out += self.data_table(table)
            if plan.workforce.roles:
                out += self.roles()
            out += [Paragraph(inline_runs(n), self.source_lang(), "note") for n in plan.workforce.notes]
        return out

    def sub_section(self, name: str) -> list[Block]:
        """A prose section that sits inside the finance and workforce profile, one level down."""
        blocks = PlanParts.section(self, name)
        if blocks and isinstance(blocks[0], Heading):
            blocks[0].level = self.level + 1
        return blocks

    def finance_table(self) -> list[Block]:
        f = self.plan.plan.finance
        assert f is not None
        flags = self.plan.flags
        used: list[Flag] = []

        def figure(m: Money | None, place: str, strong: bool = False) -> Cell:
            here = flags.under(place) + [x for x in flags.all if x.also == place]
            used.extend(here)
            return Cell([[Run(self.money(m) if m is not None else "")]], self.marks(here), numeric=True,
                        strong=strong)

        recurrent = any(line.recurrent is not None for line in f.lines)
        full_year = any(line.full_year_effect is not None for line in f.lines)
        columns = [self.words("document.finance_item"), self.words("document.finance_amount")]
        columns += [self.words("finance.recurrent")] if recurrent else []
        columns += [self.words("finance.full_year_effect")] if full_year else []
        blank = [Cell([[]])] * (len(columns) - 2)
        rows: list[list[Cell]] = []
        for key, value in (("allocation", f.allocation), ("carry_over", f.carry_over)):
            if value is not None:
                rows.append([Cell([[Run(self.words(f"finance.{key}"))]]), figure(value, f"finance.{key}")] + blank)
        for i, line in enumerate(f.lines):
            place = f"finance.lines[{i}]"
            on_item = [x for x in flags.under(place) if x.field not in (place + ".amount", place + ".full_year_effect")]
            used.extend(on_item)
            item = Cell([inline_runs(line.item)] + ([inline_runs(line.note)] if line.note else []), self.marks(on_item))
            row = [item, figure(line.amount, place + ".amount")]
            if recurrent:
                row.append(Cell([[Run(self.words("finance.yes") if line.recurrent is True else
                                      self.words("finance.no") if line.recurrent is False else "")]]))
            if full_year:
                row.append(figure(line.full_year_effect, place + ".full_year_effect") if line.full_year_effect
                           is not None else Cell([[]]))
            rows.append(row)
        if f.total is not None:
            rows.append([Cell([[Run(self.words("document.finance_total"), bold=True)]]),
                         figure(f.total, "finance.total", strong=True)] + blank)
        if f.balance is not None:
            label = f.balance_label or self.words("finance.balance")
            rows.append([Cell([[Run(label)]]), figure(f.balance, "finance.balance")] + blank)
        used += flags.finance_rest()
        table = Table(f.caption or self.words("finance.caption"), columns, rows,
                      [3.0, 1.2] + [1.0] * (len(columns) - 2), lang=self.source_lang())
        table.notes = [self.note(x) for x in _unique(used) if x.number not in self.shown]
        out: list[Block] = [table]
        out += [Paragraph(inline_runs(n), self.source_lang(), "note") for n in f.notes]
        return out

    def data_table(self, table: DataTable) -> list[Block]:
        base = self.plan.flags.table_place(self.plan, table)
        flags = self.plan.flags.under(base) if base else []
        rows = []
        for r, values in enumerate(table.rows):
            row = []
            for c, value in enumerate(values):
                here = [f for f in flags if cell_of(f.field, base) == (r, c)]
                if c == 0:
                    here += [f for f in flags if f.field == f"{base}.rows[{r}]"]
                row.append(Cell([[Run("" if value is None else str(value))]], self.marks(here),
                                numeric=isinstance(value, (int, float))))
            rows.append(row)
        columns = [str(c or "") for c in table.columns]
        out = Table(table.caption, columns, rows, [1.0] * len(columns), lang=self.source_lang(),
                    caption_lang=self.source_lang(), small=len(columns) > 6)
        out.notes = [self.note(f) for f in flags if f.number not in self.shown]
        blocks: list[Block] = [out]
        if table.source:
            blocks.append(Paragraph([Run(f"{self.words('table.source')}: {table.source}")], None, "note"))
        blocks += [Paragraph(inline_runs(n), self.source_lang(), "note") for n in table.notes]
        return blocks

    def roles(self) -> list[Block]:
        assert self.plan.plan.workforce is not None
        rows = [[Cell([[Run(r.role)]]), Cell([[Run("" if r.wte is None else str(r.wte))]], numeric=True),
                 Cell([[Run(r.band or "")]]), Cell([[Run(r.funding or "")]]), Cell([inline_runs(r.impact or "")])]
                for r in self.plan.plan.workforce.roles]
        columns = [self.words(k) for k in ("workforce.role", "workforce.wte", "workforce.band", "workforce.funding",
                                           "workforce.impact")]
        return [Table(self.words("workforce.roles"), columns, rows, [2, 1, 0.8, 1.2, 3], lang=self.source_lang())]

    # --- the activity table -------------------------------------------------------------------

    def activities(self) -> list[Block]:
        views = self.plan.activities
        if not views:
            return []
        year = self.plan.year
        out: list[Block] = [Heading(self.level, self.words("document.activities", year=year,
                                                           previous=preceding(year)))]
        flags = self.plan.flags
        out += self.notes_block(flags.at("activities"))
        rows = []
        used: list[Flag] = []
        welsh = self.language != "en"
        for i, a in enumerate(views):
            place = f"activities[{i}]"
            here = flags.under(place)
            used += here

            def at(*fields: str) -> str:
                return self.marks([f for f in here if any(f.field == f"{place}.{x}" or
                                                          f.field.startswith(f"{place}.{x}[") for x in fields)])

            def terms(vocabulary: str, written: list[str], canonical: list[str]) -> list[list[Run]]:
                shown_terms = [self.term(vocabulary, t) for t in canonical] if welsh else written
                return [[Run(t)] for t in shown_terms]

            origin = a.new_or_existing_detail or (self.term("origin", a.origin) if a.origin else "")
            status = (self.term("status", a.status) if welsh and a.status else a.status_detail or a.status or "")
            placed = {f.number for f in here if any(f.field == f"{place}.{x}" or f.field.startswith(f"{place}.{x}[")
                                                   for x in _ACTIVITY_FIELDS)}
            rest = [f for f in here if f.number not in placed]
            rows.append([
                Cell([inline_runs(a.title)], self.marks(rest)),
                Cell([[Run(origin)]], at("new_or_existing", "new_or_existing_detail", "since")),
                Cell([inline_runs(a.description)], at("description")),
                Cell([inline_runs(r) for r in a.expected_results], at("expected_results")),
                Cell(terms("ministerial", a.ministerial_priorities, a.ministerial), at("ministerial_priorities")),
                Cell(terms("sppc", a.sppc_priorities, a.sppc), at("sppc_priorities")),
                Cell([[Run(self.money(a.budget))]], at("budget"), numeric=True),
                Cell(terms("funding", a.funding_sources, a.funding), at("funding_sources")),
                Cell([[Run(status)]], at("status", "status_detail")),
                Cell([inline_runs(c) for c in a.comments], at("comments")),
            ])
        columns = [self.words(f"document.activity.{key}", end=start_of(year) + 1)
                   for key in ("title", "origin", "description", "results", "ministerial", "sppc", "budget",
                               "funding", "status", "comments")]
        table = Table(self.words("activities.caption", cluster=self.plan_name(), year=year), columns, rows,
                      [1.5, 1.1, 1.8, 1.9, 1.2, 1.2, 0.9, 1.0, 1.0, 1.5], landscape=True, small=True,
                      lang=self.source_lang() if not welsh else None)
        table.notes = [self.note(f) for f in _unique(used) if f.number not in self.shown]
        out.append(table)
        return out

    def plan_name(self) -> str:
        return i18n.name_in(self.plan.cluster, self.language)

    # --- the rest of the richer formats -------------------------------------------------------

    def swot(self) -> list[Block]:
        swot = self.plan.plan.swot
        if swot is None:
            return []
        out: list[Block] = [Heading(self.level, self.words("plan.swot"))]
        for key in ("strengths", "weaknesses", "opportunities", "threats"):
            items = getattr(swot, key)
            if items:
                out.append(Heading(self.level + 1, self.words(f"swot.{key}"), outlined=False))
                out.append(ListBlock([ListItem([Paragraph(inline_runs(x), self.source_lang())]) for x in items]))
        return out + self.notes_block(self.plan.flags.under("swot"))

    def action_plan(self) -> list[Block]:
        areas = self.plan.plan.action_plan
        if not areas:
            return []
        out: list[Block] = [Heading(self.level, self.words("plan.action_plan"))]
        columns = [self.words(k) for k in ("actionplan.goal", "actionplan.methods", "actionplan.outcomes",
                                           "actionplan.priorities", "actionplan.lead")]
        for area in areas:
            rows = [[Cell([inline_runs(g.goal)]), Cell([inline_runs(m) for m in g.methods]),
                     Cell([inline_runs(o) for o in g.outcomes]), Cell([[Run(p)] for p in g.strategic_priorities]),
                     Cell([[Run(" ".join(x for x in (g.lead, g.timescale) if x))]])] for g in area.goals]
            out.append(Table(f"{self.words('plan.priority_area')}: {area.priority_area}", columns, rows,
                             [2, 2, 2, 1.2, 1], lang=self.source_lang(), caption_lang=None))
        return out + self.notes_block(self.plan.flags.under("action_plan"))

    def members(self) -> list[Block]:
        members = self.plan.plan.members
        if not members:
            return []
        items = [ListItem([Paragraph([Run(", ".join(x for x in (m.name, m.role, m.organisation) if x))],
                                     self.source_lang())]) for m in members]
        out: list[Block] = [Heading(self.level, self.words("plan.members")), ListBlock(items)]
        return out + self.notes_block(self.plan.flags.under("members"))

    def risks(self) -> list[Block]:
        risks = self.plan.plan.risks
        if not risks:
            return []
        columns = [self.words(k) for k in ("risks.project", "risks.risk", "risks.impact", "risks.likelihood",
                                           "risks.mitigation", "risks.lead")]
        rows = [[Cell([[Run(r.project)]]), Cell([inline_runs(r.risk)]), Cell([inline_runs(r.impact or "")]),
                 Cell([[Run(self.words("likelihood." + r.likelihood) if r.likelihood else "")]]),
                 Cell([inline_runs(r.mitigation or "")]), Cell([[Run(r.lead or "")]])] for r in risks]
        out: list[Block] = [Table(self.words("plan.risks"), columns, rows, [1.2, 2, 1.5, 0.8, 2, 1],
                                  lang=self.source_lang())]
        return out + self.notes_block(self.plan.flags.under("risks"))

    def source(self) -> list[Block]:
        """Where the plan comes from, and every flag not yet shown at its place."""
        out: list[Block] = []
        source = None if self.in_board_document else self.plan.plan.source
        rest = [f for f in self.plan.flags.all if f.number not in self.shown]
        if source is None and not rest:
            return out
        out.append(Heading(self.level, self.words("document.about_source"), outlined=False))
        if source is not None:
            text = source.document + (f", {source.publisher}" if source.publisher else "") + \
                (f" ({source.pages})" if source.pages else "")
            out.append(Paragraph([Run(text)] + ([Run(" " + source.url, link=source.url)] if source.url else []),
                                 self.source_lang(), "note"))
        out += self.notes_block(rest)
        return out


_ACTIVITY_FIELDS = ("new_or_existing", "new_or_existing_detail", "since", "description", "expected_results",
                    "ministerial_priorities", "sppc_priorities", "budget", "funding_sources", "status",
                    "status_detail", "comments")


def _unique(flags: list[Flag]) -> list[Flag]:
    seen: dict[int, Flag] = {}
    for f in flags:
        seen.setdefault(f.number, f)
    return sorted(seen.values(), key=lambda f: f.number)
