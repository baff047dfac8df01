"""Templating: the Jinja environment of one site language, with its fixed texts resolved at compile time."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Iterator

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError, select_autoescape
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

from generator.problems import catalogue as C
from generator.core import i18n
from generator.core.internal import InternalError, raised_in_our_code
from generator.problems.report import Problem


class FixedTexts(Extension):
    """Replaces a call of t() with a literal key and no values with the language's text when a template is
    compiled. A page calls t() several hundred thousand times at national scale, almost always for the
    same column headings and labels; resolving them once per template keeps rendering fast. Calls
    with values (`t('x', year=...)`) are left to run, as are keys that are not literals."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        translations: i18n.Translations = self.environment.translations  # type: ignore[attr-defined]
        language: str = self.environment.language  # type: ignore[attr-defined]
        shape = ("name", "lparen", "string", "rparen")
        pending: list[Token] = []
        previous: Token | None = None
        for token in stream:
            if not pending:
                # `x.t(...)` is some object's own method, not the translation function.
                if token.type == "name" and token.value == "t" and (previous is None or previous.type != "dot"):
                    pending.append(token)
                else:
                    yield token
                    previous = token
                continue
            pending.append(token)
            if tuple(t.type for t in pending) == shape[: len(pending)]:
                if len(pending) == len(shape):
                    try:
                        text = translations.text(pending[2].value, language)
                    except i18n.MissingTranslation as missing:
                        missing.place = (stream.filename or stream.name or "", pending[0].lineno)
                        raise
                    previous = Token(pending[0].lineno, "string", text)
                    pending.clear()
                    yield previous
                continue
            # Not a fixed text after all: the held tokens pass on unchanged.
            yield from pending
            previous = pending[-1]
            pending.clear()
        yield from pending


def environment(templates_dir: Path, translations: i18n.Translations, language: str) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates_dir)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, auto_reload=False, extensions=[FixedTexts])
    env.translations = translations  # type: ignore[attr-defined]
    env.language = language  # type: ignore[attr-defined]
    return env


class TemplateFailure(Exception):
    """A page could not be rendered because of a template or the translation table; carries the problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem)
        self.problem = problem


def template_problem(error: BaseException, root: Path) -> Problem:
    """What went wrong while rendering, at the template file and line where it went wrong (Jinja puts the
    templates' own lines into the traceback), or at the translation table for a key it lacks. A fault that
    arose in the tool's own Python code is not the template's: it is raised as an InternalError."""
    if not isinstance(error, (TemplateError, i18n.MissingTranslation)) and raised_in_our_code(error):
        raise InternalError.of(error) from None
    def relative(filename: str) -> str:
        try:
            return Path(filename).resolve().relative_to(root).as_posix()
        except ValueError:
            return filename

    place = getattr(error, "place", None)
    if place is None and isinstance(error, TemplateSyntaxError) and error.filename:
        place = (error.filename, error.lineno)
    if place is None:
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")
                  or "/templates/" in frame.filename]
        place = (frames[-1].filename, frames[-1].lineno or 0) if frames else ("templates", 0)
    file, line = relative(place[0]), place[1]
    if isinstance(error, i18n.MissingTranslation):
        return Problem.of(C.TranslationMissing, file, line, key=error.key, language=error.language_name,
                          catalogue=error.catalogue)
    detail = getattr(error, "message", None) or str(error) or type(error).__name__
    return Problem.of(C.TemplateBroken, file, line, detail=detail)
