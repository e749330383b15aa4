"""Playwright driving Debian's Chromium against pytest-django's live server.

Never a downloaded browser: /usr/bin/chromium (or PREAU_CHROMIUM). Without it the
browser tests are skipped on a developer's machine and fail in CI (CI=true), where
.ci/run installs it.
"""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

CHROMIUM = Path(os.environ.get("PREAU_CHROMIUM", "/usr/bin/chromium"))
# The flags a sandboxed root session needs, and no calls to Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A synthetic microphone (a beep) that getUserMedia may use without asking: the pupils'
    # recorder is exercised without a real device.
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
]
SCREENSHOTS = Path(os.environ.get("PREAU_SCREENSHOTS", "/tmp/preau-screenshots"))


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls
    # are still synchronous, so Django's async guard must stand aside.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Django's connections are context-local, and Playwright runs the tests in a greenlet
    # with a context of its own: there the test database's connection objects are new and
    # lack the snapshot that serialized rollbacks restore. Hand the snapshot over.
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def one_request_at_a_time_on_sqlite(settings):
    """On SQLite, the live server's request threads share the test's one in-memory
    connection: two requests at once can lose each other's savepoints ("no such
    savepoint"). The Wagtail editor sends requests of its own beside the page's (an
    autosave 0.5 s after each change, an editing-session ping every 10 s): off there.
    On PostgreSQL each thread has its own connection, and they stay on."""
    from django.db import connection

    if connection.vendor == "sqlite":
        settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
        settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def axe_check():
    """Run axe on the page and fail on serious or critical violations, listing them."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(tab, name, exclude=()):
        """`exclude`: CSS selectors of parts of the page axe leaves out (a part that is
        checked elsewhere)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        context = {"exclude": [[selector] for selector in exclude]} if exclude else None
        results = axe.run(tab, context=context)
        violations = [
            f"{v['id']} ({v['impact']}) at {tab.url}: {v['help']} — "
            + ", ".join(node["target"][0] for node in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert not violations, f"axe on {name}:\n" + "\n".join(violations)
        return results

    return check


# Every Content-Security-Policy refusal the page sees, as the page reports it (an event)
# and as Chromium logs it (the console, which also covers documents the page loads, such
# as the icon sprite).
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} refused ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile || location.href}:${event.lineNumber})`
  );
});
"""


@pytest.fixture
def csp_violations():
    """Watch tabs for refusals of the Content-Security-Policy: `watch(tab)` once, then
    `read(tab)` after each page returns what was refused on it so far."""
    logged = {}

    def watch(tab):
        tab.add_init_script(CSP_LISTENER)
        logged[tab] = []
        tab.on(
            "console",
            lambda message: (
                logged[tab].append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return tab

    def read(tab):
        reported = tab.evaluate("window.__cspViolations || []")
        return reported + logged[tab]

    return SimpleNamespace(watch=watch, read=read)
