"""Settings shared by every environment; safe for production on their own.

dev.py and test.py relax them; production.py only adds what production must
read from the environment. Nothing secret lives here.
"""

import datetime
import os
import zoneinfo
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from news import languages

from .sources import cache_folder, env_list, env_networks, redis_cache, required_env  # noqa: F401

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # wagtail_modeltranslation comes before the apps whose models it translates. Its `migrate`
    # is news's (news/management/commands/migrate.py), which adds indexes after it.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "news",
    "news.newsroom",
    "search",
    "stats",
    "importer",  # manage.py import_news: the old site's stories (importer/)
    "api",  # the read-only JSON API, /api/v2/ (api/), on wagtail.api.v2 (JSON only: no
    "wagtail.api.v2",  # rest_framework app, whose browsable API's templates are not used)
    "desk",  # the translators' desk: memory, glossary, queue (desk/)
    "newsletter",  # the e-mail digest: subscribers, issues, sending (newsletter/)
    "press",  # the press room: releases under embargo, preview links, press kits (press/)
    "coverage",  # "In the media": coverage clips (coverage/)
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",  # the contact page (news/models/site_pages.py)
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "django.contrib.sitemaps",  # its sitemap.xml template
    "axes",  # login throttling (below)
    "django_otp",  # two-step sign-in (below)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",  # background tasks (below)
    "django_tasks_db",
]

MIDDLEWARE = [
    # every request Django handles counted and timed for /metrics (bitnews/health.py)
    "bitnews.middleware.RequestMetricsMiddleware",
    # then: a page kept for anonymous visitors is answered as it was sent (the headers of the
    # middleware below included), without sessions, languages or the site
    "news.cache.pages.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "bitnews.csp.SitePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bitnews.middleware.LocaleMiddleware",  # Django's; an admin 404 stays the admin's
    "django.middleware.common.CommonMiddleware",
    # before CSRF: a POST to a page is a 405, not a 403 (GET and HEAD only, outside the admin)
    "bitnews.middleware.PublicMethodsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "news.newsroom.two_factor.TwoFactorMiddleware",  # the admin after the code, not the password
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "news.middleware.RememberedSiteMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out sign-in with its page
]

# Sign-in throttling (django-axes): after 5 failed sign-ins for one user name from one address,
# that pair is refused (429, templates/locked_out.html, both languages) for COOLOFF minutes,
# even with the right password, without hashing anything; Settings > Sign-in lockouts
# (news/newsroom/lockouts.py) lets a moderator lift it sooner. Failures are logged ("axes"
# logger, and the AccessAttempt table).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "news.newsroom.lockouts.locked_out"
AXES_CLIENT_IP_CALLABLE = "news.visitor.client_ip"
AXES_HANDLER = "news.newsroom.lockouts.NewsroomLockouts"  # and a pause per address:
SIGN_IN_ADDRESS_LIMIT = 20  # wrong passwords from one address, over all user names
AXES_HTTP_RESPONSE_CODE = 429
# The log says which user name failed from which address (passwords are always masked).
AXES_SENSITIVE_PARAMETERS = []
# No "AXES: BEGIN ..." banner at every start (each manage.py command, each worker); failures and
# lockouts are logged all the same, by user name and address (the lockout parameters).
AXES_VERBOSE = False
# Two-step sign-in (news/newsroom/two_factor.py, django-otp): with TWO_FACTOR_REQUIRED on,
# superusers and these groups must give a code from an authenticator app (or a recovery code)
# after their password before the admin does anything for them; others may turn it on. On in
# production unless the environment says TWO_FACTOR_REQUIRED=0; dev.py and test.py turn it off.
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "1") == "1"
# (the groups' names as stored, news/newsroom/roles.py)
TWO_FACTOR_GROUPS = ["Moderators / 审核员", "Chief editors / 总编辑"]
OTP_TOTP_ISSUER = "BIT News"  # the name the authenticator app shows beside the code

# The addresses (or networks) of our proxies in front of the app, whose X-Forwarded-For entries
# are believed (news/visitor.py): 127.0.0.1 behind nginx on the same machine; empty when
# gunicorn faces visitors. Any other client's X-Forwarded-For is ignored.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
if "PROXY_COUNT" in os.environ:
    raise ImproperlyConfigured(
        "PROXY_COUNT is replaced by TRUSTED_PROXIES: set it to the addresses of the proxies in "
        "front of gunicorn (127.0.0.1 behind nginx on this machine) and remove PROXY_COUNT."
    )

