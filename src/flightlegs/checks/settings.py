"""The assumptions behind the checks: reserves, routing, winds and margins.

Each figure of :class:`CheckSettings` has its source in the
:mod:`flightlegs.checks.rules` docstring and its accepted bounds here, so a
project file or a command-line option that sets one is checked the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Final

from flightlegs.errors import InputError

__all__ = ["CheckSettings"]

# name: (low, high, what the value means), used by CheckSettings and config files alike.
_SETTING_BOUNDS: Final[dict[str, tuple[float, float, str]]] = {
    "route_factor": (1.0, 1.5, "flown distance over great-circle distance"),
    "reserve_min": (0.0, 240.0, "minutes of reserve fuel at cruise speed"),
    "alternate_nm": (0.0, 1000.0, "nautical miles to the alternate airport"),
    "wind_kt": (-250.0, 250.0, "headwind in knots (negative: tailwind)"),
    "range_tolerance": (0.0, 1.0, "fraction beyond the published range"),
    "fuel_margin": (0.0, 1.0, "fraction of the usable range"),
    "runway_margin": (0.5, 2.0, "runway needed over field length"),
    "runway_implausible": (0.0, 2.0, "fraction of the field length"),
    "speed_margin_kt": (0.0, 1000.0, "knots above cruise speed"),
    "max_tailwind_kt": (0.0, 1000.0, "knots above cruise speed"),
    "detour_ratio": (1.5, 1000.0, "distance via a stop over the direct distance"),
    "far_ratio": (1.5, 1000.0, "an end leg over the route's longest other leg"),
}


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """The assumptions behind the checks; see the module docstring for their sources.

    Attributes
    ----------
    route_factor
        Flown distance over great-circle distance (1.03: 3 % en-route extension).
    reserve_min
        Reserve fuel in minutes at cruise speed (45, 14 CFR 91.167).
    alternate_nm
        Distance to the alternate airport, nm (200, NBAA IFR format).
    wind_kt
        Headwind allowance, knots; negative for a tailwind (0: still air).
    range_tolerance
        A leg is implausible beyond ``range * (1 + range_tolerance)`` (0.10).
    fuel_margin
        Direct within the usable range by less than this fraction: a fuel stop (0.10).
    runway_margin
        Runway of at least ``field length * runway_margin`` is ok (1.0).
    runway_implausible
        Runway under ``field length * runway_implausible`` is implausible (0.6).
    speed_margin_kt
        Average ground speed this far above cruise is a warning (100).
    max_tailwind_kt
        Average ground speed this far above cruise is implausible (250).
    detour_ratio
        A stop whose two legs add up to this many times the direct distance
        between its neighbours is doubted as a mistyped code (3).
    far_ratio
        A first or last stop whose leg is this many times the route's longest
        other leg is doubted likewise (5).
    strict
        Unresolved stops are implausible instead of a warning.

    Examples
    --------
    >>> CheckSettings().route_factor
    1.03
    >>> CheckSettings(route_factor=0.9)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    flightlegs.errors.InputError: route_factor 0.9: expected a number from 1 to 1.5 (...)
    """

    route_factor: float = 1.03
    reserve_min: float = 45.0
    alternate_nm: float = 200.0
    wind_kt: float = 0.0
    range_tolerance: float = 0.10
    fuel_margin: float = 0.10
    runway_margin: float = 1.0
    runway_implausible: float = 0.6
    speed_margin_kt: float = 100.0
    max_tailwind_kt: float = 250.0
    detour_ratio: float = 3.0
    far_ratio: float = 5.0
    strict: bool = False

    def __post_init__(self) -> None:
        for f in fields(self):
            value = self.validate(f.name, getattr(self, f.name), f.name)
            object.__setattr__(self, f.name, value)
        if self.runway_implausible > self.runway_margin:
            raise InputError(
                f"runway_implausible {self.runway_implausible:g} is larger than "
                f"runway_margin {self.runway_margin:g}; expected at most that"
            )
        if self.max_tailwind_kt < self.speed_margin_kt:
            raise InputError(
                f"max_tailwind_kt {self.max_tailwind_kt:g} is smaller than "
                f"speed_margin_kt {self.speed_margin_kt:g}; expected at least that"
            )

    @staticmethod
    def validate(name: str, value: object, where: str) -> float | bool:
        """Check one setting's type and bounds; return it as ``float`` (or ``bool``).

        Parameters
        ----------
        name
            The attribute name, e.g. ``"route_factor"``.
        value
            The value to check.
        where
            How to name the setting in an error (a config key, a flag).

        Raises
        ------
        InputError
            Naming ``where``, quoting the value and saying what was expected.

        Examples
        --------
        >>> CheckSettings.validate("wind_kt", 30, "--wind-kt")
        30.0
        >>> CheckSettings.validate("strict", "yes", "strict")
        Traceback (most recent call last):
        ...
        flightlegs.errors.InputError: strict 'yes': expected true or false
        """
        if name == "strict":
            if not isinstance(value, bool):
                raise InputError(f"{where} {value!r}: expected true or false")
            return value
        if name not in _SETTING_BOUNDS:
            known = ", ".join(f.name for f in fields(CheckSettings))
            raise InputError(f"{where}: unknown check setting; expected one of {known}")
        low, high, meaning = _SETTING_BOUNDS[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(f"{where} {value!r}: expected a number ({meaning})")
        number = float(value)
        if not (math.isfinite(number) and low <= number <= high):
            raise InputError(
                f"{where} {value!r}: expected a number from {low:g} to {high:g} ({meaning})"
            )
        return number

    def as_dict(self) -> dict[str, float | bool]:
        """The settings as a plain dictionary (for JSON output)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
