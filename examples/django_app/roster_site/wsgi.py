"""WSGI entry point of the example roster site (``gunicorn roster_site.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roster_site.settings")

application = get_wsgi_application()
