"""Which pages anyone may read: Wagtail's `.public()`, written into the query itself."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public_filter():
    """Wagtail's `.public()` in the query itself: no view restriction on the page or above.

    `.public()` reads every restriction first, one more query each time it is used.
    """
    return ~Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )
