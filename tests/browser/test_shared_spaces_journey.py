"""A reading club between two schools, as teachers and pupils would first use it (issue 21).

M. Benali (CM1, École Jean-Jaurès) creates a reading club from his spaces and invites the
CE2 of the École du Bourg, found by its town; Mme Petit accepts for her class. He opens a
topic about a book. Lucas (CM1) replies; Emma (CE2) replies with a drawing. Each reply
waits for that pupil's own teacher: Lucas does not see Emma's, M. Benali (who created the
club) finds only Lucas's to review and cannot publish Emma's; Mme Petit publishes Emma's.
Nathan, a pupil of a third class of Jean-Jaurès, gets 404 on the club, the topic and
Emma's drawing. axe checks every page on the way; pupils' pages are measured at 390 and
1024 px (no sideways scrolling).

Only the data (schools, classes, people) is built with factories; everything else goes
through the pages.
"""

import re
from types import SimpleNamespace

import pytest
from PIL import Image
from playwright.sync_api import expect

from classrooms.models import Level, Membership
from forum.models import Post, PostFile, Status
from sharedspaces.models import SharedSpace, SpaceClass
from tests import factories
from tests.browser.conftest import SCREENSHOTS
from tests.browser.journeys import log_in, new_tab

CLUB = "Club de lecture Jaurès–Bourg"
BOOK = "Le Petit Prince"
LUCAS_SAYS = "Le renard est mon personnage préféré."
EMMA_SAYS = "J'ai dessiné la rose sous son globe."
WIDTHS = (390, 1024)


