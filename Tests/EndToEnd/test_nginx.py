"""The built site served by Debian's nginx on the sample configuration Deploy/nginx/cleiss.conf:
pages of both languages, the 404 of each, old URLs as 301s, the precompressed twins, cache and
security headers. Each check is then run against a broken configuration or build, and must fail."""
import gzip
import http.client
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPOSITORY, run
from html_pages import TreeBuilder, parse
from nginx_server import SAMPLE, Nginx
from test_serve import free_port

TEXT_SUFFIXES = {".html", ".css", ".js", ".xml", ".json", ".svg", ".txt"}
HASHED_ASSET = re.compile(r"/assets/[^/]+\.[0-9a-f]{12}\.[a-z0-9]+")
IMMUTABLE = "public, max-age=31536000, immutable"
SECURITY_HEADERS = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy"]


@pytest.fixture(scope="module")
def compressed(tmp_path_factory) -> Path:
    """The real site built with --compress, its stylesheet named with a hash of its bytes, plus two
    copies named so as to only look like it (11 digits, capitals), each with the stylesheet's twins."""
    output = tmp_path_factory.mktemp("compressed") / "Site"
    result = run("build", "--source", str(REPOSITORY), "--output", str(output), "--compress")
    assert result.returncode == 0, result.stderr
    hashed = output / stylesheet_of(output).lstrip("/")
    for name in ("cleiss.0123456789a.css", "cleiss.0123456789AB.css"):
        for suffix in ("", ".gz", ".br"):
            shutil.copy(f"{hashed}{suffix}", output / "assets" / f"{name}{suffix}")
    return output


def stylesheet_of(output: Path) -> str:
    """The stylesheet the built pages link: /assets/cleiss.<12 hex digits of its hash>.css."""
    home = TreeBuilder()
    home.feed((output / "fr" / "index.html").read_text(encoding="utf-8"))
    return next(home.root.find_all("link", rel="stylesheet")).attributes["href"]


@pytest.fixture(scope="module")
def server(compressed, tmp_path_factory):
    with Nginx(compressed, tmp_path_factory.mktemp("nginx"), free_port()) as nginx:
        yield nginx


def fetch(nginx: Nginx, path: str, encoding: str | None = None):
    """(status, headers, body) of a GET, redirects not followed, nothing decompressed."""
    connection = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def aliases():
    """Every alias of the French and English pages, from their front matter."""
    found = []
    for path in sorted((REPOSITORY / "Content").rglob("*.md")):
        matter = yaml.safe_load(path.read_text(encoding="utf-8").split("\n---", 1)[0].removeprefix("---\n")) or {}
        found += matter.get("aliases") or []
    assert found, "the site has aliases to test"
    return found


# The checks, each on a running server and the output it serves.

def check_pages(nginx, output):
    for language in ("fr", "en"):
        status, headers, body = fetch(nginx, f"/{language}/")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8", (language, status, headers["Content-Type"])
        assert f'<html lang="{language}"'.encode() in body
        folder = next(path.parent for path in sorted((output / language).glob("*/index.html")))
        url = "/" + folder.relative_to(output).as_posix() + "/"
        status, _, body = fetch(nginx, url)
        assert status == 200 and body == (folder / "index.html").read_bytes(), (url, status)
        status, headers, _ = fetch(nginx, url.rstrip("/"))
        assert status == 301 and headers["Location"] == url, (url, status, headers["Location"])


def check_not_found(nginx, output, language):
    status, headers, body = fetch(nginx, f"/{language}/no-such-page/")
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8", (language, status)
    assert body == (output / language / "404.html").read_bytes(), f"the 404 page of {language}"


def check_aliases(nginx, output):
    for alias in aliases():
        canonical = next(parse(output / alias.strip("/") / "index.html").root.find_all("link", rel="canonical")).attributes["href"]
        for path in (alias, alias.rstrip("/")):
            status, headers, _ = fetch(nginx, path)
            assert (status, headers["Location"]) == (301, canonical), (path, status, headers["Location"])


