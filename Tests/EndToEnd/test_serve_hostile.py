"""`cleiss-site serve` against hostile or broken clients, over raw sockets on 127.0.0.1 only:
connections that send nothing or send slowly, too many connections, a descriptor limit reached,
a request line of 100 KB, a large file fetched by several clients, pages that go without closing
their event stream, and symbolic links out of the output.

The limits are shortened for the tests with CLEISS_SITE_SERVE_LIMITS (README, "Previewing"), so that
every test takes a few seconds; each one failed with the server of FlyingFox's own connection loop."""
import os
import resource
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import binary, copy_sources

READY_SECONDS = 60
LIMITS = "idle=1,header=2,write=3,streams=3,heartbeat=60"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A `cleiss-site serve` on a free port of 127.0.0.1, writing into `output`, with the test limits."""

    def __init__(self, root: Path, output: Path, limits=LIMITS, descriptors=None, extra=()):
        self.port = free_port()
        self.output = output
        environment = dict(os.environ, CLEISS_SITE_SERVE_LIMITS=limits)

        def limit_descriptors():
            if descriptors:
                resource.setrlimit(resource.RLIMIT_NOFILE, (descriptors, descriptors))
        self.process = subprocess.Popen([binary(), "serve", "--source", str(root), "--port", str(self.port), "--output", str(output), *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment,
                                        preexec_fn=limit_descriptors)
        self.stdout, self.stderr = [], []
        for stream, lines in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr)):
            threading.Thread(target=lambda s=stream, l=lines: [l.append(x.rstrip("\n")) for x in s], daemon=True).start()

    def wait_ready(self):
        deadline = time.monotonic() + READY_SECONDS
        while not any(line.startswith("Serving ") for line in self.stdout):
            assert self.process.poll() is None, f"serve exited with {self.process.returncode}: {self.stderr}"
            assert time.monotonic() < deadline, f"serve not ready within {READY_SECONDS} s: {self.stdout} {self.stderr}"
            time.sleep(0.05)
        return self

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def connect(self, timeout=10) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=timeout)

    def descriptors(self) -> int:
        return len(os.listdir(f"/proc/{self.process.pid}/fd"))

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def resident_megabytes(self) -> float:
        line = next(l for l in Path(f"/proc/{self.process.pid}/status").read_text().splitlines() if l.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024


def request(sock: socket.socket, path: str, *headers: str, method="GET") -> None:
    sock.sendall("\r\n".join([f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *headers, "", ""]).encode())


def read_head(sock: socket.socket) -> tuple[int, dict, bytes]:
    """The status, headers (lower-case names) and the body bytes already received with them."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed after {data!r}")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, value in (line.split(":", 1) for line in lines[1:])}
    return int(lines[0].split()[1]), headers, rest


def get(server: Server, path: str, *headers: str, method="GET") -> tuple[int, dict, bytes]:
    with server.connect() as sock:
        request(sock, path, "Connection: close", *headers, method=method)
        status, fields, body = read_head(sock)
        while chunk := sock.recv(65536):
            body += chunk
        return status, fields, body


