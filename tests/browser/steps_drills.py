"""Browser steps of the levelled drills (issue 22), for journeys to compose: a pupil plays
a round, the teacher reads the class grid and sets a level, a parent reads the progress.

Fields and buttons are found by their names and places, not by their words (the new
strings are translated centrally after the issue)."""

import re

from playwright.sync_api import expect

OPERATORS = {"+": lambda a, b: a + b, "−": lambda a, b: a - b, "×": lambda a, b: a * b}


def start_round(tab, drill_url):
    """From the drill's page, "Commencer une série": the round's form."""
    tab.goto(drill_url)
    tab.locator("form[action$='/commencer/'] button").click()
    expect(tab).to_have_url(re.compile(r"/entrainements/series/\d+/$"))
    return tab.locator(".drill-operations li")


def play_round_right(tab, drill_url):
    """A pupil starts a round and answers every operation right, with the numeric keyboard."""
    operations = start_round(tab, drill_url)
    expect(operations.first).to_be_visible()
    for index in range(operations.count()):
        item = operations.nth(index)
        a, operator, b = re.match(
            r"\s*(\d+)\s*([+−×])\s*(\d+)", item.locator("label").inner_text()
        ).groups()
        field = item.locator("input")
        assert field.get_attribute("inputmode") == "numeric"
        field.fill(str(OPERATORS[operator](int(a), int(b))))
    tab.locator("form.question-form button[type=submit]").click()
    results = tab.locator(".drill-results li")
    expect(results.first).to_be_visible()
    expect(tab.locator(".drill-results li.cell--wrong")).to_have_count(0)
    expect(tab.locator("p.message--success")).to_be_visible()
    return results.count()


def level_on_drill_page(tab, drill_url, level, count):
    """The pupil's drill page says their level now: « Tu es au niveau 2 sur 3 »."""
    tab.goto(drill_url)
    expect(tab.locator("#play-heading + p.score")).to_contain_text(f"{level}")
    expect(tab.locator("#play-heading + p.score")).to_contain_text(f"{count}")


def open_grid(tab, drill_url):
    """The teacher (or the assistant, the director) opens the class grid from the drill."""
    tab.goto(drill_url)
    tab.locator("a[href$='/classe/']").click()
    expect(tab.locator("table.drill-grid")).to_be_visible()
    return tab.locator("table.drill-grid")


def grid_row(tab, pupil_name):
    return tab.locator("table.drill-grid tbody tr").filter(has_text=pupil_name)


def set_level(tab, pupil_name, level):
    """The teacher puts a pupil at a level from the grid."""
    row = grid_row(tab, pupil_name)
    row.locator("select[name=level]").select_option(str(level))
    row.locator("button").click()
    expect(grid_row(tab, pupil_name).locator("td").first).to_contain_text(f"{level} /")
    expect(grid_row(tab, pupil_name).locator(".tag")).to_be_visible()


def child_progress(tab, drill_url, child_name):
    """A parent reads their child's level and history on the drill's page."""
    tab.goto(drill_url)
    section = tab.locator("section.panel").filter(has_text=child_name)
    expect(section.locator("p.score")).to_be_visible()
    return section
