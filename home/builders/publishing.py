"""A page added and published as an editor would, so every handler and log entry follows."""


def publish_as(parent, page, owner):
    """Add `page` below `parent` and publish its first revision on `owner`'s behalf.

    Seeded staff hold no Wagtail page permissions yet: the seeder publishes for them.
    Returns the published revision.
    """
    page.owner = owner
    page.live = True
    parent.add_child(instance=page)
    revision = page.save_revision(user=owner)
    revision.publish(user=owner, skip_permission_checks=True)
    return revision
