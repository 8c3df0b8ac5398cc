"""The ``oneroster`` command: every command and format against a paging fake provider."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shlex
import sys
import threading
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from oneroster import F, NotFound, OneRoster, RetryPolicy, ServerError, Timeout, Unauthorized, ValidationError
from oneroster.cli import app as cli
from oneroster.cli import main
from oneroster.cli.output import Format, ProgressBar, cell, format_for_path, progress_bar
from oneroster.dialects import FULL
from oneroster.operation_index import SCHEMA_FIELDS
from oneroster.profiles import PROFILES
from oneroster.resources import RESOURCES
from oneroster.scopes import ROUTES
from rich.console import Console
from typer.testing import CliRunner

BASE = "https://sis.example"
ROSTER = "/ims/oneroster/rostering/v1p2"
GRADEBOOK = "/ims/oneroster/gradebook/v1p2"
TOKEN = "tok-Static-91x"
SECRET = "s3cr3t-Zq81-never-print"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"

STAMP = "2026-01-05T10:00:00.000Z"


def _user(n: int, role: str = "student") -> dict[str, Any]:
    return {
        "sourcedId": f"u{n}",
        "status": "active",
        "dateLastModified": STAMP,
        "enabledUser": "true",
        "username": f"user{n}",
        "givenName": f"Given{n}",
        "familyName": "Family",
        "roles": [{"roleType": "primary", "role": role, "org": {"sourcedId": "s1", "type": "org"}}],
    }


def _seed() -> dict[str, list[dict[str, Any]]]:
    return {
        "users": [_user(0), _user(1), _user(2, "teacher"), _user(3), _user(4)],
        "orgs": [
            {
                "sourcedId": "s1",
                "status": "active",
                "dateLastModified": STAMP,
                "name": "North",
                "type": "school",
            }
        ],
        "classes": [
            {
                "sourcedId": f"c{n}",
                "status": "active",
                "dateLastModified": STAMP,
                "title": f"Class {n}",
                "classType": "scheduled",
                "course": {"sourcedId": "co1"},
                "school": {"sourcedId": "s1"},
                "terms": [{"sourcedId": "t1"}],
            }
            for n in range(3)
        ],
        "academicSessions": [
            {
                "sourcedId": "t1",
                "status": "active",
                "dateLastModified": STAMP,
                "title": "Fall",
                "type": "term",
                "startDate": "2025-09-01",
                "endDate": "2026-01-31",
                "schoolYear": "2026",
            },
        ],
        "lineItems": [
            {
                "sourcedId": "li1",
                "status": "active",
                "dateLastModified": STAMP,
                "title": "Quiz 1",
                "assignDate": "2026-01-10T00:00:00.000Z",
                "dueDate": "2026-01-17T00:00:00.000Z",
                "class": {"sourcedId": "c0"},
                "school": {"sourcedId": "s1"},
                "category": {"sourcedId": "cat1"},
            },
        ],
        "results": [
            {
                "sourcedId": f"r{n}",
                "status": "active",
                "dateLastModified": STAMP,
                "lineItem": {"sourcedId": "li1"},
                "student": {"sourcedId": f"u{n}"},
                "scoreStatus": "fully graded",
                "score": 90.0 + n,
                "scoreDate": "2026-01-18",
            }
            for n in range(3)
        ],
        "enrollments": [],
    }


# The API's collection path segment -> (store key, envelope key of one record).
COLLECTIONS = {
    "users": ("users", "user"),
    "students": ("users", "user"),
    "teachers": ("users", "user"),
    "orgs": ("orgs", "org"),
    "schools": ("orgs", "org"),
    "classes": ("classes", "class"),
    "academicSessions": ("academicSessions", "academicSession"),
    "terms": ("academicSessions", "academicSession"),
    "lineItems": ("lineItems", "lineItem"),
    "results": ("results", "result"),
    "enrollments": ("enrollments", "enrollment"),
}
ENVELOPES = {
    "users": "users",
    "orgs": "orgs",
    "classes": "classes",
    "academicSessions": "academicSessions",
    "lineItems": "lineItems",
    "results": "results",
    "enrollments": "enrollments",
}


class Provider:
    """A OneRoster provider on a MockTransport: pages of at most 2 records, X-Total-Count, PUT/DELETE."""

    def __init__(self) -> None:
        self.data = _seed()
        self.requests: list[httpx.Request] = []
        self.fail: Callable[[httpx.Request], httpx.Response | None] | None = None
        self._lock = threading.Lock()

    @property
    def api_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if not r.url.path.endswith("/oauth/token")]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self._lock:
            self.requests.append(request)
        if self.fail is not None:
            failed = self.fail(request)
            if failed is not None:
                return failed
        path = request.url.path
        if path.endswith("/oauth/token"):
            return httpx.Response(
                200, json={"access_token": "minted", "token_type": "bearer", "expires_in": 3600}
            )
        root = ROSTER if path.startswith(ROSTER) else GRADEBOOK
        parts = path[len(root) :].strip("/").split("/")
        if parts[0] not in COLLECTIONS:
            return self._not_found()
        store, single = COLLECTIONS[parts[0]]
        records = self.data[store]
        if len(parts) == 1:
            return self._page(request, store, records)
        by_id = {r["sourcedId"]: r for r in records}
        if len(parts) == 2:
            sourced_id = parts[1]
            if request.method == "PUT":
                body = json.loads(request.content)[single]
                self.data[store] = [r for r in records if r["sourcedId"] != sourced_id] + [body]
                return httpx.Response(201)
            if request.method == "DELETE":
                if sourced_id not in by_id:
                    return self._not_found()
                by_id[sourced_id]["status"] = "tobedeleted"
                return httpx.Response(204)
            if sourced_id not in by_id:
                return self._not_found()
            return httpx.Response(200, json={single: by_id[sourced_id]})
        # Nested listings: /classes/{id}/students, /classes/{id}/lineItems/{id}/results.
        leaf = parts[-1]
        if leaf == "students":
            return self._page(
                request, "users", [u for u in self.data["users"] if u["roles"][0]["role"] == "student"]
            )
        if leaf == "results":
            line_item = parts[3] if len(parts) == 5 else None
            matching = [r for r in self.data["results"] if line_item in (None, r["lineItem"]["sourcedId"])]
            return self._page(request, "results", matching)
        return self._not_found()

    def _page(self, request: httpx.Request, store: str, records: list[dict[str, Any]]) -> httpx.Response:
        offset = int(request.url.params.get("offset", "0"))
        limit = min(int(request.url.params.get("limit", "2")), 2)
        body = {ENVELOPES[store]: records[offset : offset + limit]}
        return httpx.Response(200, json=body, headers={"X-Total-Count": str(len(records))})

    @staticmethod
    def _not_found() -> httpx.Response:
        return httpx.Response(
            404,
            json={
                "imsx_codeMajor": "failure",
                "imsx_severity": "error",
                "imsx_description": "no such record",
                "imsx_CodeMinor": {
                    "imsx_codeMinorField": [
                        {
                            "imsx_codeMinorFieldName": "TargetEndSystem",
                            "imsx_codeMinorFieldValue": "unknownobject",
                        }
                    ]
                },
            },
        )


@pytest.fixture
def provider(monkeypatch: pytest.MonkeyPatch) -> Provider:
    server = Provider()
    built: list[cli.Settings] = []

    def build(settings: cli.Settings) -> OneRoster:
        built.append(settings)
        kwargs = settings.client_kwargs()
        if "profile" not in kwargs:
            # These tests are about the command line: a provider that takes every filter as written.
            kwargs["profile"] = dataclasses.replace(PROFILES["ims"], dialect=FULL)
        return OneRoster(
            **kwargs,
            http_client=httpx.Client(transport=httpx.MockTransport(server)),
            retry_policy=RetryPolicy(max_retries=0, sleep=lambda seconds: None),
        )

    monkeypatch.setattr(cli, "build_client", build)
    server.built = built  # type: ignore[attr-defined]
    return server


@pytest.fixture
def run() -> Callable[..., Any]:
    runner = CliRunner()

    def invoke(*args: str, connect: bool = True, **kwargs: Any) -> Any:
        head = ["--base-url", BASE, "--token", TOKEN] if connect else []
        return runner.invoke(cli.app, [*head, *args], **kwargs)

    return invoke


def params(request: httpx.Request) -> dict[str, str]:
    return dict(request.url.params)


# -- the command tree -------------------------------------------------------------------------


def _commands() -> dict[str, Any]:
    group = typer.main.get_command(cli.app)
    return group.commands  # type: ignore[attr-defined,no-any-return]


def test_every_resource_and_route_is_a_command() -> None:
    commands = _commands()
    for spec in RESOURCES:
        name = spec.name.replace("_", "-")
        sub = commands[name].commands
        assert {"list", "get", "exists"} <= set(sub)
        assert ("upsert" in sub) == bool(spec.put_ops)
        assert ("delete" in sub) == bool(spec.delete_ops)
    for key in ROUTES:
        prefix, *rest = key.split(".")
        name = "-".join(part.strip("_").replace("_", "-") for part in rest)
        assert name in commands[prefix.replace("_", "-")].commands, key
    # students can be upserted (the TimeBack platform's PUT /students); teachers never.
    assert "upsert" in commands["students"].commands
    assert "upsert" not in commands["teachers"].commands
    assert {"export", "sandbox"} <= set(commands)


def test_help_never_shows_the_secret(run: Callable[..., Any]) -> None:
    env = {"ONEROSTER_CLIENT_SECRET": SECRET, "ONEROSTER_TOKEN": SECRET}
    for args in (["--help"], ["users", "list", "--help"]):
        result = run(*args, connect=False, env=env)
        assert result.exit_code == 0
        assert "--client-secret" in result.stdout or "--where" in result.stdout
        assert SECRET not in result.output


def test_version(run: Callable[..., Any]) -> None:
    result = run("--version", connect=False)
    assert result.exit_code == 0 and result.stdout.startswith("oneroster ")


# -- list: formats ------------------------------------------------------------------------------


def test_list_one_page_as_a_table(run: Callable[..., Any], provider: Provider) -> None:
    result = run("users", "list", "--fields", "sourcedId,givenName")
    assert result.exit_code == 0, result.output
    assert "u0" in result.stdout and "Given1" in result.stdout and "u2" not in result.stdout
    (request,) = provider.api_requests
    assert request.url.path == f"{ROSTER}/users"
    assert params(request)["fields"] == "sourcedId,givenName"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"


def test_list_as_json_is_a_valid_array(run: Callable[..., Any], provider: Provider) -> None:
    result = run("classes", "list", "--format", "json", "--limit", "2")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["sourcedId"] for r in records] == ["c0", "c1"]
    assert records[0]["terms"] == [{"sourcedId": "t1"}]
    assert params(provider.api_requests[0])["limit"] == "2"


def test_list_as_jsonl_has_one_record_a_line(run: Callable[..., Any], provider: Provider) -> None:
    result = run("users", "list", "-f", "jsonl")
    lines = result.stdout.splitlines()
    assert [json.loads(line)["sourcedId"] for line in lines] == ["u0", "u1"]


def test_json_output_is_the_providers_json_with_its_z_timestamps(
    run: Callable[..., Any], provider: Provider
) -> None:
    lines = run("users", "list", "-f", "jsonl").stdout.splitlines()
    assert json.loads(lines[0]) == _user(0)
    assert all(json.loads(line)["dateLastModified"] == STAMP for line in lines)
    assert json.loads(run("users", "get", "u1", "-f", "json").stdout) == _user(1)


def test_list_as_csv_flattens_references(run: Callable[..., Any], provider: Provider) -> None:
    result = run("classes", "list", "--format", "csv", "--fields", "sourcedId,title,course,terms")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [
        ["sourcedId", "title", "course", "terms"],
        ["c0", "Class 0", "co1", "t1"],
        ["c1", "Class 1", "co1", "t1"],
    ]


def test_empty_listings_in_every_format(run: Callable[..., Any], provider: Provider) -> None:
    assert json.loads(run("enrollments", "list", "-f", "json").stdout) == []
    assert run("enrollments", "list", "-f", "jsonl").stdout == ""
    assert run("enrollments", "list", "-f", "csv", "--fields", "sourcedId").stdout.strip() == "sourcedId"
    assert "no records" in run("enrollments", "list").stdout


def test_sort_order_search_and_offset_are_sent(run: Callable[..., Any], provider: Provider) -> None:
    result = run(
        "users", "list", "--sort", "familyName", "--order", "desc", "--search", "ana", "--offset", "2"
    )
    assert result.exit_code == 0, result.output
    sent = params(provider.api_requests[0])
    assert (sent["sort"], sent["orderBy"], sent["search"], sent["offset"]) == (
        "familyName",
        "desc",
        "ana",
        "2",
    )


# -- --where ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (["role=student"], "role='student'"),
        (["role=student", "status=active"], "role='student' AND status='active'"),
        (["status!=tobedeleted"], "status!='tobedeleted'"),
        (["familyName~O'Br"], "familyName~'O''Br'"),
        (["dateLastModified>=2026-01-01"], "dateLastModified>='2026-01-01'"),
        (["score<50", "score>10"], "score<'50' AND score>'10'"),
        (["score<=5"], "score<='5'"),
        (["metadata.ext:grade=5=6"], "metadata.ext:grade='5=6'"),
    ],
)
def test_where_becomes_the_filter(
    run: Callable[..., Any], provider: Provider, where: list[str], expected: str
) -> None:
    args = [arg for text in where for arg in ("--where", text)]
    result = run("users", "list", *args)
    assert result.exit_code == 0, result.output
    assert params(provider.api_requests[0])["filter"] == expected


@given(
    field=st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}(\.[A-Za-z_][A-Za-z0-9_]{0,6})?", fullmatch=True),
    op=st.sampled_from(["=", "!=", ">", ">=", "<", "<=", "~"]),
    # A value starting with "=" after ">"/"<"/"!" reads as the two-character operator
    # (`A>==x` is `A>=` then `=x`), an ambiguity of the command-line syntax itself.
    value=st.text(
        alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FF), min_size=1, max_size=20
    ).filter(lambda v: not v.startswith("=")),
)
def test_parse_where_matches_the_filter_builder(field: str, op: str, value: str) -> None:
    condition = cli.parse_where([f"{field}{op}{value}"])
    method = {"=": "eq", "!=": "ne", ">": "gt", ">=": "ge", "<": "lt", "<=": "le", "~": "contains"}[op]
    assert condition is not None
    assert condition.to_filter() == getattr(F(field), method)(value).to_filter()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--where", "role"], "expected FIELD<op>VALUE"),
        (["--where", "=student"], "invalid filter field name"),
        (["--where", "bad field=x"], "invalid filter field name"),
        (["--where", "familyName~"], "contains('')"),
        (["--where", "role=student", "--filter", "role='x'"], "pass either --where or --filter, not both"),
        (["--order", "asc"], "--order needs --sort"),
        (["--fields", " , "], "at least one field"),
        (["--sort", "a b"], "sort"),
    ],
)
def test_bad_input_exits_2_and_sends_nothing(
    run: Callable[..., Any], provider: Provider, args: list[str], message: str
) -> None:
    result = run("users", "list", *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ")
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert provider.requests == []


@pytest.mark.parametrize(
    "args", [["--limit", "0"], ["--order", "sideways", "--sort", "x"], ["--offset", "-1"]]
)
def test_option_values_are_checked_by_the_parser(
    run: Callable[..., Any], provider: Provider, args: list[str]
) -> None:
    result = run("users", "list", *args)
    assert result.exit_code == 2
    assert provider.requests == [] and provider.built == []  # type: ignore[attr-defined]


def test_a_missing_base_url_is_a_usage_error(run: Callable[..., Any], provider: Provider) -> None:
    result = run("users", "list", connect=False, env={"ONEROSTER_BASE_URL": ""})
    assert result.exit_code == 2
    assert "no base URL" in result.stderr


# -- --all ------------------------------------------------------------------------------------


def test_all_streams_every_page(run: Callable[..., Any], provider: Provider) -> None:
    result = run("users", "list", "--all", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["sourcedId"] for line in result.stdout.splitlines()] == [
        "u0",
        "u1",
        "u2",
        "u3",
        "u4",
    ]
    assert [params(r)["offset"] for r in provider.api_requests] == ["0", "2", "4"]


def test_all_with_limit_caps_the_count_and_stops_fetching(
    run: Callable[..., Any], provider: Provider
) -> None:
    result = run("users", "list", "--all", "--limit", "3", "-f", "json")
    assert [r["sourcedId"] for r in json.loads(result.stdout)] == ["u0", "u1", "u2"]
    assert len(provider.api_requests) == 2


def test_all_as_csv_and_table(run: Callable[..., Any], provider: Provider) -> None:
    rows = list(csv.DictReader(io.StringIO(run("users", "list", "--all", "-f", "csv").stdout)))
    assert [row["sourcedId"] for row in rows] == ["u0", "u1", "u2", "u3", "u4"]
    assert json.loads(rows[0]["roles"]) == [
        {"roleType": "primary", "role": "student", "org": {"sourcedId": "s1", "type": "org"}}
    ]
    table = run("users", "list", "--all", "--fields", "sourcedId").stdout
    assert all(f"u{n}" in table for n in range(5))


def test_all_shows_a_progress_bar_only_on_a_terminal(
    run: Callable[..., Any], provider: Provider, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli._stderr_console() is None  # the runner's stderr is not a terminal
    screen = io.StringIO()
    monkeypatch.setattr(cli, "_stderr_console", lambda: Console(file=screen, force_terminal=True, width=100))
    result = run("users", "list", "--all", "-f", "jsonl")
    assert len(result.stdout.splitlines()) == 5
    assert "users" in screen.getvalue()
    assert "users" not in result.stdout.replace('"users', "")


def test_progress_bar_learns_the_total() -> None:
    screen = io.StringIO()
    with progress_bar("users", console=Console(file=screen, force_terminal=True)) as bar:
        bar.total(250)
        bar.advance(3)
        task = bar._progress.tasks[0]  # type: ignore[union-attr]
        assert (task.total, task.completed) == (250, 3)
    quiet = ProgressBar(None, "users")
    quiet.total(5)
    quiet.advance()
    assert quiet._task is None


def test_a_failure_mid_stream_reports_the_error(run: Callable[..., Any], provider: Provider) -> None:
    provider.fail = lambda r: httpx.Response(500, text="boom") if r.url.params.get("offset") == "2" else None
    result = run("users", "list", "--all", "-f", "jsonl")
    assert result.exit_code == 5
    assert len(result.stdout.splitlines()) == 2  # the first page had already been written
    assert result.stderr.startswith("error: 500")


# -- --out ------------------------------------------------------------------------------------


def test_out_writes_a_file_in_the_format_of_its_suffix(
    run: Callable[..., Any], provider: Provider, tmp_path: Path
) -> None:
    out = tmp_path / "users.csv"
    result = run("users", "list", "--all", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "wrote 5 records" in result.stderr
    assert [row["sourcedId"] for row in csv.DictReader(out.open())] == ["u0", "u1", "u2", "u3", "u4"]
    jsonl = tmp_path / "users.jsonl"
    run("users", "list", "-o", str(jsonl))
    assert len(jsonl.read_text().splitlines()) == 2


def test_out_is_not_left_half_written(run: Callable[..., Any], provider: Provider, tmp_path: Path) -> None:
    provider.fail = lambda r: httpx.Response(503) if r.url.params.get("offset") == "4" else None
    out = tmp_path / "users.json"
    result = run("users", "list", "--all", "--out", str(out))
    assert result.exit_code == 5
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_out_is_a_local_error(
    run: Callable[..., Any], provider: Provider, tmp_path: Path
) -> None:
    result = run("users", "list", "--out", str(tmp_path / "missing" / "users.json"))
    assert result.exit_code == 7
    assert result.stderr.startswith("error: ")


# -- get / exists / upsert / delete -----------------------------------------------------------


def test_get_prints_the_record_as_json(run: Callable[..., Any], provider: Provider) -> None:
    result = run("classes", "get", "c1", "--fields", "sourcedId,title")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Class 1"
    assert provider.api_requests[0].url.path == f"{ROSTER}/classes/c1"
    assert params(provider.api_requests[0])["fields"] == "sourcedId,title"


@pytest.mark.parametrize("fmt", list(Format))
def test_get_in_every_format(run: Callable[..., Any], provider: Provider, fmt: Format) -> None:
    result = run("academic-sessions", "get", "t1", "--format", fmt.value)
    assert result.exit_code == 0, result.output
    assert "t1" in result.stdout and "Fall" in result.stdout


def test_get_missing_record_exits_4(run: Callable[..., Any], provider: Provider) -> None:
    result = run("users", "get", "nobody")
    assert result.exit_code == 4
    assert result.stderr.startswith("error: 404 Not Found")
    assert "unknownobject" in result.stderr and result.stdout == ""


def test_exists(run: Callable[..., Any], provider: Provider) -> None:
    assert run("users", "exists", "u1").exit_code == 0
    missing = run("users", "exists", "nobody")
    assert missing.exit_code == 1 and missing.stdout == ""
    assert params(provider.api_requests[0])["fields"] == "sourcedId,status"


def test_exists_treats_a_tobedeleted_record_as_gone_unless_asked(
    run: Callable[..., Any], provider: Provider
) -> None:
    provider.data["users"][1]["status"] = "tobedeleted"
    gone = run("users", "exists", "u1")
    assert gone.exit_code == 1 and gone.stderr.strip() == "tobedeleted"
    kept = run("users", "exists", "u1", "--include-deleted")
    assert kept.exit_code == 0 and kept.stderr.strip() == "exists (tobedeleted)"


def test_a_csv_listing_has_every_model_field_even_if_the_first_records_lack_it(
    run: Callable[..., Any], provider: Provider
) -> None:
    provider.data["users"][3]["middleName"] = "Lou"
    provider.data["users"][4]["metadata"] = {"ext:house": "Red", "tags": ["a", "b"]}
    header, *rows = list(csv.reader(io.StringIO(run("users", "list", "--all", "-f", "csv").stdout)))
    assert header == list(SCHEMA_FIELDS["User"])  # the model's fields, in the spec's order
    assert all(len(row) == len(header) for row in rows)
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_id["u3"]["middleName"] == "Lou" and by_id["u0"]["middleName"] == ""
    assert json.loads(by_id["u4"]["metadata"]) == {"ext:house": "Red", "tags": ["a", "b"]}
    scoped = run("classes", "students", "c0", "-f", "csv").stdout.splitlines()[0]
    assert scoped.split(",") == list(SCHEMA_FIELDS["User"])


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("pass either where= or filter=, not both", "pass either --where or --filter, not both"),
        ("order_by needs sort= (the field to sort by)", "--order needs --sort (the field to sort by)"),
        ("fields: invalid filter field name 'a b'", "--fields: invalid filter field name 'a b'"),
        ("sort: invalid filter field name", "--sort: invalid filter field name"),
        ("familyName='x' is fine; a where clause too", "familyName='x' is fine; a where clause too"),
    ],
)
def test_library_argument_names_become_flags(message: str, expected: str) -> None:
    assert cli.flag_names(message) == expected


def test_fields_errors_name_the_flag(run: Callable[..., Any], provider: Provider) -> None:
    result = run("users", "list", "--fields", "a b")
    assert result.exit_code == 2 and result.stderr.startswith("error: --fields: ")


def _line_item(**changes: Any) -> dict[str, Any]:
    record = {
        "title": "Quiz 2",
        "assignDate": "2026-02-01T00:00:00.000Z",
        "dueDate": "2026-02-08T00:00:00.000Z",
        "class": "c0",
        "school": "s1",
        "category": "cat1",
    }
    record.update(changes)
    return record


def test_upsert_from_a_file_prints_the_stored_record(
    run: Callable[..., Any], provider: Provider, tmp_path: Path
) -> None:
    path = tmp_path / "li.json"
    path.write_text(json.dumps(_line_item()))
    result = run("line-items", "upsert", "li2", "--file", str(path))
    assert result.exit_code == 0, result.output
    put = provider.api_requests[0]
    assert (put.method, put.url.path) == ("PUT", f"{GRADEBOOK}/lineItems/li2")
    assert json.loads(put.content)["lineItem"]["sourcedId"] == "li2"
    assert json.loads(result.stdout)["title"] == "Quiz 2"
    assert "upserted line-items li2" in result.stderr


def test_upsert_from_stdin_accepts_the_api_envelope(run: Callable[..., Any], provider: Provider) -> None:
    result = run("line-items", "upsert", "li3", "--file", "-", input=json.dumps({"lineItem": _line_item()}))
    assert result.exit_code == 0, result.output
    assert json.loads(provider.api_requests[0].content)["lineItem"]["title"] == "Quiz 2"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "one JSON object"),
        (json.dumps({"sourcedId": "other"}), ""),
    ],
)
def test_upsert_bad_records_exit_2_before_sending(
    run: Callable[..., Any], provider: Provider, payload: str, message: str
) -> None:
    result = run("line-items", "upsert", "li9", "--file", "-", input=payload)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert provider.api_requests == []


def test_upsert_missing_file_exits_2(run: Callable[..., Any], provider: Provider, tmp_path: Path) -> None:
    result = run("line-items", "upsert", "li9", "--file", str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and "cannot read" in result.stderr


def test_a_call_the_profile_lacks_exits_2(run: Callable[..., Any], provider: Provider) -> None:
    result = run("users", "upsert", "u1", "--file", "-", input="{}")
    assert result.exit_code == 2
    assert "not offered by the 'ims' profile" in result.stderr
    assert provider.api_requests == []


def test_delete(run: Callable[..., Any], provider: Provider) -> None:
    result = run("line-items", "delete", "li1")
    assert result.exit_code == 0, result.output
    assert (provider.api_requests[0].method, provider.data["lineItems"][0]["status"]) == (
        "DELETE",
        "tobedeleted",
    )
    assert "deleted line-items li1" in result.stderr


# -- scoped listings --------------------------------------------------------------------------


def test_scoped_listing(run: Callable[..., Any], provider: Provider) -> None:
    result = run("classes", "students", "c0", "--all", "-f", "jsonl", "--where", "status=active")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["sourcedId"] for line in result.stdout.splitlines()] == ["u0", "u1", "u3", "u4"]
    assert {r.url.path for r in provider.api_requests} == {f"{ROSTER}/classes/c0/students"}
    assert params(provider.api_requests[0])["filter"] == "status='active'"


def test_scoped_listing_with_two_ids(run: Callable[..., Any], provider: Provider) -> None:
    result = run("classes", "line-item-results", "c0", "li1", "-f", "json", "--all")
    assert result.exit_code == 0, result.output
    assert [r["sourcedId"] for r in json.loads(result.stdout)] == ["r0", "r1", "r2"]
    assert provider.api_requests[0].url.path == f"{GRADEBOOK}/classes/c0/lineItems/li1/results"


def test_scoped_listing_checks_its_ids(run: Callable[..., Any], provider: Provider) -> None:
    assert run("classes", "students", "..").exit_code == 2
    assert run("classes", "line-item-results", "c0").exit_code == 2  # a missing argument
    assert provider.api_requests == []


# -- errors, secrets, exit codes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "code"),
    [
        (httpx.Response(401, json={"imsx_codeMajor": "failure", "imsx_description": "bad token"}), 3),
        (httpx.Response(403, text="forbidden"), 3),
        (httpx.Response(500, text="<html><title>Oops</title></html>"), 5),
        (httpx.Response(200, text="not json"), 5),
    ],
)
def test_api_errors_have_distinct_exit_codes(
    run: Callable[..., Any], provider: Provider, response: httpx.Response, code: int
) -> None:
    provider.fail = lambda request: response
    result = run("users", "list")
    assert result.exit_code == code
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_network_errors_exit_6(run: Callable[..., Any], provider: Provider) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    provider.fail = refuse
    result = run("orgs", "list")
    assert result.exit_code == 6
    assert result.stderr.startswith("error: ")


def test_ctrl_c_exits_130(run: Callable[..., Any], provider: Provider) -> None:
    def interrupt(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt

    provider.fail = interrupt
    result = run("users", "list", "--all")
    assert result.exit_code == 130
    assert "interrupted" in result.stderr


def test_the_secret_never_reaches_the_output(run: Callable[..., Any], provider: Provider) -> None:
    # A token endpoint that echoes the credentials back in its error body.
    provider.fail = lambda request: (
        httpx.Response(401, text=f"invalid client secret {SECRET} in {request.content.decode()}")
        if request.url.path.endswith("/oauth/token")
        else None
    )
    result = run(
        "--client-id",
        "cid",
        "--token-url",
        f"{BASE}/oauth/token",
        "users",
        "list",
        connect=False,
        env={"ONEROSTER_BASE_URL": BASE, "ONEROSTER_CLIENT_SECRET": SECRET},
    )
    assert result.exit_code == 3
    assert provider.requests and SECRET not in provider.requests[0].url.query.decode()
    assert SECRET not in result.output
    assert (
        result.stderr.startswith("error: 401 Unauthorized") and "invalid client secret ***" in result.stderr
    )


def test_a_short_token_does_not_mask_other_text(run: Callable[..., Any], provider: Provider) -> None:
    result = run("--token", "x", "users", "get", "nobody", connect=False, env={"ONEROSTER_BASE_URL": BASE})
    assert result.exit_code == 4 and "sis.example" in result.stderr


def test_the_guard_masks_secrets_in_any_message(capsys: pytest.CaptureFixture[str]) -> None:
    settings = cli.Settings(base_url=BASE, token=TOKEN)
    with pytest.raises(typer.Exit) as exit_info, cli._guard(settings):
        raise Unauthorized(f"401: token {TOKEN}\nrefused", status_code=401, method="GET", url="u")
    assert exit_info.value.exit_code == 3
    assert capsys.readouterr().err == "error: 401: token *** refused\n"


def test_a_closed_pipe_ends_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as exit_info, cli._guard(cli.Settings()):
        raise BrokenPipeError(32, "Broken pipe")
    assert exit_info.value.exit_code == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (ValidationError("bad"), 2),
        (Unauthorized("x", status_code=401, method="GET", url="u"), 3),
        (NotFound("x", status_code=404, method="GET", url="u"), 4),
        (ServerError("x", status_code=502, method="GET", url="u"), 5),
        (Timeout("slow"), 6),
        (FileNotFoundError(2, "No such file", "x.json"), 7),
        (KeyboardInterrupt(), 130),
        (RuntimeError("bug"), 1),
    ],
)
def test_exit_code_for(exc: BaseException, code: int) -> None:
    assert cli.exit_code_for(exc) == code
    assert code in cli.EXIT_CODES or code == 1


# -- settings, env, main ----------------------------------------------------------------------


def test_settings_come_from_the_environment(run: Callable[..., Any], provider: Provider) -> None:
    env = {"ONEROSTER_BASE_URL": BASE, "ONEROSTER_TOKEN": TOKEN, "ONEROSTER_PROFILE": "ims"}
    result = run("orgs", "list", "-f", "json", connect=False, env=env)
    assert result.exit_code == 0, result.output
    (settings,) = provider.built  # type: ignore[attr-defined]
    assert (settings.base_url, settings.token, settings.profile) == (BASE, TOKEN, "ims")
    assert TOKEN not in repr(settings)


def test_a_token_wins_over_client_credentials() -> None:
    settings = cli.Settings(base_url=BASE, client_id="id", client_secret=SECRET, token=TOKEN, page_size=50)
    assert settings.client_kwargs() == {"base_url": BASE, "token": TOKEN, "page_size": 50}
    assert settings.secrets() == [SECRET, TOKEN]
    assert "client_secret" in cli.Settings(base_url=BASE, client_id="i", client_secret="s").client_kwargs()


def test_page_size_option_reaches_the_requests(run: Callable[..., Any], provider: Provider) -> None:
    run("--page-size", "1", "users", "list", "--all", "--limit", "2", "-f", "jsonl")
    assert [params(r)["limit"] for r in provider.api_requests] == ["1", "1"]


def test_build_client_uses_the_settings() -> None:
    with cli.build_client(cli.Settings(base_url=BASE, token=TOKEN, profile="timeback")) as client:
        assert client.base_url == BASE and client.profile.name == "timeback"


def test_main_without_the_cli_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "typer", None)
    with pytest.raises(SystemExit) as exit_info:
        main(argv=["--help"])
    assert exit_info.value.code == 2
    assert "install oneroster-client[cli]" in capsys.readouterr().err


def test_main_runs_the_app(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv=["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("oneroster ")


def test_main_turns_ctrl_c_into_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(**kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", interrupted)
    with pytest.raises(SystemExit) as exit_info:
        main(argv=[])
    assert exit_info.value.code == 130


# -- sandbox ----------------------------------------------------------------------------------


def test_sandbox_forwards_every_argument(run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def fake_main(args: list[str]) -> int:
        seen.append(args)
        return 3

    monkeypatch.setattr(cli, "_load_sandbox_main", lambda: fake_main)
    result = run("sandbox", "--port", "0", "--help", "--seed", "demo", connect=False)
    assert result.exit_code == 3
    assert seen == [["--port", "0", "--help", "--seed", "demo"]]


def test_sandbox_main_is_imported_lazily(run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("oneroster.sandbox.__main__")
    fake.main = lambda args: len(args)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "oneroster.sandbox.__main__", fake)
    result = run("sandbox", "a", "b", connect=False)
    assert result.exit_code == 2  # main's return value is the exit status


def test_sandbox_unavailable_is_a_clear_error(
    run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "oneroster.sandbox.__main__", None)
    result = run("sandbox", connect=False)
    assert result.exit_code == 2
    assert "install oneroster-client[sandbox]" in result.stderr


# -- export -----------------------------------------------------------------------------------


def test_export_writes_a_bundle(run: Callable[..., Any], provider: Provider, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    result = run("export", "--out", str(out), "--where", "status=active")
    assert result.exit_code == 0, result.output
    manifest = dict(csv.reader((out / "manifest.csv").open()))
    assert manifest["oneroster.version"] == "1.2" and manifest["file.users"] == "bulk"
    assert manifest["file.enrollments"] == "absent"  # no records: no file
    assert [row["sourcedId"] for row in csv.DictReader((out / "users.csv").open())] == [
        f"u{n}" for n in range(5)
    ]
    assert "users.csv (5)" in result.stderr
    # Categories/score scales/demographics are not served by this provider: 404, skipped.
    assert "warning: skipped categories" in result.stderr
    listed = [r for r in provider.api_requests if r.url.path.endswith(("/users", "/classes"))]
    assert listed and all(params(r)["filter"] == "status='active'" for r in listed)


def test_export_shows_one_bar_per_collection_on_a_terminal(
    run: Callable[..., Any], provider: Provider, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(cli, "_stderr_console", lambda: Console(file=screen, force_terminal=True, width=100))
    result = run("export", "--out", str(tmp_path / "bundle"))
    assert result.exit_code == 0, result.output
    drawn = screen.getvalue()
    assert "users" in drawn and "academic-sessions" in drawn
    assert (tmp_path / "bundle" / "users.csv").exists()


def test_export_refuses_a_non_empty_directory(
    run: Callable[..., Any], provider: Provider, tmp_path: Path
) -> None:
    (tmp_path / "old.csv").write_text("x")
    result = run("export", "--out", str(tmp_path))
    assert result.exit_code == 2 and "not empty" in result.stderr
    assert provider.api_requests == []


def test_export_failure_leaves_nothing(run: Callable[..., Any], provider: Provider, tmp_path: Path) -> None:
    provider.fail = lambda r: httpx.Response(500) if r.url.path.endswith("/results") else None
    result = run("export", "--out", str(tmp_path / "bundle"))
    assert result.exit_code == 5
    assert list(tmp_path.iterdir()) == []


def test_cell_renders_nested_values() -> None:
    assert cell({"sourcedId": "x", "type": "org"}) == "x"
    assert cell([{"sourcedId": "a"}, {"sourcedId": "b"}]) == "a,b"
    assert cell(None) == "" and cell(False) == "false"
    assert format_for_path("x.NDJSON") is Format.JSONL and format_for_path("x.txt") is Format.TABLE


# -- docs/cli.md ------------------------------------------------------------------------------


def _doc_commands() -> Iterator[list[str]]:
    text = DOCS.read_text(encoding="utf-8")
    for block in re.findall(r"```(?:console|sh|bash|shell)\n(.*?)```", text, flags=re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.strip().removeprefix("$ ")
            if not line.startswith("oneroster ") and " oneroster " not in f" {line}":
                continue
            command = re.split(r" (?:\||<|>|&&) ", line)[0]
            words = shlex.split(command, comments=True)
            start = words.index("oneroster")
            yield words[start + 1 :]


class _Stop(Exception):
    pass


def test_docs_list_every_nested_listing() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for key, route in ROUTES.items():
        prefix, *rest = key.split(".")
        name = "-".join(part.strip("_").replace("_", "-") for part in rest)
        ids = " ".join(param.removesuffix("_sourced_id").upper() + "_ID" for param in route.params)
        assert f"`oneroster {prefix.replace('_', '-')} {name} {ids}`" in text, key
    for code, meaning in cli.EXIT_CODES.items():
        assert re.search(rf"^\| {code} +\|", text, flags=re.MULTILINE), (code, meaning)


def test_every_docs_example_parses_and_passes_its_checks(
    run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    commands = list(_doc_commands())
    assert len(commands) >= 15
    monkeypatch.chdir(tmp_path)

    def stop(settings: cli.Settings) -> OneRoster:
        raise _Stop

    monkeypatch.setattr(cli, "build_client", stop)
    monkeypatch.setattr(cli, "_load_sandbox_main", lambda: lambda args: 0)
    for args in commands:
        for index, word in enumerate(args[:-1]):
            if word in ("--file", "-F") and args[index + 1] != "-":
                Path(args[index + 1]).write_text(json.dumps(_line_item()))
        result = run(*args, connect=False, input="{}", env={"ONEROSTER_BASE_URL": BASE})
        # Either the command got as far as building the client, or it finished without one
        # (`csv validate` of a bundle that is not there finishes with its own status).
        finished = (0, cli.EXIT_INCOMPLETE) if args[:2] == ["csv", "validate"] else (0,)
        assert isinstance(result.exception, _Stop) or result.exit_code in finished, (args, result.output)
