"""One language per page, and a catalogue that is complete.

The German catalogue (django.po) is the source people edit: no message may be untranslated
or fuzzy. A German page may not hold a known English UI string, nor an English page a known
German one – outside the parts marked with another `lang` (a German strategy's own texts on
an English page carry lang="de")."""

import pathlib
import re
from html.parser import HTMLParser

import polib
import pytest

import leitstand

PO = pathlib.Path(leitstand.__file__).parent / "locale/de/LC_MESSAGES/django.po"

PAGES = [
    "/", "/status/", "/methodik/", "/impressum/", "/datenschutz/", "/barrierefreiheit/",
    "/nrw/2019/", "/nrw/2-0/", "/musterstadt/2024/", "/nrw/2019/ziele/",
    "/nrw/2019/ziele/19-07/", "/nrw/2-0/ziele/20-12/", "/musterstadt/2024/ziele/M-03/",
    "/musterstadt/2024/ziele/M-05/", "/nrw/2019/handlungsfelder/k5-3/",
    "/nrw/2019/einheiten/mwide/", "/nrw/2-0/massnahmen/", "/nrw/indikatoren/wagniskapital/",
    "/nrw/2-0/vergleich/", "/vergleich/?q=Glasfaser", "/beteiligung/",
    "/beteiligung/musterstadt-2027/", "/beteiligung/anmelden/", "/daten/", "/api/v1/docs",
]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Text(HTMLParser):
    """The visible text of a page that is in the page's own language."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None, bool]] = []  # tag, lang, skipped
        self.parts: list[str] = []
        self.page_language = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page_language = attrs.get("lang")
        if tag in VOID:
            return
        lang = attrs.get("lang") or (self.stack[-1][1] if self.stack else None)
        skipped = tag in ("script", "style", "code", "pre") or bool(
            self.stack and self.stack[-1][2])
        self.stack.append((tag, lang, skipped))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.stack and not self.stack[-1][2] and self.stack[-1][1] == self.page_language:
            self.parts.append(data)


def own_language_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def _phrases():
    """(English, German) UI phrases of two words or more that differ between the languages."""
    pairs = []
    for entry in polib.pofile(str(PO)):
        if entry.msgid_plural or "%" in entry.msgid or "{" in entry.msgid:
            continue
        english, german = entry.msgid.strip(), entry.msgstr.strip()
        if english != german and len(english.split()) >= 2 and len(german.split()) >= 2:
            pairs.append((english, german))
    return pairs


def test_the_catalogue_has_no_untranslated_or_fuzzy_message():
    po = polib.pofile(str(PO))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy
    assert po.percent_translated() == 100


def test_the_compiled_catalogue_matches_the_source():
    """django.mo is what Django reads: it must hold every translation of django.po."""
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(PO.with_suffix(".mo")))}
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(PO)) if not e.msgid_plural}
    assert {k: v for k, v in source.items() if compiled.get(k) != v} == {}


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_page_mixes_the_languages(client, db, language):
    phrases = _phrases()
    found = {}
    for url in PAGES:
        address = url if language == "de" else "/en" + url
        response = client.get(address)
        assert response.status_code == 200, address
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, address
        text = own_language_text(html)
        foreign = [english if language == "de" else german for english, german in phrases
                   if re.search(r"(?<!\w)" + re.escape(english if language == "de" else german)
                                + r"(?!\w)", text)]
        if foreign:
            found[address] = foreign
    assert found == {}


def test_the_check_sees_a_foreign_phrase():
    english_on_german = '<html lang="de"><body><p>Ziele nach Status – Goals by published status</p>'
    assert "Goals by published status" in own_language_text(english_on_german)
    marked = '<html lang="en"><body><p>Goals: <span lang="de">Ziele nach Status</span></p>'
    assert "Ziele" not in own_language_text(marked)
