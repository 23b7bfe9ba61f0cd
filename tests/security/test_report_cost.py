"""Also seen in issue 20: the public PDF report could be made to skip the cache, at up to
1.4 s of CPU per anonymous request. It is rendered once per data version (whatever else the
address carries) and renderings are rate-limited per address."""

from django.core.cache import cache
from django.urls import reverse

from leitstand.core import rate_limits
from leitstand.reports import views

URL = reverse("reports:report", args=["nrw", "2019"])


def test_the_pdf_is_rendered_once_per_data_version(client, db, monkeypatch):
    cache.clear()
    rendered = []
    monkeypatch.setattr(views, "render_report",
                        lambda edition, fmt, stand: rendered.append(fmt) or b"%PDF-1.7 test")
    for i in range(5):
        response = client.get(URL, {"format": "pdf", "x": i}, HTTP_COOKIE=f"sessionid=x{i}")
        assert response.status_code == 200 and response.content == b"%PDF-1.7 test"
    assert rendered == ["pdf"]


def test_renderings_are_rate_limited_per_address(client, db, monkeypatch):
    cache.clear()
    monkeypatch.setattr(views, "render_report", lambda edition, fmt, stand: b"%PDF-1.7")
    allowed = rate_limits.LIMITS["report-render"][0]
    for day in range(allowed):  # every request a different day: a rendering each
        assert client.get(URL, {"format": "pdf", "stand": f"2020-01-{day + 1:02d}"}
                          ).status_code == 200
    response = client.get(URL, {"format": "pdf", "stand": "2020-02-01"})
    assert response.status_code == 429 and "Retry-After" in response
    # what is rendered already is still served
    assert client.get(URL, {"format": "pdf", "stand": "2020-01-01"}).status_code == 200
