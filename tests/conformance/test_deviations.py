"""Every deliberate difference between our spec and the 1EdTech OneRoster 1.2 documents, with its reason.

DEVIATIONS is the one list the conformance comparisons accept differences from: each difference the
normaliser (conformance_support) finds must fall under one of these places, either through a house
rule it names or through an x-oneroster-deviation marker in the spec that DEVIATION_LOCATIONS maps to
a place. Anything else that differs fails test_official_operations / test_official_schemas.

This module needs only our spec, so it also runs where the reference documents are absent.
"""

from __future__ import annotations

import pytest
from conformance_support import (
    PAGING_FIELDS,
    SCHEMAS,
    SPEC_PATH,
    Difference,
    collection_envelopes,
    deviation_markers,
    load_spec,
)

# place -> reason
DEVIATIONS: dict[str, str] = {
    # --- marked in the spec with x-oneroster-deviation (see DEVIATION_LOCATIONS) ---
    "GUIDRef": (
        "one GUIDRef replaces the ten typed *GUIDRefDType; href/type optional because TimeBack sends and "
        "accepts bare {sourcedId}; its type is GUIDRefType, the union of the ten official values and "
        "TimeBack's"
    ),
    "GUIDPairSet": "TimeBack create endpoints answer with one GUIDPair object instead of an array",
    "Status": "open (anyOf [StatusEnum, string]): 1.0/1.1 servers still send 'inactive'",
    "TrueFalse": (
        "the binding sends booleans as the strings 'true'/'false'; some servers send JSON booleans, so "
        "TrueFalse also accepts a boolean and any string"
    ),
    "DateValue": "format date in the official documents; servers also send full date-times there",
    "*Set paging fields": (
        "totalCount/pageCount/pageNumber/offset/limit/total are the paging fields TimeBack (ims and "
        "platform) sends in the body of a collection page"
    ),
    "parameter fields": (
        "a comma-separated string, not a form-exploded array: the generator ignores style/explode and "
        "every server expects one value"
    ),
    "parameter limit/offset defaults": (
        "no default (official: limit 100, offset 0), so the generated client only sends them when asked to"
    ),
    # --- house rules stated in the spec's header comment, not marked at each location ---
    "marked extensions": (
        "properties, query parameters and enum values the spec marks with x-oneroster-extension (whose "
        "addition each is): TimeBack's free-text `search` parameter, TimeBack's GUIDRef types, and any a "
        "maintainer adds (docs/changing-the-spec.md)"
    ),
    "responses: no default response": (
        "no `default` response: every error status the providers use is listed and answers ImsxStatusInfo"
    ),
    "responses: uniform error set": (
        "every operation lists 400/401/403/404/422/429/500 with ImsxStatusInfo (the official documents "
        "leave 404 off collection GETs and 400 off PUT/DELETE)"
    ),
    "responses: 409 on writes": (
        "writes may be refused with 409 Conflict (TimeBack: active enrollments block a delete)"
    ),
    "write answers declare no content": (
        "PUT and DELETE also document 200 without content: providers answer with an empty body, the record "
        "or a status object (x-oneroster-body says which); the wrapper reads it"
    ),
    "responses: Link header": (
        "collection pages document the RFC 8288 Link header instead of the official OpenAPI `links`, "
        "whose $request.path.limit/offset point at path parameters that do not exist"
    ),
    "responses: Retry-After header": "429 answers document Retry-After, which the client's retry logic reads",
    "nullable references": (
        "references accept null even where the official documents require them: the TimeBack document "
        'allows "course": null on a class, and a null must not fail a page (writes are still checked '
        "against x-oneroster-required)"
    ),
    "nullable optionals": (
        'optional properties accept null: servers send "metadata": null, "middleName": null...'
    ),
    "open enums": "enumerations are open (anyOf [enum, string]): 'ext:' and unknown values arrive as strings",
    "enum extra values": (
        "an enum component serves several official schemas, so it holds the union of their values "
        "(CodeMinorValue unites the three services' lists; GUIDRefType the ten reference types and "
        "TimeBack's)"
    ),
    "entity required lists": (
        "entity schemas keep the official required list in x-oneroster-required, and `required` names only "
        "sourcedId: servers omit other fields, while every record the client returns carries its sourcedId "
        "(the client adds it to any fields= selection)"
    ),
    "additionalProperties": (
        "entity schemas leave additionalProperties at its default (official: false) so vendor fields survive "
        "a GET -> PUT"
    ),
    "formats": (
        "format float/int32/uri are not kept: they change no generated Python type (float, int, str); "
        "date and date-time are kept"
    ),
    "minItems": "array lengths are not constrained (official minItems 1 on roles, terms, scoreScaleValue...)",
    "property defaults": (
        "imsx_codeMinorFieldName keeps no default ('TargetEndSystem'): the client only reads status objects"
    ),
}

_PAGING = "*Set paging fields"

