"""The ``ONEROSTER`` setting: parsing, ImproperlyConfigured cases, start-up validation and system checks."""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
from typing import Any

import pytest
from django.apps import apps
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django_site_support import EXAMPLE_DIR, setting_for
from hypothesis import given
from hypothesis import strategies as st
from oneroster import Profile
from oneroster.contrib.django.checks import check_settings
from oneroster.contrib.django.conf import (
    KNOWN_KEYS,
    MISSING,
    OneRosterSettings,
    find_problems,
    parse_settings,
)
from oneroster.sandbox import RunningSandbox

# Every test here runs with the session sandbox (the site's setting points at it).
pytestmark = pytest.mark.sandbox

VALID: dict[str, object] = {
    "BASE_URL": "https://sis.example",
    "CLIENT_ID": "site-id",
    "CLIENT_SECRET": "site-secret-Kq3",
    "TOKEN_URL": "https://sis.example/oauth/token",
}


def ids(value: object) -> list[str]:
    return [p.check_id for p in find_problems(value)]


# -- parsing -----------------------------------------------------------------------------


def test_defaults_fill_what_is_not_set() -> None:
    config = parse_settings({**VALID, "PAGE_SIZE": None, "TOKEN": "", "PROFILE": None})

    assert config == OneRosterSettings(
        base_url="https://sis.example",
        client_id="site-id",
        client_secret="site-secret-Kq3",
        token_url="https://sis.example/oauth/token",
        profile="ims",
        timeout=30.0,
        max_retries=3,
        deadline=20.0,
    )
    assert "site-secret-Kq3" not in repr(config)
    assert config.client_kwargs() == {
        "base_url": "https://sis.example",
        "client_id": "site-id",
        "client_secret": "site-secret-Kq3",
        "token_url": "https://sis.example/oauth/token",
        "profile": "ims",
        "timeout": 30.0,
        "deadline": 20.0,
        "max_retries": 3,
        "page_size": None,
    }


def test_every_key_is_passed_to_the_client() -> None:
    custom = Profile(name="district", roots={"rostering": "/api/v1p2"})
    config = parse_settings(
        {
            "BASE_URL": "https://sis.example",
            "TOKEN": "static-token-Zp2",
            "PROFILE": custom,
            "SCOPES": ["scope-a", "scope-b"],
            "TIMEOUT": 5,
            "DEADLINE": 12,
            "MAX_RETRIES": 0,
            "PAGE_SIZE": 250,
        }
    )

    assert config.client_kwargs() == {
        "base_url": "https://sis.example",
        "token": "static-token-Zp2",
        "profile": custom,
        "scopes": ["scope-a", "scope-b"],
        "timeout": 5.0,
        "deadline": 12.0,
        "max_retries": 0,
        "page_size": 250,
    }
    assert "static-token-Zp2" not in repr(config)


