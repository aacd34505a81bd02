#!/usr/bin/env python3
"""A content-freshness plugin: reads the client's CMS export (cms-export.csv beside the workbook:
url, title, activity, last_updated) and flags marketing activities whose pages have not been
updated in twelve months (CMS001), and buyer-facing activities with no page in the CMS (CMS002).
The workbook's own `reviewed` date says when the team looked at an activity; the CMS says when
the content itself last changed.

How old is too old is the client's call: the workbook may let the plugin see CMS_STALE_MONTHS
(`plugin_settings:` in cms-brightlane.yaml); without it, twelve months. The plugin also adds a
"Content freshness" section to the client report and marks stale content on the diagram."""
import csv
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lockstep_plugin import items, serve  # noqa: E402

EXPORT = "cms-export.csv"


def months_allowed():
    """CMS_STALE_MONTHS when the workbook passes it on (and it is a whole number), else 12."""
    value = os.environ.get("CMS_STALE_MONTHS", "")
    return int(value) if value.isdigit() and int(value) > 0 else 12


MONTHS = months_allowed()

SIGNATURE = {
    "name": "cms-freshness", "version": "1.0", "protocolVersion": 1,
    "summary": f"Content freshness from the CMS export ({EXPORT}): pages not updated in months",
    "report": True,
    "diagram": True,
    "commands": [{"name": "cms", "summary": "Each activity's pages in the CMS export, with when they last changed",
                  "examples": ["cms"]}],
    "checks": [
        {"code": "CMS001", "slug": "stale-cms-page", "severity": "warning",
         "summary": "An activity's content has not been updated in the CMS for a year (or CMS_STALE_MONTHS)",
         "what": "Every page the CMS export ties to an activity was updated within the last twelve months, or "
                 "within CMS_STALE_MONTHS when the workbook lets the plugin see it.",
         "why": "Content that no longer says what the company sells misleads buyers and embarrasses the sellers who send it; a review date in the workbook does not show that the page itself changed.",
         "fix": "Update the page, or retire it and the activity.",
         "problem": "The content behind {where} has not changed in over a year.",
         "action": "Update the pages of {where}, or retire them.",
         "stake": "Buyers read outdated claims, and sellers stop trusting marketing's content."},
        {"code": "CMS002", "slug": "activity-without-cms-page", "severity": "info",
         "summary": "A buyer-facing activity has no page in the CMS export",
         "what": "Every buyer-facing activity is tied to at least one page of the CMS export (its 'activity' column).",
         "why": "Content nobody can find in the CMS cannot be kept up to date or measured.",
         "fix": "Tag the activity's pages in the CMS with its id, or remove the activity if the content is gone.",
         "problem": "Nobody can find the content of {where} in the CMS.",
         "action": "Tag the pages of {where} in the CMS.",
         "stake": "Content that cannot be found is neither maintained nor measured."},
    ],
}


def pages():
    """Pages by activity id; None when there is no export beside the workbook."""
    if not os.path.exists(EXPORT):
        return None
    by_activity = {}
    with open(EXPORT, newline="", encoding="utf-8") as export:
        for row in csv.DictReader(export):
            by_activity.setdefault(row.get("activity", "").strip(), []).append(row)
    return by_activity


def age_in_months(updated, today):
    try:
        day = datetime.date.fromisoformat(updated.strip())
    except ValueError:
        return None
    return (today.year - day.year) * 12 + today.month - day.month - (1 if today.day < day.day else 0)


def check(params):
    found = pages()
    if found is None:
        return {"findings": []}
    today = datetime.date.fromisoformat(params["today"])
    findings = []
    for activity in items(params, "activity"):
        own = found.get(activity["id"], [])
        if not own and activity["fields"].get("kind") != "enablement":
            findings.append({"rule": "CMS002", "target": activity["id"], "place": activity["name"],
                             "message": f"activity '{activity['id']}' has no page in {EXPORT}"})
        stale = [page for page in own if (age_in_months(page.get("last_updated", ""), today) or 0) >= MONTHS]
        if stale:
            oldest = min(page["last_updated"] for page in stale)
            findings.append({"rule": "CMS001", "target": activity["id"], "place": activity["name"],
                             "message": f"activity '{activity['id']}': {len(stale)} of its pages not updated since {oldest}"})
    return {"findings": findings}


def stale_pages(params):
    """(activity, page) for every page older than the allowed months."""
    found = pages() or {}
    today = datetime.date.fromisoformat(params["today"])
    return [(activity, page) for activity in items(params, "activity") for page in found.get(activity["id"], [])
            if (age_in_months(page.get("last_updated", ""), today) or 0) >= MONTHS]


def report(params):
    stale = stale_pages(params)
    if not stale:
        return {"sections": []}
    rows = [[activity["name"], page.get("title", ""), page.get("last_updated", "")] for activity, page in stale]
    return {"sections": [{
        "title": "Content freshness", "part": "body", "order": 20,
        "blocks": [
            {"paragraph": f"{len(stale)} pages of the content sellers send have not changed in {MONTHS} months or more. "
                          "Buyers read them as what the company says today."},
            {"table": {"columns": ["Content", "Page", "Last updated"], "rows": rows}},
        ],
    }]}


def diagram(params):
    """A note on each stage whose content includes stale pages."""
    by_stage = {}
    for activity, _ in stale_pages(params):
        for stage in activity["fields"].get("stages") or []:
            by_stage[stage] = by_stage.get(stage, 0) + 1
    return {"notes": [{"target": stage, "text": f"{count} stale page{'s' if count > 1 else ''} in the CMS",
                       "mark": "partial"} for stage, count in sorted(by_stage.items())]}


def command(params):
    found = pages() or {}
    today = datetime.date.fromisoformat(params["today"])
    rows = []
    for activity in items(params, "activity"):
        for page in found.get(activity["id"], []):
            months = age_in_months(page.get("last_updated", ""), today)
            rows.append([activity["id"], page.get("title", ""), page.get("last_updated", ""), "" if months is None else str(months)])
    if not rows:
        return {"text": f"no {EXPORT} beside the workbook, or none of its pages names an activity"}
    return {"table": {"columns": ["activity", "page", "last updated", "months ago"], "rows": rows}}


if __name__ == "__main__":
    serve(SIGNATURE, check=check, command=command, report=report, diagram=diagram)
