"""YAML mistakes: what a file the parser cannot read (or reads other than meant) gets wrong, in a lead's words.

The parser stops where it notices trouble, which is often a line after the mistake, and says so in
its own terms ("could not find expected ':'"). Each detector here recognises one common mistake from
the lines around that place and names the line and column where the mistake really is, with the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

import yaml

from generator.core.i18n import in_each_language
from generator.core.money import as_typed
from generator.load import characters
from generator.problems import catalogue as C
from generator.problems.report import Phrase, Problem, ProblemType

# Field names of every block of a plan, board, cluster and vocabulary file: a first word that is one of
# them is a field whose colon was forgotten, not a line of text.
_FIELD_NAMES_CACHE: set[str] = set()


def field_names() -> set[str]:
    if not _FIELD_NAMES_CACHE:
        from pydantic import BaseModel

        from generator.schema import plan as schema
        for value in vars(schema).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
                _FIELD_NAMES_CACHE.update(value.model_fields)
    return _FIELD_NAMES_CACHE


# YAML counts these as line breaks too (the loader has already turned \r\n and \r into \n).
_LINE_BREAK = re.compile("[\n\x85\u2028\u2029]")


def yaml_lines(text: str) -> list[str]:
    """The lines of a file as YAML numbers them."""
    return _LINE_BREAK.split(text)


CURLY_QUOTES = "“”‘’„«»"
# A field name and its colon at the start of a line (after any '- '), with the column its value starts at.
_KEY = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[A-Za-z_][\w -]*?)[ ]*:(?:[ ]+|$)")
_ITEM = re.compile(r"^(?P<indent>[ ]*)-(?:[ ]|$)")
_COMMENT = re.compile(r"^\s*(#.*)?$")
_EMPTY_PLACEHOLDER = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>[\w-]+)[ ]*:[ ]*(?P<empty>\[[ ]*\]|\{[ ]*\})[ ]*(#.*)?$")


@dataclass(frozen=True)
class Mistake:
    """A recognised mistake: its kind, where it is (0-based line and column) and what fills its text."""

    kind: type[ProblemType]
    line: int
    column: int
    values: dict[str, object]


class _Failure:
    """The parser's complaint and the file's lines, with the helpers every detector needs."""

    def __init__(self, text: str, error: yaml.MarkedYAMLError):
        self.lines = yaml_lines(text)
        self.problem = error.problem or ""
        self.context = error.context or ""
        mark = error.problem_mark or error.context_mark
        self.line, self.column = (mark.line, mark.column) if mark else (0, 0)
        self.context_mark = (error.context_mark.line, error.context_mark.column) if error.context_mark else None

    def text(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""

    def char(self, line: int, column: int) -> str:
        text = self.text(line)
        return text[column] if 0 <= column < len(text) else ""

    def previous_content(self, line: int) -> int | None:
        """The nearest line above `line` that is neither blank nor only a comment."""
        for n in range(line - 1, -1, -1):
            if not _COMMENT.match(self.text(n)):
                return n
        return None


def indent_of(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def key_column(text: str) -> tuple[str, int] | None:
    """The field name on a line and the column it starts at ('  - id: a' -> ('id', 4))."""
    m = _KEY.match(text)
    if not m or m["key"].strip() != m["key"] or "  " in m["key"]:
        return None
    return m["key"], len(m["lead"])


def value_start(text: str) -> int:
    """The column where a line's value starts: after 'name: ' or '- ', else after the indentation."""
    m = _KEY.match(text)
    if m:
        return m.end()
    item = re.match(r"^[ ]*(?:-[ ]+)+", text)
    return item.end() if item else indent_of(text)


def spaces(name: str, n: int) -> dict[str, str]:
    """An indentation as a problem's value `name` says it in every language: 4 spaces, 4 bwlch."""
    return in_each_language(name, "yaml.spaces", n=n)


