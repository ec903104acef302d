"""Shared set-up: the tests never read or write the user's own caches.

``FLIGHTLEGS_CACHE_DIR`` points every cache (airport table, gazetteer,
geocoder answers) at a folder made for this run, inherited by the
subprocesses the CLI tests start, and removed at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

_CACHE = tempfile.mkdtemp(prefix="flightlegs-test-cache-")
os.environ["FLIGHTLEGS_CACHE_DIR"] = _CACHE


@pytest.fixture(scope="session", autouse=True)
def _own_cache() -> Iterator[None]:
    yield
    shutil.rmtree(_CACHE, ignore_errors=True)
