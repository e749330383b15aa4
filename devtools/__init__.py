"""Development only: the synthetic portal of `seed_scale`, the `make bench` driver and its
query counter.

Installed by the development and test settings (and `preau.settings.bench`), never by
`preau.settings.production`: generated accounts share a published password, and nothing
here serves a request (the query counter, switched on by `PREAU_COUNT_QUERIES=1` for
the benchmark only, counts the queries of those the portal serves).
"""
