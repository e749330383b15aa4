"""The README's retention table is the module's, word for word: they cannot drift."""

from pathlib import Path

from retention import table
from retention.purge import STEPS

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_table():
    lines = README.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("<!-- retention-table"))
    end = lines.index("<!-- /retention-table -->")
    return lines[start + 1 : end]


def test_the_readme_table_is_the_modules():
    assert readme_table() == table.markdown()


def test_every_rule_has_a_limit_an_action_and_a_reason():
    keys = [rule.key for rule in table.RULES]
    assert len(keys) == len(set(keys))
    for rule in table.RULES:
        assert rule.action in (table.DELETE, table.ANONYMISE)
        assert rule.what and rule.end and rule.why
        assert rule.setting == "" or isinstance(rule.limit, int)
    assert len(STEPS) >= 6
