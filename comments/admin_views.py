"""The Wagtail admin's comment listing: what the front end's queues show, class by class,
gathered in one place for the people who moderate several classes.

The listing and its two actions ask the permission policy (admin_permissions.py) which
comments are the person's; publishing and refusing go through services.py, like on the
front end, so the authors and the pupils hear of it the same way.
"""

import django_filters
from django import forms
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from classrooms.models import BlogEntryPage

from . import services
from .admin_permissions import MODERATE_ACTION, entry_of
from .forms import RejectForm
from .models import ClassComment, CommentStatus

# What each status means in the database (ClassComment.status, the other way round).
STATUS_LOOKUPS = {
    CommentStatus.PUBLISHED: {"is_public": True, "is_removed": False},
    CommentStatus.PENDING: {"is_public": False, "is_removed": False},
    CommentStatus.REJECTED: {"is_removed": True},
}

TEXT_LENGTH = 120


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=capfirst(_("status")),
        choices=CommentStatus.choices,
        method="filter_status",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ClassComment
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(**STATUS_LOOKUPS[value])


def author_name(comment):
    """The name the class knows ("Léa M."), or the one kept if the account is gone."""
    return comment.user.display_name if comment.user else comment.user_name


def short_text(comment):
    """The words on one short line: enough to decide, the entry shows them whole."""
    return Truncator(" ".join(comment.comment.split())).chars(TEXT_LENGTH)


def status_label(comment):
    """The status, and whether a reader reported it: the front end's wording."""
    if comment.status == CommentStatus.PENDING and comment.flagged_at:
        return _("Reported: waiting for the teacher")
    return comment.get_status_display()


class ModerationColumn(BaseColumn):
    """Publish, or do not publish with a reason the author reads: two small POST forms.

    Table cells are rendered without a request context, so the CSRF token and the way
    back to this page of the listing (filters included) are handed to the template.
    """

    cell_template_name = "comments/admin/moderation_cell.html"

    def __init__(self, name, *, approve_url_name, reject_url_name, index_url_name, **kwargs):
        super().__init__(name, **kwargs)
        self.approve_url_name = approve_url_name
        self.reject_url_name = reject_url_name
        self.index_url_name = index_url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = context["request"]
        # The results-only view answers the filters' requests: come back to the full page.
        query = request.GET.copy()
        query.pop("_w_filter_fragment", None)
        back = reverse(self.index_url_name)
        context.update(
            csrf_token=get_token(request),
            next_url=f"{back}?{query.urlencode()}" if query else back,
            approve_url=reverse(self.approve_url_name, args=(instance.pk,)),
            reject_url=reverse(self.reject_url_name, args=(instance.pk,)),
            may_approve=instance.status != CommentStatus.PUBLISHED,
            may_reject=instance.status != CommentStatus.REJECTED,
        )
        return context


class CommentIndexView(IndexView):
    """Comments on the blog entries of the person's classes, newest first."""

    model = ClassComment
    any_permission_required = [MODERATE_ACTION]
    default_ordering = "-submit_date"
    filterset_class = CommentFilterSet
    approve_url_name = None
    reject_url_name = None

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, MODERATE_ACTION
        ).select_related("user")

    def order_queryset(self, queryset):
        # Comments sent within the same instant keep one order from page to page.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-pk")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, comments, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = comments = self.with_entries(list(comments))
        return paginator, page, comments, is_paginated

    def with_entries(self, comments):
        """Attach each comment's entry and its address, in one query for the whole page."""
        entries = BlogEntryPage.objects.in_bulk([int(c.object_pk) for c in comments])
        for comment in comments:
            comment.entry = entries.get(int(comment.object_pk))
            comment.entry_title = comment.entry.title if comment.entry else ""
            comment.entry_url = self.entry_url(comment)
        return comments

    def entry_url(self, comment):
        url = comment.entry.get_url(self.request) if comment.entry else None
        return f"{url}#comment-{comment.pk}" if url else None

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "entry",
                label=capfirst(BlogEntryPage._meta.verbose_name),
                accessor="entry_title",
                get_url=lambda comment: comment.entry_url,
            ),
            Column("author", label=_("Written by"), accessor=author_name),
            Column("text", label=capfirst(ClassComment._meta.verbose_name), accessor=short_text),
            StatusTagColumn(
                "status",
                label=capfirst(_("status")),
                accessor=status_label,
                primary=lambda comment: comment.status == CommentStatus.PENDING,
            ),
            DateColumn("submit_date", label=_("Date"), sort_key="submit_date"),
            ModerationColumn(
                "moderation",
                label=_("Moderate"),
                approve_url_name=self.approve_url_name,
                reject_url_name=self.reject_url_name,
                index_url_name=self.index_url_name,
            ),
        ]


