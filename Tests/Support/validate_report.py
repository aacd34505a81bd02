"""Validates a Lockstep report against the format's published schema, with the peer tools:
`jsonschema` for SARIF 2.1.0 and Lockstep's own JSON format, `xmlschema` and `junitparser`
for JUnit XML. Used by the end-to-end tests.

usage: validate_report.py sarif|json|junit REPORT SCHEMA
Exit 0 when valid; 1 with the validator's message when not; 2 when the validator is missing.
"""
import json
import sys

def main():
    kind, report, schema = sys.argv[1], sys.argv[2], sys.argv[3]
    try:
        if kind in ("sarif", "json"):
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
            # What a test reporter reads: every case parsed, and the counts the suites declare.
            import junitparser
            suites = junitparser.JUnitXml.fromfile(report)
            for suite in suites:
                cases = list(suite)
                if suite.tests != len(cases):
                    raise ValueError(f"suite {suite.name} declares {suite.tests} tests and holds {len(cases)}")
                failed = sum(1 for case in cases for result in case.result if isinstance(result, junitparser.Failure))
                if suite.failures != failed:
                    raise ValueError(f"suite {suite.name} declares {suite.failures} failures and holds {failed}")
        else:
            print(f"unknown report kind {kind}", file=sys.stderr)
            return 2
    except ImportError as missing:
        print(f"validator missing: {missing} (make deps installs it)", file=sys.stderr)
        return 2
    except Exception as invalid:  # the validators' own errors, reported as they give them
        print(f"{type(invalid).__name__}: {str(invalid).splitlines()[0]}", file=sys.stderr)
        return 1
    return 0

sys.exit(main())
