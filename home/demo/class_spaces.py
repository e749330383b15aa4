"""The demo's class spaces: members, blog entries (some waiting, one sent back), a
recording, an exercise, the writing workshop (`writing.py`), comments, a partnership and
a parent link to confirm (mixed into `DemoLoader`)."""

from datetime import timedelta
from html import escape

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.rich_text import RichText
from wagtailmedia.models import Media

from classrooms import moderation
from classrooms.models import (
    Appearance,
    BlogEntryPage,
    ClassroomPage,
    Guardianship,
    Membership,
)
from comments import services as comment_services
from comments.models import ClassComment, Partnership
from enrolment import services as enrolment_services
from enrolment.models import ParentLinkRequest
from exercises.models import ExercisePage
from home.builders.class_members import class_memberships
from home.builders.comment_rows import comment_waiting_notice, entry_comment
from notifications.models import Notification
from pages.models import SchoolStaff

from . import audio as demo_audio
from . import data as content
from . import images

# The three prompts as a French reader sees them; the comment text is the filled ones joined.
PROMPTS = ("J’ai aimé…", "Je te propose…", "Je me demande…")


class ClassSpaces:
    """Loads each class space of the demo and the cases that span two classes."""

    def load_classroom(self, school, spec):
        teacher = self.users[spec.teacher]
        classroom = self.page(
            school,
            ClassroomPage(
                title=spec.title,
                school_year=content.SCHOOL_YEAR,
                level=spec.level,
                welcome=spec.welcome,
            ),
            teacher,
        )
        self.classrooms[spec.key] = classroom
        self.link(SchoolStaff, school=school, user=teacher, role=SchoolStaff.Role.TEACHER)
        pupils = [
            self.users[pupil]
            for (class_key, _first_name), pupil in self.pupils.items()
            if class_key == spec.key
        ]
        assistant = self.users[spec.assistant] if spec.assistant else None
        for row in class_memberships(classroom, teacher, assistant, pupils):
            self.link(
                Membership, user=row.user, classroom=row.classroom, defaults={"role": row.role}
            )
        for entry in spec.entries:
            self.load_entry(classroom, spec, entry, teacher)
        if spec.exercise:
            self.page(
                classroom,
                ExercisePage(
                    title=spec.exercise.title,
                    body=[("instruction", {"text": text}) for text in spec.exercise.instructions]
                    + list(spec.exercise.questions),
                    max_attempts=spec.exercise.max_attempts,
                ),
                teacher,
            )
        self.load_writing(classroom, spec)
        self.load_homework(classroom, spec)

    def pupil(self, class_key, first_name):
        return self.users[self.pupils[class_key, first_name]]

    def load_entry(self, classroom, class_spec, spec, teacher):
        published_at = self.moment(spec.days_ago, 16, 30) if spec.live else None
        authors = [self.pupil(class_spec.key, name) for name in spec.authors]
        is_new = not classroom.get_children().filter(slug=slugify(spec.title)).exists()
        body = [
            ("text", RichText(f"<p>{escape(text, quote=False)}</p>")) for text in spec.paragraphs
        ]
        if spec.recording and is_new:
            body.append(("recording", self.recording(classroom, spec, authors)))
        if spec.photo and is_new:
            body.insert(min(1, len(body)), ("image", self.photo(classroom, spec)))
        page = BlogEntryPage(title=spec.title, body=body, visibility=spec.visibility)
        page.authors.set(authors)
        page.tags.set(list(spec.topics))
        # Pupils write their own entries; the teacher publishes the live ones.
        owner = teacher if spec.live else authors[0]
        entry = self.page(classroom, page, owner, live=spec.live, published_at=published_at)
        if is_new and spec.sent:
            moderation.submit(entry, authors[0])
            if spec.sent_back:
                moderation.send_back(entry, teacher, spec.sent_back)
        if spec.photo and not is_new and entry.live:
            self.add_missing_photo(entry, classroom, spec, teacher)
        for comment in spec.comments:
            self.load_comment(entry, class_spec.key, comment, published_at)

    def add_missing_photo(self, entry, classroom, spec, teacher):
        """An entry loaded by an older demo, without its photo: given it, as a new revision
        the teacher publishes (nothing changes on a second run)."""
        if any(block.block_type == "image" for block in entry.body):
            return
        entry.body.insert(min(1, len(entry.body)), ("image", self.photo(classroom, spec)))
        entry.save_revision(user=teacher).publish(user=teacher)

    def photo(self, classroom, spec):
        """The entry's photo block: a drawing in the class's collection, found again by its
        title on a second run (public_sites.py `image`)."""
        picture = self.image(
            classroom.collection,
            spec.photo_caption,
            images.DRAWINGS[spec.photo](),
            f"{slugify(spec.title)}.png",
        )
        return {"image": picture, "alt_text": spec.photo_alt, "caption": spec.photo_caption}

    def recording(self, classroom, spec, voices):
        """A recording of the class: a generated melody stands for the pupils' voices."""
        media = Media(
            title=spec.recording,
            type="audio",
            duration=demo_audio.DURATION,
            collection=classroom.collection,
        )
        media.file.save(f"{slugify(spec.title)}.wav", ContentFile(demo_audio.melody()), save=False)
        media.save()
        Appearance.objects.bulk_create([Appearance(pupil=pupil, media=media) for pupil in voices])
        return {"audio": media, "caption": spec.recording, "transcript": ""}

    def load_comment(self, entry, class_key, spec, published_at):
        pupil = self.pupils[class_key, spec.author]
        author = self.users[self.guardians[pupil][0] if spec.by_parent else pupil]
        answers = (spec.liked, spec.suggestion, spec.wondering)
        text = "\n".join(
            f"{prompt} {answer}" for prompt, answer in zip(PROMPTS, answers, strict=True) if answer
        )
        found = ClassComment.objects.filter(
            content_type=self.entry_type, object_pk=str(entry.pk), user=author, comment=text
        )
        if found.exists():
            return
        entry_comment(
            self.entry_type,
            entry,
            self.site,
            author,
            text,
            liked=spec.liked,
            suggestion=spec.suggestion,
            wondering=spec.wondering,
            is_public=spec.approved,
            submit_date=min(
                (published_at or self.now) + timedelta(hours=spec.hours_after), self.now
            ),
        ).save()
        self.created["comments"] += 1

    def partner_classes(self):
        """The CE1 of the Bourg reads the CP's blog in Jean-Jaurès (seed 000), and one of
        its pupils left a comment that waits for Mme Durand."""
        host, guest = self.classrooms["jaures-cp"], self.classrooms["bourg-ce1"]
        teachers = {
            classroom.pk: Membership.objects.filter(
                classroom=classroom, role=Membership.Role.TEACHER
            )
            .first()
            .user
            for classroom in (host, guest)
        }
        Partnership.objects.get_or_create(
            host=host,
            guest=guest,
            defaults={
                "status": Partnership.Status.ACCEPTED,
                "invited_by": teachers[host.pk],
                "answered_by": teachers[guest.pk],
            },
        )
        entry = BlogEntryPage.objects.child_of(host).filter(title="Les graines de haricots").first()
        emma = self.pupil("bourg-ce1", "Emma")
        if (
            entry is None
            or ClassComment.objects.filter(object_pk=str(entry.pk), user=emma).exists()
        ):
            return
        answers = {
            "liked": "la racine du haricot de Chloé, on dirait un petit fil.",
            "suggestion": "de faire un dessin du haricot chaque semaine.",
            "wondering": "combien de temps il faut pour avoir des feuilles.",
        }
        entry_comment(
            self.entry_type,
            entry,
            self.site,
            emma,
            comment_services.comment_text(**answers),
            is_public=False,
            **answers,
        ).save()
        # Told inside Préau only: the demo sends no e-mail.
        comment_waiting_notice(teachers[host.pk], emma, entry, host).save()
        self.created["comments"] += 1

    def parent_link_request(self):
        """Manon's stepmother, as the director of Jean-Jaurès typed her, has an e-mail
        address that an account of the Bourg (Emma's mother) already uses: Préau never
        links it on the address alone, so the holder is asked on "Confirm a child"."""
        holder = self.users[self.guardians[self.pupils["bourg-ce1", "Emma"]][0]]
        child = self.pupil("jaures-cp", "Manon")
        classroom = self.classrooms["jaures-cp"]
        school = classroom.get_parent().specific
        if (
            Guardianship.objects.filter(parent=holder, child=child).exists()
            or ParentLinkRequest.objects.filter(parent=holder, child=child).exists()
        ):
            return
        director = SchoolStaff.objects.filter(school=school, role=SchoolStaff.Role.DIRECTOR)
        ParentLinkRequest.objects.create(
            parent=holder,
            child=child,
            school=school,
            requested_by=director.first().user,
            typed_name=holder.get_full_name(),
        )
        # Told inside Préau only: the demo sends no e-mail.
        Notification.objects.create(
            recipient=holder,
            kind="parent_link_request",
            params={"school": school.title, "child": child.display_name},
            url=enrolment_services.link_requests_url(),
        )
        self.created["links"] += 1
