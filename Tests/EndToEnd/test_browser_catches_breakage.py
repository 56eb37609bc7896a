"""Each browser check on a copy of the built site broken on purpose: the check must report the defect."""
import re
import shutil

import pytest

import browser_checks as checks

HOME = "/fr/"
TABLE_PAGE = checks.PAGE_KINDS["content page with a table"]["fr"]


@pytest.fixture
def broken(built, tmp_path):
    """A copy of the built site to break with `tamper` and `add_css`."""
    output, _ = built
    copy = tmp_path / "Site"
    shutil.copytree(output, copy)
    return copy


def page_file(site, url_path):
    return site / (url_path.lstrip("/") + ("index.html" if url_path.endswith("/") else ""))


def tamper(site, url_path, pattern, replacement):
    """Replaces `pattern` (a regular expression) in the page at `url_path`; it must be there."""
    path = page_file(site, url_path)
    text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), count=1)
    assert count == 1, f"{pattern!r} is not in {path}"
    path.write_text(text, encoding="utf-8")


def add_css(site, url_path, css):
    """Appends rules to the page's stylesheet, found through its <link rel="stylesheet"> (its name may carry a hash)."""
    href = re.search(r'<link rel="stylesheet" href="([^"]+)"', page_file(site, url_path).read_text(encoding="utf-8"))[1]
    stylesheet = site / href.lstrip("/")
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n" + css + "\n", encoding="utf-8")


def problems_on(tab, site, url_path, check, *arguments, width=checks.WIDE):
    with checks.serve(site) as origin:
        checks.open_page(tab, origin + url_path, width)
        return check(tab, *arguments)


def test_axe_reports_an_image_without_alt(tab, broken):
    tamper(broken, HOME, r"(<h1>)", r'<img src="/assets/favicon.svg" width="20" height="20" />\1')
    problems = problems_on(tab, broken, HOME, checks.serious_axe_violations)
    assert any(problem.startswith("image-alt (critical)") for problem in problems), problems


def test_a_missing_skip_link_is_reported(tab, broken):
    tamper(broken, HOME, r'<li><a class="skiplinks__link" href="#content">[^<]*</a></li>\n', "")
    problems = problems_on(tab, broken, HOME, checks.skip_link_problems)
    assert problems and "not the link to #content" in problems[0], problems


def test_a_skip_link_to_a_main_that_cannot_take_the_focus_is_reported(tab, broken):
    tamper(broken, HOME, r'(<main id="content"[^>]*) tabindex="-1"', r"\1")
    problems = problems_on(tab, broken, HOME, checks.skip_link_problems)
    assert any("not on #content" in problem for problem in problems), problems


def test_a_skip_link_that_stays_off_screen_is_reported(tab, broken):
    add_css(broken, HOME, ".skiplinks:focus-within { transform: translateY(-200%); }")
    problems = problems_on(tab, broken, HOME, checks.skip_link_problems)
    assert any("off screen" in problem for problem in problems), problems


def test_a_switcher_link_without_hreflang_is_reported(tab, broken):
    tamper(broken, HOME, r'(class="lang-switcher__link"[^>]*) hreflang="en"', r"\1")
    problems = problems_on(tab, broken, HOME, checks.language_switcher_problems, "fr", "en")
    assert problems == ["the switcher link has hreflang=None, not 'en'"]


def test_a_switcher_link_to_the_wrong_page_is_reported(tab, broken):
    tamper(broken, TABLE_PAGE, r'(class="lang-switcher__link" href=")[^"]*"', r'\1/en/"')
    problems = problems_on(tab, broken, TABLE_PAGE, checks.language_switcher_problems, "fr", "en")
    assert problems == ["the switcher leads to /en/, not to the translation /en/working-abroad/bilateral-agreements/"]


def test_a_page_wider_than_320_px_is_reported(tab, broken):
    add_css(broken, TABLE_PAGE, ".prose table { min-width: 30rem; }")
    problems = problems_on(tab, broken, TABLE_PAGE, checks.horizontal_scrolling_problems, width=checks.NARROW)
    assert problems and "scrolls sideways" in problems[0] and "table" in problems[0], problems


def test_links_without_a_focus_outline_are_reported(tab, broken):
    add_css(broken, HOME, "a:focus, a:focus-visible { outline: none; }")
    problems = problems_on(tab, broken, HOME, checks.invisible_focus_problems)
    assert problems and all(problem.startswith("no visible focus on a ") for problem in problems), problems
    assert any('#content "Aller au contenu"' in problem for problem in problems), problems
