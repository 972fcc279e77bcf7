"""Veikart settings: one module, every deployment value read from the environment.

See ``docs/configuration.md`` for each variable. The defaults give a local,
embedded set-up (SQLite under ``var/``); production sets ``DEBUG=false``,
``SECRET_KEY``, ``ALLOWED_HOSTS`` and usually ``DATABASE_URL``.
"""

import datetime
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_date, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VEIKART_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# Set by `make test` and `make bench`: development defaults without DEBUG pages.
TESTING = env_bool("TESTING", False)

_DEV_SECRET_KEY = "insecure-development-key-only-for-debug-and-tests"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY") or (_DEV_SECRET_KEY if DEBUG or TESTING else None)
if SECRET_KEY is None:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set when DEBUG is false (for local work set DEBUG=true or TESTING=true, "
        "as make run and make test do)"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Veikart's own apps first: where two apps translate the same string (django-filter's "Filter" is
# a noun in Norwegian), the app listed first wins.
INSTALLED_APPS = [
    # Translated content columns (``title_nn``, ``title_en``). Before the admin, as its docs ask, and
    # before our apps, whose ``ready()`` imports forms that name those columns. It has no catalogue.
    "modeltranslation",
    "veikart.core",
    "veikart.accounts",
    "veikart.strategy",
    "veikart.roadmap",
    "veikart.indicators",
    "veikart.search",
    "veikart.reporting",
    "veikart.governance",
    "veikart.workspace",
    # Django's admin, with Veikart's site: it lets in by role (``veikart.accounts.admin_site``).
    "veikart.accounts.admin_config.VeikartAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_filters",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "veikart" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "veikart.core.context_processors.site",
                "veikart.workspace.context_processors.workspace",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------
# Embedded SQLite by default; PostgreSQL (or any engine) when DATABASE_URL says so.
_default_db_url = f"sqlite:///{VAR_DIR / 'veikart.sqlite3'}"
DATABASE_URL = env_str("DATABASE_URL", _default_db_url)
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers proceed while an import writes; IMMEDIATE avoids
        # "database is locked" upgrades inside write transactions.
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file rather than memory, so the browser tests' live-server threads open
    # their own connections instead of sharing one across threads.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test_veikart.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and security ---------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # The admin's model permissions, from the role (``veikart.accounts.backends``).
    "veikart.accounts.backends.RolePermissionBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# An invitation link works once, and for this many days after it was sent.
INVITATION_MAX_AGE_DAYS = env_int("INVITATION_MAX_AGE_DAYS", 7)

# Login throttling: lock a username+address pair after repeated failures.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
_LOCAL = DEBUG or TESTING
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not _LOCAL)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not _LOCAL)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A form refused for its security token gets a page in the site's design saying nothing was saved.
CSRF_FAILURE_VIEW = "veikart.core.views.csrf_failure"
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if _LOCAL else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "veikart" / "locale"]
USE_I18N = True
# Content in nynorsk and English beside the bokmål text (``veikart/*/translation.py``); the ORM
# reads and writes the bokmål column in every language (``veikart.core.content``).
MODELTRANSLATION_DEFAULT_LANGUAGE = "nb"
MODELTRANSLATION_LANGUAGES = ("nb", "nn", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nb",)
# The admin fills slugs from the bokmål title.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "nb"
TIME_ZONE = env_str("TIME_ZONE", "Europe/Oslo")
USE_TZ = True

# In-process cache, per worker: it holds only values keyed by a data revision read from the
# database (computed indicator progress), so workers never serve each other stale entries.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "veikart",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}

# --- Static files -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "veikart" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not _LOCAL)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = _LOCAL
if _LOCAL:
    # WhiteNoise warns about a missing STATIC_ROOT even when it serves from the finders.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# --- Stored files ---------------------------------------------------------------
# Uploaded attachments and generated PDFs. They are never served from MEDIA_URL: a view serves
# each one after checking who may read it (an exempt case's papers are not public).
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

# --- Site ---------------------------------------------------------------------
SITE_NAME = env_str("SITE_NAME", "Veikart")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# --- E-mail ---------------------------------------------------------------------
# Invitations and password resets. Without EMAIL_HOST a local set-up prints mail to the console;
# in production Django's SMTP defaults apply (localhost:25). Tests use the in-memory backend.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Veikart <veikart@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if _LOCAL and env_str("EMAIL_HOST") is None
    else "django.core.mail.backends.smtp.EmailBackend"
)

# --- Accessibility statement ----------------------------------------------------
# Shown on /tilgjengelighet/: where visitors report a problem (default: the sender address of the
# site's mail) and the date the site was last checked against WCAG 2.1 AA (update it at each check).
ACCESSIBILITY_CONTACT_EMAIL = env_str("ACCESSIBILITY_CONTACT_EMAIL", parseaddr(DEFAULT_FROM_EMAIL)[1])
ACCESSIBILITY_CHECKED_ON = env_date("ACCESSIBILITY_CHECKED_ON", datetime.date(2026, 12, 1))

# --- Background tasks and status reporting (docs/reporting.md) -------------------
# Mail goes out through Django's tasks API (the django-tasks backport): enqueued in the database and
# sent by the worker, ``manage.py db_worker`` (``make run`` starts one beside the server).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# How many days before a period's deadline the owners are reminded of reports not yet submitted.
REPORTING_REMINDER_DAYS_BEFORE = env_int("REPORTING_REMINDER_DAYS_BEFORE", 7)

# --- Exchange (imports and uploads; docs/exchange.md) ---------------------------
# A file larger than this is refused at upload; the command line allows the second, larger bound.
EXCHANGE_MAX_UPLOAD_BYTES = env_int("EXCHANGE_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
EXCHANGE_MAX_COMMAND_BYTES = env_int("EXCHANGE_MAX_COMMAND_BYTES", 2 * 1024 * 1024 * 1024)
# Rows and columns of a table, characters in a cell (a spreadsheet cell holds 32,767), nesting in JSON.
EXCHANGE_MAX_ROWS = env_int("EXCHANGE_MAX_ROWS", 1_100_000)
EXCHANGE_MAX_COMMAND_ROWS = env_int("EXCHANGE_MAX_COMMAND_ROWS", 20_000_000)
EXCHANGE_MAX_COLUMNS = env_int("EXCHANGE_MAX_COLUMNS", 500)
EXCHANGE_MAX_CELL_CHARS = env_int("EXCHANGE_MAX_CELL_CHARS", 32_767)
EXCHANGE_MAX_JSON_DEPTH = env_int("EXCHANGE_MAX_JSON_DEPTH", 64)
# A workbook is a zip archive: the unpacked size of a worksheet, and of the shared strings kept in memory.
EXCHANGE_MAX_XLSX_UNPACKED_BYTES = env_int("EXCHANGE_MAX_XLSX_UNPACKED_BYTES", 1024 * 1024 * 1024)
EXCHANGE_MAX_XLSX_STRINGS_BYTES = env_int("EXCHANGE_MAX_XLSX_STRINGS_BYTES", 48 * 1024 * 1024)
# A previewed import not applied or cancelled within this time is deleted (docs/exchange.md).
EXCHANGE_PREVIEW_MAX_AGE_HOURS = env_int("EXCHANGE_PREVIEW_MAX_AGE_HOURS", 24)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
