"""Nothing lost silently: pages shaped like imports from other tools (file names with spaces, commas,
accents and capitals, links with raw spaces, hostile aliases, several broken files at once) give
either correct output or a message with the file, the line and what to do."""
from pathlib import Path

from lxml import html

from conftest import run

FOLDER = "fr/06-Sécuriser vos sites web, vos …"
TIDY_FOLDER = "fr/06-securiser-vos-sites-web-vos"


def write_page(site: Path, relative: str, title: str, body: str = "Texte.\n", extra: str = "") -> Path:
    path = site / "Content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'---\ntitle: "{title}"\ndescription: "Une page importée."\n{extra}---\n{body}', encoding="utf-8")
    return path


def build(site: Path, output: Path):
    return run("build", "--source", str(site), "--output", str(output), "--no-search")


def links(page: Path) -> dict:
    """The text of each link and image of the page's main content → its destination."""
    tree = html.fromstring(page.read_text(encoding="utf-8"))
    found = {a.text_content(): a.get("href") for a in tree.iter("a")}
    found.update({img.get("alt"): img.get("src") for img in tree.iter("img")})
    return found


def test_file_names_become_tidy_urls_and_links_to_them_follow(site_copy, tmp_path):
    write_page(site_copy, f"{FOLDER}/_index.md", "Sécuriser vos sites",
               "- [angles](<03-Sécuriser son env.md>)\n- [pourcents](03-S%C3%A9curiser%20son%20env.md#haut)\n"
               "- [majuscules](Guide Complet.md)\n- ![capture](<Capture d'écran.PNG>)\n")
    write_page(site_copy, f"{FOLDER}/03-Sécuriser son env.md", "Sécuriser son environnement")
    write_page(site_copy, f"{FOLDER}/Guide Complet.md", "Le guide complet")
    (site_copy / "Content" / FOLDER / "Capture d'écran.PNG").write_bytes(b"\x89PNG")
    output = tmp_path / "out"
    result = build(site_copy, output)
    assert result.returncode == 0, result.stderr
    section = output / TIDY_FOLDER
    assert (section / "03-securiser-son-env" / "index.html").is_file()
    assert (section / "guide-complet" / "index.html").is_file()
    assert (section / "capture-d-ecran.png").read_bytes() == b"\x89PNG"
    assert not any(" " in path.name or "," in path.name or path.name != path.name.lower() for path in output.rglob("*"))
    found = links(section / "index.html")
    assert found["angles"] == f"/{TIDY_FOLDER}/03-securiser-son-env/"
    assert found["pourcents"] == f"/{TIDY_FOLDER}/03-securiser-son-env/#haut"
    assert found["capture"] == f"/{TIDY_FOLDER}/capture-d-ecran.png"
    # Each renamed file or folder is named once, with what its URL became and what to do.
    assert (f"Content/{FOLDER}/03-Sécuriser son env.md:1: warning: the file name '03-Sécuriser son env' is not a tidy URL: "
            "its URL uses '03-securiser-son-env' instead") in result.stderr
    assert "hint: rename the file to 03-securiser-son-env.md, or set slug: in its front matter" in result.stderr
    assert f"Content/{FOLDER}/_index.md:1: warning: the folder name '06-Sécuriser vos sites web, vos …'" in result.stderr
    assert f"Content/{FOLDER}/Capture d'écran.PNG: warning: the file name" in result.stderr


