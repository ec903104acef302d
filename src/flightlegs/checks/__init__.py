"""Plausibility checks of routes against their aircraft.

:mod:`~.results` holds the result types (findings, severities, per-route
and batch results) that every consumer shares; :mod:`~.rules` holds the
checks themselves; :mod:`~.settings` and :mod:`~.config` their assumptions.
"""
