"""When a family withdraws an answer, a published issue showing their child goes back to
the readers the answers still allow.

Publishing checks the families' answers (rules.consent_refusals); an answer can change
afterwards. consents sends answers_narrowed in the transaction of the change (received
from NewspaperConfig.ready()): every published issue with a photo or a recording by that
pupil, read beyond the space's classes, is given the widest audience the answers still
cover (public → the schools → the families → the classes of the space, which need no
answer), and the teachers of the space's classes are told why, in the sentence that
refused publishing. Its readers and its files follow at once: both are checked against
the issue's audience on every request (rules.may_read_issue), nothing is cached.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from notifications.kinds import Kind
from notifications.services import notify
from sharedspaces.models import SpaceClass
from sharedspaces.notices import GROUP, teachers_of

from . import rules
from .models import Issue

TAKEN_BACK = "newspaper_issue_taken_back_for_consent"

# From the widest readers to the narrowest: an issue goes down this list until the
# answers cover it; the space's own classes need no answer.
NARROWER = (
    Issue.Audience.PUBLIC,
    Issue.Audience.SCHOOLS,
    Issue.Audience.FAMILIES,
    Issue.Audience.MEMBERS,
)


def notification_kinds():
    """Registered from NewspaperConfig.ready()."""
    return [
        Kind(
            TAKEN_BACK,
            gettext_lazy(
                "The newspaper “%(space)s” N° %(number)s is now for %(audience)s only. %(reasons)s"
            ),
            gettext_lazy("A newspaper issue was taken back from its readers"),
            group=GROUP,
        )
    ]


def answers_narrowed_received(sender, pupil, narrowed, **kwargs):
    take_back_issues(pupil)


def take_back_issues(pupil) -> list:
    """Narrow every published issue showing this pupil beyond what their family allows;
    returns the issues narrowed. One query when the pupil is in no published issue."""
    issues = (
        Issue.objects.filter(
            published_at__isnull=False,
            audience__in=NARROWER[:-1],
            placements__article__authors=pupil,
            placements__article__media__isnull=False,
        )
        .select_related("space", "created_by")
        .distinct()
    )
    narrowed = []
    for issue in issues:
        with translation.override(settings.LANGUAGE_CODE):
            reasons = rules.consent_refusals(issue)
        if not reasons:
            continue
        for audience in NARROWER[NARROWER.index(issue.audience) + 1 :]:
            issue.audience = audience
            if not rules.consent_refusals(issue):
                break
        issue.save(update_fields=["audience"])
        _tell(issue, reasons)
        narrowed.append(issue)
    return narrowed


def _tell(issue, reasons) -> None:
    classes = SpaceClass.objects.filter(
        space_id=issue.space_id, status=SpaceClass.Status.ACCEPTED
    ).values_list("classroom_id", flat=True)
    with translation.override(settings.LANGUAGE_CODE):
        audience = str(Issue.Audience(issue.audience).label).lower()
    notify(
        [*teachers_of(classes), issue.created_by],
        TAKEN_BACK,
        url=reverse("newspaper:issue", kwargs={"space_id": issue.space_id, "issue_id": issue.pk}),
        space=issue.space.title,
        number=issue.number,
        audience=audience,
        reasons=" ".join(reasons),
    )
