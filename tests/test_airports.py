"""Airport look-up by code: case, precedence, ambiguity, suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from flightlegs.errors import AmbiguousPlaceError, FlightlegsError, InputError, UnknownPlaceError
from flightlegs.reference.airports import AirportTable, airport_table


@pytest.mark.parametrize(
    ("code", "ident"),
    [
        ("AZA", "KIWA"),
        ("aza", "KIWA"),
        ("KIWA", "KIWA"),
        ("kiwa", "KIWA"),
        ("ELP", "KELP"),
        ("ANC", "PANC"),
        ("PANC", "PANC"),
        ("SHE", "ZYTX"),
        ("zytx", "ZYTX"),
        ("ICN", "RKSI"),
        ("SNN", "EINN"),
        ("KADW", "KADW"),
        ("ADW", "KADW"),  # Joint Base Andrews: FAA code, no IATA
        (" anc ", "PANC"),
    ],
)
def test_by_code(code: str, ident: str) -> None:
    assert airport_table().by_code(code).ident == ident


def test_iata_takes_precedence_over_faa() -> None:
    # IWA is both Ivanovo's IATA code and Mesa Gateway's FAA code; GCM reads IATA first.
    assert airport_table().by_code("IWA").country == "RU"


def test_ambiguous_iata_is_reported_with_each_airport() -> None:
    table = airport_table()
    shared = ["DZI", "LPE", "MPT", "RTI"]  # airports far apart; twins were merged at the build
    for code in shared:
        with pytest.raises(AmbiguousPlaceError) as err:
            table.by_code(code)
        assert len(err.value.matches) >= 2
        assert code in str(err.value)


def test_unknown_code_suggests_near_misses() -> None:
    with pytest.raises(UnknownPlaceError) as err:
        airport_table().by_code("XNC")
    assert "ANC" in err.value.suggestions
    assert isinstance(err.value, LookupError)


@pytest.mark.parametrize("bad", ["", "A", "TOOLONG", "A-B", "ab c"])
def test_malformed_code(bad: str) -> None:
    with pytest.raises(InputError, match="not an airport code"):
        airport_table().by_code(bad)


def test_table_arrays_match_rows() -> None:
    table = airport_table()
    assert len(table.lat) == len(table) == len(table.lon)
    i = next(i for i, a in enumerate(table) if a.ident == "ZYTX")
    assert (table.lat[i], table.lon[i]) == (table[i].position.lat, table[i].position.lon)


def test_broken_table_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "airports.csv"
    bad.write_text("ident,icao\nKXXX,KXXX\n", encoding="utf-8")
    with pytest.raises(FlightlegsError, match=r"airports.csv: line \d+: not an airports table"):
        AirportTable.from_csv(bad)


def _run_with_cache(tmp_path: Path, value: str) -> set[str]:
    """Files written under a fresh home by one CLI run with ``FLIGHTLEGS_CACHE_DIR=value``."""
    import os
    import subprocess
    import sys

    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    env["FLIGHTLEGS_CACHE_DIR"] = value
    done = subprocess.run(
        [sys.executable, "-m", "flightlegs", "legs", "AZA-ELP", "--format", "csv"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.count("\n") == 2  # a header and one leg: the run itself worked
    return {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()}


def test_caches_go_where_flightlegs_cache_dir_says(tmp_path: Path) -> None:
    written = _run_with_cache(tmp_path, str(tmp_path / "mine"))
    assert any(name.startswith("mine/airports-") for name in written)
    assert not any(name.startswith("home") for name in written)


def test_caches_can_be_switched_off(tmp_path: Path) -> None:
    assert _run_with_cache(tmp_path, "off") == set()
