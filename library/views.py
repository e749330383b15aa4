"""The library's pages: the home with its search and filters, a resource with its
preview, publishing, editing and deleting one's own, using one in a class, and "my
library". Each asks access.py first (404 for everyone outside)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pages.models import SchoolPage

from . import preview, rules, search, services
from .access import library_or_404, own_resource_or_404, resource_or_404
from .forms import ResourceForm, SearchForm, UseForm
from .models import Resource, ResourceUse
from .taxonomy import LICENCE_URLS, TEMPLATE_KINDS, Kind
from .uploads import drop_files

SHOWN = 60


def _with_counts(queryset):
    return queryset.select_related("school").annotate(
        use_count=Count("uses__classroom", distinct=True)
    )


@login_required
def home(request):
    library_or_404(request.user)
    readable = rules.readable(request.user)
    schools = list(
        SchoolPage.objects.filter(pk__in=readable.values("school_id"))
        .order_by("title")
        .values_list("pk", "title")
    )
    form = SearchForm(request.GET or None, schools=schools)
    filters = form.filters()
    found = search.apply_filters(readable, filters)
    resources = list(_with_counts(found)[:SHOWN])
    return render(
        request,
        "library/home.html",
        {"form": form, "resources": resources, "searched": bool(filters)},
    )


@login_required
def detail(request, resource_id):
    resource = resource_or_404(request.user, resource_id)
    uses = ResourceUse.objects.filter(resource=resource)
    return render(
        request,
        "library/detail.html",
        {
            "resource": resource,
            "files": list(resource.files.all()),
            "preview": preview.of(resource),
            "may_edit": rules.may_edit(request.user, resource),
            "use_form": UseForm(user=request.user),
            "use_count": uses.values("classroom").distinct().count(),
            "licence_url": LICENCE_URLS.get(resource.licence, ""),
            "is_template": resource.kind in TEMPLATE_KINDS,
        },
    )


@login_required
def new(request):
    library_or_404(request.user)
    form = ResourceForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        resource = form.save()
        messages.success(request, _("Your resource is published in the library."))
        return redirect("library:detail", resource_id=resource.pk)
    return render(request, "library/form.html", {"form": form, "resource": None})


@login_required
def edit(request, resource_id):
    resource = own_resource_or_404(request.user, resource_id)
    author = resource.author or request.user
    form = ResourceForm(request.POST or None, request.FILES or None, instance=resource, user=author)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes are saved."))
        return redirect("library:detail", resource_id=resource.pk)
    return render(request, "library/form.html", {"form": form, "resource": resource})


@login_required
def delete(request, resource_id):
    resource = own_resource_or_404(request.user, resource_id)
    if request.method == "POST":
        drop_files(resource)
        resource.delete()
        messages.success(request, _("The resource is deleted from the library."))
        return redirect("library:mine")
    return render(request, "library/delete.html", {"resource": resource})


@login_required
@require_POST
def use(request, resource_id):
    resource = resource_or_404(request.user, resource_id)
    form = UseForm(request.POST, user=request.user)
    if resource.kind in TEMPLATE_KINDS and resource.source_page_id is None:
        messages.error(request, _("This template's exercise or assignment no longer exists."))
        return redirect("library:detail", resource_id=resource.pk)
    if not form.is_valid() or not rules.may_use_in(request.user, form.cleaned_data["classroom"]):
        raise Http404  # only a forged form names a class the person does not teach
    page = services.use_in_class(resource, form.cleaned_data["classroom"], request.user)
    if resource.kind in TEMPLATE_KINDS:
        messages.success(
            request,
            _("A draft is ready in your class: review it, then publish it when you wish."),
        )
        if resource.kind == Kind.EXERCISE:
            # The class's exercise builder, where its teachers review and give exercises.
            return redirect("exercises:builder", exercise_id=page.pk)
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    messages.success(request, _("The resource is on your class's wall."))
    return redirect(page.url)


@login_required
def mine(request):
    library_or_404(request.user)
    published = list(
        _with_counts(Resource.objects.filter(author=request.user)).order_by("-created_at")
    )
    used = list(
        ResourceUse.objects.filter(user=request.user)
        .select_related("resource", "classroom", "page")
        .order_by("-used_at")[:SHOWN]
    )
    return render(request, "library/mine.html", {"published": published, "used": used})
