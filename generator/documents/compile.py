"""What a compiled document holds: a board's year (cover, contents, the board's texts, then each area and each
cluster's plan) or one plan, as blocks in the reader's language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core import i18n
from generator.documents.blocks import Block, Cover, Document, Heading, PageBreak
from generator.documents.markdown import blocks_of, split_title
from generator.documents.plan_parts import PlanParts
from generator.model.records import BoardRecord, PlanRecord, Repository


class NothingToCompile(Exception):
    """A board, cluster or year the repository has no plans for, said in words for the command line."""


@dataclass
class Compiler:
    repository: Repository
    translations: i18n.Translations
    language: str = "en"

    def words(self, key: str, **values: object) -> str:
        return self.translations.text(key, self.language, **values)

    def term(self, vocabulary: str, term: str) -> str:
        vocab = self.repository.vocab
        return vocab.label(vocabulary, term, self.language) if vocab else term

    def layout_words(self) -> dict[str, str]:
        return {key: self.words(f"document.{key}") for key in ("contents", "page", "source_error_notes")}

    def board_name(self, board: BoardRecord, language: str | None = None) -> str:
        return i18n.board_name(board.board, language or self.language, short=False)

    # --- a board's year -----------------------------------------------------------------------

    def board_year(self, board: BoardRecord, year: str) -> Document:
        plans = board.plans_of(year)
        if not plans:
            raise NothingToCompile(f"{board.board.name} has no plan for {year}"
                                   + (f"; its plans are for {', '.join(sorted({p.year for p in board.plans}))}"
                                      if board.plans else ""))
        title = self.words("document.title", year=_long_year(year))
        blocks: list[Block] = []
        for name, heading, prose in board.texts_of(year, self.language):
            own_title, body = split_title(prose.text)
            lang = prose.language if prose.language != self.language else None
            blocks.append(Heading(1, own_title or self.words(f"document.board_text.{name}"),
                                  lang if own_title else None))
            blocks += blocks_of(body, 2, lang)
        for n, (area, area_plans) in enumerate(self.by_area(board, plans), 1):
            blocks.append(PageBreak())
            blocks.append(Heading(1, f"{n}. {self.area_heading(board, area)}" if area else
                                  self.words("document.plans_heading")))
            for m, plan in enumerate(area_plans, 1):
                number = f"{n}.{m} " if area else ""
                if m > 1:
                    blocks.append(PageBreak())
                blocks.append(Heading(2, number + self.plan_heading(plan), None))
                blocks += PlanParts(plan, self.words, self.language, 3, self.term, in_board_document=True).blocks()
        other = "cy" if self.language == "en" else "en"
        cover = Cover(self.board_name(board), self.board_name(board, other) if board.board.name_cy else None,
                      title, board_other_lang=other)
        return Document(f"{self.board_name(board)}: {title}", self.language, self.board_name(board), cover,
                        self.layout_words(), blocks, contents=True, date=year_date(year))

    def by_area(self, board: BoardRecord, plans: list[PlanRecord]) -> list[tuple[str | None, list[PlanRecord]]]:
        """Plans grouped by the board's areas in its own order (East, Central, West), clusters by number."""
        areas = list(board.board.areas)
        if not areas:
            return [(None, plans)]
        groups: dict[str | None, list[PlanRecord]] = {area: [] for area in areas}
        for plan in sorted(plans, key=_place_in_source):
            groups.setdefault(plan.cluster.area if plan.cluster.area in areas else None, []).append(plan)
        return [(area, found) for area, found in groups.items() if found]

    def area_heading(self, board: BoardRecord, area: str) -> str:
        local = area
        if self.language == "cy" and len(board.board.areas_cy) == len(board.board.areas):
            local = board.board.areas_cy[board.board.areas.index(area)]
        return self.words("document.area_heading", area=local)

    def plan_heading(self, plan: PlanRecord) -> str:
        return self.words("document.cluster_heading", cluster=i18n.name_in(plan.cluster, self.language))

    # --- one plan -----------------------------------------------------------------------------

    def one_plan(self, plan: PlanRecord) -> Document:
        name = i18n.name_in(plan.cluster, self.language)
        title = self.words("plan.heading", cluster=name, year=plan.year)
        blocks: list[Block] = [Heading(1, title)]
        blocks += PlanParts(plan, self.words, self.language, 2, self.term).blocks()
        cover = Cover(self.board_name(plan_board(self.repository, plan)), None, title,
                      self.words("document.plan_subtitle", year=_long_year(plan.year)))
        return Document(title, self.language, self.board_name(plan_board(self.repository, plan)), cover,
                        self.layout_words(), blocks, contents=False, date=year_date(plan.year))


def plan_board(repository: Repository, plan: PlanRecord) -> BoardRecord:
    return next(b for b in repository.boards if b.board.slug == plan.board.slug)


def _place_in_source(plan: PlanRecord) -> tuple:
    """Plans in the order of the board's own document, where each records its section there ('1.5 North East
    Flintshire Cluster, pages 22-26'); else in the national list's order."""
    pages = plan.plan.source.pages if plan.plan.source is not None and plan.plan.source.pages else ""
    found = re.match(r"\s*(\d+(?:\.\d+)*)", pages)
    section = tuple(int(n) for n in found[1].split(".")) if found else (10_000,)
    return section, plan.cluster.number or 0, plan.cluster.slug


def year_date(year: str) -> tuple[int, int, int]:
    """The date a document records: the first day of the plan year it is for (1 April). It comes from what the
    document holds, not from when it was made, so the same plans give the same file whenever they are compiled,
    and a file compiled before can be used again."""
    return int(year[:4]), 4, 1


def _long_year(year: str) -> str:
    """2022-23 as the boards' documents title it: 2022/2023."""
    start = int(year[:4])
    return f"{start}/{start + 1}"

