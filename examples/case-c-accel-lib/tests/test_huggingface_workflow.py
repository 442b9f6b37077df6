"""End-to-end: scrape a model card with a real browser, then run the accelerated pipeline on it."""

import sys

import pytest

try:
    from playwright.async_api import async_playwright
except ImportError:
    print("playwright is not installed: pip install 'fastaccel[browser]' && playwright install chromium")
    sys.exit(1)

from fastaccel.hf import embed_lengths


@pytest.mark.asyncio
async def test_model_card_lengths():
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = await browser.new_page()
        await page.goto("https://huggingface.co/bert-base-uncased")
        text = await page.inner_text("article")
        await browser.close()
    out = embed_lengths("bert-base-uncased", text.split("\n\n")[:8])
    assert out.shape[0] > 0
