"""Database freeze: node A's connections to MariaDB stay open but carry nothing (a stalled server or network) while a
request's statement is running. The request fails within the stated bound (docs/operations.md, "The database
stalls": socketTimeout 20 s, about 25 s in all) instead of hanging as long as the stall lasts, and changes nothing;
B keeps working; A recovers after the thaw without a restart."""

import subprocess
import threading
import time

from .. import db
from ..api import RUN, Client, Refused, Unreachable, data_of, graphql_code, post
from ..db import scalar
from ..invariants import wait_quiet
from ..report import check, log
from .lifecycle import new_member

NAME = "db-freeze"
# docs/operations.md, "The database stalls": "a request needs at most about 25 s to fail, however long the stall
# lasts" (the driver's socketTimeout=20000 on the JDBC URL, then the rollback on the dead connection and the answer)
BOUND = 25.0
UPDATE = "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { me { firstName } } }"


def run(stage):
    log("== 4. node A's database connections frozen while a request runs, then thawed")
    a, b = stage.nodes
    token, member = new_member(Client([a]), "MENTEE")
    name = f"Frozen{RUN}"
    # the member's row locked from outside the nodes (not through A's proxy): A's update of it waits in MariaDB, so
    # its statement is running for sure when the connection freezes
    locker = subprocess.Popen(["mysql", f"-h{db.HOST}", f"-P{db.PORT}", f"-u{db.USER}", "-N", "-B", "--unbuffered",
                               db.name()], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    locker.stdin.write(f"begin; select id from members where id = '{member}' for update;\n")
    locker.stdin.flush()
    check(locker.stdout.readline().strip() == member, "db freeze: the member's row is locked from outside")
    answer = {}

    def update():
        started = time.monotonic()
        try:
            answer["result"] = post(a, UPDATE, {"input": {"firstName": name}}, token, timeout=90)
        except Unreachable as e:
            answer["result"] = e
        answer["seconds"] = time.monotonic() - started

    request = threading.Thread(target=update)
    request.start()
    waiting = False
    deadline = time.monotonic() + 15
    while not waiting and time.monotonic() < deadline:
        waiting = scalar("select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'") > 0
        time.sleep(0.2)
    check(waiting, "db freeze: A's update is running in MariaDB (waiting for the row)")
    stage.fault()
    stage.proxy_a.freeze()
    log("  proxy of A frozen")
    # MariaDB runs the update now; its answer never reaches A
    locker.stdin.write("commit;\n")
    locker.stdin.close()
    locker.wait(timeout=10)
    try:
        check(data_of(post(b, "{ me { id } }", {}, token))["me"]["id"] == member, "db freeze: B keeps working")
    except (Refused, Unreachable) as e:
        check(False, f"db freeze: B keeps working ({e})")
    request.join(timeout=BOUND + 60)
    result, seconds = answer.get("result"), answer.get("seconds")
    code = graphql_code(result) if isinstance(result, tuple) else result
    check(seconds is not None and seconds <= BOUND and isinstance(result, tuple) and code is not None,
          f"db freeze: the running request fails within the stated bound: {code} after "
          f"{'no answer' if seconds is None else f'{seconds:.1f}s'} (bound {BOUND:.0f} s), while the freeze lasts")
    check(code == "SERVICE_UNAVAILABLE", f"db freeze: the answer says the database is unavailable ({code})")
    stage.proxy_a.thaw()
    log("  proxy of A thawed")
    t = time.monotonic()
    recovered = None
    while time.monotonic() - t < 60:
        try:
            if data_of(post(a, "{ me { id } }", {}, token))["me"]["id"] == member:
                recovered = time.monotonic() - t
                break
        except (Refused, Unreachable):
            time.sleep(0.5)
    check(recovered is not None, f"db freeze: A answers again {recovered if recovered is None else round(recovered, 1)}s "
          "after the thaw, without a restart")
    check(scalar(f"select count(*) from members where first_name = '{name}'") == 0,
          "db freeze: the failed update changed nothing (its transaction never committed)")
    check(wait_quiet(a), "db freeze: every due job ran")
    stage.verify("db freeze")
