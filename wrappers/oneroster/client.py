"""``OneRoster``: the client users construct, holding one transport, one auth flow and the resources.

It builds, once: a connection pool (``httpx.HTTPTransport``, keep-alive) wrapped in the
retry policy; the OAuth2 client-credentials flow (or a static token); one
``httpx.Client`` per service root of the profile, all sharing that transport and auth; and
a generated ``AuthenticatedClient`` per service. Resources and scopes sit on top.
One instance is safe to share between threads (a Django process, a thread pool).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any, NoReturn, Self

import httpx

import oneroster_client.models as models
from oneroster.auth import OAuth2ClientCredentials, StaticToken
from oneroster.engine import Engine
from oneroster.errors import ValidationError, raise_for_response
from oneroster.logging_utils import log_request, log_response
from oneroster.profiles import Profile, resolve_profile
from oneroster.resources import RESOURCES, Collection
from oneroster.retries import RetryPolicy, RetryTransport
from oneroster.scopes import (
    SCOPES,
    ClassScope,
    CourseScope,
    SchoolScope,
    StudentScope,
    TeacherScope,
    TermScope,
    UserScope,
)
from oneroster_client import AuthenticatedClient

__all__ = ["OneRoster"]

DEFAULT_TIMEOUT = 30.0


class _SendThrough(httpx.BaseTransport):
    """Send through a caller's ``httpx.Client`` so its proxies, certificates and mounts apply."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._client.send(request)
        # The caller's client already read the body; hand back a fresh, unread response.
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            content=response.content,
            extensions=response.extensions,
            request=request,
        )


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
        client_id, client_secret, token_url: OAuth2 client credentials.
        token: a static bearer token instead of client credentials.
        profile: ``"ims"``, ``"timeback"``, ``"timeback-platform"``, ``"v1p1"`` or a ``Profile``.
        scopes: scopes to ask for; default: the read scopes of the profile.
        timeout: seconds for connect/read/write (finite by default).
        max_retries: retries of safe calls on 429/502/503/504 and network faults.
        page_size: default ``limit`` of list calls (``None``: the server's default).
        http_client: an ``httpx.Client`` to send through (proxies, certificates, tests).

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
        base_url: str,
        client_id: str | None = None,
        client_secret: str | None = None,
        token_url: str | None = None,
        token: str | None = None,
        profile: str | Profile = "ims",
        scopes: Sequence[str] | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 3,
        page_size: int | None = None,
        http_client: httpx.Client | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
            raise ValidationError(f"base_url must be an http(s) URL, got {base_url!r}", field="base_url")
        if page_size is not None and (
            isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1
        ):
            raise ValidationError("page_size must be a positive integer", field="page_size")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValidationError("max_retries must be a non-negative integer", field="max_retries")
        self.profile = resolve_profile(profile)
        self.base_url = base_url.rstrip("/")
        inner: httpx.BaseTransport = (
            _SendThrough(http_client) if http_client is not None else httpx.HTTPTransport()
        )
        policy = retry_policy or RetryPolicy(max_retries=max_retries)
        self._transport = RetryTransport(inner, policy=policy)
        self._timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._auth = self._make_auth(
            client_id=client_id, client_secret=client_secret, token_url=token_url, token=token, scopes=scopes
        )
        self._http: dict[str, httpx.Client] = {}
        generated: dict[str, AuthenticatedClient] = {}
        for service, root in self.profile.roots.items():
            request_hooks: list[Any] = [_spaces_as_percent20]
            if self.profile.trailing_slash:
                request_hooks.append(_collection_slash(httpx.URL(self.base_url).path.rstrip("/") + root))
            # Logged last, so the log shows the URL that is really sent.
            request_hooks.append(log_request)
            http = httpx.Client(
                base_url=self.base_url + root,
                auth=self._auth,
                timeout=self._timeout,
                transport=self._transport,
                event_hooks={"request": request_hooks, "response": [log_response, raise_for_response]},
                headers={"Accept": "application/json", "User-Agent": "oneroster-client"},
            )
            self._http[service] = http
            client = AuthenticatedClient(base_url=self.base_url + root, token="")
            client.set_httpx_client(http)
            generated[service] = client
        self._engine = Engine(profile=self.profile, clients=generated)
        for http in self._http.values():
            # Recorded after raise_for_response: only answers that reach the parser are kept.
            http.event_hooks["response"].append(self._engine.record_response)
        self._collections: dict[str, Collection[Any, Any]] = {
            spec.name: Collection(self._engine, spec, page_size=page_size, scope=SCOPES.get(spec.name))
            for spec in RESOURCES
        }
        self._closed = False

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
    def courses(self) -> Collection[models.Course, CourseScope]:
        """Courses (``/courses``); ``courses(id)`` has their classes and resources."""
        return self._collections["courses"]

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
    def line_items(self) -> Collection[models.LineItem, NoReturn]:
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
    def resources(self) -> Collection[models.Resource, NoReturn]:
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
        token_client = httpx.Client(transport=self._transport, timeout=self._timeout)
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
        ``_TOKEN`` and ``_PROFILE``; keyword arguments override them.

        Example:
            ```python
            client = OneRoster.from_env(page_size=500)
            ```

        """  # noqa: D205
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for key in ("base_url", "client_id", "client_secret", "token_url", "token", "profile"):
            value = env.get(f"ONEROSTER_{key.upper()}")
            if value:
                values[key] = value
        values.update(overrides)
        if "base_url" not in values:
            raise ValidationError("ONEROSTER_BASE_URL is not set", field="base_url")
        return cls(**values)

    def __repr__(self) -> str:
        return f"OneRoster(base_url={self.base_url!r}, profile={self.profile.name!r}, auth={self._auth!r})"

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
