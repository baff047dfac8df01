"""The problem catalogue: every kind of mistake the validator can report, and the report that collects them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import ClassVar, Iterable

from generator.core.i18n import PLACEHOLDER, words

ERROR = "error"
WARNING = "warning"


class ProblemType:
    """One kind of problem: a stable code, its severity and how the site and the known issues treat it.

    Its words (title, message, hint, description) are in the catalogues of generator/locale, keyed
    problem.CODE.PART; subclasses hold only class attributes; an instance of `Problem` carries the place and
    the values that fill the texts.
    """

    code: ClassVar[str]
    severity: ClassVar[str] = ERROR
    # Whether a plan may acknowledge this problem as a known issue of its source document.
    acknowledgeable: ClassVar[bool] = False
    # Whether no check reports it: it exists only as a known issue a plan records, already a warning.
    recorded_only: ClassVar[bool] = False
    # The kind of mistake of a source document it usually is (a known issue's `kind` values), shown
    # on the site's data-quality notes; None for advice that is not about the source (e.g. a lead missing).
    flag_kind: ClassVar[str | None] = None
    # Whether it is an error only once the plan says status: published: while a plan is a draft the gap
    # or the leftover is work in progress, so it warns (generator/completeness.py, by_status).
    draft_warning: ClassVar[bool] = False


CATALOGUE: dict[str, type[ProblemType]] = {}


def problem_type(cls: type[ProblemType]) -> type[ProblemType]:
    """Register a problem type in the catalogue under its code."""
    if cls.code in CATALOGUE:
        raise ValueError(f"duplicate problem code {cls.code}")
    CATALOGUE[cls.code] = cls
    return cls


# An optional part of a message or hint: [[text with {value}]] shows only when every value in it is
# non-empty; [[flag|text]] only when the value `flag` is.
_OPTIONAL = re.compile(r"\[\[(?:(\w+)\|)?(.*?)\]\]", re.S)


def fill(template: str, values: dict[str, str]) -> str:
    """A message or hint template with its values put in and its empty optional parts left out."""
    out = []
    at = 0
    for m in _OPTIONAL.finditer(template):
        out.append(template[at:m.start()].format(**values))
        flag, body = m.group(1), m.group(2)
        shown = bool(values.get(flag)) if flag else all(values.get(n) for n in PLACEHOLDER.findall(body))
        if shown:
            out.append(body.format(**values))
        at = m.end()
    out.append(template[at:].format(**values))
    return "".join(out)


# An optional part followed at once by another that starts with a word: the two are alternatives (a message
# shows one of them: "[[space|Replace it with a space]][[delete|Delete it]]").
_ALTERNATIVE = re.compile(r"\]\](?=\[\[(?:\w+\||(?!\w+\|))[^\W\d_])")


def shown_template(template: str) -> str:
    """A template as the guide shows it: optional parts written out without their markers, alternatives with
    ' / ' between them."""
    return _OPTIONAL.sub(lambda m: m.group(2), _ALTERNATIVE.sub("]] / ", template))


@dataclass(frozen=True)
class PhraseType:
    """A part of a message said in words of its own (why a file is refused, how a figure is malformed),
    with its own values; its text in each language is the catalogues' phrase.KEY."""

    key: str

    @property
    def text(self) -> str:
        """Its English, with the values in braces."""
        return words().optional(f"phrase.{self.key}", "en")

    def __call__(self, **values: object) -> "Phrase":
        return Phrase(self.key, _stored(values))


# Every phrase, by key; filled by `phrase` as generator/problems/catalogue.py is imported.
PHRASES: dict[str, PhraseType] = {}


def phrase(key: str) -> PhraseType:
    """Register a phrase under its key."""
    if key in PHRASES:
        raise ValueError(f"duplicate phrase key {key}")
    PHRASES[key] = PhraseType(key)
    return PHRASES[key]


