"""The packaged jar as a server node on MariaDB, sending mail to a catcher."""

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

from . import api, db, report
from .report import log


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:

    def __init__(self, name, jar, work, db_port, mail_port, args=(), java=("-Xmx384m", "-XX:TieredStopAtLevel=1")):
        self.name = name
        self.jar = jar
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.db_port = db_port
        self.mail_port = mail_port
        self.args = list(args)
        self.java = list(java)
        self.db_user = db.USER
        self.log_path = os.path.join(work, f"node-{name}.log")
        self.dir = os.path.join(work, f"node-{name}")
        os.makedirs(self.dir, exist_ok=True)
        self.process = None

    def start(self):
        env = dict(os.environ, SPRING_PROFILES_ACTIVE="mysql", MENTORING_DB_HOST="127.0.0.1",
                   MENTORING_DB_PORT=str(self.db_port), MENTORING_DB_NAME=db.name(), MENTORING_DB_USER=self.db_user,
                   MENTORING_DB_PASSWORD="", SPRING_MAIL_HOST="127.0.0.1", SPRING_MAIL_PORT=str(self.mail_port),
                   CAMUNDA_ADMIN_USER=api.ADMIN_USER, CAMUNDA_ADMIN_PASSWORD=api.ADMIN_PASSWORD)
        with open(self.log_path, "a") as out:
            out.write(f"\n===== start at {time.monotonic() - report.START:.1f}s =====\n")
            self.process = subprocess.Popen(
                ["java", *self.java, "-jar", self.jar, f"--server.port={self.port}"] + self.args, cwd=self.dir, env=env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL)
        return self

    def wait_ready(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"node {self.name} exited with {self.process.returncode} (see {self.log_path})")
            try:
                with urllib.request.urlopen(self.base + "/actuator/health", timeout=2) as r:
                    if r.status == 200:
                        log(f"node {self.name} ready on port {self.port}")
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"node {self.name} not ready after {timeout}s (see {self.log_path})")

    def kill9(self):
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
