"""The newspaper of a shared space: its home, writing and reviewing articles (issues:
views_issues.py).

Every page and action gets the person's standing in the space through sharedspaces
(access.py, rules.py) and newspaper/rules.py; everyone else gets 404.
"""

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from classrooms import visibility
from classrooms.models import Membership
from messaging.attachments import recording_type
from sharedspaces.access import contributor_standing_or_404, number, standing_or_404
from submissions import drafts as local_drafts

from . import notices, rules
from .forms import ArticleForm, ReturnForm
from .models import Article, ArticleMedia, Issue, IssueArticle

ACTIVITY = rules.ACTIVITY
SHOWN = 100


def _articles():
    return Article.objects.select_related("classroom").prefetch_related("authors", "media")


def _article_or_404(standing, article_id):
    article = _articles().filter(pk=number(article_id), space=standing.space).first()
    if article is None:
        raise Http404
    return article


def signature(article) -> str:
    """ "Lucas, Emma · CM1 de M. Benali": first names beyond the class, and the class."""
    names = ", ".join(visibility.shown_name(author, False) for author in article.authors.all())
    classroom = article.classroom.title if article.classroom else ""
    return " · ".join(part for part in (names, classroom) if part)


def sections_of(space) -> list:
    used = set(Article.objects.filter(space=space).values_list("section", flat=True))
    used |= set(IssueArticle.objects.filter(issue__space=space).values_list("section", flat=True))
    return sorted(section for section in used if section)


def _writing_classes(standing) -> list:
    """The member classes this person writes in: a pupil's class, the classes they teach
    or assist in; the portal admin and a space's creator without a class: none."""
    if standing.is_pupil:
        ids = {standing.pupil_class_id}
    else:
        ids = set(standing.taught_class_ids | standing.assisted_class_ids)
        if standing.admin and not ids:
            ids = set(standing.member_class_ids)
    return [row.classroom for row in standing.classes if row.classroom_id in ids]


