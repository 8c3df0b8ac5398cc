"""A representative set on the v1p1 profile (/ims/oneroster/v1p1): OneRoster 1.1 records through the
client, 1.1 filters, nested reads, paging by headers, what 1.1 lacks, and the migration shim.
"""

from __future__ import annotations

import pytest
from integration_support import District, Provider
from oneroster import F, OneRoster, UnprocessableEntity, UnsupportedOperation
from oneroster.compat import ClasslinkConnector
from oneroster.profiles import PROFILES, SCOPE_PREFIX

pytestmark = pytest.mark.vcr


def test_users_are_1p1_users(v1p1_client: OneRoster) -> None:
    page = v1p1_client.users.list(where={"role": "teacher"}, limit=5)
    assert len(page.data) == 5 and page.total is not None and page.headers.get("link")
    for user in page.data:
        record = user.to_dict()
        assert record["role"] == "teacher" and record["orgs"] and "primaryOrg" not in record
        # The 1.1 keys stay as sent; the client adds the 1.2 roles the rest of the API reads.
        assert [(r["role"], r["org"]["sourcedId"]) for r in record["roles"]] == [
            ("teacher", org["sourcedId"]) for org in record["orgs"]
        ]
    admins = v1p1_client.users.list_all(where=F("role") == "administrator", fields=["sourcedId", "role"])
    assert admins and {user["role"] for user in admins} == {"administrator"}
    # roles.role is 1.2's path, which a 1.1 provider does not filter on: the client reads /teachers.
    teachers = v1p1_client.users.list_all(where={"roles.role": "teacher"})
    assert teachers and all(user.to_dict()["role"] == "teacher" for user in teachers)


def test_nested_reads_and_gradebook(v1p1_client: OneRoster) -> None:
    d = District(v1p1_client)
    students = v1p1_client.classes(d.class_).students.list_all(limit=50)
    assert d.student in [s.sourced_id for s in students]
    assert d.teacher in [t.sourced_id for t in v1p1_client.schools(d.school).teachers.list_all(limit=100)]
    assert d.class_ in [c.sourced_id for c in v1p1_client.users(d.student).classes.list_all()]
    item = v1p1_client.line_items.get(d.line_item).to_dict()
    assert item["gradingPeriod"]["type"] == "academicSession" and "school" not in item
    results = v1p1_client.classes(d.class_).line_item(d.line_item).results.list_all()
    assert results and all("class" not in r.to_dict() for r in results)
    assert d.term in [t.sourced_id for t in v1p1_client.schools(d.school).terms.list_all()]


def test_what_1p1_lacks(v1p1: Provider) -> None:
    v1p1_client = v1p1.client(scopes=[*PROFILES["v1p1"].default_scopes, SCOPE_PREFIX + "gradebook.createput"])
    # A 1.1 provider has no score scales: the v1p1 profile refuses them before sending anything.
    with pytest.raises(UnsupportedOperation, match="v1p1"):
        v1p1_client.score_scales.first()
    with pytest.raises(UnsupportedOperation):
        v1p1_client.assessment_results.list()
    # And it refuses the fields 1.2 added to a line item (the client writes 1.2 records).
    d = District(v1p1_client)
    record = v1p1_client.line_items.get(d.line_item).to_dict()
    record.pop("sourcedId")
    record["school"] = {"sourcedId": d.school, "type": "org"}
    with pytest.raises(UnprocessableEntity):
        v1p1_client.line_items.upsert("cassette-v1p1-li", record)


def test_the_migration_shim(v1p1: Provider) -> None:
    settings = v1p1.settings
    connector = ClasslinkConnector(
        settings["base_url"] + "/ims/oneroster/v1p1/",
        settings["client_id"],
        settings["client_secret"],
        token_url=settings["token_url"],
    )
    with connector:
        d = District(connector.client)
        klass = connector.client.classes.get(d.class_)
        section = connector.get_users(user_filter="students", group_filter="classes", group_name=klass.title)
        school = connector.client.schools.get(d.school)
        teachers = connector.get_users(user_filter="teachers", group_filter="schools", group_name=school.name)
        assert d.student in [u["sourcedId"] for u in section]
        assert d.teacher in [u["sourcedId"] for u in teachers]
    assert {u["role"] for u in section} == {"student"} and all(u["orgs"] for u in section)
