"""Sandbox defects found by a hostile look: routing on the raw path, atomic writes, absurd input,
the runner's signals, a missing extra, the control endpoints, and absolute hrefs.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from oneroster.sandbox import CONTROL_HEADERS, RunningSandbox, serve
from oneroster.sandbox.app import json_depth
from oneroster.sandbox.server import exposure_warning

pytestmark = pytest.mark.sandbox

ROOT = Path(__file__).resolve().parents[2]
ROSTER = "/ims/oneroster/rostering/v1p2"


@pytest.fixture(scope="module")
def hardened() -> Iterator[RunningSandbox]:
    with serve(seed=1, users=300) as running:
        yield running


@pytest.fixture
def auth(hardened: RunningSandbox) -> dict[str, str]:
    token = httpx.post(
        hardened.token_url,
        data={"grant_type": "client_credentials"},
        auth=(hardened.client_id, hardened.client_secret),
    ).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def _url(sandbox: RunningSandbox, path: str) -> str:
    return sandbox.base_url + ROSTER + path


def _imsx_minor(answer: httpx.Response) -> str:
    return str(answer.json()["imsx_CodeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"])


def _child_with_agents(sandbox: RunningSandbox) -> tuple[str, list[str]]:
    for user in sandbox.app_state.store.iter_kind("users"):
        if user["roles"][0]["role"] == "student" and user.get("agents"):
            return user["sourcedId"], [a["sourcedId"] for a in user["agents"]]
    raise AssertionError("the seeded district has no student with agents")


# -- an encoded "/" is part of an id --------------------------------------------------------------


def test_an_encoded_slash_never_reaches_a_nested_route(
    hardened: RunningSandbox, auth: dict[str, str]
) -> None:
    child, agents = _child_with_agents(hardened)
    answer = httpx.delete(_url(hardened, f"/users/{child}%2Fagents%2F{agents[0]}"), headers=auth)
    # deleteUser of the user "<child>/agents/<agent>", which does not exist; deleteAgent never ran.
    assert answer.status_code == 404 and f"{child}/agents/{agents[0]}" in answer.json()["imsx_description"]
    stored = hardened.app_state.store.get("users", child)
    assert stored is not None and [a["sourcedId"] for a in stored["agents"]] == agents

    classes = httpx.get(_url(hardened, f"/users/{child}%2Fclasses"), headers=auth)
    assert classes.status_code == 404 and _imsx_minor(classes) == "unknownobject"
    assert f"{child}/classes" in classes.json()["imsx_description"]


def test_an_id_holding_a_slash_is_written_and_read(hardened: RunningSandbox, auth: dict[str, str]) -> None:
    record = {
        "givenName": "Slash",
        "familyName": "Id",
        "enabledUser": True,
        "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "org-0001", "type": "org",
                                                                      "href": "/orgs/org-0001"}}],
    }  # fmt: skip
    put = httpx.put(_url(hardened, "/users/hard%2Fclasses"), json={"user": record}, headers=auth)
    assert put.status_code in (200, 201), put.text
    got = httpx.get(_url(hardened, "/users/hard%2Fclasses"), headers=auth)
    assert got.status_code == 200 and got.json()["user"]["sourcedId"] == "hard/classes"


# -- writes to one record are atomic ------------------------------------------------------------


def _slow_requests(sandbox: RunningSandbox, method: str, paths_bodies: list[tuple[str, bytes]],
                   auth: dict[str, str]) -> list[int]:  # fmt: skip
    """Send every request's headers and half its body, wait, then finish them all; return statuses."""
    connections = []
    for path, body in paths_bodies:
        conn = http.client.HTTPConnection(sandbox.host, sandbox.port, timeout=30)
        conn.putrequest(method, ROSTER + path)
        for name, value in {
            **auth,
            "Content-Type": "application/json",
            "Content-Length": str(len(body)),
        }.items():
            conn.putheader(name, value)
        conn.endheaders()
        conn.send(body[: len(body) // 2])
        connections.append((conn, body))
    time.sleep(0.3)  # every handler is now waiting for the rest of its body
    for conn, body in connections:
        conn.send(body[len(body) // 2 :])
    statuses = []
    for conn, _ in connections:
        response = conn.getresponse()
        response.read()
        statuses.append(response.status)
        conn.close()
    return statuses


def test_concurrent_agent_links_are_all_kept(hardened: RunningSandbox, auth: dict[str, str]) -> None:
    store = hardened.app_state.store
    parents = [u["sourcedId"] for u in store.iter_kind("users") if u["roles"][0]["role"] == "parent"][:16]
    assert len(parents) == 16
    target = "usr-000001"
    before = {a["sourcedId"] for a in (store.get("users", target) or {}).get("agents") or []}
    requests = [(f"/users/{target}/agents", json.dumps({"agentSourcedId": p}).encode()) for p in parents]
    statuses = _slow_requests(hardened, "POST", requests, auth)
    assert statuses == [200] * 16
    after = {a["sourcedId"] for a in (store.get("users", target) or {}).get("agents") or []}
    assert after == before | set(parents)


def test_concurrent_patches_of_one_record_all_apply(hardened: RunningSandbox, auth: dict[str, str]) -> None:
    store = hardened.app_state.store
    enrollment = next(store.iter_kind("enrollments"))["sourcedId"]
    fields = ["beginDate", "endDate"]
    values = {"beginDate": "2026-01-06", "endDate": "2026-06-30"}
    requests = [
        (f"/enrollments/{enrollment}", json.dumps({"enrollment": {name: values[name]}}).encode())
        for name in fields
    ]
    assert _slow_requests(hardened, "PATCH", requests, auth) == [200, 200]
    stored = store.get("enrollments", enrollment)
    assert stored is not None and all(stored[name] == values[name] for name in fields)


# -- absurd input is a 400 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("offset", str(10**30)),
        ("limit", str(10**30)),
        ("offset", str(2**31)),
        ("limit", "1_0"),
        ("limit", "٣"),
    ],
)
def test_absurd_numbers_are_400(
    name: str, value: str, hardened: RunningSandbox, auth: dict[str, str]
) -> None:
    answer = httpx.get(_url(hardened, "/users"), params={name: value}, headers=auth)
    assert answer.status_code == 400 and _imsx_minor(answer) == "invaliddata", answer.text
    assert httpx.get(_url(hardened, "/users"), params={name: "2147483647"}, headers=auth).status_code == 200


@pytest.mark.parametrize("depth", [100, 100_000])
def test_deeply_nested_json_is_400(depth: int, hardened: RunningSandbox, auth: dict[str, str]) -> None:
    nested = "[" * depth + "]" * depth
    body = '{"user": {"givenName": "Deep", "metadata": {"x": ' + nested + "}}}"
    answer = httpx.put(
        _url(hardened, "/users/deep-json"), content=body, headers={**auth, "Content-Type": "application/json"}
    )
    assert answer.status_code == 400 and _imsx_minor(answer) == "invaliddata", answer.text
    assert hardened.app_state.store.get("users", "deep-json") is None


def test_json_depth() -> None:
    assert json_depth(1) == 0 and json_depth([]) == 1 and json_depth({"a": [1, {"b": 2}]}) == 3


# -- the control endpoints ----------------------------------------------------------------------


def test_control_needs_the_header_and_a_json_body(hardened: RunningSandbox) -> None:
    faults = hardened.base_url + "/_sandbox/faults"
    # What a web page can send cross-site without a preflight: a text/plain form post.
    forged = httpx.post(faults, content=b'{"rate_500": 1}', headers={"Content-Type": "text/plain"})
    assert forged.status_code == 403 and hardened.app_state.faults.rate_500 == 0
    no_json = httpx.post(
        faults, content=b'{"rate_500": 1}', headers={**CONTROL_HEADERS, "Content-Type": "text/plain"}
    )
    assert no_json.status_code == 415 and hardened.app_state.faults.rate_500 == 0
    for path in ("/_sandbox/reset", "/_sandbox/expire-tokens"):
        assert httpx.post(hardened.base_url + path).status_code == 403
        assert httpx.post(hardened.base_url + path, json={}, headers=CONTROL_HEADERS).status_code == 204
    ok = httpx.post(faults, json={"latency_ms": 0}, headers=CONTROL_HEADERS)
    assert ok.status_code == 200 and httpx.get(faults).json() == ok.json()


def test_binding_beyond_loopback_warns() -> None:
    assert exposure_warning("127.0.0.1") is None and exposure_warning("::1") is None
    assert exposure_warning("localhost") is None
    assert "0.0.0.0" in (exposure_warning("0.0.0.0") or "")
    assert exposure_warning("192.168.1.20") is not None and exposure_warning("example.org") is not None


# -- absolute hrefs ---------------------------------------------------------------------------------

_HREF = re.compile(r'"href": ?"([^"]*)"')


def test_every_href_is_absolute_from_the_address_asked(
    hardened: RunningSandbox, auth: dict[str, str]
) -> None:
    for path in (
        "/users?limit=50",
        "/classes?limit=20",
        "/enrollments?limit=20",
        "/orgs",
        "/academicSessions",
    ):
        text = httpx.get(_url(hardened, path), headers=auth).text
        hrefs = _HREF.findall(text)
        assert hrefs and all(h.startswith(hardened.base_url + "/ims/oneroster/") for h in hrefs), path
    gradebook = httpx.get(
        hardened.base_url + "/ims/oneroster/gradebook/v1p2/results?limit=5", headers=auth
    ).text
    # Each reference points into the service its record lives in.
    for href in _HREF.findall(gradebook):
        service = "gradebook" if re.search(r"/(lineItems|scoreScales|categories)/", href) else "rostering"
        assert href.startswith(f"{hardened.base_url}/ims/oneroster/{service}/v1p2/"), href
    # Another name for the same server: the hrefs follow the address the client used.
    other = f"http://localhost:{hardened.port}"
    text = httpx.get(other + ROSTER + "/orgs/org-0001", headers=auth).text
    assert _HREF.findall(text) == [f"{other}/ims/oneroster/rostering/v1p2/orgs/org-0000"]


def test_written_hrefs_are_stored_relative(hardened: RunningSandbox, auth: dict[str, str]) -> None:
    mine = hardened.base_url + ROSTER + "/orgs/org-0001"
    elsewhere = "https://sis.example.org/ims/oneroster/rostering/v1p2/orgs/org-0001"
    course = {
        "title": "Hrefs",
        "courseCode": "H-1",
        "org": {"href": mine, "sourcedId": "org-0001", "type": "org"},
    }
    assert httpx.put(
        _url(hardened, "/courses/href-1"), json={"course": course}, headers=auth
    ).status_code in (200, 201)
    course["org"]["href"] = elsewhere
    assert httpx.put(
        _url(hardened, "/courses/href-2"), json={"course": course}, headers=auth
    ).status_code in (200, 201)
    store = hardened.app_state.store
    assert (store.get("courses", "href-1") or {})["org"]["href"] == "/orgs/org-0001"
    assert (store.get("courses", "href-2") or {})["org"]["href"] == elsewhere
    read = httpx.get(_url(hardened, "/courses/href-1"), headers=auth).json()["course"]
    assert read["org"]["href"] == mine


# -- the runner ---------------------------------------------------------------------------------------


def _runner(*args: str, **kwargs: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "oneroster.sandbox", "--users", "20", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_runner_forwards_signals_and_waits(signum: int, tmp_path: Path) -> None:
    marker = tmp_path / "child"
    script = (
        "import os, pathlib, signal, sys, time\n"
        f"p = pathlib.Path({str(marker)!r})\n"
        "def bye(n, f):\n"
        "    time.sleep(0.3)\n"  # a clean-up the runner must wait for
        "    p.write_text(f'stopped {n}'); sys.exit(0)\n"
        "signal.signal(signal.SIGTERM, bye); signal.signal(signal.SIGINT, bye)\n"
        "p.write_text(str(os.getpid()))\n"
        "while True: time.sleep(0.05)\n"
    )
    # stdin is not a terminal here, so a SIGINT can only have come from a kill: forwarded too.
    runner = _runner("--", sys.executable, "-c", script, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (marker.exists() and marker.read_text().isdigit()):
        assert runner.poll() is None and time.monotonic() < deadline, runner.communicate()
        time.sleep(0.05)
    child = int(marker.read_text())
    runner.send_signal(signum)
    _, stderr = runner.communicate(timeout=30)
    assert marker.read_text() == f"stopped {int(signum)}", stderr
    assert runner.returncode == 0
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)


def test_a_missing_extra_prints_the_install_line() -> None:
    code = (
        "import sys, runpy; sys.modules['starlette'] = None; sys.modules['uvicorn'] = None; "
        "sys.argv = ['oneroster.sandbox']; runpy.run_module('oneroster.sandbox', run_name='__main__')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "install oneroster-client[sandbox]" in done.stderr and "Traceback" not in done.stderr


def test_the_runner_warns_beyond_loopback() -> None:
    runner = _runner("--host", "0.0.0.0", "--", sys.executable, "-c", "pass")
    _, stderr = runner.communicate(timeout=60)
    assert runner.returncode == 0 and "warning: listening on 0.0.0.0" in stderr


def test_hrefs_follow_a_reused_district_to_another_port(tmp_path: Path) -> None:
    db = str(tmp_path / "district.db")
    with serve(db=db, seed=1, users=40) as first:
        token = httpx.post(
            first.token_url,
            data={"grant_type": "client_credentials"},
            auth=(first.client_id, first.client_secret),
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        org = {"href": first.base_url + ROSTER + "/orgs/org-0001", "sourcedId": "org-0001", "type": "org"}
        course = {"title": "Moves", "courseCode": "M-1", "org": org}
        assert httpx.put(_url(first, "/courses/moving"), json={"course": course}, headers=headers).is_success
    # Another free port: the store kept "/orgs/org-0001", each answer builds the URL it is asked at.
    with serve(db=db, seed=1, users=40) as second:
        token = httpx.post(
            second.token_url,
            data={"grant_type": "client_credentials"},
            auth=(second.client_id, second.client_secret),
        ).json()["access_token"]
        read = httpx.get(_url(second, "/courses/moving"), headers={"Authorization": f"Bearer {token}"})
        assert read.json()["course"]["org"]["href"] == second.base_url + ROSTER + "/orgs/org-0001"
