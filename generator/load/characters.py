"""Characters pasted from a word processor or a web page, named as a lead knows them.

Word, PDFs and web pages bring characters a plan's YAML reads other than a lead sees them: spaces that
are not spaces, bullets, long dashes and curly quotes. Each is named in words ("a non-breaking space",
"Word's long dash –"), never by its code alone, and found at its own line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.prose import outside_code
from generator.problems import catalogue as C
from generator.problems.report import Phrase, Problem

# Spaces YAML does not count as spaces, and characters that show nothing at all.
_SPACES = {"\u00a0": C.CHAR_NBSP, "\u202f": C.CHAR_NARROW_NBSP, "\u2009": C.CHAR_THIN_SPACE}
_WIDTHLESS = {"\u200b": C.CHAR_ZWSP, "\u200c": C.CHAR_ZW_NON_JOINER, "\u200d": C.CHAR_ZW_JOINER,
              "\u2060": C.CHAR_WORD_JOINER, "\ufeff": C.CHAR_BOM, "\u00ad": C.CHAR_SOFT_HYPHEN,
              "\u180e": C.CHAR_ZWSP}
# The typesetter's spaces (en, em, figure, hair, ideographic ...): named by their code.
_WIDE = "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u200a\u205f\u3000"
# Line breaks that are not the file's own: Word's manual line break (Shift+Enter) and page break, and the
# line and paragraph separators of web pages and PDFs. YAML starts a new line at some of them where the
# lead's editor shows none. Named by their code; what was meant is a space.
_BREAKS = "\x0b\x0c\x85\u2028\u2029"
# Every other mark Unicode draws as nothing (its format characters: direction marks, invisible operators,
# interlinear annotation ...), which Word and web pages carry in around right-to-left or mathematical text.
# The tag characters, which spell out a flag emoji such as Wales's, are left alone.
_MARKS = re.compile("[\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u200e\u200f\u202a-\u202e"
                    "\u2061-\u2064\u2066-\u206f\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001]")
# What a section's text cannot be published with (pages, PDF and Word files): control characters, and the
# line breaks that are not the file's own. Tabs and the file's own new lines are its text.
UNPUBLISHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
INVISIBLE = re.compile("[" + "".join(_SPACES) + "".join(_WIDTHLESS) + _WIDE + _BREAKS + "]|" + _MARKS.pattern)

DASHES = {"–": C.CHAR_EN_DASH, "—": C.CHAR_EM_DASH, "−": C.CHAR_MINUS}
OTHER_DASHES = "‐‑‒―⁃"
# Bullets a word processor puts before list items; U+F0B7 and its neighbours are Word's Symbol-font bullets.
BULLETS = "•▪◦‣●○■□►▸➢➤✓✔·∙\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
CURLY_QUOTES = "“”‘’„‚«»‹›"
_BULLET_START = re.compile("^[" + re.escape(BULLETS + "–—") + r"][ \t\u00a0]*")


def name(char: str) -> Phrase:
    """A character as a lead knows it: 'a non-breaking space', "Word's long dash –", 'a bullet •'."""
    if char in _SPACES:
        return _SPACES[char]()
    if char in _WIDTHLESS:
        return _WIDTHLESS[char]()
    if char in _WIDE:
        return C.CHAR_WIDE_SPACE(code=f"{ord(char):04X}")
    if char in _BREAKS:
        return C.CHAR_LINE_BREAK(code=f"{ord(char):04X}")
    if _MARKS.fullmatch(char):
        return C.CHAR_FORMAT_MARK(code=f"{ord(char):04X}")
    if UNPUBLISHABLE.fullmatch(char):
        return C.CHAR_CONTROL(code=f"{ord(char):04X}")
    if char == "\t":
        return C.CHAR_TAB()
    if char in DASHES:
        return DASHES[char]()
    if char in OTHER_DASHES:
        return C.CHAR_OTHER_DASH(char=char)
    if char in BULLETS:
        return C.CHAR_BULLET(char=char if char.isprintable() and ord(char) < 0xE000 else "•")
    if char in CURLY_QUOTES:
        return C.CHAR_CURLY_QUOTE(char=char)
    if char == " ":
        return C.CHAR_SPACE()
    if char.isalpha() and char.isupper():
        return C.CHAR_CAPITAL(char=char)
    if char.isalpha():
        return C.CHAR_ACCENTED(char=char)
    return C.CHAR_OTHER(char=char)


def is_pasted(char: str) -> bool:
    """Whether a character is one a word processor puts in where YAML or a field wants a plain one."""
    return bool(INVISIBLE.match(char)) or char in DASHES or char in OTHER_DASHES or char in BULLETS \
        or char in CURLY_QUOTES or char == "\t"


def plain(char: str) -> str:
    """What a lead meant by a pasted character: a space, nothing, a hyphen or a straight quote."""
    if char in _WIDTHLESS or _MARKS.fullmatch(char):
        return ""
    if INVISIBLE.match(char) or char == "\t":
        return " "
    if UNPUBLISHABLE.match(char):
        return ""
    if char in DASHES or char in OTHER_DASHES:
        return "-"
    if char in "“”„«»":
        return '"'
    if char in "‘’‚‹›":
        return "'"
    return char


def bullet_at_start(text: str) -> str | None:
    """The bullet a value or list item starts with ('• Cost of living' -> '•'), if it starts with one."""
    m = _BULLET_START.match(text)
    if not m:
        return None
    rest = text[m.end():]
    # A long dash leads a bullet only when followed by a space and words (not '–22' or '—').
    if text[0] in "–—" and not (m.end() > 1 and rest[:1].isalnum()):
        return None
    return text[0]


def split_bullets(text: str, bullet: str) -> list[str]:
    """The entries of a line of bulleted text ('• A • B' -> ['A', 'B'])."""
    return [part.strip(" \t\u00a0") for part in text.split(bullet) if part.strip(" \t\u00a0")]


@dataclass(frozen=True)
class _Found:
    line: int
    column: int
    char: str


def _first_per_line(lines: list[str]) -> list[_Found]:
    out = []
    for n, text in enumerate(lines):
        m = INVISIBLE.search(text)
        if m:
            out.append(_Found(n, m.start(), m[0]))
    return out


def _where(text: str, column: int) -> Phrase:
    before = text[:column]
    indenting = not INVISIBLE.sub("", before).strip(" \t")
    if indenting and not (plain(text[column]) == "" and text[column + 1:column + 2].strip()):
        return C.WHERE_INDENT()
    word_before = re.split(r"[ \t]", INVISIBLE.sub(" ", before).rstrip())[-1]
    rest = INVISIBLE.sub(" ", text[column + 1:])
    word_after = rest.lstrip().split(" ")[0] if rest.strip() else ""
    if word_before and word_after and not rest[:1].isspace() and not text[column - 1:column].isspace():
        return C.WHERE_BETWEEN(before=word_before, after=word_after)
    if word_before:
        return C.WHERE_AFTER(before=word_before)
    if word_after:
        return C.WHERE_BEFORE(after=word_after)
    return C.WHERE_ALONE()


_THOUSANDS = re.compile(r"(?<=\d)[" + "".join(_SPACES) + _WIDE + r"](?=\d{3}(?!\d))")
_FIELD = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[A-Za-z_][\w ]*?):(?=[ ]|$)")


def mended(text: str) -> str:
    """A line with every invisible character made what the lead meant: nothing, a comma between the
    thousands of a figure (224 786), an underscore inside a field name (new_or existing), else a space."""
    text = INVISIBLE.sub(lambda m: plain(m[0]), _THOUSANDS.sub(",", text))
    m = _FIELD.match(text)
    if m and " " in m["key"].strip():
        from generator.load.yaml_mistakes import field_names
        joined = "_".join(m["key"].split())
        if joined in field_names():
            text = m["lead"] + joined + text[m.end("key"):]
    return text


def invisible_spaces(text: str, lines: list[str], file: str) -> list[Problem]:
    """Every line that holds an invisible character, reported at the first one, with the line mended."""
    if not INVISIBLE.search(text):
        return []
    problems = []
    for found in _first_per_line(lines):
        line = lines[found.line]
        fixed = mended(line)
        indent = len(fixed) - len(fixed.lstrip(" "))
        shown = fixed.strip()
        widthless = plain(found.char) == ""
        problems.append(Problem.of(
            C.YamlInvisibleSpace, file, found.line + 1, found.column + 1, excerpt=line,
            char=name(found.char), where=_where(line, found.column),
            space="" if widthless else "yes", delete="yes" if widthless else "",
            fixed=shown if indent == 0 else C.INDENTED(indent=indent, line=shown)))
    return problems


def unpublishable(text: str, file: str) -> list[Problem]:
    """Every character a section's text cannot be published with, each where it is."""
    if not UNPUBLISHABLE.search(text):
        return []
    return [_cannot_publish(file, n + 1, found.start() + 1, line, line, found.start())
            for n, line in enumerate(text.split("\n")) for found in UNPUBLISHABLE.finditer(line)]


