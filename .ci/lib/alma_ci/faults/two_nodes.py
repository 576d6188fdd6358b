"""Two nodes: clients spread over A and B; every confirmation (accept, approve, meeting held, closure) is sent to
both nodes at the same moment (two browser tabs); the same mutation with one Idempotency-Key to both nodes at once
and again after a "timeout"; the chat digest job executed on both nodes at once; a live chat subscriber on A (the
graphql-ws npm client, .ci/chat-ws-check) gets a message sent through B; a password changed through A revokes the
old token on B within the revocation cache's bound (docs/security.md)."""

import json
import os
import subprocess
import time
import uuid

from ..api import MUTATIONS, Client, Refused, graphql_code, post, rest
from ..db import scalar
from ..invariants import wait_quiet
from ..release import ROOT
from ..report import check, log
from .lifecycle import PASSWORD, Lifecycle, at_once, new_member, run_lifecycles

NAME = "two-nodes"


def run(stage):
    log("== 1. two nodes: clients on both, duplicate confirmations to both at once, the digest job on both")
    nodes = stage.nodes
    lifecycles = [Lifecycle(Client(nodes), nodes, duplicates=True, chat=True) for _ in range(6)]
    done, failed = run_lifecycles(lifecycles)
    check(not failed, f"two nodes: {len(done)} of {len(lifecycles)} lifecycles completed with duplicate "
          f"confirmations (refusals of the duplicates: {sorted(set(c for l in lifecycles for c in l.refusals))})")
    idempotency(stage)
    digest(stage, len(lifecycles))
    live_chat(stage)
    revocation(stage)
    stage.verify("two nodes")


#: mentoring.security.revocation-cache as the nodes run it (the default), and what a poll may add to it
REVOCATION_BOUND = 5.0
REVOCATION_SLACK = 1.0

ME = "{ me { id } }"
CHANGE_PASSWORD = "mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }"


def revocation(stage):
    """The old token is refused by B within the bound after the password changed through A; the new one works."""
    a, b = stage.nodes
    token, member_id = new_member(Client(stage.nodes), "MENTEE")
    before = post(b, ME, token=token)[0]
    check((before.get("data") or {}).get("me", {}).get("id") == member_id,
          "revocation: the token works on B before the change (B has cached the member's token version)")
    # through A only, as a careful client sends it (one key, again after SERVICE_UNAVAILABLE)
    client = Client([a], mutations={"changePassword": CHANGE_PASSWORD})
    try:
        new_token = client.mutate("changePassword", {"input": {
            "currentPassword": PASSWORD, "newPassword": PASSWORD + "-new"}}, token)["changePassword"]["token"]
    except Refused as e:
        new_token = None
        log(f"  changePassword through A refused: {e}")
    started = time.monotonic()
    check(new_token is not None, "revocation: the password changed through A, which answers with a new token")
    refused_after = None
    while time.monotonic() - started < REVOCATION_BOUND + 10:
        body = post(b, ME, token=token)[0]
        extensions = ((body.get("errors") or [{}])[0].get("extensions") or {})
        if extensions.get("code") == "UNAUTHORIZED":
            refused_after = time.monotonic() - started
            check(extensions.get("reason") == "REVOKED",
                  f"revocation: B refuses the old token saying why ({extensions.get('reason')})")
            break
        time.sleep(0.2)
    check(refused_after is not None and refused_after <= REVOCATION_BOUND + REVOCATION_SLACK,
          f"revocation: B refused the old token {refused_after and round(refused_after, 1)} s after the change "
          f"through A (bound {REVOCATION_BOUND:.0f} s + {REVOCATION_SLACK:.0f} s for the poll)")
    after = post(b, ME, token=new_token)[0] if new_token else {}
    check((after.get("data") or {}).get("me", {}).get("id") == member_id,
          "revocation: the new token from the change works on B")


def idempotency(stage):
    """The same mutation with one key to both nodes at once, then again after a "timeout"."""
    a, b = stage.nodes
    client = Client(stage.nodes)
    mentee_token, _ = new_member(client, "MENTEE")
    _, mentor_id = new_member(client, "MENTOR")
    key = str(uuid.uuid4())
    answers = at_once(stage.nodes, lambda node: post(node, MUTATIONS["request"], {"id": mentor_id}, mentee_token, key))
    later = post(b, MUTATIONS["request"], {"id": mentor_id}, mentee_token, key)
    bodies = [json.dumps(x[0], sort_keys=True) for x in answers + [later]]
    ids = scalar(f"select count(*) from mentorships where mentor_id = '{mentor_id}'")
    check(len(set(bodies)) == 1 and "errors" not in answers[0][0],
          "idempotency: one key sent to A and B at once and again later -- three identical answers")
    check(ids == 1, f"idempotency: one mentorship from three requests with one key (found {ids})")
    replayed = [x[1].get("Idempotent-Replayed") for x in answers + [later]]
    check(replayed.count("true") == 2, f"idempotency: two of three answers are replays ({replayed})")
    other = post(a, MUTATIONS["request"], {"id": mentor_id}, mentee_token, str(uuid.uuid4()))
    code = graphql_code(other)
    check(code is not None and code != "INTERNAL_ERROR",
          f"idempotency: a new key is a new request, refused by the domain rule ({code})")
    _, second_mentor = new_member(client, "MENTOR")
    reused = post(a, MUTATIONS["request"], {"id": second_mentor}, mentee_token, key)
    code = graphql_code(reused)
    check(code == "IDEMPOTENCY_KEY_REUSED"
          and scalar(f"select count(*) from mentorships where mentor_id = '{second_mentor}'") == 0,
          f"idempotency: the key with another request is refused and does nothing ({code})")


def digest(stage, conversations_expected):
    """Every mentee wrote one message the mentor never read; the digest's job runs on both nodes at once."""
    a = stage.a
    time.sleep(2.5)
    status, jobs = rest(a, "GET", "/job?processDefinitionKey=chat-digest&timers=true&firstResult=0&maxResults=10")
    check(status == 200 and len(jobs) == 1, f"digest: one timer job for the chat digest ({status}, "
          f"{len(jobs) if isinstance(jobs, list) else jobs})")
    if status == 200 and jobs:
        job = jobs[0]["id"]
        statuses = at_once(stage.nodes, lambda node: rest(node, "POST", f"/job/{job}/execute")[0])
        log(f"  digest job executed on A and B at once: HTTP {statuses}")
    check(wait_quiet(a), "digest: every due job ran")
    digests = [m for m in stage.catcher.snapshot() if "chat-digest" in m[1]]
    conversations = scalar("select count(*) from chat_messages")
    check(len(digests) == conversations == conversations_expected,
          f"digest: one digest mail per unread conversation ({len(digests)} mails, {conversations} messages)")


def live_chat(stage):
    """The graphql-ws client subscribes on A, the mentor sends through B."""
    a, b = stage.nodes
    try:
        chat = subprocess.run([os.path.join(ROOT, ".ci", "chat-ws-check"), a.base, b.base], capture_output=True,
                              text=True, timeout=300, env={**os.environ, "MAIL_DIR": stage.catcher.text_dir})
        passed, output = chat.returncode == 0, chat.stdout[-2000:] + chat.stderr[-2000:]
    except subprocess.TimeoutExpired as ex:
        passed, output = False, f"no answer within {ex.timeout} s"
    check(passed, "two nodes: a live chat subscriber on A gets the message sent through B"
          + ("" if passed else f" -- {output}"))
    check(wait_quiet(a), "two nodes: the chat check's mails sent")
