"""What the sandbox knows about OneRoster beyond the spec's operation list, declared as data.

The spec (through :mod:`oneroster.operation_index`) says which operations exist, their
paths, envelopes and scopes. This module adds the meaning a server needs:

- ``VIEWS``: which stored kind a collection path serves, and the role/type it selects
  (``/students`` is users with the role ``student``; ``/terms`` is academic sessions of
  type ``term``).
- ``RELATIONS``: for each nested listing, the SQL condition linking it to its path
  parameters (``/classes/{id}/students`` = users enrolled in that class as students).
- ``PATH_DEFAULTS``: for creates under a parent (``POST /classes/{id}/lineItems``), the
  references the server fills in from the path.
- ``REFERENCES``: which references a write must point at existing records.

Every SQL fragment is written over the alias ``r`` (the row being selected) with ``?``
placeholders bound, in order, to the operation's path parameters.

Example:
    ```python
    VIEWS["students"].kind           # 'users'
    RELATIONS["getStudentsForClass"].view   # 'students'
    ```

"""

from __future__ import annotations

from dataclasses import dataclass, field

from oneroster.validation import REFERENCE_PATHS, relative_href

__all__ = [
    "NOT_MODELLED",
    "PATH_DEFAULTS",
    "REFERENCES",
    "RELATIONS",
    "VIEWS",
    "Relation",
    "View",
    "ref_type",
]


@dataclass(frozen=True)
class View:
    """A collection path: the stored kind it serves, its record schema and the facet it selects."""

    kind: str
    schema: str
    facet: str | None = None


VIEWS: dict[str, View] = {
    "users": View("users", "User"),
    "students": View("users", "User", "student"),
    "teachers": View("users", "User", "teacher"),
    "orgs": View("orgs", "Org"),
    "schools": View("orgs", "Org", "school"),
    "academicSessions": View("academicSessions", "AcademicSession"),
    "terms": View("academicSessions", "AcademicSession", "term"),
    "gradingPeriods": View("academicSessions", "AcademicSession", "gradingPeriod"),
    "courses": View("courses", "Course"),
    "classes": View("classes", "Class"),
    "enrollments": View("enrollments", "Enrollment"),
    "demographics": View("demographics", "Demographics"),
    "categories": View("categories", "Category"),
    "lineItems": View("lineItems", "LineItem"),
    "results": View("results", "Result"),
    "scoreScales": View("scoreScales", "ScoreScale"),
    "assessmentLineItems": View("assessmentLineItems", "AssessmentLineItem"),
    "assessmentResults": View("assessmentResults", "AssessmentResult"),
    "resources": View("resources", "Resource"),
    "courses/components": View("courseComponents", "CourseComponent"),
    "courses/component-resources": View("componentResources", "ComponentResource"),
}

# The GUIDRef ``type`` of a reference to each stored kind, from the wrapper's table of where each
# type lives (one table for the client and the sandbox).
_REF_TYPES = {
    VIEWS[path[1:]].kind: type_ for type_, (_, path) in REFERENCE_PATHS.items() if path[1:] in VIEWS
}


def ref_type(kind: str) -> str:
    """Return the GUIDRef ``type`` naming a record of ``kind``.

    Example:
        ```python
        ref_type("academicSessions")    # 'academicSession'
        ```

    """
    return _REF_TYPES[kind]


def reference(kind: str, sourced_id: str) -> dict[str, str]:
    """Return a complete GUIDRef to the ``kind`` record ``sourced_id``, its href below the service root.

    Example:
        ```python
        reference("courseComponents", "cc-1")
        # {'href': '/courses/components/cc-1', 'sourcedId': 'cc-1', 'type': 'courseComponent'}
        ```

    """
    type_ = _REF_TYPES[kind]
    return {"href": relative_href(type_, sourced_id), "sourcedId": sourced_id, "type": type_}


def _ref(field: str) -> str:
    return f"json_extract(r.data, '$.{field}.sourcedId') = ?"


def _any_ref(array: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM json_each(r.data, '$.{array}') AS j "
        "WHERE json_extract(j.value, '$.sourcedId') = ?)"
    )


def _enrolled(*, link: str, role: str | None, by: str, extra: str = "") -> str:
    """Select records that are the ``link`` end of an enrollment whose ``by`` end is ``?``."""
    role_sql = f" AND json_extract(e.data, '$.role') = '{role}'" if role else ""
    return (
        f"r.sourced_id IN (SELECT json_extract(e.data, '$.{link}.sourcedId') FROM records AS e "
        f"WHERE e.kind = 'enrollments' AND json_extract(e.data, '$.{by}.sourcedId') = ?{role_sql}{extra})"
    )


