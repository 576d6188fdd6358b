"""SMTP down: the mail catcher stops accepting connections while lifecycles run; mails wait (jobs retry) and go out
once each when it is back. /actuator/health shows SMTP but stays 200 and fast."""

import time
import urllib.error
import urllib.request

from ..api import Client, rest
from ..db import sql
from ..invariants import message_id, wait_quiet
from ..report import check, log
from .lifecycle import Lifecycle, in_background

NAME = "smtp"


def run(stage):
    log("== 2. SMTP down while lifecycles run, then back")
    a, catcher = stage.a, stage.catcher
    before = len(catcher.snapshot())
    catcher.down()
    log("  mail catcher down")
    lifecycles = [Lifecycle(Client(stage.nodes), stage.nodes) for _ in range(3)]
    runner = in_background(lifecycles, stagger=0.3)
    time.sleep(20)
    _, waiting = rest(a, "GET", "/job/count?withException=true")
    check(waiting["count"] > 0 and len(catcher.snapshot()) == before,
          f"smtp down: mails wait -- {waiting['count']} mail job(s) failed and wait for a retry, none arrived")
    # SMTP is shown in /actuator/health but never takes the node out of service, nor makes the answer slow
    started = time.monotonic()
    try:
        with urllib.request.urlopen(a.base + "/actuator/health", timeout=5) as r:
            health_status = r.status
    except urllib.error.HTTPError as ex:
        health_status = ex.code
    except OSError as ex:
        health_status = str(ex)
    took = time.monotonic() - started
    check(health_status == 200 and took < 3,
          f"smtp down: /actuator/health answers 200 within 3 s (got {health_status} after {took:.1f} s)")
    catcher.up()
    log("  mail catcher up again")
    runner.join()
    done, failed = runner.result()
    check(not failed, f"smtp down: {len(done)} of {len(lifecycles)} lifecycles completed")
    check(wait_quiet(a), "smtp down: every mail job ran once the catcher was back")
    arrived = stage.verify("smtp down")
    kinds = sorted({t for t, k in sql("select template, mail_key from sent_mails") if message_id(k) in arrived})
    log(f"  kinds of mail delivered: {', '.join(kinds)}")
