"""Browser steps of the resource library (issue 22), for journeys to compose: a teacher
opens the library from her class, finds a resource by level and subject, previews it,
uses it in her class and finds it there.

Fields are found by their names (the form's), buttons and links by their addresses or
French words the journey relies on.
"""

import re

from playwright.sync_api import expect


def open_library_from_class(tab, classroom_url):
    """From the class page, the "Bibliothèque" link its teachers see."""
    tab.goto(classroom_url)
    tab.locator("a[href$='/bibliotheque/']").first.click()
    expect(tab).to_have_url(re.compile(r"/bibliotheque/$"))


def find_resource(tab, title, *, level="", subject="", words=""):
    """Search with the home's filters, then open the resource's card; the titles the
    search found, for the journey to check."""
    found = search_library(tab, level=level, subject=subject, words=words)
    tab.locator(".card").get_by_role("link", name=title).click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(title)
    return found


def search_library(tab, *, level="", subject="", words=""):
    """The home's search box and filters: the titles of the cards found."""
    search = tab.get_by_role("search")
    if words:
        search.locator("input[name=q]").fill(words)
    if level:
        search.locator("select[name=level]").select_option(level)
    if subject:
        search.locator("select[name=subject]").select_option(subject)
    search.locator("button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"level=|subject=|q="))
    return tab.locator(".card .card__link").all_inner_texts()


def preview_resource(tab, kind="document"):
    """The preview shows: a PDF in a frame, pictures, a player, a link."""
    preview = tab.locator(".library-preview")
    expect(preview).to_be_visible()
    if kind == "document":
        frame = preview.locator("iframe")
        expect(frame).to_be_visible()
        response = tab.request.get(frame.get_attribute("src"))
        assert response.ok and response.body().startswith(b"%PDF-")
    elif kind == "audio":
        expect(preview.locator("audio")).to_be_visible()
    elif kind == "images":
        expect(preview.locator("img").first).to_be_visible()


def use_in_my_class(tab, class_title):
    """ "Utiliser dans ma classe": choose the class, send; a file or link goes on the wall."""
    form = tab.locator("form[action$='/utiliser/']")
    form.locator("select[name=classroom]").select_option(label=class_title)
    form.get_by_role("button", name="Utiliser dans ma classe").click()


def see_in_my_class(tab, classroom_url, title, attribution):
    """The class wall shows the resource's card; its page says whose it is."""
    tab.goto(classroom_url)
    tab.get_by_role("link", name=title).first.click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text(title)
    expect(tab.get_by_text(attribution)).to_be_visible()
