"""The compiled documents the site publishes as downloads: each plan, and each board's plans of a year, as PDF and
Word, with the headings in each language (the site map's `SitePages.documents()` names them).

Compiling is the slow part of a download (Typst lays a plan out in about a third of a second, python-docx writes
one in half a second), so it is shared out between worker processes, and each file is remembered by what it was
made from, in the build's work folder: a preview, which writes the downloads again after
every edit, and a build after a change compile only the documents the change altered.

Each file is named by the document's blocks, which are themselves a few hundredths of a second to make; a national
build has some thousands of documents. So each document is also remembered by what its blocks are made from (its
plans as checked, the board's texts, the vocabularies, the words and the code that lays them out): a document
whose inputs are those of the last build is taken as it was without making its blocks again."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from importlib.metadata import version
from dataclasses import dataclass, replace
from pathlib import Path

import generator

from generator.core import i18n
from generator.core.parallel import share_out
from generator.documents.compile import Compiler
from generator.documents.pdf import TEMPLATE, LayoutFailed, pdf_bytes
from generator.documents.word import docx_bytes
from generator.model.records import BoardRecord, PlanRecord, Repository
from generator.sitemap.records import Page
from generator.sitemap.pages import CompiledDocument, SitePage, SitePages

class DocumentFailed(Exception):
    """A document could not be laid out: a fault of the layout template, said with the file it was for."""


@dataclass(frozen=True)
class _Unit:
    """One document in one language, written in every format: its blocks are made once for all of them."""
    record: PlanRecord | BoardRecord
    year: str | None
    language: str
    paths: tuple[tuple[str, str], ...]  # (format, path in the site)
    inputs: str = ""                    # what its blocks are made from, as a digest (see _Inputs)

    @property
    def size(self) -> int:
        return len(self.record.plans_of(self.year)) if isinstance(self.record, BoardRecord) and self.year else 1


class _Compile:
    """Run in a worker: one unit's files, from what the fork left of the remembered ones when they are the same."""

    def __init__(self, repository: Repository, translations: i18n.Translations, templates_dir: Path,
                 kept_in: Path | None):
        self.repository, self.translations = repository, translations
        self.templates_dir, self.kept_in = templates_dir, kept_in
        # The layout and the versions of the writers decide the bytes as much as the blocks do.
        layout = (templates_dir / TEMPLATE).read_bytes()
        self.layout = _digest(layout + f"typst {version('typst')} python-docx {version('python-docx')}".encode())
        self._compilers: dict[str, Compiler] = {}

    def compiler(self, language: str) -> Compiler:
        if language not in self._compilers:
            self._compilers[language] = Compiler(self.repository, self.translations, language)
        return self._compilers[language]

    def __call__(self, unit: _Unit) -> list[tuple[str, str, bytes]]:
        compiler = self.compiler(unit.language)
        if isinstance(unit.record, BoardRecord):
            assert unit.year is not None
            document = compiler.board_year(unit.record, unit.year)
        else:
            document = compiler.one_plan(unit.record)
        data = json.dumps(document.as_data(), ensure_ascii=False, sort_keys=True)
        made = []
        for fmt, path in unit.paths:
            key = _digest(f"{fmt}\n{self.layout}\n{data}".encode())
            found = self.kept(key, fmt)
            if found is None:
                try:
                    found = pdf_bytes(document, self.templates_dir) if fmt == "pdf" \
                        else docx_bytes(document)
                except LayoutFailed as failure:
                    raise DocumentFailed(f"{path} could not be laid out: {failure}") from None
                self.keep(key, fmt, found)
            made.append((key, path, found))
        return made

    def as_last_made(self, unit: _Unit) -> list[tuple[str, str, bytes]] | None:
        """The unit's files as the build that last had its inputs made them, if they are all kept."""
        if self.kept_in is None or not unit.inputs:
            return None
        try:
            keys = json.loads((self.kept_in / f"{unit.inputs}.made").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        found = []
        for fmt, path in unit.paths:
            data = self.kept(keys[fmt], fmt) if isinstance(keys, dict) and isinstance(keys.get(fmt), str) else None
            if data is None:
                return None
            found.append((keys[fmt], path, data))
        return found

    def remember(self, unit: _Unit, made: list[tuple[str, str, bytes]]) -> None:
        """Note which files the unit's inputs made, for the next build."""
        if unit.inputs:
            keys = {fmt: key for (fmt, _), (key, _, _) in zip(unit.paths, made)}
            self.keep(unit.inputs, "made", json.dumps(keys, sort_keys=True).encode())

    def kept(self, key: str, fmt: str) -> bytes | None:
        file = self.kept_in / f"{key}.{fmt}" if self.kept_in is not None else None
        return file.read_bytes() if file is not None and file.is_file() else None

    def keep(self, key: str, fmt: str, data: bytes) -> None:
        if self.kept_in is None:
            return
        self.kept_in.mkdir(parents=True, exist_ok=True)
        # Written whole under another name first: a worker killed halfway leaves no half file to be taken later.
        part = self.kept_in / f"{key}.{fmt}.{os.getpid()}.part"
        part.write_bytes(data)
        os.replace(part, self.kept_in / f"{key}.{fmt}")


def document_files(repository: Repository, translations: i18n.Translations, templates_dir: Path,
                   jobs: int | None = None, kept_in: Path | None = None) -> list[Page]:
    """Every compiled document the site publishes, in the order of the site map, compiled in worker processes
    (the largest, a board's year, first, so that no worker is left with it at the end). `kept_in` is a folder
    where the files compiled are kept, by what they were made from, for the next build."""
    by_unit: dict[tuple[int, str | None, str], list[SitePage]] = {}
    for page in SitePages(repository).documents():
        subject: CompiledDocument = page.subject
        by_unit.setdefault((id(subject.record), subject.year, subject.language), []).append(page)
    units = [_Unit(pages[0].subject.record, pages[0].subject.year, pages[0].subject.language,
                   tuple((page.subject.format, page.path) for page in pages)) for pages in by_unit.values()]
    units.sort(key=lambda unit: -unit.size)
    compile_unit = _Compile(repository, translations, templates_dir, kept_in)
    if kept_in is not None:
        inputs = _Inputs(repository, translations, compile_unit.layout)
        units = [replace(unit, inputs=inputs.of(unit)) for unit in units]
    kept = [compile_unit.as_last_made(unit) for unit in units]
    to_compile = [unit for unit, found in zip(units, kept) if found is None]
    # In fresh workers: Typst's threads do not survive a fork (see core.parallel._fresh_workers).
    compiled = iter(share_out("compiling documents", compile_unit, to_compile, jobs, fresh=True))
    files: dict[str, bytes] = {}
    used = set()
    for unit, found in zip(units, kept):
        if found is None:
            found = next(compiled)
            compile_unit.remember(unit, found)
        if unit.inputs:
            used.add(unit.inputs)
        for key, path, data in found:
            files[path] = data
            used.add(key)
    # What no document is made from any more goes, so that a long preview does not keep every version.
    if kept_in is not None and kept_in.is_dir():
        for file in kept_in.iterdir():
            if file.name.split(".", 1)[0] not in used:
                file.unlink(missing_ok=True)
    return [Page(page.path, files[page.path], _sources(page.subject))
            for pages in by_unit.values() for page in pages]


class _Inputs:
    """What a document's blocks are made from, as a digest: its plans as checked (each plan's data, board and
    cluster, prose and the problems found in it), for a board's year the board and its texts of that year, and
    for every document the vocabularies, the words of every language, the layout and the generator's own
    files. Two builds that give a document the same digest give it the same blocks."""

    def __init__(self, repository: Repository, translations: i18n.Translations, layout: str):
        shared = hashlib.sha256()
        for part in (pickle.dumps(repository.vocab, protocol=5),
                     json.dumps({language: catalogue.texts for language, catalogue in translations.catalogues.items()},
                                ensure_ascii=False, sort_keys=True).encode(),
                     layout.encode(), _code()):
            shared.update(hashlib.sha256(part).digest())
        self.shared = shared.hexdigest()
        self._plans: dict[int, str] = {}

    def of(self, unit: _Unit) -> str:
        parts = [self.shared, unit.language, unit.year or ""]
        if isinstance(unit.record, BoardRecord):
            board = unit.record
            parts.append(board.board.model_dump_json())
            parts.append(_digest(pickle.dumps(board.texts.get(unit.year or "", {}), protocol=5)))
            parts += [self.plan(plan) for plan in board.plans_of(unit.year or "")]
        else:
            parts.append(self.plan(unit.record))
        return "in-" + _digest("\n".join(parts).encode())

    def plan(self, plan: PlanRecord) -> str:
        if id(plan) not in self._plans:
            # Models as JSON (their pickles hold sets, whose order changes from one process to the next).
            self._plans[id(plan)] = _digest("\n".join((
                plan.folder, plan.plan.model_dump_json(), plan.board.model_dump_json(), plan.cluster.model_dump_json(),
            )).encode() + pickle.dumps((plan.prose, plan.problems), protocol=5))
        return self._plans[id(plan)]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@functools.cache
def _code() -> bytes:
    """The generator's own files (its code, words and defaults): a new version may lay a document out otherwise."""
    package = Path(generator.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def _sources(document: CompiledDocument) -> tuple[str, ...]:
    """The plan folders a document is made from."""
    if isinstance(document.record, BoardRecord):
        return tuple(plan.folder for plan in document.record.plans_of(document.year or ""))
    return (document.record.folder,)

