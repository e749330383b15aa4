"""Checking and cleaning photos and recordings (placeholder being written by a helper)."""


def register():
    """Called from ClassroomsConfig.ready()."""
