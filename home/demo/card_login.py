"""The demo's logins without typing (mixed into `DemoLoader`, cardlogin/): Jade Nguyen,
in the petite section of Mme Lefèvre, has a login card whose QR code logs her in and a
picture password (apple, dog, star, moon), and the class has a tablet link. Their secrets
are fixed so that `load_demo_data` can print the addresses to try; they are re-created
only when missing or revoked, so loading again changes nothing."""

from cardlogin import services
from cardlogin.models import ClassTabletLink, LoginCardToken, PicturePassword

CARD_CLASS = "lilas-ps"
CARD_PUPIL = "Jade"
# Demo secrets, published in the README like the demo password: never on a real school.
DEMO_CARD_TOKEN = "demo-carte-de-jade"
DEMO_TABLET_TOKEN = "demo-tablette-petite-section"
DEMO_PICTURES = ("1f34e", "1f436", "2b50", "1f319")  # apple, dog, star, moon


class DemoCardLogin:
    """Gives Jade her card and pictures and the class its tablet link, once."""

    def load_card_login(self):
        classroom = self.classrooms[CARD_CLASS]
        jade = self.users[self.pupils[CARD_CLASS, CARD_PUPIL]]
        teacher = next(
            self.users[spec.teacher]
            for spec in self.schools[CARD_CLASS].classes
            if spec.key == CARD_CLASS
        )
        card_hash = services.hash_secret(DEMO_CARD_TOKEN)
        if not LoginCardToken.objects.filter(token_hash=card_hash, revoked_at=None).exists():
            LoginCardToken.objects.filter(token_hash=card_hash).delete()
            services.issue_card_tokens([jade], teacher, token=DEMO_CARD_TOKEN)
        tablet_hash = services.hash_secret(DEMO_TABLET_TOKEN)
        if not ClassTabletLink.objects.filter(token_hash=tablet_hash, revoked_at=None).exists():
            ClassTabletLink.objects.filter(token_hash=tablet_hash).delete()
            services.issue_tablet_link(classroom, teacher, token=DEMO_TABLET_TOKEN)
        if not PicturePassword.objects.filter(user=jade).exists():
            services.set_picture_password(jade, teacher, DEMO_PICTURES)

    def card_login_paths(self):
        """What `load_demo_data` prints: the addresses to open, without the host."""
        from django.conf import settings
        from django.urls import reverse
        from django.utils import translation

        with translation.override(settings.LANGUAGE_CODE):
            return (
                reverse("cardlogin:card", kwargs={"token": DEMO_CARD_TOKEN}),
                reverse("cardlogin:tablet", kwargs={"token": DEMO_TABLET_TOKEN}),
            )
