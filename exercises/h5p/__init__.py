"""H5P activities played inside Préau, their score recorded like a question's.

The portal administrator uploads an .h5p package for a class (`package.H5PPackage`,
checked and unpacked by `archive`); an exercise asks for it with `block.H5PBlock`; the
pupil plays it on the question page with the kept player h5p-standalone (served from
static files, installed by `npm ci`), whose xAPI statements static/js/h5p-player.js
posts to `views.report`. Package files are served by `views.package_file`, only to
people who may see a class or an exercise using the package.

A package's libraries are scripts: they run in the pupil's page, on Préau's address, as
h5p-standalone plays them (its frame is about:blank, of the page's origin): a package
could run any script in a pupil's session. So, until packages are served from an address
of their own without Préau's cookies, only the portal administrator (a superuser), who
vets a package, uploads or replaces one (admin.py); teachers list, choose and delete
their classes' packages, and ask the administrator to add one.

The score is reported by the activity running in the pupil's browser: a pupil who knows
how could send another one. The pages say so; native questions stay marked on the server.
"""
