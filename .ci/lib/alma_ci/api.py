"""A GraphQL client as the apps use it, the engine's REST API as operators use it, and the mutations the scripts
send."""

import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from base64 import b64encode

#: The Camunda operator every node the scripts start is given (server.Node sets it, so that a release from before
#: the engine's password policy, whose default was another password, creates the same user).
ADMIN_USER = "admin"
ADMIN_PASSWORD = "Camunda-Dev-Pass-1"
ADMIN = "Basic " + b64encode(f"{ADMIN_USER}:{ADMIN_PASSWORD}".encode()).decode()


class Unreachable(Exception):
    """The node did not answer (connection refused/reset, timeout): a client retries."""


class Refused(Exception):

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code


def post(node, query, variables=None, token=None, key=None, timeout=30):
    """Posts one GraphQL request; returns (body, headers). Raises Unreachable when the node does not answer."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if key:
        headers["Idempotency-Key"] = key
    request = urllib.request.Request(node.base + "/graphql", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return json.loads(r.read()), dict(r.headers)
    except urllib.error.HTTPError as e:
        text = e.read()
        try:
            return json.loads(text), dict(e.headers)
        except ValueError:
            raise Unreachable(f"HTTP {e.code} from {node.name}: {text[:200]!r}") from None
    except (urllib.error.URLError, OSError, TimeoutError) as e:
        raise Unreachable(f"{node.name}: {e}") from None


def data_of(answer):
    body, _ = answer
    errors = body.get("errors") or []
    if errors:
        code = (errors[0].get("extensions") or {}).get("code") or (errors[0].get("extensions") or {}).get(
            "classification", "UNKNOWN")
        raise Refused(code, errors[0].get("message", ""))
    return body["data"]


def rest(node, method, path, body=None, timeout=30):
    request = urllib.request.Request(node.base + "/engine-rest" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": ADMIN, "Content-Type": "application/json",
                                              "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            text = r.read()
            return r.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        text = e.read()
        return e.code, (json.loads(text) if text.startswith(b"{") else text)


def graphql_code(answer):
    errors = answer[0].get("errors") or []
    return ((errors[0].get("extensions") or {}).get("code")) if errors else None


MUTATIONS = {
    "signUp": "mutation($input: SignUpInput!) { signUp(input: $input) { token me { id } } }",
    "verifyEmail": "mutation($token: String!) { verifyEmail(input: {token: $token}) { verified } }",
    "request": "mutation($id: ID!) { requestMentorship(input: {mentorId: $id, message: \"Please mentor me\"}) "
               "{ mentorship { id status } } }",
    "accept": "mutation($id: ID!) { acceptMentorshipRequest(input: {mentorshipId: $id}) { mentorship { id status } } }",
    "message": "mutation($id: ID!, $text: String!) { sendMessage(input: {mentorshipId: $id, text: $text}) "
               "{ message { id } } }",
    "save": "mutation($input: SaveAgreementInput!) { saveAgreement(input: $input) { agreement { version status } } }",
    "submit": "mutation($id: ID!) { submitAgreement(input: {mentorshipId: $id}) { agreement { status } } }",
    "approve": "mutation($id: ID!) { approveAgreement(input: {mentorshipId: $id, version: 1}) "
               "{ mentorship { status } } }",
    "propose": "mutation($input: ProposeMeetingInput!) { proposeMeeting(input: $input) { meeting { id status } } }",
    "schedule": "mutation($id: ID!) { scheduleMeeting(input: {meetingId: $id, slot: 0}) { meeting { status } } }",
    "held": "mutation($id: ID!) { confirmMeetingHeld(input: {meetingId: $id}) { meeting { status } } }",
    "proposeClosure": "mutation($id: ID!) { proposeClosure(input: {mentorshipId: $id}) { mentorship { status } } }",
    "confirmClosure": "mutation($id: ID!) { confirmClosure(input: {mentorshipId: $id}) { mentorship { status } } }",
}
NOT_DUE = {"NO_OPEN_TASK", "MEETING_NOT_YET"}
RUN = uuid.uuid4().hex[:8]
COUNTER = iter(range(1, 1_000_000))
COUNTER_LOCK = threading.Lock()


def next_number():
    with COUNTER_LOCK:
        return next(COUNTER)


def sign_up(client, role, mail_domain, password, language="EN", mails=None):
    """A new member with one role ("MENTOR" or "MENTEE") and an address unique to this run, with the address verified
    through the link of the mail the catcher caught (`mails`, else the latest smtp.MailCatcher); (token, member id)."""
    email = f"{RUN}-{next_number()}@{mail_domain}"
    data = client.mutate("signUp", {"input": {
        "email": email, "password": password, "firstName": "Check",
        "lastName": "Mentorin" if role == "MENTOR" else "Mentee", "roles": [role], "language": language,
        "timeZone": "Europe/Vienna"}})
    token = data["signUp"]["token"]
    verify_email(client, token, email, mails)
    return token, data["signUp"]["me"]["id"]


def verify_email(client, token, email, mails=None, timeout=180):
    """Follows the verification link of the sign-up mail, as the member would. A release from before verified
    addresses has no `emailVerified` (a validation error): nothing to verify there."""
    try:
        if client.query("{ me { emailVerified } }", {}, token)["me"]["emailVerified"]:
            return
    except Refused as e:
        if e.code in ("ValidationError", "GRAPHQL_VALIDATION_FAILED", "INVALID_INPUT", "BAD_REQUEST"):
            return
        raise
    from .smtp import MailCatcher
    catcher = mails or MailCatcher.latest
    if catcher is None:
        raise RuntimeError(f"{email} waits for verification, but no mail catcher is running")
    client.mutate("verifyEmail", {"token": catcher.link_token(email, "/verify-email", timeout)})


class Client:
    """Sends mutations the way a careful client does: one Idempotency-Key per intent; after a timeout or a refused
    connection the same request again (on the other node), after SERVICE_UNAVAILABLE the same request a moment
    later."""

    def __init__(self, nodes, patience=150, mutations=None):
        self.nodes = nodes
        self.mutations = mutations or MUTATIONS
        self.patience = patience
        self.turn = next_number()
        self.retries = 0

    def node(self):
        self.turn += 1
        return self.nodes[self.turn % len(self.nodes)]

    def mutate(self, name, variables, token=None):
        key = str(uuid.uuid4())
        deadline = time.monotonic() + self.patience
        node = self.node()
        while True:
            try:
                return data_of(post(node, self.mutations.get(name) or MUTATIONS[name], variables, token, key))
            except Unreachable:
                pass
            except Refused as e:
                if e.code not in ("SERVICE_UNAVAILABLE", "IDEMPOTENCY_KEY_IN_PROGRESS"):
                    raise
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name}: no answer within {self.patience}s")
            self.retries += 1
            time.sleep(0.5)
            node = self.node()

    def query(self, q, variables, token):
        deadline = time.monotonic() + self.patience
        while True:
            try:
                return data_of(post(self.node(), q, variables, token))
            except Unreachable:
                pass
            except Refused as e:
                if e.code != "SERVICE_UNAVAILABLE":
                    raise
            if time.monotonic() > deadline:
                raise RuntimeError("query: no answer")
            time.sleep(0.5)
