"""The site's search (Pagefind) as visitors use it: the index of each language, then queries typed in
Debian's Chromium on the search pages, served over HTTP and through nginx with the sample
configuration. Each check is then run on a broken copy or build, and must report the defect."""
import os
import re
import shutil
import subprocess
import sys

import pytest

import browser_checks as checks
import search_checks as search
from conftest import REPOSITORY, binary, run
from html_pages import html_pages, parse
from nginx_server import SAMPLE, Nginx
from test_nginx import aliases
from test_serve import free_port

LANGUAGES = ["fr", "en"]
SEARCH_PAGE = checks.PAGE_KINDS["search"]
SITE_MAP = checks.PAGE_KINDS["site map"]
NOT_FOUND = checks.PAGE_KINDS["404"]
# A query of each language, that finds pages tagged with the audience (the filter test says so if not).
QUERIES = {"fr": "sécurité sociale", "en": "social security"}
AUDIENCE = {"fr": "Journalistes", "en": "Journalists"}
# French queries typed with and without their accents.
ACCENTED = [("sécurité sociale", "securite sociale"), ("détachement", "detachement")]
# Where a visitor types into the header's field, and what.
HEADER_QUERIES = {"fr": (checks.PAGE_KINDS["content page with a table"]["fr"], "détachement"),
                  "en": (checks.PAGE_KINDS["home"]["en"], "posted worker")}


@pytest.fixture(scope="module")
def site(built):
    """The real site as the end-to-end tests build it, with its search bundle."""
    output, result = built
    if not (output / "pagefind").is_dir():
        pytest.fail(f"the build has no search ({result.stdout.strip().splitlines()[-2:]}): run the tests with "
                    "the virtual environment's bin first on the PATH, as `make test` does (it has pagefind-bin)")
    return output


@pytest.fixture(scope="module")
def origin(site):
    with checks.serve(site) as served:
        yield served


@pytest.fixture
def broken(site, tmp_path):
    """A copy of the built site to break."""
    copy = tmp_path / "Site"
    shutil.copytree(site, copy)
    return copy


def url_of(output, path):
    relative = path.relative_to(output).as_posix()
    return "/" + (relative.removesuffix("index.html") if relative.endswith("/index.html") else relative)


def pages_of(output, language):
    """The pages of `language`, redirects left out."""
    return [path for path in html_pages(output) if path.relative_to(output).parts[0] == language]


def expected_indexed(output, language):
    """The pages a visitor can find: every page of the language but the search page, the 404 page,
    the site map (a list of links) and the redirects of old URLs."""
    pages = {url_of(output, path) for path in (output / language).rglob("*.html")}
    left_out = {SEARCH_PAGE[language], NOT_FOUND[language], SITE_MAP[language]} | {alias for alias in aliases() if alias.startswith(f"/{language}/")}
    assert left_out <= pages, f"pages to leave out that the build did not write: {left_out - pages}"
    return pages - left_out


def tagged_pages(output, language, audience):
    """The pages whose list of audiences (seen by visitors) names `audience`."""
    tagged = set()
    for path in pages_of(output, language):
        for block in parse(path).root.iter():
            if "page-audiences" in block.classes() and any(link.text == audience for link in block.find_all("a")):
                tagged.add(url_of(output, path))
    assert tagged, f"no page of {language} is tagged {audience}"
    return tagged


def reindex(site):
    """Runs Pagefind again over a copy of the built site, as the build does, after a test changed its pages."""
    shutil.rmtree(site / "pagefind")
    result = subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(site), "--silent"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def tamper(site, url_path, pattern, replacement, count=1):
    """Replaces `pattern` (a regular expression) in the file at `url_path`; it must be there."""
    path = site / (url_path.lstrip("/") + ("index.html" if url_path.endswith("/") else ""))
    text, found = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), count=count)
    assert found, f"{pattern!r} is not in {path}"
    path.write_text(text, encoding="utf-8")


