"""Replace Wagtail's welcome page with the portal home, and point the default site at it."""

from django.db import migrations


def create_portal(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    PortalPage = apps.get_model("home.PortalPage")

    if PortalPage.objects.exists():
        return
    # Wagtail's own initial migration creates a welcome page at depth 2.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", slug="home").delete()
    root = Page.objects.get(depth=1)
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    content_type, _ = ContentType.objects.get_or_create(model="portalpage", app_label="home")
    siblings = Page.objects.filter(depth=2).count()
    portal = PortalPage.objects.create(
        title="Préau",
        draft_title="Préau",
        slug="accueil",
        content_type=content_type,
        path=f"{root.path}{siblings + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale=locale,
        live=True,
        intro="",
    )
    root.numchild = siblings + 1
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page=portal, is_default_site=True)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_portal, migrations.RunPython.noop)]
