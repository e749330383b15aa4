"""Local drafts: the browser keeps what a person types; the server says when to forget it.

`static/js/drafts.js` keeps the fields of each form marked `data-draft-key` in the
browser's localStorage, under the id of the person logged in (`data-draft-user`) and that
key, and puts them back when the same form is shown to the same person again with
something else in it: after a session that ended while they wrote (the POST went to the
login page, and nothing of it was kept), an error page, a closed tab. It never restores
one person's draft for another (shared school tablets), and forgets drafts after a day.

The script cannot tell a POST that went through from one that did not. The view that
acted on a form tells it with `forget`: a short-lived cookie naming the person and the
key, which the script reads on the next page, removing those drafts and the cookie.
The keys name what the form writes, the same in the template and in the view.
"""

import re

COOKIE = "preau_drafts_done"
COOKIE_SECONDS = 300
# "<user id>:<key>" items, "|" between them: characters a cookie takes unquoted.
ITEM = re.compile(r"^\d+:[a-z0-9-]{1,80}$")
MAX_ITEMS = 10


def new_entry_key(classroom) -> str:
    return f"entry-new-{classroom.pk}"


def entry_key(entry) -> str:
    return f"entry-{entry.pk}"


def comment_key(entry, parent=None) -> str:
    """The new-comment form of an entry ("new") or the answer to one of its comments."""
    return f"comment-{entry.pk}-{parent.pk if parent else 'new'}"


def forget(request, response, key):
    """Tell the browser that the draft `key` of the person logged in was acted on."""
    done = [item for item in request.COOKIES.get(COOKIE, "").split("|") if ITEM.match(item)]
    item = f"{request.user.pk}:{key}"
    if item not in done:
        done.append(item)
    response.set_cookie(
        COOKIE,
        "|".join(done[-MAX_ITEMS:]),
        max_age=COOKIE_SECONDS,
        secure=request.is_secure(),
        httponly=False,  # read and removed by drafts.js; it names a form, nothing secret
        samesite="Lax",
    )
    return response
