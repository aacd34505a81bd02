#!/usr/bin/env python3
"""A qualification-method plugin: the decision-phase stages of a sales process cover MEDDICC's six
elements (Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion),
so a deal is not forecast to close before the seller knows them.

An element counts as covered at a stage when one of the stage's exit criteria speaks of it, or
when a question of the workbook's own `meddicc:` section asks it at that stage:

    meddicc:
      - id: budget-confirmed
        name: Who signs, and have they confirmed the budget?
        element: economic-buyer
        stages: [new-business/proposal]
        asked_by: account executive
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lockstep_plugin import items, serve  # noqa: E402

# Each element: its id in the section, its name, and words in an exit criterion that show it.
ELEMENTS = [
    ("metrics", "Metrics", ["metric", "roi", "quantif", "business case", "savings", "kpi"]),
    ("economic-buyer", "Economic buyer", ["economic buyer", "budget owner", "signator", "cfo", "sign-off"]),
    ("decision-criteria", "Decision criteria", ["decision criteria", "criteria agreed", "success criteria",
                                                "requirements"]),
    ("decision-process", "Decision process", ["decision process", "approval", "procurement", "legal",
                                              "paper process", "contract"]),
    ("identify-pain", "Identify pain", ["pain", "problem", "cost of", "issue"]),
    ("champion", "Champion", ["champion", "sponsor", "advocate"]),
]
NAMES = {key: name for key, name, _ in ELEMENTS}

# The question `meddicc adopt` adds for an element no stage asks yet.
STANDARD_QUESTIONS = {
    "metrics": "What will the customer measure, and by how much must it move?",
    "economic-buyer": "Who signs, and have they confirmed the budget?",
    "decision-criteria": "Which criteria will the customer decide on, written down and agreed?",
    "decision-process": "Which steps, people and dates lead to a signature?",
    "identify-pain": "What does the problem cost the customer today?",
    "champion": "Who inside sells for us when we are not in the room?",
}

SIGNATURE = {
    "name": "meddicc",
    "version": "1.1",
    "protocolVersion": 1,
    "summary": "MEDDICC qualification: decision stages cover its six elements",
    "dependencies": ["stages"],
    "validates": True,
    "report": True,
    "coverage": True,
    "lessons": [{
        "id": "qualify", "order": 35,
        "idea": "A deal is not ready to forecast until the seller knows six things about it: the Metrics that "
                "matter, the Economic buyer, the Decision criteria and Decision process, the pain it solves "
                "(Identify pain) and a Champion inside. MEDDICC asks the decision stages to make sure of them.",
        "task": "Make every decision stage cover all six elements, by an exit criterion or a question asked there.",
        "example": "meddicc adopt",
        "focus": "Proposal",
        "questions": [["Which element do sellers most often skip?", "Usually the decision process: who signs, and when."]],
    }],
    "sections": [{
        "key": "meddicc", "kind": "question", "plural": "questions",
        "summary": "the qualification questions sellers ask, by MEDDICC element and stage",
        "fields": [
            {"name": "element", "type": "choice", "values": [key for key, _, _ in ELEMENTS], "required": True,
             "summary": "the MEDDICC element the question covers"},
            {"name": "stages", "type": "ids", "kind": "stage", "summary": "the decision stages where it is asked"},
            {"name": "asked_by", "type": "text", "summary": "who asks it (a role on the sales team)"},
        ],
    }],
    "commands": [
        {"name": "meddicc", "summary": "Which MEDDICC elements each decision stage covers, and how",
         "options": [{"name": "--missing", "summary": "only the stages that leave an element out"}],
         "examples": ["meddicc", "meddicc --missing"]},
        {"name": "meddicc adopt", "summary": "Add the standard question for each element no decision stage covers",
         "arguments": [{"name": "STAGE", "kind": "stage", "optional": True}],
         "examples": ["meddicc adopt", "meddicc adopt new-business/proposal"]},
    ],
    "checks": [{
        "code": "MED001", "slug": "meddicc-gap", "severity": "warning",
        "summary": "A decision stage leaves out MEDDICC elements",
        "what": "Every stage in the decision phase covers MEDDICC's six elements, by its exit criteria or by the "
                "questions of the meddicc section asked there.",
        "why": "A deal forecast at a decision stage without its metrics, economic buyer, decision criteria and "
               "process, pain and champion known is a guess; MEDDICC makes the seller find out first.",
        "fix": "Add exit criteria or questions for the missing elements ('meddicc adopt' adds the standard ones).",
        "problem": "Deals leave {where} without the seller knowing everything the firm's qualification method asks.",
        "action": "Add the missing qualification questions to {where}.",
        "stake": "Deals are forecast to close that are not qualified, and the forecast misleads.",
    }],
}


def decision_stages(params):
    return [stage for stage in items(params, "stage") if stage["fields"].get("phase") == "decision"]


def coverage(params, stage):
    """Each element's key → how the stage covers it: 'exit', 'question', or None."""
    text = " ".join(stage["fields"].get("exit") or []).lower()
    asked = {question["fields"].get("element") for question in items(params, "question")
             if stage["id"] in (question["fields"].get("stages") or [])}
    return {key: "exit" if any(word in text for word in words) else "question" if key in asked else None
            for key, _, words in ELEMENTS}


