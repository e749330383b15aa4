"""Settings shared by every environment; safe by default (DEBUG off, no secret).

dev.py and test.py switch conveniences on; production.py adds the hardening that
`manage.py check --deploy` asks for. Everything that differs between deployments comes
from the environment (see README "Configuration").
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

# The repository root: apps live there, site/ holds only this Django project.
BASE_DIR = Path(__file__).resolve().parents[3]

# Which kind of deployment this is; commands that write demo data refuse "production".
PREAU_ENVIRONMENT = "production"
DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Préau's own apps come first so their templates override the libraries'.
    "accounts",
    "home",
    "pages",
    "classrooms",
    "consents",
    "comments",
    "enrolment",
    "cardlogin",
    "federation",
    "twofactor",
    "retention",
    "schoolyear",
    "notifications",
    "exercises",
    "writing",
    "homework",
    "workplans",
    "messaging",
    "liaison",
    "sharedspaces",
    "drills",
    "forum",
    "stories",
    "newspaper",
    "library",
    # After the apps whose rows it reads: its "my spaces" links come after theirs.
    "dataexport",
    "performance",
    "submissions",
    "security",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    # Purges public pages from the caches that keep them when they are published.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtailmedia",
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
    "django_comments_xtd",
    "django_comments",
    "rest_framework",
    "guardian",
    "django_htmx",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # Second factor for staff (twofactor/): codes from an app, recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Who may keep a page (Cache-Control), and public pages for anonymous visitors kept
    # and served before the session and the database (performance/page_cache.py).
    "performance.page_cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # What a page may run and use (security/): after static files, which need neither.
    "security.content_policy.ContentSecurityPolicyMiddleware",
    "security.permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether the session typed a second factor's code (twofactor/).
    "django_otp.middleware.OTPMiddleware",
    # Answers to a logged-in person, kept pages included, are never stored (security/).
    "security.private_answers.PrivateAnswersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Sessions that must type a second factor's code first (twofactor/middleware.py).
    "twofactor.middleware.TwoFactorMiddleware",
    # A change the cache could not be told about is refused with a page saying so.
    "performance.refused_changes.RefusedChangeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "classrooms.admin_privacy.AdminPrivacyMiddleware",
    "axes.middleware.AxesMiddleware",
    # djangosaml2's own session (request.saml_session): the SAML requests this browser
    # made, and a link asked for (federation/saml/views.py).
    "djangosaml2.middleware.SamlSessionMiddleware",
]

# The benchmark counts each request's SQL queries (devtools/query_count.py). A middleware
# needs no installed app: the production settings the benchmark serves with load it from
# the development tools only when this switch is on, which no real deployment does.
if env_bool("PREAU_COUNT_QUERIES", False):
    MIDDLEWARE.insert(0, "devtools.query_count.QueryCountMiddleware")

ROOT_URLCONF = "preau.urls"
WSGI_APPLICATION = "preau.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "classrooms.context_processors.my_spaces",
                "notifications.context_processors.unread_notifications",
                "messaging.context_processors.unread_messages",
            ],
        },
    },
]

# SQLite by default so one command starts a demo; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# PostgreSQL's JIT compiles queries it expects to be costly; for Préau's short queries the
# compilation costs more than it saves (hundreds of ms on unanalysed tables).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    redis_cache = {
        # Django's backend, keeping one Redis client per pool, that serves pages uncached
        # when Redis does not answer (performance/redis_cache.py).
        "BACKEND": "performance.redis_cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "preau"),
        # A Redis that has not answered within half a second counts as down: never wait on it.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": redis_cache,
        # Copies of the sessions, at most 5 minutes old: a logout whose delete did not reach
        # Redis leaves one that long at most.
        "sessions": {**redis_cache, "MAX_TIMEOUT": 300},
        # Public pages for anonymous visitors, shared by every app server (page_cache.py).
        "public_pages": redis_cache,
    }
    # Sessions live in the database, shared by every app server; Redis only keeps copies,
    # which it may evict or lose without logging anyone out (README "Production").
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "public_pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "preau-public-pages",
            "OPTIONS": {"MAX_ENTRIES": 500},
        },
    }
    # Sessions read from the process's cache, written through to the database: the
    # embedded default serves from one process (`make run`).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Public pages for anonymous visitors (performance/page_cache.py): how long shared caches
# (a proxy, Préau's own) may keep one (s-maxage; 0: no page is public), and browsers
# (max-age). A publication purges what it changes (performance/public_purge.py).
PREAU_PAGE_CACHE_SECONDS = env_int("PREAU_PAGE_CACHE_SECONDS", 600)
PREAU_PAGE_BROWSER_SECONDS = env_int("PREAU_PAGE_BROWSER_SECONDS", 60)
# The cache alias where Préau keeps them itself; none when a proxy in front does it all.
PREAU_PAGE_CACHE_ALIAS = "public_pages" if env_bool("PREAU_PAGE_CACHE_IN_APP", True) else None
# What is purged on publication (wagtail.contrib.frontend_cache): Préau's own copies and,
# when PREAU_FRONTEND_CACHE_PURGE_URL is set, a proxy's (a PURGE request per address).
WAGTAILFRONTENDCACHE = {}
if PREAU_PAGE_CACHE_ALIAS:
    WAGTAILFRONTENDCACHE["preau"] = {"BACKEND": "performance.page_cache.PageCacheBackend"}
if env_str("PREAU_FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("PREAU_FRONTEND_CACHE_PURGE_URL"),
    }
# What many readers share (a class's wall cards, an entry's authors and comments, what a
# person is), kept under the version of that class, entry or person and dropped when it
# changes (performance/versions.py); the lifetime bounds what a change made behind
# Django's back could cost. 0 switches it off.
PREAU_VERSION_SECONDS = env_int("PREAU_VERSION_SECONDS", 3600)
PREAU_PAGE_CACHE_APPS = ("home", "pages")

# Background work (e-mails, image renditions): in-process unless a worker is configured.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

# How long personal data is kept, archives and exports: personal_data.py.
from .personal_data import *  # noqa: E402, F403

# Notifications (notifications/): the hour the daily digest of those who chose it leaves
# (local time, TIME_ZONE), and the right to disconnect: nothing reaches a pupil outside
# school hours on school days (French week: Wednesday is school in many towns, add "wed").
PREAU_DIGEST_HOUR = env_int("PREAU_DIGEST_HOUR", 18)
PREAU_PUPIL_QUIET_HOURS = env_bool("PREAU_PUPIL_QUIET_HOURS", True)
PREAU_SCHOOL_HOURS = env_str("PREAU_SCHOOL_HOURS", "08:00-17:00")
PREAU_SCHOOL_DAYS = env_list("PREAU_SCHOOL_DAYS", ["mon", "tue", "thu", "fri"])

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Refuses logins to an account after repeated failures (axes, accounts/lockout.py).
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, answering global permissions from what a person is (shared
    # under their version) instead of two queries per page (classrooms/auth_backend.py).
    "classrooms.auth_backend.PersonPermissionBackend",
    "guardian.backends.ObjectPermissionBackend",
    # Picture passwords on the class tablet, counted by axes like any login (cardlogin/).
    "cardlogin.backends.PicturePasswordBackend",
    # SAML sign-in (EduConnect, académies): the account linked to the identity the IdP
    # vouches for, never one found by name (federation/saml/backends.py).
    "federation.saml.backends.LinkedIdentityBackend",
    # CAS and OpenID Connect: a validated CAS user / id_token `sub` signs in to the account
    # linked to it (federation/cas, federation/oidc); idle while not configured.
    "federation.cas.backends.CASIdentityBackend",
    "federation.oidc.backends.OIDCIdentityBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Sessions last SESSION_COOKIE_AGE (two weeks, Django's default), but a pupil's ends this
# many minutes after login: school tablets are shared (classrooms/sessions.py). 0: when the
# browser closes.
PREAU_PUPIL_SESSION_MINUTES = env_int("PREAU_PUPIL_SESSION_MINUTES", 120)
# Second factor (twofactor/): staff may switch it on; True also closes the Wagtail admin
# to anyone who has not typed a code in this session (set it up first if need be).
PREAU_OTP_REQUIRED_FOR_ADMINS = env_bool("PREAU_OTP_REQUIRED_FOR_ADMINS", False)
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = env_str("PREAU_OTP_ISSUER", "Préau")
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:my_spaces"
LOGOUT_REDIRECT_URL = "/"

# Brute force: failures count per account, wherever they come from (a school's pupils share
# one address: a lock by address would keep a class out). The first lock is short and each
# further failure doubles it, up to a ceiling (accounts/lockout.py).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_COOLOFF_TIME = "accounts.lockout.cool_off"
AXES_HANDLER = "accounts.lockout.BackoffHandler"
# Attempts made while locked are refused without counting: pressing again is no offence.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
PREAU_LOCKOUT_MINUTES = env_int("AXES_COOLOFF_MINUTES", 1)
PREAU_LOCKOUT_MAX_MINUTES = env_int("AXES_COOLOFF_MAX_MINUTES", 60)
PREAU_LOGIN_FAILURES_KEPT_HOURS = 24
# Number of trusted reverse proxies in front of Préau; None when not stated, which
# production refuses (accounts/checks.py): behind a proxy, 0 would give every visitor
# the proxy's address. Only behind N proxies is X-Forwarded-For read; without a proxy
# that header is the client's own word, so only the socket address counts.
PREAU_PROXY_COUNT = env_int("AXES_PROXY_COUNT", None)
AXES_IPWARE_PROXY_COUNT = PREAU_PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
SILENCED_SYSTEM_CHECKS = [
    # axes.W006 asks for the address among the lockout parameters, lest rotating browsers
    # make new counts; here every failure of a username counts, whatever its address or
    # browser (tests/accounts/test_lockout.py), and an address is a whole school.
    "axes.W006",
]

# Signing in through identity providers (SAML, CAS, OpenID Connect): federation.py.
from .federation import *  # noqa: E402, F403

# Content-Security-Policy (django-csp, security/content_policy.py). The front end runs and
# styles with Préau's own files only; the one inline style is the 500 page's, allowed by
# its hash (tests/security/test_content_policy.py checks it). Frames: the exercises'
# activities (exercises/embeds.py) and the video players public pages embed.
PREAU_CSP_FRAME_SOURCES = env_list(
    "PREAU_CSP_FRAME_SOURCES",
    [
        "https://learningapps.org",
        "https://www.learningapps.org",
        "https://h5p.org",
        "https://*.h5p.com",
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
        "https://www.dailymotion.com",
        "https://geo.dailymotion.com",
    ],
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'sha256-wt6o8QHG/T4ciVyvf0AgCS6goZ8j3evi1BIuLHQcl6w='"],
        "img-src": ["'self'", "data:"],
        # The recorder plays a pupil's recording back from memory before sending it.
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *PREAU_CSP_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin writes inline scripts and styles (date pickers, inline panels,
# wagtailmedia, wagtail-localize) and frames its own previews.
PREAU_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-ancestors": ["'self'"],
    }
}

# Guardian: no anonymous user row, so anonymous visitors can never hold object permissions.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

# Languages: French first, English available; URL prefix only for non-default languages.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
# One way of writing dates per language (site/preau/formats/): "13 décembre 2026",
# "13 December 2026"; day/month/year in the admin's date fields, whatever the language.
FORMAT_MODULE_PATH = ["preau.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
# Installed from npm by `make` (package.json, `npm ci`) and never committed: the H5P player
# (exercises/h5p/), served as /static/vendor/h5p-standalone/, and Twemoji's pictures
# (graphics CC BY 4.0, Twitter, Inc. and contributors), the pictograms young children
# read instead of words (nursery mode, picture passwords), as /static/vendor/twemoji/.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist"),
    ("vendor/twemoji", BASE_DIR / "node_modules" / "@twemoji" / "svg"),
]
MEDIA_URL = "/media/"
# Behind nginx, hand checked files over with X-Accel-Redirect to this internal location.
MEDIA_X_ACCEL_REDIRECT = env_str("MEDIA_X_ACCEL_REDIRECT", "")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Photos from phones are large; refuse anything over this before it reaches memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)
# What the class blog accepts (classrooms/uploads.py checks each file by its content).
MEBIBYTE = 1024 * 1024
PREAU_PHOTO_MAX_BYTES = env_int("PREAU_PHOTO_MAX_MB", 15) * MEBIBYTE
# Decoding costs ~4 bytes a pixel: larger pictures are refused from their header, in the
# editor and in the Wagtail admin alike (phones take 12 to 24 megapixels).
PREAU_PHOTO_MAX_PIXELS = env_int("PREAU_PHOTO_MAX_MEGAPIXELS", 40) * 1_000_000
WAGTAILIMAGES_MAX_IMAGE_PIXELS = PREAU_PHOTO_MAX_PIXELS
# Wagtail's form decodes a picture before counting its pixels: ours reads the header first.
WAGTAILIMAGES_IMAGE_FORM_BASE = "classrooms.image_form.ImageForm"
PREAU_AUDIO_MAX_SECONDS = env_int("PREAU_AUDIO_MAX_SECONDS", 300)
PREAU_AUDIO_MAX_BYTES = env_int("PREAU_AUDIO_MAX_MB", 25) * MEBIBYTE
PREAU_VIDEO_MAX_SECONDS = env_int("PREAU_VIDEO_MAX_SECONDS", 180)
PREAU_VIDEO_MAX_BYTES = env_int("PREAU_VIDEO_MAX_MB", 100) * MEBIBYTE

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Préau <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SITE_ID = 1
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Préau")
# Addresses stay plain ASCII ("reunion-de-rentree") for every page, made in the admin or
# from the front end, rather than percent-encoded accents.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# French stemming on PostgreSQL ("fractions" finds "fraction"); SQLite has no stemmer of
# its own: library/search.py stems both sides lightly whatever the database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french"
# Pupils' work holds personal data: documents go through Django's permission-checking view.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars fetched from Gravatar: staff's addresses stay here (and CSP would block them).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Audio and video (wagtailmedia): the formats phones and browsers record in count as audio.
WAGTAILMEDIA = {
    # The admin checks each file by its content, as the editor does (classrooms/media_form.py).
    "MEDIA_FORM_BASE": "classrooms.media_form.MediaForm",
    "AUDIO_EXTENSIONS": ["aac", "m4a", "mka", "mp3", "oga", "ogg", "opus", "wav", "weba", "webm"],
    "VIDEO_EXTENSIONS": ["m4v", "mkv", "mov", "mp4", "ogv", "webm"],
}
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Wagtail mails moderators itself; portal administrators need no mail per pupil entry.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Comments: our subclass of django-comments-xtd (see comments/models.py).
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "comments.models.ClassComment"
COMMENTS_XTD_MAX_THREAD_LEVEL = 1
# Pupils have no e-mail address; comments are held for a teacher, not confirmed by mail.
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_API_GET_USER_AVATAR = "comments.avatars.no_avatar"
# Floods: at most this many comments per person in this many minutes (comments/rules.py).
PREAU_COMMENTS_PER_WINDOW = env_int("PREAU_COMMENTS_PER_WINDOW", 10)
PREAU_COMMENTS_WINDOW_MINUTES = env_int("PREAU_COMMENTS_WINDOW_MINUTES", 10)
# Messages a person may send within the window (messaging/services.py).
PREAU_MESSAGES_PER_WINDOW = env_int("PREAU_MESSAGES_PER_WINDOW", 20)
PREAU_MESSAGES_WINDOW_MINUTES = env_int("PREAU_MESSAGES_WINDOW_MINUTES", 10)
# The largest document sent with a message (messaging/attachments.py); photos and
# recordings follow the blog's limits above.
PREAU_MESSAGE_DOCUMENT_MAX_BYTES = env_int("PREAU_MESSAGE_DOCUMENT_MAX_MB", 10) * MEBIBYTE
# Families are reminded of one word at most this often (liaison/services.py): one click,
# never a spam of reminders.
PREAU_WORD_REMIND_MINUTES = env_int("PREAU_WORD_REMIND_MINUTES", 60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
