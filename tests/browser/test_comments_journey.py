"""Moderated constructive comments between partner classes, tried as new users would.

Claire, who teaches the CP of school A, invites the CE1 "du Bourg" of school B to read
and comment on her class blog; Aurélie, its teacher, accepts on her class wall. Emma, a
CE1 pupil, finds Léa's entry "Nos haricots" among the blogs of her partner classes and
answers its three prompts (J’ai aimé…, Je te propose…, Je me demande…), watching the
counters go down; her comment waits for the teacher and nobody else sees it, not even
Léa. Claire finds it on her wall and publishes it from the queue; Léa then reads it and
is told in her notifications. A parent of a class of school C gets 404 on the entry and
on every comment endpoint (with a valid CSRF token: a 403 would prove nothing).

Only the data (schools, classes, people, the published entry) is built with factories;
everything else goes through the pages, the login form included. axe checks the entry
with its comment form, the moderation queue, the partners page and the notifications.
"""

import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from classrooms import notices
from classrooms.models import BlogEntryPage, Level, Membership
from comments.models import ClassComment, Partnership
from notifications.services import without
from tests import factories
from tests.browser.journeys import log_in, new_tab, open_menu

TITLE = "Nos haricots"
HOST_CLASS = "CP de Mme Durand"
GUEST_CLASS = "CE1 du Bourg"
LIKED = "Les photos des pots sur la fenêtre."
SUGGESTION = "Mesurer les haricots chaque semaine."
WONDERING = "Combien de temps faut-il pour voir une fleur ?"
THANKS = "Merci ! Ton commentaire apparaîtra quand un enseignant de la classe l’aura lu."
WAITING = "En attente de l’enseignant"
MAX_LENGTH = 500


@pytest.fixture
def partner_classes(django_db_serialized_rollback, settings, tmp_path):
    """Three schools: the host class with its entry, the guest class, and a third family.

    Uploaded files land in a temporary MEDIA_ROOT; the rollback restores the portal page
    its migration created.
    """
    settings.MEDIA_ROOT = str(tmp_path)
    portal = factories.portal()
    school_a = factories.SchoolPageFactory(
        parent=portal, title="École des Tilleuls", town="Saint-Aubin-des-Prés"
    )
    school_b = factories.SchoolPageFactory(
        parent=portal, title="École Jules-Ferry", town="Plouër-sur-Rance", postcode="22490"
    )
    school_c = factories.SchoolPageFactory(
        parent=portal, title="École des Sources", town="Vallet", postcode="44330"
    )
    host = factories.ClassroomPageFactory(parent=school_a, title=HOST_CLASS, level=Level.CP)
    guest = factories.ClassroomPageFactory(parent=school_b, title=GUEST_CLASS, level=Level.CE1)
    third = factories.ClassroomPageFactory(parent=school_c, title="CM2 de M. Roux", level=Level.CM2)
    people = SimpleNamespace(
        host=host,
        guest=guest,
        third=third,
        claire=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        lea=factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin"),
        aurelie=factories.UserFactory(
            username="aurelie.bourg", first_name="Aurélie", last_name="Lemoine"
        ),
        emma=factories.UserFactory(username="emma.leroy", first_name="Emma", last_name="Leroy"),
        marc=factories.UserFactory(username="marc.roux", first_name="Marc", last_name="Roux"),
    )
    tom = factories.UserFactory(username="tom.roux", first_name="Tom", last_name="Roux")
    for user, classroom, role in (
        (people.claire, host, Membership.Role.TEACHER),
        (people.lea, host, Membership.Role.PUPIL),
        (people.aurelie, guest, Membership.Role.TEACHER),
        (people.emma, guest, Membership.Role.PUPIL),
        (tom, third, Membership.Role.PUPIL),
    ):
        factories.MembershipFactory(user=user, classroom=classroom, role=role)
    factories.GuardianshipFactory(parent=people.marc, child=tom)

    entry = factories.BlogEntryPageFactory(parent=host, title=TITLE)
    entry.authors.set([people.lea])
    # Published before the story starts: Léa's bell is empty when she opens her class.
    with without(notices.ENTRY_PUBLISHED, notices.CHILD_ENTRY_PUBLISHED):
        entry.save_revision().publish()
    people.entry = BlogEntryPage.objects.get(pk=entry.pk)
    return people


def open_class_from_my_spaces(tab, title):
    """A teacher of one class lands on it; one of several chooses it on "my spaces"."""
    if re.search(r"/compte/mes-espaces/$", tab.url):
        tab.get_by_role("main").get_by_role("link", name=title).click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text(title)


