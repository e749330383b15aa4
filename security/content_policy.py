"""Content-Security-Policy: the front end runs Préau's own scripts and nothing else.

django-csp writes the header from `CONTENT_SECURITY_POLICY`: scripts and styles only
from Préau's own files, no inline script or event handler (templates carry data in
`data-` attributes, and `json_script` blocks are data, which CSP does not run), frames
only from the sites in `PREAU_CSP_FRAME_SOURCES`, and no framing of Préau's pages by
others. Wagtail's admin writes inline scripts of its own (date pickers, inline panels,
wagtailmedia, wagtail-localize), so under /admin/ it gets the policy in
`PREAU_ADMIN_CONTENT_SECURITY_POLICY`, which allows them: a compromise limited to the
people who edit in the admin, who are staff.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings

# Where preau/urls.py mounts Wagtail's admin (its previews of pages included).
ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with Wagtail's admin under a policy of its own."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.PREAU_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