@dataclass(frozen=True)
class Phrase:
    """One use of a phrase with its values; said in a language only when the problem is printed."""

    key: str
    values: tuple[tuple[str, "str | Phrase"], ...] = ()

    def text_in(self, language: str) -> str:
        return fill(words().optional(f"phrase.{self.key}", language), in_language(dict(self.values), language))

    def __str__(self) -> str:
        return self.text_in("en")


class PhrasedError(ValueError):
    """A value a schema validator refuses, with the phrase that says why (pydantic keeps the exception)."""

    def __init__(self, phrase: Phrase, money: bool = False):
        super().__init__(str(phrase))
        self.phrase = phrase
        # Whether the value should be an amount of money, for the hint that shows how one is written.
        self.money = money


def _stored(values: dict[str, object]) -> tuple[tuple[str, "str | Phrase"], ...]:
    """Values as a problem or phrase keeps them: phrases as they are, everything else as its text."""
    return tuple(sorted((k, v if isinstance(v, Phrase) else str(v)) for k, v in values.items()))


def in_language(values: dict[str, "str | Phrase"], language: str) -> dict[str, str]:
    """Values as text in `language`: phrases said in it, and a value with its own version in the language
    (vocabulary_cy, place_cy) in the place of the English one."""
    if language != "en":
        suffix = f"_{language}"
        for key in [k for k in values if k.endswith(suffix)]:
            values[key.removesuffix(suffix)] = values[key]
    return {k: v.text_in(language) if isinstance(v, Phrase) else v for k, v in values.items()}


def text_of(kind: type[ProblemType], part: str, language: str) -> str:
    """A problem type's message, hint, title or description in `language` (English when it has none)."""
    return words().optional(f"problem.{kind.code}.{part}", language)


def placeholders(kind: type[ProblemType], optional: bool = True) -> set[str]:
    """The values a problem type's English message and hint are filled with; without `optional`, only those
    outside their optional [[...]] parts."""
    return {name for part in ("message", "hint")
            for name in PLACEHOLDER.findall(text_of(kind, part, "en") if optional
                                            else _OPTIONAL.sub("", text_of(kind, part, "en")))}


# Values every problem has: where it is (as known_issues names it) and its code.
_OWN_VALUES = {"field", "code"}


def required_values(kind: type[ProblemType]) -> frozenset[str]:
    """The values a problem of this type must be given: those its English message and hint use outside
    their optional [[...]] parts."""
    return _required_values(kind.code)


@lru_cache(maxsize=None)
def _required_values(code: str) -> frozenset[str]:
    return frozenset(placeholders(CATALOGUE[code], optional=False) - _OWN_VALUES)


class MissingValues(TypeError):
    """A problem made without a value its words need: a mistake in the code that reports it."""


