"""Every code block of docs/django.md, run: each block is loaded from the markdown by its name."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.apps.config import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.utils.module_loading import import_string
from django_site_support import DOCS, REPO, count_fences, doc_blocks
from oneroster import NotFound, RateLimited
from oneroster.contrib.django import OneRosterErrorMiddleware, error_response, parse_settings
from oneroster.contrib.django.checks import check_settings
from oneroster.sandbox import RunningSandbox

pytestmark = pytest.mark.sandbox

EXERCISED = {
    "settings",
    "views",
    "decorator",
    "error-template",
    "error-json",
    "check-output",
    "testing",
    "run-example",
}

BLOCKS = doc_blocks()
factory = RequestFactory()


def block(name: str, language: str) -> str:
    found_language, code = BLOCKS[name]
    assert found_language == language
    return code


def run_block(name: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": f"docs_{name.replace('-', '_')}"}
    exec(compile(block(name, "python"), f"{DOCS}:{name}", "exec"), namespace)
    return namespace


def not_found() -> NotFound:
    return NotFound(
        "404 Not Found: GET https://sis.example/x", status_code=404, method="GET", url="https://x"
    )


def test_every_code_block_is_named_and_exercised() -> None:
    assert count_fences(DOCS.read_text(encoding="utf-8")) == len(BLOCKS)
    assert set(BLOCKS) == EXERCISED


def test_settings_block(oneroster_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [k for k in os.environ if k.startswith("ONEROSTER_")]:
        monkeypatch.delenv(name)
    for name, value in oneroster_sandbox.environ().items():
        monkeypatch.setenv(name, value)

    namespace = run_block("settings")

    app = AppConfig.create(namespace["INSTALLED_APPS"][-1])
    assert (type(app).__name__, app.label) == ("OneRosterConfig", "oneroster")
    assert import_string(namespace["MIDDLEWARE"][-1]) is OneRosterErrorMiddleware
    config = parse_settings(namespace["ONEROSTER"])
    assert (config.base_url, config.client_id, config.token_url) == (
        oneroster_sandbox.base_url,
        oneroster_sandbox.client_id,
        oneroster_sandbox.token_url,
    )
    assert (config.profile, config.timeout, config.max_retries, config.page_size) == ("ims", 30.0, 3, 500)

    monkeypatch.delenv("ONEROSTER_BASE_URL")
    with pytest.raises(ImproperlyConfigured, match="BASE_URL"):
        parse_settings(run_block("settings")["ONEROSTER"])


def test_views_block(oneroster_sandbox: RunningSandbox, classes: dict[str, str]) -> None:
    namespace = run_block("views")
    rendered: list[tuple[str, dict[str, Any]]] = []

    def fake_render(request: Any, template: str, context: dict[str, Any]) -> HttpResponse:
        rendered.append((template, context))
        return HttpResponse("rendered")

    namespace["render"] = fake_render  # the block names a template of the reader's own project
    class_id = classes["most_results"]

    response = namespace["class_roster"](factory.get("/"), class_id)

    assert response.content == b"rendered"
    ((template, context),) = rendered
    store = oneroster_sandbox.app_state.store
    assert template == "roster.html"
    assert context["class"].title == store.get("classes", class_id)["title"]
    enrolled = {
        e["user"]["sourcedId"]
        for e in store.iter_kind("enrollments")
        if e["class"]["sourcedId"] == class_id and e["role"] == "student"
    }
    students = context["students"]
    assert {s.sourced_id for s in students} == enrolled
    keys = [(s.family_name, s.given_name) for s in students]
    assert keys == sorted(keys)


def test_decorator_block(oneroster_sandbox: RunningSandbox, classes: dict[str, str]) -> None:
    view = run_block("decorator")["class_json"]
    class_id = classes["first"]

    found = view(factory.get("/"), class_id)
    missing = view(factory.get("/"), "no-such-class")
    missing_json = view(factory.get("/", HTTP_ACCEPT="application/json"), "no-such-class")

    assert json.loads(found.content) == {
        "sourcedId": class_id,
        "title": oneroster_sandbox.app_state.store.get("classes", class_id)["title"],
    }
    assert (missing.status_code, missing["Content-Type"]) == (404, "text/plain; charset=utf-8")
    assert json.loads(missing_json.content)["error"]["code"] == "not_found"


def test_error_template_block() -> None:
    middleware_class = run_block("error-template")["RosterErrorMiddleware"]
    middleware = middleware_class(lambda request: HttpResponse("fine"))

    page = middleware.process_exception(factory.get("/", HTTP_ACCEPT="text/html"), not_found())

    assert issubclass(middleware_class, OneRosterErrorMiddleware)
    assert page.status_code == 404
    assert "<h1>404 Not Found</h1>" in page.content.decode()


def test_error_json_block() -> None:
    exc = RateLimited("429", status_code=429, method="GET", url="https://x", retry_after=None)

    response = error_response(factory.get("/", HTTP_ACCEPT="application/json"), exc)

    assert json.loads(response.content) == json.loads(block("error-json", "json"))
    assert response["Retry-After"] == "30"


def test_check_output_block() -> None:
    with override_settings(ONEROSTER={"TOKEN": "..."}):
        messages = check_settings()

    assert [str(m) for m in messages] == [block("check-output", "text")]


def test_testing_block() -> None:
    namespace = run_block("testing")

    namespace["test_roster_page_lists_the_students"]()  # asserts the 200 itself

    # The block's override_settings ended: the site is back on its own sandbox.
    from oneroster.contrib.django import get_client

    assert get_client().classes.first() is not None


def test_run_example_block() -> None:
    cwd = REPO
    outputs: list[subprocess.CompletedProcess[str]] = []
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ONEROSTER_", "DJANGO_"))}
    for line in block("run-example", "bash").splitlines():
        words = [sys.executable if word == "python" else word for word in shlex.split(line)]
        if words[0] == "cd":
            cwd = Path(cwd, words[1])
            continue
        outputs.append(
            subprocess.run(
                words, cwd=cwd, env=environ, capture_output=True, text=True, timeout=120, check=False
            )
        )

    (done,) = outputs
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout
    assert "oneroster sandbox: http://127.0.0.1:" in done.stderr
