"""``OneRoster``: the client users construct, holding one transport, one auth flow and the resources.

It builds, once: a connection pool (``httpx.HTTPTransport``, keep-alive) wrapped in the
retry policy; the OAuth2 client-credentials flow (or a static token); one
``httpx.Client`` per service root of the profile, all sharing that transport and auth; and
a generated ``AuthenticatedClient`` per service. Resources and scopes sit on top.
One instance is safe to share between threads (a Django process, a thread pool).
"""

from __future__ import annotations

import copy
import dataclasses
import os
import re
import weakref
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, NoReturn, Self, cast

import httpx

import oneroster_client.models as models
from oneroster.auth import OAuth2ClientCredentials, StaticToken
from oneroster.bodies import ACCEPTED_ENCODINGS, DEFAULT_MAX_RESPONSE_BYTES, decoded_headers
from oneroster.deadlines import check_seconds
from oneroster.dialects import Dialect, resolve_dialect
from oneroster.engine import Engine
from oneroster.errors import ValidationError, raise_for_response
from oneroster.logging_utils import log_request, log_response, redact_url
from oneroster.profiles import Profile, environment, resolve_profile
from oneroster.resources import COLLECTION_CLASSES, RESOURCES, Collection, CourseCollection
from oneroster.retries import RetryPolicy, RetryTransport
from oneroster.scopes import (
    SCOPES,
    ClassScope,
    CourseScope,
    LineItemScope,
    ResourceScope,
    SchoolScope,
    StudentScope,
    TeacherScope,
    TermScope,
    UserScope,
)
from oneroster_client import AuthenticatedClient

if TYPE_CHECKING:
    from oneroster.probe import ProbeReport

__all__ = ["OneRoster"]

DEFAULT_TIMEOUT = 30.0
#: Seconds one call to the provider may take in all (token, attempts, back-off, body): finite by
#: default, like ``timeout``, and generous enough for the slowest honest page.
DEFAULT_DEADLINE = 300.0


class _SendThrough(httpx.BaseTransport):
    """Send through a caller's ``httpx.Client`` so its proxies, certificates and mounts apply.

    The body is handed on as it came off the wire (still compressed): the retry transport
    above reads and decodes it, once, within its size limit and deadline.
    """

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _add_callers_headers(self._client, request)
        response = self._client.send(request, stream=True)
        if response.is_stream_consumed:
            # One of the caller's response hooks read it, and httpx decoded it then: hand on
            # the decoded bytes, without the Content-Encoding that no longer describes them.
            content = response.content
            response.close()
            return httpx.Response(
                status_code=response.status_code,
                headers=decoded_headers(response.headers, len(content)),
                content=content,
                extensions=response.extensions,
                request=request,
            )
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=response.stream,
            extensions=response.extensions,
            request=request,
        )


def _add_callers_headers(client: httpx.Client, request: httpx.Request) -> None:
    """Send the headers set on the caller's ``httpx.Client`` too (``send()`` alone would drop them).

    The request's own headers win: ``Authorization`` always, and anything the client or a call
    set (``Accept``, ``User-Agent``, ``headers=``, ``with_options(headers=...)``).
    """
    for name, value in client.headers.items():
        if name not in request.headers:
            request.headers[name] = value


