"""Checks the reports of `sitegen check --format gitlab` and `--format sarif`
on gen-corpus's broken corpus:

    code-scanning-check.py SARIF_SCHEMA EXPECTED-ERRORS.txt CONTENT_LABEL GITLAB_JSON SARIF_JSON

- the SARIF log is valid against the OASIS schema of SARIF 2.1.0 (Draft 4);
- the GitLab report is valid against the fields GitLab documents for Code
  Quality reports (a JSON array of objects with description, check_name,
  fingerprint, severity one of info/minor/major/critical/blocker,
  location.path and location.lines.begin), each fingerprint unique;
- both list every expected location `path:line` of the corpus.
One line per check; exits 1 on a failure.
"""
import json
import sys
import urllib.parse

from jsonschema import Draft4Validator

# https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
GITLAB_CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def main():
    schema_path, expected_path, label, gitlab_path, sarif_path = sys.argv[1:6]
    failures = 0

    def report(ok, what, detail=""):
        nonlocal failures
        print(("code-scanning: ok   " if ok else "code-scanning: FAIL ") + what)
        if not ok:
            failures += 1
            if detail:
                print("       " + detail[:2000])

    expected = set()
    for line in open(expected_path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            expected.add(f"{label}/{line}")

    sarif = json.load(open(sarif_path, encoding="utf-8"))
    validator = Draft4Validator(json.load(open(schema_path, encoding="utf-8")))
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    report(not errors, "SARIF validates against sarif-schema-2.1.0.json",
           "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
    run = sarif["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    results = run["results"]
    sarif_places = {
        urllib.parse.unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        + ":" + str(r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in results if r["level"] == "error"
    }
    report(expected <= sarif_places and len(results) == len(expected),
           f"SARIF lists all {len(expected)} expected locations",
           f"missing: {sorted(expected - sarif_places)}; results: {len(results)}")
    report(all(r["ruleId"] in rules and rules[r["ruleIndex"]] == r["ruleId"] for r in results) and rules == sorted(set(rules)),
           f"SARIF results name their rules ({', '.join(rules)})")

    gitlab = json.load(open(gitlab_path, encoding="utf-8"))
    errors = list(Draft4Validator(GITLAB_CODE_QUALITY).iter_errors(gitlab))
    report(not errors, "GitLab report has the documented fields",
           "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
    fingerprints = [item["fingerprint"] for item in gitlab]
    report(len(set(fingerprints)) == len(fingerprints), "GitLab fingerprints are unique")
    gitlab_places = {f"{i['location']['path']}:{i['location']['lines']['begin']}" for i in gitlab if i["severity"] == "major"}
    report(expected <= gitlab_places and len(gitlab) == len(expected),
           f"GitLab report lists all {len(expected)} expected locations",
           f"missing: {sorted(expected - gitlab_places)}; items: {len(gitlab)}")
    sys.exit(1 if failures else 0)


main()
