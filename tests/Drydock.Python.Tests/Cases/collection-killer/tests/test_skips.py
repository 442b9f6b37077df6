import sys

import pytest

if sys.platform == "win32":
    pytest.skip("POSIX only", allow_module_level=True)

playwright = pytest.importorskip("playwright.async_api")


def test_browser():
    assert playwright is not None
