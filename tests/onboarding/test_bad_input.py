"""Bad uploads are refused early with a clear message, without filling memory or disk."""

import io
import zipfile

import pytest
from django.urls import reverse

from leitstand.onboarding import jobs
from leitstand.onboarding.models import Upload
from leitstand.register import models as m
from tests.ingest.make_pdf import write_pdf, write_scanned_pdf


def _refusal(response) -> str:
    page = response.content.decode()
    assert 'id="refused"' in page, page[:3000]
    start = page.index('id="refused"')
    return page[start:page.index("</p>", start)]


def test_a_zip_bomb_is_refused_by_its_first_bytes(upload_file, upload_dir):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("strategie.txt", b"0" * 200_000_000)  # 200 MB unpacked
    assert len(bomb.getvalue()) < 400_000
    for name in ("strategie.pdf", "strategie.txt"):
        response = upload_file(name, bomb.getvalue())
        assert response.status_code == 200
        assert "ZIP-Archiv" in _refusal(response)
    assert not Upload.objects.exists()
    assert not upload_dir.exists() or not list(upload_dir.iterdir())


def test_an_announced_500_mb_body_is_refused_before_it_is_read(admin_client, upload_dir):
    class Endless(io.RawIOBase):
        read_bytes = 0

        def readinto(self, buffer):
            self.read_bytes += len(buffer)
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    body = Endless()
    response = admin_client.generic("POST", reverse("onboarding:uploads"), data=b"",
                                    content_type="multipart/form-data; boundary=xyz",
                                    CONTENT_LENGTH=str(500 * 2**20), **{"wsgi.input": body})
    assert response.status_code == 413
    assert "größer als 50 MB" in _refusal(response)
    assert body.read_bytes == 0
    assert not Upload.objects.exists()


def test_a_body_longer_than_announced_stops_at_the_limit(admin_client, settings, upload_dir,
                                                         seed_path):
    settings.LEITSTAND_UPLOAD_MAX_MB = 1
    big = seed_path.read_bytes() * 40  # over 2 MB of real text
    assert len(big) > 2 * 2**20
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin_client.post(reverse("onboarding:uploads"), {
        "strategy": m.Strategy.objects.get(slug="nrw").pk, "edition_label": "2.1",
        "file": SimpleUploadedFile("gross.txt", big)})
    assert "größer als 1 MB" in _refusal(response)
    assert not Upload.objects.exists()


def test_a_pdf_with_20000_pages_is_refused_before_any_text_is_read(upload_file, tmp_path,
                                                                   upload_dir):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(20_000):
        pdf.new_page(200, 200)
    path = tmp_path / "lang.pdf"
    pdf.save(str(path))
    pdf.close()
    response = upload_file("lang.pdf", path.read_bytes())
    assert "20.000 Seiten; gelesen werden höchstens 1000" in _refusal(response)
    assert not Upload.objects.exists() and not list(upload_dir.iterdir())


def test_markup_in_the_file_name_is_shown_as_text_and_never_used_on_disk(admin_client,
                                                                         upload_file, seed_path,
                                                                         upload_dir):
    name = '<img src=x onerror=alert(1)>../../etc/"strategie".txt'
    response = upload_file(name, seed_path.read_bytes())
    upload = Upload.objects.get()
    assert upload.original_name == '"strategie".txt'  # no path, no folders
    assert [p.name for p in upload_dir.iterdir()] == [upload.stored_name]
    page = admin_client.get(response["Location"]).content.decode()
    assert "<img" not in page and "&quot;strategie&quot;.txt" in page
    upload_file("<svg onload=alert(1)>.txt", seed_path.read_bytes(), label="2.2")
    listing = admin_client.get(reverse("onboarding:uploads")).content.decode()
    assert "<svg" not in listing and "&lt;svg onload=alert(1)&gt;.txt" in listing


@pytest.mark.parametrize("name,content,reason", [
    ("strategie.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG-Bild"),
    ("strategie.pdf", b"Nur Text, kein PDF.", "heißt .pdf, ist aber kein PDF"),
    ("strategie.txt", b"%PDF-1.7\n%%EOF", "heißt .txt, ist aber ein PDF"),
    ("strategie.docx", b"Text", "Nur PDF-, Text- (.txt) und Markdown-Dateien"),
    ("strategie.txt", bytes(range(256)) * 20, "Binärdaten"),
    ("strategie.md", b"", "leer"),
])
def test_a_file_that_is_not_what_its_name_says_is_refused(upload_file, upload_dir, name,
                                                         content, reason):
    assert reason in _refusal(upload_file(name, content))
    assert not Upload.objects.exists()
    assert not upload_dir.exists() or not list(upload_dir.iterdir())


def test_encrypted_and_damaged_pdfs_are_refused_at_the_upload(upload_file, tmp_path):
    write_pdf(tmp_path / "enc.pdf", 2, encrypt="geheim")
    assert "verschlüsselt" in _refusal(upload_file("enc.pdf", (tmp_path / "enc.pdf")
                                                   .read_bytes()))
    write_pdf(tmp_path / "ok.pdf", 3)
    good = (tmp_path / "ok.pdf").read_bytes()
    assert "beschädigt" in _refusal(upload_file("kaputt.pdf", good[: len(good) // 3]))


def test_a_scanned_pdf_gets_the_ingests_reason_on_the_progress_page(admin_client, upload_file,
                                                                    tmp_path, upload_dir):
    write_scanned_pdf(tmp_path / "scan.pdf")
    response = upload_file("scan.pdf", (tmp_path / "scan.pdf").read_bytes())
    jobs.work(once=True)
    upload = Upload.objects.get()
    assert upload.state == Upload.FAILED
    assert upload.error == "the PDF has no text layer (scanned?); run OCR first"
    page = admin_client.get(response["Location"]).content.decode()
    assert "das PDF hat keine Textebene (gescannt?); erst mit OCR erkennen" in page
    assert not list(upload_dir.iterdir())  # nothing kept of a refused file


def test_a_pdf_that_needs_too_much_memory_ends_the_child_not_the_worker(upload_file, tmp_path,
                                                                       settings, upload_dir):
    settings.LEITSTAND_INGEST_MEMORY_MB = 64  # below what the reader needs to start
    write_pdf(tmp_path / "ok.pdf", 3)
    upload_file("ok.pdf", (tmp_path / "ok.pdf").read_bytes())
    assert jobs.work(once=True) == 1
    upload = Upload.objects.get()
    assert upload.state == Upload.FAILED
    assert upload.error == "the file needs more memory than allowed when unpacked"


def test_the_upload_still_checks_the_csrf_token(roles, seed_path):
    """The upload handler is set before the body is read, so the view is CSRF-exempt outside
    and checks the token inside."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from tests.conftest import staff_login

    client = Client(enforce_csrf_checks=True)
    staff_login(client, roles["strategy_admin"])
    response = client.post(reverse("onboarding:uploads"), {
        "strategy": m.Strategy.objects.get(slug="nrw").pk, "edition_label": "2.1",
        "file": SimpleUploadedFile("s.txt", seed_path.read_bytes())})
    assert response.status_code == 403
    assert not Upload.objects.exists()
