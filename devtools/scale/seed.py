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

Each school is written in one transaction: an interrupted run leaves whole schools only.
Bulk inserts send no signal, so `after_writing()` drops the public pages kept.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from html import escape

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.db import connections, transaction
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import timezone
from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_serializable_data_for_fields,
)
from taggit.models import Tag
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import page_published

from accounts import roles
from accounts.models import RoleGroup
from classrooms.models import (
    BlogEntryPage,
    BlogEntryTag,
    ClassroomPage,
    Guardianship,
    Membership,
)
from classrooms.permissions import MEMBERSHIP_ROLES
from comments import services as comment_services
from comments.models import ClassComment
from enrolment.models import PupilRecord
from exercises.attempts import QUESTION_TYPES, seed_for
from exercises.models import Attempt, ExercisePage
from notifications.models import Notification
from pages import workflows
from pages.models import NewsIndexPage, NewsPage, SchoolPage, SchoolStaff
from pages.permissions import STAFF_ROLES

from . import bulk, names
from .plan import SLUG_PREFIX

REJECTION_REASON = "Merci de réécrire ton commentaire avec des mots gentils."
WRONG_TEXT = "je ne sais pas"


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
        day = self.today - timedelta(days=days_ago)
        return min(timezone.make_aware(datetime.combine(day, time(hour, minute))), self.now)

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


