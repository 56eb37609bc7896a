"""The spelling rule on realistic pages (Tests/EndToEnd/spelling_site): a developer guide, an accessibility
guide and an inclusive-writing guide in French, and English pages in the same style. The rule must find
the real misspellings listed in misspellings.yml, and nothing else."""
import json
import re
from pathlib import Path

import yaml

from conftest import run

SITE = Path(__file__).resolve().parent / "spelling_site"


def spelling_findings():
    result = run("check", "--source", str(SITE), "--format", "json")
    assert result.returncode == 0, result.stderr
    found = {}
    for diagnostic in json.loads(result.stdout)["diagnostics"]:
        if diagnostic["rule"] == "spelling":
            word = re.match(r"“(.+?)”", diagnostic["message"]).group(1)
            found.setdefault(diagnostic["file"], []).append(word)
    return found


def test_realistic_pages_give_only_the_real_misspellings():
    expected = yaml.safe_load((SITE / "misspellings.yml").read_text(encoding="utf-8"))
    found = spelling_findings()
    findings = sum(len(words) for words in found.values())
    real = sum(1 for file, words in found.items() for word in words if word in expected.get(file, []))
    print(f"spelling: {findings} findings, {real} real misspellings, {sum(map(len, expected.values()))} expected")
    assert {file: sorted(words) for file, words in found.items()} == {file: sorted(words) for file, words in expected.items() if words}
