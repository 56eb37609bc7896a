"""`cleiss-site new` and `translate`, as an editor uses them on a copy of the real site: the page they
write builds, shows in the preview's build, carries the right front matter, and the charter reports
what is left to write. Bad requests change nothing."""
import json
import os
import subprocess

import yaml
from lxml import html

from conftest import run

DAY = "2026-12-05"


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:]), text.split("\n---\n", 1)[1]


def files(root):
    return sorted(str(path.relative_to(root)) for path in (root / "Content").rglob("*"))


def check_findings(site, *pages):
    result = run("check", "--format", "json", *pages, cwd=site)
    return json.loads(result.stdout)["diagnostics"]


def test_new_writes_a_complete_page_that_builds_and_that_the_charter_flags_until_described(site_copy, tmp_path):
    result = run("new", "fr/travailler-a-l-etranger/partir-en-mission", "--title", "Partir en mission « courte »",
                 "--audience", "employeurs", "--date", DAY, cwd=site_copy)
    assert result.returncode == 0, result.stderr
    page = site_copy / "Content/fr/travailler-a-l-etranger/partir-en-mission.md"
    assert "created Content/fr/travailler-a-l-etranger/partir-en-mission.md" in result.stdout
    assert "http://127.0.0.1:1313/fr/travailler-a-l-etranger/partir-en-mission/" in result.stdout
    meta, body = front_matter(page)
    assert meta["title"] == "Partir en mission « courte »"
    assert meta["audiences"] == ["employeurs"] and meta["translationKey"] == "partir-en-mission"
    assert str(meta["date"]) == DAY and str(meta["lastmod"]) == DAY
    findings = check_findings(site_copy, "Content/fr/travailler-a-l-etranger/partir-en-mission.md")
    assert [(f["rule"], f["line"]) for f in findings if "placeholder" in f["message"]] == [("front-matter", 3)]
    output = tmp_path / "out"
    build = run("build", "--source", str(site_copy), "--output", str(output))
    assert build.returncode == 0, build.stderr
    tree = html.parse(str(output / "fr/travailler-a-l-etranger/partir-en-mission/index.html"))
    assert tree.xpath("string(//h1)") == "Partir en mission « courte »"
    audience = html.parse(str(output / "fr/publics/employeurs/index.html"))
    assert "/fr/travailler-a-l-etranger/partir-en-mission/" in audience.xpath("//main//a/@href")


def test_new_creates_missing_sections_with_their_index(site_copy):
    result = run("new", "Content/en/new-topic/deeper/first-page.md", "--date", DAY, cwd=site_copy)
    assert result.returncode == 0, result.stderr
    for index, title in [("Content/en/new-topic/_index.md", "New topic"), ("Content/en/new-topic/deeper/_index.md", "Deeper")]:
        assert front_matter(site_copy / index)[0]["title"] == title
    assert front_matter(site_copy / "Content/en/new-topic/deeper/first-page.md")[0]["title"] == "First page"
    assert run("build", "--source", str(site_copy), "--output", str(site_copy.parent / "out")).returncode == 0


def test_new_uses_the_archetype_of_the_audience_then_of_the_section(site_copy):
    (site_copy / "Archetypes").mkdir()
    (site_copy / "Archetypes/employeurs.md").write_text(
        "---\ntitle: {{title}}\ndescription: {{description}}\naudiences: {{audiences}}\ntranslationKey: {{translationKey}}\n"
        "date: {{date}}\nlastmod: {{date}}\n---\n\n## Ce que l'employeur doit faire\n", encoding="utf-8")
    (site_copy / "Archetypes/travailler-a-l-etranger.md").write_text(
        "---\ntitle: {{title}}\ndescription: {{description}}\ntranslationKey: {{translationKey}}\ndate: {{date}}\n---\n\n## Avant de partir\n",
        encoding="utf-8")
    assert run("new", "fr/travailler-a-l-etranger/a", "--audience", "employeurs", "--date", DAY, cwd=site_copy).returncode == 0
    assert run("new", "fr/travailler-a-l-etranger/b", "--date", DAY, cwd=site_copy).returncode == 0
    assert front_matter(site_copy / "Content/fr/travailler-a-l-etranger/a.md")[1].strip() == "## Ce que l'employeur doit faire"
    assert front_matter(site_copy / "Content/fr/travailler-a-l-etranger/b.md")[1].strip() == "## Avant de partir"


