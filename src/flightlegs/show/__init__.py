"""Showing routes: text tables, check output, maps and exports.

:mod:`~.geometry` holds the leg paths shared by :mod:`~.maps` and
:mod:`~.export`.
"""
