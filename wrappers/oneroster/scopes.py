"""Nested calls on one record: ``client.users("u-1").classes()``, ``client.classes("c-1").enroll(...)``.

Each scope class only names its routes; ``Scope.listing`` builds the ``Listing`` from the
``Route`` table, so a new nested collection is one line.

Example:
    ```python
    for student in client.schools("s-1").class_("c-1").students.stream():
        ...
    client.users("student-1").add_agent("parent-1")
    ```

"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar, cast, overload

import oneroster_client.models as models
from oneroster.engine import Engine
from oneroster.errors import ResponseParseError, ValidationError
from oneroster.ids import checked_id
from oneroster.resources import COLLECTION_CLASSES, RESOURCES, Collection, Listing, Route

RecordT = TypeVar("RecordT")

__all__ = ["ClassScope", "LineItemScope", "ResourceScope", "SchoolScope", "Scope", "UserScope"]

_U, _C, _E, _R = (
    ("users", "User"),
    ("classes", "Class"),
    ("enrollments", "Enrollment"),
    ("resources", "Resource"),
)


def _route(
    op_ids: tuple[str, ...],
    params: tuple[str, ...],
    target: tuple[str, str],
    adapt: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> Route:
    return Route(op_ids=op_ids, params=params, key=target[0], model=target[1], adapt=adapt)


def _agent_link(record: dict[str, Any]) -> dict[str, Any]:
    """Give a TimeBack platform agent link (``{user, relationshipType}``) its agent's sourcedId.

    TimeBack's OneRoster API lists a user's agents as user records; the platform lists links,
    whose only id is the agent's reference. Either way an ``Agent`` is that agent, so its
    ``sourced_id`` is the agent user's.
    """
    if "sourcedId" not in record:
        user = record.get("user")
        if isinstance(user, dict) and isinstance(user.get("sourcedId"), str):
            record["sourcedId"] = user["sourcedId"]
    return record


ROUTES: dict[str, Route] = {
    "users.classes": _route(("getClassesForUser",), ("user_sourced_id",), _C),
    "users.resources": _route(
        ("getResourcesForUser", "getResourcesForUserTimeBack"), ("user_sourced_id",), _R
    ),
    # TimeBack lists agents as user records, the platform as links (user + relationshipType):
    # an Agent is either.
    "users.agents": _route(("getAgents",), ("user_sourced_id",), ("agents", "Agent"), _agent_link),
    "users.agent_for": _route(("getAgentFor",), ("user_sourced_id",), _U),
    "users.enrollments": _route(("getEnrollmentsForUser",), ("user_sourced_id",), _E),
    "students.classes": _route(("getClassesForStudent",), ("student_sourced_id",), _C),
    "teachers.classes": _route(("getClassesForTeacher",), ("teacher_sourced_id",), _C),
    "classes.students": _route(("getStudentsForClass",), ("class_sourced_id",), _U),
    "classes.teachers": _route(("getTeachersForClass",), ("class_sourced_id",), _U),
    "classes.enrollments": _route(("getEnrollmentsForClass",), ("class_sourced_id",), _E),
    "classes.line_items": _route(("getLineItemsForClass",), ("class_sourced_id",), ("lineItems", "LineItem")),
    "classes.results": _route(("getResultsForClass",), ("class_sourced_id",), ("results", "Result")),
    "classes.categories": _route(
        ("getCategoriesForClass",), ("class_sourced_id",), ("categories", "Category")
    ),
    "classes.score_scales": _route(
        ("getScoreScalesForClass",), ("class_sourced_id",), ("scoreScales", "ScoreScale")
    ),
    "classes.resources": _route(
        ("getResourcesForClass", "getResourcesForClassTimeBack"), ("class_sourced_id",), _R
    ),
    "classes.line_item.results": _route(
        ("getResultsForLineItemForClass",),
        ("class_sourced_id", "line_item_sourced_id"),
        ("results", "Result"),
    ),
    "classes.student.results": _route(
        ("getResultsForStudentForClass",), ("class_sourced_id", "student_sourced_id"), ("results", "Result")
    ),
    "schools.classes": _route(("getClassesForSchool",), ("school_sourced_id",), _C),
    "schools.courses": _route(("getCoursesForSchool",), ("school_sourced_id",), ("courses", "Course")),
    "schools.terms": _route(
        ("getTermsForSchool",), ("school_sourced_id",), ("academicSessions", "AcademicSession")
    ),
    "schools.teachers": _route(("getTeachersForSchool",), ("school_sourced_id",), _U),
    "schools.students": _route(("getStudentsForSchool",), ("school_sourced_id",), _U),
    "schools.enrollments": _route(("getEnrollmentsForSchool",), ("school_sourced_id",), _E),
    "schools.score_scales": _route(
        ("getScoreScalesForSchool",), ("school_sourced_id",), ("scoreScales", "ScoreScale")
    ),
    "schools.line_items": _route(
        ("getLineItemsForSchool",), ("school_sourced_id",), ("lineItems", "LineItem")
    ),
    "schools.class_.students": _route(
        ("getStudentsForClassInSchool",), ("school_sourced_id", "class_sourced_id"), _U
    ),
    "schools.class_.teachers": _route(
        ("getTeachersForClassInSchool",), ("school_sourced_id", "class_sourced_id"), _U
    ),
    "schools.class_.enrollments": _route(
        ("getEnrollmentsForClassInSchool",), ("school_sourced_id", "class_sourced_id"), _E
    ),
    "terms.classes": _route(("getClassesForTerm",), ("term_sourced_id",), _C),
    "terms.grading_periods": _route(
        ("getGradingPeriodsForTerm",), ("term_sourced_id",), ("academicSessions", "AcademicSession")
    ),
    "courses.classes": _route(("getClassesForCourse",), ("course_sourced_id",), _C),
    "courses.resources": _route(
        ("getResourcesForCourse", "getResourcesForCourseTimeBack"), ("course_sourced_id",), _R
    ),
    # No provider nests these: the planner answers them from the top-level collection (MEANINGS).
    "line_items.results": _route((), ("line_item_sourced_id",), ("results", "Result")),
    "courses.components": _route((), ("course_sourced_id",), ("courseComponents", "CourseComponentRecord")),
}


class Scope:
    """The nested calls of one record; subclasses name the routes they offer.

    Example:
        ```python
        scope = client.terms("t-1")
        scope.classes(limit=10)
        scope.grading_periods.list_all()
        ```

    """

    prefix = ""

    def __init__(self, engine: Engine, ids: tuple[str, ...], *, page_size: int | None) -> None:
        self._engine = engine
        self._ids = ids
        self._page_size = page_size

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {'/'.join(self._ids)}>"

    def listing(self, name: str) -> Listing[Any]:
        """Return the ``Listing`` of route ``<prefix>.<name>`` for this record."""
        route_name = f"{self.prefix}.{name}"
        route = ROUTES[route_name]
        return Listing(
            self._engine,
            op_ids=route.op_ids,
            path=dict(zip(route.params, self._ids, strict=True)),
            key=route.key,
            model=getattr(models, route.model),
            schema=route.model,
            what=f"{self.prefix}({', '.join(map(repr, self._ids))}).{name}",
            page_size=self._page_size,
            route=route_name,
            adapt=route.adapt,
        )

    def _collection(self, name: str) -> Collection[Any, Any]:
        """Return the top-level collection ``name`` on this scope's engine (for writes made from a scope)."""
        spec = next(spec for spec in RESOURCES if spec.name == name)
        return COLLECTION_CLASSES.get(name, Collection)(self._engine, spec, page_size=self._page_size)

    def _child(self, cls: type[Scope], sourced_id: str) -> Any:
        return cls(self._engine, (*self._ids, checked_id(sourced_id)), page_size=self._page_size)