def unpublishable_value(value: str, file: str, line: int, column: int, excerpt: str) -> Problem | None:
    """A value written in double quotes whose escapes (\\v, \\x07, \\u2028 ...) make a character its text
    cannot be published with, as the online editor writes what was pasted into a field: at the value, naming
    the words around the character."""
    found = UNPUBLISHABLE.search(value)
    return None if found is None else _cannot_publish(file, line, column, excerpt, value, found.start())


def _cannot_publish(file: str, line: int, column: int, excerpt: str, text: str, at: int) -> Problem:
    char = text[at]
    return Problem.of(C.TextPastedCharacter, file, line, column, excerpt=excerpt, char=name(char),
                      where=_where(text, at), space="yes" if plain(char) else "", delete="" if plain(char) else "yes")


def pasted_bullets(text: str, file: str) -> list[Problem]:
    """Every line of a section that starts with a bullet pasted from a word processor: Markdown does not read
    it as a list item, and publishes the bullet as text, run on from the line above. Code blocks are left as
    written."""
    problems = []
    for n, line in outside_code(text.split("\n")):
        content = line.lstrip(" ")
        if not content or (bullet := bullet_at_start(content)) is None:
            continue
        indent = len(line) - len(content)
        rest = content[len(bullet):].lstrip(" \t\u00a0")
        problems.append(Problem.of(C.ProsePastedBullet, file, n, indent + 1, excerpt=line, char=name(bullet),
                                   fixed=" " * indent + "- " + rest))
    return problems
