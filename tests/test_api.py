"""The package's surface and shape.

Every module declares its names; every error has a built-in twin; imports go
only down the stages (core, reference, geocode, read, tracks, checks, show, cli), so
a newcomer can follow parse -> geocode -> measure -> check -> show from the
folder names; and ``import flightlegs`` stays cheap.
"""

from __future__ import annotations

import ast
import importlib
import pickle
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import flightlegs
from flightlegs import errors

PACKAGE = Path(flightlegs.__file__).parent
MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(flightlegs.__path__, "flightlegs.")
    if not m.ispkg and not m.name.endswith("__main__")
)
STAGES = ("errors", "core", "reference", "geocode", "read", "tracks", "checks", "show", "cli")


def _stage(module: str) -> int:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else len(STAGES)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every ``flightlegs`` module a source file imports, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("flightlegs")
        ):
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("flightlegs")]
    return found


def test_the_walk_finds_every_stage() -> None:
    assert {m.split(".")[1] for m in MODULES} >= set(STAGES)


@pytest.mark.parametrize("name", MODULES)
def test_every_module_declares_its_public_names(name: str) -> None:
    module = importlib.import_module(name)
    assert isinstance(module.__all__, list)
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert not missing


@pytest.mark.parametrize("name", MODULES)
def test_imports_go_only_down_the_stages(name: str) -> None:
    path = PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")
    upward = [
        f"line {line}: {target}"
        for line, target in _imports(path)
        if target != "flightlegs" and _stage(target) > _stage(name)
    ]
    assert not upward, f"{name} imports a later stage: {upward}"


def test_the_package_re_exports_names_that_exist() -> None:
    assert all(hasattr(flightlegs, n) for n in flightlegs.__all__)
    assert set(dir(flightlegs)) >= set(flightlegs.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        flightlegs.nonsense  # noqa: B018


@pytest.mark.parametrize(
    ("statement", "absent"),
    [
        ("import flightlegs", ("numpy", "pandas", "folium", "scipy", "flightlegs.core")),
        (
            "import flightlegs.core.geodesy",
            ("pandas", "folium", "scipy", "geopy", "flightlegs.reference"),
        ),
        ("from flightlegs import parse_chain", ("pandas", "folium", "geopy", "flightlegs.show")),
    ],
)
def test_imports_load_only_what_they_need(statement: str, absent: tuple[str, ...]) -> None:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout.split())  # fmt: skip
    assert not loaded & set(absent)


def test_findings_pickle_for_other_processes() -> None:
    report = flightlegs.check_routes(flightlegs.read_routes("ANC-SHE"), aircraft="E145")
    again: flightlegs.CheckResults = pickle.loads(pickle.dumps(report))
    assert again == report
    finding = again.routes[0].findings[0]
    with pytest.raises(TypeError, match="read-only"):
        finding.data["x"] = 1  # type: ignore[index]


@pytest.mark.parametrize("name", errors.__all__)
def test_every_error_is_re_exported_and_inherits_a_builtin(name: str) -> None:
    error = getattr(errors, name)
    assert name in flightlegs.__all__
    assert issubclass(error, errors.FlightlegsError)
    if error is not errors.FlightlegsError:
        builtin = {ValueError, LookupError, RuntimeError, ImportError}
        assert any(issubclass(error, b) for b in builtin)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("RouteReport", "RouteCheck"),
        ("CheckReport", "CheckResults"),
        ("read_report", "explain_report"),
    ],
)
def test_names_before_0_2_still_answer_with_a_warning(old: str, new: str) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is now flightlegs.{new}"):
        assert getattr(flightlegs, old) is getattr(flightlegs, new)


def test_the_reports_keyword_still_works_with_a_warning() -> None:
    routes = flightlegs.read_routes("AZA-ELP")
    checks = flightlegs.check_routes(routes, aircraft="GLF5")
    with pytest.warns(DeprecationWarning, match="checks="):
        old = flightlegs.export_routes(routes, "csv", reports=checks)
    assert old == flightlegs.export_routes(routes, "csv", checks=checks)
    assert "ok" in old
