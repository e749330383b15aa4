"""Going through the test providers' login forms with `requests`, as a browser would."""

import re
from html import unescape
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

INPUT = re.compile(r"<input[^>]*>", re.I)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def hidden_fields(html):
    fields = {}
    for tag in INPUT.findall(html):
        attributes = dict(ATTRIBUTE.findall(tag))
        if attributes.get("type") == "hidden" and "name" in attributes:
            fields[attributes["name"]] = unescape(attributes.get("value", ""))
    return fields


def sign_in_at_provider(login_url, username, password):
    """Open the provider's login page, post the form, follow the provider's own
    redirects; return the first address outside the provider (back to Préau)."""
    session = requests.Session()
    response = session.get(login_url, timeout=10)
    response.raise_for_status()
    data = hidden_fields(response.text) | {"username": username, "password": password}
    provider = urlsplit(login_url).netloc
    response = session.post(response.url, data=data, allow_redirects=False, timeout=10)
    while response.status_code in (301, 302, 303):
        location = urljoin(response.url, response.headers["Location"])
        if urlsplit(location).netloc != provider:
            return location
        response = session.get(location, allow_redirects=False, timeout=10)
    raise AssertionError(
        f"The provider did not send back to Préau: {response.status_code} {response.text[:500]}"
    )


def local(url):
    """Préau's path and query in an absolute address (for Django's test client)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
