"""Whose turn it is to write the next chapter of a story: computed, never stored.

The turn order is the space's classes with status ACCEPTED, by position; a class that
left (or declined) is skipped, and its published chapters stay. A class writes
`chapters_per_class` chapters in a row; then the turn goes to the first accepted class
after it in the order, cycling back to the first.
"""

from sharedspaces.models import SpaceClass


def class_in_turn(story, rows, published):
    """The SpaceClass row of the class whose turn it is, or None (finished, nobody left).

    rows: every SpaceClass row of the space, in order (access.space_rows); published:
    the story's published chapters, in order (only their classroom_id is read).
    """
    if story is None or story.finished:
        return None
    accepted = [row for row in rows if row.status == SpaceClass.Status.ACCEPTED]
    if not accepted:
        return None
    if not published:
        return accepted[0]
    last = published[-1].classroom_id
    run = 0
    for chapter in reversed(published):
        if chapter.classroom_id != last:
            break
        run += 1
    ordered = list(rows)
    index = next((i for i, row in enumerate(ordered) if row.classroom_id == last), None)
    if index is None:
        return accepted[0]
    if run < max(story.chapters_per_class, 1) and ordered[index] in accepted:
        return ordered[index]
    for step in range(1, len(ordered) + 1):
        row = ordered[(index + step) % len(ordered)]
        if row.status == SpaceClass.Status.ACCEPTED:
            return row
    return None


def class_after(story, rows, published, row):
    """The row of the class whose turn comes after `row`'s current turn ends."""
    if row is None:
        return None
    ended = [*published, *[_Stub(row.classroom_id)] * max(story.chapters_per_class, 1)]
    return class_in_turn(story, rows, ended)


class _Stub:
    def __init__(self, classroom_id):
        self.classroom_id = classroom_id