@pytest.mark.parametrize(
    ("value", "expected_ids", "words"),
    [
        (MISSING, ["oneroster.E001"], "The ONEROSTER setting is missing"),
        ("https://sis.example", ["oneroster.E002"], "must be a dict, not str"),
        ({**VALID, "TOKN": "x"}, ["oneroster.E003"], "Did you mean 'TOKEN'?"),
        ({k: v for k, v in VALID.items() if k != "BASE_URL"}, ["oneroster.E004"], "['BASE_URL'] is not set"),
        ({**VALID, "BASE_URL": ""}, ["oneroster.E004"], "'https://sis.example'"),
        ({**VALID, "BASE_URL": "sis.example"}, ["oneroster.E005"], "not an http:// or https:// URL"),
        ({**VALID, "BASE_URL": "https://svc:pw-Kq9@sis.example"}, ["oneroster.E005"], "holds credentials"),
        ({**VALID, "DEADLINE": 0}, ["oneroster.E008"], "['DEADLINE'] must be a number > 0"),
        ({**VALID, "DEADLINE": "20"}, ["oneroster.E008"], "['DEADLINE'] must be a number, not str"),
        ({**VALID, "TOKEN_URL": "ftp://sis.example/t"}, ["oneroster.E005"], "['TOKEN_URL']"),
        ({"BASE_URL": "https://sis.example"}, ["oneroster.E006"], "no credentials"),
        ({**VALID, "TOKEN_URL": None}, ["oneroster.E006"], "TOKEN_URL not set"),
        ({**VALID, "TOKEN": "t"}, ["oneroster.E007"], "are both set"),
        ({**VALID, "TIMEOUT": "30"}, ["oneroster.E008"], "['TIMEOUT'] must be a number, not str"),
        ({**VALID, "TIMEOUT": 0}, ["oneroster.E008"], "must be a number > 0"),
        ({**VALID, "TIMEOUT": float("nan")}, ["oneroster.E008"], "must be a number > 0"),
        ({**VALID, "MAX_RETRIES": -1}, ["oneroster.E008"], "must be an integer >= 0"),
        ({**VALID, "MAX_RETRIES": 2.5}, ["oneroster.E008"], "must be an integer, not float"),
        ({**VALID, "PAGE_SIZE": 0}, ["oneroster.E008"], "['PAGE_SIZE'] must be an integer >= 1"),
        ({**VALID, "PAGE_SIZE": True}, ["oneroster.E008"], "not bool"),
        ({**VALID, "SCOPES": "roster.readonly"}, ["oneroster.E008"], "list of scope strings"),
        ({**VALID, "CLIENT_ID": 42}, ["oneroster.E008"], "['CLIENT_ID'] must be a string, not int"),
        ({**VALID, "PROFILE": 3}, ["oneroster.E008"], "profile name or a oneroster.Profile"),
        (
            {**VALID, "PROFILE": "imss"},
            ["oneroster.E009"],
            "Use one of ims, timeback, timeback-platform, v1p1",
        ),
    ],
)
def test_improperly_configured_cases(value: object, expected_ids: list[str], words: str) -> None:
    assert ids(value) == expected_ids
    with pytest.raises(ImproperlyConfigured) as raised:
        parse_settings(value)
    assert words in str(raised.value)


def test_plain_http_to_a_remote_host_only_warns() -> None:
    value = {**VALID, "BASE_URL": "http://sis.example", "TOKEN_URL": "http://sis.example/oauth/token"}

    assert ids(value) == ["oneroster.W001", "oneroster.W001"]
    assert parse_settings(value).base_url == "http://sis.example"
    for local in ("http://localhost:8000", "http://127.0.0.1:9", "http://[::1]:80", "http://app.localhost"):
        assert ids({**VALID, "BASE_URL": local}) == []


# Secrets are marked so that one can never be a substring of the message's own fixed wording
# (a generated "BASE_U" or "000000" would "leak" without any secret being echoed).
secret_text = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=0x2FF), min_size=6, max_size=30
).map(lambda text: f"§{text}§")
unknown_key = st.text(min_size=1, max_size=20).filter(lambda k: k not in KNOWN_KEYS)
broken = st.sampled_from(
    [
        {"TIMEOUT": -1},
        {"PAGE_SIZE": "many"},
        {"TOKEN_URL": None},
        {"BASE_URL": "nope"},
        {"PROFILE": "nope"},
        {"MAX_RETRIES": None, "SCOPES": 1},
        {"TOKEN": "also-set"},
    ]
)


@given(secret=secret_text, token=secret_text, change=broken)
def test_messages_never_contain_the_secret_or_the_token(
    secret: str, token: str, change: dict[str, Any]
) -> None:
    for auth in ({"CLIENT_SECRET": secret}, {"TOKEN": token, "CLIENT_ID": None, "TOKEN_URL": None}):
        value = {**VALID, **auth, **change}
        text = "\n".join(f"{p.message} {p.hint}" for p in find_problems(value))
        assert secret not in text and token not in text


@given(key=unknown_key)
def test_any_unknown_key_is_named_and_refused(key: str) -> None:
    problems = find_problems({**VALID, key: "value"})

    assert [p.check_id for p in problems] == ["oneroster.E003"]
    assert repr(key) in problems[0].message
    with pytest.raises(ImproperlyConfigured):
        parse_settings({**VALID, key: "value"})


