"""Pages made from data: a small site with a Data/countries.yml of four countries (one per regime group),
built, then its country pages and directory read as HTML; alternates, sitemap.xml, the search, the
charter's findings at the data's lines, the errors of the schema and the report's counts with the
indicator setting on and off."""
import csv
import io
import json
import os
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import BASE_URL, binary, copy_sources, run
from html_pages import output_file, parse

COUNTRIES = """\
sources:
  cleiss-eu:
    title: {fr: "Cleiss – La coordination européenne", en: "Cleiss – EU coordination"}
    url: https://eur-lex.europa.eu/eli/reg/2004/883/oj
  cleiss-agreements:
    title: {fr: "Cleiss – Les accords bilatéraux", en: "Cleiss – Bilateral agreements"}
    url: https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006073189
countries:
  - id: germany
    name: {fr: Allemagne, en: Germany}
    slug: {fr: allemagne, en: germany}
    regime: eu
    regime_source: cleiss-eu
    checked: 2026-12-05
  - id: algeria
    name: {fr: Algérie, en: Algeria}
    slug: {fr: algerie, en: algeria}
    regime: bilateral
    regime_source: cleiss-agreements
    agreement:
      branches: [sickness, maternity, old-age]
      branches_source: cleiss-agreements
      posting: {initial_months: 36, extension_months: 24}
      posting_source: cleiss-agreements
      note: {fr: "Une note simple.", en: "A plain note."}
    checked: 2026-12-05
  - id: united-kingdom
    name: {fr: Royaume-Uni, en: United Kingdom}
    slug: {fr: royaume-uni, en: united-kingdom}
    regime: uk
    regime_source: cleiss-eu
    checked: 2026-12-01
  - id: china
    name: {fr: Chine, en: China}
    slug: {fr: chine, en: china}
    regime: none
    regime_source: cleiss-agreements
    checked: 2026-12-05
"""

SETTINGS = """
countries:
  audiences: [pays-ni-ni, employeurs]
  guides: {coordination: posting-eu, uk: posting-eu, bilateral: bilateral-agreements, none: countries-without-agreement}
"""

# Each country's URL in each language, and its group in the directory.
PAGES = {
    "germany": ({"fr": "/fr/pays/allemagne/", "en": "/en/countries/germany/"}, "coordination"),
    "algeria": ({"fr": "/fr/pays/algerie/", "en": "/en/countries/algeria/"}, "bilateral"),
    "united-kingdom": ({"fr": "/fr/pays/royaume-uni/", "en": "/en/countries/united-kingdom/"}, "uk"),
    "china": ({"fr": "/fr/pays/chine/", "en": "/en/countries/china/"}, "none"),
}
DIRECTORY = {"fr": "/fr/pays/", "en": "/en/countries/"}


def without_blocks(text: str, keys) -> str:
    """site.yml without the top-level blocks of `keys` (their line and the indented lines under it)."""
    kept, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line[:1] not in (" ", "\n", "#"):
            skipping = line.split(":")[0] in keys
        if not skipping:
            kept.append(line)
    return "".join(kept)


