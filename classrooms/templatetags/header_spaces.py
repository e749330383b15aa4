"""`{% current_space my_spaces request.path as current %}`: the header switcher's space.

The space the page being read belongs to (its address starts with the space's), so the
switcher names where the person is: "Jade · Petite section" for a parent of two
children, a teacher's class rather than their own child's. None elsewhere.
"""

from django import template

register = template.Library()


@register.simple_tag
def current_space(spaces, path):
    """The header's space (`in_header`) with the longest address that starts the path."""
    best = None
    for space in spaces:
        if not space.in_header or not space.url or not path.startswith(space.url):
            continue
        if best is None or len(space.url) > len(best.url):
            best = space
    return best
