#!/usr/bin/env python3
"""A plugin that fails on purpose, the way its file is named (the tests link it under each name):
crash-at-handshake, crash-at-check, hang-at-check, garbage, megabytes, wrong-version,
closed-stdout, crash-at-validate. Any other name behaves, with one rule, FLT001, that finds
nothing, and two commands: `faulty-env` lists the environment variables it sees, `faulty-edit`
asks for an edit Lockstep must refuse (a field processes do not have) after a good one."""
import json
import os
import sys
import time

mode = os.path.basename(sys.argv[0]).rsplit(".", 1)[0]
SIGNATURE = {"name": "faulty", "version": "0", "protocolVersion": 2 if mode == "wrong-version" else 1,
             "summary": "fails on purpose: " + mode,
             "checks": [{"code": "FLT001", "slug": "faulty", "severity": "warning", "summary": "Never finds anything",
                         "what": "Nothing.", "why": "A test.", "fix": "Nothing.", "problem": "{where}", "action": "{where}",
                         "stake": "None."}],
             "commands": [{"name": "faulty-env", "summary": "The variables this plugin sees"},
                          {"name": "faulty-edit", "summary": "A good edit, then one that must be refused"}],
             "validates": mode == "crash-at-validate"}

for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    print("faulty plugin (" + mode + ") got " + method, file=sys.stderr, flush=True)
    if mode == "crash-at-handshake" or (mode == "crash-at-check" and method == "check") or \
            (mode == "crash-at-validate" and method == "validate"):
        print("Traceback: something went wrong in " + method, file=sys.stderr, flush=True)
        sys.exit(3)
    if mode == "hang-at-check" and method == "check":
        time.sleep(600)
    if mode == "closed-stdout" and method == "check":
        os.close(1)
        time.sleep(600)
    if mode == "garbage" and method == "check":
        sys.stdout.write("this is not json\n")
        sys.stdout.flush()
        continue
    if mode == "megabytes" and method == "check":
        chunk = "x" * (1 << 20)
        for _ in range(100):
            sys.stdout.write(chunk)
        sys.stdout.flush()
        time.sleep(600)
    result = SIGNATURE if method == "initialize" else {"findings": []}
    if method == "command" and request["params"]["command"] == "faulty-env":
        result = {"text": " ".join(sorted(os.environ))}
    if method == "command" and request["params"]["command"] == "faulty-edit":
        result = {"edits": [{"op": "set", "kind": "process", "id": "nb", "field": "name", "value": "New business"},
                            {"op": "set", "kind": "process", "id": "nb", "field": "colour", "value": "red"}]}
    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": request["id"], "result": result}) + "\n")
    sys.stdout.flush()
