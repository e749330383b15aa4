"""What the two seeders build alike: the demo portal (`home.demo`, `load_demo_data`) and
the synthetic portal of the benchmark (`devtools.scale`, `seed_scale`).

Both make class spaces with their teacher, assistant and pupils, families, pages
published on an editor's behalf, comments on blog entries and the teacher's notice of a
comment waiting, at times counted back from today. The builders return unsaved rows,
so the demo can look each one up before saving it (it runs twice without creating
anything twice) and the scale seeder can insert thousands of them in bulk.

Production code, not development tools: `load_demo_data` lives in `home`, which every
deployment installs, while `devtools` is never installed in production.
"""
