"""Fault injection: the misbehaviour of real providers, on demand and reproducible.

Off by default. Two ways to ask for faults, combinable:

- **rates** (``rate_429=0.05``...): each API request draws from a seeded random generator,
  so a run with the same seed sees the same faults in the same places;
- a **script**: a list of actions consumed one per API request (``["503", "ok", "drop"]``),
  for tests that need a fault at an exact request.

Actions: ``ok``, ``429`` (with ``Retry-After``), ``500``, ``503``, ``drop`` (the connection
closes halfway through the body), ``truncate`` (a complete HTTP answer whose JSON is cut
short), ``short`` (a list page with fewer records than ``limit`` that is not the end).
``latency_ms`` delays every API request; ``omit_link``/``omit_total`` leave out the
``Link``/``X-Total-Count`` headers. The token endpoint and ``/_sandbox/*`` are never
faulted, so tests can still read the counters.

Example:
    ```python
    faults = Faults(rate_503=0.1, seed=7)
    faults.next_action()      # 'ok' or '503', the same sequence for the same seed
    ```

"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["ACTIONS", "Faults"]

ACTIONS = ("ok", "429", "500", "503", "drop", "truncate", "short")


@dataclass
class Faults:
    """Fault settings; mutable at run time through ``POST /_sandbox/faults``."""

    latency_ms: float = 0.0
    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_503: float = 0.0
    rate_drop: float = 0.0
    rate_truncate: float = 0.0
    rate_short: float = 0.0
    retry_after: float = 1.0
    # Providers that send no paging headers (Ed-Fi sends neither): clients must then fall
    # back to body totals or to the empty page.
    omit_link: bool = False
    omit_total: bool = False
    seed: int = 0
    script: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self.validate()

    def validate(self) -> None:
        """Raise ValueError on a rate outside [0, 1], a negative delay or an unknown action.

        Example:
            ```python
            Faults(rate_429=2).validate()    # ValueError
            ```

        """
        for name in ("rate_429", "rate_500", "rate_503", "rate_drop", "rate_truncate", "rate_short"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, got {value}")
        if self.latency_ms < 0 or self.retry_after < 0:
            raise ValueError("latency_ms and retry_after must not be negative")
        unknown = [a for a in self.script if a not in ACTIONS]
        if unknown:
            raise ValueError(f"unknown fault action(s) {unknown}; known: {', '.join(ACTIONS)}")

    def next_action(self) -> str:
        """Return the action for the next API request: the script first, then the rates.

        Example:
            ```python
            Faults(script=["429"]).next_action()    # '429'
            ```

        """
        with self._lock:
            if self.script:
                return self.script.pop(0)
            draw = self._rng.random()
        edge = 0.0
        for action, rate in (
            ("429", self.rate_429),
            ("500", self.rate_500),
            ("503", self.rate_503),
            ("drop", self.rate_drop),
            ("truncate", self.rate_truncate),
            ("short", self.rate_short),
        ):
            edge += rate
            if draw < edge:
                return action
        return "ok"

    def update(self, changes: Mapping[str, Any]) -> None:
        """Apply settings from a JSON object; unknown keys or bad values raise ValueError.

        Example:
            ```python
            faults.update({"script": ["503", "503"], "latency_ms": 50})
            ```

        """
        known = {k for k in asdict(self)}
        unknown = set(changes) - known
        if unknown:
            raise ValueError(f"unknown fault setting(s): {', '.join(sorted(unknown))}")
        previous = asdict(self)
        for key, value in changes.items():
            kind = type(previous[key])
            # JSON gives bools, numbers, lists; refuse anything that would only "convert" by accident.
            if kind is bool and not isinstance(value, bool):
                raise ValueError(f"{key} must be true or false")
            if kind in (int, float) and (isinstance(value, bool) or not isinstance(value, int | float)):
                raise ValueError(f"{key} must be a number")
            if kind is list and not (isinstance(value, list) and all(isinstance(a, str) for a in value)):
                raise ValueError(f"{key} must be a list of actions")
        for key, value in changes.items():
            setattr(self, key, list(value) if key == "script" else type(previous[key])(value))
        try:
            self.validate()
        except ValueError:
            for key, value in previous.items():
                setattr(self, key, value)
            raise
        if "seed" in changes:
            self._rng = random.Random(self.seed)

    def reset(self) -> None:
        """Switch every fault off again (the defaults), the seeded draw included.

        Example:
            ```python
            faults.reset()
            ```

        """
        self.update(asdict(Faults()))

    def describe(self) -> dict[str, Any]:
        """Return the settings as JSON-able data.

        Example:
            ```python
            Faults().describe()["latency_ms"]    # 0.0
            ```

        """
        return asdict(self)