@dataclass(frozen=True)
class Problem:
    """One occurrence of a problem type at a place in a file."""

    code: str
    file: str
    line: int = 0
    column: int = 0
    # Text, or phrases said in the language the problem is printed in.
    values: tuple[tuple[str, "str | Phrase"], ...] = ()
    field: str = ""
    severity: str = ""
    acknowledged: str = ""
    # The text of the line the problem is on, shown under the message with a caret at the column.
    excerpt: str = ""
    # The place as a known issue names it, by keys that stay with their item (activities[phlebotomy].budget);
    # `field` counts positions in the plan as it is now, for the page to put the flag at.
    reference: str = ""

    @classmethod
    def of(cls, kind: type[ProblemType], file: str, line: int = 0, column: int = 0,
           field: str = "", excerpt: str = "", **values: object) -> "Problem":
        missing = required_values(kind) - set(values)
        if missing:
            raise MissingValues(f"{kind.code} needs the values {', '.join(sorted(missing))}")
        return cls(code=kind.code, file=file, line=line, column=column, field=field,
                   values=_stored(values),
                   severity=kind.severity, excerpt=excerpt)

    @property
    def kind(self) -> type[ProblemType]:
        return CATALOGUE[self.code]

    @property
    def message(self) -> str:
        return self.message_in("en")

    @property
    def hint(self) -> str:
        return self.hint_in("en")

    def said_in(self, language: str) -> str:
        """The message alone, without the note of a known issue (which is the plan's own words)."""
        return fill(text_of(self.kind, "message", language), self._fill(language))

    def title_in(self, language: str) -> str:
        return text_of(self.kind, "title", language)

    def message_in(self, language: str) -> str:
        text = self.said_in(language)
        if self.acknowledged:
            text += f" ({words().text('problems.known_issue', language, note=self.acknowledged)})"
        return text

    def hint_in(self, language: str) -> str:
        template = text_of(self.kind, "hint", language)
        # A hint's field is written as it goes after 'field: ' in a known issue.
        return fill(template, self._fill(language, yaml_scalar)) if template else ""

    def _fill(self, language: str = "en", written=lambda field: field) -> dict[str, str]:
        return in_language({"field": written(self.reference or self.field), "code": self.code, **dict(self.values)},
                           language)

    def value(self, name: str) -> str:
        """One of the problem's values as English text ("" when it has none)."""
        return str(dict(self.values).get(name, ""))

    def value_in(self, name: str, language: str) -> str:
        """One of the problem's values in a language: its own version there where it has one (tip_cy)."""
        return in_language(dict(self.values), language).get(name, "")

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def acknowledge(self, note: str, as_written: str | None = None, kind: str | None = None) -> "Problem":
        """The same problem, downgraded to a warning because the plan records it as a source issue;
        the figure as printed and the kind of mistake, when the known issue gives them, travel with it."""
        values = dict(self.values)
        if as_written:
            values["as_written"] = as_written
        if kind:
            values["kind"] = kind
        return replace(self, values=tuple(sorted(values.items())), severity=WARNING, acknowledged=note)

    def at_reference(self, reference: str) -> "Problem":
        """The same problem with its place named by keys."""
        return replace(self, reference=reference)

    @property
    def source_kind(self) -> str | None:
        """The kind of source mistake: the known issue's own, else the problem type's usual one."""
        return self.value("kind") or self.kind.flag_kind

    @property
    def as_written(self) -> str:
        """The figure or words as the source prints them, where the known issue records them."""
        return self.value("as_written")

    def as_text(self, colour: bool = False, language: str = "en") -> str:
        """The problem as every command prints it: `file:line:column: severity code: message`, then the
        hint indented on the next line."""
        # The JSON keeps the English keyword; the line says it in the reader's language.
        severity = words().text(f"problems.severity.{self.severity}", language)
        if colour:
            severity = f"\x1b[1;31m{severity}\x1b[0m" if self.is_error else f"\x1b[1;33m{severity}\x1b[0m"
        lines = [f"{self.file}:{self.line}:{self.column}: {severity} {self.code}: {self.message_in(language)}",
                 *_excerpt(self)]
        hint = self.hint_in(language)
        if hint:
            lines.append(f"    {words().text('problems.hint', language)}: {hint}")
        return "\n".join(lines)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, tuple((k, str(v)) for k, v in self.values))

    def as_dict(self, language: str = "en") -> dict:
        return {
            "file": self.file, "line": self.line, "column": self.column,
            "severity": self.severity, "code": self.code, "field": self.field,
            "reference": self.reference or self.field, "acknowledged": bool(self.acknowledged),
            "message": self.message_in(language), "hint": self.hint_in(language), "excerpt": self.excerpt,
        }


def yaml_scalar(text: str) -> str:
    """Text as it can be written after 'field: ' in YAML: in single quotes where YAML would read it otherwise
    (a ': ' or ' #' inside, a character that starts something else)."""
    if re.search(r""": | #|^[\[\]{}&*!|>'"%@`,?-]|:$""", text) or text != text.strip():
        return "'" + text.replace("'", "''") + "'"
    return text