def test_an_archetype_with_an_unknown_value_is_reported_at_its_place_and_writes_nothing(site_copy):
    (site_copy / "Archetypes").mkdir()
    (site_copy / "Archetypes/default.md").write_text("---\ntitle: {{titel}}\n---\n", encoding="utf-8")
    before = files(site_copy)
    result = run("new", "fr/x", cwd=site_copy)
    assert result.returncode == 1
    assert "Archetypes/default.md:2:8: error: unknown archetype value 'titel'" in result.stderr
    assert "did you mean 'title'?" in result.stderr
    assert files(site_copy) == before


def test_an_archetype_that_is_a_link_is_refused_and_nothing_is_read_through_it(site_copy, tmp_path):
    secret = tmp_path / "outside.md"
    secret.write_text("---\ntitle: {{title}}\n---\n\nA text from outside the site.\n", encoding="utf-8")
    (site_copy / "Archetypes").mkdir()
    os.symlink(secret, site_copy / "Archetypes/default.md")
    before = files(site_copy)
    result = run("new", "fr/x", "--date", DAY, cwd=site_copy)
    assert result.returncode == 1
    assert "Archetypes/default.md: error: the archetype is not a plain file (a link or a folder)" in result.stderr
    assert files(site_copy) == before


def test_new_refuses_bad_requests_and_changes_nothing(site_copy, tmp_path):
    before = files(site_copy)
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, site_copy / "Content/fr/lien")
    cases = [
        (["fr/travailler-a-l-etranger/detachement-ue"], "already exists"),
        (["fr/x", "--audience", "employeur"], "did you mean 'employeurs'?"),
        (["de/x/y"], "'de' is not a language of site.yml"),
        (["fr/Mon Guide"], "cannot be part of a page's address"),
        (["fr/../../etc/x"], "cannot be part of a page's address"),
        (["fr/lien/page"], "is not a folder (a file or a link)"),
        (["fr/_index"], "already exists"),
    ]
    for arguments, message in cases:
        result = run("new", *arguments, cwd=site_copy)
        assert result.returncode == 1, (arguments, result.stdout)
        assert message in result.stderr, (arguments, result.stderr)
    (site_copy / "Content/fr/lien").unlink()
    assert files(site_copy) == before
    assert list(outside.iterdir()) == []


ENGLISH_PAGE = """---
title: "Sending staff to Spain for a trade fair"
description: "What an employer checks before a short mission in Spain."
audiences: [employeurs]
translationKey: trade-fair-spain
date: 2026-11-02
lastmod: 2026-11-03
weight: 40
sources:
  - title: "Regulation (EC) No 883/2004, Article 12"
    url: https://eur-lex.europa.eu/eli/reg/2004/883/oj
---

Your employee goes to Madrid for a three-day fair. Ask for the [A1 form](posting-eu.md#how-to-apply) first.

Read also [the English-only checklist][checklist] and [health cover](../health-care-abroad/european-health-insurance-card.md).

[checklist]: english-only-checklist.md
"""

CHECKLIST = """---
title: "A checklist before a mission"
description: "The documents to take before a short mission abroad."
translationKey: mission-checklist
---

Take your A1 form and your health card.
"""


