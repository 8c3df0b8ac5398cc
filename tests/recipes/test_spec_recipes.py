"""Each recipe of docs/changing-the-spec.md, applied to a copy of the repository, regenerated and checked.

A test copies what generation and the checks need into a temporary directory, makes the recipe's
edits there (the spec text of each edit is also quoted in the guide: test_the_guide_quotes_each_edit),
regenerates oneroster_client/ and the operation index as ``make generate`` does, and runs the checks
the recipe touches in a fresh interpreter whose imports come from the copy. Nothing under tests/
is edited: a recipe that needed a test edit would fail here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "changing-the-spec.md"
COPIED = ("openapi", "tools", "wrappers", "tests", "generator-config.yml", "pyproject.toml")
SKIPPED = shutil.ignore_patterns("__pycache__", ".mypy_cache", ".hypothesis", "cassettes", "recipes")


@dataclass
class Edit:
    """Insert ``text`` into ``path`` right after the first line equal to ``line`` found after ``after``."""

    path: str
    after: str
    line: str
    text: str


@dataclass
class Workspace:
    root: Path

    def apply(self, edit: Edit) -> None:
        file = self.root / edit.path
        source = file.read_text(encoding="utf-8")
        start = source.index(edit.after)
        at = source.index(edit.line + "\n", start) + len(edit.line) + 1
        file.write_text(source[:at] + edit.text + source[at:], encoding="utf-8")

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(self.root), str(self.root / "wrappers")]),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONDONTWRITEBYTECODE": "1",
            # the copy has no shared/reference beside it: the conformance tests read the real one
            "ONEROSTER_REFERENCE_DIR": os.environ.get(
                "ONEROSTER_REFERENCE_DIR", str(ROOT.parent / "shared" / "reference")
            ),
        }

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args], cwd=self.root, env=self._env(), capture_output=True, text=True
        )
        assert done.returncode == 0, f"{' '.join(args)[:200]}\n{done.stdout[-6000:]}\n{done.stderr[-6000:]}"
        return done.stdout

    def generate(self) -> None:
        """What ``make generate`` does, in the copy (tools/generation.py finds the copy's files)."""
        self.run(
            "-c",
            "import sys; sys.path.insert(0, 'tools'); import generation; "
            "generation.generate(generation.PACKAGE); "
            "generation.INDEX.write_text(generation.operation_index_text())",
        )

    def pytest(self, *args: str) -> None:
        self.run("-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *args)

    def python(self, code: str) -> None:
        self.run("-c", textwrap.dedent(code))


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=SKIPPED)
        else:
            shutil.copy2(source, tmp_path / name)
    return Workspace(tmp_path)


SPEC = "openapi/oneroster-1.2.yaml"

PROPERTY = Edit(
    SPEC,
    after="    User:\n      x-oneroster-official:\n",
    line="      properties:",
    text="""\
        houseName:
          type: string
          description: The pastoral house a student belongs to.
          x-oneroster-extension: district
""",
)

ENUM_VALUE = Edit(
    SPEC,
    after="    UserRole:\n",
    line="      - teacher",
    text="""\
      - houseCaptain
      x-oneroster-extension:
        houseCaptain: district
""",
)

PARAMETER = [
    Edit(
        SPEC,
        after="  parameters:\n    limit:\n",
        line="      x-oneroster-extension: timeback",
        text="""\
    house:
      name: house
      in: query
      required: false
      description: Only the users of this pastoral house.
      schema:
        type: string
      x-oneroster-extension: district
""",
    ),
    Edit(
        SPEC,
        after="      operationId: getAllUsers\n",
        line="      - $ref: '#/components/parameters/search'",
        text="      - $ref: '#/components/parameters/house'\n",
    ),
]

DISTRICT = "      - district\n"
PROFILE = [
    Edit(SPEC, after="      operationId: getAllUsers\n", line="      - timeback-platform", text=DISTRICT),
    Edit(SPEC, after="      operationId: getUser\n", line="      - timeback", text=DISTRICT),
    Edit(
        "wrappers/oneroster/profiles.py",
        after="",
        line="PROFILES: dict[str, Profile] = {",
        text='    "district": Profile(name="district", roots={"rostering": "/district/oneroster"}, '
        'operations="district"),\n',
    ),
]

OPERATION = Edit(
    SPEC,
    after="paths:\n",
    line="paths:",
    text="""\
  /users/{userSourcedId}/housemates:
    x-oneroster-service: rostering
    get:
      operationId: getHousematesForUser
      tags:
      - rostering
      summary: The users who share a user's pastoral house.
      x-oneroster-extension: district
      x-oneroster-profiles:
      - district
      parameters:
      - name: userSourcedId
        in: path
        required: true
        schema:
          type: string
      - $ref: '#/components/parameters/limit'
      - $ref: '#/components/parameters/offset'
      - $ref: '#/components/parameters/sort'
      - $ref: '#/components/parameters/orderBy'
      - $ref: '#/components/parameters/filter'
      - $ref: '#/components/parameters/fields'
      - $ref: '#/components/parameters/search'
      security:
      - OAuth2CC:
        - https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly
      responses:
        '200':
          description: The requested records.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/UserSet'
          headers:
            X-Total-Count:
              $ref: '#/components/headers/X-Total-Count'
            Link:
              $ref: '#/components/headers/Link'
        '400':
          $ref: '#/components/responses/BadRequest'
        '401':
          $ref: '#/components/responses/Unauthorized'
        '403':
          $ref: '#/components/responses/Forbidden'
        '404':
          $ref: '#/components/responses/NotFound'
        '422':
          $ref: '#/components/responses/UnprocessableEntity'
        '429':
          $ref: '#/components/responses/TooManyRequests'
        '500':
          $ref: '#/components/responses/ServerError'
""",
)

# The checks every spec change touches: the conformance suite (spec rules, the deviations, and the
# comparison with the 1EdTech documents when they are there) and the generated models' tolerance.
CONFORMANCE = "tests/conformance"
MODELS = "tests/unit/test_generated_models.py"


def test_a_new_property(workspace: Workspace) -> None:
    workspace.apply(PROPERTY)
    workspace.generate()
    workspace.pytest(CONFORMANCE, MODELS)
    workspace.python(
        """
        import attrs
        from oneroster import OneRoster
        from oneroster.sandbox import serve
        from oneroster_client.models import User

        user = User.from_dict({"sourcedId": "u-1", "houseName": "Rowan"})
        assert user.house_name == "Rowan" and user.to_dict() == {"sourcedId": "u-1", "houseName": "Rowan"}
        assert attrs.fields(User).house_name.type == "str | None"
        record = {"givenName": "Ada", "familyName": "Lee", "enabledUser": True, "houseName": "Rowan",
                  "roles": [{"role": "student", "org": "org-0001"}]}
        with serve(users=20) as sandbox, OneRoster(**sandbox.client_kwargs()) as client:
            client.users.upsert("recipe-1", record)
            assert client.users.get("recipe-1").house_name == "Rowan"
            found = client.users.list_all(where={"houseName": "Rowan"}, fields=["houseName"])
            assert [(u.sourced_id, u.house_name) for u in found] == [("recipe-1", "Rowan")]
        """
    )


def test_a_new_enum_value(workspace: Workspace) -> None:
    workspace.apply(ENUM_VALUE)
    workspace.generate()
    workspace.pytest(CONFORMANCE, MODELS)
    workspace.python(
        """
        from oneroster_client.models import RoleAssignment, UserRole

        role = RoleAssignment.from_dict({"role": "houseCaptain", "roleType": "primary"})
        assert role.role is UserRole("houseCaptain") and role.to_dict()["role"] == "houseCaptain"
        assert RoleAssignment.from_dict({"role": "ext:prefect"}).role == "ext:prefect"
        """
    )


def test_a_new_query_parameter(workspace: Workspace) -> None:
    for edit in PARAMETER:
        workspace.apply(edit)
    workspace.generate()
    workspace.pytest(CONFORMANCE)
    workspace.python(
        """
        import inspect
        from oneroster_client.api.rostering import get_all_users

        assert "house" in inspect.signature(get_all_users.sync_detailed).parameters
        assert get_all_users._get_kwargs(house="Rowan", limit=5)["params"] == {"limit": 5, "house": "Rowan"}
        """
    )


def test_a_new_profile(workspace: Workspace) -> None:
    for edit in PROFILE:
        workspace.apply(edit)
    workspace.generate()
    workspace.pytest(CONFORMANCE, "tests/unit/test_client.py")
    workspace.python(
        """
        import httpx
        from oneroster import OneRoster, UnsupportedOperation

        seen = []
        def answer(request):
            seen.append(request.url.path)
            return httpx.Response(200, json={"users": [{"sourcedId": "u-1"}]})
        http = httpx.Client(transport=httpx.MockTransport(answer))
        district = OneRoster(base_url="https://sis.example", token="t", profile="district", http_client=http)
        with district as client:
            assert [u.sourced_id for u in client.users.list()] == ["u-1"]
            try:
                client.classes.list()
            except UnsupportedOperation as exc:
                assert "'district' profile" in str(exc)
            else:
                raise AssertionError("the district profile serves no classes")
        assert seen == ["/district/oneroster/users"]
        """
    )


def test_a_new_operation(workspace: Workspace) -> None:
    for edit in [*PROFILE, OPERATION]:
        workspace.apply(edit)
    workspace.generate()
    workspace.pytest(CONFORMANCE)
    workspace.python(
        """
        import httpx
        from oneroster import OneRoster, UnsupportedOperation
        from oneroster.operation_index import OPERATIONS

        op = OPERATIONS["getHousematesForUser"]
        assert (op.module, op.profiles, op.paged, op.answer) == (
            "get_housemates_for_user", frozenset({"district"}), True, ("users", "User", True)
        )
        seen = []
        def answer(request):
            seen.append((request.url.path, request.url.params.get("limit")))
            return httpx.Response(200, json={"users": [{"sourcedId": "u-2"}]})
        http = httpx.Client(transport=httpx.MockTransport(answer))
        district = OneRoster(base_url="https://sis.example", token="t", profile="district", http_client=http)
        with district as client:
            outcome = client._engine.send("getHousematesForUser", user_sourced_id="u-1", limit=10)
            assert outcome.json() == {"users": [{"sourcedId": "u-2"}]}
        assert seen == [("/district/oneroster/users/u-1/housemates", "10")]
        with OneRoster(base_url="https://sis.example", token="t", profile="ims", http_client=http) as client:
            try:
                client._engine.send("getHousematesForUser", user_sourced_id="u-1")
            except UnsupportedOperation:
                pass
            else:
                raise AssertionError("only the district profile offers it")
        """
    )


def test_the_guide_quotes_each_edit() -> None:
    """The guide shows the very text the tests apply, so the recipes cannot drift from what is proven."""
    guide = GUIDE.read_text(encoding="utf-8")
    for edit in [PROPERTY, ENUM_VALUE, *PARAMETER, *PROFILE, OPERATION]:
        for line in edit.text.strip("\n").splitlines():
            assert line.strip() in guide, f"docs/changing-the-spec.md does not show: {line.strip()!r}"
