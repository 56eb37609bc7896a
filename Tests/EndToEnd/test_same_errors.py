"""`build`, `check` and `report` load the site by one step (`SiteLoading`): the same bad input gives the same
problem, at the same place, in every command; and the report's page inventory counts what `check` finds."""
import json
import re
import shutil

from conftest import run

# A problem line, `file[:line[:column]]: severity: message`; check adds the rule, `[front-matter] `, before the message.
PROBLEM = re.compile(r"^(\S+?)(?::(\d+))?(?::(\d+))?: (error|warning): (?:\[[a-z-]+\] )?(.*)$")


def problems(text, severity):
    """The problems of one severity in a command's output, without check's rule names; check gives a problem
    without a line or column the first line and column."""
    found = set()
    for line in text.splitlines():
        match = PROBLEM.match(line)
        if match and match.group(4) == severity:
            found.add((match.group(1), match.group(2) or "1", match.group(3) or "1", match.group(5)))
    return found


def every_command(site):
    """build, check, report and report pages on the site: their completed processes, by name."""
    return {
        "build": run("build", "--source", str(site), "--output", str(site.parent / "out")),
        "check": run("check", "--source", str(site)),
        "report": run("report", "--source", str(site), "--year", "2026", "--format", "json"),
        "report pages": run("report", "pages", "--source", str(site)),
    }


def test_a_broken_site_yml_is_the_same_error_everywhere(site_copy):
    site_yml = site_copy / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("languages:", "languages: [fr, en\nlanguages_old:", 1), encoding="utf-8")
    results = every_command(site_copy)
    expected = problems(results["build"].stderr, "error")
    assert expected and all(file == "site.yml" for file, *_ in expected)
    for name, result in results.items():
        assert problems(result.stderr, "error") == expected, name
        assert result.stdout == "" and result.returncode != 0, name
    assert results["check"].returncode == 2  # a configuration error for check (README)
    # The report builds nothing: it does not say that a build failed.
    assert "report failed: 1 error" in results["report"].stderr and "build failed" not in results["report"].stderr


def test_a_broken_page_is_the_same_error_everywhere_and_its_warnings_too(site_copy):
    (site_copy / "Content" / "fr" / "casse.md").write_text("---\ntitle: [pas fermé\ndescription: Une page.\n---\nUn texte.\n", encoding="utf-8")
    (site_copy / "Content" / "en" / "bad-bytes.md").write_bytes(b"---\ntitle: \"Bytes\"\ndescription: \"A page.\"\n---\ncaf\xe9\n")
    results = every_command(site_copy)
    expected = problems(results["build"].stderr, "error")
    assert {file for file, *_ in expected} == {"Content/fr/casse.md", "Content/en/bad-bytes.md"}
    assert ("Content/en/bad-bytes.md", "5", "1", "the file is not valid UTF-8") in expected
    assert problems(results["check"].stdout, "error") == expected
    for name in ["report", "report pages"]:
        assert problems(results[name].stderr, "error") == expected, name
        assert results[name].returncode == 1 and results[name].stdout == "", name

    # Fixed, the pages build; a front matter that is only doubtful is one warning, the same in every command.
    (site_copy / "Content" / "fr" / "casse.md").write_text("---\ntitle: Cassée\ndescription: Une page.\nauteur: Marie\n---\nUn texte.\n", encoding="utf-8")
    (site_copy / "Content" / "en" / "bad-bytes.md").unlink()
    results = every_command(site_copy)
    warning = ("Content/fr/casse.md", "4", "1", "unknown front matter key 'auteur'")
    for name, result in results.items():
        assert result.returncode == 0, (name, result.stderr)
        assert warning in problems(result.stderr if name != "check" else result.stdout, "warning"), name


def test_the_inventory_counts_what_check_finds_in_every_page_in_order(site_copy):
    write = lambda path, text: (site_copy / "Content" / path).write_text(text, encoding="utf-8")
    write("fr/essai.md", "---\ntitle: \"Une page\"\ndescription: \"Une page de test.\"\n---\n## Partir\n\n"
                         "Attention : voir le 2ème point !\n\nPour le formulaire, [cliquez ici](_index.md).\n")
    write("fr/brouillon.md", "---\ntitle: \"Brouillon\"\ndescription: \"Un brouillon.\"\ndraft: true\nauteur: Marie\n---\n"
                             "Ce texte a une fote, [ici](_index.md).\n")
    write("en/long.md", "---\ntitle: \"A long one\"\ndescription: \"Long sentences.\"\n---\nThis sentence is made long on purpose so "
                        "that the sentence length rule of the charter has something to say about it, because it goes on and on "
                        "and on without ever stopping for breath at all.\n\nClick [here](_index.md).\n")
    checked = json.loads(run("check", "--source", str(site_copy), "--format", "json").stdout)
    counts = {}
    for finding in checked["diagnostics"]:
        counts.setdefault(finding["file"], {"error": 0, "warning": 0, "info": 0})[finding["severity"]] += 1
    statistics = {page["file"]: page for page in checked["pages"]}
    result = run("report", "pages", "--source", str(site_copy), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    every_row = rows
    rows = [row for row in rows if not row["fromData"]]  # the pages made from data have no statistics of their own
    assert len(rows) == len(statistics) == len(list((site_copy / "Content").rglob("*.md")))
    for row in rows:
        found = counts.get(row["file"], {"error": 0, "warning": 0})
        assert (row["charterErrors"], row["charterWarnings"]) == (found["error"], found["warning"]), row["file"]
        assert (row["words"], row["readability"]) == (statistics[row["file"]]["words"], statistics[row["file"]]["readability"]), row["file"]
    assert {row["file"]: (row["charterErrors"], row["charterWarnings"]) for row in rows if row["charterErrors"] or row["charterWarnings"]} == {
        "Content/fr/essai.md": (1, 3), "Content/fr/brouillon.md": (1, 1), "Content/en/long.md": (1, 1)}
    # The order: languages as site.yml lists them, then the files' paths; the same on every run, and in the CSV.
    languages = ["fr", "en"]
    assert [(row["language"], row["file"]) for row in rows] == sorted(((row["language"], row["file"]) for row in rows),
                                                                      key=lambda key: (languages.index(key[0]), key[1]))
    assert run("report", "pages", "--source", str(site_copy), "--format", "json").stdout == result.stdout
    csv_files = [line.split(",")[1] for line in run("report", "pages", "--source", str(site_copy)).stdout.splitlines()[1:]]
    assert csv_files == [row["file"] for row in every_row]


def test_a_missing_language_folder_and_a_link_out_of_the_site_are_the_same_errors_everywhere(site_copy):
    shutil.rmtree(site_copy / "Content" / "en")
    (site_copy / "Content" / "fr" / "fuite.md").symlink_to("/etc/passwd")
    results = every_command(site_copy)
    loading = {("Content/en", "1", "1", "no content folder for language 'en'"),
               ("Content/fr/fuite.md", "1", "1", "the symbolic link points to /etc/passwd, outside the site: it is not published")}
    assert problems(results["check"].stdout, "error") == loading
    for name in ["report", "report pages"]:
        assert problems(results[name].stderr, "error") == loading, name
    # The build goes on to the site's structure, which has no English home page, and says so too.
    assert problems(results["build"].stderr, "error") == loading | {("Content/en/_index.md", "1", "1", "the home page of 'en' is missing")}
    assert all(result.returncode == 1 for result in results.values())
