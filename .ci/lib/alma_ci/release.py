"""The jars: this checkout's (target/), and the previous release's (the commit in .ci/previous-release), built once
from git and cached."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

from .report import log

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "alma-mentoring", "releases")


def current_jar():
    """This checkout's packaged jar; exits with a hint when there is none."""
    jars = [j for j in glob.glob(os.path.join(ROOT, "target", "alma-mentoring-*.jar")) if not j.endswith(".original")]
    if not jars:
        sys.exit("no target/alma-mentoring-*.jar -- run ./mvnw package first")
    return jars[0]


def previous_commit():
    with open(os.path.join(ROOT, ".ci", "previous-release")) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")][0]


def previous_jar():
    """(commit, path of its jar): from the cache outside the checkout, or built from `git archive` of the commit."""
    commit = previous_commit()
    cached = os.path.join(CACHE, f"alma-mentoring-{commit}.jar")
    if os.path.exists(cached):
        log(f"previous release {commit[:12]}: jar from {cached}")
        return commit, cached
    log(f"previous release {commit[:12]}: building its jar")
    source = tempfile.mkdtemp(prefix="alma-previous-")
    try:
        archive = subprocess.run(["git", "-C", ROOT, "archive", commit], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", source], input=archive, check=True)
        subprocess.run(["./mvnw", "-q", "-B", "package", "-DskipTests", "-Dspring-javaformat.skip=true"], cwd=source,
                       check=True, stdin=subprocess.DEVNULL)
        built = [j for j in glob.glob(os.path.join(source, "target", "alma-mentoring-*.jar"))
                 if not j.endswith(".original")][0]
        os.makedirs(CACHE, exist_ok=True)
        shutil.copy(built, cached + ".part")
        os.replace(cached + ".part", cached)
    finally:
        shutil.rmtree(source, ignore_errors=True)
    return commit, cached
