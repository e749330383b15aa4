"""Enrolment pages: a school's classes and teachers, a class's pupils and parents, the
ONDE import, login cards. One module per screen; `shared` holds what they have in common.

Directors reach the school pages, teachers and directors the class pages; everyone else
gets 404 and anonymous visitors the login page. Every change is a POST. A password is
only ever shown in the response of the POST that chose it, and such responses are never
cached.
"""
