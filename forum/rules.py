"""Who sees and does what in a reading club, on top of the shared space's standing
(sharedspaces/rules.py): forum's one rules module, asked by all its views.

- A published topic or reply is read by everyone who may read the space.
- A pupil's topic or reply waits (`Status.PENDING`) until a teacher of the class it was
  written in approves it: until then only its author and those teachers see it. The
  space's creator and the other classes' teachers do not: a class reviews its own pupils.
- What staff write is published at once.
- Those who run the space (its creator, its member classes' teachers) pin, close and
  reopen topics and hide a published reply of any class.
- A closed topic takes no reply; a refused or hidden reply is seen by its author (with
  the teacher's note) and its class's teachers only.
"""

from .models import Status


def _sees(standing, user, contribution, author_id) -> bool:
    if contribution.status == Status.PUBLISHED:
        return True
    return author_id == user.pk or standing.may_review(contribution.classroom_id)


def sees_post(standing, user, post) -> bool:
    return _sees(standing, user, post, post.author_id)


def sees_topic(standing, user, topic) -> bool:
    return _sees(standing, user, topic, topic.created_by_id)


def may_review(standing, contribution) -> bool:
    return contribution.status == Status.PENDING and standing.may_review(contribution.classroom_id)


def may_hide(standing, post) -> bool:
    return post.status == Status.PUBLISHED and standing.may_manage


def may_reply(standing, topic) -> bool:
    return standing.may_contribute and not topic.closed and topic.status == Status.PUBLISHED


def first_status(standing) -> str:
    """What a new contribution starts as: a pupil's waits for their teacher."""
    return Status.PENDING if standing.is_pupil else Status.PUBLISHED


def writing_class_id(standing):
    """The class a contribution is written in: a pupil's class, else the first member
    class the person teaches or assists, else none (the space's creator, an adviser)."""
    if standing.is_pupil:
        return standing.pupil_class_id
    for ids in (standing.taught_class_ids, standing.assisted_class_ids, standing.pupil_class_ids):
        if ids:
            return min(ids)
    return None
