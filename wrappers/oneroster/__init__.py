"""oneroster: a typed, synchronous client for the OneRoster 1.2 REST API."""
