#!/usr/bin/env python3
"""Runs Lockstep's generated SQL in DuckDB on a CSV export, as a warehouse would hold it.

usage: sql_on_duckdb.py EXPORT.csv TYPES.json QUERY.sql [QUERY.sql ...]

TYPES.json maps the export's columns to the lead field types (number, string, bool, date). The
export is read as text and loaded into a table `leads` with those columns typed, the way a
warehouse load would type them; a row whose value does not read as its type is not loaded, as
Lockstep leaves such a row out. Each query's rows are printed as one JSON line per query.
"""
import json
import os
import sys

import duckdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lead_types import FALSE, TRUE, typed_select  # noqa: E402


def typed(column, kind):
    q = '"' + column.replace('"', '""') + '"'
    if kind == "number":
        return f"TRY_CAST(trim({q}, ' ') AS DOUBLE)", f"trim({q}, ' ') <> ''"
    if kind == "bool":
        return (f"CASE WHEN lower(trim({q}, ' ')) IN {TRUE} THEN TRUE WHEN lower(trim({q}, ' ')) IN {FALSE} THEN FALSE END",
                f"trim({q}, ' ') <> ''")
    if kind == "date":
        return f"TRY_CAST(trim({q}, ' ') AS TIMESTAMPTZ)", f"trim({q}, ' ') <> ''"
    if kind == "date:DD-MM-YYYY":
        return (f"CAST(try_strptime(trim({q}, ' '), ['%d-%m-%Y %H:%M', '%d-%m-%Y']) AS TIMESTAMPTZ)",
                f"trim({q}, ' ') <> ''")
    # Empty text stays empty text here, as many warehouses keep it (PostgreSQL's loader makes it
    # NULL): the generated SQL must read both as the evaluator reads an empty cell.
    return f"COALESCE({q}, '')", None


typed.quote = '"'


def load(db, export, types, table):
    db.execute("CREATE OR REPLACE TABLE raw AS SELECT * FROM read_csv(?, header = true, all_varchar = true, "
               "quote = '\"', escape = '\"')", [export])
    names = [row[0] for row in db.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'raw' "
                                          "ORDER BY ordinal_position").fetchall()]
    selects, where = typed_select(names, types, typed)
    db.execute(f"CREATE TABLE {table} AS SELECT {selects} FROM raw WHERE {where}")


def main():
    export, types_file, *queries = sys.argv[1:]
    types = json.load(open(types_file))
    db = duckdb.connect()
    db.execute("SET TimeZone = 'UTC'")
    load(db, export, types, "leads")
    # --join NAME=FILE: a joined export, loaded as table NAME with the same types.
    while queries and queries[0] == "--join":
        name, joined = queries[1].split("=", 1)
        load(db, joined, types, '"' + name.replace('"', '""') + '"')
        queries = queries[2:]
    for query in queries:
        cursor = db.execute(open(query).read())
        columns = [description[0] for description in cursor.description]
        print(json.dumps([dict(zip(columns, row)) for row in cursor.fetchall()], default=str))


if __name__ == "__main__":
    main()