def data_site(root: Path, countries: str = COUNTRIES, settings: str = SETTINGS) -> Path:
    """The site's sources with `countries` as Data/countries.yml and `settings` as site.yml's blocks of the directory."""
    site = copy_sources(root)
    (site / "Data").mkdir(exist_ok=True)
    (site / "Data" / "countries.yml").write_text(countries, encoding="utf-8")
    configuration = without_blocks((site / "site.yml").read_text(encoding="utf-8"), ("countries", "indicators"))
    (site / "site.yml").write_text(configuration + settings, encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def built_data_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    site = data_site(folder / "site")
    output = folder / "Site"
    result = run("build", "--source", str(site), "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert "Data/" not in result.stderr + result.stdout, "the data file builds without a warning"
    return site, output, result


def page(output: Path, url: str):
    path = output_file(output, url, BASE_URL)
    assert path is not None and path.exists(), url
    return parse(path)


def main_of(document):
    return next(document.root.find_all("main"))


def test_a_site_without_data_has_no_country_pages(site_copy, tmp_path):
    shutil.rmtree(site_copy / "Data")
    for page in site_copy.rglob("*.md"):  # the guides' links to the directory go with it
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("- [Les règles pays par pays](/fr/pays/)\n", "").replace("- [Rules country by country](/en/countries/)\n", ""),
                        encoding="utf-8")
    output = tmp_path / "out"
    result = run("build", "--source", str(site_copy), "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert not (output / "fr" / "pays").exists() and not (output / "en" / "countries").exists()
    assert "/fr/pays/" not in (output / "fr" / "publics" / "pays-ni-ni" / "index.html").read_text(encoding="utf-8")


def test_each_country_page_states_its_facts_with_their_sources(built_data_site):
    _, output, _ = built_data_site
    algeria = main_of(page(output, "/en/countries/algeria/"))
    text = algeria.text
    assert next(algeria.find_all("h1")).text == "Algeria"
    assert "bilateral social security agreement" in text
    assert [li.text for li in next(algeria.find_all("h2", id="country-branches")).parent.find_all("li")][:3] == \
        ["Sickness", "Maternity", "Old age (retirement)"]
    assert "Longest posting: 36 months" in text and "Possible extension: 24 months" in text
    assert "A plain note." in text
    sources = [a.attributes["href"] for a in algeria.find_all("a") if a.parent.classes() == ["source"]]
    assert sources == ["https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006073189"] * 3
    time = next(algeria.find_all("time"))
    assert time.attributes["datetime"] == "2026-12-05" and time.text == "5 December 2026"
    links = {a.attributes["href"] for a in algeria.find_all("a")}
    assert "/en/working-abroad/bilateral-agreements/" in links and "/en/countries/" in links
    china = main_of(page(output, "/fr/pays/chine/"))
    assert "Caisse des Français de l'étranger (CFE)" in china.text
    assert not list(china.find_all("h2", id="country-branches"))
    assert "/fr/travailler-a-l-etranger/pays-sans-accord/" in {a.attributes["href"] for a in china.find_all("a")}


def test_country_pages_have_alternates_switcher_and_breadcrumb(built_data_site):
    _, output, _ = built_data_site
    for urls, _ in PAGES.values():
        for language, url in urls.items():
            document = page(output, url)
            alternates = {link.attributes["hreflang"]: link.attributes["href"]
                          for link in document.root.find_all("link", rel="alternate")}
            assert alternates == {"fr": BASE_URL + urls["fr"][1:], "en": BASE_URL + urls["en"][1:], "x-default": BASE_URL}
            other = "en" if language == "fr" else "fr"
            switch = [a for a in document.root.find_all("a", hreflang=other) if a.attributes.get("lang") == other]
            assert switch and switch[0].attributes["href"] == urls[other], url
            crumbs = [a.attributes["href"] for a in next(document.root.find_all("nav", class_="breadcrumb")).find_all("a")]
            assert crumbs == [f"/{language}/", DIRECTORY[language]]


def test_the_directory_lists_every_country_a_to_z_in_its_group(built_data_site):
    _, output, _ = built_data_site
    for language, url in DIRECTORY.items():
        main = main_of(page(output, url))
        for country, (urls, group) in PAGES.items():
            section = next(main.find_all("section", id=f"countries-{group}"))
            assert urls[language] in [a.attributes["href"] for a in section.find_all("a")], (language, country)
        assert [section.attributes["id"] for section in main.find_all("section")] == \
            ["countries-coordination", "countries-uk", "countries-bilateral", "countries-none"]


def test_the_audience_pages_named_in_site_yml_link_to_the_directory(built_data_site):
    _, output, _ = built_data_site
    for url, directory in [("/fr/publics/pays-ni-ni/", "/fr/pays/"), ("/en/audiences/employers/", "/en/countries/")]:
        assert directory in [a.attributes["href"] for a in main_of(page(output, url)).find_all("a")], url
    assert "/fr/pays/" not in [a.attributes["href"] for a in main_of(page(output, "/fr/publics/journalistes/")).find_all("a")]


def test_sitemap_xml_lists_the_pages_made_from_data_with_their_alternates(built_data_site):
    _, output, _ = built_data_site
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.find("s:loc", namespaces).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)}
            for url in ElementTree.parse(output / "sitemap.xml").getroot().findall("s:url", namespaces)}
    for urls_of_country in [urls_ for urls_, _ in PAGES.values()] + [DIRECTORY]:
        for language, url in urls_of_country.items():
            assert urls[BASE_URL + url[1:]]["fr"] == BASE_URL + urls_of_country["fr"][1:]
            assert urls[BASE_URL + url[1:]]["en"] == BASE_URL + urls_of_country["en"][1:]


