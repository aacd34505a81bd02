#!/usr/bin/env python3
"""A qualification-method plugin: the exit criteria of every decision-phase stage cover MEDDICC's
six elements (Metrics, Economic buyer, Decision criteria, Decision process, Identify pain,
Champion), so a deal is not forecast to close before the seller knows them."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lockstep_plugin import items, serve  # noqa: E402

# Each element and the words in an exit criterion that show it is covered.
ELEMENTS = {
    "Metrics": ["metric", "roi", "quantif", "business case", "savings", "kpi"],
    "Economic buyer": ["economic buyer", "budget owner", "signator", "cfo", "sign-off"],
    "Decision criteria": ["decision criteria", "criteria agreed", "success criteria", "requirements"],
    "Decision process": ["decision process", "approval", "procurement", "legal", "paper process", "contract"],
    "Identify pain": ["pain", "problem", "cost of", "issue"],
    "Champion": ["champion", "sponsor", "advocate"],
}

SIGNATURE = {
    "name": "meddicc",
    "version": "1.0",
    "protocolVersion": 1,
    "summary": "MEDDICC qualification: decision stages' exit criteria cover its six elements",
    "commands": [{"name": "meddicc", "summary": "Which MEDDICC elements each decision stage's exit criteria cover",
                  "examples": ["meddicc"]}],
    "checks": [{
        "code": "MED001", "slug": "meddicc-gap", "severity": "warning",
        "summary": "A decision stage's exit criteria leave out MEDDICC elements",
        "what": "Every stage in the decision phase has exit criteria that, together, name MEDDICC's six elements.",
        "why": "A deal forecast at a decision stage without its metrics, economic buyer, decision criteria and process, pain and champion known is a guess; MEDDICC makes the seller find out first.",
        "fix": "Add exit criteria for the missing elements, e.g. 'Economic buyer has confirmed the budget'.",
        "problem": "Deals leave {where} without the seller knowing everything the firm's qualification method asks.",
        "action": "Add the missing qualification questions to the exit criteria of {where}.",
        "stake": "Deals are forecast to close that are not qualified, and the forecast misleads.",
    }],
}


def covered(criteria):
    text = " ".join(criteria).lower()
    return [element for element, words in ELEMENTS.items() if any(word in text for word in words)]


def decision_stages(params):
    return [stage for stage in items(params, "stage") if stage["fields"].get("phase") == "decision"]


def check(params):
    findings = []
    for stage in decision_stages(params):
        missing = [element for element in ELEMENTS if element not in covered(stage["fields"].get("exit") or [])]
        if missing:
            findings.append({"rule": "MED001", "target": stage["id"], "place": stage["name"],
                             "message": f"decision stage '{stage['id']}' has no exit criterion for: {', '.join(missing)}"})
    return {"findings": findings}


def command(params):
    rows = []
    for stage in decision_stages(params):
        have = covered(stage["fields"].get("exit") or [])
        rows.append([stage["id"]] + ["yes" if element in have else "-" for element in ELEMENTS])
    return {"table": {"columns": ["stage"] + list(ELEMENTS), "rows": rows}}


if __name__ == "__main__":
    serve(SIGNATURE, check=check, command=command)
