"""The legal notice's publication director and host (LCEN, art. 6 III) are settings of site.yml: the build
shows them on the legal notice page, warns while they are empty, and refuses to build for publication
(`--production`) until they are filled in. It never invents them."""
import re

from lxml import html

from conftest import REPOSITORY, fill_in_legal_notice as fill_in, run

EMPTY = ("legalNotice.publicationDirector", "legalNotice.host.name", "legalNotice.host.address", "legalNotice.host.phone")


def site_yml_line(key: str) -> int:
    """The line of site.yml where the setting's key is, as the build should report it."""
    lines = (REPOSITORY / "site.yml").read_text(encoding="utf-8").splitlines()
    leaf = key.split(".")[-1]
    return next(number for number, line in enumerate(lines, 1) if re.search(rf"\b{leaf}:", line) and
                (leaf != "name" or "host" in line))


def legal_settings(output, path):
    tree = html.parse(str(output / path / "index.html"))
    block = tree.xpath('//main//div[contains(@class, "legal-settings")]')
    assert len(block) == 1, f"{path}: one block of legal settings expected"
    return block[0]


def test_the_real_site_warns_for_each_empty_setting_and_shows_what_is_left(built):
    output, result = built
    for key in EMPTY:
        expected = f"site.yml:{site_yml_line(key)}:"
        lines = [line for line in result.stderr.splitlines() if key + " is empty" in line]
        assert len(lines) == 1 and lines[0].startswith(expected) and "warning" in lines[0], (key, result.stderr)
    for path, headings, marker in [("fr/mentions-legales", ["Directeur de la publication", "Hébergement"], "À compléter avant la mise en ligne"),
                                   ("en/legal-notice", ["Director of publication", "Hosting"], "To be filled in before the site goes online")]:
        block = legal_settings(output, path)
        assert [h.text_content() for h in block.xpath(".//h2")] == headings
        assert [s.text_content() for s in block.xpath('.//strong[@class="notice"]')] == [marker] * 4
    # Only the legal notice shows them.
    assert not html.parse(str(output / "fr" / "contact" / "index.html")).xpath('//*[contains(@class, "legal-settings")]')


def test_a_build_for_publication_refuses_empty_settings_and_writes_nothing(site_copy, tmp_path):
    output = tmp_path / "out"
    result = run("build", "--source", str(site_copy), "--output", str(output), "--production")
    assert result.returncode == 1, result.stderr
    for key in EMPTY:
        assert re.search(rf"^site\.yml:\d+:\d+: error: {re.escape(key)} is empty", result.stderr, re.M), (key, result.stderr)
    assert not output.exists()


def test_filled_settings_are_published_escaped_and_accepted_for_publication(site_copy, tmp_path):
    fill_in(site_copy)
    output = tmp_path / "out"
    result = run("build", "--source", str(site_copy), "--output", str(output), "--production")
    assert result.returncode == 0, result.stderr
    assert "legalNotice" not in result.stderr
    for path in ["fr/mentions-legales", "en/legal-notice"]:
        block = legal_settings(output, path)
        assert block.xpath(".//p")[0].text_content() == "Jeanne Exemple"
        assert [dd.text_content() for dd in block.xpath(".//dd")] == ["Hôte & Cie", "1 rue Exemple, 75000 Paris", "01 00 00 00 00"]
        assert not block.xpath('.//strong[@class="notice"]')
    assert b"H\xc3\xb4te &amp; Cie" in (output / "fr" / "mentions-legales" / "index.html").read_bytes()


def test_one_setting_left_empty_is_named_alone(site_copy, tmp_path):
    fill_in(site_copy, host='{name: "Hôte", address: "1 rue Exemple", phone: ""}')
    result = run("build", "--source", str(site_copy), "--output", str(tmp_path / "out"), "--production")
    assert result.returncode == 1
    assert re.findall(r"error: (legalNotice\.\S+) is empty", result.stderr) == ["legalNotice.host.phone"]


def test_a_legal_notice_page_that_does_not_exist_is_an_error(site_copy, tmp_path):
    fill_in(site_copy)
    text = (site_copy / "site.yml").read_text(encoding="utf-8").replace("legalNotice:", "legalNotice:\n  page: legal-notise", 1)
    (site_copy / "site.yml").write_text(text, encoding="utf-8")
    result = run("build", "--source", str(site_copy), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "translationKey 'legal-notise'" in line]
    assert len(errors) == 2 and all(line.startswith("site.yml:") and " error: " in line for line in errors), result.stderr
    assert {"'fr'", "'en'"} == {re.search(r"language ('\w+')", line).group(1) for line in errors}


def test_unknown_keys_of_the_settings_are_errors_with_a_suggestion(site_copy, tmp_path):
    text = (site_copy / "site.yml").read_text(encoding="utf-8")
    text = text.replace("publicationDirector:", "publicationDirecter:", 1).replace("phone:", "telephone:", 1)
    (site_copy / "site.yml").write_text(text, encoding="utf-8")
    result = run("build", "--source", str(site_copy), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert re.search(r"^site\.yml:\d+:\d+: error: unknown 'legalNotice' key 'publicationDirecter'", result.stderr, re.M), result.stderr
    assert "publicationDirector" in result.stderr
    assert re.search(r"unknown 'legalNotice.host' key 'telephone'", result.stderr), result.stderr


def test_a_site_without_the_settings_has_no_block_and_no_warning(site_copy, tmp_path):
    text = (site_copy / "site.yml").read_text(encoding="utf-8")
    text = re.sub(r"legalNotice:.*?\n(?=charter:)", "", text, flags=re.S)
    (site_copy / "site.yml").write_text(text, encoding="utf-8")
    output = tmp_path / "out"
    result = run("build", "--source", str(site_copy), "--output", str(output), "--production")
    assert result.returncode == 0, result.stderr
    assert "legalNotice" not in result.stderr
    assert not html.parse(str(output / "fr" / "mentions-legales" / "index.html")).xpath('//*[contains(@class, "legal-settings")]')
