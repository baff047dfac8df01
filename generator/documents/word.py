"""Word: a document as .docx through python-docx, with Word's own heading, list and caption styles, table header
rows that repeat on every page, the document's language, and fixed dates so the same plans give the same bytes."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from generator.documents.blocks import Block, Document, Heading, ListBlock, Note, Notes, PageBreak, Paragraph, Run, \
    Table

ACCENT = RGBColor(0x1D, 0x4F, 0x91)
FLAG = RGBColor(0x8A, 0x3B, 0x00)
# Word's language tags for the site's languages.
LANGUAGE_TAGS = {"en": "en-GB", "cy": "cy-GB"}


def docx_bytes(document: Document) -> bytes:
    writer = _Writer(document)
    writer.write()
    return writer.finish()


class _Writer:
    def __init__(self, document: Document):
        self.source = document
        self.doc = new_docx()
        self.lang = LANGUAGE_TAGS.get(document.language, document.language)
        # python-docx looks a style up by name through every style each time it is given one: the ids are
        # looked up once.
        self.styles()
        self.style_ids = {style.name: style.style_id for style in self.doc.styles}

    def paragraph(self, style: str | None = None, text: str = ""):
        p = self.doc.add_paragraph(text)
        if style:
            p._p.style = self.style_ids[style]
        return p

    # --- the whole document ----------------------------------------------------------------------

    def write(self) -> None:
        d = self.source
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.2))
        self.cover()
        if d.contents:
            self.contents()
        for block in d.blocks:
            self.block(block)
        props = self.doc.core_properties
        when = datetime(*d.date, tzinfo=timezone.utc)
        props.title, props.author, props.language = d.title, d.author, self.lang
        props.created = props.modified = props.last_printed = when
        props.last_modified_by, props.revision = d.author, 1
        props.comments = ""

    def styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size = "Calibri", Pt(10.5)
        _set_language(normal.element, self.lang)
        for name, size in (("Table Text", 9.5), ("Table Text Small", 8)):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style, style.font.size = normal, Pt(size)
            style.paragraph_format.space_after = Pt(0)
        for level, size in ((1, 20), (2, 16), (3, 13), (4, 11.5), (5, 11), (6, 10.5)):
            style = styles[f"Heading {level}"]
            style.font.size, style.font.color.rgb, style.font.bold = Pt(size), ACCENT, True

    def cover(self) -> None:
        c = self.source.cover
        for _ in range(8):
            self.doc.add_paragraph()
        p = self.doc.add_paragraph()
        run = p.add_run(c.board)
        run.bold, run.font.size, run.font.color.rgb = True, Pt(15), ACCENT
        if c.board_other:
            p = self.doc.add_paragraph()
            run = p.add_run(c.board_other)
            run.font.size, run.font.color.rgb = Pt(12), ACCENT
            _set_language(run._r, LANGUAGE_TAGS.get(c.board_other_lang or "", self.lang))
        self.paragraph("Title", c.title)
        if c.subtitle:
            self.paragraph("Subtitle", c.subtitle)
        self.page_break()

    def contents(self) -> None:
        """A table of contents field Word fills in with page numbers when the file is opened; until then it
        lists the headings it will hold."""
        self.paragraph("TOC Heading" if "TOC Heading" in self.style_ids else "Heading 1", self.source.words["contents"])
        p = self.doc.add_paragraph()
        _field(p, 'TOC \\o "1-2" \\h \\z \\u', [b.text for b in self.source.blocks
                                                if isinstance(b, Heading) and b.outlined and b.level <= 2])
        settings = self.doc.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)
        self.page_break()

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # --- blocks ---------------------------------------------------------------------------------

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            p = self.paragraph(f"Heading {min(block.level, 9)}", block.text)
            if block.lang:
                for run in p.runs:
                    _set_language(run._r, LANGUAGE_TAGS.get(block.lang, block.lang))
        elif isinstance(block, Paragraph):
            p = self.doc.add_paragraph()
            self.runs(p, block.runs, block.lang)
            if block.style == "note":
                for run in p.runs:
                    run.font.size = Pt(9)
        elif isinstance(block, ListBlock):
            self.list(block, 1)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Notes):
            for note in block.notes:
                self.note(note)
        elif isinstance(block, PageBreak):
            self.page_break()

    def runs(self, paragraph, runs: list[Run], lang: str | None = None) -> None:
        for r in runs:
            run = paragraph.add_run(r.text)
            if r.bold:
                run.bold = True
            if r.italic:
                run.italic = True
            if lang:
                _set_language(run._r, LANGUAGE_TAGS.get(lang, lang))

    def list(self, block: ListBlock, depth: int) -> None:
        base = "List Number" if block.ordered else "List Bullet"
        style = base if depth == 1 else f"{base} {min(depth, 3)}"
        # Word numbers every paragraph of a numbered style as one list, running on from the last: each numbered
        # list starts again at its own first number.
        numbering = self.numbering(style, block.start) if block.ordered else None
        for n, item in enumerate(block.items, block.start):
            first = True
            for part in item.body:
                if isinstance(part, Paragraph) and first:
                    p = self.paragraph(style)
                    if numbering is not None:
                        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
                        num_pr.get_or_add_ilvl().val = 0
                        num_pr.get_or_add_numId().val = numbering
                    # Word numbers a list itself; the source's own number is kept as written in the text.
                    self.runs(p, part.runs, part.lang or block.lang)
                    first = False
                elif isinstance(part, ListBlock):
                    self.list(part, depth + 1)
                else:
                    self.block(part)

    def numbering(self, style: str, start: int) -> int | None:
        """A numbering of its own for one list, starting at `start`, in the look of the style's numbering."""
        num_pr = self.doc.styles[style].element.pPr.numPr if self.doc.styles[style].element.pPr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        definitions = self.doc.part.numbering_part.element
        abstract = definitions.num_having_numId(num_pr.numId.val).abstractNumId.val
        num = definitions.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return num.numId

    def table(self, block: Table) -> None:
        if block.landscape:
            self.orientation(landscape=True)
        caption = self.paragraph("Caption", block.caption)
        if block.caption_lang and caption.runs:
            _set_language(caption.runs[0]._r, LANGUAGE_TAGS.get(block.caption_lang, block.caption_lang))
        table = self.doc.add_table(rows=1, cols=len(block.columns))
        table._tbl.tblStyle_val = self.style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        size = Pt(8) if block.small else Pt(9.5)
        header = table.rows[0]
        _repeat_header(header)
        for cell, name in zip(header.cells, block.columns):
            cell.text = ""
            run = cell.paragraphs[0].add_run(name)
            run.bold, run.font.size = True, size
            _shade(cell, "1D4F91")
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        text_style = self.style_ids["Table Text Small" if block.small else "Table Text"]
        for values in block.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values):
                first = True
                for line in value.lines or [[]]:
                    p = cell.paragraphs[0] if first else cell.add_paragraph()
                    p._p.style = text_style
                    first = False
                    self.runs(p, [Run(r.text, r.bold or value.strong, r.italic, r.link) for r in line], block.lang)
                    if value.numeric:
                        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if value.mark:
                    mark = cell.paragraphs[-1].add_run(" " + value.mark)
                    mark.bold, mark.font.color.rgb = True, FLAG
        for note in block.notes:
            self.note(note)
        if block.landscape:
            self.orientation(landscape=False)

    def note(self, note: Note) -> None:
        p = self.doc.add_paragraph()
        head = p.add_run(f"{note.mark} {note.label}: ")
        head.bold, head.font.color.rgb = True, FLAG
        if note.as_written:
            p.add_run(note.as_written + " ")
        text = p.add_run(note.text)
        if note.lang:
            _set_language(text._r, LANGUAGE_TAGS.get(note.lang, note.lang))
        for run in p.runs:
            run.font.size = Pt(8.5)

    def orientation(self, landscape: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        long, short = Cm(29.7), Cm(21.0)
        section.page_width, section.page_height = (long, short) if landscape else (short, long)

    # --- the file -------------------------------------------------------------------------------

    def finish(self) -> bytes:
        raw = io.BytesIO()
        self.doc.save(raw)
        return _fixed_zip(raw.getvalue(), self.source.date)


def _set_language(element, tag: str) -> None:
    """The language of a style or run (w:lang), which Word's proofing and screen readers use."""
    rpr = element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def _repeat_header(row) -> None:
    """A header row Word repeats at the top of each page, and that screen readers announce as the header."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _shade(cell, colour: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), colour)
    tcpr.append(shade)


def _field(paragraph, instruction: str, placeholder: list[str]) -> None:
    """A Word field (here the table of contents) with a result shown until Word updates it."""
    def char(kind: str):
        run = OxmlElement("w:r")
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run.append(fld)
        return run

    p = paragraph._p
    p.append(char("begin"))
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    instr_run.append(instr)
    p.append(instr_run)
    p.append(char("separate"))
    for n, text in enumerate(placeholder):
        run = OxmlElement("w:r")
        if n:
            run.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.text = text
        run.append(t)
        p.append(run)
    p.append(char("end"))


def _fixed_zip(data: bytes, date: tuple[int, int, int]) -> bytes:
    """The .docx package again with every member dated `date`: python-docx stamps the time of saving."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(*date, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
