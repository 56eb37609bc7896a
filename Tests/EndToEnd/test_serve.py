"""`cleiss-site serve` as a person uses it: a copy of the real site served on a free port, pages
fetched over HTTP, the event stream read while the Markdown is edited, broken and fixed."""
import http.client
import json
import queue
import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import binary, copy_sources

READY_SECONDS = 60      # the first build of a debug binary on a busy machine
EVENT_SECONDS = 20      # from an edit to its event
PAGE = Path("Content/fr/contact.md")
PAGE_URL = "/fr/contact/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, seconds, message):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"not within {seconds} s: {message}")


class Serve:
    """A running `cleiss-site serve`, its output read line by line as it comes."""

    def __init__(self, root: Path, port: int, *extra: str):
        self.port = port
        self.process = subprocess.Popen([binary(), "serve", "--source", str(root), "--port", str(port), *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.stdout, self.stderr = [], []
        for stream, lines in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr)):
            threading.Thread(target=self._collect, args=(stream, lines), daemon=True).start()

    @staticmethod
    def _collect(stream, lines):
        for line in stream:
            lines.append(line.rstrip("\n"))

    def line(self, pattern, seconds=READY_SECONDS, stream="stdout"):
        """The first line matching `pattern`, waiting for it (and failing if serve exits first)."""
        lines = self.stdout if stream == "stdout" else self.stderr

        def found():
            match = next((m for m in map(re.compile(pattern).search, list(lines)) if m), None)
            if match is None and self.process.poll() is not None:
                raise AssertionError(f"serve exited with {self.process.returncode}: {self.stderr}")
            return match
        return wait_until(found, seconds, f"a line matching {pattern!r} in {lines}")

    def ready(self):
        url = self.line(r"^Serving (http://\S+) — Ctrl-C to stop$").group(1)
        self.output = Path(self.line(r"^Output: (\S+)").group(1))
        return url

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                return self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError("serve did not stop within 20 s of SIGINT")
        return self.process.returncode


class EventStream:
    """`/__cleiss-site/events`, parsed into (event, data) pairs by a reader thread."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.connection.request("GET", "/__cleiss-site/events")
        self.response = self.connection.getresponse()
        self.events = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        name, data = "message", []
        try:
            while line := self.response.readline().decode("utf-8"):
                line = line.rstrip("\r\n")
                if line == "":
                    if data:
                        self.events.put((name, json.loads("\n".join(data)), time.monotonic()))
                    name, data = "message", []
                elif line.startswith("event: "):
                    name = line.removeprefix("event: ")
                elif line.startswith("data: "):
                    data.append(line.removeprefix("data: "))
        except (OSError, ValueError, AttributeError, http.client.HTTPException):
            pass  # the stream was closed by the test (AttributeError: http.client racing its own close)

    def next(self, name, seconds=EVENT_SECONDS):
        """The next event called `name` (skipping others), its data and when it arrived."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                event, data, when = self.events.get(timeout=left)
            except queue.Empty:
                break
            if event == name:
                return data, when
        raise AssertionError(f"no '{name}' event within {seconds} s")

    def close(self):
        try:
            self.connection.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.connection.close()