def _quoted(text: str) -> str:
    """Text as YAML double-quoted text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _with_quoted_value(text: str, start: int) -> str:
    """A line written again with its value (from `start`) in double quotes, comment and indentation dropped."""
    value = text[start:].strip()
    return (text[:start].strip() + " " + _quoted(value)).strip()


# --- Detectors: each looks at one kind of failure and returns the mistake, or None --------------------


def _tab(f: _Failure) -> Mistake | None:
    if f.char(f.line, f.column) != "\t":
        return None
    indenting = not f.text(f.line)[:f.column].strip()
    where = "to indent this line" if indenting else "for spacing on this line"
    where_cy = "i fewnoli'r llinell hon" if indenting else "ar gyfer bylchau ar y llinell hon"
    text = f.text(f.line)
    content = re.sub(r"[ \t]+", " ", text.strip()) if not indenting else text.strip()
    fixed: object = re.sub(r"(?<=:)\t+", " ", text.strip()).replace("\t", " ")
    if indenting:
        fixed = C.INDENTED(indent=_indent_for(f, f.line, content), line=content)
    return Mistake(C.YamlTab, f.line, f.column, {"where": where, "where_cy": where_cy, "fixed": fixed})


def _indent_for(f: _Failure, line: int, content: str) -> int:
    """The indentation a line indented with tabs belongs at: that of the list items above it for an item,
    else that of the line above (further in when that line opens a block)."""
    for n in range(line - 1, -1, -1):
        above = f.text(n)
        if _COMMENT.match(above) or "\t" in above[:len(above) - len(above.lstrip())]:
            continue
        if content.startswith("- "):
            item = _ITEM.match(above)
            if item:
                return len(item["indent"])
            continue
        key = key_column(above)
        if key is not None and above.rstrip().endswith(":"):
            return key[1] + 2
        return value_start(above) if _ITEM.match(above) else indent_of(above)
    return 0


def _curly_quotes(f: _Failure) -> Mistake | None:
    for line in {f.line, *(() if f.context_mark is None else (f.context_mark[0],))}:
        text = f.text(line)
        start = value_start(text)
        if text[start:start + 1] and text[start] in CURLY_QUOTES:
            value = text[start:].strip()
            inner = value[1:-1] if value[-1:] in CURLY_QUOTES else value[1:]
            return Mistake(C.YamlCurlyQuotes, line, start,
                           {"quote": text[start], "fixed": (text[:start].strip() + " " + _quoted(inner)).strip()})
    return None


def _unclosed_quote(f: _Failure) -> Mistake | None:
    if "quoted scalar" in f.context and f.context_mark is not None:
        line, column = f.context_mark
        if "escape" in f.problem or "hex" in f.problem:
            backslash = f.text(f.line).rfind("\\", 0, f.column + 1)
            backslash = backslash if backslash >= 0 else f.column
            return Mistake(C.YamlBadEscape, f.line, backslash,
                           {"escape": f.text(f.line)[backslash:backslash + 2]})
        if "end of stream" in f.problem or f.line != line:
            return Mistake(C.YamlUnclosedQuote, line, column, {"quote": f.char(line, column)})
    # A quote opened and not closed on its line runs on into the lines below (a single quote up to the next
    # apostrophe), which can make the parser stop much further down: look for such a line above the place
    # it stopped.
    for n in range(f.line, -1, -1):
        text = f.text(n)
        start = value_start(text)
        quote = text[start:start + 1]
        if (quote == '"' and _open_double_quote(text[start:])) or (quote == "'" and _open_single_quote(text[start:])):
            if n == f.line:
                continue
            return Mistake(C.YamlUnclosedQuote, n, start, {"quote": quote})
    return None


def _open_single_quote(value: str) -> bool:
    """Whether a value that starts with "'" leaves the quote open at the end of the line ('' is a quote
    inside it)."""
    i = 1
    while i < len(value):
        if value[i] == "'":
            if value[i + 1:i + 2] != "'":
                return False
            i += 1
        i += 1
    return True


def _open_double_quote(value: str) -> bool:
    """Whether a value that starts with '"' leaves the quote open at the end of the line."""
    i = 1
    while i < len(value):
        if value[i] == "\\":
            i += 2
            continue
        if value[i] == '"':
            return False
        i += 1
    return True


def _text_after_quote(f: _Failure) -> Mistake | None:
    text = f.text(f.line)
    before = text[:f.column].rstrip()
    start = value_start(text)
    opening = text[start:start + 1]
    if opening not in ("'", '"') or not before.endswith(opening):
        return None
    closing = len(before) - 1
    if opening == "'" and closing + 1 == f.column and text[f.column:f.column + 1].isalpha():
        value = text[start + 1:].rstrip().removesuffix("'")
        return Mistake(C.YamlApostrophe, f.line, closing,
                       {"word": text[start + 1:f.column + 1].split()[-1],
                        "doubled": (text[:start].strip() + " '" + value.replace("'", "''") + "'").strip(),
                        "fixed": (text[:start].strip() + " " + _quoted(value)).strip()})
    whole = text[start:].strip()
    return Mistake(C.YamlTextAfterQuote, f.line, f.column,
                   {"fixed": (text[:start].strip() + " " + _quoted(whole.replace(opening, ""))).strip()})


_RESERVED = {"@": "'@'", "`": "'`'", "%": "'%'", "*": "'*'", "&": "'&'", "|": "'|'", ">": "'>'",
             "?": "'?'", "!": "'!'", "[": "'['", "{": "'{'"}


def _reserved_start(f: _Failure) -> Mistake | None:
    candidates = [(f.line, f.column)]
    if "cannot start any token" in f.problem:
        candidates.append((f.line, f.column))
    if f.context_mark is not None and any(w in f.context for w in ("alias", "anchor", "block scalar")):
        candidates.append(f.context_mark)
    if "mapping keys are not allowed" in f.problem:
        candidates.append((f.line, f.column))
    text = f.text(f.line)
    start = value_start(text)
    closer = {"[": "]", "{": "}"}.get(text[start:start + 1])
    if closer and f.column > start and text[:f.column].rstrip().endswith(closer):
        # `title: [Draft] Audiology`: a list in brackets, then more text.
        candidates.append((f.line, start))
    for line, column in candidates:
        text = f.text(line)
        char = text[column:column + 1]
        if char in _RESERVED and column == value_start(text):
            return Mistake(C.YamlReservedStart, line, column,
                           {"char": _RESERVED[char], "fixed": _with_quoted_value(text, column)})
    return None


def _unclosed_bracket(f: _Failure) -> Mistake | None:
    if "flow" not in f.context or f.context_mark is None:
        return None
    line, column = f.context_mark
    text = f.text(line)
    opening = text[column:column + 1]
    closer = {"[": "]", "{": "}"}.get(opening)
    if closer is None:
        return None
    if closer not in text[column:]:
        return Mistake(C.YamlUnclosedBracket, line, column, {"open": opening, "close": closer})
    return Mistake(C.YamlBracketItems, f.line, f.column, {"open": opening, "close": closer})


def _placeholder(f: _Failure) -> Mistake | None:
    previous = f.previous_content(f.line)
    if previous is None or _COMMENT.match(f.text(f.line)):
        return None
    m = _EMPTY_PLACEHOLDER.match(f.text(previous))
    if not m:
        return None
    here = f.text(f.line)
    if not (indent_of(here) > len(m["lead"]) or _ITEM.match(here)):
        return None
    return Mistake(C.YamlPlaceholderThenItems, previous, m.start("empty"),
                   {"key": m["key"], "empty": m["empty"], "item_line": f.line + 1})


def _simple_key(f: _Failure) -> Mistake | None:
    if "simple key" not in f.context or f.context_mark is None:
        return None
    line, column = f.context_mark
    text = f.text(line)
    rest = text[column:]
    if re.match(r"^-[^\s-]", rest):
        return Mistake(C.YamlDashSpace, line, column + 1, {"fixed": "- " + rest[1:].strip()})
    m = re.match(r"^([A-Za-z_][\w-]*):(\S.*)$", rest)
    if m:
        return Mistake(C.YamlColonSpace, line, column + len(m[1]) + 1,
                       {"written": rest.strip(), "fixed": f"{m[1]}: {m[2].strip()}"})
    m = re.match(r"^([A-Za-z_][\w-]*)[ ]*=[ ]*(.*)$", rest)
    if m:
        return Mistake(C.YamlMissingColon, line, column + len(m[1]),
                       {"name": m[1], "fixed": f"{m[1]}: {m[2].strip()}".rstrip()})
    m = re.match(r"^([A-Za-z_][\w-]*)(?:[ ]+(.*))?$", rest.rstrip())
    if m and m[1] in field_names():
        return Mistake(C.YamlMissingColon, line, column + len(m[1]),
                       {"name": m[1], "fixed": f"{m[1]}: {(m[2] or '').strip()}".rstrip()})
    return Mistake(C.YamlLineNotAField, line, column, {})


def _mapping_value(f: _Failure) -> Mistake | None:
    if "mapping values are not allowed" not in f.problem:
        return None
    text = f.text(f.line)
    key = key_column(text)
    if key is not None and key[1] + len(key[0]) < f.column:
        start = value_start(text)
        return Mistake(C.YamlColonInText, f.line, f.column,
                       {"before": text[:start].strip(), "fixed": _with_quoted_value(text, start)})
    previous = f.previous_content(f.line)
    if previous is None:
        return None
    above = f.text(previous)
    # `- id audiology` or `  caption Cluster Finance` above a field: the colon is missing up there.
    m = re.match(r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<name>[A-Za-z_]\w*)[ ]+(?P<value>\S.*)$", above)
    if m and ":" not in above and m["name"] in field_names():
        return Mistake(C.YamlMissingColon, previous, m.end("name"),
                       {"name": m["name"], "fixed": f"{m['lead'].strip()} {m['name']}: {m['value'].strip()}".strip()})
    sibling = key_column(above)
    if sibling is not None and key is not None and indent_of(text) > sibling[1]:
        return _field_depth(f.line, indent_of(text), key[0], sibling[0], previous, sibling[1])
    # The line continues the text of the line above, and that text now holds ': '.
    start = value_start(above)
    return Mistake(C.YamlColonInText, f.line, f.column,
                   {"before": above[:start].strip(), "fixed": "(the whole text, over its lines)"})


def _field_depth(line: int, found: int, name: str, sibling: str, sibling_line: int, expected: int) -> Mistake:
    return Mistake(C.YamlFieldDepth, line, found,
                   {"name": name, **spaces("found", found), "sibling": sibling, "sibling_line": sibling_line + 1,
                    **spaces("expected", expected)})


def _block_end(f: _Failure) -> Mistake | None:
    if "expected <block end>" not in f.problem and "did not find expected" not in f.problem:
        return None
    text = f.text(f.line)
    here = indent_of(text)
    if _ITEM.match(text):
        sibling = _sibling_item(f, f.line)
        if sibling is not None:
            n, expected = sibling
            return Mistake(C.YamlItemDepth, f.line, here,
                           {**spaces("found", here), **spaces("expected", expected), "item_line": n + 1})
    key = key_column(text)
    if key is not None:
        previous = f.previous_content(f.line)
        if previous is not None:
            above = key_column(f.text(previous))
            if above is not None and above[1] != here:
                return _field_depth(f.line, here, key[0], above[0], previous, above[1])
            # A field lined up with the dashes of a list above it: it belongs with the field that holds the list.
            for n in range(previous, -1, -1):
                owner = key_column(f.text(n))
                if owner is not None and indent_of(f.text(n)) < here and not _ITEM.match(f.text(n)):
                    return _field_depth(f.line, here, key[0], owner[0], n, owner[1])
    return None


def _sibling_item(f: _Failure, line: int) -> tuple[int, int] | None:
    """The list item above that a misplaced item belongs with: one that starts with the same field
    (`- id:` with `- id:`), else the nearest item indented at most 2 spaces differently."""
    text = f.text(line)
    here = indent_of(text)
    key = key_column(text)
    near = None
    for n in range(line - 1, -1, -1):
        above = f.text(n)
        item = _ITEM.match(above)
        if not item or len(item["indent"]) == here:
            continue
        other = key_column(above)
        if key is not None and other is not None and other[0] == key[0]:
            return n, len(item["indent"])
        if near is None and abs(len(item["indent"]) - here) <= 2:
            near = (n, len(item["indent"]))
            if key is None:
                return near
    return near


_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b]")


def _invisible(f: _Failure) -> Mistake | None:
    """A control character or a byte-order mark pasted into the middle of the file."""
    for n, text in enumerate(f.lines[:f.line + 1]):
        m = _INVISIBLE.search(text)
        if m:
            return Mistake(C.YamlInvisibleCharacter, n, m.start(), {"char": f"U+{ord(m[0]):04X}"})
    return None


def _missing_name(f: _Failure) -> Mistake | None:
    text = f.text(f.line)
    if re.match(r"^[ ]*(?:-[ ]+)?:(?:[ ]|$)", text):
        return Mistake(C.YamlMissingName, f.line, text.index(":"), {})
    return None


def _second_document(f: _Failure) -> Mistake | None:
    if f.text(f.line).rstrip() in ("---", "...") and f.column == 0:
        return Mistake(C.YamlSecondDocument, f.line, 0, {"marker": f.text(f.line).rstrip()})
    return None


def _item_after_key(f: _Failure) -> Mistake | None:
    text = f.text(f.line)
    key = key_column(text)
    if key is None or not text[f.column:f.column + 2] == "- " or f.column != value_start(text):
        return None
    return Mistake(C.YamlItemAfterKey, f.line, f.column,
                   {"name": key[0], "item": text[f.column:].strip(), **spaces("indent", key[1] + 2)})


def _unreadable(f: _Failure) -> Mistake:
    return Mistake(C.YamlUnreadable, f.line, f.column, {})




def explain(text: str, file: str, error: yaml.MarkedYAMLError) -> Problem:
    """The parser's failure as the mistake a lead made, at the place they made it."""
    failure = _Failure(text, error)
    mistake = next((m for m in (d(failure) for d in _DETECTORS) if m is not None), None) or _unreadable(failure)
    return at(mistake, file, failure.lines)


