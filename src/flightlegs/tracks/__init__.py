"""ADS-B tracks in, observed legs out.

Readers (:mod:`~flightlegs.tracks.formats`) turn each supported file format
into one set of :class:`~flightlegs.tracks.points.TrackPoints` with units in the
column names; :mod:`~flightlegs.tracks.clean` removes frozen copies, spikes and
interpolated stretches; :mod:`~flightlegs.tracks.legs` rebuilds the legs, stops
and events and names each end by the nearest suitable airport;
:mod:`~flightlegs.tracks.routes` turns them into :class:`~flightlegs.core.route.Route`
objects so that ``check`` and ``map`` work on them; :mod:`~flightlegs.tracks.compare`
sets a reported route against what was flown; :mod:`~flightlegs.tracks.scale`
runs the same reconstruction over partitioned Parquet with Dask.
"""

from __future__ import annotations

__all__: list[str] = []
