"""Checks and normalisation applied to a record before a write is sent.

Every write goes through :func:`prepare_record`, so nothing half-valid reaches a server:

- a model or a mapping is accepted and copied (the caller's object is never mutated);
- the path id and the body's ``sourcedId`` must agree (a missing one is filled in);
- the binding's string booleans: ``enabledUser=True`` is sent as ``"true"``;
- ``datetime``/``date`` values become ISO-8601 text (UTC with ``Z``);
- a reference given as a plain id (``"course": "c-1"``) becomes a complete GUIDRef
  (``href``, ``sourcedId``, ``type``), as the 1EdTech documents require;
- every field the write operation requires must be present, for ``create`` as for
  ``upsert``/``update``: the record schema's official list, or the active profile's own list
  where its provider documents another (:func:`required_fields`); ``sourcedId``,
  ``dateLastModified`` and ``status`` are filled in when absent, and each user role needs its
  ``role`` and ``org``;
- what is left must be sendable JSON: NaN/infinity, lone surrogates and types JSON has no
  form for (``Decimal``, ``set``, ``bytes``...) raise ``ValidationError`` here rather than a
  bare ``ValueError``/``TypeError``/``UnicodeEncodeError`` from httpx while sending.

Example:
    ```python
    prepare_record({"givenName": "Ana"}, model="User", path_id="u-1", full=False)
    # {"givenName": "Ana", "sourcedId": "u-1", "dateLastModified": "...Z", "status": "active"}
    ```

"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from oneroster.errors import ValidationError
from oneroster.operation_index import REQUIRED_FIELDS, SCHEMA_FIELDS, Operation

__all__ = [
    "REFERENCE_TYPES",
    "TRUE_FALSE_FIELDS",
    "Href",
    "check_sendable",
    "check_text",
    "expand_role",
    "prepare_record",
    "record_from_arguments",
    "relative_href",
    "required_fields",
    "utc_timestamp",
]

# Fields the 1.2 JSON binding sends as the strings "true"/"false".
TRUE_FALSE_FIELDS = frozenset(
    {
        "enabledUser",
        "primary",
        "inProgress",
        "incomplete",
        "late",
        "missing",
        "americanIndianOrAlaskaNative",
        "asian",
        "blackOrAfricanAmerican",
        "nativeHawaiianOrOtherPacificIslander",
        "white",
        "demographicRaceTwoOrMoreRaces",
        "hispanicOrLatinoEthnicity",
    }
)

# The GUIDRef ``type`` of each reference field (a field is a reference only where the record's
# schema makes it an object: Course.schoolYear is a reference, AcademicSession.schoolYear text).
REFERENCE_TYPES: dict[str, str] = {
    "org": "org",
    "primaryOrg": "org",
    "school": "org",
    "course": "course",
    "class": "class",
    "user": "user",
    "student": "user",
    "lineItem": "lineItem",
    "category": "category",
    "scoreScale": "scoreScale",
    "gradingPeriod": "academicSession",
    "academicSession": "academicSession",
    "schoolYear": "academicSession",
    "assessmentLineItem": "assessmentLineItem",
    "parentAssessmentLineItem": "assessmentLineItem",
    "courseComponent": "courseComponent",
    "resource": "resource",
}
# Lists of references, by field: what each element points at.
LIST_REFERENCE_TYPES: dict[str, str] = {
    "terms": "academicSession",
    "resources": "resource",
    "agents": "user",
    "orgs": "org",
}
# ``parent`` points at a record of the same kind.
_PARENT_TYPES = {"Org": "org", "AcademicSession": "academicSession", "CourseComponent": "courseComponent"}
# Where a record of each GUIDRef type lives, for the ``href`` of a reference built from a bare id.
# The one table of it: the sandbox derives its references from it too.
REFERENCE_PATHS: dict[str, tuple[str, str]] = {
    "org": ("rostering", "/orgs"),
    "user": ("rostering", "/users"),
    "class": ("rostering", "/classes"),
    "course": ("rostering", "/courses"),
    "academicSession": ("rostering", "/academicSessions"),
    "enrollment": ("rostering", "/enrollments"),
    "demographics": ("rostering", "/demographics"),
    "courseComponent": ("rostering", "/courses/components"),
    "componentResource": ("rostering", "/courses/component-resources"),
    "lineItem": ("gradebook", "/lineItems"),
    "category": ("gradebook", "/categories"),
    "scoreScale": ("gradebook", "/scoreScales"),
    "result": ("gradebook", "/results"),
    "assessmentLineItem": ("gradebook", "/assessmentLineItems"),
    "assessmentResult": ("gradebook", "/assessmentResults"),
    "resource": ("resources", "/resources"),
}

Href = Callable[[str, str], str]
"""Builds a reference's ``href`` from its GUIDRef type and sourcedId."""


