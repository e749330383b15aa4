"""What changes a text: starting it, saving it, handing it in, marking it, giving it back,
gathering texts and publishing them on the class blog. Views check the rules
(rules.py) first; these functions keep the rows consistent and never lose a word.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from classrooms import editor, moderation

from . import paragraph_merge
from .models import Draft, Mark, Text, TextStatus, WorkMode


class TopicTaken(Exception):
    """Someone chose this topic first and it takes no more pupils or groups."""


def group_for(assignment, pupil):
    """The pupil's group this assignment is written by: one of the groups it is set for,
    or, for the whole class, the pupil's first group in the class."""
    chosen = list(assignment.assigned_groups.all())
    groups = chosen or list(assignment.get_classroom().pupil_groups.all())
    for group in groups:
        if any(member.pk == pupil.pk for member in group.pupils.all()):
            return group
    return None


def topic_is_free(assignment, topic) -> bool:
    if topic is None or not assignment.takers_per_topic:
        return True
    taken = Text.objects.filter(topic=topic, gathered_into__isnull=True).count()
    return taken < assignment.takers_per_topic


@transaction.atomic
def start_text(assignment, pupil, topic=None) -> Text:
    """The pupil's text for this assignment (their group's in group work), made if needed."""
    group = group_for(assignment, pupil) if assignment.work_mode == WorkMode.GROUP else None
    texts = Text.objects.select_for_update().filter(assignment=assignment, gathered_into=None)
    existing = (
        texts.filter(group=group).first()
        if group
        else texts.filter(authors=pupil, group=None).first()
    )
    if existing is not None:
        if topic is not None and existing.topic_id is None:
            if not topic_is_free(assignment, topic):
                raise TopicTaken
            existing.topic = topic
            existing.save(update_fields=["topic"])
        return existing
    if not topic_is_free(assignment, topic):
        raise TopicTaken
    text = Text.objects.create(
        assignment=assignment, group=group, topic=topic, title=topic.title if topic else ""
    )
    text.authors.set(list(group.pupils.all()) if group else [pupil])
    return text


@transaction.atomic
def save(text, user, *, base_version, base_body, body, title) -> Text:
    """Save a working copy written from version `base_version` (whose body was
    `base_body`). Saves made meanwhile are merged paragraph by paragraph; raises
    paragraph_merge.Conflict, nothing saved, when the same paragraph changed twice."""
    current = Text.objects.select_for_update().get(pk=text.pk)
    if current.version == base_version:
        base_body = current.body  # nobody saved in between: the base is what is stored
    merged = paragraph_merge.merge(
        base_body, current.body, current.paragraph_authors, body, user.pk
    )
    current.body = merged.text
    current.paragraph_authors = merged.authors
    if title is not None:
        current.title = " ".join(title.split())[:120]
    current.version += 1
    current.saved_by = user
    current.saved_at = timezone.now()
    current.save()
    return current


@transaction.atomic
def hand_in(text, user) -> Draft:
    """Keep the working copy as the text's next draft, for the teacher to mark."""
    current = Text.objects.select_for_update().get(pk=text.pk)
    last = current.drafts.order_by("-number").values_list("number", flat=True).first() or 0
    draft = Draft.objects.create(
        text=current,
        number=last + 1,
        body=current.body,
        paragraph_authors=current.paragraph_authors,
        handed_in_by=user,
    )
    current.status = TextStatus.HANDED_IN
    current.save(update_fields=["status"])
    return draft


def add_mark(draft, user, kind, start, end, hint="") -> Mark:
    return Mark.objects.create(
        draft=draft,
        error_type=kind,
        start=start,
        end=end,
        quote=draft.body[start:end][:300],
        hint=" ".join(hint.split())[:120],
        marked_by=user,
    )


@transaction.atomic
def give_back(draft, user, *, comment, recording=None, ready=False) -> None:
    """The teacher has marked the draft: the pupils rewrite it, or it is ready."""
    draft.comment = comment
    if recording is not None:
        draft.comment_recording = recording
    draft.marked_by = user
    draft.marked_at = timezone.now()
    draft.save()
    text = draft.text
    text.status = TextStatus.READY if ready else TextStatus.TO_REWRITE
    text.save(update_fields=["status"])


@transaction.atomic
def gather(assignment, texts, user, *, group=None, title="") -> Text:
    """One text made of the paragraphs of several, each paragraph keeping its writer.

    The texts gathered are kept, marked as gathered into the new one; its authors are
    the group chosen, or everyone who wrote them."""
    paragraphs, writers, authors = [], [], {}
    for text in texts:
        parts = paragraph_merge.paragraphs(text.body)
        known = list(text.paragraph_authors) + [None] * len(parts)
        text_authors = list(text.authors.all())
        for index, part in enumerate(parts):
            paragraphs.append(part)
            writer = known[index]
            if writer is None and len(text_authors) == 1:
                writer = text_authors[0].pk
            writers.append(writer)
        for author in text_authors:
            authors[author.pk] = author
    gathered = Text.objects.create(
        assignment=assignment,
        group=group,
        title=title or next((t.title for t in texts if t.title), ""),
        body=paragraph_merge.joined(paragraphs),
        paragraph_authors=writers,
        saved_by=user,
        saved_at=timezone.now(),
        status=TextStatus.TO_REWRITE,
    )
    gathered.authors.set(list(group.pupils.all()) if group else list(authors.values()))
    Text.objects.filter(pk__in=[t.pk for t in texts]).update(gathered_into=gathered)
    return gathered


def as_rich_text(body: str) -> str:
    return "".join(f"<p>{escape(part)}</p>" for part in paragraph_merge.paragraphs(body))


@transaction.atomic
def publish(text, user, classroom):
    """Turn a ready text into a class blog entry (a draft, for the pupils to add photos and
    recordings and send to their teacher), or a new version of the entry it became."""
    authors = list(text.authors.all())
    data = {"title": text.title or text.assignment.title, "text": as_rich_text(text.body)}
    data["coauthors"] = [a for a in authors if a.pk != user.pk]
    if text.entry is not None:
        entry = editor.save_entry(classroom=classroom, user=user, data=data, entry=text.entry)
        if moderation.teaches_class_of(user, classroom) or user.is_superuser:
            entry.get_latest_revision().publish(user=user)
        else:
            moderation.submit(entry, user)
    else:
        entry = editor.save_entry(classroom=classroom, user=user, data=data)
        text.entry = entry
    text.status = TextStatus.PUBLISHED
    text.save(update_fields=["entry", "status"])
    return entry


@transaction.atomic
def rewrite_published(text, user) -> Text:
    """A new round of drafts for a published text (its readers' comments asked for it)."""
    text.status = TextStatus.TO_REWRITE
    text.save(update_fields=["status"])
    return text


def authors_by_id(texts):
    """Every author of these texts, by id (for "who wrote this paragraph")."""
    ids = {author for text in texts for author in text.paragraph_authors if author}
    return {user.pk: user for user in get_user_model().objects.filter(pk__in=ids)}
