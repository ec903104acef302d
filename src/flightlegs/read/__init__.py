"""Reading routes: code chains, route files and the text of reports.

:func:`~.inputs.read_routes` takes whatever the user gave (a chain, a file,
a folder, standard input) and sends it to :mod:`~.chains`,
:mod:`~.routefiles` or the report reader in :mod:`~.report`.
"""