# How the excerpt shows characters that would not show as one column: a tab as '→', the line ends other than
# the file's own (those str.splitlines knows: Word's line and page breaks, the web's line separators) as '↵',
# and the other control characters as their pictures (␇), so that the quoted line stays one line, the
# character where it is and the caret under its column.
_SHOWN = str.maketrans({**{chr(code): chr(0x2400 + code) for code in range(0x20)}, "\x7f": "\u2421", "\t": "→",
                        **{end: "↵" for end in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}})


def _excerpt(p: Problem) -> list[str]:
    """The problem's line as written, numbered, with a caret under its column (see _SHOWN)."""
    if not p.excerpt or not p.line:
        return []
    number = str(p.line)
    gutter = " " * (4 + len(number))
    shown = p.excerpt.translate(_SHOWN).rstrip()
    return [f"    {number} | {shown}", f"{gutter} | " + " " * max(p.column - 1, 0) + "^"]


def recorded_by_plan(problems: Iterable[Problem]) -> dict[str, int]:
    """How many recorded notes each plan folder has, in the order of the plans."""
    counts: dict[str, int] = {}
    for p in problems:
        folder = p.file.rsplit("/", 1)[0] if "/" in p.file else p.file
        counts[folder] = counts.get(folder, 0) + 1
    return counts


@dataclass
class Report:
    """Every problem found in one run, in a stable order."""

    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    plans_checked: int = 0

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems), key=Problem.sort_key)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if not p.is_error]

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def summary(self, language: str = "en") -> str:
        said = words()
        return said.text("problems.summary", language,
                         plans=said.text("problems.plans_checked", language, n=self.plans_checked),
                         errors=said.text("problems.errors", language, n=len(self.errors)),
                         warnings=said.text("problems.warnings", language, n=len(self.warnings)))

    def as_text(self, colour: bool = False, language: str = "en", acknowledged: bool = False) -> str:
        """Every problem a lead has to look at, then the notes on the source documents the plans already record
        in known_issues: one line per plan with their count, or each of them when `acknowledged` asks for them.
        Recorded notes are most of a transcribed plan's warnings; listed first, they would hide a lead's own."""
        own = [p for p in self.sorted() if not p.acknowledged]
        recorded = [p for p in self.sorted() if p.acknowledged]
        lines = [p.as_text(colour, language) for p in own]
        if recorded and acknowledged:
            lines.append(words().text("problems.recorded_heading", language))
            lines.extend(p.as_text(colour, language) for p in recorded)
        elif recorded:
            lines.append(words().text("problems.recorded_summary", language))
            for plan, count in recorded_by_plan(recorded).items():
                lines.append("  " + words().text("problems.recorded_count", language, plan=plan, n=count))
        return "\n".join(lines)

    @property
    def recorded(self) -> int:
        """How many problems are notes on a source document that a plan records in its known_issues."""
        return sum(1 for p in self.sorted() if p.acknowledged)

    def as_json(self, language: str = "en") -> str:
        return json.dumps({
            "valid": self.valid,
            "plans_checked": self.plans_checked,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [p.as_dict(language) for p in self.sorted()],
        }, indent=2, ensure_ascii=False)

    def as_github(self, language: str = "en") -> str:
        """Workflow commands that GitHub shows as annotations on the pull request's files."""
        def esc(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def esc_prop(text: str) -> str:
            return esc(text).replace(":", "%3A").replace(",", "%2C")

        lines = []
        for p in self.sorted():
            level = "error" if p.is_error else "warning"
            hint = p.hint_in(language)
            body = p.message_in(language) + (f"\n{hint}" if hint else "")
            props = f"file={esc_prop(p.file)}"
            if p.line:
                props += f",line={p.line}"
            if p.column:
                props += f",col={p.column}"
            props += f",title={esc_prop(p.code)}"
            lines.append(f"::{level} {props}::{esc(body)}")
        return "\n".join(lines)