class ModerateCommentView(View):
    """POST only: publish (approve) or do not publish (reject) one comment, then go back.

    The person's right is checked again on the comment's own class: the listing showing
    it is no proof. Anything else answers 404, so nobody learns that a comment exists in
    a class they do not moderate.
    """

    http_method_names = ["post"]
    action = None  # "approve" or "reject"
    index_url_name = None

    def post(self, request, pk):
        comment = get_object_or_404(ClassComment, pk=pk)
        policy = policy_registry.get_by_type(ClassComment)
        if not policy.user_has_permission_for_instance(request.user, MODERATE_ACTION, comment):
            raise Http404
        entry = entry_of(comment)
        if self.action == "approve":
            services.approve(comment, entry, request.user)
            messages.success(request, _("The comment is published."))
        else:
            form = RejectForm(request.POST)
            if not form.is_valid():
                for error in form.errors.get("reason", []):
                    messages.error(request, error)
                return redirect(self.back_url(request))
            services.reject(comment, entry, request.user, form.cleaned_data["reason"])
            messages.success(
                request, _("The comment will not be published; its author is told why.")
            )
        return redirect(self.back_url(request))

    def back_url(self, request):
        return get_valid_next_url_from_request(request) or reverse(self.index_url_name)


class CommentModerationViewSet(ViewSet):
    """The "Comments" admin menu item, its listing and its two actions.

    A plain ViewSet rather than a ModelViewSet: comments are never added, edited or
    deleted here, so there are no such views, nor their URLs and model permissions.
    """

    name = "class_comments"  # the front end's URL namespace is already "comments"
    url_prefix = "comments"
    icon = "comment"
    add_to_admin_menu = True
    menu_order = 150  # just after Pages: teachers come to the admin for these two
    index_view_class = CommentIndexView
    moderate_view_class = ModerateCommentView
    list_per_page = 20
    menu_label = _("Comments")

    @cached_property
    def menu_item_class(self):
        """Shown to those the policy lets moderate at least one class."""
        any_permission_required = self.index_view_class.any_permission_required

        class CommentsMenuItem(MenuItem):
            def is_shown(self, request):
                policy = policy_registry.get_by_type(ClassComment)
                return policy.user_has_any_permission(request.user, any_permission_required)

        return CommentsMenuItem

    def index_view_kwargs(self, **kwargs):
        return {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "approve_url_name": self.get_url_name("approve"),
            "reject_url_name": self.get_url_name("reject"),
            "header_icon": self.icon,
            "paginate_by": self.list_per_page,
            **kwargs,
        }

    def get_urlpatterns(self):
        index = self.index_view_class
        moderate = self.moderate_view_class
        back = self.get_url_name("index")
        return [
            path("", index.as_view(**self.index_view_kwargs()), name="index"),
            path(
                "results/",
                index.as_view(**self.index_view_kwargs(results_only=True)),
                name="index_results",
            ),
            path(
                "<int:pk>/approve/",
                moderate.as_view(action="approve", index_url_name=back),
                name="approve",
            ),
            path(
                "<int:pk>/reject/",
                moderate.as_view(action="reject", index_url_name=back),
                name="reject",
            ),
        ]
