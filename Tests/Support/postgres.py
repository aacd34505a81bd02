#!/usr/bin/env python3
"""A throwaway PostgreSQL cluster for the tests, from Debian's postgresql package.

usage:
  postgres.py start FOLDER          initdb + pg_ctl on a free loopback port; prints the port
  postgres.py stop FOLDER           stops it
  postgres.py load PORT CSV TYPES.json TABLE
                                    loads an export into TABLE, typed as a warehouse would type it:
                                    each column of TYPES.json (number, bool, date,
                                    date:DD-MM-YYYY, string) read
                                    from text; a row whose value does not read is not loaded, as
                                    Lockstep leaves such a row out
  postgres.py sql PORT FILE         runs FILE with psql, prints what psql prints

The cluster trusts local connections for the user `lockstep` and listens on 127.0.0.1 only.
As root, initdb and the server run as the `postgres` user, which the package creates.
"""
import glob
import json
import os
import shutil
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lead_types import FALSE, TRUE, quoted, typed_select  # noqa: E402


def binary(name):
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        sys.exit(f"{name} not found: apt-get install postgresql")
    return found


def as_owner(command):
    return (["runuser", "-u", "postgres", "--"] + command) if os.getuid() == 0 else command


def start(folder):
    os.makedirs(folder, exist_ok=True)
    if os.getuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = os.path.join(folder, "data")
    subprocess.run(as_owner([binary("initdb"), "-D", data, "-U", "lockstep", "--auth=trust", "-E", "UTF8",
                             "--locale=C.UTF-8"]), check=True, stdout=subprocess.DEVNULL)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_parallel_workers_per_gather=2"
    subprocess.run(as_owner([binary("pg_ctl"), "-D", data, "-o", options, "-l", os.path.join(folder, "log"), "-w", "start"]),
                   check=True, stdout=subprocess.DEVNULL)
    print(port)


def stop(folder):
    subprocess.run(as_owner([binary("pg_ctl"), "-D", os.path.join(folder, "data"), "-m", "immediate", "stop"]),
                   check=False, stdout=subprocess.DEVNULL)


def psql(port, *arguments, stdin=None):
    return subprocess.run([binary("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(port),
                           "-U", "lockstep", "-d", "postgres", *arguments], input=stdin, text=True, capture_output=True)


NUMBER = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
DATE = r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}(\.[0-9]*)?)?(Z|[+-][0-9]{1,2}(:?[0-9]{2})?)?)?$"
def typed(column, kind):
    value = f"btrim({quoted(column)}, ' ')"
    if kind == "number":
        return f"CASE WHEN {value} ~ '{NUMBER}' THEN {value}::float8 END", f"{value} <> ''"
    if kind == "bool":
        return (f"CASE WHEN lower({value}) IN {TRUE} THEN TRUE WHEN lower({value}) IN {FALSE} THEN FALSE END",
                f"{value} <> ''")
    if kind == "date":
        return f"CASE WHEN {value} ~ '{DATE}' THEN {value}::timestamptz END", f"{value} <> ''"
    if kind == "date:DD-MM-YYYY":
        day_first = r"^[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}( [0-9]{1,2}:[0-9]{2})?$"
        return (f"CASE WHEN {value} ~ '{day_first}' THEN to_timestamp({value}, 'DD-MM-YYYY HH24:MI') END",
                f"{value} <> ''")
    return f"NULLIF({quoted(column)}, '')", None


typed.quote = '"'


def load(port, export, types_file, table):
    types = json.load(open(types_file))
    with open(export, newline="", encoding="utf-8") as handle:
        header = next(__import__("csv").reader(handle))
    raw = "lockstep_raw_" + table.replace(".", "_")
    selects, where = typed_select(header, types, typed)
    script = f"""SET TimeZone = 'UTC';
DROP TABLE IF EXISTS {raw}; DROP TABLE IF EXISTS {quoted(table)};
CREATE UNLOGGED TABLE {raw} ({', '.join(quoted(n) + ' text' for n in header)});
\\copy {raw} FROM '{export}' WITH (FORMAT csv, HEADER true)
CREATE TABLE {quoted(table)} AS SELECT {selects} FROM {raw} WHERE {where};
DROP TABLE {raw};
ANALYZE {quoted(table)};
"""
    result = psql(port, stdin=script)
    if result.returncode != 0:
        sys.exit(result.stderr)


def main():
    command, *arguments = sys.argv[1:]
    if command == "start":
        start(*arguments)
    elif command == "stop":
        stop(*arguments)
    elif command == "load":
        load(*arguments)
    elif command == "sql":
        result = psql(arguments[0], "-A", "-t", "-f", arguments[1])
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        sys.exit(result.returncode)


if __name__ == "__main__":
    main()
