"""OAuth 2 client credentials for the sandbox: issue expiring bearer tokens, check scopes.

The token endpoint accepts the client's id and secret as HTTP Basic or in the form body
(both are seen in the wild), answers RFC 6749 errors (``invalid_client``,
``unsupported_grant_type``, ``invalid_scope``), and grants the requested scopes that the
client is allowed (all of them when none are requested).

Example:
    ```python
    issuer = TokenIssuer(clients={"sandbox": "sandbox-secret"}, ttl=3600)
    answer = issuer.issue(form={"grant_type": "client_credentials"}, basic=("sandbox", "sandbox-secret"))
    issuer.check(f"Bearer {answer['access_token']}", required=("...roster.readonly",))
    ```

"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from oneroster.operation_index import OPERATIONS

__all__ = ["ALL_SCOPES", "AuthFailure", "Grant", "TokenIssuer"]

# Every scope some operation of the spec asks for: what an unrestricted client is granted.
ALL_SCOPES: tuple[str, ...] = tuple(sorted({scope for op in OPERATIONS.values() for scope in op.scopes}))


class AuthFailure(Exception):
    """A request the token check refuses: ``status`` is 401 (who are you?) or 403 (not allowed)."""

    def __init__(self, message: str, *, status: int, error: str = "invalid_token") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.error = error


@dataclass(frozen=True)
class Grant:
    """An issued token's client, scopes and expiry (monotonic seconds)."""

    client_id: str
    scopes: frozenset[str]
    expires_at: float


class TokenIssuer:
    """Issues and checks bearer tokens for a fixed set of clients.

    ``allowed`` limits what a client may be granted (default: every scope);
    ``static_tokens`` are accepted as bearer tokens with every scope, for users who
    configure ``OneRoster(token=...)``; ``aliases`` are other names of scopes (a 1.1
    provider's ``.../or/v1p1/scope/roster.readonly``), granted as the scope they name.

    Example:
        ```python
        TokenIssuer(clients={"c": "s"}, ttl=60, allowed={"c": ALL_SCOPES[:2]})
        ```

    """

    def __init__(
        self,
        *,
        clients: Mapping[str, str],
        ttl: float = 3600.0,
        allowed: Mapping[str, Sequence[str]] | None = None,
        static_tokens: Sequence[str] = (),
        clock: Callable[[], float] = time.monotonic,
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        self._clients = dict(clients)
        # Other names a provider accepts for a scope (OneRoster 1.1's), granted as the scope itself.
        self._aliases = dict(aliases or {})
        self._allowed = {cid: frozenset(allowed.get(cid, ALL_SCOPES)) for cid in clients} if allowed else {}
        self._ttl = ttl
        self._clock = clock
        self._grants: dict[str, Grant] = {
            token: Grant("static", frozenset(ALL_SCOPES), float("inf")) for token in static_tokens
        }
        self._lock = threading.Lock()
        self.issued = 0

    def issue(self, *, form: Mapping[str, str], basic: tuple[str, str] | None) -> dict[str, object]:
        """Check a token request and return the token answer (raises AuthFailure on refusal).

        Example:
            ```python
            issuer.issue(form={"grant_type": "client_credentials", "client_id": "c", "client_secret": "s"},
                         basic=None)
            ```

        """
        client_id, secret = basic if basic else (form.get("client_id", ""), form.get("client_secret", ""))
        expected = self._clients.get(client_id)
        if expected is None or not secrets.compare_digest(expected.encode(), secret.encode()):
            raise AuthFailure("unknown client or wrong secret", status=401, error="invalid_client")
        if form.get("grant_type") != "client_credentials":
            raise AuthFailure(
                "only grant_type=client_credentials is supported", status=400, error="unsupported_grant_type"
            )
        allowed = self._allowed.get(client_id, frozenset(ALL_SCOPES))
        requested = frozenset(self._aliases.get(s, s) for s in form.get("scope", "").split())
        if requested - allowed:
            raise AuthFailure(
                f"scope not allowed: {' '.join(sorted(requested - allowed))}",
                status=400,
                error="invalid_scope",
            )
        scopes = requested or allowed
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._grants[token] = Grant(client_id, scopes, self._clock() + self._ttl)
            self.issued += 1
        return {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": int(self._ttl),
            "scope": " ".join(sorted(scopes)),
        }

    def check(self, authorization: str | None, *, required: Sequence[str]) -> Grant:
        """Return the grant of a request's ``Authorization`` header if it allows one of ``required``.

        Example:
            ```python
            issuer.check("Bearer abc", required=())
            ```

        """
        if not authorization or not authorization.startswith("Bearer "):
            raise AuthFailure("a bearer token is required", status=401)
        with self._lock:
            grant = self._grants.get(authorization[len("Bearer ") :].strip())
        if grant is None:
            raise AuthFailure("unknown bearer token", status=401)
        if grant.expires_at <= self._clock():
            raise AuthFailure("the bearer token has expired", status=401)
        if required and not grant.scopes.intersection(required):
            raise AuthFailure(
                f"the token lacks a scope for this call (one of: {', '.join(required)})",
                status=403,
                error="insufficient_scope",
            )
        return grant

    def expire_all(self) -> None:
        """Make every issued token expired now (tests of token refresh).

        Example:
            ```python
            issuer.expire_all()
            ```

        """
        with self._lock:
            self._grants = {
                t: Grant(g.client_id, g.scopes, 0.0) if g.client_id != "static" else g
                for t, g in self._grants.items()
            }
