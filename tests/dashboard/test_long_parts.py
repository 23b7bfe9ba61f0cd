"""The long parts of the dashboard pages – the goal tables and the stacked status bars, drawn
in Python (dashboard.render) – as a reader checks them: what editors typed is shown as typed
and never run, every row links to its goal on the same day, every bar segment counts the goals
it links to, and a page renders the same few templates however many goals and bars it has."""

import re
from html.parser import HTMLParser

import pytest
from django.test.signals import template_rendered

from leitstand.register.models import Edition, Goal, Organisation, Section

GOALS = "/nrw/2019/ziele/"
DAY = "2021-03-01"


class _Page(HTMLParser):
    """The goal table's rows (cells' text, links, `lang` of the title) and the bars' legends
    (link and text of each entry) and SVG links, as a reader or a screen reader meets them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.rows, self.legends, self.segment_links = [], [], []
        self._in_goals = self._in_legend = self._in_svg = False
        self._row = self._cell = self._entry = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "table" and "goals" in classes:
            self._in_goals = True
        elif tag == "tr" and self._in_goals:
            self._row = {"cells": [], "links": [], "langs": [], "overdue": False}
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "a" and self._row is not None:
            self._row["links"].append(a["href"])
        elif tag == "span" and self._row is not None and "lang" in a:
            self._row["langs"].append(a["lang"])
        elif tag == "strong" and self._row is not None and "overdue" in classes:
            self._row["overdue"] = True
        elif tag == "ul" and "legend" in classes:
            self._in_legend = True
            self.legends.append([])
        elif tag == "a" and self._in_legend:
            self._entry = [a["href"], ""]
        elif tag == "svg" and "stack" in classes:
            self._in_svg = True
            self.segment_links.append([])
        elif tag == "a" and self._in_svg:
            self.segment_links[-1].append(a["href"])

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_goals = False
        elif tag == "td" and self._cell is not None:
            self._row["cells"].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row["cells"]:
                self.rows.append(self._row)
            self._row = None
        elif tag == "ul":
            self._in_legend = False
        elif tag == "a" and self._entry is not None:
            self.legends[-1].append(tuple(self._entry))
            self._entry = None
        elif tag == "svg":
            self._in_svg = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._entry is not None:
            self._entry[1] += data


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), _Page(response.content.decode())


def test_goal_table_shows_what_editors_typed_as_text_never_as_markup(client, db):
    edition = Edition.objects.get(strategy__slug="nrw", slug="2019")
    section = Section.objects.filter(edition=edition, slug="k5-3").get()
    unit = Organisation.objects.create(slug="amt-x", name="Amt X", short_name='<b>Amt</b> "X"')
    title = '<script>alert("x")</script> Ziel "mit" Anführungszeichen & <i>Co</i>'
    goal = Goal.objects.create(edition=edition, section=section, code="x-1", title=title)
    goal.responsible_units.add(unit)
    for url in (GOALS, "/nrw/2019/handlungsfelder/k5-3/", "/nrw/2019/einheiten/amt-x/"):
        html, page = _page(client, url)
        assert "<script>alert" not in html and "<b>Amt</b>" not in html and "<i>Co" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
        row = next(r for r in page.rows if r["cells"][0].startswith("x-1"))
        assert row["cells"][0] == f"x-1 {title}"  # read as typed
        assert row["cells"][1] == '<b>Amt</b> "X"'
        assert row["links"] == ["/nrw/2019/ziele/x-1/"] and row["langs"] == ["de"]


def test_goal_table_rows_link_each_goal_on_the_day_shown(client, db):
    codes = set(Goal.objects.filter(edition__strategy__slug="nrw", edition__slug="2019")
                .values_list("code", flat=True))
    for prefix in ("", "/en"):
        _, today = _page(client, prefix + GOALS)
        _, past = _page(client, f"{prefix}{GOALS}?stand={DAY}")
        assert {r["links"][0] for r in today.rows} == {
            f"{prefix}{GOALS}{code}/" for code in codes}
        assert {r["links"][0] for r in past.rows} == {
            f"{prefix}{GOALS}{code}/?stand={DAY}" for code in codes}
    goal = client.get(next(r for r in past.rows)["links"][0])
    assert goal.status_code == 200 and goal.context["stand"].isoformat() == DAY


def test_goal_table_marks_overdue_goals_and_says_when_none_match_in_the_pages_language(
        client, db):
    for prefix, overdue, none, status in (("", "überfällig", "Keine Ziele gefunden.", "verfehlt"),
                                          ("/en", "overdue", "No goals match.", "missed")):
        html, page = _page(client, f"{prefix}{GOALS}?overdue=1")
        assert page.rows and all(r["overdue"] and r["cells"][2].endswith(overdue)
                                 for r in page.rows)
        assert any(status in r["cells"][3] for r in page.rows)
        assert re.search(r'\d{1,2}\.\d{1,2}\.\d{4} <strong class="overdue">'
                         if not prefix else r'\d <strong class="overdue">', html)
        _, empty = _page(client, f"{prefix}{GOALS}?q=zzzz-nothing")
        assert [r["cells"] for r in empty.rows] == [[none]]


@pytest.mark.parametrize("stand", ["", DAY])
def test_every_bar_segment_counts_the_goals_it_links_to(client, db, stand):
    query = f"?stand={stand}" if stand else ""
    _, page = _page(client, "/nrw/2019/" + query)
    assert len(page.legends) > 10  # published status, assessors, fields of action, units
    # the published status: its segments add up to all goals of the edition
    total = Goal.objects.filter(edition__strategy__slug="nrw", edition__slug="2019").count()
    assert sum(int(re.search(r": (\d+)", text)[1]) for _, text in page.legends[0]) == total
    bars = list(zip(page.legends, page.segment_links, strict=True))
    for legend, svg in bars[:4] + bars[-3:]:  # assessors, fields of action, units
        assert [href for href, _ in legend] == svg  # the SVG and the legend link alike
        for href, text in legend:
            assert href.startswith(GOALS + "?") and (f"stand={stand}" in href) == bool(stand)
            count = int(re.search(r": (\d+)\xa0\(\d+\xa0%\)$", text)[1])
            _, listed = _page(client, href)
            assert len(listed.rows) == count, (href, text)


def _templates_rendered(client, url):
    names = []

    def seen(sender, template, **kwargs):
        names.append(template.name)
    template_rendered.connect(seen, dispatch_uid="count-templates")
    try:
        assert client.get(url).status_code == 200
    finally:
        template_rendered.disconnect(dispatch_uid="count-templates")
    return names


def test_pages_render_as_many_templates_however_many_goals_and_bars(client, db):
    edition = Edition.objects.get(strategy__slug="nrw", slug="2019")
    pages = ["/nrw/2019/", GOALS, "/"]
    before = {url: _templates_rendered(client, url) for url in pages}
    for i in range(12):  # twelve more goals, each in a field of action and unit of its own
        section = Section.objects.create(edition=edition, slug=f"neu-{i}", title=f"Feld {i}",
                                         is_field_of_action=True, order=100 + i)
        goal = Goal.objects.create(edition=edition, section=section, code=f"n-{i}",
                                   title=f"Neues Ziel {i}")
        goal.responsible_units.add(Organisation.objects.create(slug=f"neu-{i}", name=f"Amt {i}"))
    html = client.get("/nrw/2019/").content.decode()
    assert "Feld 11" in html and "Amt 11" in html  # twelve more small bars of each kind
    for url in pages:
        assert _templates_rendered(client, url) == before[url], url
