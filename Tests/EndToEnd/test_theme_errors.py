"""A theme's mistakes stop the build before any page is written, each at its file, line and column."""
import re

from conftest import run

TEMPLATES = "Themes/default/templates"


def build(site, output):
    return run("build", "--source", str(site), "--output", str(output))


def snapshot(folder):
    return {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_every_kind_of_template_mistake_is_reported_at_its_tag(site_copy, tmp_path):
    output = tmp_path / "Site"
    assert build(site_copy, output).returncode == 0
    before = snapshot(output)
    page = site_copy / TEMPLATES / "page.mustache"
    text = page.read_text(encoding="utf-8")
    assert "<h1>{{page.title}}</h1>" in text
    page.write_text(text.replace("<h1>{{page.title}}</h1>", "<h1>{{page.titel}}</h1>"), encoding="utf-8")
    (site_copy / TEMPLATES / "partials" / "a.mustache").write_text("{{> partials/b}}\n", encoding="utf-8")
    (site_copy / TEMPLATES / "partials" / "b.mustache").write_text("{{> partials/a}}\n", encoding="utf-8")
    (site_copy / TEMPLATES / "404.mustache").write_text(
        "<html lang=\"{{lang}}\">\n{{#page.title}}x{{/page.title}} {{{lang}}}\n{{> partials/nowhere}}{{> partials/a}}\n</html>\n", encoding="utf-8")
    section = site_copy / TEMPLATES / "section.mustache"
    section_text = section.read_text(encoding="utf-8")
    section.write_text("{{#page.children}}<li>{{title}}</li>{{/page.child}}\n", encoding="utf-8")

    # Syntax errors come first, as a compiler's do: each file's, then nothing else.
    result = build(site_copy, output)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [f"{TEMPLATES}/section.mustache:1:37: error: '{{{{/page.child}}}}' does not match 'page.children', "
                      f"opened at {TEMPLATES}/section.mustache:1:1"], result.stderr
    section.write_text(section_text, encoding="utf-8")

    result = build(site_copy, output)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    located = {re.match(r"([^:]+):(\d+):(\d+): error: ", line).groups() for line in errors if re.match(r"[^:]+:\d+:\d+: error: ", line)}
    expected = {
        (f"{TEMPLATES}/page.mustache", None, "unknown name 'titel' in 'page.titel'; did you mean “title”?"),
        (f"{TEMPLATES}/404.mustache", ("2", "1"), "'page.title' is a text"),
        (f"{TEMPLATES}/404.mustache", ("2", "33"), "'{{{lang}}}' would write a text without escaping it"),
        (f"{TEMPLATES}/404.mustache", ("3", "1"), "unknown partial 'partials/nowhere'"),
        (f"{TEMPLATES}/partials/a.mustache", ("1", "1"), "templates include each other without end"),
    }
    for file, position, message in expected:
        matching = [line for line in errors if line.startswith(file + ":") and message in line]
        assert matching, f"{file}: {message}\n{result.stderr}"
        if position:
            assert any(line.startswith(f"{file}:{position[0]}:{position[1]}: ") for line in matching), matching
    assert all(len(groups) == 3 for groups in located) and len(located) == len(errors), errors
    # A mistake in a partial shared by several kinds is reported once.
    assert len([line for line in errors if "include each other" in line]) == 1
    assert snapshot(output) == before, "no page was written"


def test_a_theme_mistake_names_what_the_kind_offers(site_copy, tmp_path):
    page = site_copy / TEMPLATES / "page.mustache"
    page.write_text(page.read_text(encoding="utf-8").replace("{{page.title}}", "{{page.titel}}", 1), encoding="utf-8")
    result = build(site_copy, tmp_path / "Site")
    assert result.returncode == 1
    assert "'page' offers: alternates, audiences, breadcrumb, canonical" in result.stderr
    assert not (tmp_path / "Site").exists()