def fetch(port, path, method="GET"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        # A raw request target: http.client sends the path as given, dot segments included.
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = copy_sources(tmp_path_factory.mktemp("serve") / "site")
    serve = Serve(root, free_port())
    serve.url = serve.ready()
    serve.root = root
    yield serve
    serve.stop()


def test_serving_url_and_first_page(served):
    assert served.url == f"http://127.0.0.1:{served.port}/fr/"
    status, headers, body = fetch(served.port, "/fr/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-store"
    # The site is built for the preview's address, with the script added by the server.
    assert f'href="http://127.0.0.1:{served.port}/fr/"' in body
    assert re.search(r'<script src="/__cleiss-site/reload\.js" data-build="\d+" defer></script></body>', body)


def test_content_types_redirects_and_404_pages(served):
    for path, expected in [("/assets/cleiss.css", "text/css; charset=utf-8"), ("/assets/favicon.svg", "image/svg+xml"),
                           ("/sitemap.xml", "application/xml; charset=utf-8"), ("/robots.txt", "text/plain; charset=utf-8"),
                           ("/__cleiss-site/reload.js", "text/javascript; charset=utf-8")]:
        status, headers, body = fetch(served.port, path)
        assert (status, headers["content-type"], headers["cache-control"]) == (200, expected, "no-store"), path
        assert "__cleiss-site/reload.js" not in body or path.endswith(".js"), path
    status, headers, _ = fetch(served.port, "/fr/contact")
    assert (status, headers["location"]) == (302, "/fr/contact/")
    for language in ("fr", "en"):
        status, _, body = fetch(served.port, f"/{language}/no-such-page/")
        assert status == 404
        assert f'<html lang="{language}"' in body and "/__cleiss-site/reload.js" in body


@pytest.mark.parametrize("path", ["/../../../../etc/passwd", "/fr/../../../etc/passwd", "/fr/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                                  "/..%2f..%2f..%2fetc%2fpasswd", "/assets/..%5c..%5cetc/passwd"])
def test_paths_leaving_the_output_are_refused(served, path):
    status, _, body = fetch(served.port, path)
    assert status in (403, 404)
    assert "root:" not in body


def test_edit_break_and_fix_a_page_with_live_reload(served):
    page = served.root / PAGE
    original = page.read_text(encoding="utf-8")
    events = EventStream(served.port)
    try:
        assert events.response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
        build = events.next("connected")[0]["build"]

        # An edit: a reload event, then the new text in the page.
        page.write_text(original + "\nUn paragraphe ajouté pendant l’aperçu.\n", encoding="utf-8")
        reload, _ = events.next("reload")
        assert reload["build"] == build + 1
        assert "Un paragraphe ajouté pendant l’aperçu." in fetch(served.port, PAGE_URL)[2]
        served.line(r"^rebuilt in \d+ ms: \d+ files? changed \(Content/fr/contact\.md\)$", EVENT_SECONDS)

        # A broken front matter: an error event with file:line:column, the same text in the terminal,
        # and the last good page still served.
        page.write_text(original.replace("---\n", "---\nbroken: [unclosed\n", 1), encoding="utf-8")
        error, _ = events.next("error")
        assert re.search(r"Content/fr/contact\.md:\d+:\d+: error: ", error["message"])
        served.line(re.escape(error["message"].splitlines()[0]), EVENT_SECONDS, stream="stderr")
        status, _, body = fetch(served.port, PAGE_URL)
        assert status == 200 and "Un paragraphe ajouté pendant l’aperçu." in body

        # A page opened while the build is broken is told at once.
        late = EventStream(served.port)
        try:
            assert late.next("error", 5)[0] == error
        finally:
            late.close()

        # Fixed: reload again.
        page.write_text(original, encoding="utf-8")
        assert events.next("reload")[0]["build"] == build + 2
        assert "Un paragraphe ajouté pendant l’aperçu." not in fetch(served.port, PAGE_URL)[2]
    finally:
        events.close()
        page.write_text(original, encoding="utf-8")


def test_a_stylesheet_edit_updates_the_stylesheet_without_a_reload(served):
    sheet = served.root / "Themes" / "default" / "assets" / "cleiss.css"
    original = sheet.read_text(encoding="utf-8")
    time.sleep(0.5)  # past the rebuild of the previous test's last write, which would share the batch
    events = EventStream(served.port)
    try:
        build = events.next("connected")[0]["build"]
        sheet.write_text(original + "\n/* edited during the preview */\n", encoding="utf-8")
        css, _ = events.next("css")
        assert css["build"] == build + 1
        status, _, body = fetch(served.port, "/assets/cleiss.css?cleiss-site-build=%d" % css["build"])
        assert status == 200 and body.endswith("/* edited during the preview */\n")
        served.line(r"^rebuilt in \d+ ms: 1 file changed \(Themes/default/assets/cleiss\.css\)$", EVENT_SECONDS)
        # A page edit after it is a reload again.
        page = served.root / PAGE
        text = page.read_text(encoding="utf-8")
        try:
            page.write_text(text + "\nUn autre paragraphe.\n", encoding="utf-8")
            assert events.next("reload")[0]["build"] == build + 2
        finally:
            page.write_text(text, encoding="utf-8")
            events.next("reload")
    finally:
        events.close()
        sheet.write_text(original, encoding="utf-8")


def test_the_built_files_have_no_reload_script(served):
    pages = list(served.output.rglob("*.html"))
    assert len(pages) > 50
    assert not [p for p in pages if "__cleiss-site" in p.read_text(encoding="utf-8")]
    assert "/__cleiss-site/reload.js" in fetch(served.port, "/fr/")[2]


def test_a_second_serve_on_the_same_port_fails_clearly(served, tmp_path):
    other = Serve(served.root, served.port)
    try:
        assert other.process.wait(timeout=30) == 1
    finally:
        other.stop()
    errors = [line for line in other.stderr if line.strip()]
    assert len(errors) == 1, errors
    assert str(served.port) in errors[0] and "--port" in errors[0] and "in use" in errors[0]


def test_invalid_port_is_a_usage_error(site_copy):
    for port in ("0", "70000", "http"):
        result = subprocess.run([binary(), "serve", "--source", str(site_copy), "--port", port], capture_output=True, text=True, timeout=30)
        assert result.returncode == 2, (port, result.stderr)
        assert "--port" in result.stderr


def test_sigint_stops_cleanly_and_removes_the_temporary_output(site_copy):
    serve = Serve(site_copy, free_port())
    serve.ready()
    assert serve.output.is_dir()
    events = EventStream(serve.port)
    try:
        events.next("connected")
        assert serve.stop() == 0
    finally:
        events.close()
    assert not serve.output.exists()
    assert not serve.output.parent.exists()
    assert not [line for line in serve.stderr if "Traceback" in line or "Fatal error" in line]


def test_a_broken_first_build_is_served_once_fixed(site_copy):
    page = site_copy / PAGE
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("---\n", "---\nbroken: [unclosed\n", 1), encoding="utf-8")
    serve = Serve(site_copy, free_port())
    try:
        assert serve.ready() == f"http://127.0.0.1:{serve.port}/"
        assert any(re.match(r"Content/fr/contact\.md:\d+:\d+: error: ", line) for line in serve.stderr)
        status, _, body = fetch(serve.port, "/fr/")
        assert status == 503 and "/__cleiss-site/reload.js" in body
        events = EventStream(serve.port)
        try:
            assert "Content/fr/contact.md" in events.next("error", 5)[0]["message"]
            page.write_text(original, encoding="utf-8")
            assert events.next("reload")[0]["build"] == 1
        finally:
            events.close()
        assert fetch(serve.port, PAGE_URL)[0] == 200
    finally:
        assert serve.stop() == 0


def git(root: Path, *arguments: str, date: str = "2026-01-05T10:00:00") -> None:
    """git in the site's folder, as a person with a fixed clock: the history decides what is outdated."""
    environment = {"GIT_AUTHOR_NAME": "Rédaction", "GIT_AUTHOR_EMAIL": "redaction@example.fr", "GIT_COMMITTER_NAME": "Rédaction",
                   "GIT_COMMITTER_EMAIL": "redaction@example.fr", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                   "PATH": "/usr/bin:/bin", "HOME": str(root)}
    subprocess.run(["git", "-C", str(root), *arguments], check=True, capture_output=True, env=environment)


def test_a_commit_while_serving_updates_the_outdated_translation_notices(site_copy):
    """A commit changes no source file, but it can make a translation outdated: its notice must appear."""
    english_url = "/en/contact/"
    git(site_copy, "init", "--quiet", "--initial-branch=main")
    git(site_copy, "add", ".")
    git(site_copy, "commit", "--quiet", "-m", "Le site")
    serve = Serve(site_copy, free_port())
    try:
        serve.ready()
        assert 'class="notice"' not in fetch(serve.port, english_url)[2]
        events = EventStream(serve.port)
        try:
            build = events.next("connected")[0]["build"]
            page = site_copy / PAGE
            page.write_text(page.read_text(encoding="utf-8") + "\nNous répondons en deux semaines.\n", encoding="utf-8")
            assert events.next("reload")[0]["build"] == build + 1
            # Not committed yet: the translation is as recent as its original in git.
            assert 'class="notice"' not in fetch(serve.port, english_url)[2]

            git(site_copy, "commit", "--quiet", "-am", "Contact : le délai de réponse", date="2026-02-10T10:00:00")
            assert events.next("reload")[0]["build"] == build + 2
            serve.line(r"^rebuilt in \d+ ms: \d+ files? changed \(git history\)$", EVENT_SECONDS)
            body = fetch(serve.port, english_url)[2]
            assert '<p class="notice" role="note">' in body and 'href="/fr/contact/" hreflang="fr"' in body
            # A commit that changes nothing the site shows rebuilds and changes no file.
            git(site_copy, "commit", "--quiet", "--allow-empty", "-m", "Rien", date="2026-02-11T10:00:00")
            assert events.next("reload")[0]["build"] == build + 3
            serve.line(r"^rebuilt in \d+ ms: 0 files changed \(git history\)$", EVENT_SECONDS)
        finally:
            events.close()
    finally:
        assert serve.stop() == 0
