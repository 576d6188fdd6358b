"""What every scenario runs on: nodes A and B of the packaged jar on one database, each through its own proxy in
front of MariaDB, mail to one catcher; and the checks after each scenario."""

import os
import time

from ..invariants import check_invariants, check_mails
from ..server import Node
from ..smtp import MailCatcher
from .proxy import Proxy

# a database of its own (FAULTS_DB) lets two checkouts run the scripts at once
DB_NAME = os.environ.get("FAULTS_DB", "mentoring_faults")
# settings that make the scenarios take seconds instead of minutes; everything else is the shipped configuration
NODE_ARGS = [
    # a failed mail job is retried after 3 s, 5 s, 10 s, 10 s, 20 s (production: 1 min ... 4 h)
    "--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=PT3S,PT5S,PT10S,PT10S,PT20S",
    # a dead node's job locks expire after 15 s (default 5 min)
    "--camunda.bpm.job-execution.lock-time-in-millis=15000",
    # a chat message unread for 2 s is due for a digest (production: 1 day)
    "--mentoring.chat.digest-after=PT2S",
    # a dead node's Idempotency-Key claim is taken over after 10 s (default 60 s)
    "--mentoring.idempotency.lease=PT10S",
    # every client here signs up from 127.0.0.1 (production: 50 sign-ups per address an hour)
    "--mentoring.sign-up-throttle.per-address=100000",
]
FAULT_WINDOW = 3.0  # seconds before a kill/cut in which a mail may have been handed to SMTP but not committed


class Stage:

    def __init__(self, jar, work):
        # each mail's text also lands in mail-texts/<recipient>.txt: scripts beside the nodes (chat-ws-check) follow
        # the verification links from there
        os.makedirs(os.path.join(work, "mail-texts"), exist_ok=True)
        self.catcher = MailCatcher(os.path.join(work, "mails.tsv"), text_dir=os.path.join(work, "mail-texts"))
        self.proxy_a, self.proxy_b = Proxy("A"), Proxy("B")
        self.a = Node("A", jar, work, self.proxy_a.port, self.catcher.port, NODE_ARGS)
        self.b = Node("B", jar, work, self.proxy_b.port, self.catcher.port, NODE_ARGS)
        self.nodes = [self.a, self.b]
        self.fault_instants = []  # monotonic times of kill -9 and DB cuts: the at-least-once window of mail

    def up(self):
        self.catcher.up()
        self.proxy_a.up()
        self.proxy_b.up()
        self.a.start().wait_ready()  # A first: it creates the schema and deploys the processes
        self.b.start().wait_ready()

    def down(self):
        self.a.stop()
        self.b.stop()

    def fault(self):
        """Marks the moment of a kill or a cut: a mail handed to SMTP just before it may arrive twice."""
        self.fault_instants.append(time.monotonic())

    def verify(self, scenario):
        """The SQL invariants and the mail checks (every mail once, apart from the window before a fault)."""
        check_invariants(scenario)
        return check_mails(self.catcher, scenario, self.fault_instants, FAULT_WINDOW)