def test_the_search_indexes_the_pages_made_from_data(built_data_site):
    _, output, _ = built_data_site
    for urls, _ in list(PAGES.values()) + [(DIRECTORY, None)]:
        for url in urls.values():
            assert list(page(output, url).root.find_all(**{"data-pagefind-body": None})), url
    entry = output / "pagefind" / "pagefind-entry.json"
    if entry.exists():  # Pagefind ran (`make test` puts it on the PATH): its count is every indexed page
        counts = {language: value["page_count"] for language, value in json.loads(entry.read_text())["languages"].items()}
        indexed = {language: sum(1 for path in (output / language).rglob("*.html") if "data-pagefind-body" in path.read_text(encoding="utf-8"))
                   for language in ("fr", "en")}
        assert counts == indexed


def test_the_charter_finds_problems_at_the_line_of_the_data(tmp_path):
    site = data_site(tmp_path / "site", COUNTRIES.replace('"Une note simple."', '"Une note : le CNAVTS paie."'))
    result = run("check", "--source", str(site))
    line = next(number for number, text in enumerate(COUNTRIES.splitlines(), 1) if "Une note simple" in text)
    findings = [finding for finding in result.stdout.splitlines() if finding.startswith("Data/countries.yml:")]
    assert any(finding.startswith(f"Data/countries.yml:{line}:") and "[typography]" in finding for finding in findings), result.stdout
    assert any(finding.startswith(f"Data/countries.yml:{line}:") and "[acronym-expansion]" in finding for finding in findings), result.stdout


def test_a_schema_error_stops_the_build_at_its_line(tmp_path):
    site = data_site(tmp_path / "site", COUNTRIES.replace("regime: uk", "regime: brexit"))
    result = run("build", "--source", str(site), "--output", str(tmp_path / "Site"))
    line = next(number for number, text in enumerate(COUNTRIES.splitlines(), 1) if "regime: uk" in text)
    assert result.returncode == 1
    assert f"Data/countries.yml:{line}:5: error: unknown regime 'brexit'" in result.stderr
    assert not (tmp_path / "Site" / "fr" / "pays").exists()


def report_counts(site: Path) -> dict:
    result = run("report", "--source", str(site), "--year", "2026", "--format", "json")
    assert result.returncode == 0, result.stderr
    return {audience["id"]: audience["pages"] for audience in json.loads(result.stdout)["audiences"]}


def test_pages_made_from_data_are_in_the_inventory_but_count_only_when_site_yml_says_so(tmp_path):
    plain = copy_sources(tmp_path / "plain")
    without = report_counts(plain)
    off = data_site(tmp_path / "off")
    assert report_counts(off) == without
    result = run("report", "pages", "--source", str(off), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    data_rows = [row for row in rows if row["from_data"] == "true"]
    assert len(data_rows) == 2 * (len(PAGES) + 1)
    assert all(row["file"] == "Data/countries.yml" and row["audiences"] == "pays-ni-ni employeurs" for row in data_rows)
    assert {row["url"] for row in data_rows} == {url for urls, _ in PAGES.values() for url in urls.values()} | set(DIRECTORY.values())
    assert all(row["from_data"] == "false" for row in rows if row["file"].startswith("Content/"))
    on = data_site(tmp_path / "on", settings=SETTINGS + "indicators: {countDataPages: true}\n")
    counted = report_counts(on)
    for audience, pages in without.items():
        extra = len(PAGES) + 1 if audience in ("pays-ni-ni", "employeurs") else 0
        assert counted[audience] == {"fr": pages["fr"] + extra, "en": pages["en"] + extra, "distinct": pages["distinct"] + extra}, audience


def test_serve_rebuilds_the_pages_when_the_data_changes(tmp_path):
    from test_serve import EventStream, Serve, fetch, free_port

    site = data_site(tmp_path / "site")
    serve = Serve(site, free_port())
    try:
        serve.ready()
        assert "A plain note." in fetch(serve.port, "/en/countries/algeria/")[2]
        events = EventStream(serve.port)
        try:
            events.next("connected")
            data = site / "Data" / "countries.yml"
            data.write_text(COUNTRIES.replace("A plain note.", "A note edited while serving."), encoding="utf-8")
            events.next("reload")
            assert "A note edited while serving." in fetch(serve.port, "/en/countries/algeria/")[2]
            data.write_text(COUNTRIES.replace("regime: uk", "regime: brexit"), encoding="utf-8")
            error, _ = events.next("error")
            assert "Data/countries.yml:" in error["message"] and "unknown regime 'brexit'" in error["message"]
        finally:
            events.close()
    finally:
        assert serve.stop() == 0
