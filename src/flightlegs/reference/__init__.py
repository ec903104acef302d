"""The bundled reference data: airports, aircraft and the offline gazetteer."""
