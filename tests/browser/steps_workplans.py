"""Browser steps of the work plan (issue 22), for this part's journey and the lead's
journey across the issue. Fields and buttons are found by their names and places, not by
their words (the strings are translated centrally)."""

import re

from playwright.sync_api import expect


def build_plan(tab, classroom_url, title, group, rows, start, end):
    """The teacher opens "Make a work plan" on the class page and gives a plan to `group`.

    `rows` are ("page", label of a page of the class) or ("text", a free task), in the
    order they are typed; the last row is then moved up one place with its ↑ button (the
    form comes back in the new order, nothing lost). Returns the plan page's address."""
    tab.goto(classroom_url)
    tab.locator("a[href*='/plans-de-travail/classes/']").first.click()
    tab.locator("input[name=title]").fill(title)
    tab.locator("input[name=starts_on]").fill(start.isoformat())
    tab.locator("input[name=ends_on]").fill(end.isoformat())
    tab.locator("details.field summary").first.click()
    tab.get_by_label(group, exact=True).check()
    if len(rows) > 3:
        tab.locator("button[name=more]").click()
    for index, (kind, value) in enumerate(rows):
        if kind == "page":
            select = tab.locator(f"select[name='tasks-{index}-page']")
            option = select.locator("option", has_text=value).first
            select.select_option(option.get_attribute("value"))
        else:
            tab.locator(f"input[name='tasks-{index}-text']").fill(value)
    last = len(rows) - 1
    tab.locator(f"button[name=move][value='{last}:up']").click()
    expect(tab.locator("input[name=title]")).to_have_value(title)  # nothing typed lost
    tab.locator("button[name=save]").click()
    expect(tab.locator("h1")).to_contain_text(title)
    return tab.url.split("#")[0]


def open_plan_from_wall(tab, classroom_url, title):
    """A pupil finds the plan's card on the class wall and opens it."""
    tab.goto(classroom_url)
    tab.locator(".card a.card__link", has_text=title).click()
    expect(tab.locator("h1")).to_contain_text(title)


def expect_progress(tab, done, total, next_label=None):
    """The pupil's plan says "done of total", and what is next."""
    plan = tab.locator("section.workplan").first
    expect(plan.locator("progress")).to_have_attribute("value", str(done))
    expect(plan.locator("progress")).to_have_attribute("max", str(total))
    expect(plan.locator(".workplan-task--done")).to_have_count(done)
    if next_label:
        expect(plan.locator(".workplan-next")).to_contain_text(next_label)
        expect(plan.locator(".workplan-task--next")).to_contain_text(next_label)


def tick_next_task(tab):
    """The pupil ticks the task highlighted as next (one big button, one POST)."""
    task = tab.locator(".workplan-task--next")
    label = task.locator(".workplan-task__label a, .workplan-task__label").first.inner_text()
    task.locator("button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"#tache-\d+$"))
    return label


def open_grid(tab, plan_url):
    """The teacher (or the director, the assistant) opens the class grid from the plan."""
    tab.goto(plan_url)
    tab.locator("a[href*='/tableau/']").first.click()
    expect(tab.locator("table.workplan-grid")).to_be_visible()


def grid_row(tab, pupil_name):
    return tab.locator("table.workplan-grid tbody tr", has_text=pupil_name)
