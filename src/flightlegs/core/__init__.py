"""The bottom of flightlegs: positions, airports, stops, routes and their legs.

Everything above builds on these value types and on the WGS84 geodesy here;
nothing here reads a report, a table or a map.
"""
