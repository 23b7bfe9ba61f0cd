"""Uploaded documents on disk: refused early, stored under a name the server chooses, removed
after the review or after a set time.

The request body is never held in memory beyond one chunk: `LimitedUploadHandler` writes to a
temporary file and stops the upload as soon as it passes the size limit, and a request that
announces a larger body is refused before a byte is read. The type is decided by the content
(the first bytes), never by the name or the browser's content type.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.uploadhandler import StopUpload, TemporaryFileUploadHandler
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leitstand.ingest.reader import decode, sniff

SUFFIXES = {".pdf": "pdf", ".txt": "text", ".text": "text", ".md": "markdown",
            ".markdown": "markdown"}
# What a file really is, by its first bytes, for the files people mistake for documents.
MAGIC = [
    (b"PK\x03\x04", gettext_lazy("a ZIP archive (or an Office document)")),
    (b"PK\x05\x06", gettext_lazy("a ZIP archive")),
    (b"\x1f\x8b", gettext_lazy("a gzip archive")),
    (b"BZh", gettext_lazy("a bzip2 archive")),
    (b"\xfd7zXZ\x00", gettext_lazy("an xz archive")),
    (b"7z\xbc\xaf\x27\x1c", gettext_lazy("a 7-Zip archive")),
    (b"Rar!", gettext_lazy("a RAR archive")),
    (b"\x89PNG", gettext_lazy("a PNG image")),
    (b"\xff\xd8\xff", gettext_lazy("a JPEG image")),
    (b"GIF8", gettext_lazy("a GIF image")),
    (b"\xd0\xcf\x11\xe0", gettext_lazy("an old Office document")),
    (b"{\\rtf", gettext_lazy("an RTF document")),
    (b"\x7fELF", gettext_lazy("a program")),
    (b"MZ", gettext_lazy("a program")),
]


class Refused(ValueError):
    """The one-line reason shown on the upload page."""


def max_bytes() -> int:
    return settings.LEITSTAND_UPLOAD_MAX_MB * 1024 * 1024


def upload_dir() -> Path:
    folder = Path(settings.LEITSTAND_UPLOAD_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def announced_too_large(request) -> bool:
    """A body announced larger than the limit (and the form around the file) is refused
    before it is read."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > max_bytes() + 64 * 1024


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Streams to a temporary file and stops the upload once it passes the limit (for a body
    whose length was not announced, or announced wrongly)."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = max_bytes()
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.upload_refused = "too_large"
            raise StopUpload(connection_reset=False)
        return super().receive_data_chunk(raw_data, start)


def display_name(name: str) -> str:
    """The name as the person chose it, shortened and without control characters or path;
    shown escaped, never used on disk."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip()[:120] or "document"


def kind_of(name: str, head: bytes) -> str:
    """"pdf", "text" or "markdown", decided by the content and agreeing with the name;
    else Refused with the reason."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise Refused(_("Only PDF, text (.txt) and Markdown (.md) files can be read."))
    if not head:
        raise Refused(_("The file is empty."))
    for magic, what in MAGIC:
        if head.startswith(magic):
            raise Refused(_("The file is %(what)s, not a PDF or a text.") % {"what": what})
    found = sniff(head)
    if found == "binary":
        raise Refused(_("The file is neither a PDF nor text (binary data)."))
    named = SUFFIXES[suffix]
    if found == "pdf" and named != "pdf":
        raise Refused(_("The file is named %(suffix)s but is a PDF.") % {"suffix": suffix})
    if found == "text" and named == "pdf":
        raise Refused(_("The file is named .pdf but is not a PDF."))
    return named


def check_pdf(path: Path) -> int:
    """The page count, refusing an encrypted, damaged or too long PDF before any text is read."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise Refused(_("The PDF is encrypted; decrypt it first.")) from None
        raise Refused(_("The PDF is damaged or incomplete.")) from None
    try:
        pages = len(pdf)
    finally:
        pdf.close()
    limit = settings.LEITSTAND_UPLOAD_MAX_PAGES
    if pages > limit:
        raise Refused(_("The PDF has %(pages)s pages; at most %(limit)s can be read.") % {
            "pages": f"{pages:,}".replace(",", "."), "limit": limit})
    if pages == 0:
        raise Refused(_("The PDF has no pages."))
    return pages


def check_text(path: Path) -> None:
    try:
        text = decode(path.read_bytes())
    except Exception:  # the ingest's one-line message is English; say it in the page language
        raise Refused(_("The text encoding cannot be recognised.")) from None
    if not text.strip():
        raise Refused(_("The file contains no text."))


def store(uploaded) -> tuple[str, str, int, int | None]:
    """Checks an uploaded file and moves it under a server-chosen name.
    Returns (stored name, kind, size, pages of a PDF)."""
    if uploaded.size > max_bytes():
        raise Refused(too_large_message())
    uploaded.seek(0)
    head = uploaded.read(8192)
    kind = kind_of(uploaded.name, head)
    stored = f"{uuid.uuid4().hex}.{ {'pdf': 'pdf', 'text': 'txt', 'markdown': 'md'}[kind] }"
    target = upload_dir() / stored
    uploaded.seek(0)
    with open(target, "xb") as out:
        for chunk in uploaded.chunks():
            out.write(chunk)
    target.chmod(0o600)
    try:
        pages = check_pdf(target) if kind == "pdf" else check_text(target)
    except Refused:
        target.unlink(missing_ok=True)
        raise
    return stored, kind, uploaded.size, pages


def too_large_message() -> str:
    return _("The file is larger than %(mb)s MB, the limit for uploads.") % {
        "mb": settings.LEITSTAND_UPLOAD_MAX_MB}


def remove(stored_name: str) -> None:
    if stored_name and re.fullmatch(r"[0-9a-f]{32}\.(pdf|txt|md)", stored_name):
        (upload_dir() / stored_name).unlink(missing_ok=True)