def explain_unplaced(text: str, file: str) -> Problem:
    """A failure the parser gives no place for (a character it refuses to read at all)."""
    lines = yaml_lines(text)
    for n, line in enumerate(lines):
        m = _INVISIBLE.search(line)
        if m:
            return at(Mistake(C.YamlInvisibleCharacter, n, m.start(), {"char": f"U+{ord(m[0]):04X}"}), file, lines)
    return Problem.of(C.YamlUnreadable, file, 1, 1)


def at(mistake: Mistake, file: str, lines: list[str]) -> Problem:
    excerpt = lines[mistake.line] if 0 <= mistake.line < len(lines) else ""
    values: dict[str, Any] = {name: value if isinstance(value, Phrase) else str(value)
                              for name, value in mistake.values.items()}
    return Problem.of(mistake.kind, file, mistake.line + 1, mistake.column + 1, excerpt=excerpt, **values)


# --- Mistakes that still parse, but not as meant ------------------------------------------------------

_HASH_IN_TEXT = re.compile(r"[ \t]#[^\s#]")


def lines_with_hash(text: str) -> set[int]:
    """0-based lines where ' #' is followed by text at once (`Audiology #2`): candidates for a cut value."""
    if "#" not in text:
        return set()
    return {n for n, line in enumerate(yaml_lines(text)) if _HASH_IN_TEXT.search(line)}


