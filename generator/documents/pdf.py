"""PDF: a document laid out by Typst in this process, tagged for PDF/UA-1, with the fonts Typst ships embedded."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import typst

from generator.documents.blocks import Document

TEMPLATE = Path("documents") / "document.typ"


class LayoutFailed(Exception):
    """Typst could not lay the document out (a fault of the template, not of the plans)."""


def pdf_bytes(document: Document, templates_dir: Path) -> bytes:
    """The document as a PDF/UA-1 file. Only the fonts inside Typst are used, never the machine's, and the
    document's own date is its time, so the same plans give the same bytes anywhere, whenever."""
    epoch = int(datetime(*document.date, tzinfo=timezone.utc).timestamp())
    source = (templates_dir / TEMPLATE).read_bytes()
    data = json.dumps(document.as_data(), ensure_ascii=False, sort_keys=True)
    try:
        out = typst.compile(source, format="pdf", sys_inputs={"data": data}, pdf_standards=["ua-1"],
                            ignore_system_fonts=True, font_paths=[], timestamp=epoch)
    except typst.TypstError as exc:
        raise LayoutFailed(f"{exc.message}\n{exc.diagnostic}") from None
    assert isinstance(out, bytes)
    return out