def counter_of(form, label):
    """The live "N caractères restants" line under one of the three sentences."""
    field = form.locator(".field").filter(has=form.page.get_by_label(label, exact=True))
    return field.locator("[data-count-for]")


def test_partner_class_comments_wait_for_the_teacher_then_reach_the_author(
    page, browser, live_server, partner_classes, axe_check
):
    people = partner_classes
    entry = people.entry
    host_url = f"{live_server.url}{people.host.url}"
    guest_url = f"{live_server.url}{people.guest.url}"
    entry_url = f"{live_server.url}{entry.url}"
    aurelie_tab = emma_tab = lea_tab = marc_tab = None
    try:
        # --- 1. Claire invites the CE1 du Bourg -----------------------------------------
        log_in(page, people.claire.username)
        open_class_from_my_spaces(page, HOST_CLASS)
        expect(page).to_have_url(host_url)
        page.get_by_role("link", name="Classes partenaires").click()
        expect(page).to_have_url(
            re.compile(rf"/commentaires/classes/{people.host.pk}/partenaires/$")
        )
        expect(page.get_by_role("heading", level=1)).to_have_text("Classes partenaires")
        page.get_by_label("Classe, école ou commune").fill("Bourg")
        page.get_by_role("button", name="Rechercher").click()
        expect(page).to_have_url(re.compile(r"\?q=Bourg$"))
        invite = page.get_by_role("button", name=f"Inviter {GUEST_CLASS}")
        expect(invite).to_be_visible()
        # Only the class that matches, with its school to tell it apart.
        expect(page.get_by_role("button", name=re.compile(r"^Inviter "))).to_have_count(1)
        expect(page.locator(".roster__item", has=invite)).to_contain_text("École Jules-Ferry")
        axe_check(page, "comments-partners")
        invite.click()
        expect(
            page.get_by_text(f"{GUEST_CLASS} est invitée. Son enseignant acceptera ou déclinera.")
        ).to_be_visible()
        hosted = page.get_by_role("region", name="Classes invitées sur notre blog")
        expect(hosted.locator(".roster__item", has_text=GUEST_CLASS)).to_contain_text("Invitée")

        # --- 2. Aurélie accepts on her class wall ---------------------------------------
        aurelie_tab = new_tab(browser, live_server)
        log_in(aurelie_tab, people.aurelie.username)
        open_class_from_my_spaces(aurelie_tab, GUEST_CLASS)
        expect(aurelie_tab).to_have_url(guest_url)
        invitation = aurelie_tab.get_by_role(
            "region", name=f"{HOST_CLASS} invite votre classe à lire et commenter son blog"
        )
        expect(invitation).to_be_visible()
        invitation.get_by_role("button", name="Accepter").click()
        expect(
            aurelie_tab.get_by_text(
                f"Votre classe peut maintenant lire et commenter le blog de {HOST_CLASS}."
            )
        ).to_be_visible()
        aurelie_tab.goto(guest_url)
        expect(
            aurelie_tab.get_by_role(
                "region", name=f"{HOST_CLASS} invite votre classe à lire et commenter son blog"
            )
        ).to_have_count(0)
        aurelie_tab.context.close()
        aurelie_tab = None
        assert Partnership.objects.get().status == Partnership.Status.ACCEPTED

        # --- 3. Emma reads Léa's entry and leaves a comment -----------------------------
        emma_tab = new_tab(browser, live_server)
        log_in(emma_tab, people.emma.username)
        # A pupil of one class lands on its wall.
        expect(emma_tab).to_have_url(guest_url)
        partner_blogs = emma_tab.get_by_role("region", name="Les blogs de nos classes partenaires")
        expect(partner_blogs).to_contain_text(HOST_CLASS)
        partner_blogs.get_by_role("link", name=TITLE).click()
        expect(emma_tab).to_have_url(entry_url)
        expect(emma_tab.get_by_role("heading", level=1)).to_have_text(TITLE)
        # Beyond her class, Léa is only "Léa".
        meta = emma_tab.locator(".entry .card__meta").first
        expect(meta).to_contain_text("Écrit par Léa")
        expect(meta).not_to_contain_text("Léa M.")

        comments = emma_tab.get_by_role("region", name="Commentaires")
        expect(comments.get_by_text("Pas encore de commentaire.")).to_be_visible()
        expect(comments.get_by_role("heading", name="Laisser un commentaire")).to_be_visible()
        send = comments.get_by_role("button", name="Envoyer mon commentaire")
        form = comments.locator(
            "form", has=emma_tab.get_by_role("button", name="Envoyer mon commentaire")
        )
        for label in ("J’ai aimé…", "Je te propose…", "Je me demande…"):
            expect(counter_of(form, label)).to_have_text(f"{MAX_LENGTH} caractères restants")
        axe_check(emma_tab, "comments-entry")

        liked = form.get_by_label("J’ai aimé…", exact=True)
        liked.click()
        liked.press_sequentially(LIKED[:10])
        expect(counter_of(form, "J’ai aimé…")).to_have_text(
            f"{MAX_LENGTH - 10} caractères restants"
        )
        liked.press_sequentially(LIKED[10:])
        expect(counter_of(form, "J’ai aimé…")).to_have_text(
            f"{MAX_LENGTH - len(LIKED)} caractères restants"
        )
        form.get_by_label("Je te propose…", exact=True).fill(SUGGESTION)
        expect(counter_of(form, "Je te propose…")).to_have_text(
            f"{MAX_LENGTH - len(SUGGESTION)} caractères restants"
        )
        form.get_by_label("Je me demande…", exact=True).fill(WONDERING)
        expect(counter_of(form, "Je me demande…")).to_have_text(
            f"{MAX_LENGTH - len(WONDERING)} caractères restants"
        )
        send.click()

        expect(emma_tab).to_have_url(re.compile(rf"^{re.escape(entry_url)}#comment-\d+$"))
        expect(emma_tab.get_by_text(THANKS)).to_be_visible()
        comment = ClassComment.objects.get()
        assert not comment.is_public and comment.user == people.emma
        mine = emma_tab.locator(f"#comment-{comment.pk}")
        expect(mine.get_by_text(WAITING)).to_be_visible()
        expect(mine).to_contain_text(f"J’ai aimé… {LIKED}")
        expect(mine).to_contain_text(f"Je te propose… {SUGGESTION}")
        expect(mine).to_contain_text(f"Je me demande… {WONDERING}")
        # The form is empty again, its counters back to the full length.
        expect(form.get_by_label("J’ai aimé…", exact=True)).to_have_value("")
        expect(counter_of(form, "J’ai aimé…")).to_have_text(f"{MAX_LENGTH} caractères restants")

        # --- 4. Léa does not see it yet ---------------------------------------------------
        lea_tab = new_tab(browser, live_server)
        log_in(lea_tab, people.lea.username)
        expect(lea_tab).to_have_url(host_url)
        lea_tab.get_by_role("main").get_by_role("link", name=TITLE).first.click()
        expect(lea_tab).to_have_url(entry_url)
        lea_comments = lea_tab.get_by_role("region", name="Commentaires")
        expect(lea_comments.get_by_text("Pas encore de commentaire.")).to_be_visible()
        expect(lea_comments).not_to_contain_text(LIKED)
        expect(lea_tab.locator(f"#comment-{comment.pk}")).to_have_count(0)
        expect(lea_tab.locator("header .badge")).to_have_count(0)

        # --- 5. Claire publishes it from the queue ----------------------------------------
        page.goto(host_url)
        waiting = page.get_by_role("region", name="Commentaires qui vous attendent")
        expect(waiting).to_be_visible()
        expect(waiting.locator("li", has_text=TITLE)).to_contain_text("Emma")
        waiting.get_by_role("link", name="Modérer").click()
        expect(page).to_have_url(re.compile(rf"/commentaires/classes/{people.host.pk}/a-relire/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Commentaires qui vous attendent")
        item = page.get_by_role("region", name=TITLE)
        expect(item).to_contain_text(LIKED)
        expect(item.get_by_text(WAITING)).to_be_visible()
        expect(item.get_by_role("button", name="Publier", exact=True)).to_be_visible()
        expect(item.locator("summary", has_text="Corriger une faute")).to_be_visible()
        refuse = item.locator("details", has=page.locator("summary", has_text="Ne pas publier"))
        reason = refuse.get_by_label("Pourquoi (l’auteur le lira)")
        expect(reason).to_be_hidden()
        refuse.locator("summary").click()
        expect(reason).to_be_visible()
        expect(refuse.get_by_role("button", name="Ne pas publier")).to_be_visible()
        axe_check(page, "comments-queue")
        # Claire changes her mind: she closes it and publishes.
        refuse.locator("summary").click()
        item.get_by_role("button", name="Publier", exact=True).click()
        expect(page).to_have_url(re.compile(rf"/commentaires/classes/{people.host.pk}/a-relire/$"))
        expect(page.get_by_text("Le commentaire est publié.")).to_be_visible()
        expect(page.get_by_text("Aucun commentaire n’attend : bravo !")).to_be_visible()
        comment.refresh_from_db()
        assert comment.is_public and not comment.is_removed
        assert comment.moderated_by == people.claire
        page.goto(host_url)
        expect(page.get_by_role("region", name="Commentaires qui vous attendent")).to_have_count(0)

        # --- 6. Léa reads the comment and her notification -------------------------------
        lea_tab.reload()
        published = lea_tab.locator(f"#comment-{comment.pk}")
        expect(published).to_contain_text("Emma")
        expect(published).to_contain_text(f"J’ai aimé… {LIKED}")
        expect(published).to_contain_text(f"Je te propose… {SUGGESTION}")
        expect(published).to_contain_text(f"Je me demande… {WONDERING}")
        expect(published.get_by_text(WAITING)).to_have_count(0)
        # She may answer it, one level deep.
        expect(
            lea_tab.locator("details.reply summary", has_text=re.compile(r"Répondre à Emma"))
        ).to_be_visible()
        open_menu(lea_tab)
        bell = lea_tab.get_by_role("navigation", name="Menu principal").get_by_role(
            "link", name=re.compile(r"^Notifications")
        )
        expect(bell.locator(".badge")).to_be_visible()
        expect(bell.locator(".badge")).to_have_text(re.compile(r"^\s*non lues\s*:\s*1\s*$"))
        bell.click()
        expect(lea_tab).to_have_url(re.compile(r"/notifications/$"))
        expect(lea_tab.get_by_role("heading", level=1)).to_have_text("Mes notifications")
        notice = lea_tab.get_by_role("link", name=re.compile(r"a laissé un commentaire"))
        expect(notice).to_have_text(
            re.compile(rf"^Emma( L\.)? a laissé un commentaire sur ton article « {TITLE} »\.$")
        )
        axe_check(lea_tab, "notifications")
        # Looking at the list marks nothing; opening the notification reads it.
        lea_tab.reload()
        open_menu(lea_tab)
        expect(bell.locator(".badge")).to_have_text(re.compile(r"^\s*non lues\s*:\s*1\s*$"))
        lea_tab.locator("details.main-menu summary").click()  # closed: it floats over the page
        notice.click()
        expect(lea_tab).to_have_url(re.compile(rf"^{re.escape(entry_url)}#comment-{comment.pk}$"))
        expect(bell.locator(".badge")).to_have_count(0)

        # --- 7. A parent of a third class gets 404 everywhere ------------------------------
        marc_tab = new_tab(browser, live_server)
        log_in(marc_tab, people.marc.username)
        expect(marc_tab).to_have_url(f"{live_server.url}{people.third.url}")
        response = marc_tab.goto(entry_url)
        assert response.status == 404
        assert LIKED not in marc_tab.content() and TITLE not in marc_tab.content()
        # A page of the site as Marc gives him a CSRF token: the POSTs below are refused
        # for who he is, not for a missing token.
        marc_tab.goto(f"{live_server.url}{people.third.url}")
        token = next(
            cookie["value"]
            for cookie in marc_tab.context.cookies()
            if cookie["name"] == "csrftoken"
        )
        headers = {
            "X-CSRFToken": token,
            "Referer": f"{live_server.url}/",
            "Origin": live_server.url,
        }
        revision_id = entry.latest_revision_id
        assert revision_id
        attempts = [
            (
                "post",
                f"/commentaires/articles/{entry.pk}/",
                {"liked": "Coucou", "suggestion": "", "wondering": ""},
            ),
            ("post", f"/commentaires/{comment.pk}/moderer/", {"action": "reject"}),
            ("post", f"/commentaires/{comment.pk}/signaler/", {}),
            ("get", f"/commentaires/classes/{people.host.pk}/a-relire/", None),
            ("get", f"/commentaires/articles/{entry.pk}/versions/{revision_id}/", None),
        ]
        for method, path, data in attempts:
            url = f"{live_server.url}{path}"
            if method == "post":
                answer = marc_tab.request.post(url, form=data, headers=headers, max_redirects=0)
            else:
                answer = marc_tab.request.get(url, max_redirects=0)
            assert answer.status == 404, f"{method.upper()} {path}: {answer.status}"
        # Nothing changed: one comment, still published, not reported.
        comment.refresh_from_db()
        assert ClassComment.objects.count() == 1
        assert comment.is_public and not comment.is_removed and comment.flagged_at is None
    finally:
        for tab in (aurelie_tab, emma_tab, lea_tab, marc_tab):
            if tab is not None:
                tab.context.close()
