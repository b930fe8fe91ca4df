"""One module per sector of the innovation system; each states its stocks, flows, units
and sources at the top and provides ``initial(b, p, n)`` and ``rates(s, p, v)``."""