def tamper_search_script(site, pattern, replacement):
    """Changes the theme's search.js that the search page loads (its name carries a hash)."""
    script = re.search(r'<script src="(/assets/search[^"]+)"', (site / SEARCH_PAGE["fr"].lstrip("/") / "index.html").read_text(encoding="utf-8"))[1]
    tamper(site, script, pattern, replacement)


def open_search_page(tab, origin, language):
    checks.open_page(tab, origin + SEARCH_PAGE[language], checks.WIDE)


def search_field_problems(output, result):
    """The build says search is on; every page of both languages has the header's search field,
    leading to its language's search page; the bundle is there."""
    problems = [] if "search: Pagefind" in result.stdout else [f"the build does not say search is on: {result.stdout!r}"]
    if not (output / "pagefind" / "pagefind-entry.json").exists():
        problems.append("no pagefind/pagefind-entry.json")
    for language in LANGUAGES:
        if not (output / SEARCH_PAGE[language].lstrip("/") / "index.html").exists():
            problems.append(f"no search page {SEARCH_PAGE[language]}")
        for path in pages_of(output, language):
            forms = list(parse(path).root.find_all("form", id="header-search"))
            if len(forms) != 1 or forms[0].attributes.get("action") != SEARCH_PAGE[language]:
                problems.append(f"{url_of(output, path)} has no search field leading to {SEARCH_PAGE[language]}")
    return problems


# The index.

def test_every_page_has_the_search_field(built):
    assert search_field_problems(*built) == []


def test_one_index_per_language_with_its_pages(site):
    assert search.entry_problems(site, {language: expected_indexed(site, language) for language in LANGUAGES}) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_index_holds_the_pages_to_find_and_no_other(tab, origin, site, language):
    open_search_page(tab, origin, language)
    assert search.indexed_pages_problems(tab, expected_indexed(site, language)) == []


# Searching, in the browser.

@pytest.mark.parametrize("language", LANGUAGES)
def test_a_query_finds_pages_of_the_search_page_language_only(tab, origin, language):
    open_search_page(tab, origin, language)
    assert search.results_problems(tab, QUERIES[language], language) == []


@pytest.mark.parametrize("query, unaccented", ACCENTED)
def test_accents_are_optional(tab, origin, query, unaccented):
    open_search_page(tab, origin, "fr")
    assert search.same_results_problems(tab, query, unaccented) == []


