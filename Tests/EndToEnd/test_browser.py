"""The real site in a real browser: Debian's Chromium driven by Playwright, with axe-core, over HTTP.

One page of every kind (browser_checks.PAGE_KINDS) in both languages, at 320 px and 1280 px.
"""
import pytest

import browser_checks as checks

LANGUAGES = ["fr", "en"]
OTHER = {"fr": "en", "en": "fr"}
PAGES = [pytest.param(kind, language, id=f"{kind.replace(' ', '-')}-{language}")
         for kind in checks.PAGE_KINDS for language in LANGUAGES]
CHOOSER = "language chooser"
PAGES_AND_CHOOSER = PAGES + [pytest.param(CHOOSER, "fr", id="language-chooser")]
WIDTHS = [pytest.param(width, id=f"{width}px") for width in checks.WIDTHS]


def address(kind, language):
    return checks.LANGUAGE_CHOOSER if kind == CHOOSER else checks.PAGE_KINDS[kind][language]


@pytest.fixture(scope="session")
def origin(built):
    output, _ = built
    with checks.serve(output) as served:
        yield served


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind, language", PAGES_AND_CHOOSER)
def test_no_serious_axe_violation(tab, origin, kind, language, width):
    checks.open_page(tab, origin + address(kind, language), width)
    checks.save_screenshot(tab, f"{kind.replace(' ', '-')}-{language}-{width}px")
    assert checks.serious_axe_violations(tab) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind, language", PAGES)
def test_first_tab_reaches_the_skip_link_to_the_content(tab, origin, kind, language, width):
    checks.open_page(tab, origin + address(kind, language), width)
    assert checks.skip_link_problems(tab) == []


@pytest.mark.parametrize("kind, language", PAGES)
def test_language_switcher_leads_to_the_translation(tab, origin, kind, language):
    checks.open_page(tab, origin + address(kind, language), checks.WIDE)
    assert checks.language_switcher_problems(tab, language, OTHER[language]) == []


@pytest.mark.parametrize("kind, language", PAGES_AND_CHOOSER)
def test_no_horizontal_scrolling_at_320_px(tab, origin, kind, language):
    checks.open_page(tab, origin + address(kind, language), checks.NARROW)
    assert checks.horizontal_scrolling_problems(tab) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind, language", PAGES_AND_CHOOSER)
def test_focus_is_always_visible(tab, origin, kind, language, width):
    checks.open_page(tab, origin + address(kind, language), width)
    assert checks.invisible_focus_problems(tab) == []


def test_the_table_page_kind_has_a_table(tab, origin):
    """Keeps PAGE_KINDS honest if the content changes."""
    for language in LANGUAGES:
        checks.open_page(tab, origin + checks.PAGE_KINDS["content page with a table"][language], checks.WIDE)
        assert tab.locator("main table").count() >= 1