# An RFC 9110 field name; values may not break the header line.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def _checked_headers(headers: object) -> dict[str, str]:
    """Return ``headers`` as a dict, or raise ``ValidationError`` (``Authorization``, a broken line)."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise ValidationError("headers must be a mapping of header names to values", field="headers")
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ValidationError(f"{name!r} is not a valid header name", field="headers")
        if name.lower() == "authorization":
            raise ValidationError(
                "headers cannot set Authorization: the client's token (or token=) provides it",
                field="headers",
            )
        if not isinstance(value, str) or any(ch in value for ch in "\r\n\0") or not value.isascii():
            raise ValidationError(
                f"the value of header {name!r} must be one line of ASCII text", field="headers"
            )
        checked[name] = value
    return checked


def _collection_slash(root: str) -> Any:
    """Request hook for providers that need ``/users/`` rather than ``/users`` (TimeBack)."""

    def hook(request: httpx.Request) -> None:
        path = request.url.path
        if path.startswith(root + "/"):
            rest = path[len(root) + 1 :]
            if rest and "/" not in rest:
                request.url = request.url.copy_with(path=path + "/")

    return hook


def _spaces_as_percent20(request: httpx.Request) -> None:
    """Request hook: httpx form-encodes spaces in the query as ``+``; OneRoster filters expect ``%20``.

    A literal ``+`` in a value is already ``%2B``, so every remaining ``+`` is a space.
    """
    query = request.url.query
    if b"+" in query:
        request.url = request.url.copy_with(query=query.replace(b"+", b"%20"))


class OneRoster:
    """A synchronous OneRoster 1.2 client.

    Args:
        base_url: the provider's host, e.g. ``https://sis.example``; the profile adds the
            service roots (``/ims/oneroster/rostering/v1p2``...).
        env: a deployment preset of the profile's provider, ``"production"`` or ``"staging"``
            (TimeBack: ``timeback`` and ``timeback-platform``); sets ``base_url`` and
            ``token_url`` unless they are given. With ``env`` the profile defaults to ``timeback``.
        client_id, client_secret, token_url: OAuth2 client credentials.
        token: a static bearer token instead of client credentials.
        profile: ``"ims"`` (default), ``"timeback"``, ``"timeback-platform"``, ``"v1p1"`` or a ``Profile``.
        scopes: scopes to ask for; default: the profile's (see ``docs/profiles.md``).
        headers: extra headers sent with every API request (``with_options`` adds more per
            call); ``Authorization`` cannot be set this way.
        default_org: the org of a user's role given as ``role="student"`` without ``primaryOrg``.
        timeout: seconds for connect/read/write (finite by default).
        deadline: seconds one call to the provider may take in all: the token request, every
            attempt, the back-off between them and a slowly arriving body (default 300;
            ``None``: no limit). One page of ``stream()``/``list_all()`` is one call; bound a
            whole block of calls with ``oneroster.deadline(seconds)``. Exceeded:
            ``DeadlineExceeded``.
        max_retries: retries of safe calls on 429/502/503/504 and network faults.
        page_size: default ``limit`` of list calls (``None``: the server's default).
        max_response_bytes: the largest body accepted, counted decompressed (default 256 MiB;
            ``None``: no limit). Larger: ``ResponseTooLarge``, with no more than that read.
        http_client: an ``httpx.Client`` to send through (proxies, certificates, tests).
        dialect: what the provider can express, overriding the profile's (a preset name such as
            ``"full"``, or a :class:`~oneroster.dialects.Dialect`); see :mod:`oneroster.planner`.
        full_scans: ``"warn"`` (default) logs a WARNING when a query can only be answered by
            reading a whole collection; ``"refuse"`` raises ``UnsupportedQuery`` instead.

    Example:
        ```python
        from oneroster import OneRoster

        with OneRoster(base_url="https://sis.example", client_id="id", client_secret="secret",
                       token_url="https://sis.example/oauth/token") as client:
            for student in client.students.stream(where={"status": "active"}):
                print(student.given_name, student.family_name)
        ```

    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        env: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        token_url: str | None = None,
        token: str | None = None,
        profile: str | Profile | None = None,
        scopes: Sequence[str] | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        deadline: float | None = DEFAULT_DEADLINE,
        max_retries: int = 3,
        page_size: int | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.Client | None = None,
        retry_policy: RetryPolicy | None = None,
        dialect: str | Dialect | None = None,
        full_scans: Literal["warn", "refuse"] = "warn",
        headers: Mapping[str, str] | None = None,
        default_org: str | None = None,
    ) -> None:
        if profile is None:
            profile = "ims" if env is None else "timeback"
        if env is not None:
            preset = environment(resolve_profile(profile).name, env)
            base_url = base_url or preset.base_url
            if token is None:
                token_url = token_url or preset.token_url
        if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
            raise ValidationError(
                f"base_url must be an http(s) URL, got {redact_url(str(base_url))!r}", field="base_url"
            )
        try:
            userinfo = httpx.URL(base_url).userinfo
        except (httpx.InvalidURL, ValueError):
            raise ValidationError("base_url is not a valid URL", field="base_url") from None
        if userinfo:
            # Never used (the auth flow sets Authorization), yet it would end up in repr(), logs
            # and every reference href a write stores on the provider.
            raise ValidationError(
                "base_url must not hold credentials (user:password@host): pass client_id/client_secret "
                "or token instead",
                field="base_url",
            )
        deadline = check_seconds(deadline)
        if max_response_bytes is not None and (
            isinstance(max_response_bytes, bool)
            or not isinstance(max_response_bytes, int)
            or max_response_bytes < 1
        ):
            raise ValidationError(
                "max_response_bytes must be a positive integer or None", field="max_response_bytes"
            )
        if page_size is not None and (
            isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1
        ):
            raise ValidationError("page_size must be a positive integer", field="page_size")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValidationError("max_retries must be a non-negative integer", field="max_retries")
        if full_scans not in ("warn", "refuse"):
            raise ValidationError(
                f"full_scans must be 'warn' or 'refuse', got {full_scans!r}", field="full_scans"
            )
        if default_org is not None and (not isinstance(default_org, str) or not default_org):
            raise ValidationError("default_org must be an org's sourcedId", field="default_org")
        self.profile = resolve_profile(profile)
        if dialect is not None:
            self.profile = dataclasses.replace(self.profile, dialect=resolve_dialect(dialect))
        self.base_url = base_url.rstrip("/")
        inner: httpx.BaseTransport = (
            _SendThrough(http_client) if http_client is not None else httpx.HTTPTransport()
        )
        policy = retry_policy or RetryPolicy(max_retries=max_retries)
        self._transport = RetryTransport(inner, policy=policy, max_response_bytes=max_response_bytes)
        self._timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._auth = self._make_auth(
            client_id=client_id, client_secret=client_secret, token_url=token_url, token=token, scopes=scopes
        )
        self._headers = _checked_headers(headers)
        self._page_size = page_size
        self._default_org = default_org
        self._deadline = deadline
        self._full_scans = full_scans
        self._owns_transport = True
        self._derived: weakref.WeakSet[OneRoster] = weakref.WeakSet()
        self._assemble()
        self._closed = False

    def _assemble(self) -> None:
        """Build the per-service httpx clients, the engine and the resources over the shared transport."""
        self._http: dict[str, httpx.Client] = {}
        self._engine = self._engine_for(self.profile, keep=self._http)
        self._engine.full_scans = self._full_scans
        self._engine.default_org = self._default_org
        self._collections: dict[str, Collection[Any, Any]] = {
            spec.name: COLLECTION_CLASSES.get(spec.name, Collection)(
                self._engine, spec, page_size=self._page_size, scope=SCOPES.get(spec.name)
            )
            for spec in RESOURCES
        }

    def _engine_for(self, profile: Profile, *, keep: dict[str, httpx.Client] | None = None) -> Engine:
        """Build an engine for ``profile`` over this client's transport and auth.

        ``keep`` receives the per-service ``httpx.Client`` objects (the client's own, closed by
        :meth:`close`); other engines (the probe's) share the transport and are never closed.
        """
        generated: dict[str, AuthenticatedClient] = {}
        https: dict[str, httpx.Client] = {}
        for service, root in profile.roots.items():
            request_hooks: list[Any] = [_spaces_as_percent20]
            if profile.trailing_slash:
                request_hooks.append(_collection_slash(httpx.URL(self.base_url).path.rstrip("/") + root))
            # Logged last, so the log shows the URL that is really sent.
            request_hooks.append(log_request)
            http = httpx.Client(
                base_url=self.base_url + root,
                auth=self._auth,
                timeout=self._timeout,
                transport=self._transport,
                event_hooks={"request": request_hooks, "response": [log_response, raise_for_response]},
                headers={
                    "Accept": "application/json",
                    # Only what the transport decodes within its size limit (httpx would add br
                    # or zstd when their packages happen to be installed).
                    "Accept-Encoding": ACCEPTED_ENCODINGS,
                    "User-Agent": "oneroster-client",
                    **self._headers,
                },
            )
            https[service] = http
            client = AuthenticatedClient(base_url=self.base_url + root, token="")
            client.set_httpx_client(http)
            generated[service] = client
        engine = Engine(profile=profile, clients=generated, deadline=self._deadline)
        for http in https.values():
            # Recorded after raise_for_response: only answers that reach the parser are kept.
            http.event_hooks["response"].append(engine.record_response)
        if keep is not None:
            keep.update(https)
        return engine

    def probe(self) -> ProbeReport:
        """Find out, with read-only calls, where this provider's services live and what it can express.

        Returns a :class:`~oneroster.probe.ProbeReport` whose ``profile`` can be saved
        (``report.profile.save("provider.json")``) and loaded (``Profile.load(path)``,
        ``ONEROSTER_PROFILE=provider.json``). See :mod:`oneroster.probe`.

        Example:
            ```python
            with OneRoster.from_env() as client:
                report = client.probe()
                print(report)
            ```

        """
        from oneroster.probe import probe_provider

        return probe_provider(self)

    def with_options(self, *, headers: Mapping[str, str] | None = None) -> OneRoster:
        """Return a client for some calls that sends extra headers, sharing this one's connections and token.

        The new headers are added to this client's ``headers=`` (the same name replaces the
        value); ``Authorization`` cannot be set. The returned client needs no closing of its
        own: closing this client ends both.

        Example:
            ```python
            traced = client.with_options(headers={"X-Request-Id": "sync-2026-09-01"})
            page = traced.users.list(limit=10)
            ```

        """
        extra = _checked_headers(headers)
        # A shallow copy shares every setting, the transport and the token; _assemble() then gives
        # it its own httpx clients, engine and resources.
        derived = copy.copy(self)
        derived._headers = {**self._headers, **extra}
        derived._owns_transport = False
        derived._assemble()
        derived._closed = False
        derived._engine.closed = self._engine.closed
        self._derived.add(derived)
        return derived

    # -- the resources: one line each, for help(OneRoster) and editors (rows of resources.RESOURCES) --

    @property
    def users(self) -> Collection[models.User, UserScope]:
        """Every user: students, teachers, guardians, administrators (``/users``)."""
        return self._collections["users"]

    @property
    def students(self) -> Collection[models.User, StudentScope]:
        """The users whose role is student (``/students``); ``students(id).classes``."""
        return self._collections["students"]

    @property
    def teachers(self) -> Collection[models.User, TeacherScope]:
        """The users whose role is teacher (``/teachers``); ``teachers(id).classes``."""
        return self._collections["teachers"]

    @property
    def orgs(self) -> Collection[models.Org, NoReturn]:
        """Organisations: districts, schools, departments (``/orgs``)."""
        return self._collections["orgs"]

    @property
    def schools(self) -> Collection[models.Org, SchoolScope]:
        """The orgs of type school (``/schools``); ``schools(id)`` has classes, people, terms."""
        return self._collections["schools"]

    @property
    def courses(self) -> CourseCollection[CourseScope]:
        """Courses (``/courses``); ``courses(id)`` has their classes and resources; ``create_structure()``."""
        return cast(CourseCollection[CourseScope], self._collections["courses"])

    @property
    def classes(self) -> Collection[models.Class, ClassScope]:
        """Classes (``/classes``); ``classes(id)`` has students, teachers, gradebook, ``enroll()``."""
        return self._collections["classes"]

    @property
    def enrollments(self) -> Collection[models.Enrollment, NoReturn]:
        """Enrollments of users in classes (``/enrollments``)."""
        return self._collections["enrollments"]

    @property
    def academic_sessions(self) -> Collection[models.AcademicSession, NoReturn]:
        """School years, terms and grading periods (``/academicSessions``)."""
        return self._collections["academic_sessions"]

    @property
    def terms(self) -> Collection[models.AcademicSession, TermScope]:
        """The academic sessions of type term (``/terms``); ``terms(id)`` has classes."""
        return self._collections["terms"]

    @property
    def grading_periods(self) -> Collection[models.AcademicSession, NoReturn]:
        """The academic sessions of type gradingPeriod (``/gradingPeriods``)."""
        return self._collections["grading_periods"]

    @property
    def demographics(self) -> Collection[models.Demographics, NoReturn]:
        """Demographics, one record per user under the user's sourcedId (``/demographics``)."""
        return self._collections["demographics"]

    @property
    def categories(self) -> Collection[models.Category, NoReturn]:
        """Gradebook categories that group line items (``/categories``)."""
        return self._collections["categories"]

    @property
    def line_items(self) -> Collection[models.LineItem, LineItemScope]:
        """Gradebook line items: assignments, quizzes, tests (``/lineItems``)."""
        return self._collections["line_items"]

    @property
    def results(self) -> Collection[models.Result, NoReturn]:
        """Gradebook results: one student's score on one line item (``/results``)."""
        return self._collections["results"]

    @property
    def score_scales(self) -> Collection[models.ScoreScale, NoReturn]:
        """Score scales that map scores to grades (``/scoreScales``)."""
        return self._collections["score_scales"]

    @property
    def assessment_line_items(self) -> Collection[models.AssessmentLineItem, NoReturn]:
        """Assessment line items (``/assessmentLineItems``)."""
        return self._collections["assessment_line_items"]

    @property
    def assessment_results(self) -> Collection[models.AssessmentResult, NoReturn]:
        """Assessment results (``/assessmentResults``)."""
        return self._collections["assessment_results"]

    @property
    def resources(self) -> Collection[models.Resource, ResourceScope]:
        """Learning resources: content a class, course or user is given (``/resources``)."""
        return self._collections["resources"]

    @property
    def course_components(self) -> Collection[models.CourseComponentRecord, NoReturn]:
        """TimeBack: units and lessons of a course (``/courses/components``)."""
        return self._collections["course_components"]

    @property
    def component_resources(self) -> Collection[models.ComponentResource, NoReturn]:
        """TimeBack: resources placed in a course component (``/courses/component-resources``)."""
        return self._collections["component_resources"]

    def _make_auth(
        self,
        *,
        client_id: str | None,
        client_secret: str | None,
        token_url: str | None,
        token: str | None,
        scopes: Sequence[str] | None,
    ) -> httpx.Auth:
        if token is not None:
            if client_id or client_secret or token_url:
                raise ValidationError("pass either token= or client credentials, not both", field="token")
            if not isinstance(token, str) or not token:
                raise ValidationError("token must be a non-empty string", field="token")
            return StaticToken(token)
        missing = [n for n, v in (("client_id", client_id), ("client_secret", client_secret)) if not v]
        if missing:
            raise ValidationError(
                f"missing {', '.join(missing)}: pass client credentials or token=", field=missing[0]
            )
        if not token_url:
            raise ValidationError("token_url is required with client credentials", field="token_url")
        token_client = httpx.Client(
            transport=self._transport,
            timeout=self._timeout,
            headers={"Accept-Encoding": ACCEPTED_ENCODINGS, "User-Agent": "oneroster-client"},
        )
        chosen = list(self.profile.default_scopes if scopes is None else scopes)
        return OAuth2ClientCredentials(
            token_url=token_url,
            client_id=str(client_id),
            client_secret=str(client_secret),
            scopes=chosen or None,
            token_client=token_client,
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> OneRoster:
        """Build a client from ``ONEROSTER_BASE_URL``, ``_CLIENT_ID``, ``_CLIENT_SECRET``, ``_TOKEN_URL``,
        ``_TOKEN``, ``_PROFILE``, ``_ENV`` and ``_DEFAULT_ORG``; keyword arguments override them.

        Example:
            ```python
            client = OneRoster.from_env(page_size=500)
            ```

        """  # noqa: D205
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        keys = (
            "base_url",
            "client_id",
            "client_secret",
            "token_url",
            "token",
            "profile",
            "env",
            "default_org",
        )
        for key in keys:
            value = env.get(f"ONEROSTER_{key.upper()}")
            if value:
                values[key] = value
        values.update(overrides)
        if "base_url" not in values and values.get("env") is None:
            raise ValidationError("ONEROSTER_BASE_URL is not set (nor ONEROSTER_ENV)", field="base_url")
        return cls(**values)

    @classmethod
    def timeback(cls, *, env: str = "production", platform: bool = False, **kwargs: Any) -> OneRoster:
        """Build a client for TimeBack's ``env`` deployment: its OneRoster API, or with
        ``platform=True`` its platform API (``/rostering/1.0``).

        Other keyword arguments are the constructor's (``client_id``, ``client_secret``, ``headers``...).

        Example:
            ```python
            client = OneRoster.timeback(env="staging", client_id="id", client_secret="secret")
            ```

        """  # noqa: D205
        return cls(env=env, profile="timeback-platform" if platform else "timeback", **kwargs)

    def __repr__(self) -> str:
        return (
            f"OneRoster(base_url={redact_url(self.base_url)!r}, profile={self.profile.name!r}, "
            f"auth={self._auth!r})"
        )

    def close(self) -> None:
        """Close the connection pool and the token client. Safe to call twice.

        Calls made after closing raise ``ValidationError``.

        Example:
            ```python
            client = OneRoster.from_env()
            try:
                ...
            finally:
                client.close()
            ```

        """
        if self._closed:
            return
        self._closed = True
        # Refuse further calls with a clear error instead of letting httpx reopen a pool
        # that nobody would close again.
        self._engine.closed = True
        if not self._owns_transport:
            return  # a with_options() client: the connections and the token are its parent's
        for derived in list(self._derived):
            derived._engine.closed = True
        close_auth = getattr(self._auth, "close", None)
        if callable(close_auth):
            close_auth()
        self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