def _listed_in(kind: str, array: str) -> str:
    """Select records referenced from the ``array`` of the ``kind`` record with sourcedId ``?``."""
    return (
        f"r.sourced_id IN (SELECT json_extract(j.value, '$.sourcedId') FROM records AS p, "
        f"json_each(p.data, '$.{array}') AS j WHERE p.kind = '{kind}' AND p.sourced_id = ?)"
    )


_ROLE_AT_ORG = (
    "EXISTS (SELECT 1 FROM json_each(r.data, '$.roles') AS j "
    "WHERE json_extract(j.value, '$.org.sourcedId') = ?)"
)
_CLASS_IN_SCHOOL = (
    " AND EXISTS (SELECT 1 FROM records AS c WHERE c.kind = 'classes' "
    "AND c.sourced_id = json_extract(e.data, '$.class.sourcedId') "
    "AND json_extract(c.data, '$.school.sourcedId') = ?)"
)
_LINE_ITEM_OF_CLASS = (
    "json_extract(r.data, '$.lineItem.sourcedId') IN (SELECT l.sourced_id FROM records AS l "
    "WHERE l.kind = 'lineItems' AND json_extract(l.data, '$.class.sourcedId') = ?)"
)


@dataclass(frozen=True)
class Relation:
    """A nested listing: the view it returns and the SQL tying it to the path parameters.

    ``parents`` names, per path parameter in order, the view that parameter must exist in
    (an unknown parent is a 404, not an empty page). ``params`` reorders the path
    parameters for the SQL when its placeholders come in a different order.
    """

    view: str
    where: str
    parents: tuple[str, ...]
    params: tuple[int, ...] | None = None


RELATIONS: dict[str, Relation] = {
    # rostering
    "getClassesForSchool": Relation("classes", _ref("school"), ("schools",)),
    "getCoursesForSchool": Relation("courses", _ref("org"), ("schools",)),
    "getEnrollmentsForSchool": Relation("enrollments", _ref("school"), ("schools",)),
    "getStudentsForSchool": Relation("students", _ROLE_AT_ORG, ("schools",)),
    "getTeachersForSchool": Relation("teachers", _ROLE_AT_ORG, ("schools",)),
    # 1.2 academic sessions carry no school; a school's terms are those its classes use.
    "getTermsForSchool": Relation(
        "terms",
        "r.sourced_id IN (SELECT json_extract(j.value, '$.sourcedId') FROM records AS c, "
        "json_each(c.data, '$.terms') AS j WHERE c.kind = 'classes' "
        "AND json_extract(c.data, '$.school.sourcedId') = ?)",
        ("schools",),
    ),
    "getEnrollmentsForClassInSchool": Relation(
        "enrollments", f"{_ref('school')} AND {_ref('class')}", ("schools", "classes")
    ),
    "getStudentsForClassInSchool": Relation(
        "students",
        _enrolled(link="user", role="student", by="class", extra=_CLASS_IN_SCHOOL),
        ("schools", "classes"),
        (1, 0),
    ),
    "getTeachersForClassInSchool": Relation(
        "teachers",
        _enrolled(link="user", role="teacher", by="class", extra=_CLASS_IN_SCHOOL),
        ("schools", "classes"),
        (1, 0),
    ),
    "getStudentsForClass": Relation(
        "students", _enrolled(link="user", role="student", by="class"), ("classes",)
    ),
    "getTeachersForClass": Relation(
        "teachers", _enrolled(link="user", role="teacher", by="class"), ("classes",)
    ),
    "getEnrollmentsForClass": Relation("enrollments", _ref("class"), ("classes",)),
    "getClassesForTerm": Relation("classes", _any_ref("terms"), ("terms",)),
    "getGradingPeriodsForTerm": Relation("gradingPeriods", _ref("parent"), ("terms",)),
    "getClassesForCourse": Relation("classes", _ref("course"), ("courses",)),
    "getClassesForStudent": Relation(
        "classes", _enrolled(link="class", role="student", by="user"), ("students",)
    ),
    "getClassesForTeacher": Relation(
        "classes", _enrolled(link="class", role="teacher", by="user"), ("teachers",)
    ),
    "getClassesForUser": Relation("classes", _enrolled(link="class", role=None, by="user"), ("users",)),
    "getEnrollmentsForUser": Relation("enrollments", _ref("user"), ("users",)),
    "getAgentFor": Relation("users", _any_ref("agents"), ("users",)),
    # gradebook
    "getLineItemsForClass": Relation("lineItems", _ref("class"), ("classes",)),
    "getLineItemsForSchool": Relation("lineItems", _ref("school"), ("schools",)),
    "getResultsForClass": Relation("results", _LINE_ITEM_OF_CLASS, ("classes",)),
    "getResultsForLineItemForClass": Relation(
        "results", f"{_LINE_ITEM_OF_CLASS} AND {_ref('lineItem')}", ("classes", "lineItems")
    ),
    "getResultsForStudentForClass": Relation(
        "results", f"{_LINE_ITEM_OF_CLASS} AND {_ref('student')}", ("classes", "students")
    ),
    "getCategoriesForClass": Relation(
        "categories",
        "r.sourced_id IN (SELECT json_extract(l.data, '$.category.sourcedId') FROM records AS l "
        "WHERE l.kind = 'lineItems' AND json_extract(l.data, '$.class.sourcedId') = ?)",
        ("classes",),
    ),
    "getScoreScalesForClass": Relation("scoreScales", _ref("class"), ("classes",)),
    "getScoreScalesForSchool": Relation(
        "scoreScales",
        "json_extract(r.data, '$.class.sourcedId') IN (SELECT c.sourced_id FROM records AS c "
        "WHERE c.kind = 'classes' AND json_extract(c.data, '$.school.sourcedId') = ?)",
        ("schools",),
    ),
    # resources: classes, courses and users list the resources they use
    "getResourcesForClass": Relation("resources", _listed_in("classes", "resources"), ("classes",)),
    "getResourcesForCourse": Relation("resources", _listed_in("courses", "resources"), ("courses",)),
    "getResourcesForUser": Relation("resources", _listed_in("users", "resources"), ("users",)),
    "getResourcesForClassTimeBack": Relation("resources", _listed_in("classes", "resources"), ("classes",)),
    "getResourcesForCourseTimeBack": Relation("resources", _listed_in("courses", "resources"), ("courses",)),
    "getResourcesForUserTimeBack": Relation("resources", _listed_in("users", "resources"), ("users",)),
}


