#!/usr/bin/env python3
"""Loads a CSV export into a Spark table, in local mode, for the tests of `data connect spark:local`.

usage: spark.py FOLDER EXPORT.csv TYPES.json TABLE

Run in FOLDER, so the table lands in the catalog `spark-sql` finds there (metastore_db,
spark-warehouse). Each column of TYPES.json (number, bool, date, date:DD-MM-YYYY, string) is read from text as a
warehouse load would type it; a row whose value does not read as its type is not loaded, as
Lockstep leaves such a row out.
"""
import json
import os
import sys

from pyspark.sql import SparkSession

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lead_types import FALSE, TRUE, typed_select  # noqa: E402


def typed(column, kind):
    q = "`" + column.replace("`", "``") + "`"
    value = f"trim({q})"
    if kind == "number":
        return f"try_cast({value} AS DOUBLE)", f"{value} <> ''"
    if kind == "bool":
        return f"CASE WHEN lower({value}) IN {TRUE} THEN TRUE WHEN lower({value}) IN {FALSE} THEN FALSE END", f"{value} <> ''"
    if kind == "date":
        return f"try_cast({value} AS TIMESTAMP)", f"{value} <> ''"
    if kind == "date:DD-MM-YYYY":
        day_first = r"^[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}( [0-9]{1,2}:[0-9]{2})?$"
        return (f"CASE WHEN {value} RLIKE '{day_first}' THEN coalesce(try_to_timestamp({value}, 'd-M-yyyy H:mm'), "
                f"try_to_timestamp({value}, 'd-M-yyyy')) END", f"{value} <> ''")
    return f"NULLIF({q}, '')", None


typed.quote = "`"


def main():
    folder, export, types_file, table = sys.argv[1:]
    os.chdir(folder)
    types = json.load(open(types_file))
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.sql.session.timeZone", "UTC").enableHiveSupport().getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    raw = spark.read.option("header", True).option("multiLine", True).option("escape", '"').csv(export)
    raw.createOrReplaceTempView("lockstep_raw")
    selects, where = typed_select(raw.columns, types, typed)
    spark.sql(f"DROP TABLE IF EXISTS `{table}`")
    spark.sql(f"CREATE TABLE `{table}` USING parquet AS SELECT {selects} FROM lockstep_raw WHERE {where}")
    print(spark.table(table).count())
    spark.stop()


if __name__ == "__main__":
    main()
