#!/usr/bin/env python3
"""A stand-in for `cleiss-site serve`, for test_run.py: the same command line, the same event
stream, pages made from the Markdown as it is. It lets the latency client of run.py be checked
without a cleiss-site that has serve.

    fake_serve.py serve --source SITE --port PORT [--delay SECONDS]

Listens at once, "builds" after --delay (pages answer 404 until then), then polls the Markdown
files every 20 ms; after each change it rebuilds (another --delay) and sends `reload`. A page
holding the word BROKEN fails the build: `error` is sent and the last good pages stay.
"""

from __future__ import annotations

import argparse
import http.server
import json
import queue
import threading
import time
from pathlib import Path


class Site:
    """The pages (URL -> HTML) of the last good build, and the event queues of the open streams."""

    def __init__(self, source: Path, delay: float):
        self.content, self.delay = source / "Content", delay
        self.pages: dict[str, str] = {}
        self.clients: list[queue.Queue] = []
        self.lock = threading.Lock()
        self.build_number = 0

    def sources(self) -> dict[Path, int]:
        return {path: path.stat().st_mtime_ns for path in self.content.rglob("*.md")}

    def build(self) -> None:
        time.sleep(self.delay)
        texts = {path: path.read_text(encoding="utf-8") for path in self.content.rglob("*.md")}
        if any("BROKEN" in text for text in texts.values()):
            self.send("error", {"message": "a page says BROKEN"})
            return
        pages = {"/" + path.relative_to(self.content).with_suffix("").as_posix() + "/":
                 f"<!DOCTYPE html><html><body><pre>{text}</pre></body></html>" for path, text in texts.items()}
        with self.lock:
            self.pages = pages
            self.build_number += 1
        self.send("reload", {"build": self.build_number})

    def send(self, name: str, data: dict) -> None:
        with self.lock:
            for client in self.clients:
                client.put(f"event: {name}\ndata: {json.dumps(data)}\n\n")

    def watch(self) -> None:
        self.build()
        print("Serving the site — Ctrl-C to stop", flush=True)
        seen = self.sources()
        while True:
            time.sleep(0.02)
            now = self.sources()
            if now != seen:
                seen = now
                self.build()


def handler(site: Site):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # chunked event stream, as serve sends it

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/__cleiss-site/events":
                self.stream()
                return
            with site.lock:
                page = site.pages.get(self.path)
            body = (page or "not found").encode("utf-8")
            self.send_response(200 if page else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def stream(self) -> None:
            events: queue.Queue = queue.Queue()
            with site.lock:
                site.clients.append(events)
                events.put(f"retry: 1000\n\nevent: connected\ndata: {json.dumps({'build': site.build_number})}\n\n")
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            while True:
                try:
                    text = events.get(timeout=0.5)
                except queue.Empty:
                    text = ": keep-alive\n\n"
                # Cut each event in two chunks, in mid-line, as a server may.
                data = text.encode("utf-8")
                for part in (data[: len(data) // 2], data[len(data) // 2:]):
                    try:
                        self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                        self.wfile.flush()
                    except OSError:
                        return

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(prog="fake_serve.py serve", description="A stand-in for cleiss-site serve.")
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True, help="the port to listen on")
    parser.add_argument("--output", type=Path, help="accepted like cleiss-site's, and left alone")
    parser.add_argument("--delay", type=float, default=0.3, help="seconds each build takes")
    args = parser.parse_args()
    site = Site(args.source, args.delay)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler(site))
    server.daemon_threads = True
    threading.Thread(target=site.watch, daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:  # SIGINT, as serve stops
        pass


if __name__ == "__main__":
    main()
