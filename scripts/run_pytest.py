"""Run the test suite and refuse to call a run that tested nothing a success.

pytest exits with 5 when it collects no test: for Préau that means the suite is broken
(a bad path, an import error hidden by a filter), so it must fail loudly, not pass.
"""

import sys

import pytest

NO_TESTS_COLLECTED = pytest.ExitCode.NO_TESTS_COLLECTED

if __name__ == "__main__":
    code = pytest.main(sys.argv[1:])
    if code == NO_TESTS_COLLECTED:
        print("pytest collected no tests: the suite is broken.", file=sys.stderr)
        sys.exit(1)
    sys.exit(int(code))
