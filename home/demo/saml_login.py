"""The demo's EduConnect identity (mixed into `DemoLoader`, federation/saml/): Vincent
Moreau's account is linked to the identifier the development IdP gives him
(scripts/saml_dev_idp.py), so « EduConnect » on the login page signs him in once that
IdP runs. Laëtitia Bernard's is not linked: she can try linking from "My spaces"."""

from federation import identities
from federation.models import ExternalIdentity

SAML_PROVIDER = "educonnect"
# The development IdP's users (scripts/saml_dev_idp.py): username → identifier.
DEMO_SAML_SUBJECTS = {"vincent.moreau": "DEMO-EDU-VINCENT-MOREAU"}


class DemoSamlLogin:
    """Links the demo parent's account to his development EduConnect identity, once."""

    def load_saml_login(self):
        for user in self.users.values():
            subject = DEMO_SAML_SUBJECTS.get(user.username)
            if (
                subject
                and not ExternalIdentity.objects.filter(
                    provider=SAML_PROVIDER, subject=subject
                ).exists()
            ):
                identities.link(user, SAML_PROVIDER, subject)
