"""Wagtail's page serving, seen by the public page cache.

Wagtail imports this module itself. Every page it serves is noted so the cache knows
which page a response belongs to (page_cache.py).
"""

from wagtail import hooks

from . import page_cache

hooks.register("before_serve_page", page_cache.note_page)
