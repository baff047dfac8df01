"""Load: read YAML and Markdown files safely, keeping the line and column of every value."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.problems import catalogue as C
from generator.load import characters, yaml_mistakes
from generator.core.languages import of_section_file
from generator.core.prose import without_comments
from generator.problems.report import Problem

MAX_FILE_BYTES = 1_000_000
MAX_ALIAS_EXPANSION = 100
MAX_NODES = 200_000

# Tags that plain YAML produces; anything else (e.g. !!python/object) is refused.
PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
}

_TAG_EXPECTS = {"tag:yaml.org,2002:bool": C.YAML_NOT_YES_NO(), "tag:yaml.org,2002:int": C.YAML_NOT_WHOLE_NUMBER(),
                "tag:yaml.org,2002:float": C.YAML_NOT_NUMBER()}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map": yaml.MappingNode, "tag:yaml.org,2002:seq": yaml.SequenceNode}

Path_ = tuple[str | int, ...]

if TYPE_CHECKING:
    # libyaml's loader offers the same methods as the pure-Python one it stands in for.
    _Base = yaml.SafeLoader
else:
    # PyYAML built without libyaml has only the pure-Python loader.
    _Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"


class _Loader(_Base):
    """The safe loader, quicker on plain text. YAML guesses a scalar's type (number, yes/no, date...)
    from patterns that each start with particular characters; most values in a plan are prose that
    starts with none of them, and need no pattern tried."""

    _guessed_from = frozenset(key for key in yaml.SafeLoader.yaml_implicit_resolvers if key)
    # The short cuts hold while no pattern is registered for any first character and no tag depends
    # on where a value sits (PyYAML's path resolvers); the safe loader has neither.
    _short_cuts = None not in yaml.SafeLoader.yaml_implicit_resolvers and not yaml.SafeLoader.yaml_path_resolvers

    def resolve(self, kind, value, implicit):
        if self._short_cuts:
            if kind is yaml.ScalarNode:
                # Quoted text is text; so is plain text that starts as no number, date or yes/no can.
                if not implicit[0] or (value and value[0] not in self._guessed_from):
                    return _STR
            elif kind is yaml.MappingNode:
                return "tag:yaml.org,2002:map"
            elif kind is yaml.SequenceNode:
                return "tag:yaml.org,2002:seq"
        return super().resolve(kind, value, implicit)

    # Only path resolvers need to follow the composer up and down the document.
    def descend_resolver(self, current_node, current_index):
        if not self._short_cuts:
            super().descend_resolver(current_node, current_index)

    def ascend_resolver(self):
        if not self._short_cuts:
            super().ascend_resolver()


def plain_data(text: str) -> Any:
    """A YAML text as plain data (what yaml.safe_load gives), read by the quicker loader the plans are read with.
    Raises yaml.YAMLError as safe_load does."""
    return yaml.load(text, Loader=_Loader)


def field_path(loc: tuple) -> str:
    """('activities', 2, 'budget') -> 'activities[2].budget', the form leads see and write."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class LoadFailure(Exception):
    """Raised inside the loader to stop at a problem that makes the rest of the file unreadable."""

    def __init__(self, problem: Problem):
        self.problem = problem


