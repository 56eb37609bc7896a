"""Hostile pages: each one, in a copy of the site, through `build`, `check` and `report pages`.

A page above a limit of site.yml's `limits:` is an error naming the file, the line and the limit, with
exit 1; a page within the limits builds. Nothing crashes, stalls or eats the machine: every run is
bounded in time (generous: a minute, where a fixed build takes seconds) and in peak memory, which the
kernel measures for the child process itself (os.wait4).
"""
import os
import subprocess
import tempfile
import threading
import time

import pytest

from conftest import binary

FRONT_MATTER = '---\ntitle: "Page hostile"\ndescription: "Une page pour éprouver la construction."\n---\n'
PAGE = "Content/fr/hostile.md"
SECONDS = 60
PEAK_MEGABYTES = 500

# Name, body (from line 5), the line of the error, the site.yml key named.
ABOVE_A_LIMIT = [
    ("block quotes", ">" * 50_000 + " a\n", 5, "limits.nesting"),
    ("quotes and list items", "> - " * 25_000 + "a\n", 5, "limits.nesting"),
    ("emphasis", "*" * 50_000 + "a" + "*" * 50_000 + "\n", 5, "limits.nesting"),
    # cmark-gfm 0.29.0.gfm.6 pads every row to the header: 110 s and 5.2 GB before (CVE-2023-37463).
    ("wide header", "Avant.\n\n|" + "cellule|" * 1_500 + "\n|" + "-|" * 1_500 + "\n" + "|a|\n" * 2_000, 7, "limits.tableCells"),
    # One row of 60,000 cells: 16.8 s and 630 MB before.
    ("header only", "|" + "a|" * 60_000 + "\n|" + "-|" * 60_000 + "\n", 5, "limits.tableCells"),
    ("over a megabyte", "Une phrase simple pour remplir la page.\n\n" * 30_000, 1, "limits.pageBytes"),
]

COMMANDS = {
    "build": lambda site: ["build", "--source", str(site), "--output", str(site.parent / "out")],
    "check": lambda site: ["check", "--source", str(site)],
    "report": lambda site: ["report", "pages", "--source", str(site)],
}


def run_bounded(arguments, cwd):
    """Runs the binary, killed after SECONDS: (exit code, stdout + stderr, seconds, peak RSS in MB)."""
    with tempfile.TemporaryFile() as output:
        start = time.monotonic()
        process = subprocess.Popen([binary(), *arguments], cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        timer = threading.Timer(SECONDS, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        output.seek(0)
        return process.returncode, output.read().decode("utf-8", "replace"), seconds, usage.ru_maxrss / 1024


def run_with_page(site, body, command, site_yml_addition=""):
    (site / PAGE).write_text(FRONT_MATTER + body, encoding="utf-8")
    if site_yml_addition:
        with open(site / "site.yml", "a", encoding="utf-8") as file:
            file.write(site_yml_addition)
    code, output, seconds, megabytes = run_bounded(COMMANDS[command](site), cwd=site)
    assert seconds < SECONDS and code >= 0, f"{command} was killed or crashed (exit {code}) after {seconds:.1f} s:\n{output[-2000:]}"
    assert megabytes < PEAK_MEGABYTES, f"{command} took {megabytes:.0f} MB"
    return code, output


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name, body, line, key", ABOVE_A_LIMIT, ids=[page[0] for page in ABOVE_A_LIMIT])
def test_a_page_above_a_limit_is_an_error_naming_file_line_and_key(site_copy, name, body, line, key, command):
    code, output = run_with_page(site_copy, body, command)
    assert code == 1, output[-2000:]
    error = next((text for text in output.splitlines() if text.startswith(f"{PAGE}:{line}:") and key in text), None)
    assert error is not None and "error" in error, output[-2000:]
    assert f"raise 'limits: {{{key.split('.')[1]}: …}}' in site.yml" in output


DEEP = [body for name, body, _, key in ABOVE_A_LIMIT if key == "limits.nesting"] + ["[" * 50_000 + "a" + "](_index.md)" * 50_000 + "\n"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("body", DEEP, ids=["block quotes", "quotes and list items", "emphasis", "links"])
def test_deep_pages_allowed_by_site_yml_do_not_crash(site_copy, body, command):
    """Past the limit, raised in site.yml: the charter's tree reader (which recursed once per level and
    crashed with SIGSEGV) and the link checker read them without recursion."""
    code, output = run_with_page(site_copy, body, command, "limits: {nesting: 1000000}\n")
    assert code == 0, output[-2000:]


def test_forty_thousand_identical_headings_build_with_numbered_ids(site_copy):
    """The ids were probed -2, -3… from the start for each heading: quadratic (10,000 took 8 s)."""
    code, output = run_with_page(site_copy, "## Même titre\n\n" * 40_000, "build")
    assert code == 0, output[-2000:]
    html = (site_copy.parent / "out" / "fr" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="meme-titre">' in html and '<h2 id="meme-titre-40000">' in html


def test_fifty_thousand_bare_links_on_one_line_are_checked(site_copy):
    """The charter counted each link's column, and decoded the line, from the start of the line: quadratic."""
    code, output = run_with_page(site_copy, "Voir www.cleiss.fr " * 50_000 + "\n", "check")
    assert code == 1
    assert output.count("[link-text] The link text is a bare URL.") == 50_000


def test_a_nul_character_is_replaced_with_a_warning_and_the_page_kept(site_copy):
    """Before, cmark-gfm was handed a C string: the page ended at the NUL, silently."""
    code, output = run_with_page(site_copy, "Avant.\n\nMilieu \0 après.\n\nFin du texte.\n", "build")
    assert code == 0, output[-2000:]
    assert f"{PAGE}:7: warning: a NUL character (an invisible zero byte) was replaced by '\ufffd' on line 7" in output
    html = (site_copy.parent / "out" / "fr" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "Milieu \ufffd après." in html and "Fin du texte." in html
