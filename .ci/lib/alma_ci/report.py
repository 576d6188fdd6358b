"""Log lines with the time since the script started, and the checks that make a script fail."""

import time

START = time.monotonic()
FAILURES = []
PREFIX = ["ci"]


def use(prefix):
    PREFIX[0] = prefix


def log(msg):
    print(f"{PREFIX[0]} [{time.monotonic() - START:6.1f}s] {msg}", flush=True)


def check(ok, what):
    log(("PASS  " if ok else "FAIL  ") + what)
    if not ok:
        FAILURES.append(what)
    return ok