def missing(params, stage):
    return [key for key, how in coverage(params, stage).items() if how is None]


def check(params):
    findings = []
    for stage in decision_stages(params):
        absent = missing(params, stage)
        if absent:
            findings.append({"rule": "MED001", "target": stage["id"], "place": stage["name"],
                             "message": f"decision stage '{stage['id']}' covers no "
                                        f"{', '.join(NAMES[key] for key in absent)}"})
    return {"findings": findings}


def validate(params):
    """A question is asked at decision stages: MEDDICC qualifies a deal before it is forecast to close."""
    phases = {stage["id"]: stage["fields"].get("phase") for stage in items(params, "stage")}
    problems = []
    for question in items(params, "question"):
        for stage in question["fields"].get("stages") or []:
            if phases.get(stage) not in (None, "decision"):
                problems.append({"target": question["id"], "field": "stages",
                                 "message": f"question '{question['id']}' is asked at '{stage}', "
                                            f"a {phases[stage]} stage, not a decision stage",
                                 "fix": "ask it at a decision stage (MEDDICC qualifies deals before the decision)"})
    return {"problems": problems}


def command(params):
    if params["command"] == "meddicc adopt":
        return adopt(params, params["arguments"])
    rows = []
    for stage in decision_stages(params):
        how = coverage(params, stage)
        if "--missing" in params.get("options", {}) and all(how.values()):
            continue
        rows.append([stage["id"]] + [how[key] or "-" for key, _, _ in ELEMENTS])
    return {"table": {"columns": ["stage"] + [name for _, name, _ in ELEMENTS], "rows": rows}}


def adopt(params, arguments):
    """The edits that give each uncovered element its standard question, asked at the stages lacking it."""
    stages = [stage for stage in decision_stages(params) if not arguments or stage["id"] in arguments
              or stage["id"].split("/")[-1] in arguments]
    if not stages:
        return {"text": "no decision stage matches: " + " ".join(arguments)}
    existing = {question["id"]: question for question in items(params, "question")}
    edits = []
    for key, name, _ in ELEMENTS:
        lacking = [stage["id"] for stage in stages if key in missing(params, stage)]
        if not lacking:
            continue
        question_id = "meddicc-" + key
        if question_id in existing:
            asked = existing[question_id]["fields"].get("stages") or []
            edits.append({"op": "set", "kind": "question", "id": question_id, "field": "stages",
                          "value": asked + [stage for stage in lacking if stage not in asked]})
        else:
            edits += [{"op": "add", "kind": "question", "id": question_id, "name": STANDARD_QUESTIONS[key]},
                      {"op": "set", "kind": "question", "id": question_id, "field": "element", "value": key},
                      {"op": "set", "kind": "question", "id": question_id, "field": "stages", "value": lacking}]
    if not edits:
        return {"text": "every element is covered at " + ", ".join(stage["id"] for stage in stages)}
    return {"text": f"{len(edits)} changes: the standard questions for the elements not yet covered",
            "edits": edits}


def lesson(params):
    """The qualify step: what a decision stage still leaves out, or None when every one covers all six."""
    for stage in decision_stages(params):
        absent = missing(params, stage)
        if absent:
            return {"missing": f"{stage['name']} still covers no {', '.join(NAMES[key] for key in absent)}"}
    return {"missing": None}


def coverage_matrix(params):
    """Decision stage x element: 1 where it is covered, for `lockstep diff`."""
    cells = [{"row": stage["id"], "column": name, "count": 0 if how is None else 1}
             for stage in decision_stages(params) for (key, name, _), how in
             zip(ELEMENTS, coverage(params, stage).values())]
    return {"rowTitle": "decision stage", "columnTitle": "MEDDICC element", "cells": cells}


def report(params):
    rows = []
    for stage in decision_stages(params):
        how = coverage(params, stage)
        rows.append([stage["name"]] + [{"exit": "exit criterion", "question": "question"}.get(how[key], "not covered")
                                       for key, _, _ in ELEMENTS])
    if not rows:
        return {"sections": []}
    return {"sections": [{
        "title": "Qualification (MEDDICC)", "part": "body", "order": 10,
        "blocks": [
            {"paragraph": "Before a deal is forecast to close, the seller should know six things about it. This is "
                          "where the sales process makes sure they do: by an exit criterion, or by a question the "
                          "sellers ask at that stage."},
            {"table": {"columns": ["Stage"] + [name for _, name, _ in ELEMENTS], "rows": rows}},
        ],
    }]}


if __name__ == "__main__":
    serve(SIGNATURE, check=check, command=command, validate=validate, report=report, lesson=lesson,
          coverage=coverage_matrix)
