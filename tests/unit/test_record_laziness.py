"""Records build their nested models on first access (openapi/templates/model.py.jinja), and nothing shows it.

A record's from_dict reads its own fields and only *checks* the fields holding other models
(references, roles, ids); each of those is built from the kept JSON object when first read, then
held. What must not change: a record that does not fit is refused by from_dict; a value the caller
set is never overwritten; equality, repr, to_dict(), copies and pickles are what an eagerly built
record gives.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from typing import Any

import httpx
import pytest

import oneroster_client
from oneroster_client.api.rostering import get_all_users
from oneroster_client.models import (
    GUIDRef,
    GUIDRefType,
    RoleAssignment,
    RoleType,
    StatusEnum,
    TrueFalseEnum,
    User,
    UserId,
    UserRole,
    UserSet,
)
from oneroster_client.types import Deferred, LazyRecord

ORG = {"href": "https://sis.example/orgs/org-1", "sourcedId": "org-1", "type": "org"}
RECORD: dict[str, Any] = {
    "sourcedId": "u-1",
    "status": "active",
    "dateLastModified": "2026-01-05T10:00:00.000Z",
    "username": "ada",
    "userIds": [{"type": "SIS", "identifier": "E1"}],
    "enabledUser": "true",
    "givenName": "Ada",
    "familyName": "Lovelace",
    "roles": [{"roleType": "primary", "role": "student", "org": ORG}],
    "primaryOrg": ORG,
    "agents": [{"sourcedId": "u-2", "type": "user"}],
    "middleName": None,
    "x-vendor": {"id": 7},
}


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sourcedIds of the references built, in order (GUIDRef.from_dict counted)."""
    seen: list[str] = []
    original = GUIDRef.from_dict.__func__  # type: ignore[attr-defined]

    def counting(cls: type[GUIDRef], src_dict: Any) -> GUIDRef:
        seen.append(src_dict.get("sourcedId"))
        return original(cls, src_dict)  # type: ignore[no-any-return]

    monkeypatch.setattr(GUIDRef, "from_dict", classmethod(counting))
    return seen


def test_nested_models_are_built_on_first_access_and_then_held(built: list[str]) -> None:
    user = User.from_dict(RECORD)
    assert built == []  # the user's own fields are read; its references, roles and ids are not built
    assert (user.sourced_id, user.given_name, user.middle_name) == ("u-1", "Ada", None)
    org = user.primary_org
    assert isinstance(org, GUIDRef) and org.sourced_id == "org-1"
    assert built == ["org-1"]
    assert user.primary_org is org  # held: read once
    assert isinstance(user.roles, list) and isinstance(user.roles[0], RoleAssignment)
    assert built == ["org-1", "org-1"]  # the role's org, built with the role
    assert isinstance(user.roles[0].org, GUIDRef)


@pytest.mark.parametrize(
    "roles",
    ["student", [1], [None], [["student"]], 7],
    ids=["a string", "a number", "a null", "a list", "no list"],
)
def test_a_record_whose_nested_field_does_not_fit_is_refused_by_from_dict(roles: object) -> None:
    with pytest.raises((TypeError, AttributeError)):
        User.from_dict({"sourcedId": "u-1", "roles": roles})


def test_a_value_the_caller_set_is_never_overwritten() -> None:
    source = json.loads(json.dumps(RECORD))
    user = User.from_dict(source)
    user.primary_org = None  # before it was ever read
    user.roles = []
    assert user.primary_org is None and user.roles == []
    written = user.to_dict()
    assert "primaryOrg" not in written and written["roles"] == []
    assert written["agents"] == RECORD["agents"] and written["userIds"] == RECORD["userIds"]
    assert source == RECORD  # the kept object is read, never written


def test_a_nested_model_changed_after_its_first_read_is_what_to_dict_writes() -> None:
    user = User.from_dict(RECORD)
    org = user.primary_org
    assert org is not None
    org.sourced_id = "org-9"
    assert user.to_dict()["primaryOrg"]["sourcedId"] == "org-9"
    assert RECORD["primaryOrg"]["sourcedId"] == "org-1"


def test_a_lazy_record_is_equal_to_the_same_record_built_by_hand() -> None:
    by_hand = User(
        sourced_id="u-1",
        status=StatusEnum.ACTIVE,
        date_last_modified=dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC),
        username="ada",
        user_ids=[UserId(type_="SIS", identifier="E1")],
        enabled_user=TrueFalseEnum.TRUE,
        given_name="Ada",
        family_name="Lovelace",
        roles=[RoleAssignment(role_type=RoleType.PRIMARY, role=UserRole.STUDENT, org=GUIDRef.from_dict(ORG))],
        primary_org=GUIDRef.from_dict(ORG),
        agents=[GUIDRef(sourced_id="u-2", type_=GUIDRefType.USER)],
    )
    by_hand["x-vendor"] = {"id": 7}
    assert User.from_dict(RECORD) == by_hand
    assert repr(User.from_dict(RECORD)) == repr(by_hand)
    assert User.from_dict(RECORD).to_dict() == RECORD


@pytest.mark.parametrize("clone", [copy.copy, copy.deepcopy, lambda u: pickle.loads(pickle.dumps(u))])
def test_copies_and_pickles_of_an_unread_record_read_like_it(clone: Any) -> None:
    twin = clone(User.from_dict(RECORD))
    assert twin == User.from_dict(RECORD)
    assert twin.to_dict() == RECORD


def test_a_record_built_by_its_constructor_keeps_no_json() -> None:
    user = User(sourced_id="u-1", given_name="Ada")
    assert user.roles is None and user.to_dict() == {"sourcedId": "u-1", "givenName": "Ada"}
    del user.roles
    with pytest.raises(AttributeError, match="roles"):
        user.roles  # noqa: B018
    assert not hasattr(User.from_dict(RECORD), "no_such_field")


def test_every_record_is_lazy_and_no_small_model_is() -> None:
    records = {cls for cls in vars(oneroster_client.models).values() if isinstance(cls, type)}
    lazy = {cls.__name__ for cls in records if issubclass(cls, LazyRecord)}
    assert {"User", "Class", "Enrollment", "Org", "LineItem", "Result"} <= lazy
    assert not {"GUIDRef", "RoleAssignment", "UserId", "UserSet", "Metadata"} & lazy
    for name in lazy:
        deferred = {key for key, value in vars(getattr(oneroster_client.models, name)).items()
                    if isinstance(value, Deferred)}  # fmt: skip
        assert deferred >= {"_nulls", "additional_properties"}


def test_the_generated_list_call_decodes_as_json_loads_does() -> None:
    """The endpoints decode with types.decode_json (orjson when installed): same answer as the stdlib."""
    page = {"users": [dict(RECORD, **{"x-score": float("nan"), "x-big": 2**70})], "totalCount": 1}
    body = json.dumps(page).encode()  # NaN and a 71-bit integer: orjson refuses them, the stdlib decides
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    client = oneroster_client.AuthenticatedClient(
        base_url="https://sis.example", token="t", httpx_args={"transport": transport}
    )
    answer = get_all_users.sync(client=client, limit=1)
    assert isinstance(answer, UserSet) and answer.users is not None
    (user,) = answer.users
    assert user.additional_properties["x-big"] == 2**70
    assert user.additional_properties["x-score"] != user.additional_properties["x-score"]  # NaN
    plain = json.loads(json.dumps(page["users"][0]))
    assert user.to_dict().keys() == plain.keys()
