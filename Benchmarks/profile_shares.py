#!/usr/bin/env python3
"""Where a build's CPU goes, from a `perf record -g` profile: the share of each part of the build.

    perf record -F 999 -g -o build.perf.data cleiss-site build --source SITE --output OUT --no-search
    python3 Benchmarks/profile_shares.py build.perf.data

Each sample is one moment of CPU of one thread, with its call stack. A sample belongs to the first
part, in the order of PARTS, that one of its frames names: a template engine function called from the
charter would count as the templates' (none is). So "templates" is every CPU moment spent inside the
template engine (swift-mustache, or the project's compiled engine), and "charter" every moment inside
the charter and its spelling (hunspell and the dictionaries' loading included). The rest is told apart
by the step of the build it runs in. Frame names are Swift's mangled names: `$s7Charter…` is a symbol
of the module Charter. Only the standard library is used; `perf script` does the reading.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys

# (part, fragments of frame names): the first part one of whose fragments is in a frame of the sample.
PARTS = [
    ("templates", ("$s8Mustache", "$s9Templates")),
    ("charter", ("$s7Charter", "$s8Spelling", "$s9Syllables", "Hunspell", "hnj_hyphen")),
    ("front matter", ("FrontMatterParser", "$s13Configuration10YAMLReader", "$s4Yams")),
    ("markdown", ("renderMarkdown", "$s8Markdown")),
    ("files written", ("$s6Output",)),
    ("render (outside templates)", ("$s9Rendering", "$s9PageModel", "14renderAndWrite")),
    ("load (listing, reading)", ("$s14ContentLoading0A6LoaderO",)),
    ("site model (lists, links, URLs)", ("$s14ContentLoading", "siteContent")),
]
OTHER = "other (start, theme, git, report, runtime)"


def samples(perf_data: str):
    """The frames of each sample, leaf first, as `perf script` prints them."""
    script = subprocess.run(["perf", "script", "-i", perf_data, "-F", "ip,sym"], capture_output=True, text=True,
                            errors="replace", check=True).stdout
    for block in script.split("\n\n"):
        frames = [line.strip().partition(" ")[2] for line in block.splitlines() if line.strip()]
        if frames:
            yield frames


def part_of(frames: list[str]) -> str:
    for part, fragments in PARTS:
        if any(fragment in frame for frame in frames for fragment in fragments):
            return part
    return OTHER


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Shares of a cleiss-site build's CPU, from perf record -g.")
    parser.add_argument("perf_data", help="the perf.data file of `perf record -g`")
    args = parser.parse_args(argv)
    counts: collections.Counter[str] = collections.Counter()
    for frames in samples(args.perf_data):
        counts[part_of(frames)] += 1
    total = sum(counts.values())
    if not total:
        print("no samples", file=sys.stderr)
        return 1
    print(f"| part of the build | share of CPU samples ({total:,}) |")
    print("|---|---:|")
    for part in [name for name, _ in PARTS] + [OTHER]:
        print(f"| {part} | {100 * counts[part] / total:.1f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