class _Routes(Generic[RecordT]):
    """Descriptor: ``scope.students`` is the ``Listing`` of route ``<prefix>.students``, typed by record.

    ``students = _Routes[models.User]()`` gives ``client.classes(id).students`` the type
    ``Listing[User]``; a test checks each type against the route table's model.
    """

    def __set_name__(self, owner: type[Scope], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, scope: None, owner: type[Scope]) -> _Routes[RecordT]: ...
    @overload
    def __get__(self, scope: Scope, owner: type[Scope]) -> Listing[RecordT]: ...
    def __get__(self, scope: Scope | None, owner: type[Scope]) -> _Routes[RecordT] | Listing[RecordT]:
        if scope is None:
            return self
        return cast(Listing[RecordT], scope.listing(self.name))


class UserScope(Scope):
    """``client.users(id)``: classes, resources, demographics, agents and credentials of one user."""

    prefix = "users"
    classes = _Routes[models.Class]()
    resources = _Routes[models.Resource]()
    agents = _Routes[models.Agent]()
    agent_for = _Routes[models.User]()
    enrollments = _Routes[models.Enrollment]()

    def demographics(self) -> models.Demographics:
        """Fetch the user's demographics record (it shares the user's sourcedId).

        Example:
            ```python
            client.users("u-1").demographics().birth_date
            ```

        """
        return cast(models.Demographics, self._collection("demographics").get(self._ids[0]))

    def with_demographics(self) -> models.UserWithDemographics:
        """Fetch the user with its demographics record in one call (TimeBack).

        Example:
            ```python
            user = client.users("u-1").with_demographics()
            user.given_name, user.demographics.birth_date
            ```

        """
        op_id = self._engine.first_available(
            ("getUserWithDemographics",), what="users(...).with_demographics"
        )
        outcome = self._engine.call(op_id, user_sourced_id=self._ids[0])
        user = getattr(outcome.parsed, "user", None)
        if isinstance(user, models.UserWithDemographics):
            return user
        body = outcome.json()
        record = body.get("user") if isinstance(body, dict) else None
        if not isinstance(record, dict):
            raise outcome.unparseable("expected a 'user' record in the answer")
        return models.UserWithDemographics.from_dict(record)

    def add_agent(self, agent: str | Mapping[str, Any], *, relationship: str | None = None) -> None:
        """Link an agent (parent, guardian...) to this user.

        The agent is its sourcedId, or a mapping ``{"sourcedId": ..., "role": "parent"}`` (the
        relationship may also be given as ``relationshipType``).

        Example:
            ```python
            client.users("student-1").add_agent("parent-1", relationship="parent")
            client.users("student-1").add_agent({"sourcedId": "parent-1", "role": "parent"})
            ```

        """
        if isinstance(agent, Mapping):
            unknown = sorted(set(agent) - {"sourcedId", "role", "relationship", "relationshipType"})
            if unknown:
                raise ValidationError(
                    f"an agent is {{'sourcedId': ..., 'role': ...}}; unexpected {', '.join(unknown)}",
                    field=unknown[0],
                )
            given = [agent.get(k) for k in ("role", "relationship", "relationshipType") if agent.get(k)]
            if relationship is None and given:
                relationship = given[0]
            agent = agent.get("sourcedId")  # type: ignore[assignment]
        agent_id = checked_id(agent, field="agentSourcedId")
        if relationship is not None and (not isinstance(relationship, str) or not relationship):
            raise ValidationError("relationship must be a non-empty string", field="relationship")
        op_id = self._engine.first_available(("addAgent", "upsertStudentAgent"), what="users(...).add_agent")
        if op_id == "addAgent":
            self._engine.call(
                op_id, user_sourced_id=self._ids[0], body=models.AddAgentRequest(agent_sourced_id=agent_id)
            )
        else:
            link = models.StudentAgentLink(
                user=models.GUIDRef(sourced_id=agent_id, type_=models.GUIDRefType.USER)
            )
            if relationship is not None:
                link.relationship_type = relationship
            self._engine.call(op_id, student_sourced_id=self._ids[0], agent_sourced_id=agent_id, body=link)

    def remove_agent(self, agent_sourced_id: str) -> None:
        """Unlink an agent from this user.

        Example:
            ```python
            client.users("student-1").remove_agent("parent-1")
            ```

        """
        agent = checked_id(agent_sourced_id, field="agentSourcedId")
        op_id = self._engine.first_available(
            ("deleteAgent", "deleteStudentAgent"), what="users(...).remove_agent"
        )
        key = "user_sourced_id" if op_id == "deleteAgent" else "student_sourced_id"
        self._engine.call(op_id, **{key: self._ids[0]}, agent_sourced_id=agent)

    def linked_users(self) -> models.LinkedUsers:
        """Fetch the users linked to this one: its agents, and the students it is an agent of (platform).

        Example:
            ```python
            linked = client.users("parent-1").linked_users()
            [student.sourced_id for student in linked.students or []]
            ```

        """
        op_id = self._engine.first_available(("getLinkedUsers",), what="users(...).linked_users")
        outcome = self._engine.call(op_id, user_sourced_id=self._ids[0])
        if isinstance(outcome.parsed, models.LinkedUsers):
            return outcome.parsed
        body = outcome.json()
        if not isinstance(body, dict):
            raise outcome.unparseable("the linked-users answer is not an object")
        try:
            return models.LinkedUsers.from_dict(body)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise outcome.unparseable(f"the linked-users answer does not fit: {exc}") from exc

    def create_credential(
        self,
        credential: Mapping[str, Any] | None = None,
        /,
        *,
        application_name: str | None = None,
        username: str | None = None,
        password: str | None = None,
    ) -> models.CredentialAnswer:
        """Register login credentials of this user for an application (TimeBack).

        Give them as keywords, or as a OneRoster credential mapping ``{"type": "username",
        "username": ..., "password": ...}`` (``applicationName`` may be in it too); keywords
        win. The provider needs the application's name, a username and a password: what is
        missing raises ``ValidationError`` naming it, before anything is sent.

        Example:
            ```python
            client.users("u-1").create_credential(application_name="reader", username="ana", password=pw)
            client.users("u-1").create_credential({"type": "username", "username": "ana", "password": pw},
                                                  application_name="reader")
            ```

        """
        given: dict[str, Any] = dict(credential or {})
        unknown = sorted(set(given) - {"type", "username", "password", "applicationName", "application_name"})
        if unknown:
            raise ValidationError(
                f"a credential is {{'type', 'username', 'password', 'applicationName'}}; unexpected "
                f"{', '.join(unknown)}",
                field=unknown[0],
            )
        kind = given.get("type", "username")
        if kind != "username":
            raise ValidationError(
                f"only username credentials can be registered (type 'username'), not {kind!r}", field="type"
            )
        values = {
            "applicationName": application_name
            or given.get("applicationName")
            or given.get("application_name"),
            "username": username or given.get("username"),
            "password": password or given.get("password"),
        }
        missing = [name for name, value in values.items() if not value]
        if missing:
            raise ValidationError(
                f"registering a credential needs {', '.join(missing)}: the provider stores a username and "
                "password per application",
                field=missing[0],
            )
        text: dict[str, str] = {}
        for name, value in values.items():
            if not isinstance(value, str):
                raise ValidationError(f"{name} must be a string, got {type(value).__name__}", field=name)
            text[name] = value
        op_id = self._engine.first_available(("registerStudentCredentials",), what="create_credential")
        body = models.CredentialRequest(
            application_name=text["applicationName"],
            credentials=models.CredentialRequestCredentials(
                username=text["username"], password=text["password"]
            ),
        )
        outcome = self._engine.call(op_id, user_sourced_id=self._ids[0], body=body)
        answer = outcome.parsed
        if not isinstance(answer, models.CredentialAnswer):
            answer = models.CredentialAnswer.from_dict(outcome.json())
        return answer

    def decrypt_credential(self, credential_id: str) -> str:
        """Return the decrypted password of one of this user's credentials (TimeBack).

        Example:
            ```python
            password = client.users("u-1").decrypt_credential("cred-1")
            ```

        """
        op_id = self._engine.first_available(("decryptCredential",), what="decrypt_credential")
        outcome = self._engine.call(
            op_id, user_sourced_id=self._ids[0], credential_id=checked_id(credential_id, field="credentialId")
        )
        parsed = outcome.parsed
        password = getattr(parsed, "password", None)
        if not isinstance(password, str):
            password = outcome.json().get("password")
        if not isinstance(password, str):
            raise outcome.unparseable("the decrypt answer has no password")
        return password


