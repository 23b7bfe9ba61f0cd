"""Every public page type looks right at every common width, in German and in English: no
text drawn on other text, nothing sticking out of the window outside its own scroll box, no
page that scrolls sideways (WCAG 1.4.10 Reflow at 320 px). What counts as a fault is
measured in the browser (tests/browser/layout.py)."""

import pytest

from tests.browser.layout import layout_problems

PAGES = [
    "/", "/status/", "/methodik/", "/impressum/", "/datenschutz/", "/barrierefreiheit/",
    "/leichte-sprache/", "/daten/",
    "/nrw/2019/", "/nrw/2-0/", "/musterstadt/2024/", "/nrw/2019/?stand=2020-06-30",
    "/nrw/2019/ziele/", "/nrw/2019/ziele/?status=achieved&horizon=short",
    "/nrw/2019/ziele/19-07/", "/nrw/2-0/ziele/20-12/", "/musterstadt/2024/ziele/M-03/",
    "/nrw/2019/handlungsfelder/k5-3/", "/nrw/2019/einheiten/mwide/", "/nrw/2-0/massnahmen/",
    "/nrw/indikatoren/wagniskapital/", "/musterstadt/indikatoren/glasfaser-quote/",
    "/nrw/2-0/vergleich/", "/nrw/2019/bilanz/", "/vergleich/?q=Glasfaser",
    "/beteiligung/", "/beteiligung/musterstadt-2027/",
    "/beteiligung/musterstadt-2027/vorschlaege/", "/beteiligung/anmelden/",
]
WIDTHS = [320, 768, 1280, 1920]
# the review report is a German document (also printed as PDF) at either address
GERMAN_ONLY = {"/nrw/2019/bilanz/"}


def address(url: str, language: str) -> str:
    """The page's address in a language: German keeps its address, English is under /en/."""
    return url if language == "de" else "/en" + url


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_public_page_type_fits_every_width(demo_live, page, language):
    found = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for url in PAGES:
            response = page.goto(demo_live.url + address(url, language))
            assert response.status == 200, address(url, language)
            expected = "de" if url in GERMAN_ONLY else language
            assert page.locator("html").get_attribute("lang") == expected, url
            problems = layout_problems(page)
            if problems:
                found[f"{width} px {address(url, language)}"] = problems
    assert found == {}


def test_the_check_sees_overlap_and_sideways_scrolling(demo_live, page):
    """The measure itself: a table forced wider than a narrow window, and a number moved onto
    the text beside it, are both reported."""
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(demo_live.url + "/nrw/2019/ziele/")
    assert layout_problems(page) == []
    page.evaluate("""() => {
        const box = document.querySelector('.scroll');
        box.classList.remove('scroll'); box.style.overflow = 'visible';
        box.querySelector('table').style.minWidth = '900px';
    }""")
    problems = layout_problems(page)
    assert any(p.startswith("page scrolls sideways") for p in problems), problems
    assert any(p.startswith("sticks out") for p in problems), problems
    page.goto(demo_live.url + "/nrw/2019/ziele/")
    page.evaluate("""() => {
        const h = document.querySelector('h1');
        const p = document.createElement('p');
        p.textContent = '44 %';
        p.style.cssText = 'position: absolute; margin: 0; font-size: 2rem;';
        const r = h.getBoundingClientRect();
        p.style.left = (r.left + 4) + 'px'; p.style.top = (r.top + window.scrollY) + 'px';
        document.body.appendChild(p);
    }""")
    assert any(p.startswith("text on text") for p in layout_problems(page))
