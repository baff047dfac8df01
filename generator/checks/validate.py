"""Validate: walk the clusters/ tree, load every file, check layout, schema and rules, and gather the repository."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.problems import catalogue as C
from generator.core.languages import of_section_file
from generator.load.documents import Document, Within, field_path, load_markdown, load_yaml, relative
from generator.model.records import BoardRecord, ClusterRecord, PlanRecord, Repository
from generator.core.parallel import share_out
from generator.problems.report import Problem, Report
from generator.sitemap.pages import Unchecked
from generator.checks.places import place_problems
from generator.checks.prose_links import check_links
from generator.model.registry import ClusterRef, Registry, UnknownCluster
from generator.checks.rules import PlanChecker
from generator.schema.plan import BOARD_TEXTS, BOARD_YEARS_FOLDER, SECTIONS, SLUG_PATTERN, Board, Cluster, Plan, Vocabularies
from generator.checks.schema_check import check
from generator.checks.text import prose_problems
from generator.schema.vocabulary import Lookup, VocabularySet, closest, slugify
from generator.core.years import folder_for, is_year

SLUG = re.compile(SLUG_PATTERN)
VOCABULARY_FILE = "clusters/vocabularies.yaml"


@dataclass
class Validation:
    report: Report
    repository: Repository
    registry: Registry


class Validator:
    """One run over a repository: every problem is collected, none stops the run."""

    def __init__(self, root: Path, only: list[Path] | None = None, plans: bool = True, jobs: int | None = None):
        self.root = root.resolve()
        self.within = Within(self.root)
        self.workers = jobs
        self.clusters_dir = self.root / "clusters"
        self.only = [p.resolve() for p in only] if only else None
        self.report = Report()
        self.registry = Registry()
        self.repository = Repository()
        self.jobs: list[tuple] = []
        # Plan folders whose pages exist once they build, though this run did not check them or found errors.
        self.unchecked: list[Unchecked] = []
        self.plans = plans

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def selected(self, folder: Path) -> bool:
        """Whether a plan folder is among the paths asked for (all when none were given)."""
        if self.only is None:
            return True
        folder = folder.resolve()
        return any(folder == p or p in folder.parents or folder in p.parents or p.parent == folder
                   for p in self.only)

    def add(self, problems: list[Problem]) -> None:
        self.report.extend(problems)

    def load_model(self, path: Path, model, as_meant: bool = False):
        doc, problems = load_yaml(path, self.rel(path), self.within, as_meant)
        self.add(problems)
        if doc is None:
            return None, None
        self.report.files_checked += 1
        value, problems = check(model, doc)
        self.add(problems)
        return value, doc

    def run(self) -> Validation:
        if not self.clusters_dir.is_dir():
            self.add([Problem.of(C.LayoutNoClusters, "clusters", root=self.root)])
            return Validation(self.report, self.repository, self.registry)
        vocab_model, _ = self.load_model(self.root / VOCABULARY_FILE, Vocabularies) \
            if (self.root / VOCABULARY_FILE).exists() else (None, None)
        if not (self.root / VOCABULARY_FILE).exists():
            self.add([Problem.of(C.LayoutMissingVocabularies, VOCABULARY_FILE, name=VOCABULARY_FILE)])
        vocab = VocabularySet.from_model(vocab_model) if vocab_model else None
        self.repository.vocab = vocab
        boards = [d for d in sorted(self.clusters_dir.iterdir()) if d.is_dir() and not d.name.startswith(".")]
        for board_dir in boards:
            self.board(board_dir, vocab)
        if self.plans:
            self.check_plans()
            self.add(check_links(self.root, self.repository, tuple(self.unchecked)))
        return Validation(self.report, self.repository, self.registry)

    def check_plans(self) -> None:
        """Check every plan found. Plans are independent once the registry is known, so they are shared
        out between workers a cluster at a time; results are merged in the order the plans were found,
        so the report does not depend on the sharing."""
        positions = {id(record): n for n, record in enumerate(self.repository.clusters)}
        shares: list[list[int]] = [[] for _ in positions]
        for index, job in enumerate(self.jobs):
            shares[positions[id(job[5])]].append(index)
        done = share_out("checking plans", self._check_share, [share for share in shares if share],
                         self.workers)
        for index, problems, files, plans, plan in sorted((r for share in done for r in share), key=lambda r: r[0]):
            self.report.extend(problems)
            self.report.files_checked += files
            self.report.plans_checked += plans
            if plan is not None:
                plan.vocab = self.repository.vocab
                self.jobs[index][5].plans.append(plan)
            elif (self.jobs[index][0] / "plan.yaml").is_file():
                year_dir, board, cluster = self.jobs[index][:3]
                self.unchecked.append(Unchecked(board.slug, cluster.slug, year_dir.name))

    def _check_share(self, indexes: list[int]) -> list[tuple]:
        out = []
        for index in indexes:
            year_dir, board, cluster, vocab, priorities, _ = self.jobs[index]
            outer, self.report = self.report, Report()
            try:
                plan = self.plan(year_dir, board, cluster, vocab, priorities)
                out.append((index, self.report.problems, self.report.files_checked, self.report.plans_checked, plan))
            finally:
                self.report = outer
        return out

    def board(self, board_dir: Path, vocab: VocabularySet | None) -> None:
        if not SLUG.match(board_dir.name):
            self.add([Problem.of(C.LayoutBadSlug, self.rel(board_dir), name=board_dir.name,
                                 suggestion=slugify(board_dir.name))])
            return
        board_file = board_dir / "board.yaml"
        if not board_file.exists():
            known = [d.name for d in self.clusters_dir.iterdir() if (d / "board.yaml").exists()]
            close = closest(board_dir.name, known)
            self.add([Problem.of(C.LayoutUnknownBoard, self.rel(board_dir), name=board_dir.name,
                                 close=close or "", choices=", ".join(sorted(known)))])
            return
        board, doc = self.load_model(board_file, Board)
        if board is None:
            return
        if board.slug != board_dir.name:
            line, col = doc.where(("slug",))
            self.add([Problem.of(C.LayoutMismatch, self.rel(board_file), line, col, field="slug",
                                 key="slug", value=board.slug, expected=board_dir.name)])
        self.registry.add_board(board)
        record = BoardRecord(board)
        self.repository.boards.append(record)
        priorities = Lookup.from_terms("board_priorities",
                                       f"{board.short_name or board.name} strategic priority area",
                                       board.strategic_priorities)
        # The board's own texts for each year are in years/, beside its clusters: never a cluster.
        cluster_dirs = [d for d in sorted(board_dir.iterdir())
                        if d.is_dir() and not d.name.startswith(".") and d.name != BOARD_YEARS_FOLDER]
        for cluster_dir in cluster_dirs:
            self.cluster(cluster_dir, board, record, vocab, priorities)
        if (board_dir / BOARD_YEARS_FOLDER).is_dir():
            self.board_texts(board_dir / BOARD_YEARS_FOLDER, record)
        record.clusters.sort(key=lambda c: (c.cluster.number or 0, c.cluster.slug))

    def board_texts(self, years_dir: Path, record: BoardRecord) -> None:
        """A board's introduction and overview for each year, checked as a plan's prose is."""
        for year_dir in sorted(d for d in years_dir.iterdir() if not d.name.startswith(".")):
            if not year_dir.is_dir() or not is_year(year_dir.name):
                self.add([Problem.of(C.LayoutBadYear, self.rel(year_dir), name=year_dir.name,
                                     fixed=folder_for(year_dir.name) or "")])
                continue
            if not self.selected(year_dir):
                continue
            for path in sorted(p for p in year_dir.iterdir() if not p.name.startswith(".")):
                stem, _ = of_section_file(path.name)
                if path.is_dir() or not path.name.endswith(".md") or stem not in BOARD_TEXTS:
                    close = closest(stem, list(BOARD_TEXTS))
                    self.add([Problem.of(C.LayoutUnknownBoardText, self.rel(path), 1, 1, name=path.name,
                                         close=f"{close}.md" if close else "",
                                         choices=", ".join(f"{s}.md" for s in BOARD_TEXTS))])
                    continue
                prose, problems = load_markdown(path, self.rel(path), self.within)
                self.add(problems)
                if prose is None:
                    continue
                self.report.files_checked += 1
                self.add(list(prose_problems(prose)))
                if any(p.is_error for p in problems):
                    continue  # a text that cannot be published is not shown on the board's page
                record.texts.setdefault(year_dir.name, {}).setdefault(prose.name, {})[prose.language] = prose

    def cluster(self, cluster_dir: Path, board: Board, board_record: BoardRecord,
                vocab: VocabularySet | None, priorities: Lookup) -> None:
        if not SLUG.match(cluster_dir.name):
            self.add([Problem.of(C.LayoutBadSlug, self.rel(cluster_dir), name=cluster_dir.name,
                                 suggestion=slugify(cluster_dir.name))])
            return
        cluster_file = cluster_dir / "cluster.yaml"
        if not cluster_file.exists():
            siblings = [d.name for d in cluster_dir.parent.iterdir() if (d / "cluster.yaml").exists()]
            close = closest(cluster_dir.name, siblings)
            self.add([Problem.of(C.LayoutUnknownCluster, self.rel(cluster_dir), name=cluster_dir.name,
                                 board=board.name, close=close or "")])
            return
        cluster, doc = self.load_model(cluster_file, Cluster)
        if cluster is None:
            return
        if cluster.slug != cluster_dir.name:
            line, col = doc.where(("slug",))
            self.add([Problem.of(C.LayoutMismatch, self.rel(cluster_file), line, col, field="slug",
                                 key="slug", value=cluster.slug, expected=cluster_dir.name)])
        self.add(place_problems(cluster, doc))
        for name, owner in self.registry.add_cluster(board.slug, cluster):
            loc = _name_location(cluster, name)
            line, col = doc.where(loc)
            self.add([Problem.of(C.RegistryDuplicateName, self.rel(cluster_file), line, col,
                                 field=field_path(loc), name=name,
                                 first="/".join(owner), second=f"{board.slug}/{cluster.slug}")])
        record = ClusterRecord(cluster, board)
        board_record.clusters.append(record)
        for year_dir in sorted(d for d in cluster_dir.iterdir() if d.is_dir() and not d.name.startswith(".")):
            if not self.selected(year_dir):
                if is_year(year_dir.name) and (year_dir / "plan.yaml").is_file():
                    self.unchecked.append(Unchecked(board.slug, cluster.slug, year_dir.name))
                continue
            if not is_year(year_dir.name):
                self.add([Problem.of(C.LayoutBadYear, self.rel(year_dir), name=year_dir.name,
                                     fixed=folder_for(year_dir.name) or "")])
                continue
            self.jobs.append((year_dir, board, cluster, vocab, priorities, record))

    def plan(self, year_dir: Path, board: Board, cluster: Cluster, vocab: VocabularySet | None,
             priorities: Lookup) -> PlanRecord | None:
        plan_file = year_dir / "plan.yaml"
        if not plan_file.exists():
            self.add([Problem.of(C.LayoutMissingPlan, self.rel(year_dir), name=year_dir.name,
                                 board=board.slug, cluster=cluster.slug)])
            return None
        self.report.plans_checked += 1
        before = len(self.report.problems)
        prose = self.prose(year_dir)
        # A plan with an error is never published, so a pasted space does not hide the plan's other problems.
        plan, doc = self.load_model(plan_file, Plan, as_meant=True)
        if plan is None:
            return None
        self.add(self.mismatches(plan, doc, year_dir))
        problems: list[Problem] = []
        if vocab is not None:
            by_file = {Path(version.file).name: version for versions in prose.values() for version in versions.values()}
            problems = PlanChecker(plan, doc, vocab, priorities, by_file).problems()
            self.add(problems)
        errors = any(p.is_error for p in self.report.problems[before:])
        if errors:
            return None
        return PlanRecord(plan, board, cluster, self.rel(year_dir), prose, problems, vocab)

    def mismatches(self, plan: Plan, doc: Document, year_dir: Path) -> list[Problem]:
        # The folders are the reference: board.yaml or cluster.yaml with a wrong slug is reported on its own.
        out = []
        for key, value, expected in (("board", plan.board, year_dir.parent.parent.name),
                                     ("cluster", plan.cluster, year_dir.parent.name), ("year", plan.year, year_dir.name)):
            if value != expected:
                line, col = doc.where((key,))
                out.append(Problem.of(C.LayoutMismatch, doc.file, line, col, field=key, key=key,
                                      value=value, expected=expected))
        return out

    def prose(self, year_dir: Path) -> dict:
        found: dict[str, dict] = {}
        for path in sorted(year_dir.iterdir()):
            if path.name.startswith(".") or path.name == "plan.yaml" or path.is_dir():
                continue
            if not path.name.endswith(".md"):
                self.add([self.unread_file(path)])
                continue
            md = path
            stem, _ = of_section_file(md.name)
            if stem not in SECTIONS:
                self.add([self.unknown_section(md, stem)])
                continue
            prose, problems = load_markdown(md, self.rel(md), self.within)
            self.add(problems)
            if prose is not None:
                self.report.files_checked += 1
                found.setdefault(prose.name, {})[prose.language] = prose
        return found

    def unknown_section(self, md: Path, stem: str) -> Problem:
        for ending in ("-cy", "_cy", " cy", "-welsh", "_welsh", ".welsh"):
            if stem.lower().endswith(ending) and stem[:-len(ending)] in SECTIONS:
                section = stem[:-len(ending)]
                return Problem.of(C.LayoutWelshSectionName, self.rel(md), 1, 1, name=md.name, section=section,
                                  fixed=f"{section}.cy.md")
        close = closest(stem, list(SECTIONS))
        return Problem.of(C.LayoutUnknownSection, self.rel(md), 1, 1, name=md.name,
                          close=f"{close}.md" if close else "", choices=", ".join(f"{s}.md" for s in SECTIONS))

    def unread_file(self, path: Path) -> Problem:
        """A file beside the plan that nothing reads: said, so that no text is left out unnoticed."""
        name = path.name
        stem = name.split(".", 1)[0]
        fixed = ""
        if stem == "plan" and name.endswith((".yml", ".YAML", ".YML", ".yaml.txt")):
            fixed = "plan.yaml"
        elif stem in SECTIONS:
            fixed = f"{stem}.cy.md" if ".cy." in name or name.endswith(".cy") else f"{stem}.md"
        # A Word or PDF file renamed .md is still not text, and renaming onto a file there would lose it: the
        # words are copied over instead.
        copy = fixed != "plan.yaml" and (path.suffix.lower() in OFFICE_DOCUMENTS or (path.parent / fixed).exists())
        return Problem.of(C.LayoutUnreadFile, self.rel(path), 1, 1, name=name, fixed=fixed,
                          rename="yes" if fixed and not copy else "", copy="yes" if fixed and copy else "",
                          other="" if fixed else "yes")


# Documents of office programs, which a plan's section cannot be made from by renaming.
OFFICE_DOCUMENTS = frozenset({".docx", ".doc", ".docm", ".dotx", ".odt", ".rtf", ".pdf", ".pages", ".xlsx", ".xls",
                              ".ods", ".pptx"})


def _name_location(cluster: Cluster, name: str) -> tuple:
    """Where in cluster.yaml a name comes from, so that a clash points at that alias, not the whole list."""
    for key in ("aliases", "former_names"):
        names = getattr(cluster, key)
        if name in names:
            return (key, names.index(name))
    return next(((key,) for key in ("name", "name_cy", "slug") if getattr(cluster, key) == name), ())


def registry_of(root: Path) -> Registry:
    """The boards and clusters of a repository, read without checking any plan."""
    return Validator(root, plans=False).run().registry


def find_cluster(root: Path, text: str) -> ClusterRef:
    """The cluster a command is given, by any name it is known by (see Registry.resolve)."""
    if not (root / "clusters").is_dir():
        raise UnknownCluster(f"there is no clusters/ folder in {root}: run the command in the repository")
    return registry_of(root).resolve(text)


def validate(root: Path, only: list[Path] | None = None, jobs: int | None = None) -> Validation:
    """Every problem of the repository (or of the plans under `only`), and the valid plans as a model."""
    return Validator(root, only, jobs=jobs).run()
