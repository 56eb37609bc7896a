"""The documentation (docs/, a site root of its own; README, "Where to read next") is built by cleiss-site
itself, as `make docs` builds it: the charter must find no error in it, the link checker no broken link,
each reader's landing page must list the pages written for that reader, and the charter's rules must
all be described on the page that lists them."""
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import REPOSITORY, run

DOCS = REPOSITORY / "docs"
CONTENT = DOCS / "Content" / "en"


@pytest.fixture(scope="module")
def docs_root(tmp_path_factory):
    """docs/ with the site's theme copied in, as `make docs` does (docs/Themes/ is not in git)."""
    root = tmp_path_factory.mktemp("docs") / "docs"
    shutil.copytree(DOCS, root, ignore=shutil.ignore_patterns("Site", "Themes", ".Site.*"))
    shutil.copytree(REPOSITORY / "Themes" / "default", root / "Themes" / "default")
    return root


@pytest.fixture(scope="module")
def docs_built(docs_root):
    output = docs_root.parent / "Site"
    result = run("build", "--source", str(docs_root), "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output


def front_matter(page: Path) -> dict:
    return yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])


def url_of(page: Path) -> str:
    """The URL the build gives a page of docs/Content/en (no slug: the file and folder names are tidy)."""
    relative = page.relative_to(CONTENT).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "_index" else relative.parts
    return "/en/" + "".join(part + "/" for part in parts)


def test_docs_build_without_a_warning_about_missing_settings(docs_built, docs_root):
    result = run("build", "--source", str(docs_root), "--output", str(docs_built))
    assert result.returncode == 0, result.stderr
    assert "legalNotice" not in result.stderr and "Data/" not in result.stderr, result.stderr
    assert (docs_built / "en" / "index.html").exists()


def test_charter_finds_no_error_in_the_docs(docs_root):
    result = run("check", "--source", str(docs_root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^0 errors, ", result.stdout + result.stderr, re.MULTILINE), result.stdout + result.stderr


def test_links_of_the_docs_are_not_broken(docs_root):
    result = run("check", "--links", "--source", str(docs_root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"links: \d+ internal links .*: 0 errors", result.stderr), result.stderr


def test_each_reader_landing_page_lists_the_pages_written_for_that_reader(docs_built):
    audiences = yaml.safe_load((DOCS / "site.yml").read_text(encoding="utf-8"))["audiences"]
    assert {audience["id"] for audience in audiences} == {"editors", "communication", "operators", "theme-designers", "contributors"}
    pages = sorted(CONTENT.rglob("*.md"))
    for audience in audiences:
        landing = docs_built / "en" / "audiences" / audience["slug"]["en"] / "index.html"
        main = lxml.html.parse(str(landing)).getroot().find(".//main")
        listed = {link.get("href") for link in main.iter("a")}
        expected = {url_of(page) for page in pages if audience["id"] in (front_matter(page).get("audiences") or [])}
        assert len(expected) >= 2, f"{audience['id']}: too few pages written for this reader"
        assert expected <= listed, f"{landing} does not list {sorted(expected - listed)}"


def test_every_page_of_the_docs_is_written_for_a_reader():
    readers = {audience["id"] for audience in yaml.safe_load((DOCS / "site.yml").read_text(encoding="utf-8"))["audiences"]}
    for page in CONTENT.rglob("*.md"):
        if page != CONTENT / "_index.md":
            assert set(front_matter(page).get("audiences") or []) & readers, f"{page} names no reader in 'audiences'"


def test_the_rules_page_describes_every_rule_of_the_charter(tmp_path):
    """The rule ids as the tool knows them: those it proposes for an unknown rule key."""
    site = tmp_path / "site"
    (site / "Content" / "en").mkdir(parents=True)
    (site / "site.yml").write_text("title: T\nbaseURL: https://example.org/\nlanguages: [en]\ntheme: default\n"
                                   "charter:\n  rules:\n    no-such-rule: off\n", encoding="utf-8")
    result = run("check", "--source", str(site))
    hint = re.search(r"hint: use one of: (.+)", result.stdout + result.stderr)
    assert hint, result.stdout + result.stderr
    rules = [rule.strip() for rule in hint.group(1).split(",")]
    table = (CONTENT / "editors" / "charter-rules.md").read_text(encoding="utf-8")
    for rule in rules:
        assert f"| `{rule}` |" in table, f"the rule {rule} is missing from docs/Content/en/editors/charter-rules.md"


def test_readme_stays_a_short_entry_point():
    """The README says what the tool is, its two commands and where to read next; the guides live in docs/."""
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 8 * 1024, "README.md is over 8 KB: move the guide into a page of docs/Content/en/"
    for needed in ("make site", "make test", "make docs", "docs/man/"):
        assert needed in readme, f"README.md no longer names {needed}"
    for page in re.findall(r"`((?:editors|communication|operators|theme-designers|contributors)/[\w-]+\.md)`", readme):
        assert (CONTENT / page).exists(), f"README.md names docs/Content/en/{page}, which does not exist"
