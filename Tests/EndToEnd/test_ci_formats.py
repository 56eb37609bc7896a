"""`check --format github` and `--format gitlab`: the findings where CI users look (annotations of a
GitHub Actions run, the Code Quality report of a GitLab merge request). Each is read back as the
platform reads it and compared with `--format json`, on pages with names and texts that need escaping."""
import json
import re
import urllib.parse

import jsonschema
import pytest

from conftest import copy_sources, run

# GitLab's Code Quality report, as its documentation describes it (https://docs.gitlab.com/ci/testing/code_quality/,
# "Code Quality report format"): an array of issues with these fields; severity on Code Climate's scale.
GITLAB_SCHEMA = {
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
                "required": ["path"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"], "properties": {"begin": {"type": "integer", "minimum": 1}}},
                    "positions": {"type": "object", "required": ["begin"], "properties": {
                        "begin": {"type": "object", "required": ["line"], "properties": {"line": {"type": "integer", "minimum": 1}}}}},
                },
                "anyOf": [{"required": ["lines"]}, {"required": ["positions"]}],
            },
        },
    },
}

# A page whose name has a space and a comma, with findings whose messages hold "%" and ":".
PAGE = """---
title: "Partir, travailler : le guide"
description: "Une page d'essai."
---

Le salarié remplit le formulaire afin de partir. Il paie 100 % des cotisations.

Cette phrase est vraiment très longue parce que nous voulons absolument déclencher la règle de longueur des phrases avec beaucoup de mots qui se suivent sans fin et sans aucun point pour voir.

Le salarié remplit le formulaire afin de partir.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_sources(tmp_path_factory.mktemp("ci") / "site")
    (root / "Content" / "fr" / "travailler-a-l-etranger" / "guide, essai 1.md").write_text(PAGE, encoding="utf-8")
    return root


def findings(site, page):
    result = run("check", "--format", "json", page, cwd=site)
    return json.loads(result.stdout)["diagnostics"], result.returncode


PAGE_PATH = "Content/fr/travailler-a-l-etranger/guide, essai 1.md"


def decode(text):
    return urllib.parse.unquote(text)  # the runner's decoding of %25, %0A, %3A, %2C


def test_github_annotations_carry_every_finding_as_the_runner_reads_them(site):
    expected, json_code = findings(site, PAGE_PATH)
    result = run("check", "--format", "github", PAGE_PATH, cwd=site)
    assert result.returncode == json_code
    lines = result.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(expected) >= 4
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for command, finding in zip(commands, expected):
        match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", command)
        assert match, command
        properties = dict(item.split("=", 1) for item in match.group(2).split(","))
        assert match.group(1) == kinds[finding["severity"]]
        assert decode(properties["file"]) == finding["file"] == PAGE_PATH
        assert (int(properties["line"]), int(properties["col"])) == (finding["line"], finding["column"])
        assert decode(properties["title"]) == "cleiss-site " + finding["rule"]
        message = decode(match.group(3))
        assert message.split("\n")[0] == finding["message"]
        assert finding["suggestion"] is None or message.split("\n")[1] == finding["suggestion"]
    assert any("%25" in command for command in commands), "the “%” of a message is encoded"
    assert lines[-1].endswith("in 1 page"), "the summary closes the log"


def test_gitlab_report_follows_the_documented_format_and_matches_the_findings(site):
    expected, json_code = findings(site, PAGE_PATH)
    result = run("check", "--format", "gitlab", PAGE_PATH, cwd=site)
    assert result.returncode == json_code
    report = json.loads(result.stdout)
    jsonschema.validate(report, GITLAB_SCHEMA)
    assert [(issue["location"]["path"], issue["location"]["lines"]["begin"], issue["location"]["positions"]["begin"]["column"],
             issue["check_name"]) for issue in report] == [(f["file"], f["line"], f["column"], f["rule"]) for f in expected]
    severities = {"error": "major", "warning": "minor", "info": "info"}
    assert [issue["severity"] for issue in report] == [severities[f["severity"]] for f in expected]
    fingerprints = [issue["fingerprint"] for issue in report]
    assert len(set(fingerprints)) == len(fingerprints), "the same finding twice in a file keeps two fingerprints"


def test_gitlab_fingerprints_survive_lines_added_above(site, tmp_path):
    before = {issue["fingerprint"] for issue in json.loads(run("check", "--format", "gitlab", PAGE_PATH, cwd=site).stdout)}
    page = site / PAGE_PATH
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original.replace("---\n\n", "---\n\nUne ligne de plus.\n\n", 1), encoding="utf-8")
        after = json.loads(run("check", "--format", "gitlab", PAGE_PATH, cwd=site).stdout)
    finally:
        page.write_text(original, encoding="utf-8")
    assert {issue["fingerprint"] for issue in after} == before
    assert all(issue["location"]["lines"]["begin"] >= 8 for issue in after)


def test_the_real_site_gives_an_empty_report_in_both_formats():
    gitlab = run("check", "--format", "gitlab")
    assert gitlab.returncode == 0 and json.loads(gitlab.stdout) == []
    github = run("check", "--format", "github")
    assert github.returncode == 0 and github.stdout.splitlines()[0].startswith("0 errors, 0 warnings, 0 infos")


def test_an_unknown_format_names_the_known_ones():
    result = run("check", "--format", "gitlab-ci")
    assert result.returncode == 2
    assert "github" in result.stderr and "gitlab" in result.stderr
