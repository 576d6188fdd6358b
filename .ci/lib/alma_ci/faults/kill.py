"""kill -9: node A is killed in the middle of a load of lifecycles and restarted; clients retry on B with the same
Idempotency-Key, as a real client after a timeout; the dead node's job locks expire and its jobs run once."""

import time

from ..api import Client
from ..invariants import wait_quiet
from ..report import check, log
from .lifecycle import Lifecycle, in_background

NAME = "kill"


def run(stage):
    log("== 5. kill -9 of node A under load, restart")
    a = stage.a
    lifecycles = [Lifecycle(Client(stage.nodes), stage.nodes) for _ in range(8)]
    runner = in_background(lifecycles, stagger=0.5)
    time.sleep(9)
    stage.fault()
    a.kill9()
    log("  node A killed (kill -9); restarting it")
    a.start().wait_ready()
    runner.join()
    done, failed = runner.result()
    retries = sum(l.client.retries for l in lifecycles)
    check(not failed, f"kill -9: {len(done)} of {len(lifecycles)} lifecycles completed")
    check(retries > 0, f"kill -9: the kill hit requests in flight ({retries} client retries on the other node)")
    check(wait_quiet(a, timeout=150), "kill -9: every due job ran (the dead node's job locks expired)")
    stage.verify("kill -9")
