"""Reads a PDF or a text file into pages of text, refusing bad input with a clear message.

PDF text comes from pypdfium2 (fast, Apache/BSD licensed; PyMuPDF is AGPL),
page by page, so a 2,000-page file needs memory for one page at a time.
Text files are UTF-8 or a legacy encoding that charset-normalizer detects.
"""

from __future__ import annotations

import ctypes
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from leitstand.ingest.errors import IngestError

MAX_TEXT_BYTES = 50 * 1024 * 1024


@dataclass
class Page:
    number: int
    text: str
    heading_sizes: dict = field(default_factory=dict)  # line text -> (size, weight), PDF only


@dataclass
class Source:
    path: str
    sha256: str
    format: str
    pages: list[Page]
    page_count: int | None


def sniff(head: bytes) -> str:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def read(path: str | Path, max_pages: int | None = None) -> Source:
    path = Path(path)
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if path.is_dir():
        raise IngestError(f"{path}: is a folder, not a document")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror})") from None
    if size == 0:
        raise IngestError(f"{path}: the file is empty")
    kind = sniff(head)
    if kind == "binary":
        raise IngestError(f"{path}: is neither a PDF nor text (binary data)")
    if kind == "pdf":
        return _read_pdf(path, max_pages)
    if path.suffix.lower() == ".pdf":
        raise IngestError(f"{path}: is named .pdf but is not a PDF")
    if size > MAX_TEXT_BYTES:
        raise IngestError(f"{path}: text files over {MAX_TEXT_BYTES // 2**20} MB are refused")
    return _read_text(path, max_pages)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def decode(raw: bytes, name: str = "input") -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise IngestError(f"{name}: the text encoding cannot be recognised")
    return str(best)


def _read_text(path: Path, max_pages: int | None) -> Source:
    raw = path.read_bytes()
    text = decode(raw, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(f"{path}: contains no text")
    chunks = text.split("\f")
    has_pages = len(chunks) > 1
    if max_pages:
        chunks = chunks[:max_pages]
    pages = [Page(i + 1, chunk) for i, chunk in enumerate(chunks)]
    return Source(str(path), hashlib.sha256(raw).hexdigest(), "text", pages,
                  len(pages) if has_pages else None)


def _read_pdf(path: Path, max_pages: int | None) -> Source:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise IngestError(f"{path}: the PDF is encrypted; decrypt it first") from None
        raise IngestError(f"{path}: the PDF is damaged or incomplete ({exc})") from None
    try:
        count = len(pdf)
        limit = min(count, max_pages) if max_pages else count
        pages = list(iter_pdf_pages(pdf, limit))
    finally:
        pdf.close()
    if not any(p.text.strip() for p in pages):
        raise IngestError(f"{path}: the PDF has no text layer (scanned?); run OCR first")
    return Source(str(path), sha256_of(path), "pdf", pages, limit)


def iter_pdf_pages(pdf, limit: int) -> Iterator[Page]:
    import pypdfium2.raw as pdfium_c

    for index in range(limit):
        page = pdf[index]
        textpage = page.get_textpage()
        try:
            # pdfium marks a hyphen at a line end with U+FFFE and drops the line break there.
            text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n") \
                .replace("\ufffe", "-\n")
            sizes = _line_font_sizes(textpage, text, pdfium_c)
        finally:
            textpage.close()
            page.close()
        yield Page(index + 1, text, sizes)


def _weight(textpage, index: int, pdfium_c) -> int:
    """The font weight; pdfium reports 0 for fonts that are not embedded, whose name then
    tells ("Helvetica-Bold")."""
    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
    if weight > 0:
        return weight
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    length = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, 128, ctypes.byref(flags))
    name = buffer.raw[:max(length - 1, 0)].decode("latin-1", "replace").lower()
    return 700 if "bold" in name or "black" in name or "heavy" in name else 400


def _line_font_sizes(textpage, text: str, pdfium_c) -> dict:
    """Font size and weight of the first character of each short line: headings stand out
    by size or boldness."""
    sizes, offset = {}, 0
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) < 120:
            index = offset + (len(line) - len(line.lstrip()))
            if index < count:
                sizes[stripped] = (round(pdfium_c.FPDFText_GetFontSize(textpage.raw, index), 1),
                                   _weight(textpage, index, pdfium_c))
        offset += len(line) + 2  # pdfium ends a line with "\r\n"
    return sizes
