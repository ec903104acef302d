"""The offline gazetteer: every place name flightlegs knows, and where it is.

Its jobs, one module each: :mod:`~.folding` (how names are compared),
:mod:`~.names` (curated word lists), :mod:`~.places` (the value types),
:mod:`~.build` (the index built from the data files), :mod:`~.store` (the
packed index cached on disk), :mod:`~.scan` (finding names in text) and
:mod:`~.index` (the :class:`~.index.Gazetteer` that ties them together).
"""
