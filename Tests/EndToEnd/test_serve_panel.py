"""The charter panel of `cleiss-site serve`, in Debian's Chromium: a copy of the real site whose contact
page gets a long sentence with two phrases of the plain-words list, served with an `editor:` template;
the panel is opened with the keyboard, checked by axe, its highlights compared with the sentence, and
the page fixed while it is open."""
import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import copy_sources, run
from test_serve import Serve, fetch, free_port

PAGE = "Content/fr/contact.md"
PAGE_URL = "/fr/contact/"
EDITOR = "vscode://file/{path}:{line}:{column}"
# 57 words (the charter's error threshold is 40), with "afin de" and "transmettre" (plain-words).
SENTENCE = ("Nous vous répondrons afin de vous aider, et nous le ferons dès que possible, en tenant compte de la "
            "situation particulière de votre dossier, des pièces que vous aurez pu nous transmettre auparavant, des "
            "échanges que vous avez déjà eus avec votre caisse et des délais propres à chaque organisme de sécurité "
            "sociale concerné par votre demande.")
AFTER = "Elle répond souvent à votre question.\n"
BUTTON = "#cleiss-site-charter-button"
PANEL = "#cleiss-site-charter-panel"
FINDINGS = f"{PANEL} li"


@pytest.fixture(scope="module")
def panel_site(tmp_path_factory):
    root = copy_sources(tmp_path_factory.mktemp("panel") / "site")
    (root / "site.yml").write_text((root / "site.yml").read_text(encoding="utf-8") + f'editor: "{EDITOR}"\n', encoding="utf-8")
    page = root / PAGE
    text = page.read_text(encoding="utf-8")
    assert AFTER in text
    page.write_text(text.replace(AFTER, AFTER + "\n" + SENTENCE + "\n", 1), encoding="utf-8")
    serve = Serve(root, free_port())
    serve.url = serve.ready()
    serve.root = root
    yield serve
    serve.stop()


def sentence_line(root) -> int:
    lines = (root / PAGE).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if line.startswith("Nous vous répondrons"))


def open_page(tab, serve, path=PAGE_URL):
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.goto(f"http://127.0.0.1:{serve.port}{path}")
    tab.evaluate("() => sessionStorage.clear()")
    tab.goto(f"http://127.0.0.1:{serve.port}{path}")
    tab.wait_for_selector(f"{BUTTON}[data-ready]")


def open_with_keyboard(tab):
    """Tabs to the button as a keyboard user does, then presses Enter."""
    for _ in range(200):
        tab.keyboard.press("Tab")
        if tab.evaluate("() => document.activeElement.id") == BUTTON[1:]:
            break
    else:
        raise AssertionError("the charter button is never reached with Tab")
    tab.keyboard.press("Enter")
    tab.wait_for_selector(f"{PANEL}[open]")


def marked_text(tab, index: int) -> str:
    return tab.evaluate(f"""() => Array.from(document.querySelectorAll('main mark[data-finding="{index}"]'), m => m.textContent).join("")""")


def finding_index(tab, rule: str, word: str = "") -> int:
    items = tab.locator(FINDINGS).all_inner_texts()
    return next(i for i, item in enumerate(items) if f"[{rule}]" in item and word in item)


def test_the_built_files_have_no_panel(panel_site, tmp_path):
    output = tmp_path / "Site"
    result = run("build", "--source", str(panel_site.root), "--output", str(output))
    assert result.returncode == 0, result.stderr
    for folder in (output, panel_site.output):
        pages = list(folder.rglob("*.html"))
        assert len(pages) > 50
        assert not [p for p in pages if "__cleiss-site" in p.read_text(encoding="utf-8") or "charter-panel" in p.read_text(encoding="utf-8")]
    body = fetch(panel_site.port, PAGE_URL)[2]
    assert '<script src="/__cleiss-site/panel.js" defer></script>' in body


def test_the_findings_are_served_as_json(panel_site):
    status, headers, body = fetch(panel_site.port, "/__cleiss-site/findings?page=" + PAGE_URL)
    assert (status, headers["content-type"]) == (200, "application/json; charset=utf-8")
    findings = json.loads(body)["findings"]
    assert sorted(f["rule"] for f in findings) == ["plain-words", "plain-words", "sentence-length"]
    assert json.loads(fetch(panel_site.port, "/__cleiss-site/findings?page=/fr/no-such-page/")[2])["findings"] == []


def test_keyboard_list_escape_and_axe(panel_site, tab):
    open_page(tab, panel_site)
    assert tab.inner_text(BUTTON) == "Charte (3)"
    assert not tab.is_visible(PANEL)
    open_with_keyboard(tab)
    # The focus is in the dialog, named by its heading.
    assert tab.evaluate(f"() => document.activeElement.closest('{PANEL}') !== null")
    dialog = tab.get_by_role("dialog", name="Charte\u00a0: 3 constats sur cette page")
    assert dialog.is_visible()
    items = tab.locator(FINDINGS).all_inner_texts()
    assert len(items) == 3
    line = sentence_line(panel_site.root)
    sentence = next(item for item in items if "[sentence-length]" in item)
    assert "This sentence has 57 words (at most 40)." in sentence
    assert "Suggestion\u00a0: Split it into shorter sentences, one idea each." in sentence
    assert f"{PAGE}:{line}:1" in sentence
    plain = next(item for item in items if "“afin de”" in item)
    assert "[plain-words]" in plain and "Write “pour”." in plain
    assert f"{PAGE}:{line}:{SENTENCE.index('afin de') + 1}" in plain
    violations = Axe().run(tab).response["violations"]
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    tab.keyboard.press("Escape")
    # The dialog's close event, whose handler takes the marks away and puts the focus back, comes as a task
    # after the key: wait for it (at most 5 s) before looking.
    tab.wait_for_function("(button) => document.activeElement.id === button && !document.querySelector('mark')",
                          arg=BUTTON[1:], timeout=5000)
    assert not tab.is_visible(PANEL)
    assert tab.evaluate("() => document.activeElement.id") == BUTTON[1:]
    assert tab.locator("mark").count() == 0


