"""Development only: the synthetic portal of `seed_scale` and the `make bench` driver.

Installed by the development and test settings (and `preau.settings.bench`), never by
`preau.settings.production`: generated accounts share a published password, and nothing
here serves a request.
"""
