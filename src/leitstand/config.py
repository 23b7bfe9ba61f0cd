"""The environment settings Leitstand reads, each declared once with its default and help.

settings.py reads values through this module, `leitstand serve` validates them
before it starts, and the README's settings table is checked against it in a
test, so a setting cannot exist without documentation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS = (
    Setting("LEITSTAND_DATA", "", "Folder for the SQLite database and the generated secret key; "
            "defaults to the user's data directory."),
    Setting("DATABASE_URL", "", "Database URL, e.g. postgres://user:pw@host/db; "
            "unset means SQLite in LEITSTAND_DATA."),
    Setting("LEITSTAND_SECRET_KEY", "", "Django secret key; required by `leitstand serve` "
            "(at least 50 characters)."),
    Setting("LEITSTAND_DEBUG", "", "Debug pages on when set to a true value (1, true, yes, on); "
            "never in production."),
    Setting("LEITSTAND_ALLOWED_HOSTS", "", "Comma-separated host names the site answers to; "
            "required by `leitstand serve`. Default: localhost only."),
    Setting("LEITSTAND_SECURE_COOKIES", "1", "Send session and CSRF cookies only over HTTPS "
            "(the reverse proxy's TLS). `leitstand demo` turns it off for plain local HTTP."),
    Setting("LEITSTAND_SMTP_URL", "", "Mail server for sign-in links and subscriptions, e.g. "
            "smtp+tls://user:password@mail.example.org:587; unset prints mails to the console."),
    Setting("LEITSTAND_SECOND_DATABASE_URL", "", "A second database (alias 'second') for the "
            "tests of backup and restore between SQLite and PostgreSQL; CI sets it."),
    Setting("LEITSTAND_MAIL_FROM", "leitstand@localhost", "Sender address of the mails."),
    Setting("LEITSTAND_TERMS_URL", "", "Address of the operator's terms of use for the online "
            "dialog; when set, signing up asks to accept them beside the privacy notice."),
    Setting("LEITSTAND_UPLOAD_MAX_MB", "50", "Largest strategy document editors may upload "
            "for review, in MB; a larger file is refused before it is read."),
    Setting("LEITSTAND_UPLOAD_KEEP_HOURS", "72", "Hours an uploaded document is kept on disk "
            "at most; it is removed when its review ends or after this time."),
    Setting("LEITSTAND_PAGE_CACHE_MB", "32", "Memory each server process may give to cached "
            "public pages, in MB (pickled pages, keys and bookkeeping counted); the least "
            "recently used pages are dropped beyond it."),
    Setting("LEITSTAND_PG_PREPARE", "1", "PostgreSQL: prepare a query a connection has sent "
            "five times, so it is planned once (0 for a connection pooler that cannot keep "
            "prepared statements, such as PgBouncer before 1.21 in transaction mode)."),
    Setting("LEITSTAND_SITE_URL", "http://127.0.0.1:8000", "The site's public address: every "
            "mail and every absolute link names it, never the request's host."),
    Setting("LEITSTAND_DCAT_PUBLISHER_NAME", "", "Publisher of the open data in the DCAT-AP.de "
            "catalogue (dcat.jsonld), e.g. the ministry that runs the site; default: the host "
            "name of LEITSTAND_SITE_URL."),
    Setting("LEITSTAND_DCAT_PUBLISHER_URL", "", "The publisher's web address in the catalogue; "
            "default: LEITSTAND_SITE_URL."),
    Setting("LEITSTAND_DCAT_CONTRIBUTOR_ID", "", "GovData contributor IRI of the portal that "
            "harvests the catalogue, from GovData's registered list, e.g. "
            "http://dcat-ap.de/def/contributors/openNRW; unset leaves it out (GovData's "
            "conventions require it)."),
    Setting("LEITSTAND_DCAT_LICENSE", "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
            "Licence of the open data, an IRI from GovData's licence list."),
    Setting("LEITSTAND_DCAT_CONTACT_EMAIL", "", "Contact address in the catalogue; default: "
            "LEITSTAND_MAIL_FROM."),
)

TRUE_WORDS = {"1", "true", "yes", "on"}


def get(name: str) -> str:
    setting = next(s for s in SETTINGS if s.name == name)
    return os.environ.get(name, setting.default).strip()


def flag(name: str) -> bool:
    return get(name).lower() in TRUE_WORDS


def data_dir() -> Path:
    path = Path(get("LEITSTAND_DATA") or platformdirs.user_data_dir("leitstand"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def allowed_hosts() -> list[str]:
    hosts = [h.strip() for h in get("LEITSTAND_ALLOWED_HOSTS").split(",") if h.strip()]
    return hosts or ["localhost", "127.0.0.1", "[::1]"]


def mail_settings() -> dict:
    """Django's EMAIL_* settings from LEITSTAND_SMTP_URL (console backend when unset)."""
    from urllib.parse import unquote, urlsplit

    url = get("LEITSTAND_SMTP_URL")
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(url)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 587
                                     if parts.scheme == "smtp+tls" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_TIMEOUT": 10,
    }


def production_problems() -> list[str]:
    """What keeps `leitstand serve` from starting safely, one sentence each."""
    problems = []
    key = get("LEITSTAND_SECRET_KEY")
    if not key:
        problems.append("LEITSTAND_SECRET_KEY is not set.")
    elif len(key) < 50 or len(set(key)) < 5:
        problems.append("LEITSTAND_SECRET_KEY is too weak: use at least 50 random characters.")
    if flag("LEITSTAND_DEBUG"):
        problems.append("LEITSTAND_DEBUG is on; switch it off in production.")
    if not get("LEITSTAND_ALLOWED_HOSTS"):
        problems.append("LEITSTAND_ALLOWED_HOSTS is not set (comma-separated host names).")
    url = get("DATABASE_URL")
    if url:
        import dj_database_url

        try:
            dj_database_url.parse(url)
        except Exception as exc:  # the library raises several types for a bad URL
            problems.append(f"DATABASE_URL cannot be read: {exc}")
    return problems