def test_the_open_panel_fits_a_narrow_screen(panel_site, tab):
    open_page(tab, panel_site)
    tab.set_viewport_size({"width": 320, "height": 640})
    tab.click(BUTTON)
    tab.wait_for_selector(f"{PANEL}[open]")
    assert tab.evaluate(f"() => document.querySelector('{PANEL}').getBoundingClientRect().right") <= 320
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert Axe().run(tab).response["violations"] == []
    tab.keyboard.press("Escape")


def test_highlights_land_on_the_passages(panel_site, tab):
    open_page(tab, panel_site)
    tab.click(BUTTON)
    tab.wait_for_selector(f"{PANEL}[open]")
    assert marked_text(tab, finding_index(tab, "sentence-length")) == SENTENCE
    assert marked_text(tab, finding_index(tab, "plain-words", "afin de")) == "afin de"
    assert marked_text(tab, finding_index(tab, "plain-words", "transmettre")) == "transmettre"
    # Each mark is in the paragraph of the sentence, not on another "afin de" of the page.
    assert tab.evaluate("""() => Array.from(document.querySelectorAll('main mark'), m => m.closest('p').textContent)
                             .every(text => text.startsWith('Nous vous répondrons'))""")
    assert tab.locator(f"{PANEL} .cleiss-site-charter-not-found").count() == 0
    tab.keyboard.press("Escape")


def test_the_editor_link_opens_the_line(panel_site, tab):
    open_page(tab, panel_site)
    tab.click(BUTTON)
    line = sentence_line(panel_site.root)
    column = SENTENCE.index("transmettre") + 1
    link = tab.locator(FINDINGS).nth(finding_index(tab, "plain-words", "transmettre")).locator("a")
    path = (panel_site.root / PAGE).resolve()
    assert link.get_attribute("href") == f"vscode://file/{path}:{line}:{column}"
    assert link.inner_text() == f"{PAGE}:{line}:{column} (ouvrir dans l’éditeur)"
    tab.keyboard.press("Escape")


def test_an_english_page_says_charter(panel_site, tab):
    open_page(tab, panel_site, "/en/contact/")
    assert tab.inner_text(BUTTON) == "Charter (0)"
    tab.click(BUTTON)
    assert tab.get_by_role("dialog", name="Charter: no finding on this page").is_visible()
    tab.keyboard.press("Escape")


def test_a_passage_not_in_the_page_is_not_highlighted(panel_site, tab):
    """The passages are looked for in the page as it is: a finding whose text the page no longer shows
    (here the page's text is changed in the browser) says so and marks nothing."""
    open_page(tab, panel_site)
    tab.evaluate("""() => { for (const p of document.querySelectorAll('main p'))
                              if (p.textContent.startsWith('Nous vous répondrons')) p.textContent = 'Autre chose.'; }""")
    tab.click(BUTTON)
    assert tab.locator("main mark").count() == 0
    assert tab.locator(f"{PANEL} .cleiss-site-charter-not-found").count() == 3
    assert "Passage introuvable dans la page\u00a0: rien n’est surligné." in tab.inner_text(PANEL)
    tab.keyboard.press("Escape")


def test_fixing_the_page_updates_the_open_panel(panel_site, tab):
    open_page(tab, panel_site)
    tab.click(BUTTON)
    tab.wait_for_function(f"() => document.querySelectorAll('{FINDINGS}').length === 3")
    page = panel_site.root / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("afin de vous aider", "pour vous aider", 1), encoding="utf-8")
    # The reload script reloads the page after the rebuild; the panel, open before, opens again.
    tab.wait_for_function(f"() => document.querySelector('{BUTTON}')?.textContent === 'Charte (2)'", timeout=30_000)
    tab.wait_for_selector(f"{PANEL}[open]")
    items = tab.locator(FINDINGS).all_inner_texts()
    assert len(items) == 2 and not any("afin de" in item for item in items)
    assert marked_text(tab, finding_index(tab, "sentence-length")) == SENTENCE.replace("afin de", "pour")
    tab.keyboard.press("Escape")


def test_an_unknown_placeholder_of_editor_is_an_error_with_its_line(site_copy):
    text = (site_copy / "site.yml").read_text(encoding="utf-8")
    (site_copy / "site.yml").write_text(text + 'editor: "vscode://file/{file}:{line}"\n', encoding="utf-8")
    line = len(text.split("\n"))
    result = run("build", "--source", str(site_copy), "--output", str(site_copy / "Site"))
    assert result.returncode == 1
    assert re.search(rf"site\.yml:{line}:\d+: error: editor: unknown placeholder '\{{file\}}'", result.stderr), result.stderr
