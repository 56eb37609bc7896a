"""Sources and outputs that nobody on the project made: symbolic links out of the site and in
loops, files a person added to the output, links put in the output, two processes writing into one
output, a build killed midway. Nothing outside the site is published, nothing outside the output
is touched, and nothing runs forever."""
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import binary, run
from test_serve import Serve, free_port

SECONDS = 120  # a debug build on a busy machine; a walk that never ends is stopped there


def build(site: Path, output: Path, *extra: str):
    return subprocess.run([binary(), "build", "--source", str(site), "--output", str(output), "--no-search", *extra],
                          capture_output=True, text=True, timeout=SECONDS)


def files_under(folder: Path):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file() or path.is_symlink())


def test_a_link_out_of_the_site_is_an_error_and_nothing_of_it_is_published(site_copy, tmp_path):
    (site_copy / "Content/en/env.txt").symlink_to("/proc/self/environ")
    (site_copy / "Content/fr/passwd.md").symlink_to("/etc/passwd")
    output = tmp_path / "out"
    result = build(site_copy, output)
    assert result.returncode == 1
    assert "Content/en/env.txt: error: the symbolic link points to /proc/self/environ, outside the site" in result.stderr
    assert "Content/fr/passwd.md: error: the symbolic link points to /etc/passwd, outside the site" in result.stderr
    assert "copy the file into the site instead of linking to it, or remove the link" in result.stderr
    assert not output.exists()
    check = run("check", "--source", str(site_copy))
    assert check.returncode == 1 and "Content/en/env.txt" in check.stdout


