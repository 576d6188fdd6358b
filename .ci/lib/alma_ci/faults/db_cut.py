"""Database cut: node A's database connections are cut by a TCP proxy this script controls (not by stopping the
shared MariaDB): A answers fast with SERVICE_UNAVAILABLE, B keeps working, A recovers without a restart and the
lifecycles that were in flight finish."""

import time
import uuid

from ..api import MUTATIONS, RUN, Client, Refused, Unreachable, data_of, graphql_code, post
from ..db import scalar
from ..invariants import wait_quiet
from ..report import check, log
from .lifecycle import PASSWORD, Lifecycle, in_background, new_member

NAME = "db"


def run(stage):
    log("== 3. node A's database connection cut, then back")
    a, b = stage.nodes
    lifecycles = [Lifecycle(Client([a]), [a]) for _ in range(2)]
    runner = in_background(lifecycles, stagger=1)
    time.sleep(4)
    stage.fault()
    stage.proxy_a.cut()
    log("  proxy of A cut")
    token, member = new_member(Client([b]), "MENTEE")
    slowest, codes = 0.0, []
    for _ in range(3):
        t = time.monotonic()
        try:
            codes.append(graphql_code(post(a, "{ me { id } }", {}, token, timeout=30)))
        except Unreachable as e:
            codes.append(f"unreachable: {e}")
        slowest = max(slowest, time.monotonic() - t)
    check(all(c == "SERVICE_UNAVAILABLE" for c in codes) and slowest < 8,
          f"db cut: A answers SERVICE_UNAVAILABLE within {slowest:.1f}s (limit 8 s) while the database is gone "
          f"({codes})")
    t = time.monotonic()
    email = f"cut-{RUN}@faults.test"
    sign_up = {"input": {"email": email, "password": PASSWORD, "firstName": "Cut", "lastName": "Off",
                         "roles": ["MENTEE"], "language": "EN", "timeZone": "Europe/Vienna"}}
    sign_up_key = str(uuid.uuid4())
    try:
        code = graphql_code(post(a, MUTATIONS["signUp"], sign_up, key=sign_up_key))
    except Unreachable as e:
        code = str(e)
    check(code == "SERVICE_UNAVAILABLE" and time.monotonic() - t < 8,
          f"db cut: a mutation on A is refused fast and clearly ({code}, {time.monotonic() - t:.1f}s)")
    check(data_of(post(b, "{ me { id } }", {}, token))["me"]["id"] == member, "db cut: B keeps working")
    time.sleep(3)
    stage.proxy_a.up()
    log("  proxy of A restored")
    t = time.monotonic()
    recovered = None
    while time.monotonic() - t < 30:
        try:
            if data_of(post(a, "{ me { id } }", {}, token))["me"]["id"] == member:
                recovered = time.monotonic() - t
                break
        except (Refused, Unreachable):
            time.sleep(0.5)
    check(recovered is not None, f"db cut: A answers again {recovered if recovered is None else round(recovered, 1)}s "
          "after the connection is back, without a restart")
    check(scalar(f"select count(*) from members where email = '{email}'") == 0,
          "db cut: the refused sign-up left nothing behind")
    body, headers = post(a, MUTATIONS["signUp"], sign_up, key=sign_up_key)
    check(graphql_code((body, headers)) is None and headers.get("Idempotent-Replayed") is None
          and scalar(f"select count(*) from members where email = '{email}'") == 1,
          "db cut: the client's repeat with the same Idempotency-Key runs now (the refusal was not kept as its result)")
    runner.join()
    done, failed = runner.result()
    check(not failed, f"db cut: {len(done)} of {len(lifecycles)} lifecycles in flight on A finished after the cut")
    check(wait_quiet(a), "db cut: every due job ran")
    stage.verify("db cut")