# Who may read /metrics (bitnews/health.py): the visitor's address (news/visitor.py) must be in
# one of these networks; a Prometheus on the app server itself by default.
METRICS_ALLOWED = env_networks("METRICS_ALLOWED", "127.0.0.1,::1")

# The secret that authenticates each backup's manifest (news/management/backups/): `backup`
# and `restore` refuse to run without it; the site itself does not read it.
BACKUP_KEY = os.environ.get("BACKUP_KEY", "")

ROOT_URLCONF = "bitnews.urls"
WSGI_APPLICATION = "bitnews.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default so that `make run` works on a bare machine;
# production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search backend needs it on PostgreSQL (postgres.E005).
    INSTALLED_APPS.append("django.contrib.postgres")


# Tasks (django-tasks, the backport of Django 6's, as Wagtail 7 uses it). "background": kept in
# the database and run by `manage.py db_worker --backend background` (deploy/systemd/
# bitnews-worker.service; `make run` starts one beside the server): pictures' renditions
# (news/pictures/). "default", Wagtail's own tasks, run at once in the process that asks, as
# before: among them the search index of every saved page (django-modelsearch), which a kept
# search would otherwise miss until the worker came round to it.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# The cache holds the pages and fragments kept with their tags (news/cache/), Wagtail's
# renditions and site root paths: Redis when REDIS_URL is set (production requires
# it, so that every app server sees a publish at once), files shared by a machine's processes
# (`make run`: dev.py) or each process's memory (the tests) otherwise.
if os.environ.get("REDIS_URL"):
    CACHES = redis_cache(os.environ["REDIS_URL"])
else:
    # Room for every page and fragment of the demo: past MAX_ENTRIES, local memory drops
    # entries at random, the page cache's tag sets among them (news/cache/store/). `make
    # run` keeps it in files instead (dev.py), shared by its processes.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages, from the one table in news/languages.py: English is the default and the fallback