def _pupils_of(classroom_ids) -> list:
    return [
        place.user
        for place in Membership.objects.filter(
            classroom_id__in=list(classroom_ids),
            role=Membership.Role.PUPIL,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user_id")
    ]


def _recording_context():
    max_seconds = getattr(settings, "PREAU_AUDIO_MAX_SECONDS", 300)
    return {
        "recording_max_seconds": max_seconds,
        "recording_max_minutes": max(1, max_seconds // 60),
    }


@require_safe
@login_required
def home(request, space_id):
    standing = standing_or_404(request.user, space_id, ACTIVITY)
    space = standing.space
    issues = list(Issue.objects.filter(space=space).order_by("-number")[:SHOWN])
    mine = list(
        Article.objects.filter(space=space, authors=request.user)
        .select_related("classroom")
        .order_by("-updated_at")[:SHOWN]
    )
    waiting = []
    if standing.taught_class_ids or standing.admin:
        waiting = Article.objects.filter(space=space, status=Article.Status.SUBMITTED)
        if not standing.admin:
            waiting = waiting.filter(classroom_id__in=standing.taught_class_ids)
        waiting = list(waiting.select_related("classroom").prefetch_related("authors")[:SHOWN])
        for item in waiting:
            item.signature = signature(item)
    return render(
        request,
        "newspaper/home.html",
        {
            "standing": standing,
            "space": space,
            "published": [issue for issue in issues if issue.published_at],
            "preparing": [issue for issue in issues if not issue.published_at]
            if standing.may_manage
            else [],
            "mine": mine,
            "waiting": waiting,
            "may_write": bool(standing.may_contribute and _writing_classes(standing)),
        },
    )


def _save_article(request, standing, form, article, classroom):
    """Store the form's article (new or edited) and its new files; True when saved,
    False when the copy was outdated (the form then says so)."""
    data = form.cleaned_data
    submit = request.POST.get("action") == "submit"
    is_new = article.pk is None
    with transaction.atomic():
        if not is_new:
            current = Article.objects.select_for_update().get(pk=article.pk)
            if data.get("version") != current.version:
                return False
            article.version = current.version + 1
        article.title = data["title"]
        article.section = data["section"]
        article.body = data["body"]
        if submit:
            article.status = Article.Status.SUBMITTED
        article.save()
        pupils = {pupil.pk for pupil in _pupils_of([classroom.pk])}
        keep = (
            {author.pk for author in article.authors.all() if author.pk not in pupils}
            if not is_new
            else set()
        )
        chosen = {pk for pk in data.get("coauthors") or [] if pk in pupils}
        article.authors.set(keep | chosen | {request.user.pk})
        photo, recording = data.get("photo"), data.get("recording")
        if photo is not None:
            ArticleMedia.objects.create(
                article=article,
                kind=ArticleMedia.Kind.PHOTO,
                name=photo.name,
                content_type=mimetypes.guess_type(photo.name)[0] or "image/jpeg",
                size=photo.content.size,
                file=ContentFile(photo.content.read(), name=photo.name),
            )
        if recording is not None:
            recording.file.seek(0)
            content = recording.file.read()
            ArticleMedia.objects.create(
                article=article,
                kind=ArticleMedia.Kind.AUDIO,
                name=recording.name,
                content_type=recording_type(recording.name, "audio"),
                size=len(content),
                duration=recording.duration,
                file=ContentFile(content, name=recording.name),
            )
    if submit:
        notices.tell_waiting(article)
        messages.success(request, _("Your article waits for your teacher."))
    else:
        messages.success(request, _("Your article is saved."))
    return True


def new_draft_key(space) -> str:
    """The browser draft of a new article of this space (submissions/drafts.py)."""
    return f"newspaper-new-{space.pk}"


def draft_key(article) -> str:
    return f"newspaper-{article.pk}"


def _article_form_page(request, standing, form, article, classroom, saved=None):
    return render(
        request,
        "newspaper/edit.html",
        {
            "standing": standing,
            "space": standing.space,
            "form": form,
            "article": article,
            "classroom": classroom,
            "saved": saved,
            "draft_key": draft_key(article) if article else new_draft_key(standing.space),
            "sections": sections_of(standing.space),
            **_recording_context(),
        },
    )


@login_required
def write(request, space_id):
    """A new article, written in the person's class (or one of the classes they teach)."""
    standing = contributor_standing_or_404(request.user, space_id, ACTIVITY)
    classrooms = _writing_classes(standing)
    if not classrooms:
        raise Http404
    classroom = classrooms[0]
    if request.method == "POST" and len(classrooms) > 1:
        picked = request.POST.get("classroom")
        classroom = next((c for c in classrooms if str(c.pk) == picked), classroom)
    classmates = [pupil for pupil in _pupils_of([classroom.pk]) if pupil.pk != request.user.pk]
    article = Article(space=standing.space, classroom=classroom)
    if request.method == "POST":
        form = ArticleForm(
            request.POST, request.FILES, classmates=classmates, classrooms=classrooms
        )
        if form.is_valid() and _save_article(request, standing, form, article, classroom):
            response = redirect(
                "newspaper:article", space_id=standing.space.pk, article_id=article.pk
            )
            return local_drafts.forget(request, response, new_draft_key(standing.space))
    else:
        form = ArticleForm(classmates=classmates, classrooms=classrooms)
    return _article_form_page(request, standing, form, None, classroom)


@login_required
def edit(request, space_id, article_id):
    """An author edits a draft or an article sent back; a save from an outdated copy is
    refused, the typed text kept."""
    standing = contributor_standing_or_404(request.user, space_id, ACTIVITY)
    article = _article_or_404(standing, article_id)
    if not rules.may_edit_article(standing, request.user, article):
        raise Http404
    classroom = article.classroom
    classmates = [pupil for pupil in _pupils_of([classroom.pk]) if pupil.pk != request.user.pk]
    saved = None
    if request.method == "POST":
        form = ArticleForm(request.POST, request.FILES, classmates=classmates)
        if form.is_valid():
            if _save_article(request, standing, form, article, classroom):
                response = redirect(
                    "newspaper:article", space_id=standing.space.pk, article_id=article.pk
                )
                return local_drafts.forget(request, response, draft_key(article))
            saved = Article.objects.get(pk=article.pk)
            form.add_error(
                None,
                _(
                    "Someone saved this article while you were writing it. Your text is "
                    "still below, and the saved text under it: put them together, then "
                    "save again."
                ),
            )
            data = request.POST.copy()
            data["version"] = saved.version
            form.data = data
    else:
        form = ArticleForm(
            initial={
                "title": article.title,
                "section": article.section,
                "body": article.body,
                "version": article.version,
                "coauthors": [a.pk for a in article.authors.all() if a.pk != request.user.pk],
            },
            classmates=classmates,
        )
    return _article_form_page(request, standing, form, article, classroom, saved)


@require_safe
@login_required
def article(request, space_id, article_id):
    standing = standing_or_404(request.user, space_id, ACTIVITY)
    article = _article_or_404(standing, article_id)
    if not rules.may_see_article(standing, request.user, article):
        raise Http404
    return render(
        request,
        "newspaper/article.html",
        {
            "standing": standing,
            "space": standing.space,
            "article": article,
            "signature": signature(article),
            "may_edit": rules.may_edit_article(standing, request.user, article),
            "may_review": article.status == Article.Status.SUBMITTED
            and standing.may_review(article.classroom_id),
            "return_form": ReturnForm(),
        },
    )


def _reviewable_or_404(request, space_id, article_id):
    standing = standing_or_404(request.user, space_id, ACTIVITY)
    article = _article_or_404(standing, article_id)
    if article.status != Article.Status.SUBMITTED or not standing.may_review(article.classroom_id):
        raise Http404
    return standing, article


@require_POST
@login_required
def approve(request, space_id, article_id):
    """A teacher of the article's class approves it: it may go in an issue."""
    standing, article = _reviewable_or_404(request, space_id, article_id)
    article.status = Article.Status.APPROVED
    article.reviewed_by = request.user
    article.review_note = ""
    article.version += 1
    article.save()
    notices.tell_reviewed(article, approved=True)
    messages.success(request, _("The article is approved."))
    return redirect("newspaper:home", space_id=standing.space.pk)


@require_POST
@login_required
def send_back(request, space_id, article_id):
    """A teacher of the article's class sends it back to its authors with a note."""
    standing, article = _reviewable_or_404(request, space_id, article_id)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "newspaper/article.html",
            {
                "standing": standing,
                "space": standing.space,
                "article": article,
                "signature": signature(article),
                "may_review": True,
                "return_form": form,
            },
            status=400,
        )
    article.status = Article.Status.RETURNED
    article.reviewed_by = request.user
    article.review_note = form.cleaned_data["note"]
    article.version += 1
    article.save()
    notices.tell_reviewed(article, approved=False)
    messages.success(request, _("The article is sent back to its authors."))
    return redirect("newspaper:home", space_id=standing.space.pk)


@require_POST
@login_required
def remove_media(request, space_id, media_id):
    standing = contributor_standing_or_404(request.user, space_id, ACTIVITY)
    media = ArticleMedia.objects.filter(pk=number(media_id), article__space=standing.space).first()
    if media is None:
        raise Http404
    article = _article_or_404(standing, media.article_id)
    if not rules.may_edit_article(standing, request.user, article):
        raise Http404
    media.delete()
    messages.success(request, _("The file is removed from the article."))
    return redirect("newspaper:edit", space_id=standing.space.pk, article_id=article.pk)
