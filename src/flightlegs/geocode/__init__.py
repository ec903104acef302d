"""Geocoding: from a place name or a position to ranked candidate airports.

:mod:`~.rank` orders the airports that could serve a place, :mod:`~.resolvers`
turns a stop's name into a placed stop offline, :mod:`~.online` does the same
through geopy when asked, and :mod:`~.snap` finds the nearest usable airports
to a position (shared by the report reader and the track reader).
"""
