#!/usr/bin/env python3
"""MK009 written as an external plugin (an activity with no KPI), for benchmarks/external-plugin.sh:
the same rule on the same workbook, built in and over the protocol."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "plugins"))
from lockstep_plugin import items, serve  # noqa: E402

SIGNATURE = {"name": "kpi", "version": "1", "protocolVersion": 1, "summary": "MK009 over the protocol",
             "checks": [{"code": "EXT009", "slug": "external-activity-without-kpi", "severity": "info",
                         "summary": "A buyer-facing activity has no KPI", "what": "As MK009.", "why": "As MK009.",
                         "fix": "As MK009.", "problem": "Nobody measures whether {where} works.",
                         "action": "Give {where} a measure of success.", "stake": "As MK009."}]}


def check(params):
    return {"findings": [{"rule": "EXT009", "target": activity["id"], "message": f"activity '{activity['id']}' has no measure of success"}
                         for activity in items(params, "activity")
                         if activity["fields"].get("kind") != "enablement" and not activity["fields"].get("kpi")]}


serve(SIGNATURE, check=check)