def relative_href(ref_type: str, sourced_id: str) -> str:
    """Return the path of a referenced record below its service root (``/orgs/org-1``).

    Example:
        ```python
        relative_href("org", "org-1")    # "/orgs/org-1"
        ```

    """
    return REFERENCE_PATHS.get(ref_type, ("", f"/{ref_type}s"))[1] + "/" + quote(sourced_id, safe="")


def _reference_type(model: str, key: str) -> str | None:
    shape = SCHEMA_FIELDS.get(model, {}).get(key)
    if key == "parent":
        return _PARENT_TYPES.get(model) if shape == "object" else None
    # A reference name the schema does not declare at all (the TimeBack platform's Class.org) is a
    # reference too; one the schema declares as text (AcademicSession.schoolYear) is not.
    if shape == "object" or (shape is None and model in SCHEMA_FIELDS):
        return REFERENCE_TYPES.get(key)
    return None


_FILLED = frozenset({"sourcedId", "dateLastModified", "status"})


def utc_timestamp(value: dt.datetime | None = None) -> str:
    """Format a datetime (default: now) as ISO-8601 UTC with milliseconds and ``Z``.

    Example:
        ```python
        utc_timestamp(dt.datetime(2026, 1, 15, tzinfo=dt.UTC))   # "2026-01-15T00:00:00.000Z"
        ```

    """
    value = value or dt.datetime.now(dt.UTC)
    if value.tzinfo is None:
        raise ValidationError("naive datetimes are ambiguous: pass an aware datetime (e.g. tzinfo=UTC)")
    value = value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def _as_mapping(data: object, *, model: str) -> dict[str, Any]:
    if isinstance(data, Mapping):
        for key in data:
            if not isinstance(key, str):
                raise ValidationError(f"record keys must be strings, got {key!r}", field=str(key))
        return dict(data)
    to_dict = getattr(data, "to_dict", None)
    if callable(to_dict):
        produced = to_dict()
        if isinstance(produced, dict):
            return dict(produced)
    raise ValidationError(
        f"a {model} record must be a mapping or a generated {model} model, got {type(data).__name__}"
    )


def _normalise(value: object, *, field: str) -> object:
    if isinstance(value, dt.datetime):
        return utc_timestamp(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _normalise(v, field=f"{field}.{k}") for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_normalise(v, field=f"{field}[{i}]") for i, v in enumerate(value)]
    return value


def _check_reference(value: object, *, field: str, ref_type: str, href: Href) -> object:
    """Turn a bare id into a complete GUIDRef (href, sourcedId, type); complete a partial one."""
    if isinstance(value, str):
        if not value:
            raise ValidationError(f"{field} must not be an empty id", field=field)
        check_text(value, field=field)
        # The 1EdTech documents require all three members of a GUIDRef.
        return {"href": href(ref_type, value), "sourcedId": value, "type": ref_type}
    if isinstance(value, Mapping):
        sourced_id = value.get("sourcedId")
        if not isinstance(sourced_id, str) or not sourced_id:
            raise ValidationError(f"{field} needs a non-empty 'sourcedId'", field=f"{field}.sourcedId")
        check_text(sourced_id, field=f"{field}.sourcedId")
        completed = {"href": href(ref_type, sourced_id), "type": ref_type, **value}
        given = value.get("href")
        if isinstance(given, str) and not given.startswith(("http://", "https://")):
            # The documents type href as an absolute URI: a relative one ('/orgs/x') is this
            # provider's, so it is written out in full.
            completed["href"] = href(ref_type, sourced_id)
        return completed
    if value is None:
        return None
    raise ValidationError(f"{field} must be an id or a {{'sourcedId': ...}} reference", field=field)


def required_fields(op: Operation, *, profile_operations: str) -> tuple[str, ...]:
    """Return the record fields operation ``op`` requires from a client of the given profile.

    The operation's own list for that profile (``x-oneroster-profile-required`` in the spec)
    where its provider documents one, else the official list of the record schema it sends.

    Example:
        ```python
        from oneroster.operation_index import OPERATIONS

        required_fields(OPERATIONS["updateClass"], profile_operations="timeback-platform")
        # ('sourcedId', 'status', 'dateLastModified', 'title', 'course', 'org', 'classType')
        ```

    """
    own = dict(op.profile_required)
    if profile_operations in own:
        return own[profile_operations]
    schema = op.body[1]
    return REQUIRED_FIELDS.get(schema, ()) if schema else ()


