"""End-to-end check of the Hugging Face workflow in a real browser."""
import asyncio
import sys

import pytest

try:
    from playwright.async_api import async_playwright, Page
except ImportError:
    print("playwright is not installed: pip install playwright")
    sys.exit(1)  # expect: PY001


@pytest.mark.asyncio
async def test_model_page_loads():
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page: Page = await browser.new_page()
        await page.goto("https://huggingface.co")
        await browser.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(test_model_page_loads()))
