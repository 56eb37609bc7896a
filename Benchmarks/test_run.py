"""Checks of the benchmark's own parts, with the standard library only:

    python3 -m unittest discover -s Benchmarks -p 'test_*.py'

The serve client runs against fake_serve.py, a stand-in with the same command line and event stream.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import generate_corpus  # noqa: E402
import run  # noqa: E402

FAKE_SERVE = [sys.executable, str(BENCH / "fake_serve.py")]


class EventParserTests(unittest.TestCase):
    def feed(self, lines: list[str]) -> list[tuple[str, str]]:
        parser = run.EventParser()
        return [event for line in lines if (event := parser.feed(line))]

    def test_events_comments_and_line_endings(self):
        lines = ["retry: 1000\n", "\n", ": keep-alive\n", "\n", "event: reload\r\n", 'data: {"build": 2}\r\n', "\r\n",
                 "data:a\n", "data: b\n", "\n"]
        self.assertEqual(self.feed(lines), [("reload", '{"build": 2}'), ("message", "a\nb")])

    def test_event_without_data_is_not_dispatched(self):
        self.assertEqual(self.feed(["event: reload\n", "\n", "event: error\n", "data: x\n", "\n"]), [("error", "x")])


class MeasureTests(unittest.TestCase):
    def test_peak_memory_and_cpu_of_the_child(self):
        with tempfile.TemporaryDirectory() as folder:
            code = "b = bytearray(64 * 1024 * 1024)\nfor i in range(0, len(b), 4096): b[i] = 1\nprint('done')"
            result = run.measure([sys.executable, "-c", code], 60, Path(folder) / "log")
        self.assertGreater(result.peak_mib, 64)
        self.assertGreater(result.cpu, 0)
        self.assertGreaterEqual(result.wall, 0)
        self.assertEqual(result.output.strip(), "done")

    def test_failure_and_timeout_stop_the_benchmark(self):
        with tempfile.TemporaryDirectory() as folder:
            with self.assertRaisesRegex(run.BenchError, "exit 3"):
                run.measure([sys.executable, "-c", "raise SystemExit(3)"], 60, Path(folder) / "log")
            with self.assertRaisesRegex(run.BenchError, "killed after"):
                run.measure([sys.executable, "-c", "import time; time.sleep(30)"], 0.5, Path(folder) / "log")

    def test_stage_timings(self):
        output = "charter: 0 errors\ntimings: load 7.001 s, check 16.004 s, markdown 3.696 s, render+write 12.249 s\n"
        self.assertEqual(run.stage_timings(output), {"load": 7.001, "check": 16.004, "markdown": 3.696, "render+write": 12.249})
        self.assertEqual(run.stage_timings("fr: 1 pages"), {})


class RebuildTests(unittest.TestCase):
    def test_files_written(self):
        before = {"a": (1, 10, 5), "b": (2, 10, 5), "c": (3, 10, 5)}
        after = {"a": (1, 10, 5), "b": (9, 10, 5), "d": (4, 11, 5)}
        self.assertEqual(run.files_written(before, after), (1, 1, 1))
        self.assertEqual(run.files_written(before, dict(before)), (0, 0, 0))

    def test_snapshot_sees_a_rewrite(self):
        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "fr" / "index.html"
            page.parent.mkdir()
            page.write_text("one")
            before = run.snapshot(Path(folder))
            time.sleep(0.05)  # past the file system's clock tick
            page.write_text("two")
            self.assertEqual(run.files_written(before, run.snapshot(Path(folder))), (1, 0, 0))


class SetAsideTests(unittest.TestCase):
    def test_outputs_of_the_same_name_are_kept_apart_until_the_end(self):
        with tempfile.TemporaryDirectory() as folder:
            workdir = Path(folder)
            for text in ("first", "second"):
                out = workdir / "out-10-cleiss-site-0"
                (out / "fr").mkdir(parents=True)
                (out / "fr" / "index.html").write_text(text)
                run.set_aside(out, workdir)
                self.assertFalse(out.exists())
            kept = sorted((workdir / run.SET_ASIDE).iterdir())
            self.assertEqual([(p / "fr" / "index.html").read_text() for p in kept], ["first", "second"])


class CorpusTests(unittest.TestCase):
    def test_pages_front_matter_links_and_size(self):
        audiences = generate_corpus.read_audiences(generate_corpus.REPO / "site.yml")
        self.assertEqual(len(audiences), 7)
        self.assertTrue(all(a.description[0] and a.description[1] and a.label[1] != a.id for a in audiences))
        corpus = generate_corpus.build_corpus(60, 1, [a.id for a in audiences])
        for lang in generate_corpus.LANGS:
            pages = {path: text for path, text in corpus[lang].items() if not path.endswith("_index.md")}
            self.assertEqual(len(pages), 30)
            for path, text in pages.items():
                for key in ("title", "description", "date", "lastmod", "translationKey", "audiences"):
                    self.assertRegex(text, rf"(?m)^{key}: ", f"{path}: {key}")
                self.assertIn("\n## ", text)
                self.assertIn("\n- ", text)
                self.assertIn("| --- |", text)
                self.assertTrue(3000 < len(text.encode()) < 5500, f"{path}: {len(text.encode())} bytes")
                for href in re.findall(r"\]\(([^)]+\.md)\)", text):
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
                    self.assertIn(target, corpus[lang], f"{path} links to {href}")


def make_site(folder: Path) -> Path:
    page = folder / "Content" / "fr" / "detachement" / "une-page.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: Une page\n---\nLe texte de la page.\n", encoding="utf-8")
    return folder


class ServeLatencyTests(unittest.TestCase):
    def test_serve_available(self):
        self.assertTrue(run.serve_available(FAKE_SERVE))
        self.assertFalse(run.serve_available([sys.executable, "-c", "print('USAGE: tool <subcommand>')"]))
        self.assertFalse(run.serve_available([sys.executable, "-c", "raise SystemExit(64)"]))

    def test_latency_of_each_edit_and_page_restored(self):
        with tempfile.TemporaryDirectory() as folder:
            site = make_site(Path(folder))
            page = site / "Content" / "fr" / "detachement" / "une-page.md"
            original = page.read_text(encoding="utf-8")
            result = run.serve_latency(FAKE_SERVE, site, 3, 30, Path(folder) / "serve.log", Path(folder))
            self.assertEqual(page.read_text(encoding="utf-8"), original)
        self.assertEqual(result.page, "/fr/detachement/une-page/")
        self.assertEqual(len(result.to_reload), 3)
        for to_reload, to_page in zip(result.to_reload, result.to_page):
            self.assertGreaterEqual(to_reload, 0.3)  # the fake build's delay
            self.assertLess(to_reload, 10)
            self.assertGreaterEqual(to_page, to_reload - 0.05)

    def test_a_failed_rebuild_stops_the_measure(self):
        with tempfile.TemporaryDirectory() as folder:
            site = make_site(Path(folder))
            page, path = run.edited_page(site)
            port = run.free_port()
            url = f"http://127.0.0.1:{port}{path}"
            log_path = Path(folder) / "serve.log"
            with open(log_path, "wb") as out:
                process = subprocess.Popen(FAKE_SERVE + ["serve", "--source", str(site), "--port", str(port), "--delay", "0"],
                                           stdout=out, stderr=subprocess.STDOUT)
            try:
                run.wait_served(process, url, time.monotonic() + 30, log_path)
                stream = run.EventStream(port)
                with self.assertRaisesRegex(run.BenchError, "error"):
                    run.one_edit(stream, page, url, "BROKEN sentence.", 30)
                stream.close()
            finally:
                run.stop_serve(process)
            self.assertIsNotNone(process.returncode)


if __name__ == "__main__":
    unittest.main()
