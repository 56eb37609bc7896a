#!/usr/bin/env python3
"""What spelling costs `cleiss-site check` (part of `make bench`): the same pages checked with the
spelling rule on and off, side by side.

    spelling_cost.py --cleiss BINARY [--pages FOLDER] [--runs 10]

The site is a temporary copy of the repository's site.yml and Themes/ with, as Content/, the fr/ and
en/ folders of --pages (default: Tests/CharterTests/Realistic when it exists, else the shipped
Content/); the spelling-off copy adds `rules: {spelling: off}` to its charter section. The suggestion
index goes to a fresh cache folder (CLEISS_SITE_CACHE_DIR): the first run builds it (reported as the
cold run), the others read it. Then --runs rounds alternate off, on, off, on… so that a slow spell of
a shared machine hits both. Prints the minimum and median wall time of each and their ratios; also
CPU time (user + sys of the check process). Only the standard library is used.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def make_site(root: Path, pages: Path, spelling: bool) -> Path:
    root.mkdir()
    configuration = (REPOSITORY / "site.yml").read_text(encoding="utf-8")
    if not spelling:
        configuration, found = re.subn(r"^(charter:.*)$", r"\1\n  rules: {spelling: off}", configuration, count=1, flags=re.MULTILINE)
        assert found == 1, "site.yml has no 'charter:' section"
    (root / "site.yml").write_text(configuration, encoding="utf-8")
    shutil.copytree(REPOSITORY / "Themes", root / "Themes")
    for language in ("fr", "en"):
        if (pages / language).is_dir():
            shutil.copytree(pages / language, root / "Content" / language)
    return root


def timed_check(binary: str, site: Path, environment: dict) -> tuple[float, float]:
    """Wall and CPU time of one `check` (its exit status is 1 when a page has an error: not a failure here)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([binary, "check", "--source", str(site)], env=environment,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(f"check failed ({result.returncode}) on {site}: {result.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cleiss", required=True, help="the cleiss-site binary (a release build)")
    realistic = REPOSITORY / "Tests" / "CharterTests" / "Realistic"
    parser.add_argument("--pages", type=Path, default=realistic if realistic.is_dir() else REPOSITORY / "Content")
    parser.add_argument("--runs", type=int, default=10)
    arguments = parser.parse_args()
    count = sum(1 for _ in arguments.pages.glob("*/**/*.md"))
    with tempfile.TemporaryDirectory(prefix="spelling-cost-") as scratch:
        folder = Path(scratch)
        on = make_site(folder / "on", arguments.pages, spelling=True)
        off = make_site(folder / "off", arguments.pages, spelling=False)
        environment = dict(os.environ, CLEISS_SITE_CACHE_DIR=str(folder / "cache"))
        cold, _ = timed_check(arguments.cleiss, on, environment)
        index = sum(file.stat().st_size for file in (folder / "cache").glob("*.suggest"))
        times = {"off": [], "on": []}
        for _ in range(arguments.runs):
            for name, site in (("off", off), ("on", on)):
                times[name].append(timed_check(arguments.cleiss, site, environment))
    print(f"check on {count} pages of {arguments.pages}, {arguments.runs} rounds alternated")
    print(f"cold run (spelling on, builds the suggestion index): {cold:.2f} s; index files: {index / 1e6:.1f} MB")
    for name in ("off", "on"):
        walls, cpus = [wall for wall, _ in times[name]], [cpu for _, cpu in times[name]]
        print(f"spelling {name:3}: wall min {min(walls):.3f} s, median {statistics.median(walls):.3f} s; "
              f"CPU median {statistics.median(cpus):.3f} s")
    ratio = lambda pick: pick([w for w, _ in times["on"]]) / pick([w for w, _ in times["off"]])
    print(f"on / off: wall min {ratio(min):.2f}×, median {ratio(statistics.median):.2f}×")


if __name__ == "__main__":
    main()
