"""The man pages in docs/man/ (`make man`) describe the command line as it is: one page per command and
subcommand, naming each of its options and arguments. A new option without `make man` fails here."""
import json
import re
import subprocess

import pytest

from conftest import REPOSITORY, binary

MAN = REPOSITORY / "docs" / "man"


def commands():
    """(page name, command) for the tool and each subcommand, from the definitions the tool dumps."""
    dump = json.loads(subprocess.run([binary(), "--experimental-dump-help"], capture_output=True, text=True, check=True).stdout)
    found, pending = [], [("cleiss-site", dump["command"])]
    while pending:
        name, command = pending.pop()
        found.append((name, command))
        pending += [(f"{name}.{sub['commandName']}", sub) for sub in command.get("subcommands", [])]
    return sorted(found, key=lambda pair: pair[0])


@pytest.mark.parametrize("name,command", commands(), ids=lambda value: value if isinstance(value, str) else "")
def test_each_command_has_a_page_naming_every_option(name, command):
    page = MAN / f"{name}.1"
    assert page.exists(), f"{page.name} is missing: run `make man`"
    text = page.read_text(encoding="utf-8")
    assert command.get("abstract", "") in text, f"{page.name} is out of date: run `make man`"
    for argument in command.get("arguments", []):
        if argument.get("shouldDisplay") is False:
            continue
        names = [entry["name"] for entry in argument.get("names", []) if entry["kind"] == "long"]
        for long_name in names[:1]:  # the generator shows an option by its first name (--timings, not its alias --verbose)
            assert re.search(rf"Fl -{re.escape(long_name)}\b", text), f"{page.name} does not name --{long_name}: run `make man`"
        if not argument.get("names"):
            assert argument["valueName"].upper() in text or argument["valueName"] in text


def test_no_page_is_left_for_a_command_that_no_longer_exists():
    expected = {f"{name}.1" for name, _ in commands()}
    assert {page.name for page in MAN.glob("*.1")} == expected
