"""A client library for accessing OneRoster 1.2 (curated for oneroster-client)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
