"""Log lines with the time since the script started, the checks that make a script fail, and its end."""

import glob
import os
import shutil
import sys
import time
import traceback

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


def crashed():
    """A crash of the script is a failed check too: call it in the script's `except Exception:`."""
    traceback.print_exc()
    FAILURES.append("the script stopped with an exception")


def finish(work, keep=False):
    """Ends a script: the failed checks; when one failed, the errors in the node logs of the work folder; the work
    folder kept (on failure or when asked) or removed; exit status 1 when a check failed."""
    log(f"{len(FAILURES)} failed" + "".join(f"\n  failed: {f}" for f in FAILURES))
    if FAILURES or keep:
        for path in sorted(glob.glob(os.path.join(work, "node-*.log"))) if FAILURES else ():
            print(f"----- errors in {path} -----")
            with open(path, errors="replace") as f:
                lines = [line for line in f if " ERROR " in line or "Exception" in line]
            print("".join(lines[-40:]))
        log(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    log(f"took {time.monotonic() - START:.0f}s")
    sys.exit(1 if FAILURES else 0)
