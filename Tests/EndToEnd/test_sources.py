"""`sources:` in a page's front matter: rendered as "Textes de référence" / "Legal references", counted by
`report`, checked by the charter's `sources` rule, and every mistake reported at its place."""
import csv
import io
import json
import re
import shutil

from conftest import REPOSITORY, run
from html_pages import parse

POSTING_FR = """---
title: "Détacher un salarié"
description: "Les règles du détachement."
audiences: [employeurs]
translationKey: posting
sources:
  - title: "Règlement (CE) n° 883/2004, article 12"
    url: https://eur-lex.europa.eu/eli/reg/2004/883/oj
  - title: "Code de la sécurité sociale, article R761-1"
    url: "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006073189"
---
Le salarié détaché reste assuré en France.
"""

POSTING_EN = """---
title: "Posting an employee"
description: "The rules of posting."
audiences: [employeurs]
translationKey: posting
sources:
  - title: "Regulation (EC) No 883/2004, Article 12"
    url: https://eur-lex.europa.eu/eli/reg/2004/883/oj
---
A posted employee stays insured in France.
"""

UNCITED_FR = """---
title: "Partir sans texte"
description: "Une page pour un public, sans ses sources."
weight: 3
audiences: [employeurs]
---
Le salarié détaché reste assuré en France.
"""

ABOUT_FR = """---
title: "À propos"
description: "Qui nous sommes."
---
Le Cleiss aide les assurés.
"""


def small_site(root):
    """The repository's site.yml and theme, with a home page per language and the pages above."""
    root.mkdir()
    shutil.copy(REPOSITORY / "site.yml", root / "site.yml")
    shutil.copytree(REPOSITORY / "Themes", root / "Themes")
    pages = {
        "fr/_index.md": "---\ntitle: Cleiss\ndescription: Accueil.\n---\nBienvenue.\n",
        "en/_index.md": "---\ntitle: Cleiss\ndescription: Home.\n---\nWelcome.\n",
        # site.yml's legal notice (its publication director and host) needs its page in each language.
        "fr/mentions-legales.md": "---\ntitle: Mentions légales\ndescription: Qui publie.\ntranslationKey: legal-notice\n---\nLe Cleiss.\n",
        "en/legal-notice.md": "---\ntitle: Legal notice\ndescription: Who publishes.\ntranslationKey: legal-notice\n---\nCleiss.\n",
        "fr/detachement.md": POSTING_FR, "en/posting.md": POSTING_EN, "fr/sans-sources.md": UNCITED_FR, "fr/a-propos.md": ABOUT_FR,
    }
    for relative, text in pages.items():
        path = root / "Content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def sources_section(page):
    """The heading and the links of the section of sources of a parsed page, or None."""
    sections = [s for s in page.root.find_all("section") if s.attributes.get("aria-labelledby") == "page-sources"]
    if not sections:
        return None
    assert len(sections) == 1
    heading = next(sections[0].find_all("h2"))
    assert heading.attributes.get("id") == "page-sources"
    items = list(next(sections[0].find_all("ul")).find_all("li"))
    links = [next(item.find_all("a")) for item in items]
    return heading.text, [(link.text, link.attributes["href"]) for link in links]


def headings(page):
    return [element.tag for element in page.root.find_all() if re.fullmatch(r"h[1-6]", element.tag)]


def test_sources_are_listed_at_the_end_of_the_page_in_both_languages(tmp_path):
    site = small_site(tmp_path / "site")
    output = tmp_path / "out"
    result = run("build", "--source", str(site), "--output", str(output))
    assert result.returncode == 0, result.stderr
    french = parse(output / "fr" / "detachement" / "index.html")
    assert sources_section(french) == ("Textes de référence", [
        ("Règlement (CE) n° 883/2004, article 12", "https://eur-lex.europa.eu/eli/reg/2004/883/oj"),
        ("Code de la sécurité sociale, article R761-1", "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006073189"),
    ])
    # A level-2 heading after the page's only h1, inside the article, after its text.
    assert headings(french)[:2] == ["h1", "h2"] and headings(french).count("h1") == 1
    article = next(french.root.find_all("article"))
    assert any(s.attributes.get("aria-labelledby") == "page-sources" for s in article.find_all("section"))
    english = parse(output / "en" / "posting" / "index.html")
    assert sources_section(english) == ("Legal references", [
        ("Regulation (EC) No 883/2004, Article 12", "https://eur-lex.europa.eu/eli/reg/2004/883/oj"),
    ])
    # No section at all on a page without sources.
    for page in ["fr/sans-sources/index.html", "fr/a-propos/index.html", "fr/index.html"]:
        text = (output / page).read_text(encoding="utf-8")
        assert sources_section(parse(output / page)) is None and "Textes de référence" not in text, page


