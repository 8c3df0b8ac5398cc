"""Error answers (TimeBack profile): 400, 401, 403, 404, 409, 422, 429, 500/503, and a cut-off body.

429/5xx and the truncated body come from the sandbox's fault script (skipped when recording
against a real provider); 401 from a wrong client secret or an expired token; 403 from a client
that asked only for a read-only scope.
"""

from __future__ import annotations

import pytest
from integration_support import READ_ONLY_SCOPES, WRONG_SECRET, District, Provider, new_record, ref
from oneroster import (
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    OneRoster,
    RateLimited,
    ResponseParseError,
    ServerError,
    Unauthorized,
    UnprocessableEntity,
)
from spec_names import unknown_field

SHOE_SIZE = unknown_field("shoeSize")  # a field the spec does not have

pytestmark = pytest.mark.vcr


def test_400_unknown_filter_field(client: OneRoster) -> None:
    with pytest.raises(BadRequest) as caught:
        client.users.list(filter=f"{SHOE_SIZE}='42'")
    assert caught.value.status_code == 400 and caught.value.code_minor == "invalid_filter_field"


def test_400_unknown_selection_field(client: OneRoster) -> None:
    with pytest.raises(BadRequest) as caught:
        client.users.list(fields=["sourcedId", SHOE_SIZE])
    assert caught.value.code_minor == "invalid_selection_field"


def test_401_wrong_client_secret(timeback: Provider) -> None:
    client = timeback.client(client_secret=WRONG_SECRET)
    with pytest.raises(Unauthorized) as caught:
        client.users.list(limit=1)
    assert caught.value.status_code == 401
    assert WRONG_SECRET not in str(caught.value)


def test_401_expired_token_is_refreshed_once(timeback: Provider) -> None:
    client = timeback.client()
    assert client.users.list(limit=1).data
    timeback.expire_tokens()
    # The API answers 401; the client fetches a new token and sends the request once more.
    assert client.users.list(limit=1, offset=1).data


def test_403_read_only_client_cannot_write(timeback: Provider) -> None:
    client = timeback.client(scopes=list(READ_ONLY_SCOPES))
    school = client.schools.list(limit=1).data[0].sourced_id
    with pytest.raises(Forbidden) as caught:
        client.courses.create({"title": "Nope", "courseCode": "NO-1", "org": ref("org", school)})
    assert caught.value.status_code == 403 and caught.value.code_minor == "forbidden"
    with pytest.raises(Forbidden):
        client.line_items.list(limit=1)


def test_404_unknown_records(client: OneRoster) -> None:
    with pytest.raises(NotFound) as caught:
        client.users.get("cassette-nobody")
    assert caught.value.code_minor == "unknownobject" and caught.value.method == "GET"
    with pytest.raises(NotFound):
        client.users.delete("cassette-nobody")
    with pytest.raises(NotFound):
        client.schools("cassette-no-school").class_("cassette-no-class").students.list()


def test_409_create_with_a_taken_id(client: OneRoster) -> None:
    d = District(client)
    record = {**new_record("users", d, label="Dup"), "sourcedId": d.student}
    with pytest.raises(Conflict) as caught:
        client.users.create(record)
    assert caught.value.status_code == 409


def test_422_write_with_unknown_reference(client: OneRoster) -> None:
    d = District(client)
    with pytest.raises(UnprocessableEntity) as caught:
        client.enrollments.upsert(
            "cassette-enr-bad",
            {
                "user": ref("user", "cassette-nobody"),
                "class": ref("class", d.class_),
                "school": ref("org", d.school),
                "role": "student",
            },
        )
    assert caught.value.status_code == 422 and caught.value.code_minor == "invaliddata"
    assert not client.enrollments.exists("cassette-enr-bad")


def test_429_honours_retry_after_then_succeeds(timeback: Provider) -> None:
    timeback.inject_faults(script=["429", "429"], retry_after=7)
    client = timeback.client()
    assert client.orgs.list(limit=2).data
    assert timeback.sleeps.calls == [7.0, 7.0]


def test_429_beyond_retries_is_rate_limited(timeback: Provider) -> None:
    timeback.inject_faults(script=["429"] * 4, retry_after=2)
    client = timeback.client(max_retries=3)
    with pytest.raises(RateLimited) as caught:
        client.orgs.list(limit=2)
    assert caught.value.retry_after == 2.0 and caught.value.code_minor == "server_busy"
    assert timeback.sleeps.calls == [2.0, 2.0, 2.0]


def test_500_is_not_retried(timeback: Provider) -> None:
    timeback.inject_faults(script=["500"])
    client = timeback.client()
    with pytest.raises(ServerError) as caught:
        client.orgs.list(limit=2)
    assert caught.value.status_code == 500 and caught.value.code_minor == "internal_server_error"
    assert timeback.sleeps.calls == []


def test_503_is_retried(timeback: Provider) -> None:
    timeback.inject_faults(script=["503"])
    client = timeback.client()
    assert client.orgs.list(limit=2).data
    assert len(timeback.sleeps.calls) == 1


def test_truncated_body_is_a_parse_error(timeback: Provider) -> None:
    timeback.inject_faults(script=["truncate"])
    client = timeback.client()
    with pytest.raises(ResponseParseError) as caught:
        client.orgs.list(limit=2)
    assert caught.value.status_code == 200
