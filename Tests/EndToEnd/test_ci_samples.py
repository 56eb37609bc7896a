"""The sample pipelines of Deploy/ci/ (README, "Publishing", "CI"): each validated against its platform's
published schema (Tests/EndToEnd/schemas/README.md), each command of their jobs a step of
Deploy/ci/steps.sh, and those steps run here as the pipelines run them, on a copy of the site with the
binary under test: the reports each platform reads, the archives of `make publish`, and a deploy to two
hosts played by local folders (fake ssh and scp)."""
import hashlib
import json
import os
import re
import subprocess
import tarfile
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPOSITORY, binary, copy_sources, fill_in_legal_notice
from test_ci_formats import GITLAB_SCHEMA

CI = REPOSITORY / "Deploy" / "ci"
STEPS = CI / "steps.sh"
SCHEMAS = Path(__file__).parent / "schemas"
GITLAB_REPORT = "gl-code-quality-report.json"
SARIF_REPORT = "cleiss-site.sarif"


class PlatformLoader(yaml.SafeLoader):
    """YAML as both platforms read it: only true and false are booleans (YAML 1.2), so that GitHub's
    `on:` stays a key instead of becoming PyYAML's True."""


PlatformLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
PlatformLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load(name: str) -> dict:
    return yaml.load((CI / name).read_text(encoding="utf-8"), Loader=PlatformLoader)


def schema_errors(document: dict, schema_name: str) -> list[str]:
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator(schema).iter_errors(document)]


SAMPLES = {"gitlab-ci.yml": "gitlab-ci.json", "github-workflow.yml": "github-workflow.json"}


# The samples as files.

@pytest.mark.parametrize("sample", SAMPLES)
def test_each_sample_follows_its_platforms_schema(sample):
    assert schema_errors(load(sample), SAMPLES[sample]) == []


def test_the_schemas_refuse_a_misspelt_key():
    """So that the validation above proves something: one misspelt key in each sample is refused."""
    gitlab = load("gitlab-ci.yml")
    gitlab["charter"]["artifacts"]["reports"]["code_quality"] = gitlab["charter"]["artifacts"]["reports"].pop("codequality")
    assert any("code_quality" in error for error in schema_errors(gitlab, SAMPLES["gitlab-ci.yml"]))
    github = load("github-workflow.yml")
    github["jobs"]["check"]["run-on"] = github["jobs"]["check"].pop("runs-on")
    assert schema_errors(github, SAMPLES["github-workflow.yml"]) != []


def commands(sample: str) -> list[str]:
    """Every shell command of a sample: GitLab's script and before_script lines, GitHub's `run:` steps."""
    document = load(sample)
    if sample == "gitlab-ci.yml":
        jobs = [document["default"], *(job for job in document.values() if isinstance(job, dict) and "script" in job)]
        return [line for job in jobs for key in ("before_script", "script") for line in job.get(key, [])]
    return [step["run"] for job in document["jobs"].values() for step in job["steps"] if "run" in step]


def known_steps() -> set[str]:
    return set(re.findall(r"^    ([a-z-]+)\)$", STEPS.read_text(encoding="utf-8"), re.MULTILINE))


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_command_of_a_sample_is_a_step_of_the_script(sample):
    called = set()
    for command in commands(sample):
        match = re.fullmatch(r"Deploy/ci/steps\.sh ([a-z-]+)", command.strip())
        assert match, f"{sample}: a shell command outside Deploy/ci/steps.sh: {command!r}"
        called.add(match.group(1))
    assert called <= known_steps()
    assert {"setup", "links", "publish", "deploy"} <= called
    assert ("check-gitlab" if sample == "gitlab-ci.yml" else "check-github") in called


