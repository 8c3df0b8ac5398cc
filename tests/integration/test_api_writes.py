"""Writes on every writable resource (TimeBack profile): create, get, update, patch, upsert, delete.

Creates let the server allocate the sourcedId; everything after uses the id from the answer, so
a re-recording (new ids) replays just as well.
"""

from __future__ import annotations

import pytest
from integration_support import CHOSEN_ID_ON_CREATE, LABELS, District, field_value, new_record
from oneroster import NotFound, OneRoster, UnsupportedOperation
from oneroster.resources import RESOURCES

pytestmark = pytest.mark.vcr

WRITABLE = [spec.name for spec in RESOURCES if spec.create_ops]


def test_every_writable_resource_has_a_record_maker() -> None:
    assert set(WRITABLE) == set(LABELS)
    assert {spec.name for spec in RESOURCES} - set(LABELS) == {"students", "teachers", "terms"}


def test_academic_session_school_year_is_sent_as_text() -> None:
    from oneroster.validation import prepare_record

    sent = prepare_record({"schoolYear": "2027"}, model="AcademicSession", full=False)
    assert sent["schoolYear"] == "2027"


@pytest.mark.parametrize("name", WRITABLE)
def test_create_get_update_delete(name: str, client: OneRoster) -> None:
    collection = getattr(client, name)
    key, first, second = LABELS[name]
    district = District(client)
    record = new_record(name, district, label=first)
    if name in CHOSEN_ID_ON_CREATE:
        record["sourcedId"] = CHOSEN_ID_ON_CREATE[name]

    (pair,) = collection.create(record)
    new_id = pair.allocated_sourced_id
    assert isinstance(new_id, str) and new_id
    assert new_id == record.get("sourcedId", new_id)  # a supplied id is kept, else the server picks one
    assert field_value(collection.get(new_id), key) == field_value_of(record, key)

    before = collection.get(new_id).to_dict()
    changed = new_record(name, district, label=second)
    # update() is partial: only the labelled field is given (PATCH where offered, else read, merge, PUT).
    answer = collection.update(new_id, {key: changed[key]})
    # Gradebook writes give the stored record back; rostering and resources writes give None.
    assert (answer is not None) == (collection.spec.family == "gradebook")
    stored = collection.get(new_id)
    assert field_value(stored, key) == field_value_of(changed, key)
    assert stored.status == "active"
    after = stored.to_dict()
    kept = set(before) - {key, "dateLastModified"}
    assert {k: after.get(k) for k in kept} == {k: before[k] for k in kept}

    collection.delete(new_id)
    assert collection.get(new_id).status == "tobedeleted"


@pytest.mark.parametrize("name", ["users", "line_items", "results", "resources"])
def test_upsert_creates_then_replaces(name: str, client: OneRoster) -> None:
    collection = getattr(client, name)
    key, first, second = LABELS[name]
    district = District(client)
    chosen = f"cassette-{name.replace('_', '-')}-1"
    assert not collection.exists(chosen)
    collection.upsert(chosen, new_record(name, district, label=first))
    assert field_value(collection.get(chosen), key) == field_value_of(
        new_record(name, district, label=first), key
    )
    collection.upsert(chosen, new_record(name, district, label=second))
    assert field_value(collection.get(chosen), key) == field_value_of(
        new_record(name, district, label=second), key
    )


@pytest.mark.parametrize(
    ("name", "change", "check"),
    [
        ("enrollments", {"endDate": "2026-05-29"}, ("endDate", "2026-05-29")),
        ("assessment_line_items", {"description": "patched"}, ("description", "patched")),
        ("assessment_results", {"comment": "patched"}, ("comment", "patched")),
    ],
    ids=["enrollments", "assessment_line_items", "assessment_results"],
)
def test_patch_changes_only_the_given_fields(
    name: str, change: dict[str, str], check: tuple[str, str], client: OneRoster
) -> None:
    collection = getattr(client, name)
    target = collection.list(limit=1).data[0]
    before = target.to_dict()
    collection.patch(target.sourced_id, change)
    after = collection.get(target.sourced_id).to_dict()
    assert after[check[0]] == check[1]
    untouched = {k for k in before if k not in change and k != "dateLastModified"}
    assert {k: after.get(k) for k in untouched} == {k: before[k] for k in untouched}


def test_bare_id_references_are_complete() -> None:
    # The official documents require href, sourcedId and type in every GUIDRef (additionalProperties:
    # false); the wrapper's shorthand ("class": "cls-1") completes them.
    from oneroster.validation import prepare_record

    sent = prepare_record({"class": "cls-1"}, model="LineItem", full=False)
    assert set(sent["class"]) == {"href", "sourcedId", "type"}


def test_update_of_a_missing_record_is_refused_before_any_put(client: OneRoster) -> None:
    district = District(client)
    with pytest.raises(NotFound) as caught:
        client.users.update("cassette-nobody", new_record("users", district, label="Nobody"))
    # The strict update read the record first (GET) and never sent the PUT.
    assert caught.value.method == "GET"


def test_delete_is_soft_and_repeatable(client: OneRoster) -> None:
    district = District(client)
    (pair,) = client.courses.create(new_record("courses", district, label="Cassette Course"))
    client.courses.delete(pair.allocated_sourced_id)
    client.courses.delete(pair.allocated_sourced_id)  # a retried DELETE is harmless
    assert client.courses.get(pair.allocated_sourced_id).status == "tobedeleted"


def test_a_create_with_a_supplied_id_keeps_it(client: OneRoster) -> None:
    district = District(client)
    record = {**new_record("categories", district, label="Labs"), "sourcedId": "cassette-cat-labs"}
    (pair,) = client.categories.create(record)
    assert (pair.supplied_sourced_id, pair.allocated_sourced_id) == ("cassette-cat-labs", "cassette-cat-labs")
    assert client.categories.get("cassette-cat-labs").title == "Labs"


def test_writes_the_profile_lacks_are_refused_locally(client: OneRoster) -> None:
    # students/teachers/terms have no write operation at all: nothing is sent, nothing recorded.
    with pytest.raises(UnsupportedOperation):
        client.students.create({"givenName": "No"})


def test_a_course_structure_and_a_common_cartridge_export(client: OneRoster) -> None:
    district = District(client)
    lesson = {
        "url": "https://qti.example/tests/1",
        "skillCode": "RP.1",
        "lessonCode": "CAS-1",
        "title": "Cassette ratios",
        "unit-title": "Unit 1: Cassettes",
        "status": "active",
        "xp": 10,
    }
    course = new_record("courses", district, label="Cassette Structure")
    course["sourcedId"] = "cassette-structure"
    (pair,) = client.courses.create_structure({"course": course, "courseStructure": {"l1": lesson}})
    assert pair.allocated_sourced_id == "cassette-structure"
    (unit,) = client.courses("cassette-structure").components.list_all()
    assert unit.title == "Unit 1: Cassettes"
    archive = client.resources("cassette-structure-l1").export()
    assert archive.startswith(b"PK") and b"imsmanifest.xml" in archive


def field_value_of(record: dict[str, object], key: str) -> object:
    """The value ``field_value`` reads back for what was sent (numbers as floats)."""
    value = record[key]
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
