"""What the browser tests look at, shared by the tests on the real site and on broken copies.

Each check takes a Playwright page already open at the page to test and returns the problems it
found, as sentences: an empty list means the page passes.
"""
import contextlib
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import REPOSITORY

# One page of every kind, in each language. The search page is checked as it opens, before any query;
# test_search.py runs axe on it again with results shown.
PAGE_KINDS = {
    "home": {"fr": "/fr/", "en": "/en/"},
    "audience index": {"fr": "/fr/publics/", "en": "/en/audiences/"},
    "audience landing page": {"fr": "/fr/publics/journalistes/", "en": "/en/audiences/journalists/"},
    "content page with a table": {"fr": "/fr/travailler-a-l-etranger/accords-bilateraux/",
                                  "en": "/en/working-abroad/bilateral-agreements/"},
    "section list": {"fr": "/fr/travailler-a-l-etranger/", "en": "/en/working-abroad/"},
    "site map": {"fr": "/fr/plan-du-site/", "en": "/en/site-map/"},
    "404": {"fr": "/fr/404.html", "en": "/en/404.html"},
    "accessibility statement": {"fr": "/fr/accessibilite/", "en": "/en/accessibility/"},
    "search": {"fr": "/fr/recherche/", "en": "/en/search/"},
}

# The bilingual language chooser (Site/index.html) has no header: no skip link, no switcher. It gets
# the other checks.
LANGUAGE_CHOOSER = "/"

# The narrowest width RGAA asks for (criterion 10.11, WCAG 1.4.10 reflow) and a desktop width.
NARROW, WIDE = 320, 1280
WIDTHS = [NARROW, WIDE]

SCREENSHOTS = REPOSITORY / "Tests" / "EndToEnd" / "artefacts" / "screenshots"

# Enough Tab presses to go through the header, the menu and well into the content of every page kind.
MAX_TABS = 40

BLOCKING_IMPACTS = {"serious", "critical"}


def interface_strings(language: str) -> dict:
    return yaml.safe_load((REPOSITORY / "Themes" / "default" / "i18n" / f"{language}.yml").read_text(encoding="utf-8"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """A static HTTP server over `folder` on a free port of 127.0.0.1, as a host serves the site; yields its origin."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def open_page(page, url: str, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: {response.status if response else 'no answer'}"


def serious_axe_violations(page) -> list:
    """axe-core's violations of serious or critical impact: rule id, impact and the selectors of each element."""
    results = Axe().run(page)
    return [f"{violation['id']} ({violation['impact']}): {', '.join(str(node['target']) for node in violation['nodes'])}"
            for violation in results.response["violations"] if violation["impact"] in BLOCKING_IMPACTS]


FOCUSED_ELEMENT = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const box = element.getBoundingClientRect();
    return {tag: element.tagName.toLowerCase(), id: element.id, href: element.getAttribute('href'),
            top: box.top, bottom: box.bottom, left: box.left, right: box.right, text: element.textContent.trim().slice(0, 40)};
}"""


def skip_link_problems(page) -> list:
    """The first Tab reaches a visible link to #content, and following it puts the focus on the main content."""
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED_ELEMENT)
    if first is None or first["href"] != "#content":
        return [f"the first Tab reaches {first}, not the link to #content"]
    problems = []
    viewport = page.viewport_size
    if first["bottom"] <= 0 or first["top"] >= viewport["height"] or first["right"] <= 0 or first["left"] >= viewport["width"]:
        problems.append(f"the focused skip link is off screen: {first}")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#content'", timeout=5000)
    target = page.evaluate(FOCUSED_ELEMENT)
    if target is None or target["id"] != "content":
        problems.append(f"following the skip link puts the focus on {target}, not on #content")
    return problems


def path_of(url: str) -> str:
    return urlsplit(url).path


def language_switcher_problems(page, language: str, other: str) -> list:
    """The switcher's link carries lang and hreflang, and leads to the translation (or the other home page)."""
    label = interface_strings(language)["languageSwitcherLabel"]
    links = page.get_by_role("navigation", name=label, exact=True).get_by_role("link")
    if links.count() != 1:
        return [f"the language switcher ({label}) has {links.count()} links, not one to {other}"]
    link = links.first
    problems = [f"the switcher link has {name}={link.get_attribute(name)!r}, not {other!r}"
                for name in ("lang", "hreflang") if link.get_attribute(name) != other]
    alternate = page.locator(f'link[rel="alternate"][hreflang="{other}"]')
    expected = path_of(alternate.get_attribute("href")) if alternate.count() else f"/{other}/"
    link.click()
    page.wait_for_load_state()
    if path_of(page.url) != expected:
        problems.append(f"the switcher leads to {path_of(page.url)}, not to the translation {expected}")
    if page.locator("html").get_attribute("lang") != other:
        problems.append(f"the page the switcher leads to is in {page.locator('html').get_attribute('lang')!r}, not {other!r}")
    return problems


def horizontal_scrolling_problems(page) -> list:
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if widths[0] > widths[1]:
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""")
        return [f"the page scrolls sideways: {widths[0]} px of content in {widths[1]} px (too wide: {wide})"]
    return []


# Run after each Tab: keeps the focused element and returns its focus indicator, or null once the
# focus has left the page or come back to the first element reached.
RECORD_FOCUS = """() => {
    const element = document.activeElement;
    window.reachedByTab = window.reachedByTab || [];
    if (!element || element === document.body || element === window.reachedByTab[0]) return null;
    window.reachedByTab.push(element);
    return indicator(element);
}"""

# Run once the focus is gone: the same elements' indicators unfocused.
UNFOCUSED_INDICATORS = """() => {
    document.activeElement.blur();
    return window.reachedByTab.map(indicator);
}"""

INDICATOR = """() => { window.indicator = element => {
    const style = getComputedStyle(element);
    return {outline: style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0
                     ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
            boxShadow: style.boxShadow,
            element: `${element.tagName.toLowerCase()} ${element.getAttribute('href') || element.id} "${element.textContent.trim().slice(0, 40)}"`};
}; }"""


def invisible_focus_problems(page, max_tabs: int = MAX_TABS) -> list:
    """Each element the keyboard reaches (up to max_tabs) shows an outline or a box-shadow that it has not unfocused."""
    page.evaluate(INDICATOR)
    focused = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        indicator = page.evaluate(RECORD_FOCUS)
        if indicator is None:
            break
        focused.append(indicator)
    if not focused:
        return ["the keyboard reaches nothing"]
    unfocused = page.evaluate(UNFOCUSED_INDICATORS)
    problems = []
    for on, off in zip(focused, unfocused):
        has_outline = on["outline"] != "none" and on["outline"] != off["outline"]
        has_shadow = on["boxShadow"] not in ("none", off["boxShadow"])
        if not (has_outline or has_shadow):
            problems.append(f"no visible focus on {on['element']}: outline {on['outline']}, box-shadow {on['boxShadow']} "
                            f"(unfocused: {off['outline']}, {off['boxShadow']})")
    return problems


def save_screenshot(page, name: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