def check_precompressed(nginx, output, path, encoding):
    """`path` is sent as its twin's bytes to a browser that accepts `encoding`, and as itself to others."""
    suffix = {"gzip": ".gz", "br": ".br"}[encoding]
    file = output / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    twin = file.with_name(file.name + suffix)
    assert twin.exists(), f"{twin} was built"
    status, headers, body = fetch(nginx, path, encoding)
    assert status == 200 and headers["Content-Encoding"] == encoding, (path, status, headers["Content-Encoding"])
    assert body == twin.read_bytes(), f"{path} is sent from {twin.name}, not compressed on the fly"
    assert "Accept-Encoding" in (headers["Vary"] or "")
    if encoding == "gzip":
        assert gzip.decompress(body) == file.read_bytes()
    status, headers, body = fetch(nginx, path)
    assert status == 200 and headers["Content-Encoding"] is None and body == file.read_bytes()


def check_cache(nginx):
    for path in ("/fr/", "/en/", "/sitemap.xml", "/robots.txt", "/assets/cleiss.0123456789a.css", "/assets/cleiss.0123456789AB.css"):
        status, headers, _ = fetch(nginx, path, "gzip")
        assert status == 200 and headers["Cache-Control"] == "no-cache", (path, headers["Cache-Control"])
    # The stylesheet the pages use, named with its hash: immutable.
    home = TreeBuilder()
    home.feed(fetch(nginx, "/fr/")[2].decode())
    stylesheet = next(home.root.find_all("link", rel="stylesheet")).attributes["href"]
    assert HASHED_ASSET.fullmatch(stylesheet), stylesheet
    status, headers, _ = fetch(nginx, stylesheet, "gzip")
    assert status == 200 and headers["Cache-Control"] == IMMUTABLE and headers["Content-Type"].startswith("text/css"), (stylesheet, headers)


def check_security_headers(nginx):
    for path in ("/fr/", "/assets/cleiss.0123456789a.css", "/en/no-such-page/", aliases()[0]):
        _, headers, _ = fetch(nginx, path)
        missing = [name for name in SECURITY_HEADERS if not headers[name]]
        assert not missing, (path, missing)
        assert headers["X-Content-Type-Options"] == "nosniff" and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["Server"] == "nginx", "no version"


def check_hidden_files(nginx, output):
    for path in ("/.nginx-redirects.map", "/.cleiss-site-output"):
        status, _, body = fetch(nginx, path)
        assert status == 404 and body == (output / "fr" / "404.html").read_bytes(), (path, status)


def check_twins(output):
    """Every text file of the output has a .gz twin that gunzips to it (and a .br twin) when they are
    smaller; no other file has one."""
    files = [path for path in output.rglob("*") if path.is_file() and path.suffix not in (".gz", ".br")]
    texts = [path for path in files if path.suffix in TEXT_SUFFIXES]
    assert len(texts) > 50
    for path in texts:
        data = path.read_bytes()
        for suffix in (".gz", ".br"):
            twin = path.with_name(path.name + suffix)
            assert twin.exists() or len(data) < 100, f"{twin.relative_to(output)} was written"
            assert not twin.exists() or twin.stat().st_size < len(data), f"{twin.relative_to(output)} is smaller"
        gzipped = path.with_name(path.name + ".gz")
        assert not gzipped.exists() or gzip.decompress(gzipped.read_bytes()) == data, f"{gzipped.relative_to(output)} gunzips to its file"
    for path in files:
        if path.suffix not in TEXT_SUFFIXES:
            assert not path.with_name(path.name + ".gz").exists() and not path.with_name(path.name + ".br").exists(), path


# The site as built and served.

def test_every_text_file_has_its_twins(compressed):
    check_twins(compressed)


