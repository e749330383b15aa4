"""Small random draws the plan is made of, each from the school's own `random.Random`."""

import uuid


def weighted(rng, choices):
    """A value from (value, weight) pairs."""
    point = rng.random() * sum(weight for _value, weight in choices)
    for value, weight in choices:
        point -= weight
        if point < 0:
            return value
    return choices[-1][0]


def new_uuid(rng) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def unique_slug(base, taken):
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug
