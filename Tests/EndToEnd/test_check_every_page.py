"""`cleiss-site check` looks at every page and points at the right place: a page whose front matter is
wrong still has its body checked, `check` says what `build` says about a page, columns are right on
lazy continuation lines, `--fix` fixes what it reports, broken anchors point at the `.md` line."""
import re

from conftest import run

FINDING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>\w+): \[(?P<rule>[\w-]+)\] (?P<message>.*)$", re.M)
DIAGNOSTIC = re.compile(r"^(?P<file>Content/[^:\n]+):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<severity>warning|error): (?P<message>.*)$", re.M)


def write(site, relative, text):
    path = site / "Content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(output, file=None, rule=None):
    return [match.groupdict() for match in FINDING.finditer(output)
            if (file is None or match["file"] == file) and (rule is None or match["rule"] == rule)]


def test_a_page_whose_front_matter_is_wrong_still_has_its_body_checked(site_copy):
    # An unknown audience (the YAML reads), a YAML syntax error, no front matter at all.
    write(site_copy, "fr/public-inconnu.md",
          "---\ntitle: \"Une page\"\ndescription: \"Une page de test.\"\naudiences: [martiens]\n---\n\nAttention : voir le point.\n")
    write(site_copy, "fr/yaml-casse.md", "---\ntitle: [pas fermé\ndescription: \"x\"\n---\n\nDeuxième page !\n")
    write(site_copy, "en/no-front-matter.md", "Read this first : it matters.\n")
    result = run("check", "--source", str(site_copy))
    assert result.returncode == 1
    errors = {(f["file"], f["line"], f["rule"]) for f in findings(result.stdout) if f["severity"] == "error"}
    assert ("Content/fr/public-inconnu.md", "4", "front-matter") in errors
    assert any(file == "Content/fr/yaml-casse.md" and rule == "front-matter" for file, _, rule in errors)
    assert ("Content/en/no-front-matter.md", "1", "front-matter") in errors
    typography = {(f["file"], f["line"], f["column"]) for f in findings(result.stdout, rule="typography")}
    assert ("Content/fr/public-inconnu.md", "7", "11") in typography
    assert ("Content/fr/yaml-casse.md", "6", "15") in typography
    assert ("Content/en/no-front-matter.md", "1", "17") in typography
    # The front-matter rule says nothing more about a front matter that could not be read (no "description is missing").
    assert not any("description is missing" in f["message"] for f in findings(result.stdout, rule="front-matter"))
    pages = len(list((site_copy / "Content").rglob("*.md")))
    assert result.stdout.strip().splitlines()[-1].endswith(f" in {pages} pages"), result.stdout.splitlines()[-1]


def test_check_reports_the_warnings_build_reports_about_a_page(site_copy, tmp_path):
    write(site_copy, "fr/cles.md", "---\ntitle: \"Une page\"\ndescription: \"Une page de test.\"\nauteur: \"Marie\"\nmenus: [lateral]\n---\n\nUn texte\u0000 simple.\n")
    build = run("build", "--source", str(site_copy), "--output", str(tmp_path / "out"))
    assert build.returncode == 0, build.stderr
    built = {(d["file"], d["line"], d["severity"], d["message"]) for d in (m.groupdict() for m in DIAGNOSTIC.finditer(build.stderr))
             if d["file"] == "Content/fr/cles.md"}
    assert len(built) == 3, build.stderr  # the unknown key, the unknown menu, the NUL character
    check = run("check", "--source", str(site_copy))
    reported = {(f["file"], f["line"], f["severity"], f["message"]) for f in findings(check.stdout, file="Content/fr/cles.md")
                if f["rule"] in ("front-matter", "source")}
    assert built <= reported, check.stdout
    rules = {f["message"]: f["rule"] for f in findings(check.stdout, file="Content/fr/cles.md")}
    assert next(rule for message, rule in rules.items() if "NUL character" in message) == "source"
    assert next(rule for message, rule in rules.items() if "unknown front matter key 'auteur'" in message) == "front-matter"


def test_a_limit_and_a_listing_problem_are_source_findings(site_copy, tmp_path):
    with open(site_copy / "site.yml", "a", encoding="utf-8") as file:
        file.write("limits: {pageBytes: 20000}\n")
    write(site_copy, "fr/longue.md", "---\ntitle: \"Longue\"\ndescription: \"Une longue page.\"\n---\n\n" + "Une phrase courte.\n" * 2000)
    outside = tmp_path / "ailleurs.md"
    outside.write_text("---\ntitle: x\ndescription: y\n---\ntexte\n", encoding="utf-8")
    (site_copy / "Content" / "fr" / "lien.md").symlink_to(outside)
    result = run("check", "--source", str(site_copy), "--format", "text")
    long_page = findings(result.stdout, file="Content/fr/longue.md")
    assert [(f["line"], f["rule"], f["severity"]) for f in long_page] == [("1", "source", "error")], result.stdout
    assert "limits.pageBytes" in long_page[0]["message"]
    link = findings(result.stdout, file="Content/fr/lien.md")
    assert link and all(f["rule"] == "source" for f in link), result.stdout
    assert "[front-matter]" not in "\n".join(line for line in result.stdout.splitlines() if "longue.md" in line or "lien.md" in line)


