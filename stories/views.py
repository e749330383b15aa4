"""The pages of a story in turn: the story (opening, published chapters, whose turn),
the class's chapter being written, and the teacher's publish / send back, the managers'
opening and end. Every page and action goes through sharedspaces.access: 404 to anyone
outside the space, and to anyone whose class is not in turn on the writing page."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sharedspaces.access import number, staff_standing_or_404, standing_or_404

from . import notices, turns
from .forms import ChapterForm, ReturnForm, StoryForm
from .models import Chapter, Story

ACTIVITY = "story"


def _published(story) -> list:
    """The story's published chapters, in order, with their class and writers: 3 queries."""
    if story is None:
        return []
    writers = get_user_model().objects.only("first_name").order_by("first_name", "pk")
    return list(
        story.chapters.filter(status=Chapter.Status.PUBLISHED)
        .select_related("classroom")
        .prefetch_related(Prefetch("written_by", queryset=writers))
        .order_by("number", "pk")
    )


def _own_class_ids(standing) -> frozenset:
    return standing.pupil_class_ids | standing.taught_class_ids | standing.assisted_class_ids


class Turn:
    """Where the story stands for one viewer."""

    def __init__(self, standing):
        self.standing = standing
        self.story = Story.objects.filter(space=standing.space).first()
        self.published = _published(self.story)
        self.row = turns.class_in_turn(self.story, standing.classes, self.published)
        self.next_row = turns.class_after(self.story, standing.classes, self.published, self.row)
        self.number = len(self.published) + 1
        own = _own_class_ids(standing)
        self.may_write = self.row is not None and (standing.admin or self.row.classroom_id in own)
        self.mine_is_next = (
            self.next_row is not None
            and self.next_row.classroom_id in own
            and (self.row is None or self.row.classroom_id not in own)
        )
        self.may_review = self.row is not None and standing.may_review(self.row.classroom_id)
        self.draft = None
        if self.may_write:
            self.draft = (
                Chapter.objects.filter(story=self.story, classroom_id=self.row.classroom_id)
                .exclude(status=Chapter.Status.PUBLISHED)
                .first()
            )

    @property
    def locked(self):
        """A submitted chapter waits for the teacher: the pupils no longer change it."""
        return (
            self.draft is not None
            and self.draft.status == Chapter.Status.SUBMITTED
            and not self.may_review
        )


def _turn_or_404(user, space_id) -> Turn:
    """Only the people of the class whose turn it is (and the portal admin)."""
    turn = Turn(standing_or_404(user, space_id, ACTIVITY))
    if not turn.may_write:
        raise Http404
    return turn


@login_required
def home(request, space_id):
    standing = standing_or_404(request.user, space_id, ACTIVITY)
    return _render_home(request, Turn(standing))


def _render_home(request, turn, story_form=None):
    standing = turn.standing
    if story_form is None and standing.may_manage:
        story_form = StoryForm(instance=turn.story)
    return render(
        request,
        "stories/home.html",
        {
            "standing": standing,
            "turn": turn,
            "story": turn.story,
            "story_form": story_form,
        },
    )


@login_required
@require_POST
def opening(request, space_id):
    """The managers write (or correct) the opening: it makes the story start."""
    standing = staff_standing_or_404(request.user, space_id, ACTIVITY)
    turn = Turn(standing)
    form = StoryForm(request.POST, instance=turn.story or Story(space=standing.space))
    if not form.is_valid():
        return _render_home(request, turn, story_form=form)
    started = turn.story is None
    story = form.save()
    if started:
        first = turns.class_in_turn(story, standing.classes, [])
        if first is not None:
            notices.tell_turn(story, first.classroom, 1)
    messages.success(request, _("The opening is saved."))
    return redirect("stories:home", space_id=standing.space.pk)


@login_required
@require_POST
def finish(request, space_id):
    """The managers end the story (no more turns), or take it up again."""
    standing = staff_standing_or_404(request.user, space_id, ACTIVITY)
    story = Story.objects.filter(space=standing.space).first()
    if story is None:
        raise Http404
    story.finished = request.POST.get("finished") == "1"
    story.save(update_fields=["finished"])
    if story.finished:
        messages.success(request, _("The story is finished: no more turns."))
    else:
        messages.success(request, _("The story goes on."))
    return redirect("stories:home", space_id=standing.space.pk)


def _render_write(request, turn, form=None, return_form=None, current=None, status=200):
    draft = turn.draft
    if form is None:
        form = ChapterForm(instance=draft, initial={"version": draft.version if draft else 0})
    return render(
        request,
        "stories/write.html",
        {
            "standing": turn.standing,
            "turn": turn,
            "story": turn.story,
            "draft": draft,
            "form": form,
            "return_form": return_form or ReturnForm(),
            "current": current,
            "last": turn.published[-1] if turn.published else None,
        },
        status=status,
    )