def comment_in_text(node: yaml.ScalarNode, lines: list[str], file: str) -> Problem | None:
    """A plain value followed by ' #text' on its line: YAML dropped the rest as a comment."""
    end = node.end_mark
    if end.line >= len(lines):
        return None
    rest = lines[end.line][end.column:]
    m = re.match(r"^[ \t]+#(\S.*)$", rest)
    if not m:
        return None
    line_text = lines[end.line]
    before = line_text[:node.start_mark.column].strip() if node.start_mark.line == end.line else ""
    return Problem.of(C.YamlCommentInText, file, end.line + 1, end.column + len(rest) - len(rest.lstrip()) + 1,
                      excerpt=line_text, value=node.value, dropped="#" + m[1].rstrip(),
                      fixed=(before + " " + _quoted(node.value + " #" + m[1].rstrip())).strip())


def merged_item(node: yaml.ScalarNode, lines: list[str], file: str) -> Problem | None:
    """A plain value over several lines whose later line starts with '- ': a list item indented too far."""
    if node.end_mark.line >= len(lines):
        return None
    first = lines[node.start_mark.line]
    for n in range(node.start_mark.line + 1, node.end_mark.line + 1):
        text = lines[n]
        if _ITEM.match(text) and text.strip() != "-":
            item = _ITEM.match(first)
            expected = len(item["indent"]) if item else indent_of(first)
            return Problem.of(C.YamlItemMerged, file, n + 1, indent_of(text) + 1, excerpt=text,
                              **spaces("found", indent_of(text)), **spaces("expected", expected),
                              above=node.start_mark.line + 1)
        bullet = characters.bullet_at_start(text.strip())
        if bullet is not None:
            # A bulleted line pasted below an item is read as more of its text: it was meant as an item.
            item = _ITEM.match(first)
            rest = characters.split_bullets(text.strip(), bullet)
            entry = " ".join(rest)
            fixed = C.INDENTED(indent=len(item["indent"]), line="- " + entry) if item else \
                C.INDENTED(indent=indent_of(text), line=entry)
            return Problem.of(C.YamlPastedBullet, file, n + 1, indent_of(text) + 1, excerpt=text,
                              char=characters.name(bullet), several="", count=1, fixed=fixed,
                              list="yes" if item else "", text="" if item else "yes")
    return None


