"""Reads a PDF or a text file into pages of text, refusing bad input with a clear message.

PDF text comes from pypdfium2 (fast, Apache/BSD licensed; PyMuPDF is AGPL),
page by page, so a 2,000-page file needs memory for one page at a time.
Text files are UTF-8 or a legacy encoding that charset-normalizer detects.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from leitstand.ingest.errors import IngestError

MAX_TEXT_BYTES = 50 * 1024 * 1024


@dataclass
class Page:
    number: int
    text: str
    # PDF only: one `Layout` (or None for a blank line) per line of `text`, and the page size.
    layout: list = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0


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


_LETTERS = set("äöüÄÖÜßéèêàâçëïôûîñÉÈÀÇ")


def _plausibility(text: str) -> int:
    """How well a decoding reads as Western European text: its accented letters count for
    it; other letters ("õ" for "ä"), and signs standing inside a word ("M÷glich", "M„nner"),
    count against it."""
    score = -2 * text.count("\x00")  # a wide encoding read byte by byte
    for i, char in enumerate(text):
        if ord(char) < 128:
            continue
        if char in _LETTERS:
            score += 1
        elif char.isalpha():
            score -= 1
        elif 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            score -= 2
        elif not char.isprintable():
            score -= 2
    return score


def decode(raw: bytes, name: str = "input") -> str:
    """UTF-8 where the bytes are UTF-8; otherwise a legacy encoding. Short texts give a
    detector little to go on (it took short Latin-1 German for a DOS code page), so the
    usual Western encoding, cp1252, is taken unless another decoding reads clearly better."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    candidates = []
    for encoding in ("cp1252", "latin-1"):
        try:
            candidates.append(raw.decode(encoding))
            break
        except UnicodeDecodeError:
            continue
    best = from_bytes(raw).best()
    if best is not None:
        candidates.append(str(best))
    if not candidates:
        raise IngestError(f"{name}: the text encoding cannot be recognised")
    # max() keeps the first of equals: cp1252 wins unless the detector's reading is better.
    return max(candidates, key=_plausibility)


def _read_text(path: Path, max_pages: int | None) -> Source:
    raw = path.read_bytes()
    text = decode(raw, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(f"{path}: contains no text")
    fmt = "markdown" if is_markdown(text, path.suffix) else "text"
    chunks = text.split("\f")
    has_pages = len(chunks) > 1
    if max_pages:
        chunks = chunks[:max_pages]
    pages = [Page(i + 1, chunk) for i, chunk in enumerate(chunks)]
    return Source(str(path), hashlib.sha256(raw).hexdigest(), fmt, pages,
                  len(pages) if has_pages else None)


_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_MD_SETEXT = re.compile(r"^\S.*\n(?:=+|-{3,})[ \t]*$", re.M)


def is_markdown(text: str, suffix: str = "") -> bool:
    """A Markdown file by its name, or a text with several `#` or underlined headings."""
    if suffix.lower() in (".md", ".markdown"):
        return True
    return len(_MD_HEADING.findall(text, 0, 200000)) + \
        len(_MD_SETEXT.findall(text, 0, 200000)) >= 3


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
    from leitstand.ingest.layout import page_lines

    for index in range(limit):
        page = pdf[index]
        textpage = page.get_textpage()
        try:
            width, height = page.get_size()
            text, layout = page_lines(textpage, height)
        finally:
            textpage.close()
            page.close()
        yield Page(index + 1, text, layout, width, height)
