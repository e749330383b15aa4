"""Cells of the results export that a spreadsheet program reads as data, never runs.

A pupil's name, an exercise's title or any other text a person typed may begin with a
sign that makes Excel or LibreOffice read the cell as a formula (`=HYPERLINK(...)`,
`@SUM(...)`: "CSV injection"). As OWASP recommends, such a text cell is written with a
single quote in front, which spreadsheets show as text. Numbers are left alone, so a
negative score stays a number the teacher can add up.
"""

import csv
import re

# What a formula may start with (OWASP "CSV Injection"), full-width forms included.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# A number as the export writes it: digits, a decimal comma or point, maybe a minus.
NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def cell(value):
    """The value as it may be written: text that could start a formula gets a quote."""
    if not isinstance(value, str) or NUMBER.fullmatch(value):
        return value
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writer:
    """csv.writer whose rows go through `cell` first."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([cell(value) for value in row])
