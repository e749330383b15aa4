"""No avatars: django-comments-xtd would otherwise ask Gravatar about each author."""


def no_avatar(comment):
    return ""
