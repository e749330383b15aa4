from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("preau_school_actions")
def rollover_action(school, user):
    """The school's management page offers the rollover (its view checks the director)."""
    return [
        (
            reverse("schoolyear:rollover", kwargs={"school_id": school.pk}),
            _("Go to the next school year"),
            "calendar",
        )
    ]
