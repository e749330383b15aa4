"""The code stays a house a newcomer can walk (README "How the code is organised").

Modules have one role and stay short enough to read in one sitting; what is only data
(the demo portal's texts) may be longer. Which app may import which is checked by
import-linter (`.importlinter`, run by `make lint`).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LONGEST = 500
SKIPPED_FOLDERS = {".venv", "tests", "migrations", "node_modules", "static_collected", "media"}
# Data, not code: the demo portal's texts, read by the demo seeder.
DATA_MODULES = {"home/demo/data.py"}


def python_modules():
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if SKIPPED_FOLDERS.intersection(relative.parts[:-1]) or relative.parts[0] == "scripts":
            continue
        yield relative


def test_the_search_finds_the_modules_it_measures():
    modules = {str(module) for module in python_modules()}
    assert "classrooms/activities.py" in modules
    assert not any(module.startswith(("tests/", ".venv/")) for module in modules)


def test_no_module_is_longer_than_a_sitting():
    too_long = {
        str(module): length
        for module in python_modules()
        if str(module) not in DATA_MODULES
        and (length := len((ROOT / module).read_text(encoding="utf-8").splitlines())) > LONGEST
    }
    assert too_long == {}, f"split these by role (at most {LONGEST} lines): {too_long}"
