"""Settings of the example roster site; the OneRoster connection comes from ``ONEROSTER_*`` variables.

Run it against the local sandbox (which sets those variables for the command it runs)::

    python -m oneroster.sandbox --profile ims -- python manage.py runserver --noreload

or against a real provider by exporting ``ONEROSTER_BASE_URL``, ``ONEROSTER_CLIENT_ID``,
``ONEROSTER_CLIENT_SECRET``, ``ONEROSTER_TOKEN_URL`` (or ``ONEROSTER_TOKEN``) and
``ONEROSTER_PROFILE``. No database is used.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# Example values only: a real site reads its secret key from the environment or a vault.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-example-key-do-not-deploy")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")

INSTALLED_APPS = [
    "oneroster.contrib.django",
    "roster_site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Upstream failures become 404/502/503/504 pages instead of 500s.
    "roster_site.middleware.RosterErrorMiddleware",
]

ROOT_URLCONF = "roster_site.urls"
WSGI_APPLICATION = "roster_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

# Everything is read from the provider on each request; nothing is stored here.
DATABASES: dict[str, dict[str, str]] = {}

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en-us"


def _env(name: str) -> str | None:
    return os.environ.get(name) or None


_page_size = _env("ONEROSTER_PAGE_SIZE")

# Unset variables give None, which the integration treats as "not set": a missing
# ONEROSTER_BASE_URL stops start-up with ImproperlyConfigured and says what to set.
ONEROSTER = {
    "BASE_URL": _env("ONEROSTER_BASE_URL"),
    "CLIENT_ID": _env("ONEROSTER_CLIENT_ID"),
    "CLIENT_SECRET": _env("ONEROSTER_CLIENT_SECRET"),
    "TOKEN_URL": _env("ONEROSTER_TOKEN_URL"),
    "TOKEN": _env("ONEROSTER_TOKEN"),
    "PROFILE": _env("ONEROSTER_PROFILE") or "ims",
    "TIMEOUT": 30,
    # No "DEADLINE": the default (20 s) bounds all of a page's calls to the provider together,
    # so a dead provider is a 504 before gunicorn's 30 s worker timeout.
    "MAX_RETRIES": 3,
    "PAGE_SIZE": int(_page_size) if _page_size else None,
}
