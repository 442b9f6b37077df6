import pytest

pytest.importorskip("playwright")

from playwright.sync_api import sync_playwright


def test_browser():
    assert sync_playwright
