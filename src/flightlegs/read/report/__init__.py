"""The report reader: stops, in flight order, from the prose of a report.

Its stages run in this order, one module each: :mod:`~.layout` (lines,
sentences, quotations), :mod:`~.mentions` (the places named),
:mod:`~.cues` (the words that govern them), :mod:`~.classify` (a verdict and
a reason for every place), :mod:`~.order` (flight order), :mod:`~.facts`
(date, aircraft, people, seats) and :mod:`~.place`, the only stage that
geocodes. :mod:`~.reader` runs them; :mod:`~.model` holds what they return.
"""
