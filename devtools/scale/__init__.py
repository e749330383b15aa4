"""The synthetic portal of `manage.py seed_scale`: names, sizes, bulk inserts, targets."""
