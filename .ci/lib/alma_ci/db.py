"""The MariaDB the scripts use, through the mysql client: one database per script."""

import subprocess

HOST, PORT, USER = "127.0.0.1", 3306, "root"
NAME = ["mentoring_ci"]


def use(name):
    NAME[0] = name


def name():
    return NAME[0]


def recreate():
    sql(f"drop database if exists {NAME[0]}; create database {NAME[0]} character set utf8mb4 "
        "collate utf8mb4_unicode_ci", db=None)


def sql(statement, db=""):
    """Rows of a statement (tab separated, no header) in this script's database, or in `db`, or none (None)."""
    cmd = ["mysql", f"-h{HOST}", f"-P{PORT}", f"-u{USER}", "-N", "-B"]
    database = NAME[0] if db == "" else db
    if database:
        cmd.append(database)
    out = subprocess.run(cmd + ["-e", statement], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def scalar(statement):
    rows = sql(statement)
    return int(rows[0][0]) if rows else 0