class _ClassLineItemScope(Scope):
    prefix = "classes.line_item"
    results = _Routes[models.Result]()


class _ClassStudentScope(Scope):
    prefix = "classes.student"
    results = _Routes[models.Result]()


class ClassScope(Scope):
    """``client.classes(id)``: roster, gradebook and resources of one class, and ``enroll``."""

    prefix = "classes"
    students = _Routes[models.User]()
    teachers = _Routes[models.User]()
    enrollments = _Routes[models.Enrollment]()
    line_items = _Routes[models.LineItem]()
    results = _Routes[models.Result]()
    categories = _Routes[models.Category]()
    score_scales = _Routes[models.ScoreScale]()
    resources = _Routes[models.Resource]()

    def line_item(self, line_item_sourced_id: str) -> _ClassLineItemScope:
        """Scope of one line item of this class: ``.results()``."""
        return self._child(_ClassLineItemScope, line_item_sourced_id)  # type: ignore[no-any-return]

    def student(self, student_sourced_id: str) -> _ClassStudentScope:
        """Scope of one student of this class: ``.results()``."""
        return self._child(_ClassStudentScope, student_sourced_id)  # type: ignore[no-any-return]

    def enroll(
        self,
        user: str | Mapping[str, Any],
        *,
        role: str | None = None,
        school_sourced_id: str | None = None,
        enrollment_sourced_id: str | None = None,
        primary: bool | None = None,
    ) -> str:
        """Enroll a user in this class; returns the enrollment's sourcedId.

        ``user`` is the user's sourcedId, or a mapping ``{"sourcedId": user_id, "role":
        "student"}``; the role defaults to ``student``. The enrollment's school is the class's
        (one GET per class, remembered by the client) unless ``school_sourced_id`` is given.
        Uses TimeBack's ``POST /classes/{id}/students|teachers`` where offered, else upserts an
        enrollment (with a new UUID unless ``enrollment_sourced_id`` is given).

        Example:
            ```python
            enrollment_id = client.classes("c-1").enroll("u-1", role="student")
            client.classes("c-1").enroll({"sourcedId": "u-2", "role": "teacher"})
            ```

        """
        if isinstance(user, Mapping):
            unknown = sorted(set(user) - {"sourcedId", "role", "primary"})
            if unknown:
                raise ValidationError(
                    f"enroll() takes {{'sourcedId': user_id, 'role': ...}}; unexpected {', '.join(unknown)}",
                    field=unknown[0],
                )
            role = role or user.get("role")
            primary = user.get("primary") if primary is None else primary
            user = user.get("sourcedId")  # type: ignore[assignment]
        user_id = checked_id(user, field="user")
        role = role or "student"
        record: dict[str, Any] = {"user": user_id, "class": self._ids[0], "role": role}
        if school_sourced_id is not None:
            record["school"] = checked_id(school_sourced_id, field="school")
        if primary is not None:
            record["primary"] = primary
        enrollments = self._collection("enrollments")
        shortcut = {"student": "addStudentToClass", "teacher": "addTeacherToClass"}.get(role)
        if enrollment_sourced_id is None and shortcut and self._engine.available(shortcut):
            pairs = enrollments.create_at(shortcut, record, class_sourced_id=self._ids[0])
            allocated = pairs[0].allocated_sourced_id if pairs else None
            if not isinstance(allocated, str):
                raise ResponseParseError("the enrollment answer has no allocatedSourcedId")
            return allocated
        sourced_id = enrollment_sourced_id or str(uuid.uuid4())
        enrollments.upsert(sourced_id, record)
        return sourced_id


