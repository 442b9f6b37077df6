import pytest


@pytest.fixture
def sample_markdown() -> str:
    return "# Shop\nWidget 12.50 EUR\nGadget 3,99 USD\n"