@dataclass(frozen=True)
class PathDefault:
    """A field a create under a parent takes from the path: ``target`` = ref to path param ``index``."""

    target: str
    index: int
    kind: str
    overrides: dict[str, str] = field(default_factory=dict)


PATH_DEFAULTS: dict[str, tuple[PathDefault, ...]] = {
    "postLineItemsForClass": (PathDefault("class", 0, "classes"),),
    "postLineItemsForSchool": (PathDefault("school", 0, "orgs"),),
    "postResultsForLineItem": (PathDefault("lineItem", 0, "lineItems"),),
    "postResultsForAcademicSessionForClass": (PathDefault("class", 0, "classes"),),
    "addStudentToClass": (PathDefault("class", 0, "classes", {"role": "student"}),),
    "addTeacherToClass": (PathDefault("class", 0, "classes", {"role": "teacher"}),),
    "createGradingPeriodForTerm": (PathDefault("parent", 0, "academicSessions", {"type": "gradingPeriod"}),),
}

# References a write must resolve: field -> kind it points at. A missing target is a 422.
REFERENCES: dict[str, dict[str, str]] = {
    "classes": {"course": "courses", "school": "orgs"},
    "courses": {"org": "orgs"},
    "enrollments": {"user": "users", "class": "classes", "school": "orgs"},
    "lineItems": {"class": "classes", "school": "orgs", "category": "categories"},
    "results": {"lineItem": "lineItems", "student": "users"},
    "assessmentResults": {"assessmentLineItem": "assessmentLineItems", "student": "users"},
    "componentResources": {"courseComponent": "courseComponents", "resource": "resources"},
    "courseComponents": {"course": "courses"},
}

# Operations the sandbox answers with 501 imsx "unsupported". Every operation of the spec is served
# today (course structures and Common Cartridge exports by oneroster.sandbox.courseware, the
# platform's by oneroster.sandbox.platform); the table stays for what a new spec version adds.
NOT_MODELLED: dict[str, str] = {}
