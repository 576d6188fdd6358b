"""A small SMTP server that records every mail and can be switched off (connections refused) and on again.

As a command, for the shell scripts (.ci/smoke, .ci/chat-ws-check):

    PYTHONPATH=.ci/lib python3 -m alma_ci.smtp serve DIR      # prints its port, then catches until killed;
                                                              # every mail's text goes to DIR/<recipient>.txt
    PYTHONPATH=.ci/lib python3 -m alma_ci.smtp link DIR RECIPIENT [PATH] [TIMEOUT]
                                                              # prints the token of the newest PATH link
                                                              # (/verify-email) mailed to RECIPIENT, waiting for it
"""

import email
import email.policy
import os
import re
import sys
import socket
import threading
import time

from . import report
from .server import free_port


class MailCatcher:

    #: the catcher made last: where api.sign_up looks for verification links unless given another
    latest = None

    def __init__(self, path, text_dir=None):
        self.port = free_port()
        self.path = path
        self.text_dir = text_dir
        self.mails = []  # (monotonic time, message id, recipient, subject)
        self.texts = []  # (recipient, decoded text/plain part)
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)
        self.listener = None
        self.clients = set()
        MailCatcher.latest = self

    def up(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def down(self):
        """Closes the port and every open session: connections are refused until up()."""
        listener, self.listener = self.listener, None
        _close(listener)  # shutdown wakes the thread blocked in accept(); close alone leaves the port listening
        with self.lock:
            for c in list(self.clients):
                _close(c)

    def _accept(self, listener):
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with self.lock:
                self.clients.add(conn)
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn):
        try:
            f = conn.makefile("rb")
            conn.sendall(b"220 faults-catcher ESMTP\r\n")
            recipient = None
            while True:
                line = f.readline()
                if not line:
                    return
                cmd = line.decode("utf-8", "replace").strip()
                verb = cmd.split(" ")[0].upper()
                if verb == "EHLO":
                    conn.sendall(b"250-faults-catcher\r\n250 8BITMIME\r\n")
                elif verb in ("HELO", "MAIL", "RSET", "NOOP"):
                    conn.sendall(b"250 OK\r\n")
                elif verb == "RCPT":
                    recipient = cmd.split(":", 1)[1].strip().strip("<>")
                    conn.sendall(b"250 OK\r\n")
                elif verb == "DATA":
                    conn.sendall(b"354 end with <CRLF>.<CRLF>\r\n")
                    lines = []
                    while True:
                        data = f.readline()
                        if not data or data in (b".\r\n", b".\n"):
                            break
                        lines.append(data[1:] if data.startswith(b"..") else data)
                    headers = _headers(lines)
                    text = _text(lines)
                    with self.lock:
                        self.mails.append((time.monotonic(), headers.get("message-id", ""), recipient,
                                           headers.get("subject", "")))
                        self.texts.append((recipient, text))
                        self.arrived.notify_all()
                        if self.text_dir:
                            with open(os.path.join(self.text_dir, _file_name(recipient)), "a",
                                      encoding="utf-8") as out:
                                out.write(text + "\n")
                        with open(self.path, "a", encoding="utf-8") as out:
                            out.write(f"{time.monotonic() - report.START:.3f}\t{headers.get('message-id', '')}\t"
                                      f"{recipient}\t{headers.get('subject', '')}\n")
                    conn.sendall(b"250 OK queued\r\n")
                elif verb == "QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"502 not implemented\r\n")
        except OSError:
            pass
        finally:
            with self.lock:
                self.clients.discard(conn)
            _close(conn)

    def snapshot(self):
        with self.lock:
            return list(self.mails)

    def link_token(self, recipient, path="/verify-email", timeout=180):
        """The token parameter of the newest link to `path` in a mail to `recipient`; waits for it up to `timeout`
        seconds (a mail job may be waiting for its retry). Raises TimeoutError."""
        return _newest_token(lambda: [text for to, text in self.texts if to.lower() == recipient.lower()],
                             recipient, path, timeout, self.arrived)


def _headers(lines):
    headers, last = {}, None
    for raw in lines:
        line = raw.decode("utf-8", "replace").rstrip("\r\n")
        if not line:
            break
        if line[0] in " \t" and last:
            headers[last] += " " + line.strip()
            continue
        name, _, value = line.partition(":")
        last = name.strip().lower()
        headers[last] = value.strip()
    return headers


def _newest_token(texts, recipient, path, timeout, arrived=None):
    """The token of the newest `path` link in texts() (called again until one has it or `timeout` passes)."""
    pattern = re.compile(re.escape(path) + r"\?token=([A-Za-z0-9._~-]+)")
    deadline = time.monotonic() + timeout
    while True:
        if arrived is not None:
            arrived.acquire()
        try:
            for text in reversed(texts()):
                found = pattern.search(text)
                if found:
                    return found.group(1)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no mail with a {path} link to {recipient} within {timeout}s")
            if arrived is not None:
                arrived.wait(min(left, 1.0))
        finally:
            if arrived is not None:
                arrived.release()
        if arrived is None:
            time.sleep(0.5)


def _file_name(recipient):
    return re.sub(r"[^A-Za-z0-9@._+-]", "_", recipient.lower()) + ".txt"


def _text(lines):
    """The decoded text/plain part of a mail (empty when it has none)."""
    message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",))
    try:
        return part.get_content() if part is not None else ""
    except (LookupError, ValueError):
        return ""


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


def _main(args):
    if args[:1] == ["serve"] and len(args) == 2:
        os.makedirs(args[1], exist_ok=True)
        catcher = MailCatcher(os.path.join(args[1], "mails.tsv"), text_dir=args[1])
        catcher.up()
        print(catcher.port, flush=True)
        threading.Event().wait()
    elif args[:1] == ["link"] and 3 <= len(args) <= 5:
        directory, recipient = args[1], args[2]
        path = args[3] if len(args) > 3 else "/verify-email"
        timeout = float(args[4]) if len(args) > 4 else 120

        def texts():
            try:
                with open(os.path.join(directory, _file_name(recipient)), encoding="utf-8") as f:
                    return [f.read()]
            except FileNotFoundError:
                return []
        try:
            print(_newest_token(texts, recipient, path, timeout))
        except TimeoutError as e:
            print(e, file=sys.stderr)
            sys.exit(1)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    _main(sys.argv[1:])
