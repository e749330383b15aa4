"""The exercises' parts of the Wagtail admin: H5P activities (exercises/h5p/admin.py)."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .h5p.admin import PackagePolicy, PackageViewSet
from .h5p.package import H5PPackage

register_permission_policy(H5PPackage, PackagePolicy(H5PPackage))
register_snippet(PackageViewSet)
