"""`cleiss-site check --links` on the real site and on broken ones, cross-checked by lychee (--offline),
and sitemap.xml against the sitemaps schema."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import run

SCHEMAS = Path(__file__).parent / "schemas"
LYCHEE = Path(sys.executable).parent / "lychee"


def lychee(output: Path) -> dict:
    """lychee over every page of `output`, local files only, fragments included; its JSON report."""
    result = subprocess.run([str(LYCHEE), "--offline", "--root-dir", str(output), "--index-files", "index.html", "--include-fragments",
                             "--no-progress", "--format", "json", f"{output}/**/*.html"], capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 2), result.stderr
    return json.loads(result.stdout)


def broken_urls(report: dict) -> set:
    return {entry["url"] for entries in report.get("error_map", {}).values() for entry in entries}


def test_check_links_passes_on_the_real_site():
    result = run("check", "--links")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = re.search(r"links: (\d+) internal links \((\d+) to an anchor\) in (\d+) pages: 0 errors, 0 warnings", result.stderr)
    assert summary, result.stderr
    assert int(summary.group(1)) > 1000 and int(summary.group(2)) > 100 and int(summary.group(3)) > 60


def test_lychee_finds_no_broken_link_in_the_real_site(built):
    output, _ = built
    report = lychee(output)
    assert report["errors"] == 0, broken_urls(report)
    assert report["successful"] > 1000


def test_a_broken_anchor_is_reported_in_its_markdown_file_by_both_checkers(site_copy, tmp_path):
    page = site_copy / "Content" / "fr" / "a-propos.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nLisez aussi [la page Contact](contact.md#horaires-du-samedi).\n", encoding="utf-8")
    line = text.count("\n") + 2
    result = run("check", "--links", "--source", str(site_copy))
    assert result.returncode == 1, result.stderr
    assert f"Content/fr/a-propos.md:{line}:" in result.stderr and 'no element with the id "horaires-du-samedi"' in result.stderr, result.stderr
    output = tmp_path / "out"
    assert run("build", "--source", str(site_copy), "--output", str(output)).returncode == 0
    assert any("/fr/contact" in url and url.endswith("#horaires-du-samedi") for url in broken_urls(lychee(output)))


def test_a_link_to_no_page_in_a_template_is_reported_in_the_output(site_copy, tmp_path):
    footer = site_copy / "Themes" / "default" / "templates" / "partials" / "footer.mustache"
    footer.write_text(footer.read_text(encoding="utf-8").replace("</ul>", '<li><a href="/fr/plan/">Plan</a></li>\n</ul>'), encoding="utf-8")
    result = run("check", "--links", "--source", str(site_copy))
    assert result.returncode == 1
    assert re.search(r"\(built site\)/fr/index\.html:\d+: error: broken link on /fr/: /fr/plan/", result.stderr), result.stderr
    output = tmp_path / "out"
    assert run("build", "--source", str(site_copy), "--output", str(output)).returncode == 0
    assert any(url.rstrip("/").endswith("/fr/plan") for url in broken_urls(lychee(output)))


def tampered_output(site_copy: Path, tmp_path: Path, page: str, old: str, new: str) -> Path:
    output = tmp_path / "out"
    assert run("build", "--source", str(site_copy), "--output", str(output)).returncode == 0
    file = output / page
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")
    return output


@pytest.mark.parametrize("old, new, expected", [
    # a version that no longer lists its translation
    ('<link rel="alternate" hreflang="fr" href="https://www.cleiss.fr/fr/a-propos/" />\n', "",
     "the alternates of /fr/a-propos/ and /en/about/ are not reciprocal"),
    # an English page canonicalised to the French one
    ('<link rel="canonical" href="https://www.cleiss.fr/en/about/" />', '<link rel="canonical" href="https://www.cleiss.fr/fr/a-propos/" />',
     "the canonical URL of /en/about/ is https://www.cleiss.fr/fr/a-propos/"),
])
def test_broken_language_versions_are_errors(site_copy, tmp_path, old, new, expected):
    output = tampered_output(site_copy, tmp_path, "en/about/index.html", old, new)
    result = run("check", "--links", "--site", str(output), "--source", str(site_copy))
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr


def test_a_site_built_for_one_language_and_its_host_checks_clean(site_copy, tmp_path):
    output = tmp_path / "en"
    assert run("build", "--source", str(site_copy), "--output", str(output), "--lang", "en", "--base-url", "https://en.cleiss.fr/").returncode == 0
    result = run("check", "--links", "--site", str(output), "--source", str(site_copy), "--base-url", "https://en.cleiss.fr/")
    assert result.returncode == 0, result.stderr


def sitemap_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))


def test_sitemap_is_valid_against_the_sitemaps_schema(built):
    output, _ = built
    schema = sitemap_schema()
    document = etree.parse(str(output / "sitemap.xml"))
    assert schema.validate(document), schema.error_log
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    assert len(document.findall("s:url", namespaces)) > 60
    assert all(url.find("x:link[@hreflang='x-default']", namespaces) is not None for url in document.findall("s:url", namespaces))


@pytest.mark.parametrize("old, new", [
    ("<lastmod>", "<priority>2</priority><lastmod>"),                       # out of range, and out of order
    ("<loc>https://www.cleiss.fr/fr/</loc>", "<loc>/fr/</loc>"),            # not an absolute URL
    ('hreflang="x-default"', 'hreflang="default"'),                          # not a language tag
])
def test_the_schema_rejects_a_broken_sitemap(built, old, new):
    output, _ = built
    text = (output / "sitemap.xml").read_text(encoding="utf-8").replace(old, new, 1)
    assert not sitemap_schema().validate(etree.fromstring(text.encode("utf-8")))
