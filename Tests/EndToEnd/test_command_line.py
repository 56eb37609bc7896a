"""The command line as CI and editors use it: exit codes, messages, the output left alone on failure."""
import pytest

from conftest import run


def test_help_on_every_command():
    for arguments in (["--help"], ["build", "--help"]):
        result = run(*arguments)
        assert result.returncode == 0
        assert "--source" in result.stdout or "build" in result.stdout


def test_usage_errors_exit_2(site_copy):
    assert run("build", "--no-such-option").returncode == 2
    result = run("build", "--source", str(site_copy), "--lang", "de")
    assert result.returncode == 2
    assert "de" in result.stderr
    assert run("build", "--source", str(site_copy), "--base-url", "nowhere").returncode == 2


def test_content_errors_exit_1_and_list_every_error(site_copy):
    output = site_copy / "Site"
    assert run("build", "--source", str(site_copy)).returncode == 0
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    (site_copy / "Content" / "fr" / "casse.md").write_text("---\ntitle: Cassé\n---\n[x](absente.md)\n", encoding="utf-8")
    (site_copy / "Content" / "en" / "broken.md").write_text("---\ntitle: Broken\ndescription: x\naudiences: [journalist]\n---\n", encoding="utf-8")
    result = run("build", "--source", str(site_copy))
    assert result.returncode == 1
    assert "Content/fr/casse.md:2" in result.stderr and "missing required key 'description'" in result.stderr
    assert "Content/en/broken.md:4" in result.stderr and "did you mean 'journalistes'?" in result.stderr
    assert "build failed: 2 errors" in result.stderr
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before


def test_one_language_with_its_own_host(site_copy):
    result = run("build", "--source", str(site_copy), "--lang", "en", "--base-url", "https://en.cleiss.example/")
    assert result.returncode == 0, result.stderr
    output = site_copy / "Site"
    assert (output / "en" / "index.html").exists()
    assert not (output / "fr").exists()
    assert result.stdout.strip().splitlines()[-1].startswith("en: ")


@pytest.mark.parametrize("options, stages", [
    (["--no-search"], ["load", "parse", "check", "markdown", "render", "write"]),
    (["--compress"], ["load", "parse", "check", "markdown", "render", "write", "search", "compress"]),
])
def test_timings_per_stage(site_copy, options, stages):
    """The search stage is there when Pagefind is (make test puts it on the PATH)."""
    result = run("build", "--source", str(site_copy), "--timings", *options)
    assert result.returncode == 0, result.stderr
    timings = next(line for line in result.stdout.splitlines() if line.startswith("timings: "))
    assert [part.split()[0] for part in timings.removeprefix("timings: ").split(", ")] == stages
