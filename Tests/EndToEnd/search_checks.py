"""What the search tests look at, shared by the tests on the real site and on broken copies.

As in browser_checks, each check returns the problems it found, as sentences: an empty list means
the search works. The browser checks drive Pagefind's own interface (its field, filters and
results, by the class names it documents for styling) as a visitor does.
"""
import json
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Pagefind's interface waits this long after the last key before it searches (its debounce), and
# the results then come in pieces: a search that shows nothing within this time shows nothing.
RESULTS_TIMEOUT_MS = 5000

FIELD = ".pagefind-ui__search-input"
MESSAGE = ".pagefind-ui__message"
# The link of each result page (sub-results, links to headings, are nested deeper).
RESULT_LINKS = ".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link"
MORE_RESULTS = ".pagefind-ui__button"
FILTER_CHECKBOX = ".pagefind-ui__filter-checkbox"

# Done when the message counts the results of the query ("12 résultats pour …"; while searching it
# says so, without a count) and they are shown, none still a placeholder. A search that finds
# nothing never settles: every check here expects results.
SETTLED = """query => {
    const message = document.querySelector('.pagefind-ui__message');
    return message !== null && message.textContent.includes(query) && /^\\s*[1-9]/.test(message.textContent)
        && document.querySelectorAll('.pagefind-ui__result').length > 0
        && document.querySelectorAll('.pagefind-ui__result .pagefind-ui__loading').length === 0;
}"""

# The URL of every page of the bundle's index in the page's language, through Pagefind's own API:
# a search for null returns every page.
INDEXED_URLS = """async bundle => {
    const pagefind = await import(bundle + 'pagefind.js');
    const search = await pagefind.search(null);
    const pages = await Promise.all(search.results.map(result => result.data()));
    return pages.map(page => page.url);
}"""

# Collects the Content-Security-Policy violations that the page reports (run before its scripts).
# A refusal inside Pagefind's worker, such as compiling its WebAssembly, shows in the console only:
# the tests read both.
RECORD_CSP_VIOLATIONS = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation', event => window.cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} in ${event.sourceFile || event.documentURI}`));"""


def settled_results(page, query: str):
    """The URL paths of the results shown for `query`, once shown, or None if none came."""
    try:
        page.wait_for_function(SETTLED, arg=query, timeout=RESULTS_TIMEOUT_MS)
    except PlaywrightTimeout:  # the search never answered
        return None
    return [link.get_attribute("href") for link in page.locator(RESULT_LINKS).all()]


def search(page, query: str):
    """Types `query` into Pagefind's field, as a visitor does; the results shown, or None."""
    page.locator(FIELD).fill(query)
    return settled_results(page, query)


def every_result(page, query: str):
    """All the results of the query shown, pressing "more results" until there are no more."""
    shown = settled_results(page, query)
    while shown is not None and page.locator(MORE_RESULTS).count():
        page.locator(MORE_RESULTS).click()
        page.wait_for_function("count => document.querySelectorAll('.pagefind-ui__result').length > count", arg=len(shown))
        shown = settled_results(page, query)
    return shown


def message(page) -> str:
    return page.locator(MESSAGE).inner_text()


def results_problems(page, query: str, language: str) -> list:
    """The query shows results, and all of them are pages of `language`."""
    shown = search(page, query)
    if not shown:
        return [f"no results shown for {query!r}"]
    return [f"the result {url} of {query!r} is not a page in {language}" for url in shown if not url.startswith(f"/{language}/")]


def same_results_problems(page, query: str, variant: str) -> list:
    """`variant` (the query without its accents) finds as many pages as `query`, the same first ones in the same order."""
    first = search(page, query)
    first_message = first is not None and message(page)
    second = search(page, variant)
    if not first or not second:
        return [f"no results for {query!r} ({first}) or for {variant!r} ({second})"]
    problems = []
    count, variant_count = first_message.split()[0], message(page).split()[0]
    if count != variant_count:
        problems.append(f"{query!r} finds {count} pages, {variant!r} {variant_count}")
    if first != second:
        problems.append(f"the first results differ: {first} for {query!r}, {second} for {variant!r}")
    return problems