@pytest.fixture
def schools(django_db_serialized_rollback, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    portal = factories.portal()
    jaures = factories.SchoolPageFactory(parent=portal, title="École Jean-Jaurès", town="Nantes")
    bourg = factories.SchoolPageFactory(parent=portal, title="École du Bourg", town="Vertou")
    cm1 = factories.ClassroomPageFactory(parent=jaures, title="CM1 de M. Benali", level=Level.CM1)
    cp = factories.ClassroomPageFactory(parent=jaures, title="CP de Mme Durand", level=Level.CP)
    ce2 = factories.ClassroomPageFactory(parent=bourg, title="CE2 de Mme Petit", level=Level.CE2)

    def member(username, first, last, classroom, role):
        user = factories.UserFactory(username=username, first_name=first, last_name=last)
        factories.MembershipFactory(user=user, classroom=classroom, role=role)
        return user

    teacher, pupil = Membership.Role.TEACHER, Membership.Role.PUPIL
    return SimpleNamespace(
        cm1=cm1,
        ce2=ce2,
        karim=member("karim.benali", "Karim", "Benali", cm1, teacher),
        aurelie=member("aurelie.petit", "Aurélie", "Petit", ce2, teacher),
        lucas=member("lucas.bernard", "Lucas", "Bernard", cm1, pupil),
        emma=member("emma.rousseau", "Emma", "Rousseau", ce2, pupil),
        nathan=member("nathan.moreau", "Nathan", "Moreau", cp, pupil),
    )


def look_at(tab, role, name):
    """No sideways scrolling at a phone's and a tablet's width; a photograph of each."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = tab.viewport_size
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        tab.evaluate(
            "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
        )
        overflow = tab.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{role} {name} at {width} px is {overflow} px wide"
        tab.screenshot(path=str(SCREENSHOTS / f"club-{role}-{name}-{width}.png"), full_page=True)
    tab.set_viewport_size(size)


def drawing(tmp_path):
    path = tmp_path / "rose.png"
    Image.new("RGB", (400, 300), (200, 40, 60)).save(path)
    return path


def open_club_from_my_spaces(tab, space):
    tab.goto("/compte/mes-espaces/")
    tab.locator("a[href='/espaces-partages/']").first.click()
    tab.locator(f"a[href='/espaces-partages/{space.pk}/']").click()
    expect(tab).to_have_url(re.compile(rf"/espaces-partages/{space.pk}/club/$"))


def reply(tab, text, picture=None):
    tab.get_by_role("link", name=BOOK).click()
    tab.locator("#reply-form textarea[name=text]").fill(text)
    if picture:
        tab.locator("#reply-form input[name=photo]").set_input_files(str(picture))
    tab.locator("#reply-form button[type=submit]").click()
    expect(tab.locator(".message--success").first).to_be_visible()


def test_two_schools_share_a_reading_club_each_pupil_waits_for_their_own_teacher(
    page, browser, live_server, schools, axe_check, tmp_path
):
    # M. Benali creates the club and invites the CE2 of the Bourg.
    karim = page
    log_in(karim, "karim.benali")
    karim.goto("/compte/mes-espaces/")
    karim.locator("a[href='/espaces-partages/']").first.click()
    karim.locator("a[href='/espaces-partages/nouveau/']").click()
    axe_check(karim, "club-teacher-new-space")
    karim.locator("input[name=activity][value=reading_club]").check()
    karim.locator("input[name=title]").fill(CLUB)
    karim.locator("form.panel button[type=submit]").click()
    space = SharedSpace.objects.get(title=CLUB)
    expect(karim).to_have_url(re.compile(rf"/espaces-partages/{space.pk}/classes/$"))
    karim.locator("input[name=q]").fill("Vertou")
    karim.locator(".search-form button").click()
    karim.locator(f"form:has(input[name=classroom][value='{schools.ce2.pk}']) button").click()
    expect(karim.locator(".message--success").first).to_be_visible()
    axe_check(karim, "club-teacher-classes")
    assert SpaceClass.objects.get(space=space, classroom=schools.ce2).status == "invited"

    # Mme Petit accepts for her class: she lands in the club.
    aurelie = new_tab(browser, live_server)
    log_in(aurelie, "aurelie.petit")
    aurelie.goto("/espaces-partages/")
    aurelie.get_by_role("link", name=CLUB).click()
    aurelie.locator("form[action$='/accept/'] button").click()
    expect(aurelie).to_have_url(re.compile(rf"/espaces-partages/{space.pk}/club/$"))
    assert SpaceClass.objects.get(space=space, classroom=schools.ce2).status == "accepted"

    # M. Benali opens a topic about a book.
    open_club_from_my_spaces(karim, space)
    karim.locator(f"a[href='/espaces-partages/{space.pk}/club/nouveau-sujet/']").click()
    karim.locator("input[name=kind][value=book]").check()
    karim.locator("input[name=title]").fill(BOOK)
    karim.locator("input[name=book_author]").fill("Antoine de Saint-Exupéry")
    karim.locator("textarea[name=text]").fill("Quel personnage préférez-vous ?")
    karim.locator("form.panel button[type=submit]").click()
    expect(karim.get_by_role("heading", level=1)).to_contain_text(BOOK)

    # Lucas and Emma reply; each reply waits for their own teacher.
    lucas = new_tab(browser, live_server)
    lucas.set_viewport_size({"width": 390, "height": 844})
    log_in(lucas, "lucas.bernard")
    open_club_from_my_spaces(lucas, space)
    axe_check(lucas, "club-pupil-home")
    reply(lucas, LUCAS_SAYS)
    expect(lucas.locator(".forum-post").filter(has_text=LUCAS_SAYS)).to_contain_text("En attente")
    emma = new_tab(browser, live_server)
    emma.set_viewport_size({"width": 390, "height": 844})
    log_in(emma, "emma.rousseau")
    open_club_from_my_spaces(emma, space)
    reply(emma, EMMA_SAYS, drawing(tmp_path))
    axe_check(emma, "club-pupil-topic")
    look_at(emma, "pupil", "topic")
    lucas_post = Post.objects.get(text=LUCAS_SAYS)
    emma_post = Post.objects.get(text=EMMA_SAYS)
    assert lucas_post.status == emma_post.status == Status.PENDING
    lucas.reload()
    expect(lucas.get_by_text(EMMA_SAYS)).to_have_count(0)

    # M. Benali, who created the club, reviews his own pupils only.
    karim.goto(f"/espaces-partages/{space.pk}/club/a-relire/")
    expect(karim.get_by_text(LUCAS_SAYS)).to_be_visible()
    expect(karim.get_by_text(EMMA_SAYS)).to_have_count(0)
    axe_check(karim, "club-teacher-review")
    csrf = next(c["value"] for c in karim.context.cookies() if c["name"] == "csrftoken")
    response = karim.request.post(
        f"{live_server.url}/espaces-partages/{space.pk}/club/reponses/{emma_post.pk}/approve/",
        headers={"X-CSRFToken": csrf, "Referer": live_server.url + "/"},
    )
    assert response.status == 404
    karim.locator(f"#post-{lucas_post.pk} form[action$='/approve/'] button").click()
    expect(karim.locator(".message--success").first).to_be_visible()
    # Mme Petit publishes Emma's.
    aurelie.goto(f"/espaces-partages/{space.pk}/club/a-relire/")
    aurelie.locator(f"#post-{emma_post.pk} form[action$='/approve/'] button").click()
    expect(aurelie.locator(".message--success").first).to_be_visible()
    lucas.reload()
    expect(lucas.get_by_text(EMMA_SAYS)).to_be_visible()
    expect(lucas.locator(f"#post-{emma_post.pk} img")).to_be_visible()
    look_at(lucas, "pupil", "topic-published")

    # Nathan, of a third class, gets 404 on the club, its topic and Emma's drawing.
    drawing_file = PostFile.objects.get(post=emma_post)
    nathan = new_tab(browser, live_server)
    log_in(nathan, "nathan.moreau")
    topic_id = emma_post.topic_id
    for address in (
        f"/espaces-partages/{space.pk}/",
        f"/espaces-partages/{space.pk}/club/",
        f"/espaces-partages/{space.pk}/club/sujets/{topic_id}/",
        f"/espaces-partages/{space.pk}/club/fichiers/{drawing_file.pk}/{drawing_file.name}",
    ):
        response = nathan.goto(address)
        assert response.status == 404, address
        expect(nathan.get_by_text(EMMA_SAYS)).to_have_count(0)
    nathan.goto("/espaces-partages/")
    expect(nathan.get_by_text(CLUB)).to_have_count(0)


def test_a_newspaper_issue_from_two_classes_articles_is_read_by_a_parent(
    page, browser, live_server, schools, axe_check
):
    """The CM1 and the CE2 share a newspaper its parents do not read. Lucas writes an
    article and sends it to M. Benali, who approves it; Mme Petit approves Emma's. M.
    Benali assembles N° 1 from both, for the families, and publishes it. Stéphane Bernard,
    Lucas's father, finds it in his notifications and reads it on his phone; Nathan's
    class is not in the space: 404."""
    from newspaper.models import Article, Issue

    father = factories.UserFactory(
        username="stephane.bernard", first_name="Stéphane", last_name="Bernard"
    )
    factories.GuardianshipFactory(parent=father, child=schools.lucas)
    paper = SharedSpace.objects.create(
        title="Le Journal des deux écoles", activity="newspaper", created_by=schools.karim
    )
    for position, classroom in enumerate((schools.cm1, schools.ce2), start=1):
        SpaceClass.objects.create(
            space=paper, classroom=classroom, status="accepted", position=position
        )
    emma_article = Article.objects.create(
        space=paper,
        classroom=schools.ce2,
        title="Notre visite au musée",
        section="Nos sorties",
        body="Nous avons vu des squelettes de dinosaures.",
        status=Article.Status.SUBMITTED,
    )
    emma_article.authors.set([schools.emma])
    home = f"/espaces-partages/{paper.pk}/journal/"

    lucas = page
    lucas.set_viewport_size({"width": 390, "height": 844})
    log_in(lucas, "lucas.bernard")
    lucas.goto("/espaces-partages/")
    lucas.get_by_role("link", name=paper.title).click()
    expect(lucas).to_have_url(re.compile(rf"{home}$"))
    lucas.locator(f"a[href='{home}ecrire/']").click()
    axe_check(lucas, "paper-pupil-write")
    lucas.locator("input[name=title]").fill("La kermesse de l'école")
    lucas.locator("input[name=section]").fill("La vie de l'école")
    lucas.locator("textarea[name=body]").fill("Il y avait un chamboule-tout et des crêpes.")
    lucas.locator("button[name=action][value=submit]").click()
    lucas_article = Article.objects.get(title="La kermesse de l'école")
    assert lucas_article.status == Article.Status.SUBMITTED

    karim = new_tab(browser, live_server)
    log_in(karim, "karim.benali")
    karim.goto(home)
    karim.get_by_role("link", name=lucas_article.title).first.click()
    karim.locator("form[action$='/approuver/'] button").click()
    aurelie = new_tab(browser, live_server)
    log_in(aurelie, "aurelie.petit")
    aurelie.goto(home)
    aurelie.get_by_role("link", name=emma_article.title).first.click()
    aurelie.locator("form[action$='/approuver/'] button").click()
    lucas_article.refresh_from_db()
    emma_article.refresh_from_db()
    assert lucas_article.status == emma_article.status == Article.Status.APPROVED

    karim.goto(home)
    karim.locator("form[action$='/numeros/nouveau/'] button").click()
    expect(karim).to_have_url(re.compile(r"/numeros/\d+/preparer/$"))
    axe_check(karim, "paper-teacher-assemble")
    karim.locator("input[name=title]").fill("Printemps")
    karim.locator("input[name=audience][value=families]").check()
    for article in (lucas_article, emma_article):
        karim.locator(f"input[name=a{article.pk}-in]").check()
    karim.locator("button[name=action][value=publish]").click()
    issue = Issue.objects.get(space=paper)
    assert issue.published_at is not None
    assert set(issue.articles.values_list("classroom_id", flat=True)) == {
        schools.cm1.pk,
        schools.ce2.pk,
    }

    parent = new_tab(browser, live_server)
    parent.set_viewport_size({"width": 390, "height": 844})
    log_in(parent, "stephane.bernard")
    parent.goto("/notifications/")
    parent.locator("a[href^='/notifications/']").filter(has_text=paper.title).click()
    expect(parent).to_have_url(re.compile(rf"{home}numeros/{issue.pk}/$"))
    expect(parent.get_by_text("La kermesse de l'école")).to_be_visible()
    expect(parent.get_by_text("Notre visite au musée")).to_be_visible()
    axe_check(parent, "paper-parent-issue")
    look_at(parent, "parent", "issue")
    # The parent reads the issue, not the space, and nothing else of it.
    assert parent.goto(home).status == 404

    nathan = new_tab(browser, live_server)
    log_in(nathan, "nathan.moreau")
    assert nathan.goto(f"{home}numeros/{issue.pk}/").status == 404
