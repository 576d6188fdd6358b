"""The fault scenarios of .ci/faults: two nodes on one database with broken infrastructure around them.

`stage` sets up what every scenario runs on (nodes A and B, a TCP proxy in front of MariaDB for each, the mail
catcher) and checks the invariants after each; `lifecycle` takes mentorships from sign-up to certificate as two users
would; one module per scenario, in the order they run (two_nodes first: it sets up the data the others build on).
"""

from . import db_cut, db_freeze, kill, smtp_down, two_nodes

SCENARIOS = [two_nodes, smtp_down, db_cut, db_freeze, kill]
