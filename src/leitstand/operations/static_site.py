"""Renders the public dashboard of published editions to static HTML, for hosting
without Python (as Open SDG sites are hosted).

The pages are the site's own, rendered in-process and crawled from each edition's overview:
every internal link within the chosen editions (filters in the query string included) becomes
a file, links are rewritten to relative paths, and what cannot work without a server – forms,
sign-in, participation, the editors' pages – is removed or turned into plain text (or into a
link to the live site, if its address is given). The open-data downloads lie beside it.

Written by hand because no library renders a Django site this way: django-distill and
django-bakery need every URL listed in advance; here the pages themselves say what exists.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.test import Client
from django.test.utils import override_settings

from leitstand.register.models import Edition

LINK = re.compile(r'(?P<attr>href|src)="(?P<url>[^"]*)"')
ANCHOR = re.compile(r'<a\b[^>]*href="(?P<url>/[^"]*)"[^>]*>(?P<text>.*?)</a>', re.S)
FORM = re.compile(r"<form\b.*?</form>", re.S)
MAX_PAGES = 5000
EXTENSIONS = {"text/html": ".html", "text/csv": ".csv", "application/json": ".json",
              "application/ld+json": ".jsonld", "application/atom+xml": ".xml",
              "application/feed+json": ".json", "text/css": ".css"}


@dataclass
class Built:
    pages: int = 0
    files: list[str] = field(default_factory=list)


def _prefixes(editions) -> tuple[str, ...]:
    own = ["/status/", "/methodik/", "/impressum/", "/datenschutz/", "/daten/", "/static/"]
    for e in editions:
        own += [f"/{e.strategy.slug}/{e.slug}/", f"/{e.strategy.slug}/indikatoren/",
                f"/{e.strategy.slug}/feed."]
    return tuple(own)


def _wanted(url: str, prefixes) -> bool:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return False
    if "stand=" in parts.query:  # past days are the live site's: one static day only
        return False
    return parts.path == "/" or parts.path.startswith(prefixes)


def file_for(url: str, content_type: str) -> str:
    """The file a URL is written to: /a/b/ → a/b/index.html, /a/b/?x=1 → a/b/index--<hash>."""
    parts = urlsplit(url)
    path = unquote(parts.path).lstrip("/")
    kind = content_type.split(";")[0].strip()
    extension = EXTENSIONS.get(kind, "")
    if not path or path.endswith("/"):
        name = path + "index"
    else:
        name, dot, ext = path.rpartition(".")
        name, extension = (name, "." + ext) if dot and "/" not in ext else (path, extension)
    if parts.query:
        name += "--" + hashlib.sha256(parts.query.encode()).hexdigest()[:12]
    return name + extension


def _relative(target_file: str, page_file: str) -> str:
    return posixpath.relpath(target_file, posixpath.dirname(page_file) or ".")


def build(folder: Path, editions=None, site_url: str = "") -> Built:  # noqa: C901
    editions = list(editions or Edition.objects.filter(status=Edition.PUBLISHED)
                    .select_related("strategy"))
    prefixes = _prefixes(editions)
    start = ["/", "/status/", "/methodik/", "/daten/"]
    for e in editions:
        base = f"/{e.strategy.slug}/{e.slug}/"
        start += [base, base + "ziele/", base + "massnahmen/", base + "bilanz/"]
    client = Client()
    files: dict[str, str] = {}  # url -> file
    bodies: dict[str, tuple[bytes, str]] = {}
    queue, seen = deque(start), set(start)
    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
        while queue and len(files) < MAX_PAGES:
            url = queue.popleft()
            response = client.get(url, follow=True)
            if response.status_code != 200:
                continue
            kind = response.get("Content-Type", "text/html")
            content = response.content if not getattr(response, "streaming", False) \
                else b"".join(response.streaming_content)
            files[url] = file_for(url, kind)
            final = response.redirect_chain[-1][0] if response.redirect_chain else None
            if final and final != url:
                if not _wanted(final, prefixes):  # leads out of the chosen editions
                    del files[url]
                    continue
                files[url] = file_for(final, kind)
                if final not in seen:
                    seen.add(final)
                    queue.append(final)
                continue
            bodies[url] = (content, kind)
            if kind.startswith(("text/html", "text/css")):
                for match in LINK.finditer(content.decode("utf-8", "replace")):
                    target = match.group("url").replace("&amp;", "&").split("#")[0]
                    if target and _wanted(target, prefixes) and target not in seen:
                        seen.add(target)
                        queue.append(target)
    result = Built()
    for url, (content, kind) in bodies.items():
        page_file = files[url]
        if kind.startswith("text/html"):
            content = _rewrite(content.decode("utf-8"), page_file, files, site_url).encode()
        elif site_url or kind.startswith(("application/ld+json", "application/json")):
            content = content.replace(b"http://testserver", site_url.rstrip("/").encode())
        target = folder / page_file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        result.files.append(page_file)
        result.pages += kind.startswith("text/html")
    for url, page_file in files.items():  # redirects: a small page pointing onwards
        if url not in bodies:
            own = file_for(url, "text/html")
            if own != page_file and not (folder / own).exists():
                (folder / own).parent.mkdir(parents=True, exist_ok=True)
                link = _relative(page_file, own)
                (folder / own).write_text(
                    f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
                    f'<meta http-equiv="refresh" content="0; url={link}"><title>Leitstand'
                    f'</title></head><body><a href="{link}">{link}</a></body></html>')
                result.files.append(own)
    return result


def _rewrite(html: str, page_file: str, files: dict, site_url: str) -> str:
    html = FORM.sub("", html)

    def anchor(match):
        url = match.group("url").replace("&amp;", "&")
        path, _, fragment = url.partition("#")
        if path in files:
            return match.group(0)
        if site_url:
            return match.group(0).replace(f'href="{match.group("url")}"',
                                          f'href="{site_url.rstrip("/")}{match.group("url")}"')
        return f'<span>{match.group("text")}</span>'

    html = ANCHOR.sub(anchor, html)

    def link(match):
        url = match.group("url").replace("&amp;", "&")
        path, hash_, fragment = url.partition("#")
        if path in files:
            new = _relative(files[path], page_file) + (hash_ + fragment if hash_ else "")
            return f'{match.group("attr")}="{new}"'
        return match.group(0)

    return LINK.sub(link, html)
