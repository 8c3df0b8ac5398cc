"""The site's error pages for OneRoster failures: the library's middleware with an HTML template."""

from oneroster.contrib.django.middleware import OneRosterErrorMiddleware


class RosterErrorMiddleware(OneRosterErrorMiddleware):
    """Render ``roster_site/error.html`` for browsers; JSON clients still get JSON."""

    template_name = "roster_site/error.html"
