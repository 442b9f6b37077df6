from playwright.sync_api import sync_playwright


def test_checkout_page_loads():
    with sync_playwright() as p:
        browser = p.chromium.launch()
        browser.close()
