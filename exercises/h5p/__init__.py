"""H5P activities played inside Préau, their score recorded like a question's.

A teacher uploads an .h5p package (`package.H5PPackage`, checked and unpacked by
`archive`); an exercise asks for it with `block.H5PBlock`; the pupil plays it on the
question page with the kept player h5p-standalone (served from static files, installed
by `npm ci`), whose xAPI statements static/js/h5p-player.js posts to `views.report`.
Package files are served by `views.package_file`, only to people who may see a class or
an exercise using the package.

A package's libraries are scripts: they run in the pupil's page, on Préau's address, as
h5p-standalone plays them (its frame is about:blank, of the page's origin). Only the
teachers of a class (and superusers) upload packages, as they already write in the
Wagtail admin; a stricter set-up would serve packages from an address of their own.

The score is reported by the activity running in the pupil's browser: a pupil who knows
how could send another one. The pages say so; native questions stay marked on the server.
"""
