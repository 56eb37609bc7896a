"""End-to-end tests: the real Content/ built with the default theme, read back as HTML."""
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

import yaml

from conftest import BASE_URL, REPOSITORY, run
from html_pages import html_pages, output_file, parse

LANGUAGES = ["fr", "en"]
SITE = yaml.safe_load((REPOSITORY / "site.yml").read_text(encoding="utf-8"))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n")) or {}


def content_pages(language):
    for path in sorted((REPOSITORY / "Content" / language).rglob("*.md")):
        matter = front_matter(path)
        if not matter.get("draft"):
            yield path, matter


def test_build_succeeds_with_a_summary_line(built):
    _, result = built
    last = result.stdout.strip().splitlines()[-1]
    counts = {language: len(list(content_pages(language))) for language in LANGUAGES}
    assert re.fullmatch(rf"fr: {counts['fr']} pages, en: {counts['en']} pages, \d+ files \(\d+ written, \d+ removed\) in \d+\.\d\d s", last), last


def test_every_page_has_its_head_and_one_h1(built):
    output, _ = built
    titles = Counter()
    for path in html_pages(output):
        language = path.relative_to(output).parts[0]
        page = parse(path)
        html = next(page.root.find_all("html"))
        assert html.attributes.get("lang") == language, path
        assert len(list(page.root.find_all("h1"))) == 1, f"{path}: exactly one h1"
        title = next(page.root.find_all("title")).text
        assert title, path
        titles[title] += 1
        description = next(page.root.find_all("meta", name="description"), None)
        assert description is not None and description.attributes.get("content"), f"{path}: meta description"
        assert next(page.root.find_all("main"), None) is not None, f"{path}: main landmark"
        if path.name == "404.html":
            continue
        canonical = next(page.root.find_all("link", rel="canonical")).attributes["href"]
        assert output_file(output, canonical, BASE_URL) == path, f"{path}: canonical {canonical}"
    duplicated = [title for title, count in titles.items() if count > 1]
    assert not duplicated, f"titles used twice: {duplicated}"


def test_every_page_has_its_alternates(built):
    output, _ = built
    for path in html_pages(output):
        if path.name == "404.html":
            continue
        language = path.relative_to(output).parts[0]
        page = parse(path)
        alternates = {link.attributes["hreflang"]: link.attributes["href"] for link in page.root.find_all("link", rel="alternate")}
        assert output_file(output, alternates.get(language, ""), BASE_URL) == path, f"{path}: alternate to itself"
        assert alternates.get("x-default") == BASE_URL, f"{path}: x-default to the chooser"
        for hreflang, href in alternates.items():
            target = output_file(output, href, BASE_URL)
            assert target is not None and target.exists(), f"{path}: alternate {hreflang} {href} does not exist"
            if hreflang != "x-default":
                assert target.relative_to(output).parts[0] == hreflang


def served_elsewhere(url):
    """Whether `url` is in a folder of the host that another system serves (site.yml, `links: servedElsewhere:`)."""
    path = "/" + url[len(BASE_URL):] if url.startswith(BASE_URL) else url
    return any(path.startswith(folder) for folder in SITE.get("links", {}).get("servedElsewhere", []))


def test_every_internal_link_resolves(built):
    output, _ = built
    broken = []
    for path in sorted(output.rglob("*.html")):
        page = parse(path)
        for element in page.root.iter():
            for attribute in ("href", "src"):
                url = element.attributes.get(attribute)
                if not url or url.startswith("#") or served_elsewhere(url):
                    continue
                target = output_file(output, url, BASE_URL)
                if target is not None and not target.exists():
                    broken.append(f"{path.relative_to(output)} → {url}")
                if target is not None and "#" in url:
                    anchor = url.split("#", 1)[1]
                    ids = {e.attributes.get("id") for e in parse(target).root.iter()}
                    if anchor not in ids:
                        broken.append(f"{path.relative_to(output)} → {url} (no anchor)")
    assert not broken, "\n".join(broken)


def landing_url(audience, language):
    segment = SITE.get("paths", {}).get("audiences", {}).get(language, "publics" if language == "fr" else "audiences")
    return f"/{language}/{segment}/{audience['slug'][language]}/"


