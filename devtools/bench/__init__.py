"""`make bench`: Préau under load, at two portal sizes, against the machine's ceilings.

Run as `python -m devtools.bench`. It creates a throw-away PostgreSQL database, seeds
it with `seed_scale`, starts gunicorn with the production settings against it and Redis,
and drives each page with wrk from a second process; then it seeds a larger portal and
measures again. The report (Markdown, JSON, PNG chart) puts each page beside two
ceilings measured in the same run: a trivial Django view through the whole middleware
stack (T) and a static file served by WhiteNoise.
"""
