"""Runs the `run:` steps of the example GitHub workflow on a checkout, as the runner would:
each with `bash --noprofile --norc -eo pipefail`, the workflow's and the step's `env:`, the
`${{ github.* }}` values a pull request has, and GITHUB_STEP_SUMMARY. The install step is
left out: the caller puts the lockstep under test on the PATH.

usage: run_workflow_steps.py WORKFLOW CHECKOUT BASE_BRANCH
Prints, as JSON, each step's name, exit code and output, and the step summary written.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml


def main():
    workflow_path, checkout, base = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(workflow_path) as f:
        workflow = yaml.safe_load(f)
    github = {"github.base_ref": base, "github.event_name": "pull_request", "github.token": "unused"}

    def expand(text):
        return re.sub(r"\$\{\{\s*([a-z_.]+)\s*\}\}", lambda m: github.get(m.group(1), ""), str(text))

    summary = tempfile.NamedTemporaryFile(delete=False, suffix=".md").name
    results = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "run" not in step or step.get("id") == "install":
                continue
            env = dict(os.environ, GITHUB_STEP_SUMMARY=summary, CI="true")
            env.update({k: expand(v) for k, v in workflow.get("env", {}).items()})
            env.update({k: expand(v) for k, v in step.get("env", {}).items()})
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                  cwd=checkout, env=env, capture_output=True, text=True, timeout=120)
            results.append({"name": step["name"], "code": done.returncode, "output": done.stdout, "errors": done.stderr})
    with open(summary) as f:
        print(json.dumps({"steps": results, "summary": f.read()}))


sys.exit(main())