class _SchoolClassScope(Scope):
    prefix = "schools.class_"
    students = _Routes[models.User]()
    teachers = _Routes[models.User]()
    enrollments = _Routes[models.Enrollment]()


class SchoolScope(Scope):
    """``client.schools(id)``: classes, courses, terms, people, enrollments and gradebook of one school."""

    prefix = "schools"
    classes = _Routes[models.Class]()
    courses = _Routes[models.Course]()
    terms = _Routes[models.AcademicSession]()
    teachers = _Routes[models.User]()
    students = _Routes[models.User]()
    enrollments = _Routes[models.Enrollment]()
    score_scales = _Routes[models.ScoreScale]()
    line_items = _Routes[models.LineItem]()

    def class_(self, class_sourced_id: str) -> _SchoolClassScope:
        """Scope of one class of this school: ``.students()``, ``.teachers()``, ``.enrollments()``."""
        return self._child(_SchoolClassScope, class_sourced_id)  # type: ignore[no-any-return]


class TermScope(Scope):
    """``client.terms(id)``: classes and grading periods of one term."""

    prefix = "terms"
    classes = _Routes[models.Class]()
    grading_periods = _Routes[models.AcademicSession]()


class CourseScope(Scope):
    """``client.courses(id)``: classes, resources and components (units, lessons) of one course."""

    prefix = "courses"
    classes = _Routes[models.Class]()
    resources = _Routes[models.Resource]()
    components = _Routes[models.CourseComponentRecord]()