def test_gitlab_sample_shows_the_report_keeps_the_archives_and_deploys_by_hand_from_the_default_branch():
    document = load("gitlab-ci.yml")
    charter = document["charter"]["artifacts"]
    assert charter["reports"]["codequality"] == GITLAB_REPORT and charter["when"] == "always"
    assert set(document["publish"]["artifacts"]["paths"]) == {"Publish/cleiss-site-*.tar.gz", "Publish/SHA256SUMS"}
    deploy = document["deploy"]
    assert deploy["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "when": "manual"}]
    assert deploy["needs"] == ["publish"] and deploy["stage"] == document["stages"][-1]


def test_github_sample_annotates_keeps_the_archives_and_deploys_from_main_after_approval():
    jobs = load("github-workflow.yml")["jobs"]
    assert "Deploy/ci/steps.sh check-github" in [step.get("run") for step in jobs["check"]["steps"]]
    upload = next(step for step in jobs["publish"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"].split() == ["Publish/cleiss-site-*.tar.gz", "Publish/SHA256SUMS"]
    deploy = jobs["deploy"]
    assert deploy["needs"] == "publish" and deploy["environment"] == "production"
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    secrets = next(step for step in deploy["steps"] if step.get("run") == "Deploy/ci/steps.sh deploy")["env"]
    assert all(value == "${{ secrets.%s }}" % name for name, value in secrets.items())


# The steps, run as the pipelines run them.

# A page with warnings (sentences too long) but no error: the check passes and shows them.
PAGE_WITH_WARNINGS = "Content/fr/travailler-a-l-etranger/essai-ci.md"
WARNINGS = """---
title: "Essai des pipelines"
description: "Une page d'essai pour les pipelines."
---

Cette phrase est vraiment très longue parce que nous voulons absolument déclencher la règle de longueur des phrases avec beaucoup de mots qui se suivent sans fin et sans aucun point pour voir.
"""
# A page with an error (no title) that every check step must fail on.
BROKEN_PAGE = "Content/fr/travailler-a-l-etranger/casse.md"
BROKEN = """---
description: "Une page sans titre."
---

Un texte court.
"""


def run_step(step: str, workdir: Path, source: Path, **variables: str) -> subprocess.CompletedProcess:
    """`Deploy/ci/steps.sh STEP` in `workdir`, as a pipeline calls it, with the binary under test. Not
    told the flags of a `make test` that runs these tests."""
    environment = {name: value for name, value in os.environ.items() if name not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    environment.update(CLEISS_SITE=binary(), SOURCE=str(source), **variables)
    return subprocess.run([str(STEPS), step], cwd=workdir, env=environment, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site with a page that has warnings, and its legal notice filled in so that it publishes."""
    root = copy_sources(tmp_path_factory.mktemp("ci-samples") / "site")
    fill_in_legal_notice(root)
    (root / PAGE_WITH_WARNINGS).write_text(WARNINGS, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory) -> Path:
    root = copy_sources(tmp_path_factory.mktemp("ci-broken") / "site")
    (root / BROKEN_PAGE).write_text(BROKEN, encoding="utf-8")
    return root


def test_setup_step_is_the_set_up_of_make_site_and_make_test(tmp_path):
    """Recorded by a stand-in for make: the real targets run in every `make test` before these tests."""
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "make").write_text('#!/usr/bin/env bash\necho "$*" >> "$(dirname "$0")/calls"\n')
    (tools / "make").chmod(0o755)
    result = run_step("setup", tmp_path, REPOSITORY, PATH=f"{tools}:{os.environ['PATH']}")
    assert result.returncode == 0, result.stderr
    assert (tools / "calls").read_text().splitlines() == [f"-C {REPOSITORY} --no-print-directory deps python-deps build"]


def test_github_step_annotates_the_page_with_findings(site, tmp_path):
    result = run_step("check-github", tmp_path, site)
    assert result.returncode == 0, result.stdout + result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations and all(line.startswith(f"::warning file={PAGE_WITH_WARNINGS},line=") for line in annotations)
    assert "title=cleiss-site sentence-length::" in annotations[0]


def test_gitlab_step_writes_a_code_quality_report_of_the_documented_shape(site, tmp_path):
    result = run_step("check-gitlab", tmp_path, site)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / GITLAB_REPORT).read_text(encoding="utf-8"))
    jsonschema.validate(report, GITLAB_SCHEMA)
    assert report and {issue["location"]["path"] for issue in report} == {PAGE_WITH_WARNINGS}
    assert {issue["severity"] for issue in report} == {"minor"}
    assert all((site / issue["location"]["path"]).is_file() for issue in report), "paths from the repository's root"


def test_sarif_step_writes_the_findings(site, tmp_path):
    result = run_step("check-sarif", tmp_path, site)
    assert result.returncode == 0, result.stderr
    sarif = json.loads((tmp_path / SARIF_REPORT).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    locations = {location["physicalLocation"]["artifactLocation"]["uri"]
                 for finding in sarif["runs"][0]["results"] for location in finding["locations"]}
    assert locations == {PAGE_WITH_WARNINGS}


def test_links_step_passes_on_the_site(site, tmp_path):
    result = run_step("links", tmp_path, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^links: .* 0 errors", result.stderr, re.MULTILINE)


def test_a_broken_page_fails_every_check_step_and_the_reports_still_say_why(broken_site, tmp_path):
    github = run_step("check-github", tmp_path, broken_site)
    assert github.returncode == 1
    assert any(line.startswith(f"::error file={BROKEN_PAGE},line=") and "front-matter" in line
               for line in github.stdout.splitlines())
    gitlab = run_step("check-gitlab", tmp_path, broken_site)
    assert gitlab.returncode == 1
    report = json.loads((tmp_path / GITLAB_REPORT).read_text(encoding="utf-8"))
    jsonschema.validate(report, GITLAB_SCHEMA)
    assert [(issue["location"]["path"], issue["severity"]) for issue in report] == [(BROKEN_PAGE, "major")]
    links = run_step("links", tmp_path, broken_site)
    assert links.returncode == 1
    # SARIF only reports: the file is written and the step passes, the gate being the check above.
    sarif = run_step("check-sarif", tmp_path, broken_site)
    assert sarif.returncode == 0 and json.loads((tmp_path / SARIF_REPORT).read_text(encoding="utf-8"))["runs"][0]["results"]


@pytest.mark.parametrize("folder", ["no-such-site", "."])
def test_a_check_that_cannot_run_fails_the_sarif_step_too(tmp_path, folder):
    """A site that is not there, or one without site.yml: exit 2, not taken for findings."""
    result = run_step("check-sarif", tmp_path, tmp_path / folder)
    assert result.returncode == 2, result.stderr


def test_an_unknown_step_is_refused_with_the_known_ones(tmp_path):
    result = run_step("check-gitlab-ci", tmp_path, REPOSITORY)
    assert result.returncode == 2 and "check-gitlab" in result.stderr and "publish" in result.stderr


BASE_URL_EN = "https://en.example.org/"


@pytest.fixture(scope="module")
def published(site, tmp_path_factory) -> Path:
    """The publish step, as a pipeline runs it: in the checkout, with the base URLs of the CI's variables."""
    workdir = tmp_path_factory.mktemp("ci-publish")
    result = run_step("publish", workdir, site, BASE_URL_FR="https://www.cleiss.fr/", BASE_URL_EN=BASE_URL_EN)
    assert result.returncode == 0, result.stdout + result.stderr
    return workdir / "Publish"


def test_publish_step_leaves_the_archives_and_their_checksums(published):
    names = sorted(path.name for path in published.iterdir() if path.is_file())
    assert names == ["SHA256SUMS", "cleiss-site-en.tar.gz", "cleiss-site-fr.tar.gz"]
    for line in (published / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((published / name).read_bytes()).hexdigest() == digest
    with tarfile.open(published / "cleiss-site-en.tar.gz") as archive:
        home = archive.extractfile("./en/index.html").read().decode()
    assert f'href="{BASE_URL_EN}en/"' in home, "the English site is built for the English host"


# Two hosts played by folders: `ssh HOST COMMAND` runs COMMAND in hosts/HOST, `scp FILES HOST:PATH` copies
# into hosts/HOST/PATH (which must exist, as with scp), and nginx only notes how it was called.
FAKE_SSH = """#!/usr/bin/env bash
while [ "${1:0:1}" = - ]; do [ "$1" = -i ] && cat "$2" >> "$FAKE_HOSTS/keys"; shift 2; done
host=$1; shift
cd "$FAKE_HOSTS/$host" && exec bash -c "$*"
"""
FAKE_SCP = """#!/usr/bin/env bash
files=()
while [ $# -gt 1 ]; do case $1 in -o|-i) shift 2 ;; *) files+=("$1"); shift ;; esac; done
cp "${files[@]}" "$FAKE_HOSTS/${1%%:*}/${1#*:}"
"""
FAKE_NGINX = """#!/usr/bin/env bash
echo "$(basename "$(dirname "$PWD")") $*" >> "$FAKE_HOSTS/nginx.log"
"""


@pytest.fixture
def hosts(tmp_path) -> Path:
    folder = tmp_path / "hosts"
    tools = tmp_path / "tools"
    tools.mkdir()
    for name, script in (("ssh", FAKE_SSH), ("scp", FAKE_SCP), ("nginx", FAKE_NGINX)):
        (tools / name).write_text(script)
        (tools / name).chmod(0o755)
    for host in ("fr-host", "en-host"):
        (folder / host / "cleiss" / "incoming").mkdir(parents=True)  # as the hosts' operator prepares them
    return folder


def deploy(published: Path, hosts: Path) -> subprocess.CompletedProcess:
    tools = hosts.parent / "tools"
    return run_step("deploy", hosts.parent, REPOSITORY, PUBLISH_DIR=str(published), FR_HOST="fr-host", EN_HOST="en-host",
                    DEPLOY_ROOT="cleiss", SSH_PRIVATE_KEY="the deploy key", FAKE_HOSTS=str(hosts),
                    PATH=f"{tools}:{os.environ['PATH']}")


def test_deploy_step_switches_each_host_to_its_language(published, hosts):
    result = deploy(published, hosts)
    assert result.returncode == 0, result.stdout + result.stderr
    for language in ("fr", "en"):
        root = hosts / f"{language}-host" / "cleiss"
        archive = published / f"cleiss-site-{language}.tar.gz"
        release = Path("releases") / hashlib.sha256(archive.read_bytes()).hexdigest()[:12]
        assert os.readlink(root / "site") == str(release)
        with tarfile.open(archive) as tar:
            listed = {Path(name) for name in tar.getnames()} - {Path(".")}
        assert {path.relative_to(root / release) for path in (root / release).rglob("*")} == listed
        assert (root / "site" / language / "index.html").is_file()
    assert (hosts / "nginx.log").read_text().splitlines() == ["fr-host -t", "fr-host -s reload", "en-host -t", "en-host -s reload"]
    assert set((hosts / "keys").read_text().splitlines()) == {"the deploy key"}, "the key, given as text, reaches ssh"


def test_deploy_step_uploads_nothing_when_an_archive_differs_from_its_checksum(published, hosts, tmp_path):
    tampered = tmp_path / "Publish"
    tampered.mkdir()
    for path in published.iterdir():
        if path.is_file():
            (tampered / path.name).write_bytes(path.read_bytes())
    with open(tampered / "cleiss-site-en.tar.gz", "ab") as archive:
        archive.write(b"\0")
    result = deploy(tampered, hosts)
    assert result.returncode != 0 and "FAILED" in result.stdout + result.stderr
    assert [list((hosts / host / "cleiss" / "incoming").iterdir()) for host in ("fr-host", "en-host")] == [[], []]
