"""A small SMTP server that records every mail and can be switched off (connections refused) and on again."""

import socket
import threading
import time

from . import report
from .server import free_port


class MailCatcher:

    def __init__(self, path):
        self.port = free_port()
        self.path = path
        self.mails = []  # (monotonic time, message id, recipient, subject)
        self.lock = threading.Lock()
        self.listener = None
        self.clients = set()

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
                        lines.append(data)
                    headers = _headers(lines)
                    with self.lock:
                        self.mails.append((time.monotonic(), headers.get("message-id", ""), recipient,
                                           headers.get("subject", "")))
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


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
