"""Django settings, read from the environment through leitstand.config."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

import dj_database_url

from leitstand import config

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()


def _secret_key() -> str:
    key = config.get("LEITSTAND_SECRET_KEY")
    if key:
        return key
    # Local use without configuration: a random key kept beside the database,
    # so sessions survive restarts. `leitstand serve` refuses to run this way.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = config.flag("LEITSTAND_DEBUG")
ALLOWED_HOSTS = config.allowed_hosts()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "ninja",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "leitstand.core",
    "leitstand.accounts",
    "leitstand.register",
    "leitstand.monitoring",
    "leitstand.dashboard",
    "leitstand.api",
    "leitstand.reports",
    "leitstand.participation",
    "leitstand.operations",
    "leitstand.onboarding",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "leitstand.core.middleware.PathLanguageMiddleware",
    "leitstand.core.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "leitstand.core.login_throttle.StaffLoginThrottle",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "leitstand.accounts.middleware.SecondFactorRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "leitstand.urls"
WSGI_APPLICATION = "leitstand.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "leitstand.core.template_backend.DjangoTemplates",
        "NAME": "django",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "leitstand.core.context_processors.languages",
                "leitstand.core.site.site_url_context",
                "leitstand.api.feed_links.feed_links",
                "leitstand.participation.context.participant",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        config.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'leitstand.sqlite3'}",
        conn_max_age=60,
    )
}


def _sqlite_options(database: dict, test_name: str) -> None:
    """WAL lets readers go on while one writer writes; the timeout absorbs short locks."""
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
        database["CONN_MAX_AGE"] = 60  # one connection per worker, not one per request
        # Tests run on a file in WAL mode, as production does, not in memory: concurrency
        # tests then see real locking between connections. The name carries the checkout, so
        # two checkouts sharing a data folder never test on each other's database.
        checkout = hashlib.sha1(str(BASE_DIR).encode()).hexdigest()[:8]
        database["TEST"] = {"NAME": str(DATA_DIR / f"{checkout}-{test_name}")}


def _postgresql_options(database: dict) -> None:
    """Parameters bound by the server, not merged into the SQL text by the client, and a
    query the driver has sent five times on a connection prepared: PostgreSQL then plans it
    once per connection instead of on every request (planning was 0.3-0.9 ms of each of a
    page's queries). Django leaves preparing off for connection poolers that cannot keep
    prepared statements: LEITSTAND_PG_PREPARE=0 turns it off there."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options["server_side_binding"] = True
        if config.flag("LEITSTAND_PG_PREPARE"):
            options["prepare_threshold"] = 5


_sqlite_options(DATABASES["default"], "test-leitstand.sqlite3")
_postgresql_options(DATABASES["default"])
if config.get("LEITSTAND_SECOND_DATABASE_URL"):
    DATABASES["second"] = dj_database_url.parse(config.get("LEITSTAND_SECOND_DATABASE_URL"))
    _sqlite_options(DATABASES["second"], "test-second.sqlite3")
    _postgresql_options(DATABASES["second"])

SERIALIZATION_MODULES = {"json": "leitstand.operations.fulljson"}  # backups keep microseconds

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 default, adopted now

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise looks here too and warns when it is missing
# WhiteNoise serves straight from the app folders: no collectstatic step for the user.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "admin:login"
OTP_TOTP_ISSUER = "Leitstand"

# Public pages come from the cache until the data change (core.page_cache); each server
# process keeps its own copies, the invalidation is shared through the database.
LEITSTAND_PAGE_CACHE_SECONDS = 300
# How often each process asks for the data version (a change is seen within this, plus the
# rendering); core.page_cache serves a previous copy for at most 0.5 s after a change.
LEITSTAND_PAGE_CACHE_CHECK_SECONDS = 0.25
# Bounded in bytes, not entries (core.bounded_cache): whatever the number of distinct addresses
# asked for, a process keeps at most LEITSTAND_PAGE_CACHE_MB of pages (default 32 MB).
CACHES = {"default": {"BACKEND": "leitstand.core.bounded_cache.ByteBoundedCache",
                      "OPTIONS": {"MAX_BYTES": int(config.get("LEITSTAND_PAGE_CACHE_MB"))
                                  * 1024 * 1024}},
          # Pages rendered after a change, shared by the server processes of one host so that
          # one renders and the others take its copy (core.page_cache); on disk, kept a minute,
          # at most 300 pages.
          "shared": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                     "LOCATION": str(DATA_DIR / "page-cache"), "TIMEOUT": 60,
                     "OPTIONS": {"MAX_ENTRIES": 300}}}

# Documents uploaded for review (leitstand.onboarding): stored under server-chosen names,
# removed after the review or after LEITSTAND_UPLOAD_KEEP_HOURS; the ingest runs in a child
# process of the worker with these limits.
LEITSTAND_UPLOAD_MAX_MB = int(config.get("LEITSTAND_UPLOAD_MAX_MB"))
LEITSTAND_UPLOAD_KEEP_HOURS = int(config.get("LEITSTAND_UPLOAD_KEEP_HOURS"))
LEITSTAND_UPLOAD_MAX_PAGES = 1000
LEITSTAND_UPLOAD_DIR = DATA_DIR / "uploads"
LEITSTAND_INGEST_MEMORY_MB = 2048
LEITSTAND_INGEST_SECONDS = 600

globals().update(config.mail_settings())
DEFAULT_FROM_EMAIL = config.get("LEITSTAND_MAIL_FROM")

# TLS ends at the reverse proxy; the app answers plain HTTP behind it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing is loaded from elsewhere and no script is inline; styles may be inline (the report
# page, the admin), which cannot run code.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"], "font-src": ["'self'"], "connect-src": ["'self'"],
    "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"],
    "frame-ancestors": ["'none'"]}}
# HSTS is sent only on requests that came in over HTTPS (through the proxy), never on plain
# loopback HTTP; a year, as the browsers' preload rules ask.
SECURE_HSTS_SECONDS = 0 if DEBUG else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SILENCED_SYSTEM_CHECKS = [
    # security.W008 (SECURE_SSL_REDIRECT): TLS ends at the reverse proxy, which redirects
    # HTTP to HTTPS; the app must still answer plain HTTP on loopback (health checks).
    "security.W008",
    # security.W005 (HSTS includeSubDomains): other services on sibling sub-domains are not
    # ours to force onto HTTPS.
    "security.W005",
    # security.W021 (HSTS preload): the preload list demands includeSubDomains for the whole
    # domain – the operator's decision, not the app's.
    "security.W021",
    # models.W040 (covering index on SQLite): the known values' index carries their values
    # for PostgreSQL's index-only scans; SQLite builds the same index without them.
    "models.W040",
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = config.flag("LEITSTAND_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