def audience_filter_problems(page, query: str, filter_name: str, audience: str, tagged: set) -> list:
    """The filter `filter_name` offers `audience`; checked, it leaves the results of `query` whose
    pages are `tagged` with the audience, all of them and only them."""
    everything = search(page, query)
    if not everything:
        return [f"no results for {query!r}"]
    everything = every_result(page, query)
    checkbox = page.locator(f'{FILTER_CHECKBOX}[name="{filter_name}"][value="{audience}"]')
    if checkbox.count() != 1:
        offered = [box.get_attribute("value") for box in page.locator(f'{FILTER_CHECKBOX}[name="{filter_name}"]').all()]
        return [f"the filter {filter_name!r} does not offer {audience!r} (it offers {offered})"]
    if not checkbox.is_visible():
        page.locator(".pagefind-ui__filter-name", has_text=filter_name).click()
    before = message(page)
    checkbox.check()
    try:
        page.wait_for_function("before => document.querySelector('.pagefind-ui__message').textContent !== before",
                               arg=before, timeout=RESULTS_TIMEOUT_MS)
    except PlaywrightTimeout:  # the same number of results: the filter changed nothing, as reported below
        pass
    filtered = set(every_result(page, query) or [])
    expected = set(everything) & tagged
    problems = []
    if not expected:
        problems.append(f"no result of {query!r} is tagged {audience!r}: choose another query")
    if filtered - tagged:
        problems.append(f"under {audience!r}, pages not tagged with it: {sorted(filtered - tagged)}")
    if expected - filtered:
        problems.append(f"pages tagged {audience!r} missing under the filter: {sorted(expected - filtered)}")
    return problems


def header_query_problems(page, origin: str, start: str, search_page: str, query: str) -> list:
    """The header's search field of `start` leads to `search_page` with ?q=, whose results show at once, the field filled."""
    page.goto(origin + start)
    page.locator("#header-search-input").fill(query)
    with page.expect_navigation():
        page.locator("#header-search-input").press("Enter")
    problems = []
    arrived = page.evaluate("() => [location.pathname, new URLSearchParams(location.search).get('q')]")
    if arrived != [search_page, query]:
        problems.append(f"the header's field leads to {arrived}, not to {search_page} with q={query!r}")
    if not settled_results(page, query):
        problems.append(f"no results shown for {query!r} on arrival")
    elif page.locator(FIELD).input_value() != query:
        problems.append(f"the search field holds {page.locator(FIELD).input_value()!r}, not {query!r}")
    return problems


def no_script_problems(page, notice: str, sitemap: str) -> list:
    """Without JavaScript, the search page shows its notice, with a link to the site map."""
    notices = page.locator("main .notice")
    if notices.count() != 1 or not notices.is_visible() or notice not in notices.inner_text():
        return [f"no visible notice {notice!r} (found {notices.count()})"]
    if notices.locator(f'a[href="{sitemap}"]').count() != 1:
        return [f"the notice has no link to the site map {sitemap}"]
    return []


def csp_violations(page) -> list:
    return page.evaluate("() => window.cspViolations")


def entry_problems(output: Path, expected: dict) -> list:
    """The bundle's entry file lists one index per language, each with the number of pages expected."""
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {language: index["page_count"] for language, index in sorted(entry["languages"].items())}
    wanted = {language: len(pages) for language, pages in sorted(expected.items())}
    return [] if counts == wanted else [f"the indexes hold {counts} pages, not {wanted}"]


def indexed_pages_problems(page, expected: set) -> list:
    """The index of the search page's language holds exactly the `expected` pages."""
    indexed = set(page.evaluate(INDEXED_URLS, page.locator("#search").get_attribute("data-bundle")))
    problems = []
    if indexed - expected:
        problems.append(f"indexed but not expected: {sorted(indexed - expected)}")
    if expected - indexed:
        problems.append(f"not indexed: {sorted(expected - indexed)}")
    return problems
