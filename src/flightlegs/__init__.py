"""flightlegs: turn reports of flights into checked, mapped routes.

Parse a route from a code chain, a route file or report text; geocode its
stops offline to airports; measure its legs on the WGS84 ellipsoid; check it
against the aircraft; draw it on an interactive map.

Examples
--------
>>> import flightlegs
>>> route = flightlegs.read_routes("AZA-ELP-ANC-SHE-ICN")[0]
>>> [leg.destination.code for leg in route.legs()]
['ELP', 'ANC', 'SHE', 'ICN']
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("flightlegs")
except PackageNotFoundError:  # a source tree that is not installed
    __version__ = "0+unknown"

#: Where each public name lives. Importing :mod:`flightlegs` loads none of them;
#: the first use of a name imports its module (PEP 562), so
#: ``import flightlegs.core.geodesy`` costs numpy and pyproj alone.
_EXPORTS: dict[str, str] = {
    "AircraftError": "flightlegs.errors",
    "AircraftSpec": "flightlegs.reference.aircraft",
    "AircraftType": "flightlegs.reference.aircraft",
    "Airport": "flightlegs.core.airport",
    "AirportTable": "flightlegs.reference.airports",
    "AmbiguousPlaceError": "flightlegs.errors",
    "CheckResults": "flightlegs.checks.results",
    "CheckSettings": "flightlegs.checks.settings",
    "Evidence": "flightlegs.core.route",
    "Finding": "flightlegs.checks.results",
    "FlightlegsError": "flightlegs.errors",
    "GeocoderError": "flightlegs.errors",
    "InputError": "flightlegs.errors",
    "Interval": "flightlegs.reference.aircraft",
    "LatLon": "flightlegs.core.geodesy",
    "Leg": "flightlegs.core.legs",
    "MissingDependencyError": "flightlegs.errors",
    "Route": "flightlegs.core.route",
    "RouteFileError": "flightlegs.errors",
    "RouteCheck": "flightlegs.checks.results",
    "RouteSyntaxError": "flightlegs.errors",
    "Severity": "flightlegs.checks.results",
    "Stop": "flightlegs.core.route",
    "StopKind": "flightlegs.core.route",
    "UnknownPlaceError": "flightlegs.errors",
    "aircraft_table": "flightlegs.reference.aircraft",
    "aircraft_types": "flightlegs.reference.aircraft",
    "airport_table": "flightlegs.reference.airports",
    "check_route": "flightlegs.checks.rules",
    "check_routes": "flightlegs.checks.rules",
    "export_routes": "flightlegs.show.export",
    "find_aircraft_mentions": "flightlegs.reference.aircraft",
    "legs_frame": "flightlegs.core.legs",
    "lookup_aircraft": "flightlegs.reference.aircraft",
    "measure": "flightlegs.core.legs",
    "measure_many": "flightlegs.core.legs",
    "parse_chain": "flightlegs.read.chains",
    "parse_report": "flightlegs.read.report.reader",
    "explain_report": "flightlegs.read.report.reader",
    "read_route_file": "flightlegs.read.routefiles",
    "read_routes": "flightlegs.read.inputs",
    "render_map": "flightlegs.show.maps",
    "route_map": "flightlegs.show.maps",
    "LegEnd": "flightlegs.tracks.model",
    "ObservedLeg": "flightlegs.tracks.model",
    "ObservedTrack": "flightlegs.tracks.model",
    "TrackEvent": "flightlegs.tracks.model",
    "TrackPoints": "flightlegs.tracks.points",
    "compare_route": "flightlegs.tracks.compare",
    "observe_files": "flightlegs.tracks.observe",
    "read_track_file": "flightlegs.tracks.formats",
    "reconstruct": "flightlegs.tracks.legs",
    "reconstruct_all": "flightlegs.tracks.legs",
    "track_routes": "flightlegs.tracks.routes",
    "save_map": "flightlegs.show.maps",
}

__all__ = ["__version__", *_EXPORTS]


#: Names before 0.2, still answered with a DeprecationWarning until 0.3.
_RENAMED: dict[str, str] = {
    "RouteReport": "RouteCheck",
    "CheckReport": "CheckResults",
    "read_report": "explain_report",
}


def __getattr__(name: str) -> Any:
    if name in _RENAMED:
        import warnings

        new = _RENAMED[name]
        warnings.warn(
            f"flightlegs.{name} is now flightlegs.{new}; the old name goes in 0.3",
            DeprecationWarning,
            stacklevel=2,
        )
        return __getattr__(new)
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next look-up skips this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if TYPE_CHECKING:
    from flightlegs.checks.results import CheckResults as CheckResults
    from flightlegs.checks.results import Finding as Finding
    from flightlegs.checks.results import RouteCheck as RouteCheck
    from flightlegs.checks.results import Severity as Severity
    from flightlegs.checks.rules import check_route as check_route
    from flightlegs.checks.rules import check_routes as check_routes
    from flightlegs.checks.settings import CheckSettings as CheckSettings
    from flightlegs.core.airport import Airport as Airport
    from flightlegs.core.geodesy import LatLon as LatLon
    from flightlegs.core.legs import Leg as Leg
    from flightlegs.core.legs import legs_frame as legs_frame
    from flightlegs.core.legs import measure as measure
    from flightlegs.core.legs import measure_many as measure_many
    from flightlegs.core.route import Evidence as Evidence
    from flightlegs.core.route import Route as Route
    from flightlegs.core.route import Stop as Stop
    from flightlegs.core.route import StopKind as StopKind
    from flightlegs.errors import AircraftError as AircraftError
    from flightlegs.errors import AmbiguousPlaceError as AmbiguousPlaceError
    from flightlegs.errors import FlightlegsError as FlightlegsError
    from flightlegs.errors import GeocoderError as GeocoderError
    from flightlegs.errors import InputError as InputError
    from flightlegs.errors import MissingDependencyError as MissingDependencyError
    from flightlegs.errors import RouteFileError as RouteFileError
    from flightlegs.errors import RouteSyntaxError as RouteSyntaxError
    from flightlegs.errors import UnknownPlaceError as UnknownPlaceError
    from flightlegs.read.chains import parse_chain as parse_chain
    from flightlegs.read.inputs import read_routes as read_routes
    from flightlegs.read.report.reader import explain_report as explain_report
    from flightlegs.read.report.reader import parse_report as parse_report
    from flightlegs.read.routefiles import read_route_file as read_route_file
    from flightlegs.reference.aircraft import AircraftSpec as AircraftSpec
    from flightlegs.reference.aircraft import AircraftType as AircraftType
    from flightlegs.reference.aircraft import Interval as Interval
    from flightlegs.reference.aircraft import aircraft_table as aircraft_table
    from flightlegs.reference.aircraft import aircraft_types as aircraft_types
    from flightlegs.reference.aircraft import find_aircraft_mentions as find_aircraft_mentions
    from flightlegs.reference.aircraft import lookup_aircraft as lookup_aircraft
    from flightlegs.reference.airports import AirportTable as AirportTable
    from flightlegs.reference.airports import airport_table as airport_table
    from flightlegs.show.export import export_routes as export_routes
    from flightlegs.show.maps import render_map as render_map
    from flightlegs.show.maps import route_map as route_map
    from flightlegs.show.maps import save_map as save_map
    from flightlegs.tracks.compare import compare_route as compare_route
    from flightlegs.tracks.formats import read_track_file as read_track_file
    from flightlegs.tracks.legs import reconstruct as reconstruct
    from flightlegs.tracks.legs import reconstruct_all as reconstruct_all
    from flightlegs.tracks.model import LegEnd as LegEnd
    from flightlegs.tracks.model import ObservedLeg as ObservedLeg
    from flightlegs.tracks.model import ObservedTrack as ObservedTrack
    from flightlegs.tracks.model import TrackEvent as TrackEvent
    from flightlegs.tracks.observe import observe_files as observe_files
    from flightlegs.tracks.points import TrackPoints as TrackPoints
    from flightlegs.tracks.routes import track_routes as track_routes
