"""Writing a planned school into the database, as the project's own paths would leave it.

The school page goes through Wagtail's API (`add_child`, a revision, `publish`), so its
signal handlers run (its media collection, its publication workflow, its directors'
group) and its history starts as an editor's would. Everything else is inserted in bulk,
in batches of at most 500 rows, as the rows the real paths write:
- its news section and class spaces, then its news, with their revisions (and the news
  in the search index); the class spaces' `post_save` and `page_published` signals are
  sent, so their handlers give each class its collection, its place in the class
  spaces' workflow and its school's directors' rights;
- accounts (one shared password hash), staff rows, memberships, family links, pupil
  records, and the role groups `accounts.roles.sync_user` would give each person
  (computed with the rules of the registered sources, from the rows written; the groups
  themselves come from `roles.group_for`, which grants their rights on first use);
- blog entries with authors, topics and revisions (those sent to the teacher with their
  workflow state), exercises and attempts, comments with their xtd threads, and the
  teachers' notifications of comments waiting for them.

Each kind of row has its module (`people_rows`, `school_pages`, `activity_rows`,
`bulk_comments`), on the builders the demo loader shares (`home.builders`).

Each school is written in one transaction: an interrupted run leaves whole schools only.
Bulk inserts send no signal, so `after_writing()` drops the public pages kept.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import connections, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, TaskState

from classrooms.models import BlogEntryPage
from home.builders.clock import moment
from pages import workflows
from pages.models import SchoolPage

from . import bulk, names
from .activity_rows import ActivityRows
from .bulk_comments import CommentRows
from .people_rows import PeopleRows
from .plan import SLUG_PREFIX
from .school_pages import SchoolPages


@dataclass
class Context:
    """What every school shares: the portal, the password hash, the time of the run."""

    portal: Page
    password_hash: str
    now: datetime
    using: str = "default"

    def __post_init__(self):
        self.today = timezone.localdate(self.now)
        self.site = Site.objects.using(self.using).get(pk=settings.SITE_ID)
        self.entry_type = bulk.content_type(BlogEntryPage)
        self.page_type = bulk.content_type(Page)
        self.task_state_type = bulk.content_type(TaskState)
        self.class_workflow = workflows.class_spaces_workflow()
        self.class_task = self.class_workflow.workflow_tasks.order_by("sort_order").first().task
        # The topics entries are tagged with, created once, outside the schools' transactions.
        self.tags = {
            name: Tag.objects.using(self.using).get_or_create(name=name)[0] for name in names.TOPICS
        }

    def moment(self, days_ago, hour, minute=0):
        """A local time `days_ago` days before today, never in the future."""
        return moment(self.today, self.now, days_ago, hour, minute)

    def tag(self, name):
        return self.tags[name]


def existing_indexes(portal, using="default") -> set[int]:
    """Numbers of the synthetic schools already written below the portal."""
    slugs = SchoolPage.objects.using(using).child_of(portal).filter(slug__startswith=SLUG_PREFIX)
    indexes = set()
    for slug in slugs.values_list("slug", flat=True):
        suffix = slug[len(SLUG_PREFIX) :]
        if suffix.isdigit():
            indexes.add(int(suffix))
    return indexes


def write_school(plan, context: Context) -> dict[str, int]:
    """Write one planned school in one transaction; returns the counts of its plan."""
    with transaction.atomic(using=context.using):
        SchoolWriter(plan, context).write()
    return plan.counts()


class SchoolWriter(PeopleRows, SchoolPages, ActivityRows, CommentRows):
    """Writes one planned school; each kind of row has its module."""

    def __init__(self, plan, context):
        self.plan = plan
        self.context = context
        self.using = context.using
        self.users = {}  # username → User
        self.classrooms = {}  # class number → ClassroomPage
        self.entries = {}  # plan Entry → BlogEntryPage
        self.groups = {}  # (page id, role) → Group

    def write(self):
        self.create_accounts()
        school = self.school_page()
        index = self.school_children(school)
        self.news(index)
        staff, memberships, guardianships = self.rows(school)
        self.join_role_groups(school, staff, memberships, guardianships)
        self.activities()
        self.comments()

    def user(self, person):
        return self.users[person.username]


def after_writing(using="default"):
    """What bulk inserts leave undone: fresh planner statistics, the public pages kept.

    PostgreSQL's statistics lag behind a bulk load until autovacuum gets to it; with stale
    ones it misjudges the page queries (and compiles them with its JIT: seconds per
    request), so a benchmark run right after the seeding would measure that. No signal
    told the public page cache that the portal lists new schools: its copies are dropped.
    The new schools' classes have no version yet, so nothing shared is stale.
    """
    from django.conf import settings
    from django.core.cache import caches

    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    alias = getattr(settings, "PREAU_PAGE_CACHE_ALIAS", None)
    if alias:
        caches[alias].clear()
