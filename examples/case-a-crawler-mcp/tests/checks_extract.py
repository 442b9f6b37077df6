from crawl4ai_mcp.extract import first_heading, prices


def test_prices(sample_markdown):
    assert prices(sample_markdown) == [("12.50", "EUR"), ("3.99", "USD")]


def test_first_heading(sample_markdown):
    assert first_heading(sample_markdown.splitlines()) == "Shop"