def colon_in_list_text(doc_text_line: str, file: str, line: int, key: str, key_col: int) -> Problem:
    """`- Retention of staff: both clinical` read as a field named 'Retention of staff' where text was meant."""
    start = key_col - 1
    colon = start + len(key)
    if key[:1] in CURLY_QUOTES:
        value = doc_text_line[start:].strip()
        inner = value[1:-1] if value[-1:] in CURLY_QUOTES else value[1:]
        return Problem.of(C.YamlCurlyQuotes, file, line, key_col, excerpt=doc_text_line, quote=key[0],
                          fixed=(doc_text_line[:start].strip() + " " + _quoted(inner)).strip())
    return Problem.of(C.YamlColonInText, file, line, colon + 1, excerpt=doc_text_line,
                      fixed=_with_quoted_value(doc_text_line, start))


# --- Values a word processor or YAML changed ----------------------------------------------------------

_KINDS_CACHE: dict[str, set[str]] = {}


def field_kinds() -> dict[str, set[str]]:
    """What each field name of the schema takes: 'list', 'text', 'money' or 'number' (a name can be several)."""
    if not _KINDS_CACHE:
        import typing

        from pydantic import BaseModel

        from generator.core.money import Money
        from generator.schema import plan as schema

        def kinds(annotation: object) -> set[str]:
            origin = typing.get_origin(annotation)
            if origin is typing.Annotated:
                return kinds(typing.get_args(annotation)[0])
            if origin is list:
                return {"list"}
            if origin is not None:
                return set().union(*(kinds(a) for a in typing.get_args(annotation)))
            if annotation is Money:
                return {"money"}
            if annotation is str:
                return {"text"}
            if annotation in (int, float):
                return {"number"}
            return set()

        for value in vars(schema).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
                for field_name, info in value.model_fields.items():
                    _KINDS_CACHE.setdefault(field_name, set()).update(kinds(info.annotation))
    return _KINDS_CACHE