class SchoolWriter:
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

    # Accounts and rows

    def user(self, person):
        return self.users[person.username]

    def create_accounts(self):
        plan, now = self.plan, self.context.now
        people = [plan.director, *plan.teachers, *plan.assistants]
        people += [pupil.person for pupil in plan.pupils] + plan.parents
        model = get_user_model()
        users = [
            model(
                username=person.username,
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email,
                password=self.context.password_hash,
                is_active=True,
                date_joined=now,
            )
            for person in people
        ]
        bulk.insert(model, users, using=self.using)
        self.users = {user.username: user for user in users}

    def rows(self, school):
        plan = self.plan
        director = self.user(plan.director)
        staff = [SchoolStaff(school=school, user=director, role=SchoolStaff.Role.DIRECTOR)]
        staff += [
            SchoolStaff(school=school, user=self.user(c.teacher), role=SchoolStaff.Role.TEACHER)
            for c in plan.classes
        ]
        memberships, guardianships, records = [], [], []
        for classroom in plan.classes:
            page = self.classrooms[classroom.number]
            memberships.append(
                Membership(
                    user=self.user(classroom.teacher),
                    classroom=page,
                    role=Membership.Role.TEACHER,
                )
            )
            if classroom.assistant:
                memberships.append(
                    Membership(
                        user=self.user(classroom.assistant),
                        classroom=page,
                        role=Membership.Role.ASSISTANT,
                    )
                )
            for pupil in classroom.pupils:
                user = self.user(pupil.person)
                memberships.append(
                    Membership(user=user, classroom=page, role=Membership.Role.PUPIL)
                )
                records.append(
                    PupilRecord(
                        user=user,
                        school=school,
                        birth_date=pupil.birth_date,
                        level=classroom.level,
                        photo_consent=pupil.photo_consent,
                    )
                )
        for family in plan.families:
            for parent in family.parents:
                for child in family.children:
                    guardianships.append(
                        Guardianship(parent=self.user(parent), child=self.user(child.person))
                    )
        bulk.insert(SchoolStaff, staff, using=self.using)
        bulk.insert(Membership, memberships, using=self.using)
        bulk.insert(Guardianship, guardianships, using=self.using)
        bulk.insert(PupilRecord, records, using=self.using)
        return staff, memberships, guardianships

    def join_role_groups(self, school, staff, memberships, guardianships):
        """Each person's role groups, as the registered sources derive them from the rows.

        Staff rows: the school role (pages.permissions.roles_from_staff_rows); memberships:
        the class role, and the parent role on the classes of each guardian's children
        (classrooms.permissions.roles_from_class_rows). The groups themselves come from
        `roles.group_for`, which creates them with their rights on first use.
        """
        wanted = {}  # user id → {(page, role)}
        for row in staff:
            wanted.setdefault(row.user_id, set()).add((school, STAFF_ROLES[row.role]))
        pupil_classes = {}
        for row in memberships:
            wanted.setdefault(row.user_id, set()).add((row.classroom, MEMBERSHIP_ROLES[row.role]))
            if row.role == Membership.Role.PUPIL:
                pupil_classes.setdefault(row.user_id, []).append(row.classroom)
        for row in guardianships:
            for classroom in pupil_classes.get(row.child_id, []):
                wanted.setdefault(row.parent_id, set()).add(
                    (classroom, RoleGroup.Role.CLASS_PARENT)
                )
        through = get_user_model().groups.through
        rows = []
        for user_id, pairs in wanted.items():
            for page, role in sorted(pairs, key=lambda pair: (pair[0].pk, pair[1])):
                rows.append(through(user_id=user_id, group_id=self.group(page, role).pk))
        bulk.insert(through, rows, using=self.using)

    def group(self, page, role):
        key = (page.pk, role)
        if key not in self.groups:
            self.groups[key] = roles.group_for(page, role)
        return self.groups[key]

    # The school's pages: its own through Wagtail's API, the others in bulk

    def publish(self, parent, page, owner):
        """Add and publish a page as an editor would: every handler and log entry follows."""
        page.owner = owner
        page.live = True
        parent.add_child(instance=page)
        revision = page.save_revision(user=owner)
        # The synthetic staff hold no page permissions yet: publish on their behalf.
        revision.publish(user=owner, skip_permission_checks=True)
        return page

    def school_page(self):
        plan = self.plan
        director = self.user(plan.director)
        page = SchoolPage(
            title=plan.title,
            slug=plan.slug,
            level=plan.level,
            town=plan.town,
            postcode=plan.postcode,
            address=plan.address,
            phone=plan.phone,
            email=plan.email,
            intro=f"L'école {plan.title[6:]} accueille les enfants de {plan.town}.",
            director_word=(
                "<p>Bienvenue sur le site de l'école. Vous y trouverez les nouvelles de "
                "l'école et les informations pratiques.</p>"
            ),
            director_name=f"{plan.director.first_name} {plan.director.last_name}, direction",
        )
        return self.publish(self.context.portal, page, director)

    def school_children(self, school):
        """The news section and the class spaces, in bulk, with their handlers run.

        The class spaces' `post_save` (created) and `page_published` signals are sent as
        `add_child()` and `publish()` send them, so their handlers do what they do for a
        class made in the admin or by enrolment: its media collection, its place in the
        class spaces' workflow, its school's directors' rights. The news section's own
        handler (regranting the school's teachers on it) has nothing to do yet: no
        teacher's group exists before `join_role_groups()`.
        """
        context, plan = self.context, self.plan
        published = {
            "live": True,
            "first_published_at": context.now,
            "last_published_at": context.now,
            "latest_revision_created_at": context.now,
        }
        placing = bulk.PageInserter(school, using=self.using)
        index = placing.place(
            NewsIndexPage(
                title="Actualités",
                slug="actualites",
                intro="Les nouvelles de l'école.",
                owner=self.user(plan.director),
                **published,
            )
        )
        for classroom in plan.classes:
            self.classrooms[classroom.number] = placing.place(
                ClassroomPage(
                    title=classroom.title,
                    slug=classroom.slug,
                    school_year=plan.school_year,
                    level=classroom.level,
                    welcome=(
                        f"<p>Bienvenue dans l'espace de la classe : {escape(classroom.title)}.</p>"
                    ),
                    owner=self.user(classroom.teacher),
                    **published,
                )
            )
        bulk.insert_pages([placing], using=self.using)
        classes = list(self.classrooms.values())
        for page in classes:
            post_save.send(
                sender=ClassroomPage,
                instance=page,
                created=True,
                update_fields=None,
                raw=False,
                using=self.using,
            )
        revisions = bulk.add_revisions(
            [index, *classes], content=revision_content, using=self.using
        )
        for page, revision in zip(classes, revisions[1:], strict=True):
            page_published.send(sender=ClassroomPage, instance=page, revision=revision)
        return index

    def news(self, index):
        """The school's news, in bulk, and in the search index as a save would put them."""
        context = self.context
        director = self.user(self.plan.director)
        placing = bulk.PageInserter(index, using=self.using)
        for news in self.plan.news:
            at = context.moment(news.days_ago, 9)
            placing.place(
                NewsPage(
                    title=news.title,
                    slug=news.slug,
                    intro=news.intro,
                    date=context.today - timedelta(days=news.days_ago),
                    live=True,
                    owner=director,
                    first_published_at=at,
                    last_published_at=at,
                    latest_revision_created_at=at,
                )
            )
        news_pages = bulk.insert_pages([placing], using=self.using)
        bulk.add_revisions(news_pages, content=revision_content, using=self.using)
        bulk.add_to_search_index([index, *news_pages], using=self.using)

    # Activities, in bulk

    def activities(self):
        context = self.context
        inserters = []
        entry_pages, exercise_pages = [], []
        for classroom in self.plan.classes:
            parent = self.classrooms[classroom.number]
            inserter = bulk.PageInserter(parent, using=self.using)
            teacher = self.user(classroom.teacher)
            for entry in classroom.entries:
                at = context.moment(entry.days_ago, 16, 30)
                authors = [self.user(pupil.person) for pupil in entry.authors]
                page = BlogEntryPage(
                    title=entry.title,
                    slug=entry.slug,
                    body=[
                        {"type": "text", "value": f"<p>{escape(text)}</p>", "id": block_id}
                        for text, block_id in zip(entry.paragraphs, entry.block_ids, strict=True)
                    ],
                    visibility=entry.visibility,
                    live=entry.live,
                    # Pupils write the entries; the teacher publishes them.
                    owner=teacher if entry.live or not authors else authors[0],
                    first_published_at=at if entry.live else None,
                    last_published_at=at if entry.live else None,
                    latest_revision_created_at=at,
                )
                page.plan_entry = entry
                page.author_ids = [user.pk for user in authors]
                inserter.place(page, translation_key=entry.translation_key)
                self.entries[entry] = page
                entry_pages.append(page)
            for exercise in classroom.exercises:
                at = context.moment(exercise.days_ago, 8)
                page = ExercisePage(
                    title=exercise.title,
                    slug=exercise.slug,
                    body=exercise.body,
                    max_attempts=exercise.max_attempts,
                    live=True,
                    owner=teacher,
                    first_published_at=at,
                    last_published_at=at,
                    latest_revision_created_at=at,
                )
                page.plan_exercise = exercise
                inserter.place(page, translation_key=exercise.translation_key)
                exercise_pages.append(page)
            inserters.append(inserter)
        bulk.insert_pages(inserters, using=self.using)
        tag_rows = self.entry_links(entry_pages)
        bulk.add_revisions(
            entry_pages + exercise_pages,
            content=lambda page: revision_content(page, tag_rows),
            using=self.using,
        )
        self.waiting_for_teachers([p for p in entry_pages if p.plan_entry.status == "waiting"])
        self.attempts(exercise_pages)

    def entry_links(self, entry_pages):
        """Authors and topics of the entries; returns the topic rows of each entry."""
        authors = BlogEntryPage.authors.through
        author_rows = [
            authors(blogentrypage_id=page.pk, user_id=user_id)
            for page in entry_pages
            for user_id in page.author_ids
        ]
        bulk.insert(authors, author_rows, using=self.using)
        tag_rows = [
            BlogEntryTag(content_object_id=page.pk, tag=self.context.tag(name))
            for page in entry_pages
            for name in page.plan_entry.topics
        ]
        bulk.insert(BlogEntryTag, tag_rows, using=self.using)
        by_entry = {}
        for row in tag_rows:
            by_entry.setdefault(row.content_object_id, []).append(row)
        return by_entry

    def waiting_for_teachers(self, pages):
        """Entries sent to the teacher: the class workflow started on their revision.

        The rows `moderation.submit()` leaves: a workflow state in progress on the class
        spaces' workflow, and its task state on the teachers' approval task.
        """
        if not pages:
            return
        context = self.context
        states = [
            WorkflowState(
                content_type=page.content_type,
                base_content_type=context.page_type,
                object_id=str(page.pk),
                workflow=context.class_workflow,
                status=WorkflowState.STATUS_IN_PROGRESS,
                requested_by_id=page.owner_id,
                created_at=page.latest_revision_created_at,
            )
            for page in pages
        ]
        bulk.insert(WorkflowState, states, using=self.using, raw=True)
        task_states = [
            TaskState(
                workflow_state=state,
                revision_id=page.latest_revision_id,
                task=context.class_task,
                status=TaskState.STATUS_IN_PROGRESS,
                started_at=page.latest_revision_created_at,
                content_type=context.task_state_type,
            )
            for state, page in zip(states, pages, strict=True)
        ]
        bulk.insert(TaskState, task_states, using=self.using, raw=True)
        for state, task_state in zip(states, task_states, strict=True):
            WorkflowState.objects.filter(pk=state.pk).update(current_task_state=task_state)

    def attempts(self, exercise_pages):
        context = self.context
        rows = []
        for page in exercise_pages:
            questions = [child for child in page.body if child.block_type in QUESTION_TYPES]
            for attempt in page.plan_exercise.attempts:
                started = context.moment(attempt.days_ago, 10)
                row = Attempt(
                    exercise_id=page.pk,
                    pupil=self.user(attempt.pupil.person),
                    revision_id=page.live_revision_id,
                    seed=attempt.seed,
                    started_at=started,
                    teacher_comment="",
                )
                seconds = max(20, attempt.minutes * 60 // max(1, len(questions)))
                answered_at = started
                answers = {}
                # An unfinished attempt has answers to its first questions only.
                pairs = zip(questions, attempt.right, strict=False)
                for number, (child, right) in enumerate(pairs, start=1):
                    answered_at = min(answered_at + timedelta(seconds=seconds), context.now)
                    seed = seed_for(row, Question(number, child))
                    answer = answer_for(child, right, seed)
                    marking = child.block.mark(child.value, answer, seed)
                    answers[str(child.id)] = {
                        "answer": answer,
                        "score": marking.score,
                        "points": marking.points,
                        "max_points": marking.max_points,
                        "details": list(marking.details),
                        "answered_at": answered_at.isoformat(),
                        "seconds": seconds,
                    }
                row.answers = answers
                if attempt.finished:
                    row.points = sum(a["points"] for a in answers.values())
                    row.max_points = sum(a["max_points"] for a in answers.values())
                    row.finished_at = answered_at
                rows.append(row)
        bulk.insert(Attempt, rows, using=self.using, raw=True)

    # Comments

    def comments(self):
        context = self.context
        top, replies, notifications = [], [], []
        made = {}  # plan Comment → ClassComment
        for classroom in self.plan.classes:
            page = self.classrooms[classroom.number]
            teacher = self.user(classroom.teacher)
            queue = reverse("comments:queue", kwargs={"classroom_id": page.pk})
            nested = {}
            for comment in classroom.comments:
                if comment.reply_to is not None:
                    nested[comment.reply_to] = nested.get(comment.reply_to, 0) + 1
            for comment in classroom.comments:
                entry = self.entries[comment.entry]
                author = self.user(comment.author)
                submitted = min(
                    entry.first_published_at + timedelta(hours=comment.hours_after), context.now
                )
                moderated = comment.by != "teacher" and comment.status != "pending"
                row = ClassComment(
                    content_type=context.entry_type,
                    object_pk=str(entry.pk),
                    site=context.site,
                    user=author,
                    user_name=author.display_name[:50],
                    user_email=author.email,
                    user_url="",
                    comment=comment_services.comment_text(
                        comment.liked, comment.suggestion, comment.wondering
                    ),
                    liked=comment.liked,
                    suggestion=comment.suggestion,
                    wondering=comment.wondering,
                    submit_date=submitted,
                    ip_address=None,
                    is_public=comment.status == "published",
                    is_removed=comment.status == "rejected",
                    rejection_reason=REJECTION_REASON if comment.status == "rejected" else "",
                    moderated_by=teacher if moderated else None,
                    moderated_at=min(submitted + timedelta(hours=2), context.now)
                    if moderated
                    else None,
                    level=0,
                    order=1,
                    followup=False,
                    nested_count=nested.get(comment, 0),
                )
                made[comment] = row
                if comment.reply_to is None:
                    top.append(row)
                else:
                    row.level = 1
                    replies.append((row, comment.reply_to))
                if comment.status == "pending":
                    notifications.append(
                        Notification(
                            recipient=teacher,
                            kind="comment_pending",
                            params={"author": author.display_name, "entry": entry.title},
                            url=queue,
                            created_at=submitted,
                        )
                    )

        def own_thread(batch):
            for row in batch:
                # The id of the comment (the root table's): a thread of its own.
                row.thread_id = row.parent_id = row.id

        bulk.insert(ClassComment, top, using=self.using, raw=True, with_ids=own_thread)
        orders = {}
        for row, parent in replies:
            parent_row = made[parent]
            orders[parent] = orders.get(parent, 1) + 1
            row.thread_id = parent_row.thread_id
            row.parent_id = parent_row.pk
            row.order = orders[parent]
        bulk.insert(ClassComment, [row for row, _parent in replies], using=self.using, raw=True)
        bulk.insert(Notification, notifications, using=self.using, raw=True)


@dataclass(frozen=True)
class Question:
    """What `exercises.attempts.seed_for` reads of a question: its block's id."""

    number: int
    child: object

    @property
    def id(self):
        return self.child.id


def answer_for(child, right, seed):
    """A right or a wrong answer to a question, in the shape its block marks."""
    value = child.value
    if child.block_type == "multiple_choice":
        shown = child.block.shown_choices(value, seed)
        correct = [index for index, choice in enumerate(shown) if choice["correct"]]
        wrong = [index for index, choice in enumerate(shown) if not choice["correct"]]
        picked = correct if right or not wrong else wrong[:1]
        return {"choices": [str(index) for index in picked]}
    accepted = child.block.accepted(value)
    return {"text": accepted[0] if right and accepted else WRONG_TEXT}


def revision_content(page, tag_rows=None):
    """What `save_revision()` stores (`page.serializable_data()`), without its queries.

    The page's relations (authors, topics, assigned groups...) are those written in bulk
    just before, or none: asking the database for each page's would double the time.
    """
    content = get_serializable_data_for_fields(page)
    for relation in get_all_child_relations(page):
        content[relation.get_accessor_name()] = []
    for field in get_all_child_m2m_relations(page):
        if field.serialize:
            content[field.name] = []
    if isinstance(page, BlogEntryPage):
        content["authors"] = list(page.author_ids)
        content["tagged_items"] = [
            {"pk": row.pk, "tag": row.tag_id, "content_object": page.pk}
            for row in (tag_rows or {}).get(page.pk, [])
        ]
    return content


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
