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

from importlib.metadata import PackageNotFoundError, version

from .aircraft import (
    AircraftSpec,
    AircraftType,
    Interval,
    aircraft_table,
    aircraft_types,
    find_aircraft_mentions,
    lookup_aircraft,
)
from .airports import Airport, AirportTable, airport_table
from .chains import parse_chain
from .checks import (
    CheckReport,
    CheckSettings,
    Finding,
    RouteReport,
    Severity,
    check_route,
    check_routes,
)
from .errors import (
    AircraftError,
    AmbiguousPlaceError,
    FlightlegsError,
    GeocoderError,
    InputError,
    MissingDependencyError,
    RouteFileError,
    RouteSyntaxError,
    UnknownPlaceError,
)
from .export import export_routes
from .geodesy import LatLon
from .inputs import read_routes
from .legs import Leg, legs_frame, measure, measure_many
from .maps import render_map, route_map, save_map
from .reports import parse_report, read_report
from .route import Evidence, Route, Stop, StopKind
from .routefiles import read_route_file

try:
    __version__ = version("flightlegs")
except PackageNotFoundError:  # a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "AircraftError",
    "AircraftSpec",
    "AircraftType",
    "Airport",
    "AirportTable",
    "AmbiguousPlaceError",
    "CheckReport",
    "CheckSettings",
    "Evidence",
    "Finding",
    "FlightlegsError",
    "GeocoderError",
    "InputError",
    "Interval",
    "LatLon",
    "Leg",
    "MissingDependencyError",
    "Route",
    "RouteFileError",
    "RouteReport",
    "RouteSyntaxError",
    "Severity",
    "Stop",
    "StopKind",
    "UnknownPlaceError",
    "__version__",
    "aircraft_table",
    "aircraft_types",
    "airport_table",
    "check_route",
    "check_routes",
    "export_routes",
    "find_aircraft_mentions",
    "legs_frame",
    "lookup_aircraft",
    "measure",
    "measure_many",
    "parse_chain",
    "parse_report",
    "read_report",
    "read_route_file",
    "read_routes",
    "render_map",
    "route_map",
    "save_map",
]
