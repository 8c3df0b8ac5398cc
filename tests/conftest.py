"""Settings for the whole suite.

Hypothesis runs derandomized by default, so CI sees the same examples on every run: a red build
then means a real regression, not an unlucky draw. ``HYPOTHESIS_PROFILE=explore`` draws new
examples each run for hunting bugs locally. No deadline: a loaded 2-core CI machine is not a
performance test (benchmarks live in bench/).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