@login_required
def write(request, space_id):
    """The chapter of the class in turn: one shared text its pupils and teachers write
    together. A save made on an older copy is refused and the typed text kept."""
    turn = _turn_or_404(request.user, space_id)
    if request.method != "POST":
        return _render_write(request, turn)
    if turn.locked:
        messages.error(request, _("Your chapter waits for your teacher: it cannot be changed now."))
        return redirect("stories:write", space_id=turn.standing.space.pk)
    form = ChapterForm(request.POST, instance=turn.draft)
    if not form.is_valid():
        return _render_write(request, turn, form=form)
    submit = "submit" in request.POST and not turn.may_review
    chapter = _save(request.user, turn, form.cleaned_data, submit)
    if chapter is None:
        current = (
            Chapter.objects.filter(story=turn.story, classroom_id=turn.row.classroom_id)
            .exclude(status=Chapter.Status.PUBLISHED)
            .first()
        )
        turn.draft = current
        data = request.POST.copy()
        data["version"] = current.version if current else 0
        messages.error(
            request,
            _(
                "Someone of your class saved the chapter while you were writing. Your text "
                "is kept below and the saved chapter is shown under it: put them together, "
                "then save again."
            ),
        )
        return _render_write(request, turn, form=ChapterForm(data), current=current)
    if pupil_of(turn, request.user):
        chapter.written_by.add(request.user)
    if submit:
        notices.tell_submitted(turn.story, chapter, turn.number)
        messages.success(request, _("Your chapter waits for your teacher."))
        return redirect("stories:home", space_id=turn.standing.space.pk)
    messages.success(request, _("The chapter is saved."))
    return redirect("stories:write", space_id=turn.standing.space.pk)


def pupil_of(turn, user):
    return turn.row.classroom_id in turn.standing.pupil_class_ids and not turn.standing.is_staff


def _save(user, turn, data, submit):
    """The saved chapter, or None when the text was typed on an outdated copy."""
    version = data["version"]
    draft = turn.draft
    now = timezone.now()
    if draft is None:
        if version != 0:
            return None
        try:
            with transaction.atomic():
                return Chapter.objects.create(
                    story=turn.story,
                    classroom_id=turn.row.classroom_id,
                    number=turn.number,
                    title=data["title"],
                    body=data["body"],
                    status=Chapter.Status.SUBMITTED if submit else Chapter.Status.DRAFT,
                    version=1,
                    updated_by=user,
                )
        except IntegrityError:
            return None
    status = Chapter.Status.SUBMITTED if submit else draft.status
    changed = (
        Chapter.objects.filter(pk=draft.pk, version=version)
        .exclude(status=Chapter.Status.PUBLISHED)
        .update(
            title=data["title"],
            body=data["body"],
            status=status,
            number=turn.number,
            version=version + 1,
            updated_by=user,
            updated_at=now,
        )
    )
    if not changed:
        return None
    draft.refresh_from_db()
    return draft


def _chapter_for_review(turn, chapter_id):
    """The chapter being written by the class in turn, for a teacher of that class."""
    chapter_id = number(chapter_id)
    draft = turn.draft
    if draft is None or draft.pk != chapter_id or not turn.may_review:
        raise Http404
    return draft


def _changed_since_read(request, chapter) -> bool:
    """The class saved the chapter after the teacher opened it: nothing is published or
    sent back unread; the teacher reads the new text first."""
    if request.POST.get("version") == str(chapter.version):
        return False
    messages.error(
        request,
        _("The class changed the chapter since you opened it: read it again, then decide."),
    )
    return True


@login_required
@require_POST
def publish(request, space_id, chapter_id):
    """A teacher of the class in turn publishes its chapter; the next class is told."""
    turn = _turn_or_404(request.user, space_id)
    chapter = _chapter_for_review(turn, chapter_id)
    if _changed_since_read(request, chapter):
        return redirect("stories:write", space_id=turn.standing.space.pk)
    if not chapter.body.strip():
        messages.error(request, _("The chapter is empty: there is nothing to publish yet."))
        return redirect("stories:write", space_id=turn.standing.space.pk)
    chapter.status = Chapter.Status.PUBLISHED
    chapter.number = turn.number
    chapter.published_at = timezone.now()
    chapter.published_by = request.user
    chapter.review_note = ""
    chapter.version += 1
    try:
        with transaction.atomic():
            chapter.save()
    except IntegrityError:
        raise Http404 from None
    following = turns.class_in_turn(turn.story, turn.standing.classes, [*turn.published, chapter])
    if following is not None:
        notices.tell_turn(turn.story, following.classroom, turn.number + 1)
    messages.success(
        request,
        _("Chapter %(number)s is published.") % {"number": turn.number},
    )
    return redirect("stories:home", space_id=turn.standing.space.pk)


@login_required
@require_POST
def send_back(request, space_id, chapter_id):
    """A teacher of the class in turn sends its chapter back with a note."""
    turn = _turn_or_404(request.user, space_id)
    chapter = _chapter_for_review(turn, chapter_id)
    if _changed_since_read(request, chapter):
        return redirect("stories:write", space_id=turn.standing.space.pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        return _render_write(request, turn, return_form=form)
    chapter.status = Chapter.Status.RETURNED
    chapter.review_note = form.cleaned_data["note"]
    chapter.version += 1
    chapter.save(update_fields=["status", "review_note", "version", "updated_at"])
    notices.tell_returned(turn.story, chapter)
    messages.success(request, _("The chapter is sent back to the class with your note."))
    return redirect("stories:write", space_id=turn.standing.space.pk)
