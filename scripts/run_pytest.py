"""Run the test suite and refuse to call a run that tested nothing a success.

pytest exits with 5 when it collects no test: for Préau that means the suite is broken
(a bad path, an import error hidden by a filter), so it must fail loudly, not pass.

In parallel (`-n`, pytest-xdist), the run has two phases. A transactional test (browser
journeys, live servers) empties the database when it ends and restores it only when the
next such test starts; pytest-django runs them after the others for that reason, but
xdist hands each process whole files in its own order, so a plain test could follow one
and find no portal. So the plain tests run first, in parallel, then the transactional
ones, in parallel too (each restores what it needs).
"""

import subprocess
import sys

import pytest

NO_TESTS_COLLECTED = pytest.ExitCode.NO_TESTS_COLLECTED
PHASES = ("not transactional", "transactional")


def in_parallel(args):
    return any(arg == "-n" or arg.startswith(("-n=", "--numprocesses")) for arg in args)


def run_in_phases(args):
    codes = []
    for marker in PHASES:
        print(f"=== tests: {marker}", flush=True)
        command = [sys.executable, "-m", "pytest", *args, "-m", marker]
        codes.append(subprocess.run(command, check=False).returncode)
    if all(code == NO_TESTS_COLLECTED for code in codes):
        return NO_TESTS_COLLECTED
    failed = [code for code in codes if code not in (0, NO_TESTS_COLLECTED)]
    return failed[0] if failed else 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    code = run_in_phases(arguments) if in_parallel(arguments) else pytest.main(arguments)
    if code == NO_TESTS_COLLECTED:
        print("pytest collected no tests: the suite is broken.", file=sys.stderr)
        sys.exit(1)
    sys.exit(int(code))
