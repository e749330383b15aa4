"""The Wagtail admin as a school's staff first meets it: its dashboard and the page
editor's actions, in the portal's words.

- wagtailmedia's dashboard line ("1 Media file created in …") has no French: it is
  replaced by the same line from our template, whose strings our catalogue translates.
- The page editor offered "Unpublish" twice, in the header's "…" menu and again under the
  "Publish" button: the header keeps it, the publishing menu holds what saves the page.
"""

from wagtailmedia.wagtail_hooks import MediaSummaryItem

UNPUBLISH = "action-unpublish"


class PortalMediaSummaryItem(MediaSummaryItem):
    """wagtailmedia's count of audio and video files, in a translated template."""

    template_name = "pages/admin/site_summary_media.html"


def translate_media_summary(request, items):
    """construct_homepage_summary_items hook, run after wagtailmedia's (order=100)."""
    items[:] = [
        PortalMediaSummaryItem(request)
        if type(item) is MediaSummaryItem  # noqa: E721 (exactly wagtailmedia's, not ours)
        else item
        for item in items
    ]


def unpublish_once(menu_items, request, context):
    """construct_page_action_menu hook: the editor's header already offers "Unpublish"."""
    if context.get("view") == "edit":
        menu_items[:] = [item for item in menu_items if item.name != UNPUBLISH]
