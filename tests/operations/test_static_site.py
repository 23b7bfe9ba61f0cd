"""`leitstand build-site` renders a published edition to static files without a broken link."""

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms, self.ids = [], 0, set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.forms += tag == "form"
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def _crawl(folder: Path):
    """Every link of every page, resolved in the folder: returns the broken ones."""
    broken, pages = [], 0
    parsed = {}
    for page in folder.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
        pages += 1
    for page, parser in parsed.items():
        assert parser.forms == 0, page
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            assert not link.startswith("/"), (page, link)  # relative links only
            if not parts.path:  # an anchor on the same page
                if parts.fragment and parts.fragment not in parser.ids:
                    broken.append((str(page), link))
                continue
            target = Path(posixpath.normpath(page.parent / parts.path))
            if not target.is_file():
                broken.append((str(page), link))
            elif parts.fragment and target in parsed and parts.fragment not in parsed[target].ids:
                broken.append((str(page), link))
    return pages, broken


@pytest.mark.slow
def test_the_static_site_of_an_edition_has_no_broken_link(db, tmp_path):
    call_command("build_site", str(tmp_path), "--edition", "nrw/2019")
    pages, broken = _crawl(tmp_path)
    assert pages > 50 and not broken, broken[:10]
    goal = (tmp_path / "nrw/2019/ziele/19-07/index.html").read_text()
    assert "Wagniskapital" in goal
    assert 'href="../../../../static/leitstand/site.css"' in goal
    # the downloads lie beside it
    for name in ("goals.csv", "datapackage.json", "leitstand.xlsx", "dcat.jsonld"):
        assert (tmp_path / "daten" / name).is_file()
    # the overview's counts link to the filtered goal lists, rendered as files
    overview = (tmp_path / "nrw/2019/index.html").read_text()
    assert "ziele/index--" in overview
    # what a static copy cannot do is gone: no participation, no editors' login
    assert "/beteiligung/" not in overview and "/admin/" not in overview


@pytest.mark.slow
def test_with_the_live_address_the_rest_links_to_the_live_site(db, tmp_path):
    call_command("build_site", str(tmp_path), "--edition", "musterstadt/2024",
                 "--site-url", "https://leitstand.example")
    page = (tmp_path / "musterstadt/2024/index.html").read_text()
    assert 'href="https://leitstand.example/beteiligung/"' in page
    assert "http://testserver" not in (tmp_path / "daten/dcat.jsonld").read_text()
    assert not _crawl(tmp_path)[1]


def test_the_hyphenated_command_name_works(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "leitstand", "build-site", "--help"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "--site-url" in out.stdout