def test_a_link_inside_the_site_is_published(site_copy, tmp_path):
    (site_copy / "Shared").mkdir()
    (site_copy / "Shared/notice.txt").write_text("shared notice\n", encoding="utf-8")
    (site_copy / "Content/en/notice.txt").symlink_to("../../Shared/notice.txt")
    result = build(site_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/en/notice.txt").read_text(encoding="utf-8") == "shared notice\n"
    assert not (tmp_path / "out/en/notice.txt").is_symlink()


@pytest.mark.parametrize("command", ["build", "check", "report"])
def test_a_link_loop_is_an_error_naming_it_and_is_never_walked(site_copy, tmp_path, command):
    (site_copy / "Content/fr/d").mkdir()
    (site_copy / "Content/fr/d/up").symlink_to("..")
    (site_copy / "Content/en/loop").symlink_to(".")
    arguments = {"build": ["build", "--no-search", "--output", str(tmp_path / "out")], "check": ["check"], "report": ["report", "pages"]}[command]
    try:
        result = subprocess.run([binary(), *arguments, "--source", str(site_copy)], capture_output=True, text=True, timeout=SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} walked the loop for {SECONDS} s")
    assert result.returncode == 1
    messages = result.stdout + result.stderr
    assert "Content/fr/d/up" in messages and "Content/en/loop" in messages
    assert "a folder that contains it" in messages


# Root reads a folder without permissions through two capabilities: CI runs as root, so the build
# runs without them there (util-linux's setpriv), as an editor's build runs without them anyway.
WITHOUT_READ_OVERRIDE = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"] \
    if os.geteuid() == 0 else []


def test_an_unreadable_folder_is_an_error(site_copy, tmp_path):
    folder = site_copy / "Content/fr/private"
    folder.mkdir()
    (folder / "page.md").write_text("---\ntitle: Privé\n---\nTexte.\n", encoding="utf-8")
    folder.chmod(0)
    try:
        result = subprocess.run([*WITHOUT_READ_OVERRIDE, binary(), "build", "--source", str(site_copy), "--output", str(tmp_path / "out"),
                                 "--no-search"], capture_output=True, text=True, timeout=SECONDS)
        assert result.returncode == 1
        assert "Content/fr/private: error: cannot read the folder" in result.stderr
    finally:
        folder.chmod(0o755)


def test_a_rebuild_never_touches_what_a_link_in_the_output_points_to(site_copy, tmp_path):
    output = tmp_path / "out"
    assert build(site_copy, output).returncode == 0
    data = tmp_path / "data"
    data.mkdir()
    (data / "report.pdf").write_text("precious", encoding="utf-8")
    (output / "uploads").symlink_to(data)
    # Only French: the rebuild removes the English files, and must remove only its own.
    result = build(site_copy, output, "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert (data / "report.pdf").read_text(encoding="utf-8") == "precious"
    assert (output / "uploads").is_symlink()
    assert "not written by cleiss-site, left in place: uploads" in result.stderr
    assert not (output / "en").exists()


def test_files_a_person_added_to_the_output_are_reported_and_kept(site_copy, tmp_path):
    output = tmp_path / "out"
    assert build(site_copy, output).returncode == 0
    (output / "google1234.html").write_text("google-site-verification", encoding="utf-8")
    (output / "fr/extra").mkdir()
    (output / "fr/extra/notes.txt").write_text("mine", encoding="utf-8")
    before = {path: (output / path).stat().st_mtime_ns for path in files_under(output)}
    result = build(site_copy, output)
    assert result.returncode == 0, result.stderr
    assert "not written by cleiss-site, left in place: fr/extra/notes.txt, google1234.html" in result.stderr
    assert (output / "google1234.html").read_text(encoding="utf-8") == "google-site-verification"
    assert (output / "fr/extra/notes.txt").read_text(encoding="utf-8") == "mine"
    # An unchanged rebuild writes no file, the list of the build's files included.
    assert {path: (output / path).stat().st_mtime_ns for path in files_under(output)} == before
    assert (output / ".cleiss-site-output").stat().st_mtime_ns == before[".cleiss-site-output"]


def test_writing_through_a_link_in_the_output_is_refused(site_copy, tmp_path):
    output = tmp_path / "out"
    assert build(site_copy, output).returncode == 0
    elsewhere = tmp_path / "elsewhere"
    (output / "fr").rename(elsewhere)
    (output / "fr").symlink_to(elsewhere)
    before = {path: (elsewhere / path).read_bytes() for path in files_under(elsewhere)}
    page = site_copy / "Content/fr/contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    result = build(site_copy, output)
    assert result.returncode == 1
    assert f"{output}/fr: error: a symbolic link (or a file) stands where the build writes a folder" in result.stderr
    assert {path: (elsewhere / path).read_bytes() for path in files_under(elsewhere)} == before
    assert (output / "fr").is_symlink()


def test_a_second_build_into_the_same_output_fails_at_once_naming_the_first(site_copy, tmp_path):
    output = tmp_path / "out"
    lock = tmp_path / ".out.cleiss-site-lock"
    first = subprocess.Popen([binary(), "build", "--source", str(site_copy), "--output", str(output), "--no-search"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + SECONDS
    while not lock.exists() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert lock.exists(), "the first build took no lock on its output"
    second = build(site_copy, output, "--base-url", "https://other.example.org/")
    _, errors = first.communicate(timeout=SECONDS)
    assert first.returncode == 0, errors
    assert second.returncode == 1
    assert f"another cleiss-site (process {first.pid}) is writing into this output folder" in second.stderr
    # The site is the first build's alone, and the lock is gone with it.
    assert "other.example.org" not in (output / "fr/index.html").read_text(encoding="utf-8")
    assert not lock.exists()


def test_a_build_into_the_output_of_a_running_preview_fails(site_copy, tmp_path):
    output = tmp_path / "preview"
    serve = Serve(site_copy, free_port(), "--output", str(output))
    try:
        serve.ready()
        result = build(site_copy, output)
        assert result.returncode == 1
        assert f"another cleiss-site (process {serve.process.pid}) is writing into this output folder" in result.stderr
        other = Serve(site_copy, free_port(), "--output", str(output))
        assert other.process.wait(timeout=SECONDS) == 1
    finally:
        serve.stop()


def test_a_build_killed_midway_leaves_nothing_in_the_output(site_copy, tmp_path):
    output = tmp_path / "out"
    assert build(site_copy, output).returncode == 0
    # Another base URL changes every page: a long update to kill in the middle of.
    process = subprocess.Popen([binary(), "build", "--source", str(site_copy), "--output", str(output), "--no-search",
                                "--base-url", "https://other.example.org/"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed = False
    deadline = time.monotonic() + SECONDS
    while process.poll() is None and time.monotonic() < deadline:
        names = [path.name for path in tmp_path.iterdir()] + [path.name for path in output.rglob("*")]
        if any("pending" in name for name in names):
            process.send_signal(signal.SIGKILL)
            killed = True
            break
    process.wait()
    assert killed, "the build ended before anything was pending"
    assert not [path for path in files_under(output) if "pending" in path]
    assert "other.example.org" not in (output / "fr/index.html").read_text(encoding="utf-8")
    # The next build removes what the killed one left beside the output.
    result = build(site_copy, output)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out", "site"]


def test_check_fix_keeps_a_linked_page_a_link(site_copy):
    (site_copy / "Drafts").mkdir()
    target = site_copy / "Drafts/essai.md"
    target.write_text("---\ntitle: \"Un essai\"\ndescription: \"Un essai.\"\n---\nAttention : voir le point !\n", encoding="utf-8")
    page = site_copy / "Content/fr/essai.md"
    page.symlink_to("../../Drafts/essai.md")
    result = run("check", "--source", str(site_copy), "--fix", str(page))
    assert page.is_symlink()
    assert "Attention\u00a0: voir le point\u00a0!" in target.read_text(encoding="utf-8")
    # A link to a file outside the site is not fixed at all.
    outside = site_copy.parent / "outside.md"
    outside.write_text(target.read_text(encoding="utf-8").replace("\u00a0", " "), encoding="utf-8")
    page.unlink()
    page.symlink_to(outside)
    result = run("check", "--source", str(site_copy), "--fix", str(page))
    assert page.is_symlink()
    assert "Attention : voir le point !" in outside.read_text(encoding="utf-8")
    assert result.returncode == 1


def test_a_link_out_of_the_site_in_the_theme_is_an_error(site_copy, tmp_path):
    (site_copy / "Themes/default/assets/keys.txt").symlink_to("/etc/passwd")
    (site_copy / "Themes/default/i18n/en.yml").unlink()
    (site_copy / "Themes/default/i18n/en.yml").symlink_to("/etc/hostname")
    result = build(site_copy, tmp_path / "out")
    assert result.returncode == 1
    assert "Themes/default/assets/keys.txt: error: the symbolic link points to /etc/passwd, outside the site" in result.stderr
    assert "Themes/default/i18n/en.yml: error: the symbolic link points to /etc/hostname, outside the site" in result.stderr
    assert not (tmp_path / "out").exists()


def test_checking_a_file_that_does_not_exist_is_an_error(site_copy):
    result = run("check", "--source", str(site_copy), str(site_copy / "Content/fr/missing.md"))
    assert result.returncode == 2
    assert "Content/fr/missing.md: no such file or folder" in result.stderr