def test_translate_makes_a_draft_twin_in_the_matching_section_with_links_retargeted(site_copy, tmp_path):
    original = site_copy / "Content/en/working-abroad/trade-fair-spain.md"
    original.write_text(ENGLISH_PAGE, encoding="utf-8")
    (site_copy / "Content/en/working-abroad/english-only-checklist.md").write_text(CHECKLIST, encoding="utf-8")
    result = run("translate", "Content/en/working-abroad/trade-fair-spain.md", "--to", "fr", "--slug", "salon-en-espagne", "--date", DAY, cwd=site_copy)
    assert result.returncode == 0, result.stderr
    twin = site_copy / "Content/fr/travailler-a-l-etranger/salon-en-espagne.md"
    meta, body = front_matter(twin)
    source_meta, _ = front_matter(original)
    assert meta["draft"] is True and meta["translationKey"] == "trade-fair-spain"
    assert meta["audiences"] == ["employeurs"] and meta["sources"] == source_meta["sources"] and meta["weight"] == 40
    assert str(meta["date"]) == DAY and str(meta["lastmod"]) == DAY and meta["title"] == "Sending staff to Spain for a trade fair"
    assert body.lstrip().startswith("<!-- cleiss-site: to translate -->")
    # Links go to the French versions of the pages they name, or to the English page when it has none.
    assert "[A1 form](detachement-ue.md#how-to-apply)" in body
    assert "(../soins-a-l-etranger/carte-europeenne-d-assurance-maladie.md)" in body
    assert "> [checklist]: ../../en/working-abroad/english-only-checklist.md" in body
    # Not published; the preview, which shows drafts, builds it without a broken link.
    assert run("build", "--source", str(site_copy), "--output", str(tmp_path / "published")).returncode == 0
    assert not (tmp_path / "published/fr/travailler-a-l-etranger/salon-en-espagne").exists()
    drafts = run("build", "--source", str(site_copy), "--output", str(tmp_path / "drafts"), "--drafts")
    assert drafts.returncode == 0, drafts.stderr
    preview = html.parse(str(tmp_path / "drafts/fr/travailler-a-l-etranger/salon-en-espagne/index.html"))
    assert "To translate (en)" in preview.xpath("string(//main//blockquote)")
    # The inventory lists it as a translation in progress.
    rows = json.loads(run("report", "pages", "--format", "json", cwd=site_copy).stdout)
    twin_row = next(row for row in rows if row["file"] == "Content/fr/travailler-a-l-etranger/salon-en-espagne.md")
    assert twin_row["draft"] is True and twin_row["translation"] == "in progress"
    # Removing draft: true without translating is an error of the charter.
    twin.write_text(twin.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    findings = check_findings(site_copy, str(twin.relative_to(site_copy)))
    assert [f["severity"] for f in findings if "text to translate" in f["message"]] == ["error"]


def test_translate_adds_a_translation_key_to_an_original_without_one(site_copy):
    page = site_copy / "Content/fr/travailler-a-l-etranger/note-interne.md"
    page.write_text("---\ntitle: \"Une note\"\ndescription: \"Une note pour les employeurs.\"\n---\n\nUn texte court.\n", encoding="utf-8")
    result = run("translate", "Content/fr/travailler-a-l-etranger/note-interne.md", "--to", "en", "--slug", "internal-note", "--date", DAY, cwd=site_copy)
    assert result.returncode == 0, result.stderr
    assert "added a translationKey to Content/fr/travailler-a-l-etranger/note-interne.md" in result.stdout
    assert page.read_text(encoding="utf-8") == "---\ntitle: \"Une note\"\ndescription: \"Une note pour les employeurs.\"\ntranslationKey: note-interne\n---\n\nUn texte court.\n"
    assert front_matter(site_copy / "Content/en/working-abroad/internal-note.md")[0]["translationKey"] == "note-interne"


def test_translate_refuses_what_it_cannot_do(site_copy):
    before = files(site_copy)
    cases = [
        (["Content/fr/travailler-a-l-etranger/detachement-ue.md", "--to", "en"], "is already translated: Content/en/working-abroad/posting-eu.md"),
        (["Content/fr/travailler-a-l-etranger/detachement-ue.md", "--to", "fr"], "is already in 'fr'"),
        (["Content/fr/travailler-a-l-etranger/detachement-ue.md", "--to", "de"], "'de' is not a language of site.yml"),
        (["Content/fr/absent.md", "--to", "en"], "no page of the site is Content/fr/absent.md"),
    ]
    for arguments, message in cases:
        result = run("translate", *arguments, cwd=site_copy)
        assert result.returncode == 1 and message in result.stderr, (arguments, result.stderr)
    # A page whose section has no version in the other language: translate the section first.
    assert run("new", "fr/rubrique-neuve/page", "--date", DAY, cwd=site_copy).returncode == 0
    result = run("translate", "Content/fr/rubrique-neuve/page.md", "--to", "en", cwd=site_copy)
    assert result.returncode == 1
    assert "translate the section first: cleiss-site translate Content/fr/rubrique-neuve/_index.md --to en" in result.stderr
    assert run("translate", "Content/fr/rubrique-neuve/_index.md", "--to", "en", "--slug", "new-section", cwd=site_copy).returncode == 0
    assert run("translate", "Content/fr/rubrique-neuve/page.md", "--to", "en", cwd=site_copy).returncode == 0
    assert (site_copy / "Content/en/new-section/page.md").exists()
