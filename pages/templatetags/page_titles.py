"""`{% filter with_site_name %}…{% endfilter %}`: a tab's title, "Page · Préau".

The site's own name is not repeated: the portal page, titled "Préau", reads "Préau"
rather than "Préau · Préau", and a page without a title reads "Préau" alone.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

SITE_NAME = "Préau"


@register.filter(is_safe=True)
def with_site_name(title) -> str:
    title = " ".join(str(conditional_escape(title)).split())
    if not title or title == SITE_NAME:
        return SITE_NAME
    return mark_safe(f"{title} · {SITE_NAME}")