def test_the_inventory_counts_the_sources_of_each_page(tmp_path):
    site = small_site(tmp_path / "site")
    table = run("report", "pages", "--source", str(site))
    assert table.returncode == 0, table.stderr
    rows = {row["file"]: row for row in csv.DictReader(io.StringIO(table.stdout))}
    assert rows["Content/fr/detachement.md"]["sources"] == "2"
    assert rows["Content/en/posting.md"]["sources"] == "1"
    assert rows["Content/fr/sans-sources.md"]["sources"] == "0"
    entries = {entry["file"]: entry for entry in json.loads(run("report", "pages", "--source", str(site), "--format", "json").stdout)}
    assert entries["Content/fr/detachement.md"]["sources"] == 2 and entries["Content/fr/a-propos.md"]["sources"] == 0
    dashboard = tmp_path / "dashboard.html"
    assert run("report", "--source", str(site), "--year", "2026", "--format", "html", "--output", str(dashboard)).returncode == 0
    page = parse(dashboard)
    heading = next(page.root.find_all("h2", id="textes-de-reference"))
    uncited = [item.text for item in heading.parent.find_all("li")
               if item.parent.tag == "ul" and item.text.startswith("Content/")]
    assert "Content/fr/sans-sources.md" in uncited and "Content/fr/detachement.md" not in uncited
    assert "2 pages publiées sur 8 citent leurs textes de référence" in dashboard.read_text(encoding="utf-8")


def findings(site, rule):
    result = run("check", "--source", str(site), "--format", "json")
    return [f for f in json.loads(result.stdout)["diagnostics"] if f["rule"] == rule]


def test_the_charter_warns_on_an_audience_page_without_sources_only(tmp_path):
    site = small_site(tmp_path / "site")
    found = findings(site, "sources")
    assert [(f["file"], f["line"], f["column"], f["severity"]) for f in found] == [("Content/fr/sans-sources.md", 5, 1, "warning")]
    assert "sources:" in found[0]["suggestion"] and "url: https://" in found[0]["suggestion"]
    text = run("check", "--source", str(site)).stdout
    assert "Content/fr/sans-sources.md:5:1: warning: [sources] This page is dedicated to an audience but cites no legal or official text." in text
    # Configured like every rule: off in charter.yml.
    (site / "charter.yml").write_text("rules:\n  sources: off\n", encoding="utf-8")
    assert findings(site, "sources") == []


def test_a_wrong_source_stops_the_build_at_its_place(tmp_path):
    site = small_site(tmp_path / "site")
    page = site / "Content" / "fr" / "detachement.md"
    page.write_text(POSTING_FR.replace("url: https://eur-lex.europa.eu/eli/reg/2004/883/oj", "lien: eur-lex.europa.eu")
                    .replace('"https://www.legifrance', '"www.legifrance'), encoding="utf-8")
    result = run("build", "--source", str(site), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Content/fr/detachement.md:8:5: error: unknown key 'lien' in a source" in result.stderr
    assert "Content/fr/detachement.md:7:5: error: this source has no 'url'" in result.stderr
    assert "Content/fr/detachement.md:10:10: error: 'www.legifrance.gouv.fr/codes/id/LEGITEXT000006073189' is not an absolute http or https address" in result.stderr
    assert "hint: write the whole address of the text, starting with https://" in result.stderr


def test_a_source_on_the_site_itself_is_a_warning_at_its_line(tmp_path):
    # site.yml's baseURL is https://www.cleiss.fr/: the pages of an earlier site there are gone once this one is published.
    site = small_site(tmp_path / "site")
    page = site / "Content" / "en" / "posting.md"
    page.write_text(POSTING_EN.replace("https://eur-lex.europa.eu/eli/reg/2004/883/oj", "http://cleiss.fr/ancien-site/883.html"), encoding="utf-8")
    result = run("build", "--source", str(site), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert ("Content/en/posting.md:8:10: warning: the source 'http://cleiss.fr/ancien-site/883.html' is an address of this site "
            "(https://www.cleiss.fr/), not an outside text") in result.stderr
    assert "hint: cite the legal or official text itself" in result.stderr
    assert result.stderr.count("is an address of this site") == 1
