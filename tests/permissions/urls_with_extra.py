"""The project's URLs plus one view nobody has listed: the coverage test must catch it."""

from django.http import HttpResponse
from django.urls import path

from preau.urls import urlpatterns as project_urlpatterns


def export_pupils(request):
    return HttpResponse("every pupil of the portal")


urlpatterns = [
    *project_urlpatterns,
    path("export-des-eleves/", export_pupils, name="export_pupils"),
]
