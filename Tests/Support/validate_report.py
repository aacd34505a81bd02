"""Validates a Lockstep report against the format's published schema, with the peer tools:
`jsonschema` for SARIF 2.1.0 and `xmlschema` for JUnit XML. Used by the end-to-end tests.

usage: validate_report.py sarif|junit REPORT SCHEMA
Exit 0 when valid; 1 with the validator's message when not; 2 when the validator is missing.
"""
import json
import sys

def main():
    kind, report, schema = sys.argv[1], sys.argv[2], sys.argv[3]
    try:
        if kind == "sarif":
            import jsonschema
            with open(schema) as f:
                sarif_schema = json.load(f)
            with open(report) as f:
                document = json.load(f)
            validator = jsonschema.validators.validator_for(sarif_schema)
            validator(sarif_schema).validate(document)
        elif kind == "junit":
            import xmlschema
            xmlschema.XMLSchema(schema).validate(report)
        else:
            print(f"unknown report kind {kind}", file=sys.stderr)
            return 2
    except ImportError as missing:
        print(f"validator missing: {missing} (pip install jsonschema xmlschema)", file=sys.stderr)
        return 2
    except Exception as invalid:  # the validators' own errors, reported as they give them
        print(f"{type(invalid).__name__}: {invalid}", file=sys.stderr)
        return 1
    return 0

sys.exit(main())