@given(
    timeout=st.floats(min_value=0.001, max_value=1e6),
    retries=st.integers(min_value=0, max_value=50),
    page_size=st.none() | st.integers(min_value=1, max_value=10_000),
)
def test_valid_numbers_pass_through(timeout: float, retries: int, page_size: int | None) -> None:
    config = parse_settings({**VALID, "TIMEOUT": timeout, "MAX_RETRIES": retries, "PAGE_SIZE": page_size})

    assert (config.timeout, config.max_retries, config.page_size) == (timeout, retries, page_size)


# -- start-up ---------------------------------------------------------------------------


def test_ready_validates_the_setting(oneroster_sandbox: RunningSandbox) -> None:
    config = apps.get_app_config("oneroster")
    assert type(config).__name__ == "OneRosterConfig"
    config.ready()  # the site's own setting is fine

    typo = {**setting_for(oneroster_sandbox), "PAGE_SIZ": 10}
    expected = re.escape("unknown key 'PAGE_SIZ'. Hint: Did you mean 'PAGE_SIZE'?")
    with override_settings(ONEROSTER=typo), pytest.raises(ImproperlyConfigured, match=expected):
        config.ready()
    with override_settings(ONEROSTER={"TOKEN": "t"}), pytest.raises(ImproperlyConfigured, match="BASE_URL"):
        config.ready()


def _example_setting(environ: dict[str, str]) -> Any:
    with pytest.MonkeyPatch.context() as patch:
        for name in [k for k in os.environ if k.startswith("ONEROSTER_")]:
            patch.delenv(name)
        for name, value in environ.items():
            patch.setenv(name, value)
        return runpy.run_path(str(EXAMPLE_DIR / "roster_site" / "settings.py"))["ONEROSTER"]


def test_example_settings_read_the_environment(oneroster_sandbox: RunningSandbox) -> None:
    setting = _example_setting({**oneroster_sandbox.environ(), "ONEROSTER_PAGE_SIZE": "250"})
    config = parse_settings(setting)
    assert config.base_url == oneroster_sandbox.base_url
    assert config.token_url == oneroster_sandbox.token_url
    assert (config.profile, config.page_size, config.token) == ("ims", 250, None)

    with pytest.raises(ImproperlyConfigured, match=r"ONEROSTER\['BASE_URL'\] is not set"):
        parse_settings(_example_setting({}))


def test_example_site_refuses_to_start_without_base_url() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONEROSTER_", "DJANGO_"))}
    done = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=EXAMPLE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode != 0
    assert "ImproperlyConfigured: ONEROSTER['BASE_URL'] is not set." in done.stderr


# -- system checks -----------------------------------------------------------------------


def test_system_check_is_silent_for_the_site_setting() -> None:
    assert checks.run_checks(tags=["oneroster"]) == []
    call_command("check", "--tag", "oneroster")  # raises SystemCheckError on errors


def test_system_check_reports_errors_and_warnings() -> None:
    setting = {"BASE_URL": "http://sis.example", "CLIENT_ID": "id", "TOKN": "x"}
    with override_settings(ONEROSTER=setting):
        messages = checks.run_checks(tags=["oneroster"])

    assert [(m.id, m.level) for m in messages] == [
        ("oneroster.E003", checks.ERROR),
        ("oneroster.E006", checks.ERROR),
        ("oneroster.W001", checks.WARNING),
    ]
    assert messages[0].hint == "Did you mean 'TOKEN'?"
    assert messages[1].msg == "ONEROSTER client credentials are incomplete: CLIENT_SECRET, TOKEN_URL not set."


def test_manage_py_check_fails_on_an_invalid_setting() -> None:
    with override_settings(ONEROSTER={"TOKEN": "t"}), pytest.raises(SystemCheckError) as raised:
        call_command("check")

    assert "(oneroster.E004) ONEROSTER['BASE_URL'] is not set." in str(raised.value)


def test_check_reports_a_missing_setting() -> None:
    from django.conf import settings

    with override_settings():
        del settings.ONEROSTER
        assert [m.id for m in check_settings()] == ["oneroster.E001"]
