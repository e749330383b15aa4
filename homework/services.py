"""Writing the diary: its page, a session with its files, and copies from earlier ones.

Files are checked by their bytes (classrooms.uploads for photos, re-encoded without
EXIF; messaging.attachments for documents) before anything is saved."""

import datetime
import mimetypes

from django.core.files.base import ContentFile
from django.db import transaction

from classrooms.models import class_pupils

from .models import Audience, HomeworkDiaryPage, HomeworkItem, Session, SessionFile


def diary_of(classroom):
    return HomeworkDiaryPage.objects.child_of(classroom).first()


@transaction.atomic
def ensure_diary(classroom, user):
    """The class's diary page, made and published at the teacher's first session."""
    diary = diary_of(classroom)
    if diary is None:
        from django.utils.translation import gettext as _

        diary = HomeworkDiaryPage(title=_("Homework diary"), slug="cahier-de-textes", owner=user)
        classroom.add_child(instance=diary)
        diary.save_revision(user=user, log_action=True).publish(user=user)
    return diary


def file_rows(session, photos=(), documents=()):
    rows = []
    for photo in photos:
        data = photo.content.read()
        photo.content.seek(0)
        rows.append(
            SessionFile(
                session=session,
                kind=SessionFile.Kind.PHOTO,
                name=photo.name,
                content_type=mimetypes.guess_type(photo.name)[0] or "image/jpeg",
                size=len(data),
                file=ContentFile(data, name=photo.name),
            )
        )
    for data, name, content_type in documents:
        rows.append(
            SessionFile(
                session=session,
                kind=SessionFile.Kind.DOCUMENT,
                name=name,
                content_type=content_type,
                size=len(data),
                file=ContentFile(data, name=name),
            )
        )
    return rows


@transaction.atomic
def save_session(session, data, formset, user, *, photos=(), documents=()):
    """Save the session, its items (the formset), its links and new files."""
    session.date = data["date"]
    session.title = data["title"]
    session.text = data["text"]
    if session.author_id is None:
        session.author = user
    session.save()
    session.links.set(data["links"])
    formset.instance = session
    formset.save()
    for row in file_rows(session, photos, documents):
        row.save()
    removed = data.get("remove_files") or []
    if removed:
        session.files.filter(pk__in=removed).delete()
    return session


class CopyReport:
    """What a copy made and what it had to leave out (said to the teacher)."""

    def __init__(self):
        self.sessions = []
        self.dropped_links = 0
        self.widened_items = 0


@transaction.atomic
def copy_sessions(sources, target_classroom, first_day, user):
    """Copy these sessions into the class, the first one on `first_day` and the others
    as many days after it as they were after the first; due dates move the same.

    Title, text, files and items are kept; links to pages outside the class, and items
    for a group or pupils of another class, cannot follow: links are left out, such
    items are set for the whole class, and the report counts both."""
    report = CopyReport()
    if not sources:
        return report
    shift = first_day - min(s.date for s in sources)
    own = target_classroom.pk
    target_pupils = set(class_pupils(target_classroom).values_list("pk", flat=True))
    for source in sources:
        session = Session.objects.create(
            classroom=target_classroom,
            date=source.date + shift,
            title=source.title,
            text=source.text,
            author=user,
        )
        links = [page for page in source.links.all() if page.path.startswith(target_classroom.path)]
        report.dropped_links += len(source.links.all()) - len(links)
        session.links.set(links)
        for item in source.items.all():
            copy = HomeworkItem(
                session=session,
                due_date=item.due_date + shift,
                text=item.text,
                audience=item.audience,
            )
            pupils = []
            if item.audience == Audience.GROUP:
                if item.group and item.group.classroom_id == own:
                    copy.group = item.group
                else:
                    copy.audience = Audience.CLASS
                    report.widened_items += 1
            elif item.audience == Audience.PUPILS:
                pupils = [p for p in item.pupils.all() if p.pk in target_pupils]
                if not pupils:
                    copy.audience = Audience.CLASS
                    report.widened_items += 1
            copy.save()
            if pupils:
                copy.pupils.set(pupils)
        for row in source.files.all():
            # The copy points at the same stored file: a week copied thirty times is
            # stored once; files are never deleted with a session (no cleanup signal).
            SessionFile.objects.create(
                session=session,
                kind=row.kind,
                name=row.name,
                content_type=row.content_type,
                size=row.size,
                file=row.file.name,
            )
        report.sessions.append(session)
    return report


def week_range(day):
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)