@dataclass
class Document:
    """A YAML file's data with the position (line, column; 1-based) of every key and value."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # The file's text, to quote a line under a problem.
    text: str = ""
    # What was written for each value YAML read as other than text (yes, 010, 18.500), by path.
    written: dict[Path_, str] = field(default_factory=dict)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, or '' past the end."""
        lines = yaml_mistakes.yaml_lines(self.text)
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def where(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """The position of the value at `path`, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return self.positions.get((), (1, 1))


class Within:
    """A repository root that files must stay inside. The real place of each folder is looked up once
    per run, as a repository has thousands of files in a few hundred folders."""

    def __init__(self, root: Path):
        self.root = os.path.realpath(root)
        self._folders: dict[str, str] = {}

    def holds(self, path: Path) -> bool:
        """Whether a file (itself not a symbolic link) really is inside the root."""
        folder = os.path.dirname(os.path.abspath(path))
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        return real == self.root or real.startswith(self.root.rstrip(os.sep) + os.sep)


def read_text(path: Path, display: str, root: "Path | Within | None") -> tuple[str | None, list[Problem]]:
    """Read a text file, refusing links, files outside the root, huge files and non-UTF-8 bytes."""
    problems: list[Problem] = []
    if path.is_symlink():
        return None, [Problem.of(C.FileUnsafePath, display, reason=C.FILE_IS_A_LINK())]
    if root is not None and not (root if isinstance(root, Within) else Within(root)).holds(path):
        return None, [Problem.of(C.FileUnsafePath, display,
                                 reason=C.FILE_OUTSIDE())]
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem.of(C.FileTooLarge, display, size=size, limit=MAX_FILE_BYTES)]
        raw = path.read_bytes()
    except OSError as exc:
        detail = (C.FILE_NOT_PERMITTED() if exc.errno in (errno.EACCES, errno.EPERM)
                  else C.FILE_UNREADABLE(error=exc.strerror or exc))
        return None, [Problem.of(C.FileEncoding, display, detail=detail)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if _utf16(raw):
        return None, [Problem.of(C.FileEncoding, display, 1, 1, detail=C.FILE_UTF16())]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        return None, [Problem.of(C.FileEncoding, display, line, 1,
                                 detail=C.FILE_NUL_BYTE())]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"{raw[exc.start]:#04x}"
        windows = raw[exc.start:exc.start + 1].decode("cp1252", errors="replace")
        detail = C.FILE_WINDOWS_TEXT(byte=byte, char=windows) if windows.isprintable() and windows != "\ufffd" \
            else C.FILE_NOT_UTF8(byte=byte)
        return None, [Problem.of(C.FileEncoding, display, line, col, detail=detail)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def _utf16(raw: bytes) -> bool:
    """Whether a file is UTF-16 text, as Notepad and Word save 'Unicode': its byte order mark, or a NUL byte
    beside each of its first ASCII characters."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = raw[:200]
    return len(head) >= 4 and (head[1::2].count(0) == len(head[1::2]) or head[0::2].count(0) == len(head[0::2]))


def load_yaml(path: Path, display: str, root: "Path | Within | None" = None,
              as_meant: bool = False) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file into a Document, or return the problems that stop it being read (see parse_yaml
    for `as_meant`)."""
    text, problems = read_text(path, display, root)
    if text is None:
        return None, problems
    return parse_yaml(text, display, as_meant)


def parse_yaml(text: str, display: str, as_meant: bool = False) -> tuple[Document | None, list[Problem]]:
    """The Document a YAML text makes, and its problems.

    An invisible space changes what YAML reads on its line (an indentation, a field name), and a tab in a
    line's text is kept as part of it, so the lines that hold one are reported before anything else is
    made of them, and no Document is made of the text as it is. With `as_meant`, for a caller that refuses
    a file with any error (a plan: validate never publishes it), the rest of the file is then read as it
    would be once those lines are fixed as their problems say, so that one run shows every problem of the
    file; that Document is only for finding the other problems."""
    # Lines as the lead's editor counts them: a pasted line separator is one of the characters reported.
    lines = text.split("\n")
    invisible = characters.invisible_spaces(text, lines, display) + yaml_mistakes.tabs_in_text(text, lines, display)
    if invisible:
        if not as_meant:
            return None, invisible
        doc, others = parse_yaml(yaml_mistakes.as_meant(text), display)
        return doc, invisible + others
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [yaml_mistakes.explain(text, display, exc)]
    except yaml.YAMLError:
        return None, [yaml_mistakes.explain_unplaced(text, display)]
    except RecursionError:
        return None, [Problem.of(C.YamlSyntax, display, 1, 1, detail=C.YAML_TOO_DEEP())]
    doc = Document(display, None, text=text)
    if node is None:
        return doc, []
    builder = _Builder(doc, text)
    try:
        doc.data = builder.build(node, ())
    except LoadFailure as failure:
        return None, [failure.problem]
    except RecursionError:
        return None, [Problem.of(C.YamlSyntax, display, 1, 1, detail=C.YAML_TOO_DEEP())]
    # A duplicate key leaves a readable document (the first value is kept), so the rest of the file is
    # still checked and every problem shows in one run; other problems make the data unusable.
    usable = all(p.code in _READABLE or not p.is_error for p in builder.problems)
    return (doc if usable else None), builder.problems


# Problems after which the rest of the file can still be read and checked.
_READABLE = {C.YamlDuplicateKey.code, C.YamlItemMerged.code}
# Characters a plain value may start with that make YAML read it other than as written: checked for each.
_MISREAD_START = frozenset(characters.BULLETS + "–—&“‘„")


class _Builder:
    """Turns a composed YAML node graph into plain Python values, checking tags, keys and aliases."""

    def __init__(self, doc: Document, text: str = ""):
        self.doc = doc
        self.problems: list[Problem] = []
        self.lines = yaml_mistakes.yaml_lines(text)
        self.text = text
        # Lines where ' #' runs straight into text: a plain value ending there may have been cut short.
        self.hash_lines = yaml_mistakes.lines_with_hash(text)
        self.seen: set[int] = set()
        self.alias_uses = 0
        self.nodes = 0
        self._scalar = yaml.SafeLoader("")  # only its scalar constructors are used

    def pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.nodes += 1
        if node.tag == _STR and type(node) is yaml.ScalarNode and id(node) not in self.seen \
                and self.nodes <= MAX_NODES:
            # The common case, text, in short: the checks below all pass for it.
            self.seen.add(id(node))
            self.doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
            if not node.style and (node.end_mark.line != node.start_mark.line
                                       or node.end_mark.line in self.hash_lines):
                self.misread(node)
            if node.value[:1] in _MISREAD_START or (not node.style and node.value and self.anchored(node)):
                self.pasted(node, path)
            if node.style == '"' and (problem := characters.unpublishable_value(
                    node.value, self.doc.file, *self.pos(node), self.lines[node.start_mark.line])):
                self.problems.append(problem)
            return node.value
        if id(node) in self.seen:
            # The composer resolves aliases to the node they point at; each reuse is an expansion.
            self.alias_uses += 1
            if self.alias_uses > MAX_ALIAS_EXPANSION or self.nodes > MAX_NODES:
                line, col = self.pos(node)
                raise LoadFailure(Problem.of(C.YamlAliasLimit, self.doc.file, line, col,
                                             limit=MAX_ALIAS_EXPANSION))
        self.seen.add(id(node))
        if self.nodes > MAX_NODES:
            line, col = self.pos(node)
            raise LoadFailure(Problem.of(C.YamlAliasLimit, self.doc.file, line, col, limit=MAX_ALIAS_EXPANSION))
        self.doc.positions[path] = self.pos(node)
        if node.tag not in PLAIN_TAGS:
            line, col = self.pos(node)
            self.problems.append(yaml_mistakes.tag_in_text(node, self.lines, self.doc.file)
                                 or Problem.of(C.YamlForbiddenTag, self.doc.file, line, col, tag=node.tag))
            return None
        if node.tag in _COLLECTION_TAGS and _COLLECTION_TAGS[node.tag] is not type(node):
            # e.g. `!!map text` or `!!seq text`: the tag promises a kind of value the node is not.
            line, col = self.pos(node)
            raise LoadFailure(Problem.of(C.YamlSyntax, self.doc.file, line, col,
                                         detail=C.YAML_TAG_MISFIT(tag=node.tag)))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node)
            if not node.style and node.tag != _STR:
                self.doc.written[path] = node.value
                self.converted(node, path, value)
            return value
        raise TypeError(f"the YAML composer made a {type(node).__name__}")  # it makes only the three above

    def misread(self, node: yaml.ScalarNode) -> None:
        """Plain text that YAML read other than meant: cut at ' #', or a list item taken as more text."""
        for check in (yaml_mistakes.merged_item, yaml_mistakes.comment_in_text):
            problem = check(node, self.lines, self.doc.file)
            if problem is not None:
                self.problems.append(problem)

    def anchored(self, node: yaml.ScalarNode) -> bool:
        """Whether a plain value's node starts at an '&' (an anchor YAML took out of the text)."""
        line = self.lines[node.start_mark.line] if node.start_mark.line < len(self.lines) else ""
        return line[node.start_mark.column:node.start_mark.column + 1] == "&"

    def pasted(self, node: yaml.ScalarNode, path: Path_) -> None:
        """Text that starts with a pasted bullet or curly quote, or with '&' that YAML took as an anchor."""
        problem = yaml_mistakes.pasted_bullet(node, path, self.lines, self.doc.file) \
            or yaml_mistakes.curly_wrapped(node, self.lines, self.doc.file)
        if problem is None and not node.style and self.anchored(node):
            problem = yaml_mistakes.anchor_in_text(node, self.lines, self.text, self.doc.file)
        if problem is not None:
            self.problems.append(problem)

    def converted(self, node: yaml.ScalarNode, path: Path_, value: Any) -> None:
        """A plain value YAML turned into something else than was meant: '#1 priority' into nothing
        (a comment), 010 into 8, a budget of 18.500 into 18.5."""
        if value is None:
            problem = yaml_mistakes.comment_as_value(node, path, self.lines, self.doc.file)
        else:
            problem = yaml_mistakes.misread_number(node, path, value, self.lines, self.doc.file)
        if problem is not None:
            self.problems.append(problem)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == "tag:yaml.org,2002:timestamp":
            # Dates stay text: plans write years and dates as the reader sees them.
            return node.value
        try:
            return self._scalar.yaml_constructors[tag](self._scalar, node)
        except (yaml.YAMLError, ValueError, OverflowError, KeyError, IndexError) as exc:
            # Only explicit tags get here (`!!int twelve`, `!!bool maybe`, `!!float`); the constructors fail in
            # Python's words (KeyError, IndexError), so say what the tag asked for instead.
            reason = _TAG_EXPECTS.get(tag, str(exc))
            line, col = self.pos(node)
            raise LoadFailure(Problem.of(C.YamlSyntax, self.doc.file, line, col,
                                         detail=C.YAML_VALUE_UNREADABLE(value=node.value, reason=reason)))

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict = {}
        first: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = self.pos(key_node)
                self.problems.append(Problem.of(C.YamlForbiddenTag, self.doc.file, line, col, tag="<<"))
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in PLAIN_TAGS:
                line, col = self.pos(key_node)
                self.problems.append(Problem.of(C.YamlForbiddenTag, self.doc.file, line, col,
                                                tag=key_node.tag if isinstance(key_node, yaml.ScalarNode)
                                                else C.YAML_COMPLEX_KEY()))
                continue
            key = key_node.value if key_node.tag == _STR else self.scalar(key_node)
            if not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            line, col = self.pos(key_node)
            if key in first:
                self.problems.append(Problem.of(C.YamlDuplicateKey, self.doc.file, line, col,
                                                field=field_path(path + (key,)),
                                                key=key, first_line=first[key]))
                continue
            first[key] = line
            self.doc.key_positions[path + (key,)] = (line, col)
            result[key] = self.build(value_node, path + (key,))
        return result


@dataclass
class Prose:
    """One Markdown section file of a plan."""

    file: str
    name: str
    language: str
    text: str


def load_markdown(path: Path, display: str, root: "Path | Within | None" = None) -> tuple[Prose | None, list[Problem]]:
    text, problems = read_text(path, display, root)
    if text is None:
        return None, problems
    stem, language = of_section_file(path.name)
    return Prose(display, stem, language, without_comments(text)), \
        problems + characters.unpublishable(text, display) + characters.pasted_bullets(text, display)


def relative(path: Path, root: Path) -> str:
    """A path as shown to users: relative to the repository, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return os.path.relpath(path, root).replace(os.sep, "/")
