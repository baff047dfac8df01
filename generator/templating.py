"""Templating: the Jinja environment of one site language, with its fixed texts resolved at compile time."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

from . import i18n


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
                    previous = Token(pending[0].lineno, "string", translations.text(pending[2].value, language))
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
