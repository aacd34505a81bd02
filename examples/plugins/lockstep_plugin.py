"""The little a Lockstep plugin needs: read one JSON-RPC request per line on standard input,
answer it on one line of standard output (docs/plugins.md). No third-party package.

A plugin module defines its signature and one function per method it answers:

    from lockstep_plugin import serve
    serve(signature, check=my_check, command=my_command)
"""
import json
import sys


def serve(signature, **methods):
    """Answers requests until standard input closes; `initialize` answers with `signature`."""
    handlers = dict(methods, initialize=lambda params: signature)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        handler = handlers.get(request.get("method"))
        if handler is None:
            reply = {"jsonrpc": "2.0", "id": request.get("id"),
                     "error": {"code": -32601, "message": "unknown method " + str(request.get("method"))}}
        else:
            try:
                reply = {"jsonrpc": "2.0", "id": request.get("id"), "result": handler(request.get("params") or {})}
            except Exception as error:  # the plugin's own bug: reported to Lockstep, not a crash
                reply = {"jsonrpc": "2.0", "id": request.get("id"), "error": {"code": -32000, "message": repr(error)}}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


def items(params, kind):
    """The workbook's items of one kind (`stage`, `activity`, `persona`…)."""
    return [item for item in params["workbook"]["items"] if item["kind"] == kind]