def _takes(path: tuple, kind: str) -> bool:
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    return kind in field_kinds().get(key, set())


def _flow_item(text: str) -> str:
    """An entry as it is written inside [ ]: quoted when it holds what would end or split it."""
    return _quoted(text) if re.search(r"[,\[\]{}:#\"']|^[-?&*!|>%@`]", text) else text


def flow_list(items: list[str]) -> str:
    return "[" + ", ".join(_flow_item(item) for item in items) + "]"


def as_plain_value(text: str) -> str:
    """Text as a value after 'name: ', quoted only when YAML would read it otherwise."""
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return _quoted(text)


def pasted_bullet(node: yaml.ScalarNode, path: tuple, lines: list[str], file: str) -> Problem | None:
    """Text that starts with a bullet pasted from a word processor ('• Cost of living', '- • Audiology')."""
    bullet = characters.bullet_at_start(node.value)
    if bullet is None or node.start_mark.line >= len(lines):
        return None
    column = node.start_mark.column + (1 if node.style in ("'", '"') else 0)
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    item = bool(path) and isinstance(path[-1], int)
    mistake = _bullet_mistake(node.start_mark.line, column, bullet, node.value, key, item,
                              item or _takes(path, "list"))
    return at(mistake, file, lines)


def _bullet_mistake(line: int, column: int, bullet: str, value: str, key: str, item: bool, listed: bool) -> Mistake:
    """A value starting with a bullet, and the fix: a list item, a list of the entries, or the text without it."""
    items = characters.split_bullets(value, bullet) if bullet != "*" else [value[1:].strip()]
    items = items or [""]
    several = len(items) > 1
    fixed: object
    if item:
        fixed = "- " + items[0] if not several else C.THEN_NEXT_LINE(
            first="- " + items[0], then=" ".join("- " + entry for entry in items[1:]))
    elif listed:
        fixed = f"{key}: {flow_list(items)}"
    else:
        fixed = f"{key}: {as_plain_value('; '.join(items))}"
    char = C.CHAR_STAR_BULLET() if bullet == "*" else characters.name(bullet)
    return Mistake(C.YamlPastedBullet, line, column,
                   {"char": char, "several": "yes" if several else "", "count": len(items), "fixed": fixed,
                    "list": "yes" if listed else "", "text": "" if listed else "yes"})