# of every translated field.
LANGUAGE_CODE = languages.DEFAULT.code
LANGUAGES = [(language.code, language.name) for language in languages.LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Shanghai"
# The time zones of the admin's account page: the tz database's region/city names and UTC.
# Wagtail's default, every name zoneinfo finds, takes in the system's "localtime" file (and
# old aliases: PRC, US/Pacific...); browsers refuse "localtime", and the page's script stopped
# on it (RangeError: Invalid time zone specified).
_regions = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia")
_regions += ("Europe", "Indian", "Pacific")
WAGTAIL_USER_TIME_ZONES = sorted(
    zone
    for zone in zoneinfo.available_timezones()
    if zone == "UTC" or zone.split("/")[0] in _regions
)

MODELTRANSLATION_DEFAULT_LANGUAGE = languages.DEFAULT.code
MODELTRANSLATION_LANGUAGES = languages.CODES
MODELTRANSLATION_FALLBACK_LANGUAGES = (languages.DEFAULT.code,)
# The Wagtail admin shows both languages of a field side by side (no picker state).
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False
# Expanded like FieldRowPanel: one row holding the field's panel in each language.
WAGTAILMODELTRANSLATION_CUSTOM_COMPOSED_PANELS = ["news.panels.BilingualRowPanel"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(
    os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles")
)  # collectstatic writes here
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = False  # production: the web server in front of Django serves media/
# Whole public pages kept for anonymous visitors until what they show changes (news/cache/);
# PAGE_CACHE=off renders every request (`make bench` measures both).
PAGE_CACHE = os.environ.get("PAGE_CACHE", "on") != "off"
# FRAGMENTS=off (with PAGE_CACHE=off): every request rendered from nothing, nothing read from or
# kept in the store (`make bench`'s "from nothing" row); never in production.
FRAGMENTS = os.environ.get("FRAGMENTS", "on") != "off"
# Addresses whose responses depend on every query parameter (the JSON API, api/, which refuses
# the parameters it does not know): the page cache keys them by all of their parameters.
PAGE_CACHE_WHOLE_QUERY = ("/api/",)
# Shared caches in front of the app servers (Varnish, deploy/varnish/bitnews.vcl): each is sent
# the tags of what changed after each write (news/cache/invalidation.py): their purge listener.
SHARED_CACHES = env_list("SHARED_CACHES")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "bitnews"
# The admin's own address, for links in workflow e-mails; production requires it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")

# Mail: workflow notifications (submitted, approved, changes requested) and password resets go
# through the SMTP server named here. Without EMAIL_HOST they are written to the log instead
# (console backend), and `check --deploy` warns (news/newsroom/checks.py).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# "ssl": TLS from the start (port 465); "starttls" (the default): upgraded (port 587); "none".
EMAIL_SECURITY = os.environ.get("EMAIL_SECURITY", "starttls")
EMAIL_USE_SSL = EMAIL_SECURITY == "ssl"
EMAIL_USE_TLS = EMAIL_SECURITY == "starttls"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "bitnews <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# The newsletter's sending (newsletter/sending/): mails a second (0: as fast as the SMTP server
# takes them), and after how many seconds a send's next run resumes one that was killed.
NEWSLETTER_RATE = float(os.environ.get("NEWSLETTER_RATE", "10"))
NEWSLETTER_RESUME_AFTER = int(os.environ.get("NEWSLETTER_RESUME_AFTER", "300"))
# The contact form (news/models/site_pages.py): posts a minute from one address before a 429.
CONTACT_FORM_RATE = 5
# The newsletter's sign-up (newsletter/subscribers/): posts a minute from one address before a
# 429, as the contact form's.
NEWSLETTER_SIGNUP_RATE = 5
IMPORT_MAX_FILE_MB = 20  # a story file import_news reads (importer/pipeline.py)
CONTACT_MESSAGE_MAX_LENGTH = 10_000  # characters of a multi-line field of the contact form
# "Forgot password?" (news/newsroom/password_reset.py): mails to one e-mail address an hour, and
# requests from one visitor address a minute
PASSWORD_RESET_PER_EMAIL = 3
PASSWORD_RESET_PER_CLIENT = 5
WAGTAIL_I18N_ENABLED = False  # languages come from modeltranslation, not Wagtail's locale trees
WAGTAIL_ENABLE_UPDATE_CHECK = (
    False  # the admin would call releases.wagtail.org (blocked in China, and by our CSP)
)
# No Gravatar images for users with an e-mail address: a third-party request from every admin
# page (blocked in China, and by the admin's CSP); Wagtail shows its own default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's database backend without its per-save title-length chore (search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# 40 megapixels: a 36 MP camera photo (7360 x 4912) still uploads, while Pillow decoding one image
# in a request (4 bytes a pixel: 160 MB) cannot exhaust a small server's workers. Wagtail's
# default, 128 MP, would let one upload take half a gigabyte. The site never shows more than
# 2560 pixels wide, so larger pictures only cost memory.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Every admin upload view uses this form: bad files become form errors (news/newsroom/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "news.newsroom.images.NewsImageForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# mp4 and webm: videos for the body's video block, vtt: their captions (news/blocks.py checks
# each is what it says it is, and the video's size against VIDEO_MAX_MB).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "txt", "csv", "odt", "mp4", "webm", "vtt"]
VIDEO_MAX_MB = int(os.environ.get("VIDEO_MAX_MB", "200"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # large StreamField forms in the admin

NEWS_PAGE_SIZE = 10

# Baidu Maps JavaScript API key ("AK"). Without it the footer only links to the map;
# with it, a "Show map" button loads Baidu's script, and only after a visitor clicks it.
BAIDU_MAP_AK = os.environ.get("BAIDU_MAP_AK", "")

# Security defaults that hold in every environment. The Content-Security-Policy
# (strict on public pages, looser in the admin) is chosen in bitnews/csp.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        # nothing of a kind not named below (media, frames, workers, manifests...)
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        # uploaded videos (news/blocks.py VideoBlock); the Bilibili and Tencent Video players,
        # framed only when a visitor presses "Play here" (RemoteVideoBlock)
        "media-src": [SELF],
        "frame-src": ["https://player.bilibili.com", "https://v.qq.com"],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the Wagtail admin reads it from JavaScript

# LOG_FORMAT=json: one JSON object a line, with nginx's request id (bitnews/logs.py)
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT is {LOG_FORMAT!r}: say text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "bitnews.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "bitnews.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # every failed sign-in (user name, address), and each lockout
    "loggers": {"axes": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

FORMAT_MODULE_PATH = ["bitnews.formats"]
