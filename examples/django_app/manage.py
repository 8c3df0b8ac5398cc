#!/usr/bin/env python
"""Django's command line for the example roster site (``python manage.py check``, ``runserver``)."""

import os
import sys


def main() -> None:
    """Run a management command with this site's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roster_site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
