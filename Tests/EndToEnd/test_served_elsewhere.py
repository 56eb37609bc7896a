"""`links: servedElsewhere:` in site.yml: folders of the site's host that another system serves (the
Cleiss's documentary base). Links and sources there are not pages of this build: not broken links, no
warning; without the setting they are, and a folder this build writes cannot be declared."""
import re

from conftest import run

PAGE = """---
title: "Une page qui cite la base documentaire"
description: "Une page d'essai avec des liens vers la base documentaire."
sources:
  - title: "Texte de la convention"
    url: https://www.cleiss.fr/docs/textes/conv_essai.html
---

Lisez [le texte de la convention](https://www.cleiss.fr/docs/textes/conv_essai.html) et [la foire aux questions](/faq/essai.html).
"""


def write_page(site):
    (site / "Content/fr/travailler-a-l-etranger/base-documentaire.md").write_text(PAGE, encoding="utf-8")


def set_served_elsewhere(site, value):
    text = (site / "site.yml").read_text(encoding="utf-8")
    text, count = re.subn(r"  servedElsewhere: \[[^\]]*\]", f"  servedElsewhere: {value}", text)
    assert count == 1
    (site / "site.yml").write_text(text, encoding="utf-8")


def test_links_and_sources_in_folders_served_elsewhere_are_external(site_copy):
    write_page(site_copy)  # the shipped site.yml serves /docs/ and /faq/ elsewhere
    result = run("check", "--links", cwd=site_copy)
    assert result.returncode == 0, result.stderr
    assert re.search(r"links: \d+ internal links .*: 0 errors", result.stdout + result.stderr)
    build = run("build", "--source", str(site_copy), "--output", str(site_copy.parent / "out"))
    assert "base-documentaire.md" not in build.stderr


def test_without_the_setting_they_are_broken_links_of_this_site(site_copy):
    write_page(site_copy)
    set_served_elsewhere(site_copy, "[/docs/, /employeurs/, /particuliers/, /reglements/, /brexit/, /actu/, /presentation/]")
    result = run("check", "--links", cwd=site_copy)
    assert result.returncode == 1
    assert "faq/essai.html" in result.stdout + result.stderr
    assert "docs/textes/conv_essai.html" not in result.stdout + result.stderr


def test_a_folder_this_build_writes_cannot_be_served_elsewhere(site_copy):
    set_served_elsewhere(site_copy, "[/fr/anciennes-pages/, docs]")
    result = run("build", "--source", str(site_copy), "--output", str(site_copy.parent / "out"))
    assert result.returncode == 1
    assert "links.servedElsewhere '/fr/anciennes-pages/' is inside /fr/, which this build writes" in result.stderr
    assert "links.servedElsewhere 'docs' must start and end with '/'" in result.stderr
