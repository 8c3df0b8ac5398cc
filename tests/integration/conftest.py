"""tests/integration: the wrapper against recorded cassettes (vcrpy through pytest-recording).

Replay (the default, and ``make test``): ``--record-mode=none --block-network``; no sandbox runs.
Record (``make record``): ``--record-mode=rewrite``; a fresh sandbox per test, or the real provider
named by ``ONEROSTER_*``. See docs/cassettes.md.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from cassette_kit import CASSETTES_DIR, ReadableYaml, Scrubber, match_oneroster
from integration_support import Provider, ProviderFactory, open_provider, run_mode
from oneroster import OneRoster


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    """Readable cassettes (registered as vcrpy's ``yaml``, keeping the suffix) and our matcher."""
    vcr.register_serializer("yaml", ReadableYaml())
    vcr.register_matcher("oneroster", match_oneroster)


def pytest_report_header(config: pytest.Config) -> list[str]:
    mode = run_mode(config.getoption("--record-mode") or "none")
    return [f"oneroster cassettes: {CASSETTES_DIR} (mode: {mode})"]


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    """tests/cassettes/<test module name>/ instead of pytest-recording's per-directory default."""
    return str(CASSETTES_DIR / request.path.stem)


@pytest.fixture(scope="session")
def mode(record_mode: str) -> str:
    """``replay``, ``sandbox`` or ``provider``."""
    return run_mode(record_mode)


@pytest.fixture
def scrubber() -> Scrubber:
    return Scrubber()


@pytest.fixture
def vcr_config(scrubber: Scrubber) -> dict[str, Any]:
    return {
        "before_record_request": scrubber.request,
        "before_record_response": scrubber.response,
        "match_on": ["oneroster"],
        "decode_compressed_response": True,
    }


@pytest.fixture
def providers(mode: str, scrubber: Scrubber) -> Iterator[ProviderFactory]:
    """Return the provider of a profile for this test (one per profile, closed afterwards)."""
    opened: dict[tuple[str, object], Provider] = {}
    with contextlib.ExitStack() as stack:

        def get(profile: str, dialect: Any = None) -> Provider:
            key = (profile, getattr(dialect, "name", dialect))
            if key not in opened:
                opened[key] = open_provider(
                    mode=mode, profile=profile, scrubber=scrubber, stack=stack, dialect=dialect
                )
            return opened[key]

        yield get


@pytest.fixture
def timeback(providers: ProviderFactory) -> Provider:
    return providers("timeback")


@pytest.fixture
def ims(providers: ProviderFactory) -> Provider:
    return providers("ims")


@pytest.fixture
def platform(providers: ProviderFactory) -> Provider:
    return providers("timeback-platform")


@pytest.fixture
def v1p1(providers: ProviderFactory) -> Provider:
    return providers("v1p1")


@pytest.fixture
def platform_client(platform: Provider) -> OneRoster:
    return platform.client()


@pytest.fixture
def v1p1_client(v1p1: Provider) -> OneRoster:
    return v1p1.client()


@pytest.fixture
def client(timeback: Provider) -> OneRoster:
    return timeback.client()


@pytest.fixture
def ims_client(ims: Provider) -> OneRoster:
    return ims.client()
