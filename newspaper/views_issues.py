"""A newspaper's issues: started, assembled and published by those who run the space,
read by their audience (perhaps without an account, for a public issue), with their
articles' files. Everyone else gets 404; someone not signed in is asked to sign in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.db.models import Max, Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from classrooms.files import stored_upload_response
from sharedspaces.access import number, standing_or_404

from . import notices, rules
from .forms import IssueForm, placement_fields
from .models import Article, ArticleMedia, Issue, IssueArticle
from .views import ACTIVITY, sections_of, signature


@require_safe
def media_file(request, space_id, media_id, name):
    """An article's photo or recording: to those who may see the article, or read a
    published issue holding it (perhaps without an account, for a public issue)."""
    standing = rules.space_standing(request.user, space_id)
    media = (
        ArticleMedia.objects.select_related("article")
        .filter(pk=number(media_id), article__space=standing.space)
        .first()
    )
    if media is None or media.name != name:
        raise Http404
    article = media.article
    if not (
        rules.may_see_article(standing, request.user, article)
        or rules.in_readable_issue(standing, request.user, article.pk)
    ):
        return _refused(request)
    return stored_upload_response(request, media, download=False)


@require_POST
@login_required
def new_issue(request, space_id):
    """Those who run the space start an issue, numbered after the last one."""
    standing = standing_or_404(request.user, space_id, ACTIVITY)
    if not standing.may_manage:
        raise Http404
    with transaction.atomic():
        last = Issue.objects.filter(space=standing.space).aggregate(last=Max("number"))["last"]
        issue = Issue.objects.create(
            space=standing.space, number=(last or 0) + 1, created_by=request.user
        )
    return redirect("newspaper:assemble", space_id=standing.space.pk, issue_id=issue.pk)


@login_required
def assemble(request, space_id, issue_id):
    """Choose the approved articles of an issue, their sections and order, its readers;
    publish it (not for everyone while a pupil's photo or voice lacks consent)."""
    standing = standing_or_404(request.user, space_id, ACTIVITY)
    if not standing.may_manage:
        raise Http404
    issue = Issue.objects.filter(
        pk=number(issue_id), space=standing.space, published_at__isnull=True
    ).first()
    if issue is None:
        raise Http404
    articles = list(
        Article.objects.filter(space=standing.space, status=Article.Status.APPROVED)
        .select_related("classroom")
        .prefetch_related("authors", "media", "placements__issue")
        .order_by("section", "pk")
    )
    placed = {placement.article_id: placement for placement in issue.placements.all()}
    refusals = []
    if request.method == "POST":
        form = IssueForm(request.POST)
        rows = placement_fields(request.POST, articles)
        if form.is_valid():
            with transaction.atomic():
                issue.title = form.cleaned_data["title"]
                issue.audience = form.cleaned_data["audience"]
                issue.save()
                issue.placements.all().delete()
                IssueArticle.objects.bulk_create(
                    IssueArticle(issue=issue, article=a, section=s, position=p)
                    for a, chosen, s, p in rows
                    if chosen
                )
            if request.POST.get("action") == "publish":
                refusals = _publish(request, standing, issue)
                if not refusals:
                    return redirect(
                        "newspaper:issue", space_id=standing.space.pk, issue_id=issue.pk
                    )
            else:
                messages.success(request, _("The issue is saved."))
                return redirect("newspaper:assemble", space_id=standing.space.pk, issue_id=issue.pk)
    else:
        form = IssueForm(initial={"title": issue.title, "audience": issue.audience})
        rows = [
            (
                a,
                a.pk in placed,
                placed[a.pk].section if a.pk in placed else a.section,
                placed[a.pk].position if a.pk in placed else index,
            )
            for index, a in enumerate(articles, start=1)
        ]
    for article_row, *_rest in rows:
        article_row.signature = signature(article_row)
        article_row.published_in = [
            placement.issue.number
            for placement in article_row.placements.all()
            if placement.issue.published_at and placement.issue_id != issue.pk
        ]
    return render(
        request,
        "newspaper/assemble.html",
        {
            "standing": standing,
            "space": standing.space,
            "issue": issue,
            "form": form,
            "rows": rows,
            "refusals": refusals,
            "sections": sections_of(standing.space),
        },
    )


def _publish(request, standing, issue) -> list:
    if not issue.placements.exists():
        return [_("Choose at least one article for the issue.")]
    refusals = rules.consent_refusals(issue)
    if refusals:
        return refusals
    issue.published_at = timezone.now()
    issue.save(update_fields=["published_at"])
    notices.tell_published(issue, standing)
    messages.success(request, _("The issue is published."))
    return []


def _refused(request):
    """Someone not signed in is asked to (the issue may be for the families); anyone
    else gets 404, like for a page that does not exist."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


@require_safe
def issue(request, space_id, issue_id):
    """An issue: its sections, their articles with photos and voices, printable. A
    published issue is for its readers (perhaps everyone); one in preparation for the
    space's members."""
    standing = rules.space_standing(request.user, space_id)
    placements = Prefetch(
        "placements",
        queryset=IssueArticle.objects.select_related("article__classroom")
        .prefetch_related("article__authors", "article__media")
        .order_by("position", "pk"),
    )
    issue = (
        Issue.objects.filter(pk=number(issue_id), space=standing.space)
        .prefetch_related(placements)
        .first()
    )
    if issue is None:
        raise Http404
    if not rules.may_read_issue(standing, request.user, issue):
        return _refused(request)
    sections = {}
    for placement in issue.placements.all():
        placement.signature = signature(placement.article)
        sections.setdefault(placement.section, []).append(placement)
    return render(
        request,
        "newspaper/issue.html",
        {
            "standing": standing,
            "space": standing.space,
            "issue": issue,
            "sections": list(sections.items()),
            "member": standing.may_read,
        },
    )
