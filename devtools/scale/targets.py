"""What the load benchmark requests, found in school 0 of the synthetic portal.

`bench_targets()` reads the database (a few queries, whatever the portal's size) and
returns the pages and usernames of school 0 ("ecole-scale-0000") that stand for each
kind of visit: a family opening its child's class wall and an entry with comments, a
pupil, a teacher, an exercise with attempts, the public site and its news. Every
generated account's password is `DEFAULT_PASSWORD` unless seed_scale was given another.
"""

from django.db.models import Count

from classrooms.models import BlogEntryPage, ClassroomPage, Guardianship, Membership
from comments.models import ClassComment
from exercises.models import ExercisePage
from pages.models import NewsIndexPage, NewsPage, SchoolPage

from .plan import DEFAULT_PASSWORD, school_prefix, school_slug

__all__ = ["DEFAULT_PASSWORD", "bench_targets"]


class MissingTargets(LookupError):
    """School 0 of the synthetic portal is not there: run `manage.py seed_scale` first."""


def bench_targets(school_index=0, *, using="default"):
    """The pages and people of one synthetic school (school 0 by default) to request.

    Keys: "school", "news_index", "news_page" (public pages); "classroom" (its first
    class), "entry" (a published entry of that class with the most published comments),
    "exercise" (an exercise of that class with the most attempts); usernames "parent"
    (a parent of a pupil of that class), "pupil", "teacher" (of that class), "director",
    and "outsider" (a parent in another synthetic school, school 1 or 0, who must get 404
    on the class; None when there is no other school); "password" (the default one).
    """
    school = SchoolPage.objects.using(using).filter(slug=school_slug(school_index)).first()
    if school is None:
        raise MissingTargets(
            f"No school {school_slug(school_index)}: run `manage.py seed_scale` first."
        )
    classroom = ClassroomPage.objects.using(using).child_of(school).order_by("path").first()
    if classroom is None:
        raise MissingTargets(f"{school_slug(school_index)} has no class.")
    news_index = NewsIndexPage.objects.using(using).child_of(school).first()
    news_page = (
        NewsPage.objects.using(using).child_of(news_index).live().order_by("-date", "-pk").first()
        if news_index
        else None
    )
    members = Membership.objects.using(using).filter(classroom=classroom)
    pupil = (
        members.filter(role=Membership.Role.PUPIL)
        .order_by("user__username")
        .values_list("user__username", flat=True)
        .first()
    )
    teacher = (
        members.filter(role=Membership.Role.TEACHER)
        .order_by("user__username")
        .values_list("user__username", flat=True)
        .first()
    )
    parent = (
        Guardianship.objects.using(using)
        .filter(child__username=pupil)
        .order_by("parent__username")
        .values_list("parent__username", flat=True)
        .first()
    )
    director = (
        school.staff.using(using)
        .filter(role="director")
        .order_by("user__username")
        .values_list("user__username", flat=True)
        .first()
    )
    entries = BlogEntryPage.objects.using(using).child_of(classroom).live()
    counts = (
        ClassComment.objects.using(using)
        .filter(
            object_pk__in=[str(pk) for pk in entries.values_list("pk", flat=True)],
            is_public=True,
            is_removed=False,
        )
        .values("object_pk")
        .annotate(count=Count("pk"))
        .order_by("-count", "object_pk")
        .first()
    )
    entry = entries.filter(pk=int(counts["object_pk"])).first() if counts else None
    exercise = (
        ExercisePage.objects.using(using)
        .child_of(classroom)
        .live()
        .annotate(attempt_count=Count("attempts"))
        .filter(attempt_count__gt=0)
        .order_by("-attempt_count", "path")
        .first()
    )
    other = 1 if school_index == 0 else 0
    outsider = (
        Guardianship.objects.using(using)
        .filter(parent__username__startswith=f"{school_prefix(other)}.")
        .order_by("parent__username")
        .values_list("parent__username", flat=True)
        .first()
    )
    return {
        "school": school,
        "news_index": news_index,
        "news_page": news_page,
        "classroom": classroom,
        "entry": entry,
        "exercise": exercise,
        "parent": parent,
        "pupil": pupil,
        "teacher": teacher,
        "director": director,
        "outsider": outsider,
        "password": DEFAULT_PASSWORD,
    }
