"""A page of content titled like a page the build generates (search, site map, 404, audiences index,
an audience's landing page) would share its `<title>`: the build says which file and line, and what
the other page is. Two generated pages sharing a title are reported too."""
import pytest

from conftest import run

STRINGS = {language: f"Themes/default/i18n/{language}.yml" for language in ("fr", "en")}
GENERATED = [
    ("fr", "Rechercher", f"the generated page 'Rechercher' ({STRINGS['fr']})"),
    ("en", "Search", f"the generated page 'Search' ({STRINGS['en']})"),
    ("fr", "Plan du site", f"the generated page 'Plan du site' ({STRINGS['fr']})"),
    ("en", "Page not found", f"the generated page 'Page not found' ({STRINGS['en']})"),
    ("fr", "Vous êtes…", f"the generated page 'Vous êtes…' ({STRINGS['fr']})"),
    ("en", "Journalists", "the landing page of audience 'journalistes' (site.yml)"),
]


def build(site, output, *options):
    return run("build", "--source", str(site), "--output", str(output), *options)


@pytest.mark.parametrize("language, title, other", GENERATED, ids=[title for _, title, _ in GENERATED])
@pytest.mark.parametrize("options", [[], ["--no-search"]], ids=["search", "no-search"])
def test_a_page_titled_like_a_generated_page_is_an_error(site_copy, tmp_path, language, title, other, options):
    page = site_copy / "Content" / language / "doublon.md"
    page.write_text(f'---\ntitle: "{title}"\ndescription: "Une page de test."\n---\nTexte.\n', encoding="utf-8")
    result = build(site_copy, tmp_path / "out", *options)
    assert result.returncode == 1
    # Whether Pagefind runs or not: a title must not be an error on one machine only.
    assert f"Content/{language}/doublon.md:2:1: error: the title '{title}' is already the title of {other}" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_audience_labelled_like_the_search_page_is_an_error(site_copy, tmp_path):
    configuration = site_copy / "site.yml"
    text = configuration.read_text(encoding="utf-8")
    assert "label: {fr: Journalistes," in text
    configuration.write_text(text.replace("label: {fr: Journalistes,", "label: {fr: Rechercher,"), encoding="utf-8")
    result = build(site_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"site.yml: error: the title 'Rechercher' is already the title of the generated page 'Rechercher' ({STRINGS['fr']})" in result.stderr


def test_a_theme_that_titles_two_generated_pages_alike_is_an_error(site_copy, tmp_path):
    strings = site_copy / STRINGS["en"]
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(number for number, text in enumerate(lines, 1) if text.startswith("searchTitle:"))
    lines[line - 1] = 'searchTitle: "Site map"\n'
    strings.write_text("".join(lines), encoding="utf-8")
    result = build(site_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"{STRINGS['en']}:{line}: error: the title 'Site map' is already the title of the generated page 'Site map' ({STRINGS['en']})" in result.stderr
