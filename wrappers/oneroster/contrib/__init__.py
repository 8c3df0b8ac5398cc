"""Integrations of the ``oneroster`` client with web frameworks (each needs its own extra).

``oneroster.contrib.django`` (``pip install 'oneroster-client[django]'``): a process-wide
client built from the ``ONEROSTER`` setting, system checks, and middleware that turns
OneRoster errors into HTTP answers.

Example:
    ```python
    from oneroster.contrib.django import get_client

    classes = get_client().classes.list(limit=10)
    ```

"""