def _bullet(f: _Failure) -> Mistake | None:
    """A line or value that starts with a bullet YAML cannot read: '• Cost' as a list item, '* Good', '- * Good'."""
    for line in dict.fromkeys((f.line, *(() if f.context_mark is None else (f.context_mark[0],)))):
        text = f.text(line)
        start = value_start(text)
        rest = text[start:]
        bullet = characters.bullet_at_start(rest) or ("*" if re.match(r"^\*[ \t]", rest) else None)
        if bullet is None:
            continue
        key = key_column(text)
        name = key[0] if key is not None else ""
        item = key is None
        listed = item or "list" in field_kinds().get(name, set())
        return _bullet_mistake(line, start, bullet, rest.strip(), name, item, listed)
    return None


def curly_wrapped(node: yaml.ScalarNode, lines: list[str], file: str) -> Problem | None:
    """`status: ‘ongoing’`: text wrapped in a word processor's curly quotes, which YAML keeps as part of it."""
    value = node.value
    if node.style or len(value) < 2 or value[0] not in "“‘„" or value[-1] not in "”’“":
        return None
    return Problem.of(C.YamlCurlyQuotes, file, node.start_mark.line + 1, node.start_mark.column + 1,
                      excerpt=lines[node.start_mark.line] if node.start_mark.line < len(lines) else "",
                      quote=value[0], fixed=_line_with(node, lines, _quoted(value[1:-1])))


def _line_with(node: yaml.Node, lines: list[str], written: str) -> str:
    """The node's line (without its indentation) with the node written another way; what follows it on
    the line (a ']' closing a list) is kept."""
    line = lines[node.start_mark.line] if node.start_mark.line < len(lines) else ""
    start = node.start_mark.column
    end = node.end_mark.column if node.end_mark.line == node.start_mark.line else len(line)
    return (line[:start] + written + line[end:]).strip()


def anchor_in_text(node: yaml.ScalarNode, lines: list[str], text: str, file: str) -> Problem | None:
    """`title: &Co Audiology`: '&Co' is taken as an anchor and left out, when no '*Co' uses it."""
    line = lines[node.start_mark.line] if node.start_mark.line < len(lines) else ""
    m = re.match(r"&(\S+)", line[node.start_mark.column:])
    if not m or f"*{m[1]}" in text:
        return None
    start = node.start_mark.column
    return Problem.of(C.YamlAnchorInText, file, node.start_mark.line + 1, start + 1, excerpt=line,
                      anchor=m[0], value=node.value, fixed=_line_with(node, lines, _quoted(f"{m[0]} {node.value}")))


def tag_in_text(node: yaml.Node, lines: list[str], file: str) -> Problem | None:
    """`- !Important models of care`: a word after '!' is taken as a tag; text was meant when words follow."""
    if not isinstance(node, yaml.ScalarNode) or node.style or not node.tag.startswith("!") \
            or node.tag.startswith("!!") or not re.match(r"[^\W\d]", node.value):
        return None
    line = lines[node.start_mark.line] if node.start_mark.line < len(lines) else ""
    return Problem.of(C.YamlReservedStart, file, node.start_mark.line + 1, node.start_mark.column + 1, excerpt=line,
                      char="'!'", fixed=_line_with(node, lines, _quoted(f"{node.tag} {node.value}")))


def comment_as_value(node: yaml.ScalarNode, path: tuple, lines: list[str], file: str) -> Problem | None:
    """`description: #1 priority`: text starting with '#' is a comment, so the field is left empty."""
    if node.start_mark.line >= len(lines):
        return None
    line = lines[node.start_mark.line]
    m = re.match(r"^[ \t]*(#\S.*?)\s*$", line[node.start_mark.column:])
    if not m:
        return None
    column = node.start_mark.column + line[node.start_mark.column:].index("#")
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    name = C.ITEM_OF(name=key) if path and isinstance(path[-1], int) else C.FIELD_NAMED(name=key)
    return Problem.of(C.YamlCommentAsValue, file, node.start_mark.line + 1, column + 1, excerpt=line,
                      dropped=m[1], name=name, fixed=(line[:column].strip() + " " + _quoted(m[1])).strip())


