"""TimeBack's course-building calls, served by the sandbox: a whole course structure, a resource export.

``POST /courses/structure`` creates a course with its units and lessons in one request: each
lesson of ``courseStructure`` becomes a resource (its ``url``, codes and ``xp`` kept in the
resource's metadata) placed in the course component of its ``unit-title`` (one component per
unit, in the order the units first appear). Everything is checked before anything is stored,
so a bad request leaves nothing half-written; the answer is the course's sourcedId pair.

``POST /resources/export/{sourcedId}`` answers a Common Cartridge archive (``.imscc``, a zip
with an ``imsmanifest.xml``) describing the resource.

Both are plain functions of the running :class:`~oneroster.sandbox.app.Sandbox`, mounted by
its handler table (:data:`HANDLERS`).

Example:
    ```python
    from oneroster.sandbox.courseware import HANDLERS

    sorted(HANDLERS)   # ['createCourseStructure', 'exportResourceToCommonCartridge']
    ```

"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from starlette.requests import Request
from starlette.responses import Response

from oneroster.sandbox.catalog import VIEWS, reference

if TYPE_CHECKING:
    from oneroster.sandbox.app import Sandbox, _Bound

__all__ = ["HANDLERS", "LESSON_FIELDS"]

# What TimeBack's document requires of each lesson of a course structure.
LESSON_FIELDS = ("url", "skillCode", "lessonCode", "title", "unit-title", "status", "xp")


def _error(status: int, description: str) -> Exception:
    from oneroster.sandbox.app import ApiError

    code = "unknownobject" if status == 404 else "invaliddata"
    return ApiError(status, code, description)


def _lessons(structure: object) -> dict[str, dict[str, Any]]:
    if not isinstance(structure, Mapping) or not structure:
        raise _error(422, "courseStructure must map each lesson's key to its description")
    lessons: dict[str, dict[str, Any]] = {}
    for key, entry in structure.items():
        if not isinstance(entry, Mapping):
            raise _error(422, f"courseStructure[{key!r}] must be a JSON object")
        missing = [name for name in LESSON_FIELDS if entry.get(name) in (None, "")]
        if missing:
            raise _error(422, f"courseStructure[{key!r}] is missing {', '.join(missing)}")
        if not isinstance(entry["unit-title"], str) or not isinstance(entry["title"], str):
            raise _error(422, f"courseStructure[{key!r}]: title and unit-title must be text")
        lessons[str(key)] = dict(entry)
    return lessons


async def create_course_structure(
    sandbox: Sandbox, request: Request, bound: _Bound, params: dict[str, str]
) -> Response:
    """Create a course, one component per unit, and one resource per lesson placed in its unit."""
    action = sandbox._next_action()
    if (refused := await sandbox._refused(action)) is not None:
        return refused
    body = await sandbox._json_body(request)
    if not isinstance(body, dict) or "course" not in body or "courseStructure" not in body:
        raise _error(400, "the request body must be a JSON object with 'course' and 'courseStructure'")
    lessons = _lessons(body["courseStructure"])
    given = body["course"]
    course = sandbox._check_record("courses", "Course", dict(given) if isinstance(given, dict) else given)
    supplied = course.get("sourcedId")
    if supplied is not None and not isinstance(supplied, str):
        raise _error(422, "sourcedId must be a string")
    course_id = supplied or f"course-{uuid.uuid4()}"
    if sandbox.store.get("courses", course_id) is not None:
        raise _error(409, f"a courses record with sourcedId {course_id!r} already exists")
    course["sourcedId"] = course_id
    writes: list[tuple[str, dict[str, Any]]] = [("courses", sandbox._stamp(VIEWS["courses"], course))]
    units: dict[str, str] = {}
    placed: dict[str, int] = {}  # lessons placed so far in each unit
    for key, lesson in lessons.items():
        unit_id = units.get(lesson["unit-title"])
        if unit_id is None:
            unit_id = units[lesson["unit-title"]] = f"{course_id}-unit-{len(units) + 1}"
            unit = {
                "sourcedId": unit_id,
                "course": reference("courses", course_id),
                "title": lesson["unit-title"],
                "sortOrder": len(units),
            }
            writes.append(("courseComponents", sandbox._stamp(VIEWS["courses/components"], unit)))
        placed[unit_id] = placed.get(unit_id, 0) + 1
        resource_id = f"{course_id}-{key}"
        resource = {
            "sourcedId": resource_id,
            "title": lesson["title"],
            "vendorResourceId": str(lesson["lessonCode"]),
            "metadata": {name: lesson[name] for name in lesson if name not in ("title", "unit-title")},
        }
        placement = {
            "sourcedId": f"{resource_id}-placement",
            "courseComponent": reference("courseComponents", unit_id),
            "resource": reference("resources", resource_id),
            "title": lesson["title"],
            "sortOrder": placed[unit_id],
        }
        writes.append(("resources", sandbox._stamp(VIEWS["resources"], resource)))
        writes.append(("componentResources", sandbox._stamp(VIEWS["courses/component-resources"], placement)))
    taken = [
        f"{kind} {r['sourcedId']!r}" for kind, r in writes[1:] if sandbox.store.get(kind, r["sourcedId"])
    ]
    if taken:
        raise _error(409, f"the structure would overwrite {', '.join(taken)}")
    for kind, record in writes:
        sandbox.store.put(kind, record)
    pair = {"suppliedSourcedId": supplied or course_id, "allocatedSourcedId": course_id}
    return await sandbox._send(action, json.dumps({"sourcedIdPairs": pair}), {}, status=201)


def common_cartridge(resource: Mapping[str, Any]) -> bytes:
    """Return a Common Cartridge 1.3 archive whose manifest lists the resource (a web link)."""
    identifier = str(resource["sourcedId"])
    title = str(resource.get("title") or identifier)
    url = str((resource.get("metadata") or {}).get("url") or resource.get("vendorResourceId") or "")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<manifest identifier={quoteattr(identifier)} "
        'xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1">\n'
        "  <metadata><schema>IMS Common Cartridge</schema><schemaversion>1.3.0</schemaversion></metadata>\n"
        '  <organizations><organization identifier="org" structure="rooted-hierarchy">'
        f'<item identifier="root"><item identifier="item-1" identifierref={quoteattr(identifier)}>'
        f"<title>{escape(title)}</title></item></item></organization></organizations>\n"
        f'  <resources><resource identifier={quoteattr(identifier)} type="imswl_xmlv1p3">'
        '<file href="link.xml"/></resource></resources>\n'
        "</manifest>\n"
    )
    link = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3">'
        f"<title>{escape(title)}</title><url href={quoteattr(url)}/></webLink>\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest)
        archive.writestr("link.xml", link)
    return buffer.getvalue()


async def export_resource(
    sandbox: Sandbox, request: Request, bound: _Bound, params: dict[str, str]
) -> Response:
    """Answer the resource as a Common Cartridge archive (404 for an unknown resource)."""
    action = sandbox._next_action()
    if (refused := await sandbox._refused(action)) is not None:
        return refused
    resource = sandbox.load(VIEWS["resources"], params["sourcedId"])
    name = f"{resource['sourcedId']}.imscc".replace('"', "")
    return Response(
        common_cartridge(resource),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


Handler = Callable[["Sandbox", Request, "_Bound", dict[str, str]], Awaitable[Response]]

HANDLERS: dict[str, Handler] = {
    "createCourseStructure": create_course_structure,
    "exportResourceToCommonCartridge": export_resource,
}
