#!/usr/bin/env python3
"""A content-freshness plugin: reads the client's CMS export (cms-export.csv beside the workbook:
url, title, activity, last_updated) and flags marketing activities whose pages have not been
updated in twelve months (CMS001), and buyer-facing activities with no page in the CMS (CMS002).
The workbook's own `reviewed` date says when the team looked at an activity; the CMS says when
the content itself last changed."""
import csv
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lockstep_plugin import items, serve  # noqa: E402

EXPORT = "cms-export.csv"
MONTHS = 12

SIGNATURE = {
    "name": "cms-freshness", "version": "1.0", "protocolVersion": 1,
    "summary": f"Content freshness from the CMS export ({EXPORT}): pages not updated in {MONTHS} months",
    "commands": [{"name": "cms", "summary": "Each activity's pages in the CMS export, with when they last changed",
                  "examples": ["cms"]}],
    "checks": [
        {"code": "CMS001", "slug": "stale-cms-page", "severity": "warning",
         "summary": f"An activity's content has not been updated in the CMS for {MONTHS} months",
         "what": f"Every page the CMS export ties to an activity was updated within the last {MONTHS} months.",
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
    serve(SIGNATURE, check=check, command=command)
