#!/usr/bin/env python3
"""A plugin that fails on purpose, the way its file is named (the tests link it under each name):
crash-at-handshake, crash-at-check, hang-at-check, garbage, megabytes, wrong-version,
closed-stdout. Any other name behaves, with one rule, FLT001, that finds nothing."""
import json
import os
import sys
import time

mode = os.path.basename(sys.argv[0]).rsplit(".", 1)[0]
SIGNATURE = {"name": "faulty", "version": "0", "protocolVersion": 2 if mode == "wrong-version" else 1,
             "summary": "fails on purpose: " + mode,
             "checks": [{"code": "FLT001", "slug": "faulty", "severity": "warning", "summary": "Never finds anything",
                         "what": "Nothing.", "why": "A test.", "fix": "Nothing.", "problem": "{where}", "action": "{where}",
                         "stake": "None."}]}

for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    print("faulty plugin (" + mode + ") got " + method, file=sys.stderr, flush=True)
    if mode == "crash-at-handshake" or (mode == "crash-at-check" and method == "check"):
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
    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": request["id"], "result": result}) + "\n")
    sys.stdout.flush()
