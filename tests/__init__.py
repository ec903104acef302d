"""The flightlegs test suite."""