def _snake(name: str) -> str:
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    return snake + "_" if snake in {"class", "type", "id"} else snake


def record_from_arguments(
    data: object, keywords: Mapping[str, Any], *, model: str, extra: Sequence[str] = ()
) -> dict[str, Any]:
    """Return the record a write was given: ``data`` (a mapping or a model) and/or keyword fields.

    Keywords may be the JSON names (``givenName``) or their snake_case forms (``given_name``,
    ``class_`` for ``class``); they override the same fields of ``data``. ``extra`` names
    keywords that are not fields of ``model`` but are understood by the caller (``role`` for
    users). Any other keyword raises ``ValidationError`` naming it, before anything is sent.

    Example:
        ```python
        record_from_arguments(None, {"given_name": "Ana", "class_": "c-1"}, model="Enrollment")
        # raises ValidationError: 'given_name' is not a field of Enrollment
        record_from_arguments({"role": "student"}, {"class_": "c-1"}, model="Enrollment")
        # {"role": "student", "class": "c-1"}
        ```

    """
    keywords = dict(keywords)
    if data is None and "data" in keywords and "data" not in SCHEMA_FIELDS.get(model, {}):
        data = keywords.pop("data")  # the record passed as data=... rather than positionally
    record = {} if data is None else _as_mapping(data, model=model)
    fields = SCHEMA_FIELDS.get(model, {})
    by_snake = {_snake(name): name for name in fields}
    for keyword, value in keywords.items():
        name = keyword if keyword in fields or keyword in extra else by_snake.get(keyword)
        if name is None:
            known = sorted({*by_snake, *extra})
            close = difflib.get_close_matches(keyword, known, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else f"; {model} fields: {', '.join(known)}"
            raise ValidationError(f"{keyword!r} is not a field of {model}{hint}", field=keyword)
        record[name] = value
    return record


def expand_role(record: dict[str, Any], *, default_org: str | None) -> None:
    """Turn a user's singular ``role`` (``"student"``) into its one primary entry in ``roles``.

    The role's org is the record's ``primaryOrg``, else the client's ``default_org``; without
    either, ``ValidationError`` says how to give one. A record that has ``roles`` as well as
    ``role`` gets the role added as its primary entry (the others become secondary).

    Example:
        ```python
        record = {"givenName": "Ana", "role": "student", "primaryOrg": "org-1"}
        expand_role(record, default_org=None)
        # record["roles"] == [{"roleType": "primary", "role": "student", "org": "org-1"}]
        ```

    """
    if "role" not in record:
        return
    role = record.pop("role")
    if not isinstance(role, str) or not role:
        raise ValidationError(f"role must be a role name such as 'student', got {role!r}", field="role")
    org = record.get("primaryOrg") or default_org
    if org is None:
        raise ValidationError(
            f"role={role!r} needs the org the role is held at: give primaryOrg=..., a full roles=[...] "
            "entry, or OneRoster(default_org=...)",
            field="role",
        )
    others = [
        {**entry, "roleType": "secondary"} if isinstance(entry, Mapping) else entry
        for entry in record.get("roles") or []
    ]
    record["roles"] = [{"roleType": "primary", "role": role, "org": org}, *others]


def prepare_record(
    data: object,
    *,
    model: str,
    path_id: str | None = None,
    full: bool = False,
    required: Sequence[str] | None = None,
    href: Href = relative_href,
) -> dict[str, Any]:
    """Return a copy of ``data`` ready to be sent as a ``model`` record, or raise ``ValidationError``.

    ``required`` names the fields the write operation needs (see :func:`required_fields`);
    ``full=True`` without it means the record schema's official list, ``full=False`` (a
    ``patch``) checks types only. ``sourcedId``, ``dateLastModified`` and ``status`` are
    never reported missing: the path id, the clock and ``active`` fill them. ``href`` builds
    the ``href`` of references given as bare ids (the client passes one that gives absolute URLs).

    Example:
        ```python
        prepare_record({"sourcedId": "u-2"}, model="User", path_id="u-1", full=False)
        # raises ValidationError (field="sourcedId"): path id and body sourcedId differ
        ```

    """
    record = _as_mapping(data, model=model)
    for key in list(record):
        value = record[key]
        if key in TRUE_FALSE_FIELDS:
            if isinstance(value, bool):
                record[key] = "true" if value else "false"
            elif value not in ("true", "false", None):
                raise ValidationError(f"{key} must be True/False or 'true'/'false', got {value!r}", field=key)
        elif isinstance(value, bool):
            raise ValidationError(f"{key} does not take a boolean (got {value!r})", field=key)
        elif (ref_type := _reference_type(model, key)) is not None:
            record[key] = _check_reference(value, field=key, ref_type=ref_type, href=href)
        elif (
            key in LIST_REFERENCE_TYPES
            and SCHEMA_FIELDS.get(model, {}).get(key) == "array"
            and isinstance(value, list | tuple)
        ):
            # ["t-1", {"sourcedId": "t-2"}]: each element a reference, bare ids completed.
            record[key] = [
                _check_reference(item, field=f"{key}[{i}]", ref_type=LIST_REFERENCE_TYPES[key], href=href)
                for i, item in enumerate(value)
            ]
        else:
            record[key] = _normalise(value, field=key)
    sourced_id = record.get("sourcedId")
    if sourced_id is not None and (not isinstance(sourced_id, str) or not sourced_id):
        raise ValidationError(f"sourcedId must be a non-empty string, got {sourced_id!r}", field="sourcedId")
    if path_id is not None:
        if sourced_id is None:
            record["sourcedId"] = path_id
        elif sourced_id != path_id:
            raise ValidationError(
                f"the body's sourcedId {sourced_id!r} does not match the id in the path {path_id!r}",
                field="sourcedId",
            )
    if full or path_id is not None:
        record.setdefault("dateLastModified", utc_timestamp())
        record.setdefault("status", "active")
    if required is None and full:
        required = REQUIRED_FIELDS.get(model, ())
    if model == "Class" and "org" in (required or ()) and not record.get("org") and record.get("school"):
        # The TimeBack platform names a class's school "org" (seed 003): the 1.2 name works there too.
        record["org"] = record["school"]
    missing = [f for f in required or () if f not in _FILLED and record.get(f) in (None, "", [])]
    if missing:
        raise ValidationError(
            f"a {model} needs {', '.join(missing)} before it can be written", field=missing[0]
        )
    if model == "User":
        _check_roles(record, href=href)
    for key, value in record.items():
        check_sendable(value, field=key)
    return record


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_text(text: str, *, field: str) -> None:
    """Raise ``ValidationError`` if ``text`` cannot be sent (a lone surrogate has no UTF-8 form).

    Example:
        ```python
        check_text("Ana", field="givenName")        # fine
        check_text("\ud800", field="search")        # raises ValidationError
        ```

    """
    if not _is_unicode(text):
        raise ValidationError(
            f"{field} holds a character that cannot be sent (a lone surrogate)", field=field
        )


def check_sendable(value: object, *, field: str) -> None:
    """Raise ``ValidationError`` unless ``value`` is JSON that httpx can encode (finite, UTF-8).

    Example:
        ```python
        check_sendable({"score": 1.5}, field="result")             # fine
        check_sendable({"score": float("nan")}, field="result")    # raises ValidationError
        ```

    """
    if value is None or isinstance(value, bool | int):
        return
    if isinstance(value, str):
        check_text(value, field=field)
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(f"{field} must be a finite number, got {value!r}", field=field)
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str) or not _is_unicode(key):
                raise ValidationError(f"{field} has a key that is not valid text: {key!r}", field=field)
            check_sendable(item, field=f"{field}.{key}")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_sendable(item, field=f"{field}[{index}]")
        return
    raise ValidationError(
        f"{field} holds a {type(value).__name__}, which has no JSON form; pass str, int, float, bool, "
        "None, a list or a mapping",
        field=field,
    )


def _check_roles(record: dict[str, Any], *, href: Href) -> None:
    roles = record.get("roles")
    if roles is None:
        return
    if not isinstance(roles, list):
        raise ValidationError("roles must be a list of {'role': ..., 'org': ...}", field="roles")
    for index, role in enumerate(roles):
        where = f"roles[{index}]"
        if not isinstance(role, dict):
            raise ValidationError(f"{where} must be a mapping", field=where)
        if not isinstance(role.get("role"), str) or not role["role"]:
            raise ValidationError(f"{where} needs a 'role' such as 'student'", field=f"{where}.role")
        role["org"] = _check_reference(role.get("org"), field=f"{where}.org", ref_type="org", href=href)
        if role["org"] is None:
            raise ValidationError(f"{where} needs an 'org' reference", field=f"{where}.org")
        role.setdefault("roleType", "primary")
