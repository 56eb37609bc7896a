"""`make publish`: one archive per language, deterministic, with SHA256SUMS beside them. Each check
is also run on a broken archive or manifest, and must fail."""
import hashlib
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from conftest import REPOSITORY, binary, copy_sources, fill_in_legal_notice
from html_pages import TreeBuilder

BASE_URLS = {"fr": "https://www.cleiss.fr/", "en": "https://en.example.org/"}
ARCHIVES = {language: f"cleiss-site-{language}.tar.gz" for language in BASE_URLS}


def publish(folder: Path, source: Path, *variables: str) -> subprocess.CompletedProcess:
    """`make publish` with the binary under test, deps and build taken as done (-o), not told the
    flags of a `make test` that runs these tests."""
    environment = {name: value for name, value in os.environ.items() if name not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "--no-print-directory", "-o", "deps", "-o", "build", "publish", f"BIN={binary()}",
                           f"PUBLISH_DIR={folder}", f"SOURCE={source}", f"BASE_URL_EN={BASE_URLS['en']}", *variables],
                          cwd=REPOSITORY, env=environment, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """The site with its legal notice filled in: a build for publication refuses it empty."""
    root = copy_sources(tmp_path_factory.mktemp("source") / "site")
    fill_in_legal_notice(root)
    return root


@pytest.fixture(scope="module")
def published(tmp_path_factory, source) -> Path:
    folder = tmp_path_factory.mktemp("publish")
    result = publish(folder, source)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def members(archive: Path) -> list[tarfile.TarInfo]:
    with tarfile.open(archive, "r:gz") as tar:
        return tar.getmembers()


# The checks.

def check_manifest(folder: Path, names):
    lines = (folder / "SHA256SUMS").read_text().splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines)
    assert sorted(listed) == sorted(names), lines
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, f"the checksum of {name}"


def check_listing(archive: Path, language: str, site: Path):
    """The whole site of `language` with its twins, and nothing else."""
    names = {member.name for member in members(archive) if member.isfile()}
    other = next(code for code in BASE_URLS if code != language)
    page = TreeBuilder()
    page.feed((site / language / "index.html").read_text(encoding="utf-8"))
    stylesheet = "." + next(page.root.find_all("link", rel="stylesheet")).attributes["href"]
    expected = [f"./{language}/index.html", f"./{language}/404.html", "./sitemap.xml", "./robots.txt", stylesheet, "./.nginx-redirects.map"]
    expected += [f"./{language}/index.html{suffix}" for suffix in (".gz", ".br")] + [f"{stylesheet}{suffix}" for suffix in (".gz", ".br")]
    missing = [name for name in expected if name not in names]
    assert not missing, missing
    assert not any(name.startswith(f"./{other}/") for name in names), f"no page of {other}"
    assert "./.cleiss-site-output" not in names, "the build's marker stays out"
    built = {"./" + path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()} - {"./.cleiss-site-output"}
    assert names == built, sorted(names ^ built)[:5]


def check_reproducible(archive: Path):
    """Names sorted, no date, owner or mode of the machine that made it, gzip without name or time."""
    entries = members(archive)
    assert [entry.name for entry in entries] == sorted(entry.name for entry in entries)
    for entry in entries:
        assert (entry.mtime, entry.uid, entry.gid) == (0, 0, 0), (entry.name, entry.mtime, entry.uid, entry.gid)
        assert entry.mode == (0o755 if entry.isdir() else 0o644), (entry.name, oct(entry.mode))
    header = archive.read_bytes()[:10]
    assert header[3] & 0x08 == 0 and header[4:8] == b"\0\0\0\0", "gzip -n: no name, no time"


# The archives as published.

def test_the_manifest_checks_each_archive(published):
    check_manifest(published, ARCHIVES.values())


@pytest.mark.parametrize("language", BASE_URLS)
def test_each_archive_holds_its_language_whole(published, language):
    archive = published / ARCHIVES[language]
    check_listing(archive, language, published / language)
    check_reproducible(archive)
    with tarfile.open(archive, "r:gz") as tar:
        home = tar.extractfile(f"./{language}/index.html").read().decode()
    page = TreeBuilder()
    page.feed(home)
    canonical = next(page.root.find_all("link", rel="canonical")).attributes["href"]
    assert canonical == f"{BASE_URLS[language]}{language}/", "built for its own host"


def test_publishing_again_gives_the_same_bytes(published, source, tmp_path):
    result = publish(tmp_path, source)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "SHA256SUMS").read_text() == (published / "SHA256SUMS").read_text()


def test_publishing_refuses_a_legal_notice_left_empty(tmp_path):
    result = publish(tmp_path, REPOSITORY)
    assert result.returncode != 0
    assert "error: legalNotice.publicationDirector is empty" in result.stderr
    assert not (tmp_path / "SHA256SUMS").exists() and not list(tmp_path.glob("*.tar.gz"))


def test_an_unknown_language_fails_and_says_so(source, tmp_path):
    result = publish(tmp_path, source, "PUBLISH_LANG=de")
    assert result.returncode != 0
    assert "--lang de" in result.stderr + result.stdout
    assert not (tmp_path / "SHA256SUMS").exists()


# Each check on a broken manifest or archive: it must fail.

def test_a_tampered_archive_fails_the_manifest(published, tmp_path):
    for name in ARCHIVES.values():
        (tmp_path / name).write_bytes((published / name).read_bytes())
    (tmp_path / "SHA256SUMS").write_text((published / "SHA256SUMS").read_text())
    data = bytearray((tmp_path / ARCHIVES["fr"]).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / ARCHIVES["fr"]).write_bytes(bytes(data))
    with pytest.raises(AssertionError):
        check_manifest(tmp_path, ARCHIVES.values())
    with pytest.raises(AssertionError):
        check_manifest(published, [ARCHIVES["fr"]])


def pack(folder: Path, archive: Path):
    """An archive as a plain `tarfile` makes it: the files' own dates, the folder's order."""
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=".")


def test_an_archive_without_twins_fails_the_listing(published, tmp_path):
    site = tmp_path / "fr"
    shutil.copytree(published / "fr", site)
    for twin in [*site.rglob("*.gz"), *site.rglob("*.br")]:
        twin.unlink()
    pack(site, tmp_path / "plain.tar.gz")
    with pytest.raises(AssertionError):
        check_listing(tmp_path / "plain.tar.gz", "fr", site)


def test_an_archive_with_dates_fails_reproducibility(published, tmp_path):
    pack(published / "fr", tmp_path / "dated.tar.gz")
    with pytest.raises(AssertionError):
        check_reproducible(tmp_path / "dated.tar.gz")
