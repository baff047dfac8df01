"""How much of a source document a compiled document holds, sentence by sentence, in the source's order.

The source's text is cut into sentences (each line, each table cell, each sentence of a line); a sentence counts
when its words, with spacing, punctuation, case and list numbering set aside, are in the compiled text after the
sentences counted before it. The count is the largest such chain (a longest increasing subsequence), so one
sentence out of place costs one sentence, not all those after it. Sentences of fewer than four words (a lone
figure, 'TBC', a column's name) are no sentences and are not counted."""

from __future__ import annotations

import bisect
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
NOT_WORD = re.compile(r"[^a-z0-9£%]+")
LIST_NUMBER = re.compile(r"^\s*(?:[-•■*]\s*)*(?:\d+(?:\.\d+)*\.?\)?\s+)?")
ITEM_NUMBER = re.compile(r"^\s*(?:[-•■*]\s*)*(?:\d+[.)]\s+)?")
MIN_WORDS = 4
# The national template's guidance row under the activity table's header: words for the lead filling it in.
TEMPLATE_GUIDANCE = "Provide a consist"


def normalised(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').lower()
    text = text.replace("'", "")
    return " ".join(NOT_WORD.sub(" ", text).split())


def sentences(source: str) -> list[str]:
    out = []
    for line in source.splitlines():
        if TEMPLATE_GUIDANCE in line:
            continue
        # Cells of the HTML fragments the export left in some table cells.
        line = re.sub(r"<[^>]+>", "\t", line)
        for cell in line.split("\t"):
            cell = LIST_NUMBER.sub("", cell.replace("**", ""))
            for sentence in SENTENCE_END.split(cell):
                words = normalised(sentence)
                if len(words.split()) >= MIN_WORDS:
                    out.append(words)
    return out


@dataclass
class Coverage:
    found: int
    total: int
    missing: list[str]

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 1.0


def coverage(source: str, compiled: str) -> Coverage:
    # A list's numbers and bullets are the document's, as the source's are set aside; only a number with its
    # full stop or bracket ('4. '), so that a figure a table cell's text wraps before ('3.32 in post' at the
    # start of a PDF line) is kept.
    lines = (ITEM_NUMBER.sub("", line) for line in compiled.splitlines())
    text = " " + normalised(" ".join(lines)) + " "
    units = sentences(source)
    # Each sentence's places in the compiled text, latest first, so that a chain takes one place per sentence.
    tails: list[int] = []
    chain_of: list[int] = []
    for unit in units:
        needle = f" {unit} "
        places = []
        at = text.find(needle)
        while at >= 0:
            places.append(at)
            at = text.find(needle, at + 1)
        best = -1
        for place in reversed(places):
            k = bisect.bisect_left(tails, place)
            if k == len(tails):
                tails.append(place)
            else:
                tails[k] = place
            best = max(best, k)
        chain_of.append(best)
    missing = [unit for unit, k in zip(units, chain_of) if k < 0]
    return Coverage(len(tails), len(units), missing)


def pdf_text(path: Path) -> str:
    """The text of a PDF in the order it is drawn (a table's cells one after another, not its lines across the
    columns), without the running footer: the document's title and the page number, which a reader skips (the
    PDF marks it as an artifact, outside the structure tree) but pdftotext puts wherever a page ends, inside a
    sentence that runs on to the next page."""
    from pypdf import PdfReader

    title = PdfReader(path).metadata.title or ""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    footer = re.compile(re.escape(title) + r" \S+ \d+") if title else None
    return "\n".join(line for line in text.splitlines() if not (footer and footer.fullmatch(line.strip(" \f"))))


def docx_text(path: Path) -> str:
    """The text of a .docx in reading order: each paragraph and each table cell a line."""
    from docx import Document

    document = Document(str(path))
    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tc"):
                    lines.append(" ".join("".join(t.text or "" for t in p.iter() if t.tag.endswith("}t"))
                                          for p in row.iter() if p.tag.endswith("}p")))
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    seed = Path(sys.argv[1]).read_text(encoding="utf-8")
    for name in sys.argv[2:]:
        path = Path(name)
        text = pdf_text(path) if path.suffix == ".pdf" else docx_text(path)
        result = coverage(seed, text)
        print(f"{name}: {result.found} of {result.total} sentences in order ({result.share:.1%})")
        for unit in result.missing[:int(__import__('os').environ.get('SHOW', '0'))]:
            print("  missing:", unit[:160])
