"""Debian's nginx started on the sample configuration Deploy/nginx/cleiss.conf, for the tests:
a main configuration like Debian's nginx.conf, files in a temporary prefix, a free loopback port."""
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from conftest import REPOSITORY

NGINX = "/usr/sbin/nginx"
SAMPLE = REPOSITORY / "Deploy" / "nginx" / "cleiss.conf"
BROTLI_STATIC_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
# What the tests replace in the sample, and nothing else (the sample says so).
SAMPLE_ROOT = "/srv/cleiss/site"
SAMPLE_LISTEN = ("listen 80;", "listen [::]:80;")
START_SECONDS = 10

# Debian's nginx.conf, less what needs root (the user, /var/log, /run): the sample is included where
# Debian includes conf.d/, after the same `gzip on`.
MAIN = """{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
load_module {module};
events {{ worker_connections 64; }}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    gzip on;
    include {prefix}/cleiss.conf;
}}
"""


def site_configuration(site: Path, port: int, sample: str) -> str:
    """The sample with the folder of the site and the port replaced."""
    for directive in (f"root {SAMPLE_ROOT};", f"include {SAMPLE_ROOT}/.nginx-redirects.map;"):
        assert directive in sample, f"the sample has {directive}"
    assert all(listen in sample for listen in SAMPLE_LISTEN), f"the sample listens with {SAMPLE_LISTEN}"
    return (sample.replace(SAMPLE_ROOT, str(site))
            .replace(SAMPLE_LISTEN[0], f"listen 127.0.0.1:{port};")
            .replace(SAMPLE_LISTEN[1], ""))


class Nginx:
    """nginx serving `site` on 127.0.0.1:`port` with `sample` (the repository's by default) until `stop`."""

    def __init__(self, site: Path, prefix: Path, port: int, sample: str | None = None):
        self.port = port
        self.prefix = prefix
        prefix.mkdir(parents=True, exist_ok=True)
        (prefix / "cleiss.conf").write_text(site_configuration(site, port, sample if sample is not None else SAMPLE.read_text()))
        # As root (CI), the workers would otherwise run as nobody, who cannot read pytest's folders.
        user = "user root;\n" if os.geteuid() == 0 else ""
        (prefix / "nginx.conf").write_text(MAIN.format(user=user, prefix=prefix, module=BROTLI_STATIC_MODULE))
        self.log = open(prefix / "output.log", "w")
        self.process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_SECONDS
        while not self._accepts():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"nginx did not start: {self.errors()}")
            time.sleep(0.05)

    def _accepts(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
            return True
        except OSError:
            return False

    def errors(self) -> str:
        return "\n".join((self.prefix / name).read_text() for name in ("output.log", "error.log") if (self.prefix / name).exists())

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # nginx's graceful stop
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.stop()