class LineItemScope(Scope):
    """``client.line_items(id)``: the results of one line item."""

    prefix = "line_items"
    results = _Routes[models.Result]()


class ResourceScope(Scope):
    """``client.resources(id)``: what can be done with one learning resource."""

    prefix = "resources"

    def export(self) -> bytes:
        """Export the resource as a Common Cartridge archive (TimeBack); returns the ``.imscc`` bytes.

        Example:
            ```python
            archive = client.resources("rsc-1").export()
            pathlib.Path("rsc-1.imscc").write_bytes(archive)
            ```

        """
        op_id = self._engine.first_available(
            ("exportResourceToCommonCartridge",), what="resources(...).export"
        )
        return self._engine.call(op_id, sourced_id=self._ids[0]).response.content


class StudentScope(Scope):
    """``client.students(id)``: classes of one student."""

    prefix = "students"
    classes = _Routes[models.Class]()


class TeacherScope(Scope):
    """``client.teachers(id)``: classes of one teacher."""

    prefix = "teachers"
    classes = _Routes[models.Class]()


SCOPES: dict[str, type[Scope]] = {
    "users": UserScope,
    "classes": ClassScope,
    "schools": SchoolScope,
    "terms": TermScope,
    "courses": CourseScope,
    "students": StudentScope,
    "teachers": TeacherScope,
    "resources": ResourceScope,
    "line_items": LineItemScope,
}
