"""What RGAA 4.1 obliges a public site to show, read from the generated HTML: the home page states the
compliance status, every page links to the accessibility statement, and the footer carries the legal
notice, the personal data and the accessibility links. Each check also runs on a broken build."""
import re

from conftest import BASE_URL, run
from html_pages import output_file, parse

LANGUAGES = ["fr", "en"]

# The status in RGAA's words ("non conforme", "partiellement conforme", "totalement conforme"),
# as French public sites write it in the link to their statement.
COMPLIANCE_STATUS = {
    "fr": re.compile(r"^Accessibilité\s*:\s*(non|partiellement|totalement) conforme$"),
    "en": re.compile(r"^Accessibility:\s*(non-compliant|partially compliant|fully compliant)$"),
}

ACCESSIBILITY_STATEMENT = {"fr": "/fr/accessibilite/", "en": "/en/accessibility/"}
FOOTER_PAGES = {
    "accessibility statement": ACCESSIBILITY_STATEMENT,
    "legal notice": {"fr": "/fr/mentions-legales/", "en": "/en/legal-notice/"},
    "personal data": {"fr": "/fr/donnees-personnelles/", "en": "/en/personal-data/"},
}


def every_page(output):
    """Every HTML file of the output: each language's pages, the 404 pages, the redirect pages and the chooser."""
    for path in sorted(output.rglob("*.html")):
        yield path, parse(path)


def languages_of(output, path, page):
    """The languages whose links a page must carry: every language on the chooser, else the page's own."""
    if path == output / "index.html":
        return LANGUAGES
    return [next(page.root.find_all("html")).attributes["lang"]]


def targets(output, links):
    return {output_file(output, link.attributes.get("href", ""), BASE_URL) for link in links}


def compliance_status_problems(output):
    problems = []
    for language in LANGUAGES:
        home = parse(output / language / "index.html")
        statement = output_file(output, ACCESSIBILITY_STATEMENT[language], BASE_URL)
        texts = [link.text for link in home.root.find_all("a") if targets(output, [link]) == {statement}]
        if not any(COMPLIANCE_STATUS[language].match(" ".join(text.split())) for text in texts):
            problems.append(f"/{language}/: no link to {ACCESSIBILITY_STATEMENT[language]} states the compliance status "
                            f"({COMPLIANCE_STATUS[language].pattern}); its links say {texts}")
    return problems


def statement_link_problems(output):
    problems = []
    for path, page in every_page(output):
        linked = targets(output, page.root.find_all("a"))
        for language in languages_of(output, path, page):
            if output_file(output, ACCESSIBILITY_STATEMENT[language], BASE_URL) not in linked:
                problems.append(f"{path.relative_to(output)}: no link to the accessibility statement {ACCESSIBILITY_STATEMENT[language]}")
    return problems


def footer_problems(output):
    problems = []
    for path, page in every_page(output):
        linked = targets(output, [link for footer in page.root.find_all("footer") for link in footer.find_all("a")])
        for language in languages_of(output, path, page):
            for name, urls in FOOTER_PAGES.items():
                if output_file(output, urls[language], BASE_URL) not in linked:
                    problems.append(f"{path.relative_to(output)}: the footer has no link to the {name} {urls[language]}")
    return problems


def test_home_pages_state_the_compliance_status(built):
    output, _ = built
    assert compliance_status_problems(output) == []


def test_every_page_links_to_the_accessibility_statement(built):
    output, _ = built
    assert statement_link_problems(output) == []


def test_every_footer_links_to_the_legal_notice_personal_data_and_accessibility(built):
    output, _ = built
    assert footer_problems(output) == []


def build(site, tmp_path):
    output = tmp_path / "Site"
    result = run("build", "--source", str(site), "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_statement_left_out_of_the_footer_is_reported(site_copy, tmp_path):
    edit(site_copy / "Content" / "en" / "accessibility.md", "menus: footer\n", "")
    output = build(site_copy, tmp_path)
    assert "/en/: no link to /en/accessibility/ states the compliance status" in compliance_status_problems(output)[0]
    missing_links = statement_link_problems(output)
    assert "en/contact/index.html: no link to the accessibility statement /en/accessibility/" in missing_links
    assert "index.html: no link to the accessibility statement /en/accessibility/" in missing_links
    assert not [problem for problem in missing_links if problem.startswith("fr/")]
    assert "en/404.html: the footer has no link to the accessibility statement /en/accessibility/" in footer_problems(output)


def test_a_statement_title_without_the_status_is_reported(site_copy, tmp_path):
    edit(site_copy / "Content" / "fr" / "accessibilite.md", 'title: "Accessibilité\u00a0: non conforme"',
         'title: "Déclaration d\'accessibilité"')
    output = build(site_copy, tmp_path)
    assert [problem.split(" (")[0] for problem in compliance_status_problems(output)] == \
        ["/fr/: no link to /fr/accessibilite/ states the compliance status"]
    assert statement_link_problems(output) == [] and footer_problems(output) == []


def test_a_footer_without_the_legal_notice_is_reported(site_copy, tmp_path):
    edit(site_copy / "Content" / "fr" / "mentions-legales.md", "menus: footer\n", "")
    output = build(site_copy, tmp_path)
    problems = footer_problems(output)
    assert "fr/index.html: the footer has no link to the legal notice /fr/mentions-legales/" in problems
    assert "index.html: the footer has no link to the legal notice /fr/mentions-legales/" in problems
    assert all("legal notice /fr/" in problem for problem in problems)
