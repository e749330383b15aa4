"""`python -m devtools.bench.build_path`: the CPU of a page built for someone new.

The school-day mix sends each family's first page of the evening, so what matters is
the build path: a page built for a person never seen, in a class never read (nothing
shared is warm), or in a class already read. This measures, in the app process alone
(no load, no other process), the CPU time (`time.process_time`) and the SQL queries of
such pages, through Django's test client against a seeded benchmark database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/preau_bench16 \\
    REDIS_URL=redis://127.0.0.1:6379/7 SECRET_KEY=... ALLOWED_HOSTS=127.0.0.1 \\
    AXES_PROXY_COUNT=0 DJANGO_SETTINGS_MODULE=preau.settings.production \\
    python -m devtools.bench.build_path

(`manage.py collectstatic` first: production settings serve hashed static names.) It
empties the configured caches first. README "Performance" shows its figures.
"""

import random
import statistics
import sys
import time
from pathlib import Path

ROWS = (
    "wall, a class and a person never seen",
    "entry never read, of a class already read",
    "wall, a class already read, a new person",
    "entry already read, a new person",
)


def main(classes_measured=30, warm_up=10):
    sys.path[:0] = [str(Path(__file__).resolve().parents[2] / "site")]
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from accounts.models import User
    from classrooms.models import BlogEntryPage, Guardianship, Membership

    for alias in settings.CACHES:
        caches[alias].clear()
    families = {}
    pupils = Membership.objects.filter(role=Membership.Role.PUPIL)
    class_of = dict(pupils.values_list("user_id", "classroom_id"))
    for parent, child in Guardianship.objects.values_list("parent_id", "child_id")[:6000]:
        if child in class_of:
            families.setdefault(class_of[child], []).append(parent)
    classes = [pk for pk, parents in families.items() if len(parents) >= 3]
    random.Random(7).shuffle(classes)
    browser = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])

    def session_of(user_id):
        one = Client()
        one.force_login(User.objects.get(pk=user_id))
        return one.cookies[settings.SESSION_COOKIE_NAME].value

    def measure(session, url):
        browser.cookies[settings.SESSION_COOKIE_NAME] = session
        started = time.process_time()
        with CaptureQueriesContext(connection) as queries:
            response = browser.get(url, secure=True)
        assert response.status_code == 200, (response.status_code, url)
        return (time.process_time() - started) * 1000, len(queries)

    def addresses(classroom_id):
        room = Page.objects.get(pk=classroom_id)
        entry = BlogEntryPage.objects.live().child_of(room).order_by("-first_published_at")
        return room.url, entry.first().url

    # The process's own warm-up (templates, content types, site root paths) elsewhere.
    for classroom_id in classes[:warm_up]:
        wall, entry = addresses(classroom_id)
        session = session_of(families[classroom_id][0])
        measure(session, wall)
        measure(session, entry)
    found = {row: [] for row in ROWS}
    for classroom_id in classes[warm_up : warm_up + classes_measured]:
        wall, entry = addresses(classroom_id)
        first, second, third = (session_of(pk) for pk in families[classroom_id][:3])
        found[ROWS[0]].append(measure(first, wall))
        found[ROWS[1]].append(measure(first, entry))
        found[ROWS[2]].append(measure(second, wall))
        found[ROWS[3]].append(measure(third, entry))
    for row, values in found.items():
        cpu = statistics.median(ms for ms, _queries in values)
        queries = statistics.median(count for _ms, count in values)
        print(f"{row:45s} median {cpu:5.1f} ms CPU, {queries:.0f} queries")


if __name__ == "__main__":
    main()