def wait_for_an_answer(server: Server, path: str, seconds: float, message: str) -> None:
    """Asks for `path` until it is answered 200 (connections refused or reset meanwhile are retried)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if get(server, path)[0] == 200:
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, message
        time.sleep(0.1)


def closed_within(sock: socket.socket, seconds: float) -> bool:
    """Whether the server closes the connection within `seconds` (what it sends meanwhile is dropped)."""
    sock.settimeout(seconds)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            if not sock.recv(65536):
                return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False
    return False


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return copy_sources(tmp_path_factory.mktemp("hostile") / "site")


@pytest.fixture(scope="module")
def server(site, tmp_path_factory):
    server = Server(site, tmp_path_factory.mktemp("hostile-out") / "Site").wait_ready()
    yield server
    server.stop()


def test_a_connection_that_sends_nothing_is_closed(server):
    with server.connect() as sock:
        started = time.monotonic()
        assert closed_within(sock, 6), "an idle connection was still open after 6 s (idle limit: 1 s)"
        assert time.monotonic() - started >= 0.5


def test_a_request_sent_one_byte_at_a_time_is_closed(server):
    """Slowloris: the head must be complete within the header limit (2 s), however steadily it trickles."""
    with server.connect() as sock:
        request_bytes = b"GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 200
        started = time.monotonic()
        closed = False
        for byte in request_bytes:
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            if closed_within(sock, 0.2):
                closed = True
                break
        assert closed, "a request sent one byte every 0.2 s was still being read after 40 s"
        assert time.monotonic() - started < 8


def test_a_kept_alive_connection_serves_several_requests_then_is_closed_when_idle(server):
    with server.connect() as sock:
        for _ in range(3):
            request(sock, "/robots.txt")
            status, headers, body = read_head(sock)
            while len(body) < int(headers["content-length"]):
                body += sock.recv(65536)
            assert status == 200 and headers.get("connection", "keep-alive") == "keep-alive"
        assert closed_within(sock, 6)


def test_a_request_line_of_100_kb_gets_414_quickly_and_headers_of_40_kb_get_431(server):
    cpu = server.cpu_seconds()
    with server.connect() as sock:
        sock.sendall(b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        status, headers, _ = read_head(sock)
        assert status == 414 and headers["connection"] == "close"
        assert closed_within(sock, 5)
    with server.connect() as sock:
        sock.sendall(b"GET /fr/ HTTP/1.1\r\n" + b"".join(b"X-H%d: %s\r\n" % (n, b"v" * 400) for n in range(100)) + b"\r\n")
        assert read_head(sock)[0] == 431
    # Linear and bounded: the server stopped reading at the limit (8 KB) instead of parsing 100 KB.
    assert server.cpu_seconds() - cpu < 1.0
    assert get(server, "/robots.txt")[0] == 200


def test_too_many_connections_get_503_and_the_server_answers_once_they_are_gone(site, tmp_path):
    # A server of its own, whose idle connections are not closed during the test however slow the machine.
    server = Server(site, tmp_path / "Site", limits="idle=30,header=30,connections=4").wait_ready()
    try:
        idle = [server.connect() for _ in range(4)]
        time.sleep(0.3)
        with server.connect() as extra:
            request(extra, "/fr/")
            status, headers, _ = read_head(extra)
            assert status == 503 and headers["retry-after"] == "1"
        for sock in idle:
            sock.close()
        wait_for_an_answer(server, "/fr/", 5, "no 200 within 5 s of closing the connections")
    finally:
        server.stop()


def test_a_large_file_is_streamed_to_several_clients_with_bounded_memory(server):
    size = 96 * 1024 * 1024
    big = server.output / "assets" / "big.bin"
    with open(big, "wb") as file:
        file.write(os.urandom(1024 * 1024) * 96)
    try:
        before = server.resident_megabytes()
        clients = [server.connect() for _ in range(4)]
        for sock in clients:
            request(sock, "/assets/big.bin")
        for sock in clients:
            status, headers, _ = read_head(sock)
            assert status == 200 and int(headers["content-length"]) == size
        # Every client has started and reads no more: a server holding the file per request holds 4 × 96 MB now.
        time.sleep(1)
        assert server.resident_megabytes() - before < 64, f"{server.resident_megabytes() - before:.0f} MB more while 4 clients fetch 96 MB"
        for sock in clients:
            sock.close()
        # A range, and HEAD: the length without the body.
        status, headers, body = get(server, "/assets/big.bin", "Range: bytes=1048576-1048585")
        assert status == 206 and headers["content-range"] == f"bytes 1048576-1048585/{size}" and len(body) == 10
        assert body == big.read_bytes()[1048576:1048586]
        status, headers, body = get(server, "/assets/big.bin", method="HEAD")
        assert status == 200 and headers["content-length"] == str(size) and body == b""
        assert get(server, "/assets/big.bin", f"Range: bytes={size}-")[0] == 416
    finally:
        big.unlink()


def test_a_client_that_reads_nothing_is_dropped(server):
    big = server.output / "assets" / "slow.bin"
    big.write_bytes(b"x" * (32 * 1024 * 1024))
    try:
        with server.connect() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            before = server.descriptors()
            request(sock, "/assets/slow.bin")
            # The write limit is 3 s: the connection and the file are closed soon after, though the client is still there.
            deadline = time.monotonic() + 10
            while server.descriptors() >= before and time.monotonic() < deadline:
                time.sleep(0.2)
            assert server.descriptors() < before, "a client that reads nothing still held its connection after 10 s"
    finally:
        big.unlink()


def test_an_abandoned_event_stream_frees_its_descriptor_at_once_and_streams_are_capped(server):
    baseline = server.descriptors()
    sock = server.connect()
    request(sock, "/__cleiss-site/events")
    status, headers, body = read_head(sock)
    assert status == 200 and headers["content-type"].startswith("text/event-stream")
    assert server.descriptors() > baseline
    # The page goes without a word (a tab closed, a laptop put to sleep and woken): no heartbeat for 60 s,
    # but the server sees the connection close.
    sock.close()
    deadline = time.monotonic() + 3
    while server.descriptors() > baseline:
        assert time.monotonic() < deadline, "the event stream of a closed page still held its descriptor after 3 s"
        time.sleep(0.05)

    streams = [server.connect() for _ in range(3)]
    try:
        for sock in streams:
            request(sock, "/__cleiss-site/events")
            assert read_head(sock)[0] == 200
        assert get(server, "/__cleiss-site/events")[0] == 503
    finally:
        for sock in streams:
            sock.close()


def test_links_out_of_the_output_are_never_followed(server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret\n")
    page404 = server.output / "fr" / "404.html"
    original = page404.read_bytes()
    leak = server.output / "fr" / "leak.txt"
    try:
        leak.symlink_to(secret)
        page404.unlink()
        page404.symlink_to(secret)
        for path in ("/fr/leak.txt", "/fr/missing/", "/fr/404.html"):
            status, _, body = get(server, path)
            assert status in (403, 404) and b"secret" not in body, path
    finally:
        leak.unlink(missing_ok=True)
        page404.unlink()
        page404.write_bytes(original)


def test_the_descriptor_limit_never_stops_the_server(site, tmp_path):
    """With `ulimit -n 200`, 300 connections: some are refused, and once they are gone the server answers."""
    server = Server(site, tmp_path / "Site", limits="idle=5,header=5", descriptors=200).wait_ready()
    try:
        flood = []
        for _ in range(300):
            try:
                flood.append(server.connect(timeout=2))
            except OSError:
                break
        time.sleep(0.5)
        assert server.descriptors() < 200
        # Refused past the cap, so that the limit is not reached; were it reached, the terminal would say so.
        assert not any("cannot accept" in line for line in server.stderr), server.stderr
        for sock in flood:
            sock.close()
        wait_for_an_answer(server, "/fr/", 5, "the server no longer answers after its descriptors ran out")
    finally:
        server.stop()


def test_listening_beyond_this_machine_is_warned_about(site, tmp_path):
    # 192.0.2.1 (TEST-NET-1, never assigned): the warning is printed, then the address cannot be bound,
    # so nothing ever listens beyond the loopback during the test.
    server = Server(site, tmp_path / "Site", extra=("--bind", "192.0.2.1"))
    try:
        server.process.wait(timeout=30)
    finally:
        server.stop()
    time.sleep(0.2)
    warning = next((line for line in server.stderr if line.startswith("warning: --bind 192.0.2.1")), None)
    assert warning and "reachable from the network" in warning and "never to be exposed" in warning, server.stderr
    assert server.process.returncode == 1


def test_running_out_of_descriptors_is_said_and_the_server_goes_on(site, tmp_path):
    """The limit lowered under the running server (prlimit), below its cap: accept fails, it says so once,
    and once the connections are closed it answers again."""
    server = Server(site, tmp_path / "Site", limits="idle=5,header=5").wait_ready()
    try:
        resource.prlimit(server.process.pid, resource.RLIMIT_NOFILE, (server.descriptors() + 10,) * 2)
        flood = [server.connect(timeout=2) for _ in range(40)]
        deadline = time.monotonic() + 5
        while not any("cannot accept new connections (too many open files)" in line for line in server.stderr):
            assert time.monotonic() < deadline, f"no message within 5 s: {server.stderr}"
            time.sleep(0.05)
        for sock in flood:
            sock.close()
        wait_for_an_answer(server, "/robots.txt", 10, "the server no longer answers after its descriptors ran out")
        assert sum("cannot accept" in line for line in server.stderr) == 1, server.stderr
    finally:
        server.stop()