LAZY_PAGE = (
    "---\ntitle: \"Listes\"\ndescription: \"Des listes aux lignes paresseuses.\"\n---\n\n"
    "- Premier point : il tient\n"
    "sur deux lignes ; la seconde n'est pas indentée !\n"
    "- Second point\n"
    "  bien indenté : rien à dire ?\n"
    "\n"
    "> Une citation : elle continue\n"
    "sans chevron ; voilà !\n"
    ">sans espace : encore ?\n"
    "\n"
    "1. Niveau un\n"
    "   - Niveau deux : le texte\n"
    "suit sans retrait ; encore !\n"
    "     et avec un retrait : aussi ?\n"
    "\n"
    "-\tTabulation : une\n"
    "\tsuite ; tabulée !\n"
    "suite sans retrait : bien ?\n"
    "\n"
    "> - Une liste citée : oui\n"
    "> suite citée ; paresseuse !\n"
    "suite sans rien : enfin ?\n"
    "\n"
    "- Une « citation\n"
    "continue » et le 2ème point, etc...\n"
)


def test_columns_are_right_on_lazy_continuation_lines_and_fix_fixes_them(site_copy):
    path = write(site_copy, "fr/listes.md", LAZY_PAGE)
    lines = LAZY_PAGE.split("\n")
    result = run("check", "--source", str(site_copy), str(path))
    typography = findings(result.stdout, rule="typography")
    marks = [re.search(r"before “(.)”", f["message"]) for f in typography]
    # Every ":", ";", "!", "?", "»" of the prose is reported where it is in the file.
    expected = {(number, column) for number, line in enumerate(lines, start=1) if number > 5
                for column, character in enumerate(line, start=1) if character in ":;!?»"}
    assert {(int(f["line"]), int(f["column"])) for f, mark in zip(typography, marks) if mark} == expected, result.stdout
    for finding, mark in zip(typography, marks):
        line = lines[int(finding["line"]) - 1]
        if mark:
            assert line[int(finding["column"]) - 1] == mark[1], (finding, line)
    # The «, the ordinal and the "etc..." of the last item, its second line lazy.
    others = {(int(f["line"]), int(f["column"])) for f, mark in zip(typography, marks) if not mark}
    assert others == {(len(lines) - 2, lines[-3].index("«") + 1), (len(lines) - 1, lines[-2].index("2ème") + 1),
                      (len(lines) - 1, lines[-2].index("etc...") + 1)}, result.stdout
    fixed = run("check", "--source", str(site_copy), "--fix", str(path))
    assert f"Content/fr/listes.md: {len(typography)} fixes applied" in fixed.stderr, fixed.stderr
    assert "not fixed" not in fixed.stderr
    assert findings(fixed.stdout, rule="typography") == []
    assert findings(run("check", "--source", str(site_copy), str(path)).stdout, rule="typography") == []


def test_a_broken_non_ascii_anchor_is_reported_at_its_markdown_line(site_copy):
    page = site_copy / "Content" / "fr" / "a-propos.md"
    text = page.read_text(encoding="utf-8")
    anchors = ["#café", "#über-uns", "<#deux mots>", "#🙂", "#cafe\u0301-nfd"]
    page.write_text(text + "".join(f"\nVoir [la section {index}]({anchor}).\n" for index, anchor in enumerate(anchors)), encoding="utf-8")
    first = text.count("\n") + 2
    result = run("check", "--links", "--source", str(site_copy))
    assert result.returncode == 1
    broken = [line for line in result.stderr.splitlines() if "broken anchor" in line]
    assert len(broken) == len(anchors), result.stderr
    prefix = len("Voir [la section 0](")
    assert sorted(line.split(": error:")[0] for line in broken) == sorted(
        f"Content/fr/a-propos.md:{first + 2 * index}:{prefix + 1 + anchor.startswith('<')}" for index, anchor in enumerate(anchors)), result.stderr


def test_a_missing_language_folder_is_named_as_build_names_it(site_copy):
    import shutil
    shutil.rmtree(site_copy / "Content" / "en")
    checked = run("check", "--source", str(site_copy))
    built = run("build", "--source", str(site_copy), "--output", str(site_copy / "Site"))
    assert checked.returncode == 1 and built.returncode != 0
    problem = findings(checked.stdout, file="Content/en")
    assert [(f["rule"], f["message"]) for f in problem] == [("source", "no content folder for language 'en'")], checked.stdout
    assert "no content folder for language 'en'" in built.stderr
    assert "chmod" not in checked.stdout
