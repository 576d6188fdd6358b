"""A TCP proxy in front of MariaDB that can cut every connection (the database becomes unreachable for one node) or
freeze them (the connections stay open but carry nothing, as with a stalled server or network), without stopping the
MariaDB other scripts and builds share."""

import select
import socket
import threading

from .. import db
from ..server import free_port
from ..smtp import _close


class Proxy:

    def __init__(self, name):
        self.name = name
        self.port = free_port()
        self.listener = None
        self.pairs = set()
        self.lock = threading.Lock()
        self.is_cut = False
        self.thawed = threading.Event()
        self.thawed.set()

    def up(self):
        with self.lock:
            self.is_cut = False
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.listener.listen(128)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        """Closes every open connection and refuses new ones (the database is unreachable)."""
        listener, self.listener = self.listener, None
        _close(listener)
        with self.lock:
            self.is_cut = True  # a connection being set up right now is closed by _accept
            for a, b in list(self.pairs):
                _close(a)
                _close(b)
            self.pairs.clear()

    def freeze(self):
        """Stops forwarding in both directions without closing anything: statements and answers in flight wait, new
        connections are accepted but get no handshake."""
        self.thawed.clear()

    def thaw(self):
        """Forwards again; what waited is delivered, a connection its client gave up on in between is closed."""
        self.thawed.set()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection((db.HOST, db.PORT), timeout=5)
                upstream.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self.lock:
                if self.is_cut:
                    _close(client)
                    _close(upstream)
                    continue
                self.pairs.add((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, a, b):
        try:
            while True:
                self.thawed.wait()
                readable, _, _ = select.select([a, b], [], [], 0.2)
                for s in readable:
                    if not self.thawed.is_set():
                        break  # frozen while waiting: keep the bytes in the socket
                    data = s.recv(65536)
                    if not data:
                        return
                    (b if s is a else a).sendall(data)
        except (OSError, ValueError):
            pass
        finally:
            with self.lock:
                self.pairs.discard((a, b))
            _close(a)
            _close(b)
