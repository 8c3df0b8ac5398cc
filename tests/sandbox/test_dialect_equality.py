"""The same call returns the same records whatever the provider can express.

A client of a sandbox playing the fullest provider (the ``full`` dialect: nested routes,
dotted fields, parentheses, quote escapes) is the reference. Clients of sandboxes playing the
1EdTech baseline, TimeBack, or the Ed-Fi open-source provider (no nested routes at all, a
plain 404 for them, singular envelopes, ignored ``fields``) must plan around what each refuses,
and still return exactly the same records, for every public read call and for random
``where`` trees.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oneroster import F, OneRoster
from oneroster.dialects import BASELINE, EDFI, FULL, TIMEBACK, Dialect
from oneroster.filters import Condition
from oneroster.profiles import PROFILES
from oneroster.resources import RESOURCES
from oneroster.sandbox import RunningSandbox, serve
from oneroster.scopes import ROUTES

pytestmark = pytest.mark.sandbox

NARROW = {"baseline": BASELINE, "timeback": TIMEBACK, "edfi": EDFI}


def _client(sandbox: RunningSandbox, dialect: Dialect) -> OneRoster:
    profile = dataclasses.replace(PROFILES["timeback"], name=f"timeback-as-{dialect.name}", dialect=dialect)
    return OneRoster(**{**sandbox.client_kwargs(), "profile": profile}, page_size=25)


@pytest.fixture(scope="module")
def clients() -> Iterator[dict[str, OneRoster]]:
    """One sandbox per dialect, each playing it (refusing what it cannot take), the same district in each."""
    with contextlib.ExitStack() as stack:
        made = {}
        for name, dialect in {"full": FULL, **NARROW}.items():
            sandbox = stack.enter_context(serve(seed=3, users=120, dialect=dialect))
            made[name] = stack.enter_context(_client(sandbox, dialect))
        yield made


def _ids(records: list[Any]) -> list[str]:
    return [record.sourced_id for record in records]


def _same(
    clients: dict[str, OneRoster], call: Callable[[OneRoster], list[Any]], *, ordered: bool
) -> list[str]:
    want = _ids(call(clients["full"]))
    for name in NARROW:
        got = _ids(call(clients[name]))
        if ordered:
            assert got == want, name
        else:
            assert sorted(got) == sorted(want), name
            assert len(got) == len(set(got)), f"{name} repeats records"
    return want


LISTABLE = [spec.name for spec in RESOURCES]


@pytest.mark.parametrize("name", LISTABLE)
def test_every_collection_lists_the_same_records(clients: dict[str, OneRoster], name: str) -> None:
    _same(clients, lambda c: getattr(c, name).list_all(), ordered=True)
    _same(clients, lambda c: list(getattr(c, name).stream(max_items=7)), ordered=True)
    _same(clients, lambda c: getattr(c, name).list(limit=4, offset=3).data, ordered=True)
    first = _same(clients, lambda c: [r] if (r := getattr(c, name).first()) else [], ordered=True)
    if first:
        for client in clients.values():
            assert getattr(client, name).exists(first[0])
            assert getattr(client, name).get(first[0]).sourced_id == first[0]


def _parents(client: OneRoster) -> dict[str, list[str]]:
    """Ids worth asking nested listings about: some with children, one without."""

    def some(listing: Any, n: int = 3) -> list[str]:
        return [r.sourced_id for r in listing.list_all(max_items=n)]

    enrollments = client.enrollments.list_all(max_items=400)
    classes = list(dict.fromkeys(e.class_.sourced_id for e in enrollments))[:3]
    line_items = client.line_items.list_all(max_items=50)
    return {
        "users": some(client.users) + [e.user.sourced_id for e in enrollments[:2]],
        "students": some(client.students),
        "teachers": some(client.teachers),
        "classes": [*classes, line_items[0].class_.sourced_id],
        "schools": some(client.schools),
        "terms": some(client.terms),
        "courses": some(client.courses),
        "line_item": [line_items[0].sourced_id],
        "line_items": [line_items[0].sourced_id, line_items[-1].sourced_id],
    }


@pytest.fixture(scope="module")
def parents(clients: dict[str, OneRoster]) -> dict[str, list[str]]:
    return _parents(clients["full"])


def _scoped(client: OneRoster, route: str, ids: tuple[str, ...]) -> Any:
    head, *rest = route.split(".")
    scope = getattr(client, head)(ids[0])
    if len(rest) == 2:
        child, name = rest
        scope = getattr(scope, child)(ids[1])
        return getattr(scope, name)
    return getattr(scope, rest[0])


def _cases(parents: dict[str, list[str]]) -> Iterator[tuple[str, tuple[str, ...]]]:
    for route in ROUTES:
        head, *rest = route.split(".")
        for first in parents[head]:
            if len(rest) == 2:
                child = {"class_": "classes", "line_item": "line_item", "student": "students"}[rest[0]]
                for second in parents[child][:2]:
                    yield route, (first, second)
            else:
                yield route, (first,)


def test_every_scoped_listing_returns_the_same_records(
    clients: dict[str, OneRoster], parents: dict[str, list[str]]
) -> None:
    nonempty = 0
    for route, ids in _cases(parents):
        if route in {"users.agent_for"}:
            continue
        want = _same(clients, lambda c, r=route, i=ids: _scoped(c, r, i).list_all(), ordered=False)
        nonempty += bool(want)
        _same(
            clients,
            lambda c, r=route, i=ids: list(_scoped(c, r, i).stream(sort="sourcedId", order_by="desc")),
            ordered=True,
        )
        _same(
            clients,
            lambda c, r=route, i=ids: _scoped(c, r, i).list(sort="sourcedId", limit=2, offset=1).data,
            ordered=True,
        )
    assert nonempty >= 20


VALUES = {
    "familyName": ["O'Neill", "Garcia", "Smith", "Lee", "N'Diaye"],
    "givenName": ["Ana", "José", "Li"],
    "status": ["active", "tobedeleted"],
    "grades": ["09", "10", "05"],
    "roles.role": ["student", "teacher", "parent", "administrator"],
    "role": ["student", "teacher", "guardian"],
    "enabledUser": ["true", "false"],
}


def _clause() -> st.SearchStrategy[Condition]:
    equal = (
        st.sampled_from(sorted(VALUES))
        .flatmap(
            lambda name: st.tuples(st.just(name), st.sampled_from(VALUES[name]), st.sampled_from(["=", "!="]))
        )
        .map(lambda t: F(t[0]) == t[1] if t[2] == "=" else F(t[0]) != t[1])
    )
    contains = st.sampled_from(["O'", "an", "ee", "é", "'"]).map(lambda v: F("familyName").contains(v))
    since = st.sampled_from(["2020-01-01", "2025-06-01T00:00:00Z"]).map(lambda v: F("dateLastModified") >= v)
    return st.one_of(equal, contains, since)


where_trees = st.recursive(
    _clause(),
    lambda children: st.lists(children, min_size=2, max_size=3).map(
        lambda parts: parts[0] & parts[1] if len(parts) == 2 else parts[0] | parts[1] | parts[2]
    ),
    max_leaves=5,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=where_trees)
def test_random_where_trees_return_the_same_users(clients: dict[str, OneRoster], where: Condition) -> None:
    _same(clients, lambda c: c.users.list_all(where=where), ordered=False)
    _same(clients, lambda c: c.users.list_all(where=where, sort="familyName"), ordered=False)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=where_trees)
def test_random_where_trees_on_a_scoped_listing(
    clients: dict[str, OneRoster], parents: dict[str, list[str]], where: Condition
) -> None:
    school = parents["schools"][0]
    _same(clients, lambda c: c.schools(school).students.list_all(where=where), ordered=False)


def test_where_on_dates_and_dotted_references(
    clients: dict[str, OneRoster], parents: dict[str, list[str]]
) -> None:
    klass = parents["classes"][0]
    since = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    _same(
        clients,
        lambda c: c.enrollments.list_all(
            where=(F("class.sourcedId") == klass) & (F("dateLastModified") > since)
        ),
        ordered=False,
    )
    _same(clients, lambda c: c.users.list_all(where={"role": "student", "status": "active"}), ordered=False)
    _same(clients, lambda c: c.users.list_all(where={"role": "administrator"}), ordered=False)
