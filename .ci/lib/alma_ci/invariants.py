"""What must hold after any scenario, read from the database and the mail catcher: nothing stranded, nothing lost,
nothing doubled."""

import re
import time
import urllib.error

from .api import rest
from .db import sql
from .report import check, log


def wait_quiet(node, timeout=120):
    """Until no job is due or waiting for a retry (future timers -- reminders, inactivity, the digest -- stay)."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline:
        try:
            _, due = rest(node, "GET", "/job/count?executable=true")
            _, retrying = rest(node, "GET", "/job/count?withException=true&withRetriesLeft=true")
            quiet = quiet + 1 if due["count"] == 0 and retrying["count"] == 0 else 0
        except (OSError, urllib.error.URLError, KeyError, TypeError):
            quiet = 0
        if quiet >= 3:
            return True
        time.sleep(1)
    return False


INVARIANTS = {
    "REQUESTED => exactly one open review task": """
        select m.id from mentorships m where m.status = 'REQUESTED'
        and (select count(*) from ACT_RU_TASK t where t.PROC_INST_ID_ = m.process_instance_id
             and t.TASK_DEF_KEY_ = 'Task_ReviewRequest') <> 1""",
    "an open review task => its mentorship is REQUESTED": """
        select t.ID_ from ACT_RU_TASK t left join mentorships m on m.process_instance_id = t.PROC_INST_ID_
        where t.TASK_DEF_KEY_ = 'Task_ReviewRequest' and (m.id is null or m.status <> 'REQUESTED')""",
    "ACCEPTED/ACTIVE => a running lifecycle instance": """
        select m.id from mentorships m where m.status in ('ACCEPTED', 'ACTIVE')
        and not exists (select 1 from ACT_RU_EXECUTION e where e.ID_ = m.process_instance_id)""",
    "a running lifecycle instance => its mentorship is open": """
        select e.ID_ from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
        where d.KEY_ = 'mentorship-lifecycle' and e.ID_ = e.PROC_INST_ID_
        and not exists (select 1 from mentorships m where m.process_instance_id = e.ID_
                        and m.status in ('REQUESTED', 'ACCEPTED', 'ACTIVE'))""",
    "ended mentorship => no running execution and no job (lifecycle, called and mail instances)": """
        select distinct m.id from mentorships m join ACT_HI_PROCINST h
          on h.ROOT_PROC_INST_ID_ = m.process_instance_id or h.BUSINESS_KEY_ = m.id
        where m.status not in ('REQUESTED', 'ACCEPTED', 'ACTIVE')
        and (exists (select 1 from ACT_RU_EXECUTION e where e.PROC_INST_ID_ = h.ID_)
             or exists (select 1 from ACT_RU_JOB j where j.PROCESS_INSTANCE_ID_ = h.ID_))""",
    "HELD meeting => exactly one achievement per side": """
        select mt.id from meetings mt where mt.status = 'HELD' and (
          (select count(*) from achievements a where a.kind = 'MEETING_HELD' and a.source_id = mt.id
             and a.member_id = mt.mentee_id) <> 1
          or (select count(*) from achievements a where a.kind = 'MEETING_HELD' and a.source_id = mt.id
             and a.member_id = mt.mentor_id) <> 1
          or (select count(*) from achievements a where a.kind = 'MEETING_HELD' and a.source_id = mt.id) <> 2)""",
    "a meeting achievement => its meeting is HELD": """
        select a.id from achievements a left join meetings mt on mt.id = a.source_id
        where a.kind = 'MEETING_HELD' and (mt.id is null or mt.status <> 'HELD')""",
    "HELD meeting => both confirmations (or an admin's HELD) recorded and its confirmation process ended": """
        select mt.id from meetings mt where mt.status = 'HELD'
        and (mt.mentee_confirmed_at is null
             or (mt.mentor_confirmed_at is null and coalesce(mt.dispute_resolution, '') <> 'HELD')
             or exists (select 1 from ACT_RU_EXECUTION e where e.PROC_INST_ID_ = mt.process_instance_id))""",
    "COMPLETED mentorship => both sides have the completion achievement and a certificate": """
        select m.id from mentorships m where m.status = 'COMPLETED' and (
          (select count(*) from achievements a where a.kind = 'MENTORSHIP_COMPLETED' and a.source_id = m.id) <> 2
          or (select count(*) from certificates c where c.mentorship_id = m.id) <> 2)""",
    # none of the scenario's flows loops (no resubmission, no reschedule; the inactivity timer is 30 days ahead), so
    # a step that ran twice in one instance is a timer that fired twice, an async job run twice, a message taken twice
    "no step ran twice in a process instance (each timer fired once, each async job ran once)": """
        select concat(PROC_INST_ID_, ' ', ACT_ID_) from ACT_HI_ACTINST
        group by PROC_INST_ID_, ACT_ID_ having count(*) > 1""",
    "no incident": "select ID_ from ACT_RU_INCIDENT",
}


def check_invariants(scenario, skip=()):
    ok = True
    for what, statement in INVARIANTS.items():
        if what in skip:
            continue
        rows = sql(statement)
        ok &= check(not rows, f"{scenario}: {what}" + (f" -- violated by {[r[0] for r in rows[:5]]}" if rows else ""))
    return ok


def message_id(key):
    return re.sub(r"[^A-Za-z0-9._-]", ".", key)


def check_mails(catcher, scenario, fault_instants=(), fault_window=3.0):
    """Every mail the server recorded as sent arrived; none arrived twice, except the documented at-least-once
    window right before a kill -9 or a database cut (SMTP had it, the commit did not happen)."""
    mails = catcher.snapshot()
    arrived = {}
    for at, mid, _, _ in mails:
        local = mid.strip("<>").rsplit("@", 1)[0]
        arrived.setdefault(local, []).append(at)
    keys = [r[0] for r in sql("select mail_key from sent_mails")]
    missing = [k for k in keys if message_id(k) not in arrived]
    check(not missing, f"{scenario}: every mail recorded as sent ({len(keys)}) arrived at the catcher"
          + (f" -- missing {missing[:5]}" if missing else ""))
    unexplained, explained = [], []
    for local, times in arrived.items():
        if len(times) < 2:
            continue
        first = min(times)
        if len(times) == 2 and any(f - fault_window <= first <= f for f in fault_instants):
            explained.append(local)
        else:
            unexplained.append(local)
    if explained:
        log(f"  {len(explained)} mail(s) delivered twice inside the at-least-once window of a kill/cut: {explained}")
    check(not unexplained, f"{scenario}: no mail key arrived twice ({len(mails)} mails)"
          + (f" -- twice: {unexplained[:5]}" if unexplained else ""))
    return arrived
