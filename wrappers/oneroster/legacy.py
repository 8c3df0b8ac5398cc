"""OneRoster 1.1 records in the 1.2 shape the rest of the client works with.

A 1.1 user has one ``role`` and a list of ``orgs``; a 1.2 user has ``roles``, each a role at
one org. Under a profile whose provider speaks 1.1 (``v1p1``) the client adds the 1.2 keys to
every record it reads and keeps the 1.1 keys as they came, so ``user.roles`` works and a
script reading ``record["role"]`` keeps working.

Example:
    ```python
    from oneroster.legacy import legacy_to_v1p2

    legacy_to_v1p2({"sourcedId": "u1", "role": "teacher", "orgs": [{"sourcedId": "s1", "type": "org"}]})
    # {... "roles": [{"roleType": "primary", "role": "teacher", "org": {"sourcedId": "s1", "type": "org"}}]}
    ```

"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["NOT_IN_1P1", "legacy_to_v1p2"]

# Operations of the official 1.2 set that OneRoster 1.1 does not have: everything about score
# scales and assessment results, the bulk POSTs, and a class's categories (1.2 additions). The
# v1p1 profile refuses them before sending; the v1p1 sandbox does not mount them.
NOT_IN_1P1: frozenset[str] = frozenset(
    {
        "getAllScoreScales",
        "getScoreScale",
        "putScoreScale",
        "deleteScoreScale",
        "getScoreScalesForClass",
        "getScoreScalesForSchool",
        "getAllAssessmentLineItems",
        "getAssessmentLineItem",
        "putAssessmentLineItem",
        "deleteAssessmentLineItem",
        "getAllAssessmentResults",
        "getAssessmentResult",
        "putAssessmentResult",
        "deleteAssessmentResult",
        "postLineItemsForClass",
        "postLineItemsForSchool",
        "postResultsForLineItem",
        "postResultsForAcademicSessionForClass",
        "getCategoriesForClass",
    }
)


def legacy_to_v1p2(record: dict[str, Any]) -> dict[str, Any]:
    """Add the 1.2 ``roles`` of a 1.1 user record (``role`` at each of its ``orgs``), in place.

    The first org's role is the primary one, the others secondary (1.1 has no such
    distinction; 1.2 needs exactly one primary). A record that already has ``roles``, or
    has no 1.1 ``role``, is returned unchanged.

    Example:
        ```python
        legacy_to_v1p2({"role": "student", "orgs": []})["roles"]
        # [{"roleType": "primary", "role": "student"}]
        ```

    """
    role = record.get("role")
    if "roles" in record or not isinstance(role, str):
        return record
    orgs = [org for org in record.get("orgs") or [] if isinstance(org, Mapping)]
    if not orgs:
        record["roles"] = [{"roleType": "primary", "role": role}]
        return record
    record["roles"] = [
        {"roleType": "primary" if index == 0 else "secondary", "role": role, "org": dict(org)}
        for index, org in enumerate(orgs)
    ]
    return record
