"""The school-day mix: who reads what, and who writes what, found in a few bulk queries.

Readers are families: each chosen parent opens their own child's class wall and one
published entry of that class, once each, in an order shuffled over the whole run, so
no person asks for the same page twice and no two families are the same person. The
parents are spread over every class of the portal (round robin over the classes, each
class's parents in a random order) before any class gets a second family.

Writers are pupils saving drafts and posting comments, and teachers approving waiting
comments and publishing waiting entries, each spread over the classes too.

`reader_requests` and `split_for_threads` are pure (tests/devtools/test_mix.py); the
other functions read the benchmark's database once per kind of row, whatever the count.
"""

from collections import defaultdict

# The steps of Wagtail's materialised paths (treebeard's steplen).
PATH_STEP = 4


def spread(groups, count, rng):
    """Up to `count` (group, member) pairs, round robin over the groups, each member once.

    `groups` maps a group (a class) to its members (parents). Every group gives one
    member before any gives a second; a member already chosen for one group is not
    chosen again for another (a parent of two children reads one class).
    """
    queues = {group: rng.sample(list(members), len(members)) for group, members in groups.items()}
    order = list(queues)
    rng.shuffle(order)
    chosen, seen = [], set()
    while len(chosen) < count and order:
        still = []
        for group in order:
            queue = queues[group]
            while queue and queue[-1] in seen:
                queue.pop()
            if not queue:
                continue
            member = queue.pop()
            seen.add(member)
            chosen.append((group, member))
            if len(chosen) == count:
                break
            still.append(group)
        order = still
    return chosen


def reader_requests(families, rng):
    """Each family's two requests (its class wall, its entry), shuffled over the run.

    `families` holds (person, wall path, entry path) triples; returns (path, person)
    pairs in a random order.
    """
    requests = []
    for person, wall, entry in families:
        requests.append((wall, person))
        requests.append((entry, person))
    rng.shuffle(requests)
    return requests


def split_for_threads(requests, threads):
    """Request i goes to thread i mod `threads`: each request is used by one thread only."""
    return [requests[index::threads] for index in range(threads)]


def page_urls(page_ids):
    """{page id: path} through Wagtail's public `get_url`, in one query for the pages."""
    from urllib.parse import urlsplit

    from wagtail.models import Page

    urls = {}
    for page in Page.objects.filter(pk__in=page_ids).defer_streamfields():
        urls[page.pk] = urlsplit(page.get_url()).path
    return urls


def classes_and_entries():
    """{class id: class path} and {class id: [live entry ids]} of the whole portal."""
    from classrooms.models import BlogEntryPage, ClassroomPage

    classes = dict(ClassroomPage.objects.live().values_list("pk", "path"))
    by_path = {path: pk for pk, path in classes.items()}
    entries = defaultdict(list)
    for pk, path in BlogEntryPage.objects.live().values_list("pk", "path").order_by("path"):
        classroom = by_path.get(path[:-PATH_STEP])
        if classroom is not None:
            entries[classroom].append(pk)
    return classes, entries


def choose_families(count, rng):
    """Up to `count` (parent id, class wall path, entry path) triples, over every class."""
    from classrooms.models import Guardianship, Membership

    classes, entries = classes_and_entries()
    parents = defaultdict(set)
    rows = Guardianship.objects.filter(
        child__memberships__role=Membership.Role.PUPIL,
        child__memberships__classroom__in=list(entries),
    ).values_list("child__memberships__classroom", "parent")
    for classroom, parent in rows:
        parents[classroom].add(parent)
    chosen = spread(parents, count, rng)
    picks = [(parent, classroom, rng.choice(entries[classroom])) for classroom, parent in chosen]
    urls = page_urls({classroom for _, classroom, _ in picks} | {entry for *_, entry in picks})
    return [(parent, urls[classroom], urls[entry]) for parent, classroom, entry in picks]


def pupils_by_class(count, rng):
    """One pupil in each of up to `count` classes (with a live entry), spread at random:
    (pupil id, class id, a live entry id of that class)."""
    from classrooms.models import Membership

    _classes, entries = classes_and_entries()
    pupils = defaultdict(set)
    for classroom, user in Membership.objects.filter(
        role=Membership.Role.PUPIL, classroom__in=list(entries)
    ).values_list("classroom", "user"):
        pupils[classroom].add(user)
    return [
        (pupil, classroom, rng.choice(entries[classroom]))
        for classroom, pupil in spread(pupils, count, rng)
    ]


def teachers_of(classroom_ids):
    """{class id: a teacher's user id}, in one query."""
    from classrooms.models import Membership

    teachers = {}
    for classroom, user in (
        Membership.objects.filter(role=Membership.Role.TEACHER, classroom__in=list(classroom_ids))
        .order_by("classroom", "user")
        .values_list("classroom", "user")
    ):
        teachers.setdefault(classroom, user)
    return teachers


def waiting_comments(count, rng):
    """Up to `count` (comment id, class id) of comments waiting for a teacher."""
    from comments.models import ClassComment

    classes, entries = classes_and_entries()
    class_of_entry = {str(entry): classroom for classroom, ids in entries.items() for entry in ids}
    # Every waiting comment, filtered here: an IN list of 60,000 entries at 650 schools
    # would be a query too large to send.
    rows = [
        (pk, class_of_entry[object_pk])
        for pk, object_pk in ClassComment.objects.filter(
            is_public=False, is_removed=False
        ).values_list("pk", "object_pk")
        if object_pk in class_of_entry
    ]
    rng.shuffle(rows)
    return rows[:count]


def waiting_entries(count, rng):
    """Up to `count` (entry id, class id) of entries sent to their teacher."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, WorkflowState

    from classrooms.models import BlogEntryPage, ClassroomPage

    waiting = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        content_type=ContentType.objects.get_for_model(BlogEntryPage),
    ).values_list("object_id", flat=True)
    ids = [int(pk) for pk in waiting]
    rng.shuffle(ids)
    ids = ids[:count]
    classes = dict(ClassroomPage.objects.values_list("path", "pk"))
    return [
        (pk, classes[path[:-PATH_STEP]])
        for pk, path in Page.objects.filter(pk__in=ids).values_list("pk", "path")
        if path[:-PATH_STEP] in classes
    ]
