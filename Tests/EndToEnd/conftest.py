"""Builds the real site once for the end-to-end tests, with the binary `make test` just built."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
BASE_URL = "https://www.cleiss.fr/"
CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright never downloads a browser here


def binary() -> str:
    return os.environ.get("CLEISS_SITE", str(REPOSITORY / ".build" / "debug" / "cleiss-site"))


def run(*arguments, cwd=REPOSITORY):
    return subprocess.run([binary(), *arguments], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real Content/ built into a temporary folder: (output folder, completed process)."""
    output = tmp_path_factory.mktemp("real") / "Site"
    result = run("build", "--source", str(REPOSITORY), "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output, result


def copy_sources(root: Path) -> Path:
    """Copies the site's sources (site.yml, Content/, Data/, Themes/) into a new folder `root`."""
    root.mkdir()
    shutil.copy(REPOSITORY / "site.yml", root / "site.yml")
    shutil.copytree(REPOSITORY / "Content", root / "Content")
    shutil.copytree(REPOSITORY / "Themes", root / "Themes")
    shutil.copytree(REPOSITORY / "Data", root / "Data")
    return root


def fill_in_legal_notice(root: Path, director="Jeanne Exemple",
                         host='{name: "Hôte & Cie", address: "1 rue Exemple, 75000 Paris", phone: "01 00 00 00 00"}'):
    """Fills in site.yml's legal-notice settings, which the real site leaves for the Cleiss to give
    and which a build for publication (`--production`) refuses empty. The values are made up for tests."""
    text = (root / "site.yml").read_text(encoding="utf-8")
    text = text.replace('publicationDirector: ""', f'publicationDirector: "{director}"', 1)
    text = text.replace('host: {name: "", address: "", phone: ""}', f"host: {host}", 1)
    (root / "site.yml").write_text(text, encoding="utf-8")


@pytest.fixture
def site_copy(tmp_path):
    """A copy of the site's sources that a test may break."""
    return copy_sources(tmp_path / "site")


@pytest.fixture(scope="session")
def chromium():
    """One browser for the whole session: Debian's Chromium, never a downloaded one. Playwright starts it
    headless with --no-sandbox (its default), so that it runs as root in CI."""
    from playwright.sync_api import sync_playwright  # only the browser tests need it

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tab(chromium):
    """One tab reused by every test; each test opens its page again from the start."""
    page = chromium.new_page()
    yield page
    page.close()