def test_a_link_written_with_raw_spaces_is_reported(site_copy, tmp_path):
    write_page(site_copy, "fr/importee.md", "Page importée",
               "Texte.\n\nVoir [la page](03-Sécuriser son env.md) et ![le schéma](Mon schéma.png).\n")
    result = build(site_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert ("Content/fr/importee.md:7:6: warning: '[la page](03-Sécuriser son env.md)' is not a link: "
            "its destination has spaces, so it is printed as text") in result.stderr
    assert "hint: write the destination between angle brackets, [la page](<03-Sécuriser son env.md>), or each space as %20" in result.stderr
    assert "'![le schéma](Mon schéma.png)' is not an image" in result.stderr


def test_case_only_url_clashes_name_both_files(site_copy, tmp_path):
    write_page(site_copy, "fr/About.md", "À propos, ancienne version")
    write_page(site_copy, "fr/about.md", "À propos, nouvelle version")
    output = tmp_path / "out"
    result = build(site_copy, output)
    assert result.returncode == 1
    assert "error: Content/fr/about.md and Content/fr/About.md both want the URL of fr/about/index.html" in result.stderr
    assert not output.exists()


def test_hostile_aliases_and_slugs_fail_at_their_line(site_copy, tmp_path):
    write_page(site_copy, "fr/alias.md", "Alias hostiles",
               extra="aliases:\n  - /robots.txt\n  - javascript:alert(1)\n  - /fr/ancienne-adresse/\n")
    write_page(site_copy, "fr/slug.md", "Slug de fichier", extra="slug: index.html\n")
    output = tmp_path / "out"
    result = build(site_copy, output)
    assert result.returncode == 1
    assert "Content/fr/alias.md:5:5: error: alias '/robots.txt' is the robots.txt file, which the build writes itself" in result.stderr
    assert "Content/fr/alias.md:6:5: error: alias 'javascript:alert(1)' is a 'javascript:' address, which runs code in the browser" in result.stderr
    assert "Content/fr/slug.md:4:1: error: slug 'index.html' ends in .html" in result.stderr
    assert "Not a directory" not in result.stderr
    assert not output.exists()


def test_every_error_of_the_build_in_one_run(site_copy, tmp_path):
    write_page(site_copy, "fr/premiere.md", "Première", extra="date: hier\n")
    (site_copy / "Content" / "en" / "second.md").write_text("---\ntitle: [unclosed\n---\nText\n", encoding="utf-8")
    write_page(site_copy, "fr/bonne.md", "Bonne page", "Voir [la page absente](absente.md) et [la première](premiere.md).\n\n<b>gras</b>\n")
    output = tmp_path / "out"
    result = build(site_copy, output)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert any(line.startswith("Content/fr/premiere.md:4:") and "'hier' is not a valid date" in line for line in errors), errors
    assert any(line.startswith("Content/en/second.md:2:") and "malformed YAML" in line for line in errors), errors
    assert any(line.startswith("Content/fr/bonne.md:5:") and "broken link 'absente.md'" in line for line in errors), errors
    assert len(errors) == 3, errors  # the link to the page that did not load is not one more
    assert "Content/fr/bonne.md:7:1: warning: raw HTML is not published" in result.stderr
    assert "build failed: 3 errors" in result.stderr
    assert not output.exists()


def test_check_refuses_a_path_that_is_no_page(site_copy):
    result = run("check", "--source", str(site_copy), str(site_copy / "Content" / "fr" / "missing.md"))
    assert result.returncode == 2
    assert "Content/fr/missing.md: no such file or folder" in result.stderr
    result = run("check", "--source", str(site_copy), str(site_copy / "site.yml"))
    assert result.returncode == 2 and "is not a page of the site" in result.stderr
    (site_copy / "Content" / "fr" / "vide").mkdir()
    result = run("check", "--source", str(site_copy), str(site_copy / "Content" / "fr" / "vide"))
    assert result.returncode == 2 and "holds no page" in result.stderr
    whole = run("check", "--source", str(site_copy), str(site_copy))
    assert whole.returncode == 0 and whole.stdout == run("check", "--source", str(site_copy)).stdout
    assert not whole.stdout.rstrip().endswith(" in 0 pages")


def test_a_broken_image_gets_a_hint_about_images(site_copy, tmp_path):
    write_page(site_copy, "fr/schema.md", "Schéma", "![le schéma](schema.png)\n")
    result = build(site_copy, tmp_path / "out")
    assert result.returncode == 1
    assert "Content/fr/schema.md:5:1: error: broken image 'schema.png'" in result.stderr
    hint = result.stderr.split("broken image 'schema.png'")[1].splitlines()[1]
    assert "image file beside this page" in hint and "page.md" not in hint