_OCTAL = re.compile(r"^[-+]?0[0-7_]+$")
_BASE_60 = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
_THOUSANDS_DOT = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+$")
_UNDERSCORED = re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?$")
_OTHER_BASE = re.compile(r"^[-+]?0[xXbB][0-9a-fA-F_]+$")


def misread_number(node: yaml.ScalarNode, path: tuple, value: object, lines: list[str], file: str) -> Problem | None:
    """A number YAML reads other than it is written: 010 (octal 8), 1:30 (90), a budget of 18.500 (£18.50)."""
    written = node.value
    if node.style or isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    money = _takes(path, "money")
    end = node.end_mark.column if node.end_mark.line == node.start_mark.line else None
    if _OCTAL.match(written) and written.strip("+-0_"):
        why, meant = C.WHY_LEADING_ZERO(), written.lstrip("+-0_") or "0"
    elif _BASE_60.match(written):
        why, meant = C.WHY_TIME(), written
    elif money and _THOUSANDS_DOT.match(written):
        why, meant = C.WHY_DOT_THOUSANDS(read=f"{value:,.2f}"), written.replace(".", "")
    elif _UNDERSCORED.match(written):
        why, meant = C.WHY_UNDERSCORE(), written.replace("_", "")
    elif _OTHER_BASE.match(written):
        why, meant = C.WHY_OTHER_BASE(), written
    else:
        return None
    line = lines[node.start_mark.line] if node.start_mark.line < len(lines) else ""
    start = node.start_mark.column
    number = money or _takes(path, "number")
    if number and meant != written:
        fixed = (line[:start].strip() + " " + meant).strip()
    else:
        fixed = (line[:start].strip() + " " + _quoted(line[start:end].strip())).strip()
        number = False
    return Problem.of(C.YamlMisreadNumber, file, node.start_mark.line + 1, start + 1, excerpt=line,
                      written=written, read=as_typed(Decimal(str(value))), why=why,
                      number="yes" if number else "", text="" if number else "yes", fixed=fixed)

# The detectors in the order they are tried: the first that recognises the failure names it.
_DETECTORS: tuple[Callable[[_Failure], Mistake | None], ...] = (
    _tab, _invisible, _second_document, _missing_name, _bullet, _item_after_key, _curly_quotes, _unclosed_quote, _text_after_quote, _reserved_start, _unclosed_bracket, _placeholder,
    _simple_key, _mapping_value, _block_end,
)


def tabs_in_text(text: str, lines: list[str], file: str) -> list[Problem]:
    """A tab after a line's first character (`title: Frail and<TAB>vulnerable`): YAML keeps it in the text,
    or reads it as spacing, where a space was meant. Tabs that indent a line stop the parser, and are
    explained where it stops."""
    if "\t" not in text:
        return []
    return [Problem.of(C.YamlTab, file, n + 1, column + 1, excerpt=line,
                       where="for spacing on this line", where_cy="ar gyfer bylchau ar y llinell hon",
                       fixed=untabbed(line).strip())
            for n, line in enumerate(lines) if (column := _tab_in_text(line)) is not None]


def _tab_in_text(line: str) -> int | None:
    """The column of the first tab in a line's text (not its indentation, not a comment), if it has one."""
    content = line.lstrip(" \t")
    inside = content.find("\t")
    if inside < 0 or content.startswith("#") or "\t" in line[:len(line) - len(content)]:
        return None
    return len(line) - len(content) + inside


def untabbed(line: str) -> str:
    """A line with each tab in its text, and the spaces around it, made one space (its indentation kept)."""
    content = line.lstrip(" \t")
    return line[:len(line) - len(content)] + re.sub(r"[ ]*\t[ \t]*", " ", content)


def as_meant(text: str) -> str:
    """The file with each line that holds a pasted space, or a tab in its text, mended as those problems'
    fixes say (characters.mended, untabbed): what the rest of the file is checked as while they are fixed."""
    lines = [characters.mended(line) if characters.INVISIBLE.search(line) else line for line in text.split("\n")]
    return "\n".join(untabbed(line) if _tab_in_text(line) is not None else line for line in lines)
