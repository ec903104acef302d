"""The package's surface: every module declares its names, every error has a built-in twin."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import flightlegs
from flightlegs import errors

MODULES = sorted(m.name for m in pkgutil.iter_modules(flightlegs.__path__) if m.name != "__main__")


@pytest.mark.parametrize("name", MODULES)
def test_every_module_declares_its_public_names(name: str) -> None:
    module = importlib.import_module(f"flightlegs.{name}")
    assert isinstance(module.__all__, list)
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert not missing


def test_the_package_re_exports_names_that_exist() -> None:
    assert all(hasattr(flightlegs, n) for n in flightlegs.__all__)


@pytest.mark.parametrize("name", errors.__all__)
def test_every_error_is_re_exported_and_inherits_a_builtin(name: str) -> None:
    error = getattr(errors, name)
    assert name in flightlegs.__all__
    assert issubclass(error, errors.FlightlegsError)
    if error is not errors.FlightlegsError:
        builtin = {ValueError, LookupError, RuntimeError, ImportError}
        assert any(issubclass(error, b) for b in builtin)