def test_each_audience_landing_page_lists_exactly_its_pages(built):
    output, _ = built
    for language in LANGUAGES:
        # The pages whose own HTML says they are dedicated to each audience, by canonical URL.
        dedicated = {audience["id"]: set() for audience in SITE["audiences"]}
        for path in html_pages(output):
            if path.relative_to(output).parts[0] != language:
                continue
            page = parse(path)
            block = next((e for e in page.root.iter() if "page-audiences" in e.classes()), None)
            if block is None:
                continue
            url = "/" + str(path.relative_to(output)).removesuffix("index.html")
            for link in block.find_all("a"):
                for audience in SITE["audiences"]:
                    if link.attributes.get("href") == landing_url(audience, language):
                        dedicated[audience["id"]].add(url)
        for audience in SITE["audiences"]:
            expected = sum(1 for _, matter in content_pages(language) if audience["id"] in (matter.get("audiences") or []))
            landing = parse(output_file(output, landing_url(audience, language), BASE_URL))
            lists = [e for e in landing.root.iter() if "page-list" in e.classes()]
            listed = {a.attributes["href"] for block in lists for a in block.find_all("a")}
            assert listed == dedicated[audience["id"]], f"{audience['id']} ({language})"
            assert len(listed) == expected, f"{audience['id']} ({language}): {len(listed)} listed, {expected} in Content"


def test_seven_audiences_have_two_pages_in_each_language(built):
    for audience in SITE["audiences"]:
        for language in LANGUAGES:
            pages = [path for path, matter in content_pages(language) if audience["id"] in (matter.get("audiences") or [])]
            assert len(pages) >= 2, f"{audience['id']} has {len(pages)} pages in {language}"


def test_home_pages_lead_to_every_audience(built):
    output, _ = built
    for language in LANGUAGES:
        home = parse(output / language / "index.html")
        hrefs = {a.attributes.get("href") for a in home.root.find_all("a")}
        for audience in SITE["audiences"]:
            assert landing_url(audience, language) in hrefs, f"{language} home lacks {audience['id']}"


def test_sitemap_xml_lists_pages_with_alternates(built):
    output, _ = built
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ElementTree.parse(output / "sitemap.xml")
    urls = tree.getroot().findall("s:url", namespaces)
    assert len(urls) >= 2 * 30
    for url in urls:
        location = url.find("s:loc", namespaces).text
        assert output_file(output, location, BASE_URL).exists(), location
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)}
        assert alternates["x-default"] == BASE_URL
        assert location in alternates.values()
    assert (output / "robots.txt").read_text().endswith(f"Sitemap: {BASE_URL}sitemap.xml\n")


def test_accessibility_basics(built):
    """RGAA 4.1 checks that can be read from the HTML: skip link first, landmarks, alternatives, labelled navigation."""
    output, _ = built
    for path in html_pages(output):
        page = parse(path)
        first_link = next(page.root.find_all("a"))
        assert first_link.attributes.get("href") == "#content", f"{path}: the first link skips to the content"
        assert next(page.root.find_all(id="content"), None) is not None
        assert next(page.root.find_all("header"), None) is not None and next(page.root.find_all("footer"), None) is not None
        for nav in page.root.find_all("nav"):
            assert nav.attributes.get("aria-label") or nav.attributes.get("aria-labelledby"), f"{path}: unlabelled nav"
        for image in page.root.find_all("img"):
            assert "alt" in image.attributes, f"{path}: image without alt"
        for link in page.root.find_all("a"):
            assert link.text or link.attributes.get("aria-label"), f"{path}: empty link {link.attributes}"


def test_language_switcher_goes_to_the_translation_or_the_home(built):
    output, _ = built
    for path in html_pages(output):
        language = path.relative_to(output).parts[0]
        other = "en" if language == "fr" else "fr"
        page = parse(path)
        switch = [a for a in page.root.find_all("a") if a.attributes.get("hreflang") == other]
        assert switch, f"{path}: no link to the {other} version"
        target = output_file(output, switch[0].attributes["href"], BASE_URL)
        assert target.exists()
        alternates = {link.attributes["hreflang"]: link.attributes["href"] for link in page.root.find_all("link", rel="alternate")}
        if other in alternates:
            assert output_file(output, alternates[other], BASE_URL) == target
        else:
            assert target == output / other / "index.html"


def test_two_builds_are_identical(built, tmp_path):
    output, _ = built
    second = tmp_path / "Site"
    result = run("build", "--source", str(REPOSITORY), "--output", str(second))
    assert result.returncode == 0, result.stderr
    first_files = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    second_files = {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file()}
    assert first_files.keys() == second_files.keys()
    assert [name for name in first_files if first_files[name] != second_files[name]] == []
