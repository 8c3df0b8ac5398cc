"""Agents, credentials and enrolment (TimeBack profile)."""

from __future__ import annotations

import pytest
from cassette_kit import PASSWORD_PLACEHOLDER
from integration_support import District, Provider, new_record
from oneroster import NotFound, OneRoster, UnprocessableEntity

pytestmark = pytest.mark.vcr

# Chosen by this test, so not a secret; scrubbed from the cassette all the same.
CHOSEN_PASSWORD = "cassette-pw-4821"


def _new_user(client: OneRoster, district: District, *, role: str, name: str) -> str:
    record = new_record("users", district, label=name)
    record["roles"][0]["role"] = role
    (pair,) = client.users.create(record)
    return str(pair.allocated_sourced_id)


def test_agents_add_list_remove(client: OneRoster) -> None:
    d = District(client)
    kid = _new_user(client, d, role="student", name="Kit")
    parent = _new_user(client, d, role="parent", name="Pat")
    assert client.users(kid).agents.list_all() == []
    client.users(kid).add_agent(parent)
    client.users(kid).add_agent(parent)  # linking twice keeps one link
    assert [a.sourced_id for a in client.users(kid).agents.list_all()] == [parent]
    assert [u.sourced_id for u in client.users(parent).agent_for.list_all()] == [kid]
    client.users(kid).remove_agent(parent)
    assert client.users(kid).agents.list_all() == []
    with pytest.raises(NotFound):
        client.users(kid).remove_agent(parent)


def test_agent_must_exist(client: OneRoster) -> None:
    d = District(client)
    with pytest.raises(UnprocessableEntity):
        client.users(d.student).add_agent("cassette-no-such-parent")


def test_credentials_create_and_decrypt(client: OneRoster, timeback: Provider) -> None:
    d = District(client)
    user = client.users(d.student)
    answer = user.create_credential(
        application_name="reader", username="cassette.reader", password=CHOSEN_PASSWORD
    )
    assert answer.credential_id and answer.message == "created"
    again = user.create_credential(
        application_name="reader", username="cassette.reader", password=CHOSEN_PASSWORD
    )
    assert again.credential_id == answer.credential_id and again.message == "updated"
    password = user.decrypt_credential(str(answer.credential_id))
    # Live, the provider gives the password back; the cassette keeps only a placeholder.
    assert password == (CHOSEN_PASSWORD if timeback.recording else PASSWORD_PLACEHOLDER)
    with pytest.raises(NotFound):
        user.decrypt_credential("cassette-no-such-credential")


def test_enroll_student_and_teacher(client: OneRoster) -> None:
    d = District(client)
    kid = _new_user(client, d, role="student", name="Eli")
    teacher = _new_user(client, d, role="teacher", name="Tess")
    klass = client.classes(d.class_)
    student_enrollment = klass.enroll(kid, school_sourced_id=d.school)
    teacher_enrollment = klass.enroll(teacher, role="teacher", school_sourced_id=d.school, primary=False)
    assert kid in [s.sourced_id for s in klass.students.list_all(limit=100)]
    assert teacher in [t.sourced_id for t in klass.teachers.list_all()]
    stored = client.enrollments.get(student_enrollment)
    assert (stored.user.sourced_id, stored.class_.sourced_id, stored.role) == (kid, d.class_, "student")
    assert client.enrollments.get(teacher_enrollment).primary == "false"


def test_enroll_with_a_chosen_id_or_another_role_upserts(client: OneRoster) -> None:
    d = District(client)
    kid = _new_user(client, d, role="student", name="Ida")
    chosen = client.classes(d.class_).enroll(
        kid, school_sourced_id=d.school, enrollment_sourced_id="cassette-enr-1"
    )
    assert chosen == "cassette-enr-1"
    # No shortcut for an administrator: the wrapper makes up a UUID and upserts. The matcher masks
    # UUIDs, so the replay's new UUID still finds the recorded PUT.
    made_up = client.classes(d.class_).enroll(kid, role="administrator", school_sourced_id=d.school)
    assert client.enrollments.get(made_up).role == "administrator"
    assert {e.role for e in client.users(kid).enrollments.list_all()} == {"student", "administrator"}
