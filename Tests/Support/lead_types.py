"""How the tests' loaders type an export's text as a warehouse would, in Lockstep's own terms:
the words a true/false field takes, and which rows are left out (a value that does not read as
its type), whatever the database. Each loader gives its own SQL for the conversions."""

TRUE = ("true", "yes", "y", "t", "1")
FALSE = ("false", "no", "n", "f", "0")


def quoted(name, quote='"'):
    return quote + name.replace(quote, quote * 2) + quote


def typed_select(columns, types, typed):
    """The select list and the condition that keeps only rows whose every value reads as its type.

    `typed(column, kind)` gives the SQL of one column's typed value and, for a type that can fail
    to read, the SQL saying the text was there at all."""
    selects, checks = [], []
    for name in columns:
        expression, present = typed(name, types.get(name, "string"))
        selects.append(f"{expression} AS {quoted(name, typed.quote)}")
        if present:
            checks.append(f"(NOT coalesce({present}, false) OR {expression} IS NOT NULL)")
    return ", ".join(selects), " AND ".join(checks) or "TRUE"
