"""Reads a YAML file with the common Python YAML readers and reports what they make of it.
Used by the tests to prove saved workbooks mean the same to other tools as to Lockstep.

usage: yaml_readers.py FILE EXPECTED.json
EXPECTED.json holds the document as Lockstep means it: every scalar as {"s": text} for a string
or {"l": text} for a literal (a number, date, duration or boolean written as is). Each reader
(PyYAML's safe_load, i.e. YAML 1.1, and ruamel.yaml's round-trip reader, i.e. YAML 1.2) must
read the file, both must agree, every string must read as that exact string, and every
literal as a value whose text is the literal's. Keys the file leaves out are not compared
(Lockstep fills in defaults); keys the file has must be expected.
Exit 0 when all hold; 1 with the first difference; 2 when a reader is missing.
"""
import datetime
import json
import sys


def literal_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def compare(read, expected, path):
    if isinstance(expected, dict) and set(expected) in ({"s"}, {"l"}):
        if "s" in expected:
            if not isinstance(read, str) or read != expected["s"]:
                return f"{path}: expected the string {expected['s']!r}, read {read!r} ({type(read).__name__})"
        elif isinstance(read, str) or literal_text(read) != expected["l"]:
            if not (isinstance(read, str) and read == expected["l"]):  # durations such as 24h are strings to YAML
                return f"{path}: expected {expected['l']}, read {read!r}"
        return None
    if isinstance(expected, list):
        if not isinstance(read, list) or len(read) != len(expected):
            return f"{path}: expected a list of {len(expected)}, read {read!r}"
        for index, (a, b) in enumerate(zip(read, expected)):
            problem = compare(a, b, f"{path}[{index}]")
            if problem:
                return problem
        return None
    if isinstance(expected, dict):
        if not isinstance(read, dict):
            return f"{path}: expected a mapping, read {read!r}"
        for key, value in read.items():
            if key not in expected["m"]:
                return f"{path}: unexpected key {key!r}"
            problem = compare(value, expected["m"][key], f"{path}.{key}")
            if problem:
                return problem
        return None
    return f"{path}: cannot compare {expected!r}"


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    try:
        import yaml
        from ruamel.yaml import YAML
    except ImportError as missing:
        print(f"reader missing: {missing} (pip install pyyaml ruamel.yaml)", file=sys.stderr)
        return 2
    with open(expected_path) as f:
        expected = json.load(f)
    with open(path) as f:
        text = f.read()
    try:
        pyyaml = yaml.safe_load(text)
    except yaml.YAMLError as error:
        print(f"PyYAML cannot read it: {error}", file=sys.stderr)
        return 1
    try:
        ruamel = YAML(typ="rt").load(text)
    except Exception as error:  # ruamel's own errors, reported as it gives them
        print(f"ruamel.yaml cannot read it: {error}", file=sys.stderr)
        return 1
    problem = compare(pyyaml, expected, "$")
    if problem:
        print(f"PyYAML: {problem}", file=sys.stderr)
        return 1

    def normal(value):
        return json.loads(json.dumps(value, default=literal_text))
    if normal(ruamel) != normal(pyyaml):
        print(f"ruamel.yaml reads other values than PyYAML: {normal(ruamel)!r}", file=sys.stderr)
        return 1
    return 0


sys.exit(main())
