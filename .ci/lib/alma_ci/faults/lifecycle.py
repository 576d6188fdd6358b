"""One mentorship lifecycle as two users take it, from sign-up to certificate, and many of them at once."""

import concurrent.futures
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone

from ..api import MUTATIONS, NOT_DUE, Refused, data_of, post, sign_up
from ..report import log

PASSWORD = "Faults-Passw0rd-2026"
MAIL_DOMAIN = "faults.test"
MEETING_LEAD = 15  # seconds from proposing a meeting to its start


def new_member(client, role):
    """(token, member id) of a new member with this role."""
    return sign_up(client, role, MAIL_DOMAIN, PASSWORD)


class Lifecycle:
    """A mentee and a mentor from sign-up to certificate. With `duplicates`, every confirmation goes to both nodes
    at the same moment (with different keys: two tabs), and exactly one may take effect."""

    def __init__(self, client, nodes, duplicates=False, chat=False):
        self.client = client
        self.nodes = nodes
        self.duplicates = duplicates
        self.chat = chat
        self.step = "start"
        self.mentorship = None
        self.meeting = None
        self.refusals = []

    def confirm(self, name, variables, token, until_due=0):
        """A confirmation; with duplicates, sent to every node at once. Polls while not due (new key each time)."""
        deadline = time.monotonic() + until_due
        while True:
            if not self.duplicates:
                try:
                    return self.client.mutate(name, variables, token)
                except Refused as e:
                    if e.code in NOT_DUE and time.monotonic() < deadline:
                        time.sleep(0.5)
                        continue
                    raise
            outcomes = duplicate(self.nodes, name, variables, token)
            done = [o for o in outcomes if isinstance(o, dict)]
            codes = [o.code for o in outcomes if isinstance(o, Refused)]
            if done:
                self.refusals.extend(codes)
                if "INTERNAL_ERROR" in codes or "UNKNOWN" in codes:
                    raise RuntimeError(f"{name}: a duplicate got an unclear error {codes}")
                return done[0]
            if all(c in NOT_DUE for c in codes) and time.monotonic() < deadline:
                time.sleep(0.5)
                continue
            raise RuntimeError(f"{name}: no node accepted it: {outcomes}")

    def run(self):
        c = self.client
        self.step = "sign-up"
        mentee, _ = new_member(c, "MENTEE")
        mentor, mentor_id = new_member(c, "MENTOR")
        self.step = "request"
        self.mentorship = c.mutate("request", {"id": mentor_id}, mentee)["requestMentorship"]["mentorship"]["id"]
        ms = {"id": self.mentorship}
        self.step = "accept"
        self.confirm("accept", ms, mentor)
        if self.chat:
            self.step = "chat"
            c.mutate("message", {"id": self.mentorship, "text": "Hello from the fault scripts"}, mentee)
        self.step = "agreement"
        today = datetime.now(timezone.utc).date()
        c.mutate("save", {"input": {
            "mentorshipId": self.mentorship, "periodStart": str(today), "periodEnd": str(today + timedelta(days=180)),
            "meetingCount": 3, "contactKinds": ["VIDEO"], "contactFrequency": "every two weeks",
            "topics": ["Career goals"]}}, mentee)
        c.mutate("submit", ms, mentee)
        self.confirm("approve", ms, mentor)
        self.step = "meeting"
        # far enough ahead that proposing and scheduling finish before it, even with retries on a slow machine
        start = (datetime.now(timezone.utc) + timedelta(seconds=MEETING_LEAD)).replace(microsecond=0)
        self.meeting = c.mutate("propose", {"input": {
            "mentorshipId": self.mentorship, "finalMeeting": True,
            "slots": [{"start": start.isoformat().replace("+00:00", "Z"), "durationMinutes": 30,
                       "kind": "PHONE"}]}}, mentee)["proposeMeeting"]["meeting"]["id"]
        c.mutate("schedule", {"id": self.meeting}, mentor)
        self.step = "meeting held"
        self.confirm("held", {"id": self.meeting}, mentee, until_due=90)
        self.confirm("held", {"id": self.meeting}, mentor, until_due=30)
        self.step = "closure"
        c.mutate("proposeClosure", ms, mentee)
        self.confirm("confirmClosure", ms, mentor)
        self.step = "certificate"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if c.query("{ me { certificates { id } } }", {}, mentee)["me"]["certificates"]:
                self.step = "done"
                return self
            time.sleep(0.5)
        raise RuntimeError("no certificate 90 s after the closure")


def at_once(nodes, send):
    """send(node) on every node at the same moment (a barrier); the answers in the order of the nodes."""
    barrier = threading.Barrier(len(nodes))

    def go(node):
        barrier.wait()
        return send(node)

    with concurrent.futures.ThreadPoolExecutor(len(nodes)) as pool:
        return list(pool.map(go, nodes))


def duplicate(nodes, name, variables, token):
    """The same mutation to every node at the same moment, each with its own key; outcomes (data or Refused)."""

    def send(node):
        try:
            return data_of(post(node, MUTATIONS[name], variables, token, str(uuid.uuid4())))
        except Refused as e:
            return e

    return at_once(nodes, send)


def run_lifecycles(lifecycles, stagger=0.3):
    """Runs lifecycles in parallel; returns (done, failed with reasons)."""

    def one(lifecycle):
        try:
            lifecycle.run()
        except Exception as e:  # noqa: BLE001 - reported below
            lifecycle.step += f" failed: {e}"
        return lifecycle

    with concurrent.futures.ThreadPoolExecutor(len(lifecycles)) as pool:
        futures = []
        for lifecycle in lifecycles:
            futures.append(pool.submit(one, lifecycle))
            time.sleep(stagger)
        results = [f.result() for f in futures]
    for lifecycle in results:
        if lifecycle.step != "done":
            log(f"  lifecycle {lifecycle.mentorship}: {lifecycle.step}")
    return [l for l in results if l.step == "done"], [l for l in results if l.step != "done"]


def in_background(lifecycles, stagger):
    """Starts run_lifecycles in a thread; join() the thread, then result() gives (done, failed)."""
    holder = {}
    runner = threading.Thread(target=lambda: holder.update(result=run_lifecycles(lifecycles, stagger)))
    runner.start()
    runner.result = lambda: holder["result"]
    return runner