# x-oneroster-deviation location in our spec -> the place above it falls under.
# LearningObjectiveSet and LearningObjectiveScoreSet also carry the paging marker; they are deliberately
# not listed: they are items inside a line item / result, not collection pages, and TimeBack sends no
# paging fields in them (see test_paging_fields_only_on_collection_envelopes).
DEVIATION_LOCATIONS: dict[str, str] = {
    "#/components/parameters/limit": "parameter limit/offset defaults",
    "#/components/parameters/offset": "parameter limit/offset defaults",
    "#/components/parameters/fields": "parameter fields",
    SCHEMAS + "DateValue": "DateValue",
    SCHEMAS + "Status": "Status",
    SCHEMAS + "TrueFalse": "TrueFalse",
    SCHEMAS + "GUIDRef": "GUIDRef",
    SCHEMAS + "GUIDPairSet": "GUIDPairSet",
    SCHEMAS + "AcademicSessionSet": _PAGING,
    SCHEMAS + "AssessmentLineItemSet": _PAGING,
    SCHEMAS + "AssessmentResultSet": _PAGING,
    SCHEMAS + "CategorySet": _PAGING,
    SCHEMAS + "ClassSet": _PAGING,
    SCHEMAS + "CourseSet": _PAGING,
    SCHEMAS + "DemographicsSet": _PAGING,
    SCHEMAS + "EnrollmentSet": _PAGING,
    SCHEMAS + "LineItemSet": _PAGING,
    SCHEMAS + "OrgSet": _PAGING,
    SCHEMAS + "ResourceSet": _PAGING,
    SCHEMAS + "ResultSet": _PAGING,
    SCHEMAS + "ScoreScaleSet": _PAGING,
    SCHEMAS + "UserSet": _PAGING,
}


def explain(difference: Difference) -> str | None:
    """The DEVIATIONS place that justifies a difference, or None when nothing does."""
    place = difference.place
    if place is None and difference.pointer is not None:
        place = DEVIATION_LOCATIONS.get(difference.pointer)
    return place if place in DEVIATIONS else None


def unexplained(differences: list[Difference]) -> list[str]:
    """The differences no DEVIATIONS place justifies, as messages."""
    messages = []
    for difference in differences:
        if explain(difference) is not None:
            continue
        if difference.pointer is not None:
            messages.append(
                f"{difference.where}: {difference.detail} "
                f"(no x-oneroster-deviation listed at {difference.pointer})"
            )
        elif difference.place is not None:
            messages.append(
                f"{difference.where}: {difference.detail} (house rule {difference.place!r} not in DEVIATIONS)"
            )
        else:
            messages.append(f"{difference.where}: {difference.detail}")
    return messages


# ---------------------------------------------------------------------------------------------------


def test_every_marker_in_the_spec_is_listed() -> None:
    markers = dict(deviation_markers())
    unlisted = sorted(set(markers) - set(DEVIATION_LOCATIONS))
    assert not unlisted, (
        f"x-oneroster-deviation at {unlisted} is not in DEVIATION_LOCATIONS: list it with its reason in "
        "tests/conformance/test_deviations.py (or drop the deviation)"
    )


def test_every_listed_location_is_marked_in_the_spec() -> None:
    markers = dict(deviation_markers())
    stale = sorted(set(DEVIATION_LOCATIONS) - set(markers))
    assert not stale, f"DEVIATION_LOCATIONS lists {stale}, which carry no x-oneroster-deviation in the spec"


def test_locations_name_known_places_with_reasons() -> None:
    assert set(DEVIATION_LOCATIONS.values()) <= set(DEVIATIONS)
    assert all(reason.strip() for reason in DEVIATIONS.values())
    assert all(str(reason).strip() for _, reason in deviation_markers()), (
        "an x-oneroster-deviation has no reason"
    )


def test_every_marker_has_a_deviation_comment() -> None:
    text = SPEC_PATH.read_text(encoding="utf-8")
    comments = sum(1 for line in text.splitlines() if line.strip().startswith("# DEVIATION"))
    assert comments == len(list(deviation_markers())), (
        "each x-oneroster-deviation goes with a # DEVIATION comment"
    )


def test_paging_fields_only_on_collection_envelopes() -> None:
    """The paging deviation covers pages: a mirror no collection GET answers with must not carry it."""
    schemas = load_spec()["components"]["schemas"]
    pages = collection_envelopes()
    misplaced = sorted(
        name
        for name, schema in schemas.items()
        if "x-oneroster-official" in schema
        and set(schema.get("properties", {})) & PAGING_FIELDS
        and name not in pages
    )
    assert not misplaced, (
        f"{misplaced} carry the paging fields {sorted(PAGING_FIELDS)} "
        "but are not the answer of any collection GET"
    )


@pytest.mark.parametrize(
    ("component", "branch"),
    [
        ("Status", {"$ref": SCHEMAS + "StatusEnum"}),
        ("TrueFalse", {"$ref": SCHEMAS + "TrueFalseEnum"}),
        ("DateValue", {"type": "string", "format": "date"}),
    ],
)
def test_widened_components_keep_the_official_form(component: str, branch: dict[str, str]) -> None:
    schema = load_spec()["components"]["schemas"][component]
    assert branch in schema["anyOf"], f"{component} must still accept the official form {branch}"


def test_widened_enums_hold_the_official_values() -> None:
    schemas = load_spec()["components"]["schemas"]
    assert set(schemas["StatusEnum"]["enum"]) == {"active", "tobedeleted"}
    assert set(schemas["TrueFalseEnum"]["enum"]) == {"true", "false"}
