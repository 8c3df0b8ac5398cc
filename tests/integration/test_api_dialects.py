"""Wire behaviour of narrower providers: what a provider of each dialect answers (ims profile).

Recorded against the sandbox playing the ``edfi`` and ``baseline`` presets, and the answer
habits the TimeBack document allows (``HABITS``). These cassettes hold what the *provider*
says, sent through the generated client's authenticated transport (no planner in between), so
they stay valid when the client learns to plan around them; re-record with ``make record``.
Against a real provider they record only when ``ONEROSTER_DIALECT`` names the dialect.
"""

from __future__ import annotations

from typing import Any

import pytest
from integration_support import Provider, ProviderFactory, generated_client
from oneroster.dialects import FULL

pytestmark = pytest.mark.vcr

# The answer habits the TimeBack document allows, on top of the full grammar.
HABITS = FULL.replace(
    name="timeback-document-habits",
    null_references=True,
    extra_envelope_keys=True,
    short_pages=True,
    singular_envelopes=True,
)


class Wire:
    """GETs below the rostering root through the wrapper's OAuth2, answers untouched."""

    def __init__(self, provider: Provider) -> None:
        self.http = generated_client(provider, "rostering").get_httpx_client()

    def get(self, path: str, **params: Any) -> Any:
        return self.http.get(path, params=params)

    def first(self, path: str, key: str, **params: Any) -> dict[str, Any]:
        answer = self.get(path, limit=1, **params)
        assert answer.status_code == 200, answer.text
        record: dict[str, Any] = answer.json()[key][0]
        return record


def _minor(body: dict[str, Any]) -> str | None:
    """The codeMinor of an imsx error body, structured (1EdTech) or flat (Ed-Fi)."""
    if "imsx_codeMinor" in body:
        return str(body["imsx_codeMinor"])
    fields = body.get("imsx_CodeMinor", {}).get("imsx_codeMinorField", [])
    return str(fields[0]["imsx_codeMinorFieldValue"]) if fields else None


@pytest.fixture
def edfi(providers: ProviderFactory) -> Wire:
    return Wire(providers("ims", "edfi"))


@pytest.fixture
def baseline(providers: ProviderFactory) -> Wire:
    return Wire(providers("ims", "baseline"))


@pytest.fixture
def habits(providers: ProviderFactory) -> Wire:
    return Wire(providers("ims", HABITS))


# -- edfi ---------------------------------------------------------------------------------------


def test_edfi_nested_route_is_a_plain_404(edfi: Wire) -> None:
    klass = edfi.first("/classes", "classes")["sourcedId"]
    nested = edfi.get(f"/classes/{klass}/students")
    parent = edfi.get(f"/classes/{klass}")
    missing = edfi.get("/classes/cassette-no-such-class")
    assert nested.status_code == 404 and _minor(nested.json()) is None
    assert parent.status_code == 200  # so the 404 above means "no such route", not "no such class"
    assert missing.status_code == 404 and "cassette-no-such-class" in missing.json()["imsx_description"]


def test_edfi_refuses_what_it_cannot_filter(edfi: Wire) -> None:
    parentheses = edfi.get("/users", filter="status='active' AND (familyName='Garcia')")
    dotted = edfi.get("/users", filter="roles.role='student'")
    one_operator = edfi.get("/users", filter="familyName='Garcia' OR familyName='Smith'", limit=2)
    for refused in (parentheses, dotted):
        assert refused.status_code == 400 and _minor(refused.json()) == "invalid_data"
        assert "imsx_CodeMinor" not in refused.json()
    assert one_operator.status_code == 200


def test_edfi_doubled_quote_matches_nothing(edfi: Wire) -> None:
    o_names = edfi.get("/users", filter="familyName>='O' AND familyName<'P'", fields="sourcedId,familyName")
    quoted = next(u for u in o_names.json()["users"] if "'" in u["familyName"])
    escaped = quoted["familyName"].replace("'", "''")
    exact = edfi.get("/users", filter=f"familyName='{escaped}'")
    assert exact.status_code == 200 and exact.json()["users"] == []  # silently nothing
    tail = quoted["familyName"].split("'")[-1]
    around = edfi.get("/users", filter=f"familyName~'{tail}'", fields="sourcedId")
    assert quoted["sourcedId"] in [u["sourcedId"] for u in around.json()["users"]]


def test_edfi_single_answers(edfi: Wire) -> None:
    demographic = edfi.first("/demographics", "demographics")["sourcedId"]
    term = edfi.first("/terms", "academicSessions")["sourcedId"]
    user = edfi.first("/users", "users")["sourcedId"]
    assert list(edfi.get(f"/demographics/{demographic}").json()) == ["demographic"]
    assert list(edfi.get(f"/terms/{term}").json()) == ["term"]
    selected = edfi.get(f"/users/{user}", fields="sourcedId").json()["user"]
    assert {"sourcedId", "givenName", "roles"} <= set(selected)  # fields= ignored on a single GET


def test_edfi_lists_carry_no_paging_signals(edfi: Wire) -> None:
    page = edfi.get("/users", limit=2)
    searched = edfi.get("/users", limit=2, search="cassette-matches-nobody")
    assert page.status_code == 200 and set(page.json()) == {"users"}
    assert "x-total-count" not in page.headers and "link" not in page.headers
    assert searched.json() == page.json()  # search= ignored, not refused
    end = edfi.get("/orgs", offset=10_000, limit=2)
    assert end.status_code == 200 and end.json() == {"orgs": []}  # the only end signal


# -- baseline -------------------------------------------------------------------------------------


def test_baseline_filter_grammar(baseline: Wire) -> None:
    two = baseline.get("/users", filter="status='active' AND familyName>='M'", limit=2)
    assert two.status_code == 200 and len(two.json()["users"]) == 2
    for text in (
        "status='active' AND familyName>='M' AND givenName>='A'",
        "familyName='Garcia' OR (familyName='Smith')",
        "roles.role='student'",
        "role='student'",
    ):
        refused = baseline.get("/users", filter=text, limit=2)
        assert refused.status_code == 400 and _minor(refused.json()) == "invalid_filter_field", text


def test_baseline_ignores_search_and_keeps_signals(baseline: Wire) -> None:
    page = baseline.get("/users", limit=2)
    searched = baseline.get("/users", limit=2, search="cassette-matches-nobody")
    assert searched.json()["users"] == page.json()["users"]
    assert "x-total-count" in page.headers and "link" in page.headers


# -- answer habits the TimeBack document allows ----------------------------------------------------


def test_document_habits(habits: Wire) -> None:
    page = habits.get("/classes", limit=8)
    body = page.json()
    assert len(body["classes"]) == 4  # a short page: more classes follow
    assert set(body) == {"classes", "meta"}
    nulled = [c for c in body["classes"] if c["course"] is None or c["school"] is None]
    assert nulled, "some classes answer a null course or school"
    single = habits.get(f"/classes/{nulled[0]['sourcedId']}").json()["class"]
    assert single["course"] == nulled[0]["course"] and single["school"] == nulled[0]["school"]
    term = habits.first("/terms", "academicSessions")["sourcedId"]
    assert list(habits.get(f"/terms/{term}").json()) == ["term"]
