"""Template helpers of the homework diary."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def file_url(row):
    """The permission-checked address of a session's file (views.session_file)."""
    return reverse("homework:file", kwargs={"file_id": row.pk, "name": row.name})