def test_a_build_without_compress_removes_the_twins(compressed, tmp_path):
    output = tmp_path / "Site"
    shutil.copytree(compressed, output)
    result = run("build", "--source", str(REPOSITORY), "--output", str(output))
    assert result.returncode == 0, result.stderr
    # The copies the fixture added are not the build's: they stay, reported; every twin the build wrote goes.
    added = {output / "assets" / f"{name}{suffix}" for name in ("cleiss.0123456789a.css", "cleiss.0123456789AB.css") for suffix in ("", ".gz", ".br")}
    assert not [path for path in output.rglob("*") if path.suffix in (".gz", ".br") and path not in added]
    assert all(path.exists() for path in added) and "not written by cleiss-site, left in place" in result.stderr
    assert run("build", "--source", str(REPOSITORY), "--output", str(output), "--compress").returncode == 0
    check_twins(output)
    for path in output.rglob("*.[gb][zr]"):
        assert path.read_bytes() == (compressed / path.relative_to(output)).read_bytes(), f"{path} is the same as in the first build"

def test_pages_of_both_languages_at_pretty_urls(server, compressed):
    check_pages(server, compressed)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_language_has_its_404(server, compressed, language):
    check_not_found(server, compressed, language)


def test_old_urls_answer_301_to_their_page(server, compressed):
    check_aliases(server, compressed)


@pytest.mark.parametrize("path", ["/fr/", "/en/", "stylesheet", "/sitemap.xml"])
@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_twins_are_sent_as_they_are(server, compressed, path, encoding):
    check_precompressed(server, compressed, stylesheet_of(compressed) if path == "stylesheet" else path, encoding)


def test_cache_headers(server):
    check_cache(server)


def test_security_headers(server):
    check_security_headers(server)


def test_dot_files_are_not_served(server, compressed):
    check_hidden_files(server, compressed)


# Each check against a broken configuration: it must fail.

def broken(sample: str, old: str, new: str) -> str:
    assert old in sample, f"the sample has {old!r}"
    return sample.replace(old, new)


BROKEN = {
    "no index": ("index index.html;", "index home.html;", lambda nginx, output: check_pages(nginx, output)),
    "one 404 for both languages": ("        error_page 404 /en/404.html;\n", "", lambda nginx, output: check_not_found(nginx, output, "en")),
    "no 301": ("return 301 $cleiss_redirect;", "set $unused 1;", check_aliases),
    "no gzip_static (gzip on the fly)": ("gzip_static on;", "gzip_static off;", lambda nginx, output: check_precompressed(nginx, output, "/fr/", "gzip")),
    "no brotli_static": ("brotli_static on;", "brotli_static off;", lambda nginx, output: check_precompressed(nginx, output, "/fr/", "br")),
    "no cache header": ("add_header Cache-Control $cleiss_cache_control always;", "", lambda nginx, output: check_cache(nginx)),
    "every asset immutable": (r"\.[0-9a-f]{12}\.", r"\.", lambda nginx, output: check_cache(nginx)),
    "no nosniff": ('add_header X-Content-Type-Options "nosniff" always;', "", lambda nginx, output: check_security_headers(nginx)),
    "dot files served": ("return 404;", "", check_hidden_files),
}


@pytest.mark.parametrize("name", BROKEN)
def test_each_check_catches_a_broken_configuration(compressed, tmp_path, name):
    old, new, check = BROKEN[name]
    with Nginx(compressed, tmp_path / "nginx", free_port(), broken(SAMPLE.read_text(), old, new)) as nginx:
        with pytest.raises(AssertionError):
            check(nginx, compressed)


def test_a_build_without_compress_is_caught(built, tmp_path):
    output, _ = built
    with pytest.raises(AssertionError):
        check_twins(output)
    with Nginx(output, tmp_path / "nginx", free_port()) as nginx:
        for encoding in ("gzip", "br"):
            with pytest.raises(AssertionError):
                check_precompressed(nginx, output, "/fr/", encoding)
