"""`cleiss-site check` as editors and CI run it: formats, exit codes, --fix, configuration errors."""
import json
import os
import stat

from conftest import run

FR_PAGE = "---\ntitle: \"Une page\"\ndescription: \"Une page de test.\"\n---\n## Partir\n\nAttention : voir le 2ème point !\n\nPour le formulaire, [cliquez ici](_index.md).\n"


def write_page(site, relative, text, newline="\n", bom=False):
    path = site / "Content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.replace("\n", newline).encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def test_the_shipped_content_has_no_charter_error(site_copy):
    result = run("check", "--source", str(site_copy))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("0 errors")


def test_text_format_is_like_a_compiler_and_errors_exit_1(site_copy):
    write_page(site_copy, "fr/essai.md", FR_PAGE)
    result = run("check", "--source", str(site_copy), str(site_copy / "Content" / "fr" / "essai.md"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "Content/fr/essai.md:7:11: warning: [typography] A no-break space is needed before “:”." in lines
    assert any(line.startswith("Content/fr/essai.md:9:21: error: [link-text]") for line in lines)
    assert lines[-1] == "1 error, 3 warnings, 0 infos in 1 page"


def test_json_and_sarif(site_copy):
    write_page(site_copy, "fr/essai.md", FR_PAGE)
    result = run("check", "--source", str(site_copy), "--format", "json", str(site_copy / "Content" / "fr"))
    document = json.loads(result.stdout)
    diagnostic = next(d for d in document["diagnostics"] if d["rule"] == "link-text")
    assert set(diagnostic) >= {"file", "line", "column", "rule", "severity", "message", "suggestion"}
    assert (diagnostic["file"], diagnostic["line"], diagnostic["column"], diagnostic["severity"]) == ("Content/fr/essai.md", 9, 21, "error")
    pages = {page["file"]: page for page in document["pages"]}
    assert set(pages["Content/fr/essai.md"]) >= {"file", "lang", "words", "sentences", "syllables"}
    assert pages["Content/fr/essai.md"]["lang"] == "fr"
    assert all(page["file"].startswith("Content/fr/") for page in document["pages"])
    sarif = json.loads(run("check", "--source", str(site_copy), "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    link = next(r for r in results if r["ruleId"] == "link-text")
    region = link["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], link["level"]) == (9, 21, "error")


def test_json_pages_all_have_the_same_keys_even_without_prose(site_copy):
    write_page(site_copy, "fr/vide.md", "---\ntitle: \"Vide\"\ndescription: \"Une page sans texte.\"\n---\n## Seulement un titre\n")
    result = run("check", "--source", str(site_copy), "--format", "json", str(site_copy / "Content" / "fr"))
    pages = {page["file"]: page for page in json.loads(result.stdout)["pages"]}
    assert all(set(page) == {"file", "lang", "words", "sentences", "syllables", "readability"} for page in pages.values())
    assert pages["Content/fr/vide.md"]["words"] == 0
    assert pages["Content/fr/vide.md"]["readability"] is None


def test_fix_changes_only_the_typography_and_keeps_crlf_and_bom(site_copy):
    path = write_page(site_copy, "fr/essai.md", FR_PAGE, newline="\r\n", bom=True)
    result = run("check", "--source", str(site_copy), "--fix", str(path))
    assert "Content/fr/essai.md: 3 fixes applied" in result.stderr
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text == FR_PAGE.replace("Attention : voir le 2ème point !", "Attention\u00a0: voir le 2e point\u00a0!").replace("\n", "\r\n")
    assert "[typography]" not in result.stdout
    assert result.returncode == 1  # the link-text error is not mechanical: it stays


def test_fix_leaves_a_read_only_file_intact(site_copy):
    path = write_page(site_copy, "fr/essai.md", FR_PAGE)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        result = run("check", "--source", str(site_copy), "--fix", str(path))
        assert "not fixed: the file is read-only" in result.stderr
        assert path.read_text(encoding="utf-8") == FR_PAGE
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_configuration_errors_exit_2_with_file_and_line(site_copy):
    (site_copy / "charter.yml").write_text("profile: public\nrules:\n  sentence-lenght: {warning: 20}\n", encoding="utf-8")
    result = run("check", "--source", str(site_copy))
    assert result.returncode == 2
    assert "charter.yml:3:3: error: unknown rule key 'sentence-lenght'" in result.stderr or "charter.yml:3" in result.stderr
    (site_copy / "charter.yml").write_text("rules:\n  paragraph-length: {max: five}\n", encoding="utf-8")
    result = run("check", "--source", str(site_copy))
    assert result.returncode == 2 and "charter.yml:2" in result.stderr and "whole number" in result.stderr
    (site_copy / "charter.yml").write_text("profile: facile\n", encoding="utf-8")
    result = run("check", "--source", str(site_copy))
    assert result.returncode == 2 and "unknown charter profile 'facile'" in result.stderr
    assert run("check", "--source", str(site_copy), "--format", "xml").returncode == 2


def test_build_strict_fails_on_charter_errors(site_copy):
    write_page(site_copy, "fr/essai.md", FR_PAGE)
    relaxed = run("build", "--source", str(site_copy))
    assert relaxed.returncode == 0, relaxed.stderr
    assert "charter: 1 error, 3 warnings" in relaxed.stdout
    strict = run("build", "--source", str(site_copy), "--strict")
    assert strict.returncode == 1
    assert "Content/fr/essai.md:9:21: error: [link-text]" in strict.stderr


def test_a_page_that_cannot_be_parsed_is_a_finding_not_a_crash(site_copy):
    (site_copy / "Content" / "fr" / "casse.md").write_bytes(b"---\ntitle: \"x\"\ndescription: \"y\"\n---\ncaf\xe9\n")
    (site_copy / "Content" / "en" / "broken.md").write_text("---\ntitle: [unclosed\n---\ntext\n", encoding="utf-8")
    result = run("check", "--source", str(site_copy), "--format", "json")
    assert result.returncode == 1
    files = {(d["file"], d["line"]) for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"}
    assert ("Content/fr/casse.md", 5) in files
    assert any(file == "Content/en/broken.md" for file, _ in files)
