"""What an assignment's page shows to each person: the instructions and topics; for a
pupil, their text and where it stands; for the class's staff, every text, the topics to
give out and the texts to gather; for a parent, their child's texts the teacher shared."""

from django.http import Http404

from classrooms.models import class_pupils
from classrooms.person import person_of

from . import rules
from .models import Text, TopicChoice, WorkMode
from .workshop import group_for


def _texts(assignment):
    return list(
        Text.objects.filter(assignment=assignment)
        .select_related("topic", "group")
        .prefetch_related("authors", "drafts")
        .order_by("created_at", "pk")
    )


def assignment_context(request, assignment):
    user = request.user
    classroom = assignment.get_classroom()
    topics = list(assignment.topics.all())
    texts = _texts(assignment)
    context = {
        "classroom": classroom,
        "topics": topics,
        "staff": rules.is_staff(user, classroom),
        "may_set": rules.may_set(user, classroom),
        "is_group_work": assignment.work_mode == WorkMode.GROUP,
    }
    if context["staff"]:
        context["texts"] = [t for t in texts if t.gathered_into_id is None]
        context["gathered"] = [t for t in texts if t.gathered_into_id is not None]
        context["groups"] = list(classroom.pupil_groups.all())
        context["teacher_assigns"] = (
            bool(topics) and assignment.topic_choice == TopicChoice.TEACHER_ASSIGNS
        )
        if context["teacher_assigns"]:
            context["classroom_pupils"] = list(class_pupils(classroom))
    if rules.is_pupil_of(user, classroom):
        if not rules.is_for(assignment, user):
            raise Http404
        mine = [t for t in texts if t.gathered_into_id is None and rules.is_author(user, t)]
        taken = {}
        for text in texts:
            if text.topic_id and text.gathered_into_id is None:
                taken[text.topic_id] = taken.get(text.topic_id, 0) + 1
        limit = assignment.takers_per_topic
        context.update(
            my_texts=mine,
            works_here=rules.works_here(user, classroom),
            my_group=group_for(assignment, user) if context["is_group_work"] else None,
            may_choose=bool(topics) and assignment.topic_choice == TopicChoice.PUPILS_CHOOSE,
            free_topics=[t for t in topics if not limit or taken.get(t.pk, 0) < limit],
        )
    children = {child.pk: child for child in person_of(user).children_in(classroom)}
    if children:
        context["children_texts"] = [
            (text, [a for a in text.authors.all() if a.pk in children])
            for text in texts
            if text.shared_with_parents and any(a.pk in children for a in text.authors.all())
        ]
    return context