def filter_problems(tab, origin, site, language):
    """The audience filter check on the search page of `language`, against the tags of the pages of `site`."""
    open_search_page(tab, origin, language)
    filter_name = checks.interface_strings(language)["searchAudienceFilter"]
    return search.audience_filter_problems(tab, QUERIES[language], filter_name, AUDIENCE[language],
                                           tagged_pages(site, language, AUDIENCE[language]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_audience_filter_leaves_the_pages_of_the_audience(tab, origin, site, language):
    assert filter_problems(tab, origin, site, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_field_shows_the_results_on_the_search_page(tab, origin, language):
    start, query = HEADER_QUERIES[language]
    assert search.header_query_problems(tab, origin, start, SEARCH_PAGE[language], query) == []


@pytest.mark.parametrize("width", checks.WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_results_and_filters_shown_pass_the_browser_checks(tab, origin, language, width):
    """test_browser.py checks the search page as it opens; here with results and the filters open,
    the keyboard going from the heading through the field, the filters and the results."""
    checks.open_page(tab, origin + SEARCH_PAGE[language], width)
    assert search.search(tab, QUERIES[language])
    tab.locator(".pagefind-ui__filter-name").first.click()
    checks.save_screenshot(tab, f"search-results-{language}-{width}px")
    assert checks.serious_axe_violations(tab) == []
    assert checks.horizontal_scrolling_problems(tab) == []
    tab.locator("#search-title").click()
    assert checks.invisible_focus_problems(tab, max_tabs=80) == []


@pytest.fixture(scope="module")
def without_javascript(chromium):
    context = chromium.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def no_script_problems_on(page, origin, language):
    page.goto(origin + SEARCH_PAGE[language])
    notice = checks.interface_strings(language)["searchNoScript"]
    return search.no_script_problems(page, notice, SITE_MAP[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_a_notice_leads_to_the_site_map(without_javascript, origin, language):
    assert no_script_problems_on(without_javascript, origin, language) == []


def csp_problems_through_nginx(chromium, site, prefix, sample=None):
    """The French search page served by nginx with the sample configuration (or `sample`): its
    results, and the Content-Security-Policy violations that the page and the console report."""
    page = chromium.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(search.RECORD_CSP_VIOLATIONS)
    try:
        with Nginx(site, prefix, free_port(), sample) as nginx:
            origin = f"http://127.0.0.1:{nginx.port}"
            problems = search.results_problems(page, QUERIES["fr"], "fr") if page.goto(origin + SEARCH_PAGE["fr"]).ok else ["no search page"]
            page.locator(search.FIELD).press("Enter")  # as visitors do, though results come as they type
            page.wait_for_timeout(500)
            problems += search.csp_violations(page)
            problems += [text for text in console if "content security policy" in text.lower() or "refused to" in text.lower()]
            return problems
    finally:
        page.close()


def test_through_nginx_the_search_works_within_its_security_policy(chromium, site, tmp_path):
    assert csp_problems_through_nginx(chromium, site, tmp_path / "nginx") == []


# Each check on a broken build or copy: it must report the defect.

@pytest.mark.parametrize("arguments, environment", [([], {"CLEISS_PAGEFIND": "off"}), (["--no-search"], {})],
                         ids=["CLEISS_PAGEFIND=off", "--no-search"])
def test_a_build_with_search_off_is_caught(tmp_path, arguments, environment):
    output = tmp_path / "Site"
    result = subprocess.run([binary(), "build", "--source", str(REPOSITORY), "--output", str(output), *arguments],
                            capture_output=True, text=True, timeout=300, env={**os.environ, **environment})
    assert result.returncode == 0, result.stderr
    assert "search: off" in result.stdout
    problems = search_field_problems(output, result)
    assert any("does not say search is on" in problem for problem in problems), problems
    assert "no pagefind/pagefind-entry.json" in problems and f"no search page {SEARCH_PAGE['fr']}" in problems
    pages = pages_of(output, "fr")
    assert pages and all(f"{url_of(output, path)} has no search field leading to {SEARCH_PAGE['fr']}" in problems for path in pages)


def test_pages_indexed_that_should_not_be_are_caught(tab, broken):
    for page in (SEARCH_PAGE["fr"], NOT_FOUND["fr"]):
        tamper(broken, page, r'(<main id="content"[^>]*)>', r"\1 data-pagefind-body>")
    reindex(broken)
    expected = {language: expected_indexed(broken, language) for language in LANGUAGES}
    assert search.entry_problems(broken, expected) == [f"the indexes hold {{'en': {len(expected['en'])}, 'fr': {len(expected['fr']) + 2}}} pages, "
                                                       f"not {{'en': {len(expected['en'])}, 'fr': {len(expected['fr'])}}}"]
    with checks.serve(broken) as origin:
        open_search_page(tab, origin, "fr")
        assert search.indexed_pages_problems(tab, expected["fr"]) == [f"indexed but not expected: {sorted([NOT_FOUND['fr'], SEARCH_PAGE['fr']])}"]


def test_a_search_page_with_a_wrong_bundle_path_is_caught(tab, broken):
    tamper(broken, SEARCH_PAGE["fr"], r'data-bundle="/pagefind/"', 'data-bundle="/pagefind-missing/"')
    with checks.serve(broken) as origin:
        open_search_page(tab, origin, "fr")
        assert search.results_problems(tab, QUERIES["fr"], "fr") == [f"no results shown for {QUERIES['fr']!r}"]


def test_results_of_the_other_language_are_caught(tab, broken):
    tamper(broken, SEARCH_PAGE["en"], r'<html lang="en"', '<html lang="fr"')
    with checks.serve(broken) as origin:
        open_search_page(tab, origin, "en")
        problems = search.results_problems(tab, QUERIES["fr"], "en")
    assert problems and all(problem.endswith("is not a page in en") for problem in problems), problems


def test_a_search_that_needs_the_accents_is_caught(tab, broken):
    tamper_search_script(broken, r"resetStyles: false", "resetStyles: false, exactDiacritics: true")
    with checks.serve(broken) as origin:
        open_search_page(tab, origin, "fr")
        problems = search.same_results_problems(tab, *ACCENTED[1])
    assert problems, "an accent-exact search must be reported"


def test_a_page_without_its_filter_attribute_is_caught(tab, broken):
    missing = sorted(tagged_pages(broken, "fr", AUDIENCE["fr"]))[0]
    tamper(broken, missing, r' data-pagefind-filter="[^"]*"', "", count=0)
    reindex(broken)
    with checks.serve(broken) as origin:
        assert filter_problems(tab, origin, broken, "fr") == [f"pages tagged {AUDIENCE['fr']!r} missing under the filter: {[missing]}"]


def test_a_page_under_a_filter_it_is_not_tagged_with_is_caught(tab, broken):
    intruder = checks.PAGE_KINDS["home"]["fr"]
    assert intruder not in tagged_pages(broken, "fr", AUDIENCE["fr"])
    filter_name = checks.interface_strings("fr")["searchAudienceFilter"]
    tamper(broken, intruder, r"<h1", f'<h1 data-pagefind-filter="{filter_name}:{AUDIENCE["fr"]}"')
    reindex(broken)
    with checks.serve(broken) as origin:
        assert filter_problems(tab, origin, broken, "fr") == [f"under {AUDIENCE['fr']!r}, pages not tagged with it: {[intruder]}"]


def test_a_search_page_that_ignores_the_query_of_the_address_is_caught(tab, broken):
    tamper_search_script(broken, r"ui\.triggerSearch\(query\);", "")
    start, query = HEADER_QUERIES["fr"]
    with checks.serve(broken) as origin:
        problems = search.header_query_problems(tab, origin, start, SEARCH_PAGE["fr"], query)
    assert problems == [f"no results shown for {query!r} on arrival"]


def test_a_notice_without_its_link_is_caught(without_javascript, broken):
    tamper(broken, SEARCH_PAGE["fr"], r'(<noscript><p class="notice">[^<]*)<a [^>]*>[^<]*</a>', r"\1")
    with checks.serve(broken) as origin:
        problems = no_script_problems_on(without_javascript, origin, "fr")
    assert problems == [f"the notice has no link to the site map {SITE_MAP['fr']}"]


# Pagefind compiles WebAssembly ('wasm-unsafe-eval') and searches in a worker of its own bundle.
BLOCKING_POLICIES = {"no WebAssembly": (" 'wasm-unsafe-eval'", ""),
                     "no worker": ("object-src 'none';", "object-src 'none'; worker-src 'none';")}


@pytest.mark.parametrize("name", BLOCKING_POLICIES)
def test_a_policy_that_blocks_the_search_is_caught(chromium, site, tmp_path, name):
    old, new = BLOCKING_POLICIES[name]
    sample = SAMPLE.read_text()
    assert old in sample
    problems = csp_problems_through_nginx(chromium, site, tmp_path / "nginx", sample.replace(old, new))
    assert any("content security policy" in problem.lower() for problem in problems), problems


def test_a_theme_without_a_search_page_builds_without_search_only(site_copy, tmp_path):
    """The search template is needed only when the build indexes the site: with Pagefind, its absence
    is an error naming the file to create; with --no-search the same theme builds."""
    (site_copy / "Themes" / "default" / "templates" / "search.mustache").unlink()
    with_search = run("build", "--source", str(site_copy), "--output", str(tmp_path / "with"))
    assert with_search.returncode == 1
    assert "Themes/default/templates/search.mustache: error: the template 'search' is missing" in with_search.stderr, with_search.stderr
    without = run("build", "--source", str(site_copy), "--output", str(tmp_path / "without"), "--no-search")
    assert without.returncode == 0, without.stderr
    assert "search: off (--no-search)" in without.stdout
