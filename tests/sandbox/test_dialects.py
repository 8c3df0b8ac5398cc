"""The sandbox playing provider dialects over loopback HTTP: refusals, silences, answer habits.

The point of a dialect is that it never changes *which* records a query it accepts returns
(except the deliberate silent ones: a doubled quote without ``quote_escape``, and ignored
``search``/``fields``); ``test_accepted_queries_select_the_same_records`` checks that for every
preset and for the answer habits combined.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from oneroster import OneRoster
from oneroster.dialects import BASELINE, DIALECTS, EDFI, FULL, Dialect
from oneroster.sandbox import CONTROL_HEADERS, RunningSandbox, SandboxConfig, serve
from oneroster.sandbox.__main__ import parser
from oneroster.sandbox.dialect import NESTED_LISTINGS, QUIRK_FLAGS, dialect_from_flags, updated_dialect

pytestmark = pytest.mark.sandbox

ROSTER = "/ims/oneroster/rostering/v1p2"
HABITS = FULL.replace(
    name="habits", null_references=True, short_pages=True, extra_envelope_keys=True, singular_envelopes=True
)


@pytest.fixture(scope="module")
def played() -> Iterator[RunningSandbox]:
    """A timeback-profile sandbox whose dialect each test sets (and the fixture below resets)."""
    with serve(seed=1, users=300) as running:
        yield running


@pytest.fixture(autouse=True)
def _full_again(played: RunningSandbox) -> Iterator[None]:
    yield
    played.set_dialect("full")


class Api:
    """Bare HTTP against a sandbox: what a provider answers, with no client in between."""

    def __init__(self, sandbox: RunningSandbox) -> None:
        token = httpx.post(
            sandbox.token_url,
            data={"grant_type": "client_credentials"},
            auth=(sandbox.client_id, sandbox.client_secret),
        ).json()["access_token"]
        self.http = httpx.Client(base_url=sandbox.base_url, headers={"Authorization": f"Bearer {token}"})

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.http.get(ROSTER + path, params=params)

    def ids(self, path: str, key: str = "users", **params: Any) -> list[str]:
        """Every sourcedId of a listing, paging until an empty page (no totals needed)."""
        found: list[str] = []
        while True:
            answer = self.get(path, offset=len(found), limit=40, **params)
            assert answer.status_code == 200, answer.text
            page = [record["sourcedId"] for record in answer.json()[key]]
            if not page:
                return found
            found += page


@pytest.fixture(scope="module")
def api(played: RunningSandbox) -> Iterator[Api]:
    client = Api(played)
    yield client
    client.http.close()


def _code_minor(body: dict[str, Any]) -> str | None:
    fields = body.get("imsx_CodeMinor", {}).get("imsx_codeMinorField", [])
    return fields[0]["imsx_codeMinorFieldValue"] if fields else None


def _quoted_family(played: RunningSandbox) -> str:
    return next(u["familyName"] for u in played.app_state.store.iter_kind("users") if "'" in u["familyName"])


# -- building dialects ------------------------------------------------------------------------


def test_presets_and_flags_build_dialects() -> None:
    args = parser().parse_args(["--dialect", "edfi", "--max-clauses", "3", "--no-link", "--short-pages"])
    built = dialect_from_flags(args.dialect, flags=args.quirks, max_clauses=args.max_clauses)
    assert built == EDFI.replace(name="edfi+quirks", max_clauses=3, short_pages=True)
    assert dialect_from_flags("full") is FULL
    no_parens = dialect_from_flags("full", flags=["--no-parentheses"])
    assert not no_parens.parentheses and not no_parens.mixed_connectors
    assert set(parser().parse_args([]).quirks) == set() and len(QUIRK_FLAGS) >= 14
    assert sorted(DIALECTS) == ["baseline", "edfi", "full", "timeback", "timeback-platform"]
    with pytest.raises(ValueError, match="unknown dialect"):
        SandboxConfig(dialect="no-such-provider")


def test_json_changes_are_checked() -> None:
    assert updated_dialect(FULL, {"preset": "baseline", "search": True}) == BASELINE.replace(search=True)
    assert updated_dialect(BASELINE, {"nested_routes": ["getStudentsForClass"]}).has_route(
        "getStudentsForClass"
    )
    for bad in ({"preset": "nope"}, {"search": "yes"}, {"max_clauses": 0}, {"shoeSize": 4}, {"name": 3}):
        with pytest.raises(ValueError):
            updated_dialect(FULL, bad)


# -- what is refused --------------------------------------------------------------------------

REFUSED = [
    ("baseline", "givenName='A' AND familyName='B' AND status='active'"),  # max_clauses
    ("baseline", "status='active' AND (familyName='A' OR familyName='B')"),  # parentheses, mixing
    ("baseline", "roles.role='student'"),  # dotted fields
    ("baseline", "role='student'"),  # no role filter field
    ("timeback", "roles.org.sourcedId='org-0001'"),
    ("edfi", "(familyName='A')"),
    ("edfi", "roles.role='student'"),
]


@pytest.mark.parametrize(("preset", "text"), REFUSED)
def test_a_filter_the_dialect_cannot_take_is_400_in_its_form(
    preset: str, text: str, played: RunningSandbox, api: Api
) -> None:
    assert api.get("/users", filter=text, limit=1).status_code == 200  # the full dialect takes it
    played.set_dialect(preset)
    answer = api.get("/users", filter=text, limit=1)
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["imsx_codeMajor"] == "failure"
    if DIALECTS[preset].flat_errors:
        # Ed-Fi's flat form: no structured imsx_CodeMinor.
        assert body["imsx_codeMinor"] == "invalid_data" and "imsx_CodeMinor" not in body
    else:
        assert _code_minor(body) == "invalid_filter_field"


def test_each_quirk_flag_of_the_grammar_refuses(played: RunningSandbox, api: Api) -> None:
    cases = {
        "mixed_connectors": (
            "status='active' AND (familyName='A' OR familyName='B')",
            {"mixed_connectors": False},
        ),
        "contains": ("familyName~'an'", {"contains": False}),
        "max_clauses": ("status='active' AND familyName='A'", {"max_clauses": 1}),
    }
    for text, changes in cases.values():
        assert api.get("/users", filter=text).status_code == 200
        played.set_dialect("full", **changes)
        assert api.get("/users", filter=text).status_code == 400
        played.set_dialect("full")


# -- which records: never changed by a dialect --------------------------------------------------

QUERIES = [
    ("/users", None),
    ("/users", "familyName>='M'"),
    ("/users", "status='active' AND givenName~'an'"),
    ("/users", "familyName='Garcia' OR familyName='Smith'"),
    ("/users", "role='teacher'"),
    ("/users", "role!='student'"),
    ("/students", "grades='09'"),
    ("/classes", "classType='scheduled' AND title~'1'"),
    ("/enrollments", "role='teacher'"),
]


@pytest.mark.parametrize("dialect", [*DIALECTS.values(), HABITS], ids=lambda d: d.name)
def test_accepted_queries_select_the_same_records(dialect: Dialect, played: RunningSandbox, api: Api) -> None:
    expected = {}
    for path, text in QUERIES:
        params = {"filter": text} if text else {}
        expected[(path, text)] = api.ids(path, key=path.strip("/").replace("students", "users"), **params)
    played.set_dialect(dialect)
    checked = 0
    for path, text in QUERIES:
        params = {"filter": text} if text else {}
        if text and api.get(path, limit=1, **params).status_code == 400:
            continue  # refused: the dialect cannot take it (tested above), never a different answer
        found = api.ids(path, key=path.strip("/").replace("students", "users"), **params)
        assert found == expected[(path, text)], (path, text)
        assert found or text, path
        checked += 1
    assert checked >= 5


def test_a_doubled_quote_matches_nothing_without_the_escape(played: RunningSandbox, api: Api) -> None:
    family = _quoted_family(played)
    text = "familyName='" + family.replace("'", "''") + "'"
    assert api.ids("/users", filter=text)
    played.set_dialect("baseline")
    answer = api.get("/users", filter=text)
    assert answer.status_code == 200 and answer.json()["users"] == []


def test_role_is_a_users_filter_field_where_the_dialect_has_it(played: RunningSandbox, api: Api) -> None:
    students = api.ids("/students")
    assert api.ids("/users", filter="role='student'") == students
    everyone = api.ids("/users")
    others = api.ids("/users", filter="role!='student'")
    assert sorted(others + students) == sorted(everyone) and students and others
    # A parent who is also a teacher (or any user with several roles) matches each of them.
    teachers = set(api.ids("/teachers"))
    assert set(api.ids("/users", filter="role='teacher' OR role='student'")) == teachers | set(students)
    played.set_dialect("baseline")
    assert api.get("/users", filter="role='student'").status_code == 400


def test_the_seed_documents_first_example_works(played: RunningSandbox) -> None:
    # Seed 000: client.users.list(where={"role": "student"}) against the (timeback) sandbox.
    with OneRoster(**played.client_kwargs()) as client:
        students = client.users.list(where={"role": "student"}, limit=5).data
        assert students and all(any(r.role == "student" for r in s.roles) for s in students)


# -- what is ignored or left out ----------------------------------------------------------------


def test_search_is_ignored_not_refused(played: RunningSandbox, api: Api) -> None:
    assert api.get("/users", search="no-such-text-anywhere").json()["users"] == []
    played.set_dialect("baseline")
    answer = api.get("/users", search="no-such-text-anywhere", limit=5)
    assert answer.status_code == 200 and len(answer.json()["users"]) == 5


def test_fields_ignored_on_single_gets_only(played: RunningSandbox, api: Api) -> None:
    played.set_dialect("edfi")
    whole = api.get("/users/usr-000001", fields="sourcedId").json()["user"]
    assert {"givenName", "familyName", "roles"} <= set(whole)
    listed = api.get("/users", fields="sourcedId", limit=2).json()["users"]
    assert all(set(record) == {"sourcedId"} for record in listed)


def test_no_totals_and_no_link(played: RunningSandbox, api: Api) -> None:
    before = api.get("/users", limit=2)
    assert "x-total-count" in before.headers and "link" in before.headers and "totalCount" in before.json()
    played.set_dialect("edfi")
    answer = api.get("/users", limit=2)
    assert "x-total-count" not in answer.headers and "link" not in answer.headers
    assert set(answer.json()) == {"users"}


# -- routes -----------------------------------------------------------------------------------


def test_a_missing_nested_route_is_a_plain_404(played: RunningSandbox, api: Api) -> None:
    assert api.get("/classes/cls-0001/students").status_code == 200
    played.set_dialect("edfi")
    missing = api.get("/classes/cls-0001/students")
    assert missing.status_code == 404
    # Ed-Fi's catch-all answer for any unknown route: no codeMinor, so not "no such record".
    assert missing.json() == api.get("/no-such-collection").json()
    assert "imsx_CodeMinor" not in missing.json() and "imsx_codeMinor" not in missing.json()
    assert api.get("/classes/cls-0001").status_code == 200  # the parent is there
    record = api.get("/classes/no-such-class")
    assert record.status_code == 404 and "no-such-class" in record.json()["imsx_description"]

    played.set_dialect("full", nested_routes=False)
    plain = api.get("/classes/cls-0001/students")
    assert plain.status_code == 404 and plain.headers["content-type"].startswith("text/plain")
    played.set_dialect("full", nested_routes=["getStudentsForClass"])
    assert api.get("/classes/cls-0001/students").status_code == 200
    assert api.get("/classes/cls-0001/teachers").status_code == 404
    assert {"getStudentsForClass", "getAgents", "getResultsForClass"} <= NESTED_LISTINGS


# -- answer habits ----------------------------------------------------------------------------


def test_singular_single_envelopes(played: RunningSandbox, api: Api) -> None:
    store = played.app_state.store
    term = next(s for s in store.iter_kind("academicSessions") if s["type"] == "term")["sourcedId"]
    period = next(s for s in store.iter_kind("academicSessions") if s["type"] == "gradingPeriod")["sourcedId"]
    demographic = next(store.iter_kind("demographics"))["sourcedId"]
    played.set_dialect("edfi")
    assert set(api.get(f"/demographics/{demographic}").json()) == {"demographic"}
    assert set(api.get(f"/terms/{term}").json()) == {"term"}
    assert set(api.get(f"/gradingPeriods/{period}").json()) == {"gradingPeriod"}
    assert set(api.get("/users/usr-000001").json()) == {"user"}
    assert set(api.get(f"/academicSessions/{term}").json()) == {"academicSession"}


def test_null_references_extra_keys_and_short_pages(played: RunningSandbox, api: Api) -> None:
    stored = {c["sourcedId"]: c for c in played.app_state.store.iter_kind("classes")}
    played.set_dialect(HABITS)
    page = api.get("/classes", limit=20)
    body = page.json()
    assert body["meta"] == {"dialect": "habits"}
    assert len(body["classes"]) == 10  # half the page: more classes follow
    classes = {c["sourcedId"]: c for c in (api.get("/classes", offset=n, limit=1).json()["classes"][0]
                                           for n in range(len(stored)))}  # fmt: skip
    nulled = 0
    for sourced_id, record in classes.items():
        digest = zlib.crc32(sourced_id.encode())
        assert (record["course"] is None) == (digest % 4 == 0)
        assert (record["school"] is None) == ((digest // 4) % 4 == 0)
        nulled += record["course"] is None
        # The store keeps the references: filters on them still select the record.
        assert stored[sourced_id]["course"] is not None
    assert 0 < nulled < len(classes)
    lost = next(i for i, c in classes.items() if c["course"] is None)
    course = stored[lost]["course"]["sourcedId"]
    assert lost in api.ids(f"/courses/{course}/classes", key="classes")
    got = api.get(f"/classes/{lost}").json()["class"]
    assert got["course"] is None


# -- control at run time ----------------------------------------------------------------------


def test_dialect_endpoint(played: RunningSandbox) -> None:
    url = played.base_url + "/_sandbox/dialect"
    assert httpx.get(url).json() == FULL.to_dict()
    answer = httpx.post(url, json={"preset": "edfi", "max_clauses": 3}, headers=CONTROL_HEADERS)
    assert answer.status_code == 200 and answer.json()["max_clauses"] == 3
    assert played.dialect == EDFI.replace(max_clauses=3)
    assert httpx.post(url, json={"search": "yes"}, headers=CONTROL_HEADERS).status_code == 400
    assert played.dialect == EDFI.replace(max_clauses=3)
    refused = httpx.post(url, json={"preset": "full"})
    assert refused.status_code == 403 and played.dialect.name == "edfi"
    sneaky = httpx.post(
        url, content=b'{"preset": "full"}', headers={**CONTROL_HEADERS, "Content-Type": "text/plain"}
    )
    assert sneaky.status_code == 415 and played.dialect.name == "edfi"
    assert played.set_dialect("baseline", dotted_fields={"class.sourcedId"}).allows_dotted("class.sourcedId")
