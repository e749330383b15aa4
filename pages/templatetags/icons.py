"""`{% icon "name" "extra-class" %}`: a symbol of the sprite, drawn by every page.

A tag rather than an included template: pages show dozens of icons, and an include costs
a template lookup and a new context each time, for four attributes.
"""

import functools

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

SPRITE = "icons/sprite.svg"


@functools.cache
def sprite_url() -> str:
    """The sprite's address, looked up once per process: its hashed name is fixed by
    collectstatic before the server starts."""
    return static(SPRITE)


@register.simple_tag
def icon(name, css_class=""):
    """Decorative: hidden from assistive technologies, the text beside it says what it means."""
    return format_html(
        '<svg class="icon{}" aria-hidden="true" focusable="false" width="24" height="24">'
        '<use href="{}#{}"></use></svg>',
        f" {css_class}" if css_class else "",
        sprite_url(),
        name,
    )
